"""From one desk to a centre (``sociaalveilig-server import-store DIR``).

A team that started on one desk moves its store into an empty centre and loses nothing:
every table's rows with their own ids, uuids, versions, references and counters, and the
audit chain verbatim (its hashes cover only the entries' own fields, so it verifies on
the centre as it did on the desk). The desk is signed in to and verified first (as
``sociaalveilig-admin verify`` does), and the move is logged in its chain, so the last
entry the centre copies says where its history came from. The centre's side is one
transaction (``storage/postgres/transfer.py``) and is checked before it commits: a
failure leaves the database as empty as it was.

Users: the beheerder who moves the store signs in to the centre with the passphrase
given here, and the centre gets a new recovery code (shown once); every other user with
a key slot gets a one-time passphrase, returned once for the operator to hand over, which
must be changed at the first sign-in (``user_credentials.must_change``). A deactivated
user (no key slot) gets none.
"""

from __future__ import annotations

import secrets
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import AccessDenied, StoreDamaged, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.services import maintenance, setup
from sociaalveilig.services.centre_backup import operator_name
from sociaalveilig.services.context import Clock, ServiceContext, SystemClock
from sociaalveilig.services.retry import retrying
from sociaalveilig.storage import anchor, audit
from sociaalveilig.storage.keyslots import check_passphrase_policy, generate_recovery_code
from sociaalveilig.storage.keyslots.recovery_code import RECOVERY_ALPHABET
from sociaalveilig.storage.models import Base, User
from sociaalveilig.storage.postgres import transfer
from sociaalveilig.storage.postgres.integrity import (
    act_as_system,
    check_connection,
    is_empty,
    row_counts,
)
from sociaalveilig.storage.postgres.recovery import PgRecovery
from sociaalveilig.storage.postgres.store import PgStore

ONE_TIME_GROUPS = 5
ONE_TIME_GROUP = 4


@dataclass(frozen=True)
class MovedUser:
    username: str
    one_time_passphrase: str | None
    """None for the beheerder who moved the store (their own passphrase stays)."""


@dataclass(frozen=True)
class ImportResult:
    rows: dict[str, int]
    """Rows per table on the centre after the move (the audit log with its last entry)."""
    users: tuple[MovedUser, ...]
    audit_entries: int
    audit_head: anchor.AuditHeadMark | None
    recovery_code: str
    """The centre's new recovery code, to be shown once (only its hash is kept)."""


def one_time_passphrase() -> str:
    """Five groups of four from the recovery code's alphabet (no 0/O, 1/I/L to confuse
    on paper): 100 bits, and it passes the passphrase policy."""
    return "-".join(
        "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(ONE_TIME_GROUP))
        for _ in range(ONE_TIME_GROUPS)
    )


@retrying
def _log_move(ctx: ServiceContext) -> None:
    with ctx.unit() as session:
        ctx.audit(session, "export", "store", None, purpose=tr("verhuizing naar een centrum"))


def _sign_in_and_verify(
    folder: Path, username: str, passphrase: str, clock: Clock
) -> ServiceContext:
    ctx = setup.login(folder, username, passphrase, clock)
    try:
        if ctx.actor.role != Role.BEHEERDER:
            raise AccessDenied(
                tr("Alleen een beheerder kan een opslag naar een centrum verhuizen.")
            )
        report = maintenance.verify(ctx)
        if not report.ok:
            raise StoreDamaged(report.summary)
        _log_move(ctx)
    except BaseException:
        ctx.store.close()
        raise
    return ctx


@retrying
def _credentials(ctx: ServiceContext, importer: str) -> list[MovedUser]:
    """The users who can sign in on the desk (a key slot), each with what they sign in
    to the centre with."""
    with ctx.store.read_unit() as session:
        names = sorted(session.execute(select(User.username)).scalars())
    return [
        MovedUser(name, None if name == importer else one_time_passphrase())
        for name in names
        if ctx.store.credentials.has_user(name)
    ]


def import_store(
    folder: Path, url: str, username: str, passphrase: str, clock: Clock | None = None
) -> ImportResult:
    """Move the desk's store in ``folder`` into the empty centre at ``url``."""
    clock = clock or SystemClock()
    centre = PgStore(url)
    try:
        with centre._translated():
            empty = is_empty(centre.engine)
        if not empty:
            raise ValidationError(
                tr("De database is niet leeg; er is niets verhuisd. Verhuis een opslag alleen "
                   "naar een lege database (createdb)."),
                field="database",
            )
        ctx = _sign_in_and_verify(Path(folder), username, passphrase, clock)
        try:
            check_passphrase_policy(passphrase, (ctx.actor.username,))
            users = _credentials(ctx, ctx.actor.username)
            with centre._translated():
                return _copy(ctx, centre, users, passphrase, clock)
        finally:
            ctx.store.close()
    finally:
        centre.close()


@retrying
def _copy(
    ctx: ServiceContext, centre: PgStore, users: list[MovedUser], passphrase: str, clock: Clock
) -> ImportResult:
    tables = Base.metadata.sorted_tables
    with ctx.store.read_unit() as desk, centre.engine.begin() as connection:
        desk_connection = desk.connection()
        source = row_counts(desk_connection)
        act_as_system(connection)
        transfer.create_schema(connection)
        for table in tables:
            rows = desk_connection.execute(table.select().execution_options(yield_per=2000))
            transfer.copy_rows(connection, table, rows.mappings())
        transfer.move_sequences(connection, tables)
        transfer.add_credentials(
            connection,
            [(u.username, u.one_time_passphrase or passphrase, u.one_time_passphrase is not None)
             for u in users],
        )
        _check_copy(connection, source)
        recovery_code = _arrive(connection, clock)
        report = check_connection(connection)
        if not report.ok:
            raise StoreDamaged(
                tr("De verhuisde gegevens kloppen niet ({first}); er is niets verhuisd.")
                .format(first=report.lines[0])
            )
    return ImportResult(
        report.rows, tuple(users), report.audit_entries, report.audit_head, recovery_code
    )


def _check_copy(connection: Connection, source: dict[str, int]) -> None:
    copied = row_counts(connection)
    different = sorted(name for name, n in source.items() if copied.get(name) != n)
    if different:
        raise StoreDamaged(
            tr("De verhuizing kopieerde niet alle rijen van {tables}; er is niets verhuisd.")
            .format(tables=", ".join(different))
        )


def _arrive(connection: Connection, clock: Clock) -> str:
    """The centre's first own entries, chained onto the desk's last: the move, and the
    centre's recovery code (the desk's code unwrapped a key slot and means nothing on a
    centre; as ``init`` makes one, only its hash is kept). Returns the code, to be shown
    once."""
    code = generate_recovery_code()
    with Session(bind=connection) as session:
        audit.append(
            session,
            audit.AuditEvent(operator_name(), "-", "import", "centre", None),
            at=clock.utcnow(),
        )
        PgRecovery(_no_unit, lambda: clock.utcnow().replace(tzinfo=None)).replace(session, code)
        audit.append(
            session,
            audit.AuditEvent(operator_name(), "-", "recovery_code", "store", None),
            at=clock.utcnow(),
        )
        session.flush()
    return code


def _no_unit() -> AbstractContextManager[Session]:
    # PgRecovery.replace works in the caller's session: it never opens a unit of its own.
    raise AssertionError("no unit here: the import's own transaction is used")
