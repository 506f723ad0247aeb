"""What ``sociaalveilig-server verify`` checks in a centre's database.

PostgreSQL keeps its own pages whole (checksums where the cluster has them, WAL); what can
still be wrong is what someone with the owner's or a superuser's rights did around the
program's rules: a row changed with a trigger disabled, a foreign key checked off
(``session_replication_role = replica``), a trigger left disabled, a counter set back.
Each check is made with the program's own metadata, not with the database's word for it:

- the schema is at the program's Alembic head;
- every foreign key of the ORM's tables points at an existing row, and PostgreSQL holds
  no constraint it has not validated;
- the append-only triggers are all there and enabled;
- every reference counter is at least the highest number drawn from it;
- the audit chain is unbroken and ends at its stored head (``audit.verify_chain``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, and_, exists, func, select, text
from sqlalchemy.orm import Session

from sociaalveilig.core.i18n import tr
from sociaalveilig.storage import anchor, audit, migrate
from sociaalveilig.storage.models import Base, Counter

APPEND_ONLY = {
    "audit_log": ("update", "delete", "truncate"),
    "status_history": ("update", "delete", "truncate"),
}
"""The append-only triggers (``postgres_ddl.append_only``) that must be in force."""
_REFERENCE = re.compile(r"^([SCAEP])-([0-9]{4})-([0-9]{3,9})$")


@dataclass(frozen=True)
class CentreReport:
    ok: bool
    lines: list[str] = field(default_factory=list)
    revision: str | None = None
    schema_current: bool = True
    audit_entries: int = 0
    audit_head: anchor.AuditHeadMark | None = None
    rows: dict[str, int] = field(default_factory=dict)
    """Rows per table of the program's schema."""


def _foreign_key_problems(connection: Connection) -> list[str]:
    problems: list[str] = []
    for table in Base.metadata.sorted_tables:
        for constraint in table.foreign_key_constraints:
            local = list(constraint.columns)
            parent = constraint.elements[0].column.table
            # An alias: a table that refers to itself (a merged case) needs two names.
            other = parent.alias("referred")
            remote = [other.c[element.column.name] for element in constraint.elements]
            orphans = connection.execute(
                select(func.count()).select_from(table).where(
                    and_(*(column.is_not(None) for column in local)),
                    ~exists().where(and_(*(r == c for r, c in zip(remote, local, strict=True))))
                    .select_from(other)
                    .correlate(table),
                )
            ).scalar_one()
            if orphans:
                problems.append(
                    tr("{n} rij(en) in {table} verwijzen naar ontbrekende rijen in {parent}")
                    .format(n=orphans, table=table.name, parent=parent.name)
                )
    unchecked = connection.execute(
        text("SELECT conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
             "WHERE n.nspname = current_schema() AND NOT c.convalidated ORDER BY conname")
    ).scalars().all()
    problems.extend(
        tr("beperking {name} is niet gecontroleerd").format(name=name) for name in unchecked
    )
    return problems


def _trigger_problems(connection: Connection) -> list[str]:
    enabled = set(
        connection.execute(
            text("SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                 "JOIN pg_namespace n ON n.oid = c.relnamespace "
                 "WHERE n.nspname = current_schema() AND NOT t.tgisinternal "
                 "AND t.tgenabled <> 'D'")
        ).scalars()
    )
    missing = [
        f"{table}_no_{kind}"
        for table, kinds in APPEND_ONLY.items()
        for kind in kinds
        if f"{table}_no_{kind}" not in enabled
    ]
    return [
        tr("de beveiliging tegen wijzigen {name} ontbreekt of staat uit").format(name=name)
        for name in missing
    ]


def _counter_problems(connection: Connection) -> list[str]:
    highest: dict[str, int] = defaultdict(int)
    for table in Base.metadata.sorted_tables:
        if "reference" not in table.c:
            continue
        for value in connection.execute(select(table.c.reference)).scalars():
            found = _REFERENCE.match(value or "")
            if found is not None:
                name = f"{found.group(1)}-{found.group(2)}"
                highest[name] = max(highest[name], int(found.group(3)))
    counters = dict(connection.execute(select(Counter.name, Counter.value)).tuples().all())
    return [
        tr("teller {name} staat op {value}, maar nummer {used} is al uitgegeven")
        .format(name=name, value=counters.get(name, 0), used=used)
        for name, used in sorted(highest.items())
        if counters.get(name, 0) < used
    ]


def act_as_system(connection: Connection) -> None:
    """The rest of this transaction acts as the owner the operator's tools sign in as, who
    sees every row (row-level security does not bind the owner, rls.py), also on a
    connection a store had switched to the runtime role."""
    connection.execute(text("SET LOCAL ROLE NONE"))


def row_counts(connection: Connection) -> dict[str, int]:
    return {
        table.name: int(connection.execute(select(func.count()).select_from(table)).scalar_one())
        for table in Base.metadata.sorted_tables
    }


def check_centre(engine: Engine) -> CentreReport:
    """Every check above on the database behind ``engine`` (read only, one snapshot)."""
    with engine.connect() as connection:
        connection.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"))
        report = check_connection(connection)
        connection.rollback()
    return report


def check_connection(connection: Connection) -> CentreReport:
    """Every check above, in the transaction of ``connection`` (an import checks what it
    wrote before it commits). It acts as the owner: a check that saw no rows would find
    nothing wrong."""
    act_as_system(connection)
    revision = migrate.current_revision(connection)
    head = migrate.head_revision()
    if revision != head:
        # An older schema is not damage, but its tables cannot be checked against this
        # program's metadata: upgrade first.
        return CentreReport(
            False,
            [tr("het schema staat op revisie {found}, dit programma verwacht {head}")
             .format(found=revision or "-", head=head)],
            revision,
            schema_current=False,
        )
    problems = _foreign_key_problems(connection)
    problems += _trigger_problems(connection)
    problems += _counter_problems(connection)
    rows = row_counts(connection)
    with Session(bind=connection) as session:
        chain = audit.verify_chain(session)
    if not chain.ok:
        problems.append(
            tr("auditketen gebroken bij regel {id} ({reason})").format(
                id=chain.first_broken_id, reason=chain.reason
            )
        )
    mark = anchor.AuditHeadMark(chain.last_id, chain.last_hash) if chain.ok else None
    return CentreReport(not problems, problems, revision, True, chain.entries, mark, rows)


def is_empty(engine: Engine) -> bool:
    """True when the database has no table in its schema (a restore or an import may go
    in: nothing of another centre, nor anything else, would be mixed with it)."""
    with engine.connect() as connection:
        count = connection.execute(
            text("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                 "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S')")
        ).scalar_one()
    return int(count) == 0
