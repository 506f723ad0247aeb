"""Demo case work: the fictional region comes alive.

After the demo has made cases and signals (``demo/base.py``), this step adds the work people do
with them, through the services only and as the people who would do it: a coordinator,
wijkagenten/BOA with their focus areas, partner users and a manager. It plans and holds
meetings (agendas from the program's proposals, decisions and actions in the minutes),
moves actions through every status (some left overdue), plans home visits over the past
weeks and the coming two weeks (done, nobody home and planned again, refused, outcome not
yet recorded), escalates cases to each target (one afgeschaald back to the local meeting)
and walks buurtschouwen whose findings become signals.

The services refuse to plan in the past and to record what has not happened yet, so the
history is made on a **timeline**: every event runs with a clock of its own set to the
event's moment, in time order, and nothing is done after *now* (what lies ahead stays
planned). The caller's clock is never moved. Everything is repeatable with the demo's seed.

The demo users have no key slot, like the demo's own coordinator: they exist so owners,
areas, partners and the audit log look like a working region, and cannot log in. (Users who
can log in are added by a beheerder with ``users.add_user``, which needs a passphrase.)
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import partial

from sqlalchemy import select

from sociaalveilig.core.enums import (
    ActionStatus,
    ActionType,
    CaseStatus,
    EscalationStatus,
    EscalationTarget,
    MeetingType,
    RiskLevel,
    Role,
    RouteTarget,
    VisitOutcome,
)
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.escalation import ZvhCriteria
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.postcode import default_pc4_table, match_focus_area
from sociaalveilig.core.workdays import is_working_day, next_working_day
from sociaalveilig.demo.base import FIRST_NAMES, LAST_NAMES, STREETS, DemoRun
from sociaalveilig.services import (
    agenda_proposals,
    buurtschouw,
    cases,
    escalations,
    meeting_agenda,
    meeting_minutes,
    meeting_planning,
    visits,
)
from sociaalveilig.services.actions import ActionInput, ActionRow, change_action_status
from sociaalveilig.services.context import (
    Actor,
    FixedClock,
    ServiceContext,
    stored_now,
    utc_to_local,
)
from sociaalveilig.services.meeting_agenda import AgendaProposal
from sociaalveilig.services.signal_intake import PersonInput
from sociaalveilig.storage.models import (
    Case,
    Category,
    FocusArea,
    Partner,
    Signal,
    User,
    UserArea,
)

# --------------------------------------------------------------------------- the cast

DEMO_USERS: tuple[tuple[str, str, Role, str | None, tuple[str, ...]], ...] = (
    # username, display name, role, partner organisation, focus areas (unique starts)
    ("demo-wijkagent", "Wijkagent Fictief (demo)", Role.WIJKAGENT, None, ("Heerlen", "Kerkrade")),
    ("demo-boa", "Boa Verzonnen (demo)", Role.WIJKAGENT, None, ("Brunssum", "Schinveld", "Nuth")),
    (
        "demo-woonstichting",
        "Medewerker Woonstichting Voorbeeld (demo)",
        Role.PARTNER,
        "Woonstichting Voorbeeld",
        (),
    ),
    (
        "demo-zorggroep",
        "Medewerker Zorggroep Fictief (demo)",
        Role.PARTNER,
        "Zorggroep Fictief",
        (),
    ),
    ("demo-manager", "Manager Denkbeeld (demo)", Role.MANAGER, None, ()),
)
"""The demo's users of each role besides the coordinator (who runs the demo)."""

POLICE = ("Politie Limburg",)
ENFORCEMENT = ("Gemeente – handhaving",)
DISTRICT_TEAM = ("Gemeente – wijkteam", "Gemeente – sociaal domein")
CORPORATIONS = ("Woonstichting Voorbeeld", "Wooncorporatie Denkbeeld", "Woningcorporatie")
CARE = ("Zorggroep Fictief", "Stichting Welzijn Verzonnen", "Zorg en hulpverlening")
NEIGHBOURHOOD = ("Buurtnetwerk Proefwijk",)

