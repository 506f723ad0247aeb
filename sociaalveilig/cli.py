"""sociaalveilig-admin: the command line over the same services as the window.

Contract (DESIGN.md): global options before the command; passphrases never from
arguments (a terminal prompt, or ``--passphrase-stdin``: one a line, the acting
user's first, then a new one where the command needs it). Exit codes: 0 done,
2 usage, 3 authentication failed, 4 invalid input (nothing changed), 5 store damaged
or tampered, 6 the centre cannot be reached, 1 only for a bug. Every failure is one line
on stderr, never a traceback.

Two stores: ``--store DIR`` (the default) works on a desk's encrypted folder;
``--server URL [--ca PEM]`` signs in to a centre (``services.remote``) and runs the same
commands there, with the same output, files and exit codes: the services run on the
server as the signed-in user, files (imports, exports, PDFs, rejects) are read and written
here on the desk. The commands about a local folder (``init``, ``recover``, ``backup``,
``restore``, ``verify``) belong to the centre's operator (``sociaalveilig-server``).
"""

from __future__ import annotations

import argparse
import logging
import ssl
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from sociaalveilig.commandline import EXIT_OK, Parser, Passphrases, run_command
from sociaalveilig.core.errors import (
    StoreDamaged,
    StoreUnavailable,
    UsageError,
    ValidationError,
)
from sociaalveilig.core.i18n import tr
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage.location import default_store_dir

PROG = "sociaalveilig-admin"


@dataclass
class Env:
    args: argparse.Namespace
    store_dir: Path
    passphrases: Passphrases
    out: TextIO
    err: TextIO
    server: str | None = None
    """The centre's URL (``--server``); None on a desk's store."""
    ca: Path | None = None
    """The CA certificate that vouches for the centre's certificate (``--ca``)."""

    def username(self) -> str:
        from sociaalveilig.services.setup import single_user

        if self.args.user:
            return str(self.args.user)
        if self.server is not None:
            # A desk's folder can tell its only user; a centre serves a whole team.
            raise UsageError(
                tr("Geef met --user NAAM aan wie u bent: op een centrum is dat verplicht.")
            )
        return single_user(self.store_dir)

    @contextmanager
    def session(self) -> Iterator[ServiceContext]:
        """Sign in as the acting user; lock the store (or end the centre's session)
        afterwards."""
        if self.server is not None:
            with self._centre_session() as ctx:
                yield ctx
            return
        from sociaalveilig.services.setup import lock, login

        username = self.username()
        passphrase = self.passphrases.read(tr("Wachtwoord voor {user}: ").format(user=username))
        ctx = login(self.store_dir, username, passphrase)
        try:
            yield ctx
        except BaseException:
            # The command failed: close without the lock's audit write, which could fail
            # on the same damaged page and hide the real error.
            ctx.store.close()
            raise
        try:
            lock(ctx)
        except Exception:
            ctx.store.close()

    @contextmanager
    def _centre_session(self) -> Iterator[ServiceContext]:
        from sociaalveilig.services import remote

        assert self.server is not None
        username = self.username()
        passphrase = self.passphrases.read(tr("Wachtwoord voor {user}: ").format(user=username))
        with centre_errors(self.server):
            ctx = remote.connect(self.server, username, passphrase, ca=self.ca)
        try:
            with centre_errors(self.server):
                yield ctx
        finally:
            # Never raises for a centre that went away: the command's own outcome counts.
            remote.end_session(ctx)

    def say(self, text: str) -> None:
        print(text, file=self.out)


# --------------------------------------------------------------------------- the centre

FOLDER_COMMANDS = ("init", "recover", "backup", "restore", "verify")
"""Commands about a store's folder: on a centre they are the operator's, on the server."""


