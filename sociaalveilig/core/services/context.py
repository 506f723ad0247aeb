"""What every service call needs: the unlocked store, the acting user and the clock.

A service function takes a ``ServiceContext`` first, opens exactly one unit of work
(``with ctx.unit() as session``), audit-logs what it viewed or changed, and returns
plain frozen dataclasses: no ORM object or Session ever leaves a service.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from sociaalveilig.core.enums import Role
from sociaalveilig.storage import audit
from sociaalveilig.storage.store import Store

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
    def __init__(self, store: Store, actor: Actor, clock: Clock | None = None) -> None:
        self.store = store
        self.actor = actor
        self.clock: Clock = clock if clock is not None else SystemClock()

    @contextmanager
    def unit(self) -> Iterator[Session]:
        with self.store.unit() as session:
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
