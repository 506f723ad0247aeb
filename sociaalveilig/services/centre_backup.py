"""Backup, restore and verify of a centre (``sociaalveilig-server backup|restore|verify``).

The centre's counterpart of ``maintenance`` for a desk's folder. A backup is ``pg_dump``'s
archive of the whole database, encrypted with a backup passphrase
(``storage/postgres/backup_file.py`` says why a passphrase), checked before it is put in
place, and written atomically. A restore goes into an empty database only, in one
transaction, and is verified after. Each is logged in the centre's audit chain under the
operator's name (``server:`` and the account that ran the command): the server's
operator is not one of the centre's users.
"""

from __future__ import annotations

import contextlib
import getpass
import os
from dataclasses import dataclass
from pathlib import Path

from sociaalveilig.core.errors import StoreDamaged, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.services.context import Clock, SystemClock
from sociaalveilig.services.retry import retrying
from sociaalveilig.storage import anchor, audit, migrate
from sociaalveilig.storage.files import atomic_output
from sociaalveilig.storage.keyslots import check_passphrase_policy
from sociaalveilig.storage.output_guard import check_output_file
from sociaalveilig.storage.postgres import backup as pg_backup
from sociaalveilig.storage.postgres.backup_file import EncryptingWriter, header_of, iterate_file
from sociaalveilig.storage.postgres.integrity import CentreReport, check_centre, is_empty
from sociaalveilig.storage.postgres.store import PgStore

AUDIT_LOG_DATA = "TABLE DATA public audit_log"
"""The entry of ``pg_restore --list`` that a whole centre's archive must hold."""


@dataclass(frozen=True)
class CentreBackupInfo:
    path: Path
    size: int
    created: str
    audit_entries: int
    audit_head: anchor.AuditHeadMark


def operator_name() -> str:
    """Who ran the command, as the audit log names them: the operating system account."""
    try:
        account = getpass.getuser()
    except Exception:  # no name for this uid (a bare container): still one entry
        account = "?"
    return f"server:{account}"[:80]


@retrying
def log_operation(store: PgStore, action: str, outcome: str, clock: Clock) -> None:
    """One audit entry for the centre as a whole, made by the operator."""
    with store.unit() as session:
        audit.append(
            session,
            audit.AuditEvent(operator_name(), "-", action, "centre", None, outcome=outcome),
            at=clock.utcnow(),
        )


def _check_target(out: Path, force: bool, data_dir: Path | None) -> Path:
    path = check_output_file(out)
    if os.path.lexists(path) and not force:
        raise ValidationError(
            tr("{path} bestaat al; er is niets overschreven. Kies een nieuwe naam of gebruik "
               "--force.").format(path=out),
            field="out",
        )
    real = Path(os.path.realpath(path.parent if str(path.parent) else "."))
    if data_dir is not None and (real == data_dir or data_dir in real.parents):
        raise ValidationError(
            tr("{path} ligt in de datamap van de PostgreSQL-server ({folder}). Kies een map "
               "daarbuiten.").format(path=out, folder=data_dir),
            field="out",
        )
    if not real.is_dir():
        raise ValidationError(
            tr("De map {folder} bestaat niet. Kies een bestaande map.").format(folder=real),
            field="out",
        )
    return path


def check_archive(url: str, path: Path, passphrase: str) -> pg_backup.ArchiveChain:
    """Decrypt a backup file and read it as a restore would: its table of contents must
    hold the audit log's data, and that data must be an unbroken chain."""
    listing = pg_backup.archive_list(url, iterate_file(path, passphrase))
    if not any(AUDIT_LOG_DATA in line for line in listing):
        raise StoreDamaged(
            tr("De back-up bevat geen auditlog; het is geen back-up van een heel centrum.")
        )
    return pg_backup.archive_audit_chain(url, iterate_file(path, passphrase))


def _newer(revision: str) -> str:
    return tr(
        "Dit is gemaakt door een nieuwere versie van het programma (schemarevisie {revision}); "
        "er is niets gewijzigd. Installeer die versie of een nieuwere."
    ).format(revision=revision)


def _schema_of(store: PgStore) -> str:
    with store.engine.connect() as connection:
        return migrate.current_revision(connection) or "-"