def _tls_failure(exc: BaseException) -> bool:
    """Whether a failure to reach the centre came from its certificate (somewhere in the
    chain of causes the client kept)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLError) or "CERTIFICATE_VERIFY_FAILED" in str(current):
            return True
        current = current.__cause__ or current.__context__
    return False


@contextmanager
def centre_errors(server: str) -> Iterator[None]:
    """A centre whose certificate this desk does not trust says so, and what to do about
    it, in its one line (exit 6); every other failure to reach it already names it."""
    try:
        yield
    except StoreUnavailable as exc:
        if not _tls_failure(exc):
            raise
        from sociaalveilig.services.remote.client import label

        raise StoreUnavailable(
            tr(
                "Het certificaat van het centrum {server} wordt niet vertrouwd. Geef het "
                "CA-certificaat van het centrum mee met --ca PEM."
            ).format(server=label(server))
        ) from exc


def centre_purge_note() -> str:
    return tr(
        "Let op: back-ups van vóór deze opschoning bevatten de verwijderde gegevens nog, "
        "tot ze door rotatie verdwijnen of worden verwijderd."
    )


def centre_options(args: argparse.Namespace) -> tuple[str | None, Path | None]:
    """``--server`` and ``--ca`` checked against each other, ``--store`` and the command,
    before any passphrase is asked."""
    if args.server is None:
        if args.ca is not None:
            raise UsageError(tr("--ca hoort bij --server URL. Geef ook het adres van het centrum."))
        return None, None
    if args.store is not None:
        raise UsageError(
            tr("Kies --store MAP (een opslag op deze werkplek) of --server URL (een centrum), "
               "niet allebei.")
        )
    if args.command in FOLDER_COMMANDS:
        raise UsageError(
            tr(
                "'{command}' werkt niet met --server: op een centrum doet de beheerder van de "
                "server dat met 'sociaalveilig-server {command} --database URL'."
            ).format(command=args.command)
        )
    from sociaalveilig.services.remote.client import check_url

    server = check_url(str(args.server))  # a wrong address before any passphrase is asked
    ca = Path(args.ca) if args.ca is not None else None
    if ca is not None and not ca.is_file():
        raise UsageError(
            tr("Het CA-certificaat {path} bestaat niet of is geen bestand.").format(path=ca)
        )
    return server, ca


# --------------------------------------------------------------------------- commands


def cmd_init(env: Env) -> int:
    from sociaalveilig.services.setup import create_store

    username = env.args.init_user or env.args.user
    if not username:
        raise UsageError(tr("Geef de naam van de beheerder: init --user NAAM."))
    passphrase = env.passphrases.read_new(
        tr("Nieuw wachtwoord voor {user}: ").format(user=username), tr("Herhaal het wachtwoord: ")
    )
    ctx, recovery_code = create_store(env.store_dir, username, passphrase)
    ctx.store.close()
    env.say(
        tr("Opslag aangemaakt in {folder} met beheerder {user}.").format(
            folder=env.store_dir, user=ctx.actor.username
        )
    )
    env.say(tr("Herstelcode (wordt maar één keer getoond; print en bewaar hem veilig):"))
    env.say("    " + recovery_code)
    return EXIT_OK


def cmd_user_add(env: Env) -> int:
    from sociaalveilig.services.users import add_user

    with env.session() as ctx:
        password = env.passphrases.read_new(
            tr("Wachtwoord voor de nieuwe gebruiker {user}: ").format(user=env.args.name),
            tr("Herhaal het wachtwoord: "),
        )
        user = add_user(
            ctx,
            env.args.name,
            env.args.role,
            password,
            display_name=env.args.display_name,
            partner=env.args.partner,
            areas=env.args.area or [],
        )
    env.say(
        tr("Gebruiker {user} toegevoegd met rol {role}.").format(
            user=user.username, role=user.role_label
        )
    )
    return EXIT_OK


def cmd_passwd(env: Env) -> int:
    from sociaalveilig.services.setup import change_passphrase

    username = env.username()
    old = env.passphrases.read(tr("Huidig wachtwoord voor {user}: ").format(user=username))
    new = env.passphrases.read_new(tr("Nieuw wachtwoord: "), tr("Herhaal het nieuwe wachtwoord: "))
    if env.server is not None:
        from sociaalveilig.services import remote

        with centre_errors(env.server):
            remote.change_passphrase(env.server, username, old, new, ca=env.ca)
    else:
        change_passphrase(env.store_dir, username, old, new)
    env.say(tr("Wachtwoord van {user} gewijzigd.").format(user=username))
    return EXIT_OK


def cmd_recover(env: Env) -> int:
    from sociaalveilig.services.setup import lock, recover

    code = env.passphrases.read(tr("Herstelcode: "))
    new = env.passphrases.read_new(tr("Nieuw wachtwoord: "), tr("Herhaal het nieuwe wachtwoord: "))
    ctx, new_code = recover(env.store_dir, code, new, env.args.user)
    try:
        lock(ctx)
    except Exception:
        ctx.store.close()
    env.say(
        tr("Nieuw wachtwoord ingesteld voor beheerder {user}.").format(user=ctx.actor.username)
    )
    env.say(
        tr(
            "De gebruikte herstelcode werkt niet meer. Nieuwe herstelcode (wordt maar één keer "
            "getoond; print en bewaar hem veilig):"
        )
    )
    env.say("    " + new_code)
    return EXIT_OK


def cmd_import_signals(env: Env) -> int:
    from sociaalveilig.services.imports import import_signals

    if env.args.skip_invalid and not env.args.rejects:
        raise UsageError(
            tr("--skip-invalid vraagt ook --rejects BESTAND voor de afgekeurde regels.")
        )
    from sociaalveilig.storage.files import read_input_file
    from sociaalveilig.storage.output_guard import check_output_file

    path = Path(env.args.file)
    try:
        data = read_input_file(path)
    except OSError as exc:
        raise UsageError(
            tr("Kan {path} niet lezen: {reason}.").format(path=path, reason=exc.strerror)
        ) from exc
    if env.args.rejects:
        # Checked before importing: the rejects are written after the import committed.
        folder = Path(env.args.rejects).parent
        if not folder.is_dir():
            raise UsageError(
                tr("De map {folder} voor --rejects bestaat niet. Kies een bestaande map.").format(
                    folder=folder
                )
            )
        check_output_file(Path(env.args.rejects))
    with env.session() as ctx:
        outcome = import_signals(ctx, data, skip_invalid=env.args.skip_invalid)
    if outcome.errors and not env.args.skip_invalid:
        for line in outcome.error_lines:
            print(line, file=env.err)
        raise ValidationError(
            tr(
                "{n} regel(s) afgekeurd; niets geïmporteerd. Verbeter het bestand en probeer "
                "opnieuw, of gebruik --skip-invalid --rejects BESTAND."
            ).format(n=len(outcome.errors))
        )
    if outcome.errors and env.args.rejects:
        from sociaalveilig.storage.files import write_text_atomic

        write_text_atomic(Path(env.args.rejects), outcome.rejects_csv or "", bom=True)
        env.say(
            tr("{n} regel(s) afgekeurd en weggeschreven naar {path}.").format(
                n=len(outcome.errors), path=env.args.rejects
            )
        )
    env.say(tr("{n} signalen geïmporteerd.").format(n=outcome.imported))
    return EXIT_OK


def cmd_export(env: Env) -> int:
    from sociaalveilig.services import exports
    from sociaalveilig.storage.files import write_text_atomic
    from sociaalveilig.storage.output_guard import check_output_file

    check_output_file(Path(env.args.out))  # refused before anything is read or logged
    with env.session() as ctx:
        if env.args.what == "signals":
            text, count = exports.export_signals(ctx)
        else:
            text, count = exports.export_cases(ctx)
    write_text_atomic(Path(env.args.out), text, bom=True)
    env.say(tr("{n} regels geëxporteerd naar {path}.").format(n=count, path=env.args.out))
    return EXIT_OK


def cmd_report(env: Env) -> int:
    from sociaalveilig.reports import api

    out = api.check_output_path(Path(env.args.out))
    with env.session() as ctx:
        if env.args.kind == "case":
            api.case_summary(ctx, env.args.ref, out, pseudonymised=env.args.pseudonymised)
        elif env.args.kind == "buurtschouw":
            api.buurtschouw_pack(ctx, env.args.area, out)
        else:
            api.management_report(ctx, env.args.period, env.args.area, out)
    env.say(tr("Rapport geschreven naar {path}.").format(path=out))
    return EXIT_OK


def cmd_backup(env: Env) -> int:
    from sociaalveilig.services.maintenance import backup
    from sociaalveilig.storage.output_guard import check_output_file

    check_output_file(Path(env.args.out))
    with env.session() as ctx:
        info = backup(ctx, Path(env.args.out))
    line = tr("Back-up geschreven en gecontroleerd: {path} ({size} bytes).").format(
        path=info.path, size=info.size
    )
    if info.audit_head is not None:
        # The head on paper or in a mail: a later rewrite of the chain no longer fits it.
        line += " " + tr("Auditketen tot regel {n}, kenmerk {hash}.").format(
            n=info.audit_head.last_id, hash=info.audit_head.short_hash
        )
    env.say(line)
    return EXIT_OK


def cmd_restore(env: Env) -> int:
    from sociaalveilig.services.maintenance import restore

    username = env.args.user
    passphrase = env.passphrases.read(
        tr("Wachtwoord voor {user}: ").format(user=username or tr("de gebruiker"))
    )
    target = restore(Path(env.args.backup), Path(env.args.to), username, passphrase)
    env.say(tr("Back-up teruggezet en gecontroleerd in {path}.").format(path=target))
    return EXIT_OK


def cmd_verify(env: Env) -> int:
    from sociaalveilig.services.maintenance import verify

    with env.session() as ctx:
        report = verify(ctx)
    for line in report.lines:
        env.say(line)
    if not report.ok:
        raise StoreDamaged(report.summary)
    env.say(report.summary)
    return EXIT_OK


def cmd_purge(env: Env) -> int:
    from sociaalveilig.services.autobackup import purge_backup_note
    from sociaalveilig.services.retention_purge import parse_as_of, purge

    if env.args.as_of is not None and not env.args.as_of.strip():
        # An empty --as-of must not quietly mean "today": a purge deletes for good.
        raise UsageError(
            tr("--as-of is leeg. Geef een datum (dd-mm-jjjj) of laat --as-of weg voor vandaag.")
        )
    with env.session() as ctx:
        as_of = parse_as_of(ctx, env.args.as_of)
        result = purge(ctx, as_of)
        # Backups made before the purge still hold the purged records: say so honestly.
        # A centre's backups are its operator's (sociaalveilig-server backup), in no
        # folder this desk knows: the general sentence, as on a desk without a folder.
        note = purge_backup_note(ctx) if env.server is None else centre_purge_note()
    for line in result.lines:
        env.say(line)
    env.say(note)
    return EXIT_OK


def cmd_audit_export(env: Env) -> int:
    from sociaalveilig.services.auditlog import export_audit_csv
    from sociaalveilig.storage.files import write_text_atomic
    from sociaalveilig.storage.output_guard import check_output_file

    check_output_file(Path(env.args.out))
    with env.session() as ctx:
        text, count = export_audit_csv(ctx, person_ref=env.args.person)
    write_text_atomic(Path(env.args.out), text, bom=True)
    env.say(tr("{n} auditregels geëxporteerd naar {path}.").format(n=count, path=env.args.out))
    return EXIT_OK


def cmd_demo(env: Env) -> int:
    from sociaalveilig.demo import fill_demo

    if env.args.signals < 0:
        raise UsageError(tr("--signals moet 0 of meer zijn."))
    with env.session() as ctx:
        summary = fill_demo(ctx, env.args.signals)
    env.say(summary)
    return EXIT_OK


# --------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    p = Parser(
        prog=PROG,
        description=tr(
            "Beheer van een Sociaal Veilig-opslag, of met --server van een centrum (zonder "
            "init, recover, backup, restore en verify: die horen bij sociaalveilig-server)."
        ),
    )
    p.add_argument("--store", metavar="MAP", help=tr("de opslagmap (standaard: gebruikersmap)"))
    p.add_argument(
        "--server",
        metavar="URL",
        help=tr(
            "werk op een centrum in plaats van een opslagmap: https://… of http:// op dit "
            "apparaat (loopback)"
        ),
    )
    p.add_argument(
        "--ca",
        metavar="PEM",
        help=tr("het CA-certificaat dat het certificaat van het centrum ondertekende"),
    )
    p.add_argument(
        "--user",
        metavar="NAAM",
        help=tr("de handelende gebruiker (op een centrum verplicht)"),
    )
    p.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help=tr("lees wachtwoorden van standaardinvoer, één per regel"),
    )
    sub = p.add_subparsers(dest="command", metavar="OPDRACHT", parser_class=Parser)

    def add(name: str, handler: Callable[[Env], int], help_text: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_text)
        sp.set_defaults(handler=handler)
        return sp

    sp = add("init", cmd_init, tr("maak een nieuwe opslag met een beheerder"))
    sp.add_argument("--user", dest="init_user", metavar="NAAM", required=False)

    sp = sub.add_parser("user", help=tr("gebruikers beheren"))
    usub = sp.add_subparsers(dest="user_command", metavar="OPDRACHT", parser_class=Parser)
    ua = usub.add_parser("add", help=tr("voeg een gebruiker toe"))
    ua.set_defaults(handler=cmd_user_add)
    ua.add_argument("name", metavar="NAAM")
    ua.add_argument(
        "--role",
        required=True,
        choices=["beheerder", "coordinator", "wijkagent", "partner", "manager"],
    )
    ua.add_argument("--display-name", metavar="NAAM")
    ua.add_argument("--partner", metavar="ORGANISATIE", help=tr("voor de rol partner"))
    ua.add_argument(
        "--area", action="append", metavar="GEBIED", help=tr("focusgebied (herhaalbaar)")
    )

    add("passwd", cmd_passwd, tr("wijzig het wachtwoord van de handelende gebruiker"))
    add(
        "recover",
        cmd_recover,
        tr(
            "geef een beheerder weer toegang met de herstelcode (invoer: herstelcode, dan nieuw "
            "wachtwoord); geeft een nieuwe herstelcode"
        ),
    )

    sp = sub.add_parser("import", help=tr("importeer gegevens"))
    isub = sp.add_subparsers(dest="import_what", metavar="SOORT", parser_class=Parser)
    si = isub.add_parser("signals", help=tr("importeer signalen uit CSV"))
    si.set_defaults(handler=cmd_import_signals)
    si.add_argument("file", metavar="BESTAND")
    si.add_argument("--skip-invalid", action="store_true")
    si.add_argument("--rejects", metavar="BESTAND")

    sp = sub.add_parser("export", help=tr("exporteer naar CSV"))
    esub = sp.add_subparsers(dest="what", metavar="SOORT", parser_class=Parser)
    for what in ("signals", "cases"):
        se = esub.add_parser(what)
        se.set_defaults(handler=cmd_export)
        se.add_argument("out", metavar="UIT")

    sp = sub.add_parser("report", help=tr("maak een PDF-rapport"))
    rsub = sp.add_subparsers(dest="kind", metavar="SOORT", parser_class=Parser)
    rc = rsub.add_parser("case", help=tr("casusoverzicht"))
    rc.add_argument("ref", metavar="REF")
    rc.add_argument(
        "--pseudonymised", action="store_true", help=tr("alleen initialen, geen omschrijvingen")
    )
    rb = rsub.add_parser("buurtschouw", help=tr("voorbereiding buurtschouw"))
    rb.add_argument("--area", required=True, metavar="GEBIED")
    rm = rsub.add_parser("management", help=tr("managementcijfers"))
    rm.add_argument("--period", required=True, metavar="PERIODE")
    rm.add_argument("--area", metavar="GEBIED")
    for r in (rc, rb, rm):
        r.set_defaults(handler=cmd_report)
        r.add_argument("--out", required=True, metavar="PDF")

    sp = add("backup", cmd_backup, tr("maak een versleutelde, gecontroleerde back-up"))
    sp.add_argument("out", metavar="UIT")
    sp = add("restore", cmd_restore, tr("zet een back-up terug in een nieuwe map"))
    sp.add_argument("backup", metavar="IN")
    sp.add_argument("--to", required=True, metavar="MAP")

    add("verify", cmd_verify, tr("controleer integriteit, versleuteling en auditketen"))
    sp = add("purge", cmd_purge, tr("pas de bewaartermijnen toe"))
    sp.add_argument("--as-of", metavar="DATUM")

    sp = sub.add_parser("audit", help=tr("auditlog"))
    asub = sp.add_subparsers(dest="audit_command", metavar="OPDRACHT", parser_class=Parser)
    ae = asub.add_parser("export", help=tr("exporteer het auditlog als CSV"))
    ae.set_defaults(handler=cmd_audit_export)
    ae.add_argument("out", metavar="UIT")
    ae.add_argument("--person", metavar="REF")

    sp = add("demo", cmd_demo, tr("vul de opslag met duidelijk fictieve gegevens"))
    sp.add_argument("--signals", type=int, default=500, metavar="N")
    return p


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
        handler = getattr(args, "handler", None)
        if handler is None:
            raise UsageError(tr("Geef een opdracht. Zie '{prog} --help'.").format(prog=PROG))
        server, ca = centre_options(args)
        store_dir = Path(args.store) if args.store else default_store_dir()
        env = Env(
            args, store_dir, Passphrases(args.passphrase_stdin, stdin), out, err, server, ca
        )
        return int(handler(env))

    return run_command(PROG, body, err)


def main() -> None:
    from sociaalveilig import language

    try:
        language.install_for_command_line(language.command_line_language())
    except Exception:  # an unreadable settings file must not stop the command: Dutch
        logging.getLogger(__name__).debug("language setting unreadable; using Dutch")
    sys.exit(run())


if __name__ == "__main__":
    main()
