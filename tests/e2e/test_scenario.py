"""A coordinator's fortnight in Kerkrade Oost, through the services only.

Two signals at one address become one case, the case goes on the agenda of the meeting it
was routed to, the minutes give two actions, a joint home visit finds nobody home and is
planned again, a signal from care tips the case over the ZVH criteria, the case is escalated
and afgeschaald back to the local meeting. At the end the case summary prints, the audit log
holds what happened to the case, and the store verifies clean. All data is fictional.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from sociaalveilig.core.enums import (
    ActionStatus,
    ActionType,
    CaseStatus,
    EscalationStatus,
    EscalationTarget,
    MeetingType,
    Role,
    RouteTarget,
    SignalStatus,
    VisitOutcome,
    VisitStatus,
)
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.escalation import ZvhCriteria
from sociaalveilig.reports import api as reports_api
from sociaalveilig.services import (
    actions,
    agenda_proposals,
    auditlog,
    cases,
    escalations,
    meeting_agenda,
    meeting_minutes,
    meeting_planning,
    partners,
    signal_intake,
    signal_records,
    visits,
)
from sociaalveilig.services import signals as sv
from sociaalveilig.services.context import FixedClock, ServiceContext
from sociaalveilig.services.desk import store_folder
from sociaalveilig.services.maintenance import verify
from tests.conftest import ActorFactory
from tests.reports import pdftext

AREA = "Kerkrade Oost"
POLICE = "Politie Limburg"
CORPORATION = "Woningcorporatie"
ENFORCEMENT = "Gemeente – handhaving"
CARE = "Zorg en hulpverlening"
DISTRICT_TEAM = "Gemeente – wijkteam"


def _signal(received: datetime, source: str, category: str, text: str) -> signal_intake.SignalInput:
    return signal_intake.SignalInput(
        received_at=received,
        source=source,
        category=category,
        postcode="6463 ab",
        house_number=21,
        street="Verzonnenstraat",
        city="Kerkrade",
        description=text,
        persons=(
            signal_intake.PersonInput(name="Piet Verzonnen", birth_year=1971, role="huurder"),
        ),
    )


def test_a_coordinators_fortnight(
    admin_ctx: ServiceContext, clock: FixedClock, make_actor: ActorFactory, tmp_path: Path
) -> None:
    coordinator = make_actor(Role.COORDINATOR, username="coordinator")
    corporation_user = make_actor(Role.PARTNER, username="woco", partner=CORPORATION)
    ids = {p.name: p.partner_id for p in partners.list_partners(admin_ctx)}

    # ---- Wednesday 15 April: two signals at one address, one case.
    clock.set(datetime(2026, 4, 15, 9, 10))
    police = sv.register_signal(
        coordinator,
        _signal(
            datetime(2026, 4, 15, 8, 40),
            "politie",
            "WO-OVL",
            "Nachtelijk lawaai en ruzie, buren bellen geregeld (fictief).",
        ),
        signal_intake.NEW_CASE,
    )
    assert police.case_id is not None and police.case_reference is not None
    case_id, case_ref = police.case_id, police.case_reference
    assert police.focus_area == AREA
    assert police.route_target is RouteTarget.FYSIEKE_LEEFOMGEVING
    assert police.route_reason and "Woonoverlast" in police.route_reason
    why = signal_records.explain_routing(coordinator, police.signal_id)
    assert "Overleg fysieke leefomgeving" in why and police.route_reason in why

    clock.set(datetime(2026, 4, 15, 11, 0))
    housing = _signal(
        datetime(2026, 4, 15, 10, 30),
        "woningcorporatie",
        "WO-VER",
        "Tuin vol afval, ongedierte bij de buren (fictief).",
    )
    preview = sv.preview_signal(coordinator, housing)
    assert preview.routing.target is RouteTarget.FYSIEKE_LEEFOMGEVING
    assert preview.proposed_choice == case_id
    proposal = preview.proposals[0]
    assert proposal.on_address and proposal.on_person is not None
    assert case_ref in proposal.explanation
    linked = sv.register_signal(coordinator, housing, preview.proposed_choice)
    assert linked.case_id == case_id and linked.status is SignalStatus.GEKOPPELD
    detail = cases.get_case(coordinator, case_ref)
    assert detail.signal_count == 2
    assert len(detail.persons) == 1  # the same huurder, not a second person

    # ---- The meeting it was routed to proposes it; the agenda goes out.
    meeting = meeting_planning.plan_meeting(
        coordinator,
        "kerkrade",
        MeetingType.FL,
        datetime(2026, 4, 16, 9, 30),
        "Coördinatiecentrum Hoensbroek, zaal 1",
        [ids[POLICE], ids[CORPORATION], ids[ENFORCEMENT]],
    )
    proposals = agenda_proposals.propose_agenda(coordinator, meeting.meeting_id)
    ours = [p for p in proposals if p.case_id == case_id]
    assert len(ours) == 1
    assert ours[0].reason is meeting_agenda.AgendaReason.ROUTED
    assert police.reference in ours[0].explanation or linked.reference in ours[0].explanation
    agenda = meeting_agenda.accept_proposals(coordinator, meeting.meeting_id, ours)
    meeting_agenda.mark_agenda_sent(coordinator, meeting.meeting_id)
    (item,) = agenda.items
    assert item.case_reference == case_ref

    # ---- Thursday 16 April, after the meeting: a decision with two actions.
    clock.set(datetime(2026, 4, 16, 10, 15))
    minutes = meeting_minutes.record_decision(
        coordinator,
        item.item_id,
        "Gezamenlijk huisbezoek door corporatie en politie; handhaving start een traject.",
        [
            actions.ActionInput(
                ActionType.GEZAMENLIJK_HUISBEZOEK, ids[CORPORATION], date(2026, 4, 24)
            ),
            actions.ActionInput(ActionType.HANDHAVINGSTRAJECT, ids[ENFORCEMENT], date(2026, 5, 15)),
        ],
    )
    assert minutes.decision and minutes.decided_at == datetime(2026, 4, 16, 10, 15)
    visit_action, enforcement = minutes.actions
    assert (visit_action.owner_name, visit_action.deadline) == (CORPORATION, date(2026, 4, 24))
    assert (enforcement.owner_name, enforcement.deadline) == (ENFORCEMENT, date(2026, 5, 15))
    assert meeting_agenda.get_meeting(coordinator, meeting.meeting_id).meeting.status is (
        meeting_planning.MeetingStatus.GEHOUDEN
    )
    assert cases.get_case(coordinator, case_ref).status is CaseStatus.IN_BEHANDELING

    # ---- A joint home visit with two partners; nobody home; a new date.
    clock.set(datetime(2026, 4, 16, 11, 0))
    joint = visits.VisitInput(
        case_id=case_id,
        partner_ids=[ids[CORPORATION], ids[POLICE]],
        start=datetime(2026, 4, 20, 10, 0),
        end=datetime(2026, 4, 20, 10, 45),
        purpose="Kennismaken en de overlast bespreken (fictief).",
        joint=True,
        action_id=visit_action.action_id,
    )
    with pytest.raises(ValidationError) as refused:
        visits.plan_visit(coordinator, replace(joint, partner_ids=[ids[POLICE]]))
    assert refused.value.field == "partner_ids"
    planned = visits.plan_visit(coordinator, joint)
    assert planned.joint and set(planned.partner_names) == {CORPORATION, POLICE}
    actions.change_action_status(
        corporation_user, visit_action.action_id, ActionStatus.IN_UITVOERING
    )

    clock.set(datetime(2026, 4, 20, 11, 0))  # Monday
    outcome = visits.record_outcome(
        corporation_user, planned.visit_id, VisitOutcome.NIEMAND_THUIS, "Kaartje achtergelaten."
    )
    assert outcome.visit.status is VisitStatus.NIEMAND_THUIS
    assert outcome.proposed_start == datetime(2026, 4, 21, 10, 0)
    again = visits.replan_visit(coordinator, planned.visit_id, outcome.proposed_start)
    assert again.follow_up_of == planned.visit_id
    assert again.start == datetime(2026, 4, 21, 10, 0)
    assert set(again.partner_ids) == {ids[CORPORATION], ids[POLICE]}

    clock.set(datetime(2026, 4, 21, 11, 30))  # Tuesday
    visits.record_outcome(
        corporation_user,
        again.visit_id,
        VisitOutcome.UITGEVOERD,
        "Huurder thuis; afspraken over rust en opruimen gemaakt (fictief).",
    )
    done = actions.change_action_status(
        corporation_user, visit_action.action_id, ActionStatus.AFGEROND
    )
    assert done.status is ActionStatus.AFGEROND and done.completed_at is not None

    # ---- Wednesday 22 April: a third signal, from care; the ZVH criteria are met.
    clock.set(datetime(2026, 4, 22, 9, 0))
    care = _signal(
        datetime(2026, 4, 22, 8, 30),
        "zorg",
        "ZV-ZORG",
        "Huurder verwaarloost zich, schulden en verward gedrag (fictief).",
    )
    preview = sv.preview_signal(coordinator, care)
    assert preview.routing.target is RouteTarget.ACHTER_DE_VOORDEUR
    assert preview.proposed_choice == case_id
    sv.register_signal(coordinator, care, case_id)
    assert not cases.escalation_advice(coordinator, case_ref).propose  # progress was recent
    cases.set_zvh_criteria(
        coordinator,
        case_ref,
        ZvhCriteria(
            multiple_life_domains=True,
            criminal_or_nuisance_behaviour=True,
            chain_cooperation_needed=True,
            affects_family_or_surroundings=True,
        ),
    )
    advice = cases.escalation_advice(coordinator, case_ref)
    assert advice.propose and advice.target is EscalationTarget.ZVH
    escalation = escalations.escalate(
        coordinator, case_ref, advice.target, " ".join(advice.reasons)
    )
    assert escalation.status is EscalationStatus.AANGEMELD
    assert cases.get_case(coordinator, case_ref).status is CaseStatus.OPGESCHAALD

    clock.set(datetime(2026, 4, 23, 14, 0))
    taken = escalations.change_escalation_status(
        coordinator,
        escalation.escalation_id,
        EscalationStatus.IN_BEHANDELING,
        "Intake gedaan.",
        external_reference="ZVH-FICTIEF-0042",
    )
    assert taken.status is EscalationStatus.IN_BEHANDELING
    assert taken.external_reference == "ZVH-FICTIEF-0042"

    # ---- Wednesday 29 April: afgeschaald, back to the local meeting.
    clock.set(datetime(2026, 4, 29, 10, 0))
    back = escalations.afschalen(
        coordinator, escalation.escalation_id, "Zorg loopt; overleg volgt wonen en overlast."
    )
    assert back.status is EscalationStatus.TERUGGELEGD and back.closed_at is not None
    assert cases.get_case(coordinator, case_ref).status is CaseStatus.IN_BEHANDELING
    local = meeting_planning.plan_meeting(
        coordinator,
        AREA,
        MeetingType.AV,
        datetime(2026, 5, 7, 13, 30),
        None,
        [ids[POLICE], ids[CARE], ids[DISTRICT_TEAM]],
    )
    proposed = [
        p
        for p in agenda_proposals.propose_agenda(coordinator, local.meeting_id)
        if p.case_id == case_id
    ]
    assert len(proposed) == 1
    assert proposed[0].reason is meeting_agenda.AgendaReason.AFSCHALING
    assert escalation.reference in proposed[0].explanation

    # ---- The case file, printed; the audit log; the store.
    detail = cases.get_case(coordinator, case_ref)
    kinds = {entry.kind for entry in detail.timeline}
    assert {"signaal", "besluit", "actie", "huisbezoek", "opschaling"} <= kinds
    assert detail.signal_count == 3

    pdf = reports_api.case_summary(coordinator, case_ref, tmp_path / "casus.pdf")
    assert case_ref in pdftext.text(pdf)

    entries = auditlog.query_audit(admin_ctx, auditlog.AuditFilter(object_id=case_ref), limit=500)
    done_to_case = {row.action for row in entries.rows}
    assert {"create", "view", "status", "zvh_criteria", "print"} <= done_to_case
    # Each view is logged per person shown, by the person's pseudonym reference.
    assert any(row.action == "view" and row.person_ref for row in entries.rows)
    assert auditlog.verify_audit_chain(admin_ctx).ok
    if store_folder(admin_ctx) is not None:  # the desk's file: its cipher pages too
        assert verify(admin_ctx).ok
