"""What every service call needs: the unlocked store, the acting user and the clock.

A service function takes a ``ServiceContext`` first, opens exactly one unit of work
(``with ctx.unit() as session``), audit-logs what it viewed or changed, and returns
plain frozen dataclasses: no ORM object or Session ever leaves a service.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from sociaalveilig.core.enums import Role
from sociaalveilig.storage import audit
from sociaalveilig.storage.seam import StoreSeam

LOCAL_ZONE = ZoneInfo("Europe/Amsterdam")


class Clock(Protocol):
    """The time, injectable so tests (and reminders) can move it."""

    def now(self) -> datetime:
        """Local wall-clock time, naive (Europe/Amsterdam)."""
        ...

    def utcnow(self) -> datetime:
        """Aware UTC time."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(LOCAL_ZONE).replace(tzinfo=None)

    def utcnow(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that stands still until moved; for tests and demos."""

    def __init__(self, local: datetime) -> None:
        self._local = local

    def now(self) -> datetime:
        return self._local

    def utcnow(self) -> datetime:
        return self._local.replace(tzinfo=LOCAL_ZONE).astimezone(UTC)

    def set(self, local: datetime) -> None:
        self._local = local

    def advance(self, delta: timedelta) -> None:
        self._local += delta


def today(clock: Clock) -> date:
    return clock.now().date()


# Two kinds of time live in the store: ``*_at`` columns (received_at, created_at,
# closed_at, decided_at, ...) hold naive UTC; planned times (a meeting's ``starts_at``, a
# visit's ``planned_start``), dates (deadlines, review days, walk days) and the clock's
# ``now()`` are naive local wall-clock time. Never compare the two kinds directly: convert
# one side with these helpers first (an offset of one or two hours moves a record across
# midnight, and so into another day, month or quarter).


def local_to_utc(moment: datetime) -> datetime:
    """A naive local time (Europe/Amsterdam) as the naive UTC time the ``*_at`` columns
    hold; an aware time is converted from its own zone."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=LOCAL_ZONE)
    return moment.astimezone(UTC).replace(tzinfo=None)


def utc_to_local(moment: datetime) -> datetime:
    """A stored naive UTC time (or an aware time) as naive local time, for display,
    calendar days and comparison with planned times."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LOCAL_ZONE).replace(tzinfo=None)


def local_day_start_utc(day: date) -> datetime:
    """Local midnight at the start of ``day`` as naive UTC: the bound to compare ``*_at``
    columns with when a period is given in local calendar days."""
    return local_to_utc(datetime.combine(day, time()))


def stored_now(ctx: ServiceContext) -> datetime:
    return ctx.clock.utcnow().astimezone(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class Actor:
    """The user acting: who, in which role, for which partner and focus areas."""

    user_id: str
    username: str
    display_name: str
    role: Role
    partner_id: str | None = None
    area_ids: frozenset[str] = field(default_factory=frozenset)


class ServiceContext:
    def __init__(
        self,
        store: StoreSeam,
        actor: Actor,
        clock: Clock | None = None,
        *,
        session_digest: str | None = None,
    ) -> None:
        self.store = store
        self.actor = actor
        self.clock: Clock = clock if clock is not None else SystemClock()
        self.session_digest = session_digest
        """On a centre's server: the SHA-256 of the desk's session token this call came
        with (a passphrase change ends the user's other sessions, not this one); None on
        a desk's own store."""

    @contextmanager
    def unit(self, purpose: str | None = None) -> Iterator[Session]:
        """One unit of work (``StoreSeam.unit``) acting for this user. ``purpose``: the
        reason of a view outside the user's scope (noodknop), which ``access.py`` checks
        and logs; a store's row-level policies let such a unit past the scope."""
        emergency = bool(purpose and purpose.strip())
        partner = self.actor.role is Role.PARTNER
        with self.store.unit(
            acting=self.actor.user_id, emergency=emergency, partner=partner
        ) as session:
            yield session

    @contextmanager
    def read_unit(self) -> Iterator[Session]:
        """A unit that reads only and audits nothing (``StoreSeam.read_unit``)."""
        partner = self.actor.role is Role.PARTNER
        with self.store.read_unit(acting=self.actor.user_id, partner=partner) as session:
            yield session

    def audit(
        self,
        session: Session,
        action: str,
        object_type: str | None = None,
        object_id: str | None = None,
        person_ref: str | None = None,
        purpose: str | None = None,
        outcome: str = "ok",
    ) -> None:
        """Append an audit entry in the caller's unit of work."""
        audit.append(
            session,
            audit.AuditEvent(
                username=self.actor.username,
                role=str(self.actor.role),
                action=action,
                object_type=object_type,
                object_id=object_id,
                person_ref=person_ref,
                purpose=purpose,
                outcome=outcome,
            ),
            at=self.clock.utcnow(),
        )

    def with_actor(self, actor: Actor) -> ServiceContext:
        return ServiceContext(self.store, actor, self.clock)
