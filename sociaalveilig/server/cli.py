"""sociaalveilig-server: the operator's command line of a centre (DESIGN.md, "The centre").

``init``, ``recover``, ``run``, ``backup``, ``restore``, ``verify``, ``import-store`` and
``upgrade``, each on the PostgreSQL database given by ``--database URL`` or
``SOCIAALVEILIG_DATABASE_URL``. Each command lives in its own module
``sociaalveilig.server.cmd_<name>`` with ``main(env) -> int``; this module only parses and
answers failures with one Dutch line and the documented exit code
(commandline.run_command).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from sociaalveilig.commandline import Parser, Passphrases, run_command
from sociaalveilig.core.errors import UsageError
from sociaalveilig.core.i18n import tr

PROG = "sociaalveilig-server"
DATABASE_ENV = "SOCIAALVEILIG_DATABASE_URL"


@dataclass
class ServerEnv:
    """What a command gets: its arguments, the database URL, passphrases and output."""

    args: argparse.Namespace
    database_url: str
    passphrases: Passphrases
    out: TextIO
    err: TextIO

    def say(self, text: str) -> None:
        print(text, file=self.out)


def _database_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--database",
        metavar="URL",
        help=tr("PostgreSQL-adres (postgresql://gebruiker@host:poort/database); anders {env}")
        .format(env=DATABASE_ENV),
    )


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog=PROG, description=tr("Het centrum van Sociaal Veilig: een gedeelde opslag "
                                         "op PostgreSQL voor de werkplekken van een team."))
    sub = p.add_subparsers(dest="command", metavar="OPDRACHT", parser_class=Parser)

    sp = sub.add_parser("init", help=tr("richt een lege database in als centrum"))
    _database_option(sp)
    sp.add_argument("--user", required=True, metavar="NAAM",
                    help=tr("de eerste beheerder"))
    sp.add_argument("--passphrase-stdin", action="store_true",
                    help=tr("lees het wachtwoord van standaardinvoer"))

    sp = sub.add_parser(
        "recover",
        help=tr("geef een beheerder weer toegang met de herstelcode (invoer: herstelcode, dan "
                "nieuw wachtwoord); geeft een nieuwe herstelcode"),
    )
    _database_option(sp)
    sp.add_argument("--user", required=True, metavar="NAAM", help=tr("de beheerder"))
    sp.add_argument("--passphrase-stdin", action="store_true",
                    help=tr("lees herstelcode en wachtwoord van standaardinvoer"))

    sp = sub.add_parser("run", help=tr("bedien het centrum tot SIGTERM"))
    _database_option(sp)
    sp.add_argument("--listen", required=True, metavar="HOST:POORT",
                    help=tr("adres en poort; zonder certificaat alleen een loopback-adres"))
    sp.add_argument("--certificate", metavar="PEM", help=tr("TLS-certificaat (PEM)"))
    sp.add_argument("--key", metavar="PEM", help=tr("sleutel bij het certificaat (PEM)"))

    sp = sub.add_parser("backup", help=tr("maak een versleutelde, gecontroleerde back-up"))
    sp.add_argument("out", metavar="UIT")
    _database_option(sp)
    _passphrase_option(sp, tr("lees het wachtwoord van de back-up van standaardinvoer"))
    sp.add_argument("--force", action="store_true",
                    help=tr("overschrijf een bestaand bestand UIT"))

    sp = sub.add_parser("restore", help=tr("zet een back-up terug in een lege database"))
    sp.add_argument("source", metavar="BESTAND")
    _database_option(sp)
    _passphrase_option(sp, tr("lees het wachtwoord van de back-up van standaardinvoer"))

    sp = sub.add_parser("verify", help=tr("controleer de database en de auditketen"))
    _database_option(sp)

    sp = sub.add_parser("import-store", help=tr("verhuis een werkplekopslag naar het centrum"))
    sp.add_argument("folder", metavar="MAP")
    _database_option(sp)
    sp.add_argument("--user", metavar="NAAM",
                    help=tr("de beheerder die verhuist (standaard: de enige gebruiker)"))
    _passphrase_option(sp, tr("lees het wachtwoord van de beheerder van standaardinvoer"))

    sp = sub.add_parser("upgrade", help=tr("breng het schema van het centrum naar deze versie"))
    _database_option(sp)
    return p


def _passphrase_option(p: argparse.ArgumentParser, text: str) -> None:
    p.add_argument("--passphrase-stdin", action="store_true", help=text)


def _module_for(command: str) -> str:
    return "sociaalveilig.server.cmd_" + command.replace("-", "_")


def run(
    argv: Sequence[str] | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr

    def body() -> int:
        args = build_parser().parse_args(argv)
        if args.command is None:
            raise UsageError(tr("Geef een opdracht. Zie '{prog} --help'.").format(prog=PROG))
        url = args.database or os.environ.get(DATABASE_ENV, "")
        if not url:
            raise UsageError(
                tr("Geef de database met --database URL of {env}.").format(env=DATABASE_ENV)
            )
        from_stdin = bool(getattr(args, "passphrase_stdin", False))
        env = ServerEnv(args, url, Passphrases(from_stdin, stdin), out, err)
        command = importlib.import_module(_module_for(args.command))
        return int(command.main(env))

    return run_command(PROG, body, err)


def main() -> None:
    from sociaalveilig import language

    # An unreadable settings file must not stop the command: it speaks Dutch then.
    with contextlib.suppress(Exception):
        language.install_for_command_line(language.command_line_language())
    sys.exit(run())


if __name__ == "__main__":
    main()
