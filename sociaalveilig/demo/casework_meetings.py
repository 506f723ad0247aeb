"""Demo meetings, as the coordinator and the partners would hold them: planned, held with an
agenda from the program's proposals, decisions and actions in the minutes, the actions
followed through every status (some left overdue), and cancelled.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import partial

from sociaalveilig.core.enums import ActionStatus, ActionType, MeetingType
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.workdays import next_working_day
from sociaalveilig.demo.casework_base import MeetingPlan
from sociaalveilig.demo.casework_cast import (
    CARE,
    CORPORATIONS,
    DISTRICT_TEAM,
    ENFORCEMENT,
    NEIGHBOURHOOD,
    POLICE,
)
from sociaalveilig.demo.casework_visits import VisitWork
from sociaalveilig.services import (
    agenda_proposals,
    meeting_agenda,
    meeting_minutes,
    meeting_planning,
)
from sociaalveilig.services.actions import ActionInput, ActionRow
from sociaalveilig.services.meeting_agenda import AgendaProposal

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


class MeetingWork(VisitWork):
    """Meetings: planned, held (agenda from the proposals, decisions and actions in the minutes,
    actions followed through their statuses) and cancelled."""

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