def backup_centre(
    url: str, out: Path, passphrase: str, *, force: bool = False, clock: Clock | None = None
) -> CentreBackupInfo:
    """Dump, encrypt and check the centre at ``url``; ``out`` appears only when all went
    well (a temporary file beside it, fsynced, then renamed)."""
    clock = clock or SystemClock()
    check_passphrase_policy(passphrase, ())
    store = PgStore(url)
    try:
        problem = store.anchor_problem()
        if problem is not None:
            raise StoreDamaged(problem)
        path = _check_target(Path(out), force, pg_backup.data_directory(store.engine))
        created = clock.utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")
        try:
            info = _write_checked(url, path, passphrase, created, _schema_of(store))
        except BaseException:
            with contextlib.suppress(Exception):
                log_operation(store, "backup", "failed", clock)
            raise
        log_operation(store, "backup", "ok", clock)
        return info
    finally:
        store.close()


def _write_checked(
    url: str, path: Path, passphrase: str, created: str, schema: str
) -> CentreBackupInfo:
    chains: list[pg_backup.ArchiveChain] = []
    with atomic_output(
        path, check=lambda tmp: chains.append(check_archive(url, tmp, passphrase))
    ) as fh:
        writer = EncryptingWriter(fh, passphrase, created, schema)
        pg_backup.dump(url, writer.write)
        writer.close()
    chain = chains[0]
    return CentreBackupInfo(
        path,
        path.stat().st_size,
        created,
        chain.entries,
        anchor.AuditHeadMark(chain.last_id, chain.last_hash),
    )


def restore_centre(
    source: Path, url: str, passphrase: str, clock: Clock | None = None
) -> CentreReport:
    """Restore a backup into the empty database at ``url``: the backup is checked whole
    first (a wrong passphrase or a damaged file changes nothing), restored in one
    transaction, brought to this program's schema, and verified."""
    clock = clock or SystemClock()
    source = Path(source)
    if not source.is_file():
        raise ValidationError(
            tr("{path} is geen bestand. Geef het back-upbestand op.").format(path=source),
            field="source",
        )
    header = header_of(source)
    if not migrate.is_known_revision(header.schema):
        raise ValidationError(_newer(header.schema), field="source")
    store = PgStore(url)
    try:
        with store._translated():
            empty = is_empty(store.engine)
        if not empty:
            raise ValidationError(
                tr("De database is niet leeg; er is niets teruggezet. Zet een back-up alleen "
                   "terug in een lege database (createdb).")
                , field="database",
            )
        check_archive(url, source, passphrase)
        listing = pg_backup.archive_list(url, iterate_file(source, passphrase))
        pg_backup.restore(url, iterate_file(source, passphrase), listing)
        with store._translated():
            pg_backup.restore_privileges(store.engine)
            migrate.upgrade(store.engine)
        report = check_centre(store.engine)
        if not report.ok:
            raise StoreDamaged(
                tr("De teruggezette database klopt niet: {first}. Maak de database leeg en "
                   "gebruik een andere back-up.").format(first=report.lines[0])
            )
        log_operation(store, "restore", "ok", clock)
        return report
    finally:
        store.close()


def verify_centre(url: str, clock: Clock | None = None) -> CentreReport:
    """Check the centre at ``url`` (``storage/postgres/integrity.py``); a whole one is
    logged as verified."""
    clock = clock or SystemClock()
    store = PgStore(url)
    try:
        with store._translated():
            report = check_centre(store.engine)
        if report.ok:
            log_operation(store, "verify", "ok", clock)
        return report
    finally:
        store.close()



def upgrade_centre(url: str, clock: Clock | None = None) -> tuple[str, str]:
    """Bring the centre at ``url`` to this program's schema (Alembic, one transaction);
    returns the revisions before and after. An empty database is refused: that is
    ``init``'s work."""
    clock = clock or SystemClock()
    store = PgStore(url)
    try:
        with store._translated():
            if is_empty(store.engine):
                raise ValidationError(
                    tr("De database is leeg; er is niets bijgewerkt. Richt een nieuw centrum "
                       "in met 'sociaalveilig-server init'."),
                    field="database",
                )
            before = _schema_of(store)
            if not migrate.is_known_revision(before):
                raise ValidationError(_newer(before), field="database")
            migrate.upgrade(store.engine)
            after = _schema_of(store)
        if before != after:
            log_operation(store, "upgrade", "ok", clock)
        return before, after
    finally:
        store.close()
