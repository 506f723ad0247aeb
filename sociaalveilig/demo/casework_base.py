"""The timeline the case-work demo runs on, the facts it knows of each case, and the state and
helpers its kinds of work share (``CaseworkBase``).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from sociaalveilig.core.enums import (
    ActionStatus,
    CaseStatus,
    MeetingType,
    RiskLevel,
    Role,
    RouteTarget,
)
from sociaalveilig.core.workdays import is_working_day, next_working_day
from sociaalveilig.demo.base import DemoRun
from sociaalveilig.services.actions import ActionRow, change_action_status
from sociaalveilig.services.context import Actor, FixedClock, ServiceContext, utc_to_local
from sociaalveilig.storage.models import Case, Category, FocusArea, Partner, Signal

SLOTS = (time(9, 0), time(9, 30), time(10, 0), time(11, 0), time(13, 30), time(14, 0), time(15, 0))


class Timeline:
    """Events at local times, run in time order with ``clock`` set to each event's moment.

    ``at`` refuses (returns False) an event after ``now``: that has not happened yet. An
    event scheduled for a moment already passed runs at the current moment instead, so the
    clock only moves forward. After ``run`` the clock stands at ``now`` again.
    """

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.clock = FixedClock(now)
        self._queue: list[tuple[datetime, int, Callable[[], None]]] = []
        self._count = 0
        self._current = datetime.min

    def at(self, moment: datetime, event: Callable[[], None]) -> bool:
        if moment > self.now:
            return False
        heapq.heappush(self._queue, (max(moment, self._current), self._count, event))
        self._count += 1
        return True

    def run(self) -> None:
        try:
            while self._queue:
                moment, _, event = heapq.heappop(self._queue)
                self._current = moment
                self.clock.set(moment)
                event()
        finally:
            self.clock.set(self.now)


@dataclass(frozen=True)
class CaseFact:
    """What the demo knows of a case when it chooses work for it."""

    case_id: str
    reference: str
    area_id: str | None
    created: datetime
    """Local time."""
    first_signal: datetime | None
    """Local time of the case's first signal."""
    status: CaseStatus
    risk: RiskLevel
    categories: frozenset[str]
    meeting_types: frozenset[MeetingType]


@dataclass
class MeetingPlan:
    area_id: str
    kind: MeetingType
    start: datetime
    partner_ids: list[str]
    meeting_id: str | None = None
    items: list[tuple[str, str | None]] = field(default_factory=list)
    """Agenda item id and case id."""


@dataclass
class Tally:
    meetings: int = 0
    actions: int = 0
    visits: int = 0
    escalations: int = 0
    walks: int = 0
    users: int = 0


