"""A signal to its end: handled, rejected, a new case made from it (issue 14, item 2)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sociaalveilig.core.enums import CaseStatus, Role, SignalStatus
from sociaalveilig.core.errors import AccessDenied, ValidationError
from sociaalveilig.services import cases as case_service
from sociaalveilig.services import signal_outcomes as outcomes
from sociaalveilig.services import signal_records
from sociaalveilig.services import signals as sv
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.signal_intake import NO_CASE
from sociaalveilig.storage.models import AuditEntry, StatusChange
from tests.conftest import ActorFactory
from tests.services.test_signals import inp


def _routed(ctx: ServiceContext, **changes: object) -> str:
    detail = sv.register_signal(ctx, inp(**changes), NO_CASE)
    assert detail.status is SignalStatus.GEROUTEERD
    return detail.signal_id


def _history(ctx: ServiceContext, signal_id: str) -> list[tuple[str | None, str, str | None]]:
    with ctx.unit() as session:
        rows = session.execute(
            select(StatusChange)
            .where(StatusChange.object_type == "signal", StatusChange.object_id == signal_id)
            .order_by(StatusChange.id)
        ).scalars()
        return [(r.from_status, r.to_status, r.reason) for r in rows]


def _audited(ctx: ServiceContext, action: str, object_id: str) -> int:
    with ctx.unit() as session:
        return len(
            session.execute(
                select(AuditEntry).where(
                    AuditEntry.action == action, AuditEntry.object_id == object_id
                )
            )
            .scalars()
            .all()
        )


def test_handle_records_result_in_history_and_audit(coordinator_ctx: ServiceContext) -> None:
    signal_id = _routed(coordinator_ctx)
    detail = outcomes.handle_signal(coordinator_ctx, signal_id, "Lamp vervangen door gemeente.")
    assert detail.status is SignalStatus.AFGEHANDELD
    assert _history(coordinator_ctx, signal_id)[-1] == (
        "gerouteerd",
        "afgehandeld",
        "Afgehandeld: Lamp vervangen door gemeente.",
    )
    assert _audited(coordinator_ctx, "status", detail.reference) == 1
    assert not detail.overdue


def test_handle_needs_a_result(coordinator_ctx: ServiceContext) -> None:
    signal_id = _routed(coordinator_ctx)
    with pytest.raises(ValidationError, match="resultaat"):
        outcomes.handle_signal(coordinator_ctx, signal_id, "  ")
    assert signal_records.get_signal(coordinator_ctx, signal_id).status is SignalStatus.GEROUTEERD


def test_handled_is_final(coordinator_ctx: ServiceContext) -> None:
    signal_id = _routed(coordinator_ctx)
    outcomes.handle_signal(coordinator_ctx, signal_id, "Opgelost.")
    with pytest.raises(ValidationError, match="eindstatus"):
        outcomes.reject_signal(coordinator_ctx, signal_id, "Toch niet.")


def test_reject_records_reason(coordinator_ctx: ServiceContext) -> None:
    signal_id = _routed(coordinator_ctx)
    detail = outcomes.reject_signal(coordinator_ctx, signal_id, "Dubbele melding.")
    assert detail.status is SignalStatus.AFGEWEZEN
    assert _history(coordinator_ctx, signal_id)[-1][2] == "Afgewezen: Dubbele melding."


def test_partner_may_not_handle(coordinator_ctx: ServiceContext, make_actor: ActorFactory) -> None:
    signal_id = _routed(coordinator_ctx)
    partner = make_actor(Role.PARTNER, partner="Woningcorporatie")
    with pytest.raises(AccessDenied):
        outcomes.handle_signal(partner, signal_id, "Klaar.")


def test_case_from_signal_links_it_as_first_signal(coordinator_ctx: ServiceContext) -> None:
    signal_id = _routed(coordinator_ctx)
    detail = outcomes.case_from_signal(coordinator_ctx, signal_id)
    assert detail.status is SignalStatus.GEKOPPELD
    assert detail.case_id is not None and detail.case_reference
    case = case_service.get_case(coordinator_ctx, detail.case_id)
    assert case.status is CaseStatus.OPEN
    assert case.signal_count == 1
    assert _audited(coordinator_ctx, "create", detail.case_reference) == 1
    assert "Gekoppeld aan casus" in (_history(coordinator_ctx, signal_id)[-1][2] or "")


def test_case_from_signal_refused_when_already_linked(coordinator_ctx: ServiceContext) -> None:
    signal_id = _routed(coordinator_ctx)
    outcomes.case_from_signal(coordinator_ctx, signal_id)
    with pytest.raises(ValidationError, match="hoort al bij een casus"):
        outcomes.case_from_signal(coordinator_ctx, signal_id)


def test_wijkagent_outside_own_area_makes_no_case(
    coordinator_ctx: ServiceContext, make_actor: ActorFactory
) -> None:
    signal_id = _routed(coordinator_ctx)  # Kerkrade
    agent = make_actor(Role.WIJKAGENT, areas=["Nuth"])
    with pytest.raises(AccessDenied):
        outcomes.case_from_signal(agent, signal_id)


# --------------------------------------------------------------------------- Meldcode (item 7)


def test_meldcode_category_below_hoog_is_refused(coordinator_ctx: ServiceContext) -> None:
    with pytest.raises(ValidationError, match="minstens 'hoog'") as refused:
        sv.register_signal(
            coordinator_ctx,
            inp(category="ZV-HG", urgency="normaal", meldcode_decision="veilig-thuis"),
            NO_CASE,
        )
    assert refused.value.field == "urgentie"


def test_meldcode_category_needs_a_decision(coordinator_ctx: ServiceContext) -> None:
    with pytest.raises(ValidationError, match="wacht niet vanzelf") as refused:
        sv.register_signal(coordinator_ctx, inp(category="ZV-HG", urgency="hoog"), NO_CASE)
    assert refused.value.field == "meldcode"
    with pytest.raises(ValidationError, match="reden"):
        sv.register_signal(
            coordinator_ctx,
            inp(category="ZV-HG", urgency="hoog", meldcode_decision="overleg"),
            NO_CASE,
        )


def test_meldcode_decision_goes_into_history(coordinator_ctx: ServiceContext) -> None:
    detail = sv.register_signal(
        coordinator_ctx,
        inp(
            category="ZV-HG",
            urgency="hoog",
            meldcode_decision="overleg",
            meldcode_reason="Veilig Thuis is al betrokken.",
        ),
        NO_CASE,
    )
    reasons = [r for _, _, r in _history(coordinator_ctx, detail.signal_id)]
    assert "Meldcode: naar het overleg, omdat Veilig Thuis is al betrokken." in reasons
    assert _audited(coordinator_ctx, "meldcode_decision", detail.reference) == 1


def test_other_categories_need_no_meldcode_decision(coordinator_ctx: ServiceContext) -> None:
    detail = sv.register_signal(coordinator_ctx, inp(urgency="laag"), NO_CASE)
    assert detail.status is SignalStatus.GEROUTEERD
