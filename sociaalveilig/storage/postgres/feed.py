"""The centre's change feed: which record changed, in order, for the desks' open lists.

Triggers on the tables that the lists, Vandaag and the case view show append a row per
changed record to ``change_feed`` (a sequence number, the record's type and id, the case
it belongs to where it belongs to one, and the time) and wake every listening server with
``pg_notify(CHANNEL, seq)`` in the same transaction, so the notice arrives only once the
change is committed. The feed holds no content: a desk that reads an entry asks for the
row through the ordinary services, which check need-to-know.

The trigger function runs as its owner (SECURITY DEFINER): the runtime role may read the
feed and prune it, but never write entries itself. Sequence numbers are taken at insert
and committed in any order; ``read_after`` therefore stops at a gap until it is older than
``GAP_SECONDS`` (a rolled-back transaction leaves one for good).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    DateTime,
    MetaData,
    String,
    Table,
    delete,
    func,
    select,
    text,
)
from sqlalchemy.orm import Session

from sociaalveilig.storage.postgres.roles import all_role, partner_role, quoted

FEED_TABLE = "change_feed"
CHANNEL = "sociaalveilig_changes"
TRIGGER_FUNCTION = "sv_change_feed_note"
GAP_SECONDS = 10.0
"""How long an unfilled sequence number holds back the entries after it."""

metadata = MetaData()
feed_table = Table(
    FEED_TABLE,
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=True),
    Column("object_type", String(20), nullable=False),
    Column("object_id", String(32), nullable=False),
    Column("case_id", String(32), nullable=True),
    Column("at", DateTime(timezone=True), nullable=False),
)

# table: (object type, its id column, its case column or "" where it has none). A status
# change always comes with the update of its record, which has its own entry; a person's
# own row (a name corrected) is not followed: its cases show it when next loaded.
WATCHED: dict[str, tuple[str, str, str]] = {
    "signals": ("signal", "id", "case_id"),
    "cases": ("case", "id", "id"),
    "actions": ("action", "id", "case_id"),
    "visits": ("visit", "id", "case_id"),
    "escalations": ("escalation", "id", "case_id"),
    "meetings": ("meeting", "id", ""),
    "agenda_items": ("agenda_item", "id", "case_id"),
    "case_persons": ("case", "case_id", "case_id"),
    "signal_persons": ("signal", "signal_id", ""),
}


@dataclass(frozen=True)
class FeedEntry:
    seq: int
    object_type: str
    object_id: str
    case_id: str | None


def create(connection: Connection) -> None:
    """The table, the trigger function and a trigger per watched table (a migration, as
    the owner); the runtime role reads and prunes but does not insert."""
    feed_table.create(connection)
    connection.execute(text(f"CREATE INDEX ix_{FEED_TABLE}_at ON {FEED_TABLE} (at)"))
    connection.execute(
        text(
            f"""
            CREATE OR REPLACE FUNCTION {TRIGGER_FUNCTION}() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
            DECLARE
                changed jsonb;
                entry bigint;
            BEGIN
                IF TG_OP = 'DELETE' THEN changed := to_jsonb(OLD);
                ELSE changed := to_jsonb(NEW);
                END IF;
                INSERT INTO {FEED_TABLE} (object_type, object_id, case_id, at)
                VALUES (TG_ARGV[0], changed ->> TG_ARGV[1],
                        NULLIF(changed ->> NULLIF(TG_ARGV[2], ''), ''), clock_timestamp())
                RETURNING seq INTO entry;
                PERFORM pg_notify('{CHANNEL}', entry::text);
                RETURN NULL;
            END $$
            """
        )
    )
    connection.execute(text(f"REVOKE ALL ON FUNCTION {TRIGGER_FUNCTION}() FROM PUBLIC"))
    for table, (object_type, id_column, case_column) in WATCHED.items():
        connection.execute(
            text(
                f"CREATE TRIGGER {table}_change_feed AFTER INSERT OR UPDATE OR DELETE "
                f"ON {table} FOR EACH ROW EXECUTE FUNCTION "
                f"{TRIGGER_FUNCTION}('{object_type}', '{id_column}', '{case_column}')"
            )
        )
    role = connection.execute(text("SELECT name FROM centre_runtime_role")).scalar()
    if role:
        for name in (str(role), all_role(str(role)), partner_role(str(role))):
            connection.execute(
                text(f"REVOKE INSERT, UPDATE, TRUNCATE ON {FEED_TABLE} FROM {quoted(name)}")
            )


def drop(connection: Connection) -> None:
    for table in WATCHED:
        connection.execute(text(f"DROP TRIGGER IF EXISTS {table}_change_feed ON {table}"))
    connection.execute(text(f"DROP FUNCTION IF EXISTS {TRIGGER_FUNCTION}()"))
    feed_table.drop(connection)


def head(session: Session) -> int:
    """The newest sequence number (0 for an empty feed): where a new follower starts."""
    return int(session.execute(select(func.coalesce(func.max(feed_table.c.seq), 0))).scalar_one())


def oldest(session: Session) -> int | None:
    value = session.execute(select(func.min(feed_table.c.seq))).scalar()
    return None if value is None else int(value)


def read_after(session: Session, after: int, limit: int) -> Sequence[FeedEntry]:
    """The entries after ``after`` in order, at most ``limit``, stopping before a gap in
    the numbers that is younger than ``GAP_SECONDS`` (its transaction may still commit)."""
    rows = session.execute(
        select(
            feed_table.c.seq,
            feed_table.c.object_type,
            feed_table.c.object_id,
            feed_table.c.case_id,
            (func.extract("epoch", func.clock_timestamp() - feed_table.c.at)).label("age"),
        )
        .where(feed_table.c.seq > after)
        .order_by(feed_table.c.seq)
        .limit(limit)
    ).all()
    entries: list[FeedEntry] = []
    expected = after + 1
    for seq, object_type, object_id, case_id, age in rows:
        if seq != expected and float(age) < GAP_SECONDS:
            break
        entries.append(FeedEntry(int(seq), str(object_type), str(object_id), case_id))
        expected = int(seq) + 1
    return entries


def prune(session: Session, before: datetime) -> int:
    """Remove entries older than ``before``, always keeping the newest (it tells the head)."""
    newest = select(func.max(feed_table.c.seq)).scalar_subquery()
    result = session.execute(
        delete(feed_table).where(feed_table.c.at < before, feed_table.c.seq < newest)
    )
    return int(getattr(result, "rowcount", 0) or 0)
