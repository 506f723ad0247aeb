"""An escalation to the ZVH whose criteria are not met: refused without its own reason,
recorded with it (issue 14, item 7)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sociaalveilig.core.enums import CaseStatus, EscalationTarget
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.escalation import ZvhCriteria
from sociaalveilig.services import cases
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.escalations import case_criteria, escalate
from sociaalveilig.storage.models import AuditEntry, Escalation, StatusChange
from tests.services.seed_casework import case_status, make_case


def test_unmet_criteria_without_reason_is_refused_and_names_them(
    coordinator_ctx: ServiceContext,
) -> None:
    case_id = make_case(coordinator_ctx, status=CaseStatus.IN_BEHANDELING)
    with pytest.raises(ValidationError, match="criterium 1, 2, 3 ontbreekt") as refused:
        escalate(coordinator_ctx, case_id, EscalationTarget.ZVH, "Zorgen op meerdere vlakken.")
    assert refused.value.field == "criteria_reden"
    assert case_status(coordinator_ctx, case_id) == CaseStatus.IN_BEHANDELING
    with coordinator_ctx.unit() as session:
        assert session.execute(select(Escalation)).first() is None


def test_criterion_four_or_five_missing_is_named(coordinator_ctx: ServiceContext) -> None:
    case_id = make_case(coordinator_ctx, status=CaseStatus.IN_BEHANDELING)
    cases.set_zvh_criteria(
        coordinator_ctx,
        case_id,
        ZvhCriteria(
            multiple_life_domains=True,
            criminal_or_nuisance_behaviour=True,
            chain_cooperation_needed=True,
        ),
    )
    with pytest.raises(ValidationError, match="criterium 4 of 5 ontbreekt"):
        escalate(coordinator_ctx, case_id, EscalationTarget.ZVH, "Keten nodig.")


def test_unmet_criteria_reason_is_recorded(coordinator_ctx: ServiceContext) -> None:
    case_id = make_case(coordinator_ctx, status=CaseStatus.IN_BEHANDELING)
    row = escalate(
        coordinator_ctx,
        case_id,
        EscalationTarget.ZVH,
        "Zorgen op meerdere vlakken.",
        unmet_criteria_reason="Crisis in het gezin; criteria volgen.",
    )
    assert "Crisis in het gezin; criteria volgen." in row.reason
    assert "criterium 1, 2, 3 ontbreekt" in row.reason
    with coordinator_ctx.unit() as session:
        history = session.execute(
            select(StatusChange.reason).where(StatusChange.object_id == row.escalation_id)
        ).scalar_one()
        audited = session.execute(
            select(AuditEntry.object_id).where(AuditEntry.action == "escalate_criteria_unmet")
        ).scalar_one()
    assert "Crisis in het gezin" in (history or "")
    assert audited == row.reference
    assert case_status(coordinator_ctx, case_id) == CaseStatus.OPGESCHAALD


def test_met_criteria_and_other_targets_need_no_extra_reason(
    coordinator_ctx: ServiceContext,
) -> None:
    met = make_case(coordinator_ctx, status=CaseStatus.IN_BEHANDELING, zvh_met=True)
    assert case_criteria(coordinator_ctx, met).met()
    escalate(coordinator_ctx, met, EscalationTarget.ZVH, "Voldoet.")
    other = make_case(coordinator_ctx, number=14, status=CaseStatus.IN_BEHANDELING)
    escalate(coordinator_ctx, other, EscalationTarget.RIEC, "Vermoeden ondermijning.")
    assert case_status(coordinator_ctx, other) == CaseStatus.OPGESCHAALD
