"""Failed sign-ins on the centre, counted per user name and per address in PostgreSQL.

Every server process serving one centre counts in the same table (``signin_failures``,
revision 0008), so starting more processes does not buy a guesser more tries. Two counts
run side by side:

- **per name** (normalised, also a name without a user, so a guess learns nothing): after
  ``FREE_FAILURES`` failures each next try waits twice as long, from 2 s up to 30 s (the
  desk's brake, ``signin_throttle.delay_after``); after ``LOCK_AFTER`` failures the name is
  refused for ``LOCK_SECONDS``. A sign-in that succeeds clears it.
- **per address** (where the attempt came from): the same, with more room
  (``ADDRESS_FREE_FAILURES``, ``ADDRESS_LOCK_AFTER``), so one address cannot try a few
  passphrases on each of many names. A success does not clear it: one account of one's
  own must not reset the count of guesses at others'.

Counts older than ``WINDOW_SECONDS`` since their last failure start again. The times are
the services' clock (tests move it); names and addresses are stored as SHA-256 hashes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import (
    Column,
    ColumnElement,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    case,
    delete,
    select,
)
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from sociaalveilig.storage import signin_throttle
from sociaalveilig.storage.postgres.roles import THROTTLE_TABLE

FREE_FAILURES = signin_throttle.FREE_FAILURES
LOCK_AFTER = 10
ADDRESS_FREE_FAILURES = 10
ADDRESS_LOCK_AFTER = 30
LOCK_SECONDS = 15 * 60
WINDOW_SECONDS = 60 * 60

USER, ADDRESS = "user", "address"

metadata = MetaData()
failures_table = Table(
    THROTTLE_TABLE,
    metadata,
    Column("kind", String(8), primary_key=True),
    Column("key_sha256", String(64), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_failure_at", DateTime, nullable=False),
)


def create_table(connection: Connection) -> None:
    """The table (revision 0008)."""
    metadata.create_all(connection)


def _key(kind: str, value: str) -> str:
    return hashlib.sha256(f"sociaalveilig-{kind}:{value}".encode()).hexdigest()


def wait_after(kind: str, failures: int) -> int:
    """Seconds the next try from this name or address must wait after ``failures``."""
    free, lock = (
        (FREE_FAILURES, LOCK_AFTER) if kind == USER else (ADDRESS_FREE_FAILURES, ADDRESS_LOCK_AFTER)
    )
    if failures >= lock:
        return LOCK_SECONDS
    return signin_throttle.delay_after(failures - free + signin_throttle.FREE_FAILURES)


@dataclass(frozen=True)
class Refusal:
    kind: str
    """``USER`` or ``ADDRESS``: which count refused."""
    seconds: int
    """How long until the next try may be made (at least 1)."""


class PgSignInThrottle:
    """The counts, each call its own short unit outside the audit chain's write order."""

    def __init__(self, unit: Callable[[], AbstractContextManager[Session]]) -> None:
        self._unit = unit

    @staticmethod
    def _keys(name: str, address: str | None) -> list[tuple[str, str]]:
        keys = [(USER, _key(USER, name))]
        if address:
            keys.append((ADDRESS, _key(ADDRESS, address)))
        return keys

    def refusal(self, name: str, address: str | None, now: datetime) -> Refusal | None:
        """Whether a try now must wait, and how long (the longer of the two counts)."""
        worst: Refusal | None = None
        with self._unit() as session:
            for kind, key in self._keys(name, address):
                row = session.execute(
                    select(failures_table.c.failures, failures_table.c.last_failure_at).where(
                        failures_table.c.kind == kind, failures_table.c.key_sha256 == key
                    )
                ).first()
                if row is None or now - row.last_failure_at > timedelta(seconds=WINDOW_SECONDS):
                    continue
                left = wait_after(kind, row.failures) - (now - row.last_failure_at).total_seconds()
                if left > 0 and (worst is None or left > worst.seconds):
                    worst = Refusal(kind, max(1, int(left + 0.999)))
        return worst

    def failed(self, name: str, address: str | None, now: datetime) -> None:
        """Count one failure for the name and the address (one statement each, so two
        processes counting at once both count)."""
        window_start = now - timedelta(seconds=WINDOW_SECONDS)
        with self._unit() as session:
            for kind, key in self._keys(name, address):
                stmt = insert(failures_table).values(
                    kind=kind, key_sha256=key, failures=1, last_failure_at=now
                )
                stale = failures_table.c.last_failure_at < window_start
                session.execute(
                    stmt.on_conflict_do_update(
                        index_elements=[failures_table.c.kind, failures_table.c.key_sha256],
                        set_={
                            "failures": _restart_or_add(stale),
                            "last_failure_at": now,
                        },
                    )
                )

    def succeeded(self, name: str) -> None:
        with self._unit() as session:
            session.execute(
                delete(failures_table).where(
                    failures_table.c.kind == USER, failures_table.c.key_sha256 == _key(USER, name)
                )
            )


def _restart_or_add(stale: ColumnElement[bool]) -> ColumnElement[int]:
    """A count whose last failure is older than the window starts again at one."""
    return case((stale, 1), else_=failures_table.c.failures + 1)
