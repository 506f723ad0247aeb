"""Demo escalations to each target, moved through their statuses; one afgeschaald back to the
local meeting.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from functools import partial

from sociaalveilig.core.enums import EscalationStatus, EscalationTarget
from sociaalveilig.core.escalation import ZvhCriteria
from sociaalveilig.core.i18n import tr
from sociaalveilig.demo.base import FIRST_NAMES, LAST_NAMES
from sociaalveilig.demo.casework_base import CaseFact, CaseworkBase
from sociaalveilig.services import cases, escalations
from sociaalveilig.services.signal_intake import PersonInput

EXTERNAL_PREFIX = {
    EscalationTarget.ZVH: "ZVH",
    EscalationTarget.RIEC: "RIEC",
    EscalationTarget.PGA: "PMG",
    EscalationTarget.VEILIG_THUIS: "VT",
}
"""Prefix of the (fictional) reference the receiving partner gives an escalation."""


class EscalationWork(CaseworkBase):
    """Escalations to each target, moved through their statuses; one afgeschaald back to the
    local meeting."""

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
