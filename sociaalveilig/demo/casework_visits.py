"""Demo home visits, as the people who would make them: for an action agreed in a meeting or on
their own, done, nobody home and planned again, refused, or with the outcome not yet
recorded.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from functools import partial

from sociaalveilig.core.enums import ActionStatus, MeetingType, VisitOutcome
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.workdays import is_working_day, next_working_day
from sociaalveilig.demo.casework_base import CaseworkBase, MeetingPlan
from sociaalveilig.demo.casework_cast import CARE, CORPORATIONS, DISTRICT_TEAM, POLICE
from sociaalveilig.services import visits
from sociaalveilig.services.actions import ActionRow
from sociaalveilig.services.context import ServiceContext

VISIT_LENGTH = timedelta(minutes=45)
OUTCOME_DELAY = timedelta(minutes=75)


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


class VisitWork(CaseworkBase):
    """Home visits: for an action agreed in a meeting or on their own, done, nobody home and
    planned again, refused, or with the outcome not yet recorded."""

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
