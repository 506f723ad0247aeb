"""Moving a desk's rows into an empty centre, the PostgreSQL side (``services.centre_import``).

Everything runs on one connection in one transaction: the schema (Alembic, transactional
DDL here), every row with its own ids, the credentials, the sequences moved past the
copied ids. A failure anywhere rolls it all back, so a centre is either the whole desk
or nothing at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, Integer, Table, func, insert, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert

from sociaalveilig.storage import migrate
from sociaalveilig.storage.postgres.credentials import _new_row, credentials_table

BATCH = 2000


def create_schema(connection: Connection) -> None:
    migrate.upgrade_connection(connection)


def copy_rows(connection: Connection, table: Table, rows: Iterable[Mapping[Any, Any]]) -> int:
    """Insert ``rows`` (column name → value, as read from the desk) into ``table`` in
    batches; returns how many. A row the migrations seeded (the audit head's) is
    overwritten by the desk's: it may be changed, never deleted (append-only)."""
    key = [column.name for column in table.primary_key.columns]
    batch: list[dict[str, Any]] = []
    count = 0

    def flush() -> None:
        statement = pg_insert(table)
        others = {c.name: statement.excluded[c.name] for c in table.columns if c.name not in key}
        if others:
            statement = statement.on_conflict_do_update(index_elements=key, set_=others)
        connection.execute(statement, batch)

    for row in rows:
        batch.append(dict(row))
        if len(batch) >= BATCH:
            flush()
            count += len(batch)
            batch = []
    if batch:
        flush()
        count += len(batch)
    return count


def move_sequences(connection: Connection, tables: Iterable[Table]) -> None:
    """Set each integer key's sequence past the highest copied id, so the centre's next
    row gets a new one (a copy with explicit ids leaves the sequences at their start)."""
    for table in tables:
        for column in table.primary_key.columns:
            if not isinstance(column.type, Integer) or column.autoincrement is False:
                continue
            sequence = connection.execute(
                select(func.pg_get_serial_sequence(table.name, column.name))
            ).scalar()
            if sequence is None:
                continue
            highest = connection.execute(select(func.max(column))).scalar()
            connection.execute(
                text("SELECT setval(CAST(:sequence AS regclass), :value, :called)"),
                {"sequence": sequence, "value": highest or 1, "called": highest is not None},
            )


def add_credentials(connection: Connection, users: Iterable[tuple[str, str, bool]]) -> None:
    """Credentials for (name, passphrase, must change) each, hashed as a centre hashes
    them (``credentials.py``)."""
    rows = [_new_row(name, passphrase, must_change) for name, passphrase, must_change in users]
    if rows:
        connection.execute(insert(credentials_table), rows)