MEETING_PARTNERS: dict[MeetingType, tuple[tuple[str, ...], ...]] = {
    MeetingType.FL: (POLICE, ENFORCEMENT, CORPORATIONS[:2], NEIGHBOURHOOD),
    MeetingType.AV: (POLICE, DISTRICT_TEAM, CARE[:2], CORPORATIONS[:1]),
}
ACTION_TYPES: dict[MeetingType, tuple[ActionType, ...]] = {
    MeetingType.FL: (
        ActionType.GEZAMENLIJK_HUISBEZOEK,
        ActionType.INTEGRALE_CONTROLE,
        ActionType.HANDHAVINGSTRAJECT,
        ActionType.JURIDISCHE_PROCEDURE,
        ActionType.CPTED_ANALYSE,
        ActionType.FYSIEKE_AANPASSING,
        ActionType.BUURTBIJEENKOMST,
        ActionType.CONTROLE,
    ),
    MeetingType.AV: (
        ActionType.GEZAMENLIJK_HUISBEZOEK,
        ActionType.GEZAMENLIJK_HUISBEZOEK,
        ActionType.HULPVERLENINGSTRAJECT,
        ActionType.HULPVERLENINGSTRAJECT,
        ActionType.CONTROLE,
        ActionType.JURIDISCHE_PROCEDURE,
    ),
}
OWNERS: dict[ActionType, tuple[tuple[str, ...], ...]] = {
    ActionType.GEZAMENLIJK_HUISBEZOEK: (DISTRICT_TEAM, CORPORATIONS, CARE),
    ActionType.CONTROLE: (POLICE, ENFORCEMENT),
    ActionType.INTEGRALE_CONTROLE: (ENFORCEMENT, POLICE),
    ActionType.HANDHAVINGSTRAJECT: (ENFORCEMENT,),
    ActionType.JURIDISCHE_PROCEDURE: (CORPORATIONS,),
    ActionType.HULPVERLENINGSTRAJECT: (CARE, DISTRICT_TEAM),
    ActionType.BUURTBIJEENKOMST: (NEIGHBOURHOOD, DISTRICT_TEAM),
    ActionType.CPTED_ANALYSE: (POLICE,),
    ActionType.FYSIEKE_AANPASSING: (ENFORCEMENT, CORPORATIONS),
}
LOCATIONS = (
    "Coördinatiecentrum Hoensbroek, zaal 1",
    "Coördinatiecentrum Hoensbroek, zaal 2",
    "Online (videovergadering)",
)
SLOTS = (time(9, 0), time(9, 30), time(10, 0), time(11, 0), time(13, 30), time(14, 0), time(15, 0))
EXTERNAL_PREFIX = {
    EscalationTarget.ZVH: "ZVH",
    EscalationTarget.RIEC: "RIEC",
    EscalationTarget.PGA: "PMG",
    EscalationTarget.VEILIG_THUIS: "VT",
}
"""Prefix of the (fictional) reference the receiving partner gives an escalation."""
VISIT_LENGTH = timedelta(minutes=45)
OUTCOME_DELAY = timedelta(minutes=75)
_ESCALATION_REASONS = (
    meeting_agenda.AgendaReason.AFSCHALING,
    meeting_agenda.AgendaReason.ESCALATION,
)


def _decisions() -> dict[MeetingType, tuple[str, ...]]:
    return {
        MeetingType.FL: (
            tr("Partners herkennen de overlast; een integrale aanpak is afgesproken (fictief)."),
            tr("De woningcorporatie spreekt de huurder aan; de politie houdt zicht (fictief)."),
            tr("Eerst een gezamenlijk huisbezoek, daarna opnieuw bespreken (fictief)."),
            tr("Handhaving controleert; bij herhaling volgt een last onder dwangsom (fictief)."),
        ),
        MeetingType.AV: (
            tr("Zorgen gedeeld; het wijkteam legt contact en biedt hulp aan (fictief)."),
            tr("Gezamenlijk huisbezoek om de hulpvraag te verkennen (fictief)."),
            tr("Casusregie bij de zorgpartner; terugkoppeling in het volgende overleg (fictief)."),
            tr("Schuldhulp wordt aangeboden; de corporatie stelt stappen uit (fictief)."),
        ),
    }


def _loose_signal_decision() -> str:
    return tr("Signaal besproken; geen casus nodig, de melder krijgt bericht (fictief).")


def _visit_purposes() -> tuple[str, ...]:
    return (
        tr("Kennismaken en de zorgen van de buren bespreken (fictief demobezoek)."),
        tr("Controle op de afspraken uit het overleg (fictief demobezoek)."),
        tr("Hulpaanbod toelichten en afspraken maken (fictief demobezoek)."),
        tr("Staat van de woning en de tuin bekijken (fictief demobezoek)."),
    )


def _visit_notes() -> tuple[str, ...]:
    return (
        tr("Bewoner thuis getroffen; afspraken gemaakt over opruimen en rust (fictief)."),
        tr("Goed gesprek; bewoner accepteert hulp van het wijkteam (fictief)."),
        tr("Woning rommelig maar veilig; vervolgafspraak over twee weken (fictief)."),
    )


