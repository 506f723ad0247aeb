"""What the two command-line programs share: argparse in Dutch, where passphrases come from,
and the one-line answer to every failure.

``sociaalveilig-admin`` (cli.py, the desk's and a centre's users) and
``sociaalveilig-server`` (server/, the centre's operator) keep the same contract
(DESIGN.md): global options before the command, passphrases never from arguments, the
documented exit codes, one Dutch line on stderr and never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TextIO

from sociaalveilig.core.errors import SociaalVeiligError, UsageError
from sociaalveilig.core.i18n import QT_TR_NOOP, tr

log = logging.getLogger(__name__)
# Without a configured handler, logging would print a bug's record on stderr beside the
# one line the user reads.
log.addHandler(logging.NullHandler())

EXIT_OK = 0
EXIT_BUG = 1
EXIT_USAGE = 2


# argparse's own texts (help headings, usage errors), in the users' language.
_ARGPARSE_TEXTS = {
    "usage: ": QT_TR_NOOP("gebruik: "),
    "positional arguments": QT_TR_NOOP("argumenten"),
    "options": QT_TR_NOOP("opties"),
    "show this help message and exit": QT_TR_NOOP("toon deze hulp en stop"),
    "argument %(argument_name)s: %(message)s": (
        QT_TR_NOOP("argument %(argument_name)s: %(message)s")
    ),
    "invalid choice: %(value)r (choose from %(choices)s)": (
        QT_TR_NOOP("ongeldige keuze %(value)r (kies uit %(choices)s)")
    ),
    "the following arguments are required: %s": QT_TR_NOOP("deze argumenten ontbreken: %s"),
    "unrecognized arguments: %s": QT_TR_NOOP("onbekende argumenten: %s"),
    "expected one argument": QT_TR_NOOP("hier hoort één waarde bij"),
    "expected at least one argument": QT_TR_NOOP("hier hoort minstens één waarde bij"),
    "expected at most one argument": QT_TR_NOOP("hier hoort hoogstens één waarde bij"),
    "invalid %(type)s value: %(value)r": QT_TR_NOOP("ongeldige waarde %(value)r"),
    "ambiguous option: %(option)s could match %(matches)s": (
        QT_TR_NOOP("optie %(option)s is niet eenduidig: %(matches)s")
    ),
    "one of the arguments %s is required": QT_TR_NOOP("een van deze argumenten is nodig: %s"),
    "not allowed with argument %s": QT_TR_NOOP("niet samen met argument %s"),
}


def _argparse_text(text: str) -> str:
    dutch = _ARGPARSE_TEXTS.get(text)
    return tr(dutch) if dutch is not None else text


argparse._ = _argparse_text  # type: ignore[attr-defined]


# The placeholders in the help (``--store MAP``), in the users' language.
_METAVARS = (
    QT_TR_NOOP("MAP"), QT_TR_NOOP("NAAM"), QT_TR_NOOP("OPDRACHT"), QT_TR_NOOP("ORGANISATIE"),
    QT_TR_NOOP("GEBIED"), QT_TR_NOOP("SOORT"), QT_TR_NOOP("BESTAND"), QT_TR_NOOP("UIT"),
    QT_TR_NOOP("PERIODE"), QT_TR_NOOP("DATUM"),
)


class HelpFormatter(argparse.HelpFormatter):
    # argparse has no hook for metavars but this one (stable since Python 3.2).
    def _metavar_formatter(
        self, action: argparse.Action, default_metavar: str
    ) -> Callable[[int], tuple[str, ...]]:
        plain = super()._metavar_formatter(action, default_metavar)

        def translated(tuple_size: int) -> tuple[str, ...]:
            return tuple(tr(part) if part in _METAVARS else part for part in plain(tuple_size))

        return translated


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one Dutch line (exit 2)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(tr("{message}. Zie '{prog} --help'.").format(
            prog=self.prog.split()[0], message=message
        ))


class Passphrases:
    """Where passphrases come from: standard input (one a line) or a terminal prompt."""

    def __init__(self, from_stdin: bool, stdin: TextIO | None = None) -> None:
        self.from_stdin = from_stdin
        self._stdin = stdin if stdin is not None else sys.stdin

    def read(self, prompt: str) -> str:
        if self.from_stdin:
            line = self._stdin.readline()
            if not line:
                raise UsageError(
                    tr("Te weinig regels op standaardinvoer: verwacht een wachtwoord per regel.")
                )
            return line.rstrip("\r\n")
        if not self._stdin.isatty():
            raise UsageError(
                tr("Geen terminal om het wachtwoord te vragen: gebruik --passphrase-stdin.")
            )
        return getpass.getpass(prompt)

    def read_new(self, prompt: str, again: str) -> str:
        first = self.read(prompt)
        if self.from_stdin:
            return first
        second = self.read(again)
        if first != second:
            raise UsageError(tr("De twee wachtwoorden zijn niet gelijk. Probeer het opnieuw."))
        return first



def log_bug(exc: BaseException) -> None:
    """Log a bug for developers: the type and the code locations, never the message (it
    could hold case content). The user reads one line; nothing reaches stderr from here
    unless the developer configures logging (the CLI logger has a NullHandler)."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}" for f in reversed(frames))
    log.error("internal error %s at %s", type(exc).__name__, where or "?")


def run_command(prog: str, body: Callable[[], int], err: TextIO) -> int:
    """Run a command's body and turn every failure into one line on ``err`` and its exit
    code: the error's own, 2 for an interruption, the store's for a database error, 1
    only for a bug (logged for developers without its message)."""
    try:
        return int(body())
    except SociaalVeiligError as exc:
        print(f"{prog}: {exc.message}", file=err)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"{prog}: " + tr("Afgebroken; er is niets half weggeschreven."), file=err)
        return EXIT_USAGE
    except Exception as exc:  # a bug: still one line, never a traceback
        from sociaalveilig.storage.errors import classify_exception

        mapped = classify_exception(exc)
        if mapped is not None:
            print(f"{prog}: {mapped.message}", file=err)
            return mapped.exit_code
        log_bug(exc)
        print(
            f"{prog}: "
            + tr("Interne fout ({kind}). Meld dit bij de functioneel beheerder.").format(
                kind=type(exc).__name__
            ),
            file=err,
        )
        return EXIT_BUG


def parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    return parser.parse_args(argv)
