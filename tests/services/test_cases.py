"""Cases: the detail with its timeline, every status transition through the service, risk
and review cadence, lead partner, persons, the ZVH checklist and the escalation advice."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from sociaalveilig.core.enums import CaseStatus, RiskLevel, Role, SignalStatus
from sociaalveilig.core.errors import AccessDenied, ValidationError
from sociaalveilig.core.escalation import ZvhCriteria
from sociaalveilig.core.workflow import ALLOWED_TRANSITIONS, WorkflowKind
from sociaalveilig.services import cases as cs
from sociaalveilig.services import signal_records
from sociaalveilig.services import signals as sv
from sociaalveilig.services.context import FixedClock, ServiceContext
from sociaalveilig.services.signal_intake import NEW_CASE, PersonInput, SignalInput
from sociaalveilig.storage.models import (
    Action,
    AgendaItem,
    AuditEntry,
    Case,
    Escalation,
    FocusArea,
    Meeting,
    Partner,
    StatusChange,
    Visit,
)
from tests.conftest import ActorFactory


def inp(**changes: object) -> SignalInput:
    base = SignalInput(
        received_at=datetime(2026, 4, 14, 9, 30),
        source="politie",
        category="WO-OVL",
        postcode="6463 AB",
        house_number=12,
        street="Fictiefstraat",
        city="Kerkrade",
        description="Fictieve melding over overlast.",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def new_case(ctx: ServiceContext, **changes: object) -> signal_records.SignalDetail:
    return sv.register_signal(ctx, inp(**changes), NEW_CASE)


def partner_id(ctx: ServiceContext, name: str) -> str:
    with ctx.unit() as session:
        return session.execute(select(Partner.id).where(Partner.name == name)).scalar_one()


def test_every_case_transition_through_the_service(coordinator_ctx: ServiceContext) -> None:
    table = ALLOWED_TRANSITIONS[WorkflowKind.CASE]
    checked = 0
    for old, new in itertools.product(CaseStatus, CaseStatus):
        case_id = new_case(coordinator_ctx).case_id or ""
        with coordinator_ctx.unit() as session:
            session.execute(update(Case).where(Case.id == case_id).values(status=old.value))
        if new in table[old]:
            detail = cs.change_case_status(coordinator_ctx, case_id, new.value, "Overleg besluit")
            assert detail.status is new, (old, new)
            last = [e for e in detail.timeline if e.kind == "status"][-1]
            assert last.title == f"Status {old.label} → {new.label}"
            assert last.detail == "Overleg besluit"
        else:
            with pytest.raises(ValidationError) as err:
                cs.change_case_status(coordinator_ctx, case_id, new.value, "Overleg besluit")
            assert err.value.field == "status"
            allowed = table[old]
            for option in allowed:
                assert f"'{option.label}'" in err.value.message
            with coordinator_ctx.unit() as session:
                assert session.get(Case, case_id).status == old.value  # type: ignore[union-attr]
        checked += 1
    assert checked == 25


def test_closing_handles_linked_signals_and_reopening_clears_closed_at(
    coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    signal = new_case(coordinator_ctx)
    case_id = signal.case_id or ""
    with pytest.raises(ValidationError) as err:
        cs.change_case_status(coordinator_ctx, case_id, "afgesloten", " ")
    assert err.value.field == "reden"
    clock.advance(timedelta(days=1))
    closed = cs.change_case_status(coordinator_ctx, case_id, "afgesloten", "Opgelost")
    assert closed.status is CaseStatus.AFGESLOTEN
    assert closed.closed_at == datetime(2026, 4, 16, 10, 0)
    assert closed.last_progress_at == datetime(2026, 4, 16, 10, 0)
    assert closed.allowed_next_statuses == (CaseStatus.HEROPEND,)
    shown = signal_records.get_signal(coordinator_ctx, signal.signal_id)
    assert shown.status is SignalStatus.AFGEHANDELD
    reopened = cs.change_case_status(coordinator_ctx, case_id, "heropend", "Nieuwe zorgen")
    assert reopened.closed_at is None and reopened.status is CaseStatus.HEROPEND


def test_case_detail_header_persons_and_sorted_timeline(
    coordinator_ctx: ServiceContext,
) -> None:
    first = new_case(
        coordinator_ctx,
        received_at=datetime(2026, 4, 1, 8, 0),
        persons=(PersonInput(name="Dirk Verzonnen", birth_year=1969, role="huurder"),),
    )
    case_id = first.case_id or ""
    sv.register_signal(
        coordinator_ctx,
        inp(received_at=datetime(2026, 4, 10, 12, 0), source="woningcorporatie"),
        case_id,
    )
    woco = partner_id(coordinator_ctx, "Woningcorporatie")
    with coordinator_ctx.unit() as session:
        area = session.execute(
            select(FocusArea.id).where(FocusArea.name == "Kerkrade Oost")
        ).scalar_one()
        meeting = Meeting(
            focus_area_id=area,
            meeting_type="fysieke_leefomgeving",
            starts_at=datetime(2026, 4, 13, 14, 0),
            status="gehouden",
        )
        session.add(meeting)
        session.flush()
        session.add(
            AgendaItem(
                meeting_id=meeting.id,
                position=1,
                case_id=case_id,
                reason="routed",
                decision="Gezamenlijk huisbezoek plannen.",
                decided_at=datetime(2026, 4, 13, 12, 30),  # UTC
            )
        )
        session.add(
            Action(
                reference="A-2026-00001",
                case_id=case_id,
                action_type="gezamenlijk_huisbezoek",
                owner_partner_id=woco,
                deadline=date(2026, 4, 24),
                status="open",
                description="Samen langs.",
                created_at=datetime(2026, 4, 13, 12, 40),
            )
        )
        session.add(
            Visit(
                case_id=case_id,
                planned_start=datetime(2026, 4, 14, 10, 0),
                planned_end=datetime(2026, 4, 14, 11, 0),
                postcode="6463 AB",
                house_number=12,
                purpose="Kennismaken",
                joint=True,
                status="gepland",
                created_at=datetime(2026, 4, 13, 13, 0),
            )
        )
        session.add(
            Escalation(
                reference="E-2026-00001",
                case_id=case_id,
                target="zvh",
                reason="Meerdere leefgebieden",
                status="aangemeld",
                created_at=datetime(2026, 4, 15, 9, 0),  # UTC: 11:00 local
                status_changed_at=datetime(2026, 4, 15, 9, 0),
            )
        )
    cs.set_lead_partner(coordinator_ctx, case_id, woco)
    detail = cs.get_case(coordinator_ctx, "c-2026-00001")
    assert detail.reference == "C-2026-00001"
    assert detail.address == "Fictiefstraat 12, 6463 AB Kerkrade"
    assert detail.focus_area == "Kerkrade Oost" and detail.municipality == "Kerkrade"
    assert detail.status is CaseStatus.OPEN and detail.risk_level is RiskLevel.LAAG
    assert detail.lead_partner == "Woningcorporatie"
    assert detail.signal_count == 2
    assert [(p.name, p.birth_year, p.role) for p in detail.persons] == [
        ("Dirk Verzonnen", 1969, "huurder")
    ]
    kinds = [e.kind for e in detail.timeline]
    assert kinds == ["signaal", "signaal", "besluit", "actie", "huisbezoek", "status", "opschaling"]
    assert [e.at for e in detail.timeline] == sorted(e.at for e in detail.timeline)
    assert detail.timeline[2].detail == "Gezamenlijk huisbezoek plannen."
    assert detail.timeline[2].at == datetime(2026, 4, 13, 14, 30)  # local
    assert detail.timeline[6].reference == "E-2026-00001"
    assert set(detail.allowed_next_statuses) == {
        CaseStatus.IN_BEHANDELING,
        CaseStatus.OPGESCHAALD,
        CaseStatus.AFGESLOTEN,
    }
    with coordinator_ctx.unit() as session:
        views = (
            session.execute(
                select(AuditEntry).where(
                    AuditEntry.action == "view", AuditEntry.object_type == "case"
                )
            )
            .scalars()
            .all()
        )
    assert [(v.object_id, v.person_ref) for v in views] == [
        ("C-2026-00001", detail.persons[0].reference)
    ]


def test_risk_level_sets_the_review_cadence(coordinator_ctx: ServiceContext) -> None:
    case_id = new_case(coordinator_ctx).case_id or ""
    # Today is Wednesday 15 April 2026.
    assert cs.set_risk_level(coordinator_ctx, case_id, "hoog").next_review == date(2026, 4, 29)
    assert cs.set_risk_level(coordinator_ctx, case_id, RiskLevel.MIDDEN).next_review == date(
        2026, 5, 13
    )
    assert cs.set_risk_level(coordinator_ctx, case_id, "laag").next_review is None
    with pytest.raises(ValidationError) as err:
        cs.set_risk_level(coordinator_ctx, case_id, "extreem")
    assert err.value.field == "risico"
    # An acute signal starts a high-risk case with a review in 14 days.
    acute = new_case(coordinator_ctx, urgency="acuut", house_number=99)
    detail = cs.get_case(coordinator_ctx, acute.case_id or "")
    assert detail.risk_level is RiskLevel.HOOG and detail.next_review == date(2026, 4, 29)


def test_add_person_and_lead_partner_checks(coordinator_ctx: ServiceContext) -> None:
    case_id = new_case(coordinator_ctx).case_id or ""
    person = cs.add_person(
        coordinator_ctx, case_id, PersonInput(name="Eva Voorbeeld", birth_year=2001, role="dochter")
    )
    assert person.reference.startswith("P-2026-")
    with pytest.raises(ValidationError) as err:
        cs.add_person(coordinator_ctx, case_id, PersonInput(name="eva  voorbeeld", birth_year=2001))
    assert err.value.field == "betrokkene"
    with pytest.raises(ValidationError) as err:
        cs.add_person(coordinator_ctx, case_id, PersonInput(name="Fien", birth_year=2030))
    assert err.value.field == "geboortejaar"
    with pytest.raises(ValidationError) as err:
        cs.set_lead_partner(coordinator_ctx, case_id, "geen-partner")
    assert err.value.field == "casusregisseur"
    assert cs.set_lead_partner(coordinator_ctx, case_id, None).lead_partner is None
    with coordinator_ctx.unit() as session:
        added = session.execute(
            select(AuditEntry).where(AuditEntry.action == "add_person")
        ).scalar_one()
    assert added.person_ref == person.reference and added.object_id == "C-2026-00001"


def test_changes_need_a_case_worker_in_scope(
    coordinator_ctx: ServiceContext, make_actor: ActorFactory, admin_ctx: ServiceContext
) -> None:
    case_id = new_case(coordinator_ctx).case_id or ""
    inside = make_actor(Role.WIJKAGENT, areas=["Kerkrade Oost"])
    outside = make_actor(Role.WIJKAGENT, areas=["Nuth"])
    partner = make_actor(Role.PARTNER, partner="Woningcorporatie")
    assert cs.set_risk_level(inside, case_id, "midden").risk_level is RiskLevel.MIDDEN
    for ctx in (outside, partner, admin_ctx, make_actor(Role.MANAGER)):
        with pytest.raises(AccessDenied):
            cs.set_risk_level(ctx, case_id, "hoog")
        with pytest.raises(AccessDenied):
            cs.change_case_status(ctx, case_id, "in_behandeling", "x")


def test_escalation_advice_on_criteria_and_on_the_signal_pattern(
    coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    first = new_case(coordinator_ctx, received_at=datetime(2026, 3, 1, 9, 0))
    case_id = first.case_id or ""
    assert not cs.escalation_advice(coordinator_ctx, case_id).propose

    criteria = ZvhCriteria(
        multiple_life_domains=True,
        criminal_or_nuisance_behaviour=True,
        chain_cooperation_needed=True,
        serious_local_safety_trouble=True,
    )
    assert cs.set_zvh_criteria(coordinator_ctx, case_id, criteria).zvh == criteria
    advice = cs.escalation_advice(coordinator_ctx, case_id)
    assert advice.propose and "ZVH-criteria" in advice.reasons[0]
    cs.set_zvh_criteria(coordinator_ctx, case_id, ZvhCriteria(multiple_life_domains=True))
    assert not cs.escalation_advice(coordinator_ctx, case_id).propose

    # Pattern: three signals from two sources in six months, without progress.
    sv.register_signal(
        coordinator_ctx, inp(received_at=datetime(2026, 3, 20, 9, 0), source="zorg"), case_id
    )
    assert not cs.escalation_advice(coordinator_ctx, case_id).propose
    sv.register_signal(
        coordinator_ctx, inp(received_at=datetime(2026, 4, 2, 9, 0), source="bewoner"), case_id
    )
    advice = cs.escalation_advice(coordinator_ctx, case_id)
    assert advice.propose and "3 signalen van 3 bronnen" in advice.reasons[0]
    # Progress (a status change) resets the pattern.
    cs.change_case_status(coordinator_ctx, case_id, "in_behandeling", "Aanpak afgesproken")
    assert not cs.escalation_advice(coordinator_ctx, case_id).propose
    with coordinator_ctx.unit() as session:
        assert session.execute(
            select(StatusChange.to_status).where(StatusChange.object_id == case_id)
        ).scalars().all() == ["open", "in_behandeling"]


def test_a_closed_case_refuses_the_changes_that_belong_to_its_work(
    coordinator_ctx: ServiceContext,
) -> None:
    """Risk, casusregisseur, persons and ZVH criteria wait for a reopening (the window
    disables them too); before, a closed case took them without a word."""
    case_id = new_case(coordinator_ctx).case_id or ""
    corporation = partner_id(coordinator_ctx, "Woningcorporatie")
    cs.change_case_status(coordinator_ctx, case_id, "afgesloten", "Opgelost")
    changes = (
        lambda: cs.set_risk_level(coordinator_ctx, case_id, "hoog"),
        lambda: cs.set_lead_partner(coordinator_ctx, case_id, corporation),
        lambda: cs.add_person(
            coordinator_ctx, case_id, PersonInput(name="Fictief Persoon", birth_year=1980)
        ),
        lambda: cs.set_zvh_criteria(coordinator_ctx, case_id, ZvhCriteria(True, True, True)),
    )
    for change in changes:
        with pytest.raises(ValidationError, match=r"afgesloten\. Heropen"):
            change()
    reopened = cs.change_case_status(coordinator_ctx, case_id, "heropend", "Nieuwe signalen")
    assert reopened.status is CaseStatus.HEROPEND
    assert cs.set_lead_partner(coordinator_ctx, case_id, corporation).lead_partner


def test_the_timeline_shows_the_meetings_a_case_is_on_the_agenda_of(
    coordinator_ctx: ServiceContext,
) -> None:
    from sociaalveilig.core.enums import MeetingType
    from sociaalveilig.services import meeting_agenda, meeting_planning

    case_id = new_case(coordinator_ctx).case_id or ""
    meeting = meeting_planning.plan_meeting(
        coordinator_ctx,
        "kerkrade",
        MeetingType.FL,
        datetime(2026, 4, 22, 14, 0),
        None,
        [partner_id(coordinator_ctx, "Politie Limburg")],
    )
    before = cs.get_case(coordinator_ctx, case_id).timeline
    assert not [e for e in before if e.kind == "agenda"]
    meeting_agenda.add_agenda_item(coordinator_ctx, meeting.meeting_id, case_id=case_id)
    after = cs.get_case(coordinator_ctx, case_id).timeline
    agenda = [e for e in after if e.kind == "agenda"]
    expected = "Op de agenda van overleg fysieke leefomgeving van 22-04-2026"
    assert [e.title for e in agenda] == [expected]
    assert agenda[0].kind_label == "Agenda"