def _findings() -> tuple[tuple[str, str], ...]:
    """(checklist item, what the walkers saw), all made up."""
    return (
        ("heel-verlichting", tr("Drie lantaarnpalen in het achterpad doen het niet")),
        ("schoon-dumpingen", tr("Grofvuil en matrassen gedumpt naast de containers")),
        ("veilig-hangplekken", tr("Hangplek bij het bankje achter de flat, veel peuken")),
        ("cpted-natuurlijk-toezicht", tr("Hoge haag ontneemt het zicht op het pad naar school")),
        ("schoon-graffiti", tr("Bekladde gevel van de garageboxen")),
        ("heel-bestrating", tr("Losliggende tegels bij de ingang van de speeltuin")),
    )


# --------------------------------------------------------------------------- the timeline


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


# --------------------------------------------------------------------------- facts


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


# --------------------------------------------------------------------------- users


def ensure_demo_users(run: DemoRun) -> dict[str, Actor]:
    """The demo users of ``DEMO_USERS`` (created once; without key slot), by username."""
    actors: dict[str, Actor] = {}
    with run.ctx.unit() as session:
        areas = dict(session.execute(select(FocusArea.name, FocusArea.id)).tuples().all())
        partners = dict(
            session.execute(select(Partner.name, Partner.id).where(Partner.active.is_(True)))
            .tuples()
            .all()
        )
        for username, display, role, partner, area_starts in DEMO_USERS:
            partner_id = partners.get(partner) if partner else None
            if partner and partner_id is None:
                continue  # the demo partner was renamed or retired in this store
            user = session.execute(
                select(User).where(User.username == username)
            ).scalar_one_or_none()
            if user is None:
                user = User(
                    username=username,
                    display_name=display,
                    role=role.value,
                    partner_id=partner_id,
                    active=True,
                    created_at=stored_now(run.ctx),
                )
                session.add(user)
                session.flush()
                for start in area_starts:
                    try:
                        area_id = areas[match_focus_area(start, list(areas))]
                    except ValidationError:
                        continue  # the focus area was renamed in this store
                    session.add(UserArea(user_id=user.id, focus_area_id=area_id))
                run.ctx.audit(session, "user_add", "user", user.id)
            area_ids = frozenset(
                session.execute(
                    select(UserArea.focus_area_id).where(UserArea.user_id == user.id)
                ).scalars()
            )
            actors[username] = Actor(
                user.id,
                user.username,
                user.display_name,
                Role(user.role),
                user.partner_id,
                area_ids,
            )
    return actors


# --------------------------------------------------------------------------- the demo


