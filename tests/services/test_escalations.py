from __future__ import annotations

import itertools
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from sociaalveilig.core.enums import CaseStatus, EscalationStatus, EscalationTarget, Role
from sociaalveilig.core.errors import AccessDenied, ValidationError
from sociaalveilig.core.workflow import ALLOWED_TRANSITIONS, WorkflowKind
from sociaalveilig.services.context import FixedClock, ServiceContext
from sociaalveilig.services.escalations import (
    afschalen,
    change_escalation_status,
    escalate,
    get_escalation,
    list_escalations,
    stale_escalations,
)
from sociaalveilig.storage.models import Escalation, StatusChange
from tests.conftest import ActorFactory
from tests.services.seed_casework import HEERLEN, KERKRADE, case_status, make_case

E = EscalationStatus


def _count(ctx: ServiceContext) -> int:
    with ctx.unit() as session:
        return session.execute(select(func.count()).select_from(Escalation)).scalar_one()


@pytest.fixture
def case_id(coordinator_ctx: ServiceContext) -> str:
    return make_case(coordinator_ctx, status=CaseStatus.IN_BEHANDELING, zvh_met=True)


def test_escalate_marks_the_case_opgeschaald(coordinator_ctx: ServiceContext, case_id: str) -> None:
    row = escalate(
        coordinator_ctx, case_id, EscalationTarget.ZVH, "Meerdere leefgebieden", " ZVH-123 "
    )
    assert row.reference == "E-2026-00001"
    assert row.status is E.AANGEMELD
    assert row.external_reference == "ZVH-123"
    assert row.status_changed_at == datetime(2026, 4, 15, 10, 0)
    assert row.target_label == "Zorg- en Veiligheidshuis Parkstad"
    assert case_status(coordinator_ctx, case_id) == CaseStatus.OPGESCHAALD
    with coordinator_ctx.unit() as session:
        history = session.execute(
            select(StatusChange.object_type, StatusChange.from_status, StatusChange.to_status)
        ).all()
    assert ("escalation", None, "aangemeld") in history
    assert ("case", "in_behandeling", "opgeschaald") in history


@pytest.mark.parametrize("reason", ["", "   "])
def test_escalation_without_reason_is_refused(
    coordinator_ctx: ServiceContext, case_id: str, reason: str
) -> None:
    with pytest.raises(ValidationError) as err:
        escalate(coordinator_ctx, case_id, EscalationTarget.RIEC, reason)
    assert err.value.field == "reden"
    assert _count(coordinator_ctx) == 0
    assert case_status(coordinator_ctx, case_id) == CaseStatus.IN_BEHANDELING


def test_pga_only_for_persons_up_to_27(coordinator_ctx: ServiceContext) -> None:
    older = make_case(coordinator_ctx, persons=(("Fictieve Bewoner", 1990),))
    with pytest.raises(ValidationError) as err:
        escalate(coordinator_ctx, older, EscalationTarget.PGA, "Jongere in beeld")
    assert err.value.field == "doel"
    assert "27" in str(err.value)
    nobody = make_case(coordinator_ctx, number=14)
    with pytest.raises(ValidationError) as err:
        escalate(coordinator_ctx, nobody, EscalationTarget.PGA, "Jongere in beeld")
    assert err.value.field == "geboortejaar"
    assert _count(coordinator_ctx) == 0
    # A household with a parent (1975) and a young adult (2004): the young adult qualifies.
    family = make_case(
        coordinator_ctx, number=16, persons=(("Ouder Verzonnen", 1975), ("Kind Verzonnen", 2004))
    )
    row = escalate(coordinator_ctx, family, EscalationTarget.PGA, "Jongere in beeld")
    assert row.target is EscalationTarget.PGA
    # Born 1998: 27 or 28 this year; the benefit of the doubt.
    edge = make_case(coordinator_ctx, number=18, persons=(("Rand Geval", 1998),))
    escalate(coordinator_ctx, edge, EscalationTarget.PGA, "Jongere in beeld")
    too_old = make_case(coordinator_ctx, number=20, persons=(("Net Te Oud", 1997),))
    with pytest.raises(ValidationError):
        escalate(coordinator_ctx, too_old, EscalationTarget.PGA, "Jongere in beeld")


def test_refusals_for_target_duplicates_and_closed_cases(
    coordinator_ctx: ServiceContext, case_id: str
) -> None:
    with pytest.raises(ValidationError) as err:
        escalate(coordinator_ctx, case_id, "interpol", "reden")
    assert err.value.field == "doel"
    escalate(coordinator_ctx, case_id, EscalationTarget.VEILIG_THUIS, "Vermoeden huiselijk geweld")
    with pytest.raises(ValidationError) as err:
        escalate(coordinator_ctx, case_id, "veilig_thuis", "Nogmaals")
    assert err.value.field == "doel"
    closed = make_case(coordinator_ctx, number=30, status=CaseStatus.AFGESLOTEN)
    with pytest.raises(ValidationError) as err:
        escalate(coordinator_ctx, closed, EscalationTarget.ZVH, "reden")
    assert err.value.field == "case_id"
    assert _count(coordinator_ctx) == 1