class CaseworkBase:
    """The demo's shared state and helpers: the cast as service contexts, the facts of every case,
    the timeline, and the choices of days, times and partners."""

    def __init__(self, run: DemoRun, cast: dict[str, Actor]) -> None:
        self.run = run
        self.rng = run.rng
        self.timeline = Timeline(run.ctx.clock.now())
        self.now = self.timeline.now
        self.tally = Tally(users=len(cast))
        store = run.ctx.store
        clock = self.timeline.clock
        self.coordinator = ServiceContext(store, run.worker.actor, clock)
        self.wijkagenten = [
            ServiceContext(store, actor, clock)
            for actor in cast.values()
            if actor.role is Role.WIJKAGENT
        ]
        self.partner_users = {
            actor.partner_id: ServiceContext(store, actor, clock)
            for actor in cast.values()
            if actor.role is Role.PARTNER and actor.partner_id
        }
        self.facts: dict[str, CaseFact] = {}
        self.areas: list[tuple[str, str]] = []
        self.partners: dict[str, str] = {}
        self.upcoming_kind: dict[str, MeetingType] = {}
        self.used_for_escalation: set[str] = set()
        self.visit_count = 0

    def load(self) -> None:
        """Areas, active partners and the facts of every case (read only)."""
        with self.run.ctx.unit() as session:
            names = dict(session.execute(select(FocusArea.id, FocusArea.name)).tuples().all())
            self.areas = sorted(names.items(), key=lambda kv: kv[1])
            self.partners = dict(
                session.execute(select(Partner.name, Partner.id).where(Partner.active.is_(True)))
                .tuples()
                .all()
            )
            first: dict[str, datetime] = {}
            categories: dict[str, set[str]] = {}
            kinds: dict[str, set[MeetingType]] = {}
            for case_id, received, code, target in session.execute(
                select(Signal.case_id, Signal.received_at, Category.code, Signal.route_target)
                .join(Category, Category.id == Signal.category_id)
                .where(Signal.case_id.is_not(None))
            ).tuples():
                assert case_id is not None
                local = utc_to_local(received)
                if case_id not in first or local < first[case_id]:
                    first[case_id] = local
                categories.setdefault(case_id, set()).add(code)
                if target is not None and target != RouteTarget.COORDINATOR.value:
                    kinds.setdefault(case_id, set()).add(MeetingType(target))
            for case_id, ref, area, created, status, risk in session.execute(
                select(
                    Case.id,
                    Case.reference,
                    Case.focus_area_id,
                    Case.created_at,
                    Case.status,
                    Case.risk_level,
                ).order_by(Case.reference)
            ).tuples():
                self.facts[case_id] = CaseFact(
                    case_id,
                    ref,
                    area,
                    utc_to_local(created),
                    first.get(case_id),
                    CaseStatus(status),
                    RiskLevel(risk),
                    frozenset(categories.get(case_id, ())),
                    frozenset(kinds.get(case_id, ())),
                )

    def _received(self, signal_ids: Sequence[str]) -> dict[str, datetime]:
        if not signal_ids:
            return {}
        with self.run.ctx.unit() as session:
            return {
                signal_id: utc_to_local(received)
                for signal_id, received in session.execute(
                    select(Signal.id, Signal.received_at).where(Signal.id.in_(signal_ids))
                ).tuples()
            }

    def _pick_partners(self, groups: Sequence[tuple[str, ...]]) -> list[str]:
        """One partner per group (the first present in this store), in group order."""
        chosen: list[str] = []
        for group in groups:
            for name in group:
                partner_id = self.partners.get(name)
                if partner_id is not None and partner_id not in chosen:
                    chosen.append(partner_id)
                    break
        if not chosen:
            chosen = [self.partners[name] for name in sorted(self.partners)[:3]]
        return chosen

    def _group_ids(self, group: tuple[str, ...]) -> list[str]:
        return [self.partners[name] for name in group if name in self.partners]

    def _as_partner(self, partner_id: str) -> ServiceContext:
        """The partner's own user when the demo has one, otherwise the coordinator."""
        return self.partner_users.get(partner_id, self.coordinator)

    def _day_at(self, day: date, at: time | None = None) -> datetime:
        return datetime.combine(day, at if at is not None else self.rng.choice(SLOTS))

    def _working_day_before(self, day: date) -> date:
        while not is_working_day(day):
            day -= timedelta(days=1)
        return day

    def _later(self, base: datetime, min_days: int, max_days: int) -> datetime:
        """A working-hours moment ``min_days``..``max_days`` days after ``base``."""
        day = next_working_day(base.date() + timedelta(days=self.rng.randint(min_days, max_days)))
        moment = self._day_at(day)
        return moment if moment > base else base + timedelta(hours=1)

    def _open_cases(self, moment: datetime, in_area: bool = True) -> list[CaseFact]:
        """Open cases of this run that existed (with their signals) at ``moment``."""
        own = set(self.run.case_ids)
        return [
            fact
            for fact in self.facts.values()
            if fact.case_id in own
            and fact.status is not CaseStatus.AFGESLOTEN
            and (fact.area_id is not None or not in_area)
            and fact.created <= moment
            and (fact.first_signal is None or fact.first_signal <= moment)
        ]

    def _action_status(self, row: ActionRow, status: ActionStatus, reason: str | None) -> None:
        change_action_status(self._as_partner(row.owner_partner_id), row.action_id, status, reason)


__all__ = [
    "CaseFact",
    "Timeline",
]
