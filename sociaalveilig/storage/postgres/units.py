"""Units of work on the centre's PostgreSQL: the isolation level, and one writer at a time
on the audit chain.

Every unit runs at REPEATABLE READ: it reads one snapshot, and when it changes a row that
another unit changed and committed after that snapshot, PostgreSQL refuses it (SQLSTATE
40001) instead of letting it overwrite the other's change; ``services/retry.py`` runs the
service call again on fresh data. So no update is lost, whatever a unit reads first.
SERIALIZABLE would add predicate locks and refuse units that merely read what another
wrote; with the write order below the only anomaly it would still catch (write skew
between two writers) cannot happen, so it would cost without protecting anything more.

Every unit that may write (``PgStore.unit``, not ``read_unit``) takes the audit head's
table lock as its very first statement (``order_writes``: when the unit first uses the
database, as the desk's ``BEGIN IMMEDIATE`` is sent then too). Nearly every unit appends to the
audit log (every view, change, print and export is logged), and the log is one hash chain:
each entry holds its predecessor's hash, so two units must never chain onto the same head.
The lock orders writers as SQLite's ``BEGIN IMMEDIATE`` does on the single desk, and
because ``LOCK TABLE`` is the one kind of statement that does not take the transaction's
snapshot, the snapshot is taken after the lock is granted: the unit sees the head (and
the reference counters, and every row) as the previous writer committed them, and its
own appends extend the chain from there. Taken later (when the first audit entry is
written), the lock would come after a snapshot that misses the writer it waited for, and
nearly every unit under load would end in a serialization failure. Read units take no
lock and run side by side with the writer (EXCLUSIVE mode lets plain reads through).

A call the server runs for a desk that only views (a list, a search, an opened case) does
not hold the lock while it reads: its units read in a read-only snapshot and its audit
entries follow in a short unit of their own, which takes the lock as above (views.py).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, sessionmaker

UNIT_ISOLATION = "REPEATABLE READ"
"""The ``isolation_level`` of every unit (``Engine.execution_options``)."""

WRITE_ORDER_LOCK = "LOCK TABLE audit_head IN EXCLUSIVE MODE"

LOCK_TIMEOUT = "SET LOCAL lock_timeout = '30s'"
"""A writer that holds the lock for longer than this (a stuck desk) makes the others give
up with a 'busy, try again' line instead of hanging; like ``LOCK TABLE``, ``SET`` takes no
snapshot."""


WRITE_ORDER_INFO = "sv_write_order"
"""``Session.info`` key: this unit takes its place in the write order."""
ACTING_INFO = "sv_acting"
"""``Session.info`` key: the statements that say whom the unit acts for (rls.py)."""


def order_writes(session: Session) -> None:
    """Give the unit its place in the write order: the lock is taken as the first
    statement of its transaction, when it first uses the database."""
    session.info[WRITE_ORDER_INFO] = True


def act_for(session: Session, statements: list[str]) -> None:
    """Start the unit with ``statements`` (rls.acting_statements) when it first uses the
    database, before anything that takes a snapshot."""
    session.info[ACTING_INFO] = statements


def _after_begin(session: Session, transaction: Any, connection: Connection) -> None:
    statements = list(session.info.get(ACTING_INFO, ()))
    if session.info.get(WRITE_ORDER_INFO):
        statements += [LOCK_TIMEOUT, WRITE_ORDER_LOCK]
    if statements:
        # One round trip for all of them (psycopg sends a statement without parameters by
        # the simple protocol, which runs several in order): every call at the centre
        # opens a unit, and under load the four trips took 3-5 ms beside a list's 10-30 ms of
        # queries (docs/performance.md, "The centre under load").
        connection.exec_driver_sql("; ".join(statements))


def install(sessions: sessionmaker[Session]) -> None:
    """Take the lock for the units of ``sessions`` that ``order_writes`` marked."""
    event.listen(sessions, "after_begin", _after_begin)


def begin_write(session: Session) -> None:
    """The first statements of a unit that may write: nothing may run before them in the
    transaction (it would take the snapshot before the lock is granted)."""
    session.execute(text(LOCK_TIMEOUT))
    session.execute(text(WRITE_ORDER_LOCK))