def _drive(ctx: ServiceContext, escalation_id: str, status: EscalationStatus) -> None:
    if status is not E.AANGEMELD:
        change_escalation_status(ctx, escalation_id, status, note="stap in de test")


@pytest.mark.parametrize(("start", "target"), list(itertools.product(E, E)))
def test_every_escalation_transition(
    coordinator_ctx: ServiceContext,
    case_id: str,
    clock: FixedClock,
    start: EscalationStatus,
    target: EscalationStatus,
) -> None:
    row = escalate(coordinator_ctx, case_id, EscalationTarget.ZVH, "reden")
    _drive(coordinator_ctx, row.escalation_id, start)
    clock.advance(timedelta(days=3))
    if target in ALLOWED_TRANSITIONS[WorkflowKind.ESCALATION][start]:
        after = change_escalation_status(coordinator_ctx, row.escalation_id, target, "toelichting")
        assert after.status is target
        assert after.status_changed_at == datetime(2026, 4, 18, 10, 0)
        assert (after.closed_at is None) == target.is_open
        expected_case = CaseStatus.OPGESCHAALD if target.is_open else CaseStatus.IN_BEHANDELING
        assert case_status(coordinator_ctx, case_id) == expected_case
    else:
        with pytest.raises(ValidationError) as err:
            change_escalation_status(coordinator_ctx, row.escalation_id, target, "toelichting")
        assert err.value.field == "status"
        assert get_escalation(coordinator_ctx, row.escalation_id).status is start


def test_afschalen_puts_the_case_back(coordinator_ctx: ServiceContext, case_id: str) -> None:
    row = escalate(coordinator_ctx, case_id, EscalationTarget.ZVH, "reden")
    change_escalation_status(coordinator_ctx, row.escalation_id, E.IN_BEHANDELING)
    with pytest.raises(ValidationError) as err:
        afschalen(coordinator_ctx, row.escalation_id, "")
    assert err.value.field == "note"
    assert case_status(coordinator_ctx, case_id) == CaseStatus.OPGESCHAALD
    back = afschalen(coordinator_ctx, row.reference, "Zorg loopt; lokaal volgen.")
    assert back.status is E.TERUGGELEGD
    assert case_status(coordinator_ctx, case_id) == CaseStatus.IN_BEHANDELING
    with coordinator_ctx.unit() as session:
        last = (
            session.execute(
                select(StatusChange)
                .where(StatusChange.object_type == "case")
                .order_by(StatusChange.id.desc())
            )
            .scalars()
            .first()
        )
        assert last is not None
        assert (last.from_status, last.to_status) == ("opgeschaald", "in_behandeling")
        assert last.reason is not None and "Afgeschaald" in last.reason


def test_case_stays_opgeschaald_while_another_escalation_is_open(
    coordinator_ctx: ServiceContext, case_id: str
) -> None:
    zvh = escalate(coordinator_ctx, case_id, EscalationTarget.ZVH, "reden")
    riec = escalate(coordinator_ctx, case_id, EscalationTarget.RIEC, "ondermijning")
    change_escalation_status(coordinator_ctx, zvh.escalation_id, E.AFGESLOTEN, "klaar")
    assert case_status(coordinator_ctx, case_id) == CaseStatus.OPGESCHAALD
    afschalen(coordinator_ctx, riec.escalation_id, "terug naar lokaal")
    assert case_status(coordinator_ctx, case_id) == CaseStatus.IN_BEHANDELING
    assert [r.status for r in list_escalations(coordinator_ctx, case_id=case_id)] == [
        E.TERUGGELEGD,
        E.AFGESLOTEN,
    ]
    assert list_escalations(coordinator_ctx, open_only=True) == []
    assert len(list_escalations(coordinator_ctx, status="afgesloten")) == 1


def test_stale_escalations_after_14_days_without_change(
    coordinator_ctx: ServiceContext, case_id: str, clock: FixedClock
) -> None:
    row = escalate(coordinator_ctx, case_id, EscalationTarget.ZVH, "reden")
    clock.advance(timedelta(days=13, hours=23))
    assert stale_escalations(coordinator_ctx) == []
    clock.advance(timedelta(hours=1))
    assert [r.escalation_id for r in stale_escalations(coordinator_ctx)] == [row.escalation_id]
    change_escalation_status(coordinator_ctx, row.escalation_id, E.IN_BEHANDELING)
    assert stale_escalations(coordinator_ctx) == []


def test_scope(coordinator_ctx: ServiceContext, case_id: str, make_actor: ActorFactory) -> None:
    row = escalate(coordinator_ctx, case_id, EscalationTarget.ZVH, "reden")
    local = make_actor(Role.WIJKAGENT, areas=[KERKRADE])
    assert [r.escalation_id for r in list_escalations(local)] == [row.escalation_id]
    outsider = make_actor(Role.WIJKAGENT, areas=[HEERLEN])
    assert list_escalations(outsider) == []
    with pytest.raises(AccessDenied):
        get_escalation(outsider, row.escalation_id)
    with pytest.raises(AccessDenied):
        escalate(local, case_id, EscalationTarget.RIEC, "reden")
    with pytest.raises(AccessDenied):
        list_escalations(make_actor(Role.PARTNER, partner="Woningcorporatie"))