class CaseworkDemo:
    """Schedules the region's case work on a timeline and runs it (see the module text)."""

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

    # ------------------------------------------------------------------ reading

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

    # ------------------------------------------------------------------ helpers

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

    # ------------------------------------------------------------------ meetings

    def schedule_meetings(self) -> None:
        """Per focus area: a meeting five and two weeks ago (held, with minutes) and one in
        the coming two weeks (agenda from the proposals); plus one called off."""
        today = self.now.date()
        for index, (area_id, _name) in enumerate(self.areas):
            older, recent = (
                (MeetingType.FL, MeetingType.AV)
                if index % 2 == 0
                else (MeetingType.AV, MeetingType.FL)
            )
            at = time(9, 30) if index % 2 == 0 else time(13, 30)
            offset = index % 4
            for weeks, kind in ((5, older), (2, recent)):
                start = self._meeting_start(today - timedelta(weeks=weeks), offset, at)
                self._past_meeting(MeetingPlan(area_id, kind, start, self._meeting_partners(kind)))
            start = self._meeting_start(today + timedelta(weeks=1 + index % 2), offset, at)
            self.upcoming_kind[area_id] = older
            self._upcoming_meeting(
                MeetingPlan(area_id, older, start, self._meeting_partners(older))
            )
        if self.areas:
            area_id = self.areas[0][0]
            start = self._meeting_start(today - timedelta(weeks=3), 3, time(13, 30))
            plan = MeetingPlan(
                area_id, MeetingType.FL, start, self._meeting_partners(MeetingType.FL)
            )
            self.timeline.at(start - timedelta(days=14), partial(self._plan_meeting, plan))
            self.timeline.at(start - timedelta(days=2), partial(self._cancel_meeting, plan))

    def _meeting_start(self, week_of: date, offset: int, at: time) -> datetime:
        monday = week_of - timedelta(days=week_of.weekday())
        return datetime.combine(next_working_day(monday + timedelta(days=offset)), at)

    def _meeting_partners(self, kind: MeetingType) -> list[str]:
        return self._pick_partners(MEETING_PARTNERS[kind])

    def _past_meeting(self, plan: MeetingPlan) -> None:
        self.timeline.at(
            self._day_at((plan.start - timedelta(days=14)).date(), time(10)),
            partial(self._plan_meeting, plan),
        )
        self.timeline.at(
            self._day_at((plan.start - timedelta(days=3)).date(), time(11)),
            partial(self._build_agenda, plan, self.rng.randint(2, 4), True, True),
        )
        self.timeline.at(
            plan.start + timedelta(minutes=self.rng.choice((60, 75, 90))),
            partial(self._record_minutes, plan),
        )

    def _upcoming_meeting(self, plan: MeetingPlan) -> None:
        planned = min(plan.start - timedelta(days=12), self.now - timedelta(hours=3))
        self.timeline.at(planned, partial(self._plan_meeting, plan))
        send = plan.start - self.now <= timedelta(days=7)
        agenda_at = min(plan.start - timedelta(days=3), self.now - timedelta(hours=1))
        # Room is left on the agenda: the page still shows proposals to take.
        self.timeline.at(
            agenda_at, partial(self._build_agenda, plan, self.rng.randint(2, 3), False, send)
        )

    def _plan_meeting(self, plan: MeetingPlan) -> None:
        info = meeting_planning.plan_meeting(
            self.coordinator,
            plan.area_id,
            plan.kind,
            plan.start,
            self.rng.choice(LOCATIONS),
            plan.partner_ids,
        )
        plan.meeting_id = info.meeting_id
        self.tally.meetings += 1

    def _cancel_meeting(self, plan: MeetingPlan) -> None:
        assert plan.meeting_id is not None
        meeting_planning.cancel_meeting(self.coordinator, plan.meeting_id)

    def _build_agenda(self, plan: MeetingPlan, limit: int, past: bool, send: bool) -> None:
        """Take some of the program's proposals (only what was known at this moment): cases
        coming back from or still in escalation always, then a sample of the others and
        sometimes a loose signal; then send the agenda. With nothing proposed, the
        coordinator adds an open case of the area, and a past meeting without any is
        called off."""
        assert plan.meeting_id is not None
        now = self.timeline.clock.now()
        proposals = agenda_proposals.propose_agenda(self.coordinator, plan.meeting_id)
        received = self._received([p.signal_id for p in proposals if p.signal_id])

        def known(proposal: AgendaProposal) -> bool:
            if proposal.signal_id and received.get(proposal.signal_id, now) > now:
                return False
            fact = self.facts.get(proposal.case_id or "")
            if fact is None:
                return proposal.case_id is None
            return fact.created <= now and (fact.first_signal is None or fact.first_signal <= now)

        fitting = [p for p in proposals if known(p)]
        urgent = [p for p in fitting if p.case_id and p.reason in _ESCALATION_REASONS]
        others = [p for p in fitting if p.case_id and p not in urgent]
        loose = [p for p in fitting if not p.case_id]
        n_loose = min(1, len(loose)) if self.rng.random() < 0.5 else 0
        room = max(0, limit - n_loose - len(urgent))
        chosen = urgent + self.rng.sample(others, min(room, len(others)))
        chosen += self.rng.sample(loose, n_loose)
        if chosen:
            order = {id(p): n for n, p in enumerate(proposals)}
            chosen.sort(key=lambda p: order[id(p)])
            detail = meeting_agenda.accept_proposals(self.coordinator, plan.meeting_id, chosen)
        else:
            area_cases = [f for f in self._open_cases(now) if f.area_id == plan.area_id]
            if not area_cases:
                if past:
                    meeting_planning.cancel_meeting(self.coordinator, plan.meeting_id)
                return
            detail = meeting_agenda.add_agenda_item(
                self.coordinator, plan.meeting_id, case_id=self.rng.choice(area_cases).case_id
            )
        plan.items = [(item.item_id, item.case_id) for item in detail.items]
        if send:
            meeting_agenda.mark_agenda_sent(self.coordinator, plan.meeting_id)

    def _record_minutes(self, plan: MeetingPlan) -> None:
        texts = _decisions()[plan.kind]
        for item_id, case_id in plan.items:
            if case_id is None:
                meeting_minutes.record_decision(self.coordinator, item_id, _loose_signal_decision())
                continue
            wanted = self._action_inputs(plan, case_id)
            info = meeting_minutes.record_decision(
                self.coordinator, item_id, self.rng.choice(texts), wanted
            )
            self.tally.actions += len(info.actions)
            for row in info.actions:
                self._follow_action(row, plan)

    def _action_inputs(self, plan: MeetingPlan, case_id: str) -> list[ActionInput]:
        count = self.rng.choice((0, 1, 1, 1, 2, 2))
        fact = self.facts.get(case_id)
        earliest = fact.first_signal.date() if fact and fact.first_signal else plan.start.date()
        types = list(dict.fromkeys(self.rng.sample(ACTION_TYPES[plan.kind], count)))
        inputs = []
        for action_type in types:
            owners = [p for group in OWNERS[action_type] for p in self._group_ids(group)] or list(
                plan.partner_ids
            )
            in_meeting = [p for p in owners if p in plan.partner_ids]
            owner = (
                (in_meeting or owners)[0] if self.rng.random() < 0.8 else self.rng.choice(owners)
            )
            days = self.rng.choice((7, 10, 14, 21, 28, 42))
            deadline = max(plan.start.date() + timedelta(days=days), earliest)
            inputs.append(
                ActionInput(
                    action_type,
                    owner,
                    deadline,
                    tr("{type} volgens de afspraak in het overleg (fictieve demo-actie).").format(
                        type=action_type.label
                    ),
                )
            )
        return inputs

    # ------------------------------------------------------------------ actions

    def _follow_action(self, row: ActionRow, plan: MeetingPlan) -> None:
        """What the owner did with the action since: done, started, dropped, or nothing
        (then it is open, and overdue once its deadline has passed)."""
        if row.action_type is ActionType.GEZAMENLIJK_HUISBEZOEK:
            self._visit_for_action(row, plan)
            return
        created = self.timeline.clock.now()
        deadline = datetime.combine(row.deadline, time(16))
        roll = self.rng.random()
        if roll < 0.35:
            span = max(2, (deadline - created).days)
            self.timeline.at(
                self._later(created, 1, span),
                partial(self._action_status, row, ActionStatus.AFGEROND, None),
            )
        elif roll < 0.6:
            started = self._later(created, 1, 4)
            self.timeline.at(
                started, partial(self._action_status, row, ActionStatus.IN_UITVOERING, None)
            )
            if self.rng.random() < 0.3:
                self.timeline.at(
                    self._later(started, 3, 14),
                    partial(self._action_status, row, ActionStatus.AFGEROND, None),
                )
        elif roll < 0.68:
            self.timeline.at(
                self._later(created, 2, 10),
                partial(
                    self._action_status,
                    row,
                    ActionStatus.VERVALLEN,
                    tr("De bewoner is verhuisd; de actie is niet meer nodig (fictief)."),
                ),
            )

    def _action_status(self, row: ActionRow, status: ActionStatus, reason: str | None) -> None:
        change_action_status(self._as_partner(row.owner_partner_id), row.action_id, status, reason)

    # ------------------------------------------------------------------ visits

    def _visit_for_action(self, row: ActionRow, plan: MeetingPlan) -> None:
        """A joint home visit for a 'gezamenlijk huisbezoek' action: the owner and one
        other partner of the meeting, planned the day after the meeting."""
        created = self.timeline.clock.now()
        others = [p for p in plan.partner_ids if p != row.owner_partner_id]
        if not others:
            return
        second = others[0] if self.rng.random() < 0.6 else self.rng.choice(others)
        last = max(row.deadline, created.date() + timedelta(days=5))
        span = max(2, (last - created.date()).days)
        start = self._later(created, 2, span)
        planned_at = self._day_at(next_working_day(created.date() + timedelta(days=1)), time(9))
        planned_at = min(planned_at, start - timedelta(hours=2))
        self.timeline.at(
            planned_at,
            partial(
                self._plan_visit,
                row.case_id,
                [row.owner_partner_id, second],
                start,
                self.rng.choice(_visit_purposes()),
                row,
            ),
        )

    def _plan_visit(
        self,
        case_id: str,
        partner_ids: list[str],
        start: datetime,
        purpose: str,
        action: ActionRow | None,
        planner: ServiceContext | None = None,
    ) -> None:
        visit = visits.plan_visit(
            planner or self.coordinator,
            visits.VisitInput(
                case_id=case_id,
                partner_ids=partner_ids,
                start=start,
                end=start + VISIT_LENGTH,
                purpose=purpose,
                joint=len(partner_ids) > 1,
                action_id=action.action_id if action else None,
            ),
            # The demo's random times may double-book a partner; a real planner is asked.
            confirm_clash=True,
        )
        self.tally.visits += 1
        if action is not None:
            self._action_status(action, ActionStatus.IN_UITVOERING, None)
        self._schedule_outcome(visit, action, first_attempt=True)

    def _schedule_outcome(
        self, visit: visits.VisitRow, action: ActionRow | None, first_attempt: bool
    ) -> None:
        # One in ten past visits still waits for its outcome (Vandaag asks for it).
        if self.rng.random() < 0.1 and visit.start.date() < self.now.date():
            return
        self.timeline.at(
            visit.start + OUTCOME_DELAY,
            partial(self._record_outcome, visit, action, first_attempt),
        )

    def _record_outcome(
        self, visit: visits.VisitRow, action: ActionRow | None, first_attempt: bool
    ) -> None:
        takes_part = [p for p in visit.partner_ids if p in self.partner_users]
        who = self.partner_users[takes_part[0]] if takes_part else self.coordinator
        roll = self.rng.random()
        if first_attempt and roll < 0.3:
            result = visits.record_outcome(
                who,
                visit.visit_id,
                VisitOutcome.NIEMAND_THUIS,
                tr("Niemand thuis; kaartje door de bus gedaan (fictief)."),
            )
            assert result.proposed_start is not None
            again = visits.replan_visit(
                self.coordinator, visit.visit_id, result.proposed_start, confirm_clash=True
            )
            self.tally.visits += 1
            self._schedule_outcome(again, action, first_attempt=False)
            return
        if roll < 0.4:
            visits.record_outcome(
                who,
                visit.visit_id,
                VisitOutcome.GEWEIGERD,
                tr("Bewoner wilde niet praten; via de huisarts opnieuw proberen (fictief)."),
            )
            return
        visits.record_outcome(
            who, visit.visit_id, VisitOutcome.UITGEVOERD, self.rng.choice(_visit_notes())
        )
        if action is not None:
            self._action_status(action, ActionStatus.AFGEROND, None)

    def schedule_visits(self) -> None:
        """Home visits on about half the working days of the past three weeks and on every
        working day of this week and the coming two, so the week planner and Vandaag show
        work."""
        today = self.now.date()
        monday = today - timedelta(days=today.weekday())
        day = monday - timedelta(weeks=3)
        while day <= today + timedelta(days=14):
            if is_working_day(day):
                this_week = monday <= day < monday + timedelta(days=7)
                if this_week:
                    count = self.rng.choice((1, 2))
                elif day > today:
                    count = self.rng.choice((1, 1, 2))
                else:
                    count = self.rng.choice((0, 1))
                for _ in range(count):
                    start = self._day_at(day)
                    planned = min(
                        start - timedelta(days=self.rng.randint(2, 6)),
                        self.now - timedelta(minutes=30),
                    )
                    self.timeline.at(planned, partial(self._plan_loose_visit, start))
            day += timedelta(days=1)

    def _plan_loose_visit(self, start: datetime) -> None:
        """A visit on an open case in a focus area, by the wijkagent of the area when
        there is one (and half of the time), otherwise by the coordinator."""
        candidates = self._open_cases(self.timeline.clock.now())
        if not candidates:
            return
        fact = self.rng.choice(candidates)
        care = MeetingType.AV in fact.meeting_types
        groups = (DISTRICT_TEAM, CARE) if care else (CORPORATIONS, POLICE)
        partner_ids = self._pick_partners(groups if self.rng.random() < 0.6 else groups[:1])
        officers = [w for w in self.wijkagenten if fact.area_id in w.actor.area_ids]
        planner = officers[0] if officers and self.rng.random() < 0.5 else self.coordinator
        self._plan_visit(
            fact.case_id,
            partner_ids,
            start,
            self.rng.choice(_visit_purposes()),
            None,
            planner,
        )

    # ------------------------------------------------------------------ escalations

    def schedule_escalations(self) -> None:
        """Escalations to each target in several statuses; one ZVH escalation afgeschaald
        a week ago, so it is proposed for its area's next meeting."""
        stories: tuple[
            tuple[EscalationTarget, int, tuple[tuple[EscalationStatus, int], ...], bool], ...
        ] = (
            (
                EscalationTarget.ZVH,
                40,
                ((EscalationStatus.IN_BEHANDELING, 33), (EscalationStatus.TERUGGELEGD, 6)),
                True,
            ),
            (EscalationTarget.ZVH, 9, (), False),
            (EscalationTarget.VEILIG_THUIS, 20, ((EscalationStatus.IN_BEHANDELING, 18),), False),
            (
                EscalationTarget.VEILIG_THUIS,
                60,
                ((EscalationStatus.IN_BEHANDELING, 55), (EscalationStatus.AFGESLOTEN, 30)),
                False,
            ),
            (EscalationTarget.RIEC, 25, ((EscalationStatus.IN_BEHANDELING, 12),), False),
            (EscalationTarget.RIEC, 4, (), False),
            (EscalationTarget.PGA, 15, ((EscalationStatus.IN_BEHANDELING, 7),), False),
        )
        preferred = {
            EscalationTarget.ZVH: {"ZV-ZORG", "OP-VERWARD", "ZV-SCHULD", "WO-OVL"},
            EscalationTarget.VEILIG_THUIS: {"ZV-HG", "ZV-JEUGD"},
            EscalationTarget.RIEC: {"OM-HENNEP", "OM-VERHUUR", "OM-OVERIG", "OP-DRUGS"},
            EscalationTarget.PGA: {"OP-JEUGD", "ZV-JEUGD", "VE-CRIM"},
        }
        today = self.now.date()
        for number, (target, days_ago, steps, back_to_meeting) in enumerate(stories, start=1):
            moment = self._day_at(
                self._working_day_before(today - timedelta(days=days_ago)), time(11)
            )
            candidates = [
                fact
                for fact in self._open_cases(moment - timedelta(days=1))
                if fact.case_id not in self.used_for_escalation
            ]
            if back_to_meeting:
                # The local meeting that gets it back must be one its signals belong to.
                candidates = [
                    f
                    for f in candidates
                    if not f.meeting_types
                    or self.upcoming_kind.get(f.area_id or "") in f.meeting_types
                ]
            matching = [f for f in candidates if f.categories & preferred[target]]
            pool = matching or candidates
            if not pool:
                continue
            fact = self.rng.choice(pool)
            self.used_for_escalation.add(fact.case_id)
            follow_ups = tuple(
                (
                    status,
                    self._day_at(self._working_day_before(today - timedelta(days=d)), time(14)),
                )
                for status, d in steps
            )
            self.timeline.at(moment, partial(self._escalate, fact, target, number, follow_ups))

    def _escalate(
        self,
        fact: CaseFact,
        target: EscalationTarget,
        number: int,
        follow_ups: tuple[tuple[EscalationStatus, datetime], ...],
    ) -> None:
        ctx = self.coordinator
        reason = {
            EscalationTarget.VEILIG_THUIS: tr(
                "Signalen van huiselijk geweld: buren horen geschreeuw, kinderen zijn vaak "
                "alleen (fictief)."
            ),
            EscalationTarget.RIEC: tr(
                "Vermoeden van hennepteelt en malafide verhuur; signalen van politie en "
                "woningcorporatie wijzen op ondermijning (fictief)."
            ),
            EscalationTarget.PGA: tr(
                "Jongere raakt betrokken bij overlast en kleine criminaliteit; vroegtijdige "
                "persoonsgerichte aanpak gewenst (fictief)."
            ),
        }.get(target, "")
        if target is EscalationTarget.ZVH:
            cases.set_zvh_criteria(
                ctx,
                fact.case_id,
                ZvhCriteria(
                    multiple_life_domains=True,
                    criminal_or_nuisance_behaviour=True,
                    chain_cooperation_needed=True,
                    affects_family_or_surroundings=self.rng.random() < 0.7,
                    serious_local_safety_trouble=True,
                ),
            )
            advice = cases.escalation_advice(ctx, fact.case_id)
            reason = " ".join(advice.reasons) or tr(
                "Problemen op meerdere leefgebieden; ketensamenwerking nodig (fictief)."
            )
        if target is EscalationTarget.PGA:
            # The coordinator opens the case and records the young person it is about.
            known = {p.name for p in cases.get_case(ctx, fact.case_id).persons}
            names = [f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES]
            cases.add_person(
                ctx,
                fact.case_id,
                PersonInput(
                    name=self.rng.choice([n for n in names if n not in known]),
                    birth_year=self.timeline.clock.now().year - self.rng.randint(16, 22),
                    role=tr("jongere"),
                ),
            )
        row = escalations.escalate(
            ctx, fact.case_id, target, reason, f"{EXTERNAL_PREFIX[target]}-DEMO-{number:04d}"
        )
        self.tally.escalations += 1
        for status, moment in follow_ups:
            self.timeline.at(moment, partial(self._escalation_step, row.escalation_id, status))

    def _escalation_step(self, escalation_id: str, status: EscalationStatus) -> None:
        if status is EscalationStatus.TERUGGELEGD:
            escalations.afschalen(
                self.coordinator,
                escalation_id,
                tr(
                    "Het zorgtraject loopt en is stabiel; het lokale overleg volgt de afspraken "
                    "over wonen en dagbesteding (fictief)."
                ),
            )
            return
        note = {
            EscalationStatus.IN_BEHANDELING: tr("Intake gedaan; casus in behandeling (fictief)."),
            EscalationStatus.AFGESLOTEN: tr("Traject afgerond door de ketenpartner (fictief)."),
        }.get(status)
        escalations.change_escalation_status(self.coordinator, escalation_id, status, note)

    # ------------------------------------------------------------------ buurtschouwen

    def schedule_walks(self) -> None:
        """Three buurtschouwen by the demo's wijkagenten: one three weeks ago (finished,
        findings turned into signals), one last week (findings still being entered into
        signals) and one in ten days (planned)."""
        today = self.now.date()
        plans: list[tuple[ServiceContext, str, date, int, int, bool]] = []
        for number, officer in enumerate(self.wijkagenten[:2]):
            own = [area for area in self.areas if area[0] in officer.actor.area_ids]
            if not own:
                continue
            if number == 0:
                walk_day = self._working_day_before(today - timedelta(days=21))
                plans.append((officer, own[0][0], walk_day, 4, 3, True))
                if len(own) > 1:
                    walk_day = self._working_day_before(today - timedelta(days=6))
                    plans.append((officer, own[1][0], walk_day, 3, 2, False))
            else:
                walk_day = next_working_day(today + timedelta(days=10))
                plans.append((officer, own[0][0], walk_day, 0, 0, False))
        for officer, area_id, walk_day, findings, to_signal, finish in plans:
            planned = min(
                self._day_at(walk_day - timedelta(days=10), time(10)),
                self.now - timedelta(hours=2),
            )
            holder: dict[str, str] = {}
            self.timeline.at(planned, partial(self._plan_walk, officer, area_id, walk_day, holder))
            if findings:
                self.timeline.at(
                    self._day_at(walk_day, time(15)),
                    partial(self._walk_findings, officer, area_id, holder, findings, to_signal),
                )
            if finish:
                self.timeline.at(
                    self._day_at(next_working_day(walk_day + timedelta(days=1)), time(10)),
                    partial(self._finish_walk, officer, holder),
                )

    def _plan_walk(
        self, officer: ServiceContext, area_id: str, walk_day: date, holder: dict[str, str]
    ) -> None:
        streets = self.rng.sample(STREETS, 3)
        walk = buurtschouw.plan_buurtschouw(
            officer,
            area_id,
            walk_day,
            tr("Start bij de wijkpost, via {a} en {b} naar {c} (fictieve route).").format(
                a=streets[0], b=streets[1], c=streets[2]
            ),
        )
        holder["walk_id"] = walk.walk_id
        self.tally.walks += 1

    def _walk_findings(
        self,
        officer: ServiceContext,
        area_id: str,
        holder: dict[str, str],
        count: int,
        to_signal: int,
    ) -> None:
        area_name = dict(self.areas)[area_id]
        pc4s = sorted(pc for pc, (_, area) in default_pc4_table().items() if area == area_name)
        letters = "ABCDEGHJKLMNPRTVWXZ"
        for index, (item, seen) in enumerate(self.rng.sample(_findings(), count)):
            postcode = (
                f"{self.rng.choice(pc4s)} {self.rng.choice(letters)}{self.rng.choice(letters)}"
                if pc4s
                else None
            )
            finding = buurtschouw.add_finding(
                officer,
                holder["walk_id"],
                item,
                tr("{seen} (fictieve demomelding).").format(seen=seen),
                street=self.rng.choice(STREETS),
                postcode=postcode,
                house_number=self.rng.randrange(1, 120),
            )
            if index < to_signal and postcode is not None:
                buurtschouw.finding_to_signal(officer, finding.finding_id)

    def _finish_walk(self, officer: ServiceContext, holder: dict[str, str]) -> None:
        buurtschouw.finish_buurtschouw(officer, holder["walk_id"])

    # ------------------------------------------------------------------ all of it

    def fill(self) -> None:
        self.load()
        if not self.areas:
            return
        self.schedule_meetings()
        if self.run.case_ids:
            self.schedule_escalations()
            self.schedule_visits()
        self.schedule_walks()
        self.timeline.run()

    def summary(self) -> str:
        t = self.tally
        return tr(
            "{meetings} overleggen, {actions} acties, {visits} huisbezoeken, "
            "{escalations} opschalingen, {walks} buurtschouwen, {users} demogebruikers "
            "(zonder wachtwoord)"
        ).format(
            meetings=t.meetings,
            actions=t.actions,
            visits=t.visits,
            escalations=t.escalations,
            walks=t.walks,
            users=t.users,
        )


def add_casework(run: DemoRun) -> None:
    """Demo step: users of each role, then the region's case work on a timeline."""
    cast = ensure_demo_users(run)
    work = CaseworkDemo(run, cast)
    work.fill()
    run.lines.append(work.summary())


CASEWORK_STEPS: list[Callable[[DemoRun], None]] = [add_casework]
"""The steps this module adds to the demo, in order."""


def demo_step(run: DemoRun) -> None:
    """The case-work step, listed in ``demo.DEMO_STEPS``."""
    for step in CASEWORK_STEPS:
        step(run)


__all__ = [
    "CASEWORK_STEPS",
    "DEMO_USERS",
    "CaseFact",
    "CaseworkDemo",
    "Timeline",
    "add_casework",
    "demo_step",
    "ensure_demo_users",
]
