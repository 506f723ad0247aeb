"""Store maintenance that needs the database itself: lifting append-only history for
retention, reclaiming the space of deleted records so their bytes leave the file, and
keeping the planner's statistics current. ``SqliteMaintenance`` is the seam's
``Maintenance`` for a ``Store``.

These are SQLite/SQLCipher specifics, so they live here and not in ``core``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, delete, text
from sqlalchemy.orm import Session

from sociaalveilig.storage.models import StatusChange

STATUS_HISTORY_DELETE_TRIGGER = "status_history_no_delete"
_CHUNK = 500


def _chunks(ids: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def purge_status_history(session: Session, object_ids: Iterable[str]) -> int:
    """Delete the status history of records that retention removes.

    The history is append-only (a trigger refuses DELETE) so that nobody edits the past;
    retention is the one lawful exception, because a status change may carry a reason
    that is itself personal data. The trigger is dropped and re-created with its own
    definition inside the caller's transaction, so no other writer ever sees it missing
    (the unit holds SQLite's write lock) and a failure restores it with the rollback.
    """
    ids = sorted(set(object_ids))
    if not ids:
        return 0
    trigger_sql = session.execute(
        text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :name"),
        {"name": STATUS_HISTORY_DELETE_TRIGGER},
    ).scalar_one_or_none()
    if trigger_sql:
        session.execute(text(f"DROP TRIGGER {STATUS_HISTORY_DELETE_TRIGGER}"))
    removed = 0
    for chunk in _chunks(ids):
        result: Any = session.execute(
            delete(StatusChange)
            .where(StatusChange.object_id.in_(chunk))
            .execution_options(synchronize_session=False)
        )
        removed += int(result.rowcount or 0)
    if trigger_sql:
        session.execute(text(trigger_sql))
    return removed


@dataclass(frozen=True)
class ReclaimReport:
    """What ``reclaim_space`` managed. ``complete`` is False when another connection
    was still reading, so the write-ahead log could not be emptied this time."""

    vacuumed: bool
    wal_truncated: bool
    fts_optimised: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return self.vacuumed and self.wal_truncated


def reclaim_space(engine: Engine) -> ReclaimReport:
    """Make deleted data unrecoverable from the store folder.

    With ``secure_delete=ON`` SQLite zeroes deleted cells, but copies remain in places it
    does not revisit: full-text index segments (until merged), free pages, and old frames
    in the write-ahead log. So: merge the FTS5 indexes ('optimize' drops deleted
    entries), rebuild the database file (VACUUM, through SQLCipher: a freshly encrypted
    file with no free pages), and checkpoint the log with TRUNCATE so the -wal file is
    emptied. Runs outside any transaction (VACUUM cannot run inside one).
    """
    vacuumed = False
    truncated = False
    optimised: list[str] = []
    # Idle pooled connections hold no read transaction, but may keep an old snapshot
    # mapping; dropping them lets the checkpoint truncate the log.
    engine.dispose()
    raw = engine.raw_connection()
    try:
        dbapi: Any = raw.driver_connection
        dbapi.isolation_level = None  # autocommit: no implicit BEGIN around VACUUM
        try:
            names = [
                row[0]
                for row in dbapi.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND lower(sql) LIKE 'create virtual table%using fts5%'"
                ).fetchall()
            ]
            for name in names:
                # Table names come from the schema itself, not from input.
                dbapi.execute(f"INSERT INTO {name}({name}) VALUES ('optimize')")
                optimised.append(name)
            dbapi.execute("VACUUM")
            vacuumed = True
            row = dbapi.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            truncated = bool(row) and int(row[0]) == 0
        except sqlcipher.OperationalError:
            # Busy (another desk is writing): the deletions stand; the caller notes that
            # the space is to be reclaimed again later.
            pass
    finally:
        with contextlib.suppress(Exception):
            raw.close()
    return ReclaimReport(vacuumed, truncated, tuple(optimised))


def refresh_statistics(engine: Engine, *, full: bool = False) -> None:
    """Give SQLite's planner statistics (``sqlite_stat1``) for the data as it is now.

    ``full``: ``ANALYZE`` every index exactly (after a load that changed most of the store:
    the benchmark's region). Otherwise the same with at most a thousand rows read per
    index where there are no statistics yet (a new store, or one made before they were
    taken), and ``PRAGMA optimize`` where there are: it analyses again only the tables
    whose size changed much since (after an import or a purge, and when a store is
    locked). Without statistics the planner takes the first index that fits an equality
    and sorts its rows, however many there are."""
    with engine.connect() as conn:
        if full:
            conn.exec_driver_sql("ANALYZE")
        else:
            # A bound on the rows read per index keeps it quick on a large store.
            conn.exec_driver_sql("PRAGMA analysis_limit=1000")
            known = conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"
            ).scalar()
            # 0x10002: look at every table, not only those this connection has read.
            conn.exec_driver_sql("PRAGMA optimize=0x10002" if known else "ANALYZE")
        conn.commit()


class SqliteMaintenance:
    """``storage.seam.Maintenance`` over one store's engine."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def purge_status_history(self, session: Session, object_ids: Iterable[str]) -> int:
        return purge_status_history(session, object_ids)

    def reclaim_space(self) -> bool:
        return reclaim_space(self._engine).complete

    def refresh_statistics(self) -> None:
        refresh_statistics(self._engine)
