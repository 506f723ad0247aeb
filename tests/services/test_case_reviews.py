"""Recording a case review (issue 14): the review ends the "Evaluatie casus" work, so the
case leaves "Te laat" and the reminders at once; the note goes into the history."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from sociaalveilig.core.enums import CaseStatus, RiskLevel, Role
from sociaalveilig.core.errors import AccessDenied, ValidationError
from sociaalveilig.services import actions, cases, reminder_state, worklist
from sociaalveilig.services.actions import ActionInput
from sociaalveilig.services.case_reviews import OBJ_CASE_REVIEW, record_case_review
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.reminder_rules import ReminderKind
from sociaalveilig.storage.models import AuditEntry, Case, StatusChange
from tests.conftest import ActorFactory
from tests.services.test_reminders import add_case, key, partner_id


def _review_keys(ctx: ServiceContext) -> list[str]:
    return [r.key for r in reminder_state.current_reminders(ctx)
            if r.kind is ReminderKind.CASE_REVIEW]


def test_a_review_sets_the_next_date_by_the_cadence_and_ends_the_late_work(
    coordinator_ctx: ServiceContext,
) -> None:
    case_id, ref = add_case(coordinator_ctx, risk=RiskLevel.HOOG, next_review=date(2026, 4, 7))
    overdue = [i.object_id for i in worklist.overdue(coordinator_ctx)
               if i.kind is worklist.WorkKind.REVIEW]
    assert case_id in overdue
    assert key(ReminderKind.CASE_REVIEW, case_id) in _review_keys(coordinator_ctx)

    review = record_case_review(coordinator_ctx, case_id, "  Besproken; gaat beter.  ")

    # Wednesday 15 April + 14 days (high risk) = Wednesday 29 April.
    assert review.reviewed_on == date(2026, 4, 15)
    assert review.next_review == date(2026, 4, 29) and review.case_reference == ref
    assert case_id not in [i.object_id for i in worklist.overdue(coordinator_ctx)]
    assert key(ReminderKind.CASE_REVIEW, case_id) not in _review_keys(coordinator_ctx)
    with coordinator_ctx.unit() as session:
        case = session.get(Case, case_id)
        assert case is not None and case.next_review == date(2026, 4, 29)
        assert case.status == CaseStatus.OPEN.value  # a review changes no status
        history = session.execute(
            select(StatusChange.reason).where(
                StatusChange.object_type == OBJ_CASE_REVIEW, StatusChange.object_id == case_id
            )
        ).scalars().all()
        audited = session.execute(
            select(AuditEntry.object_id).where(AuditEntry.action == "review")
        ).scalars().all()
    assert history == ["Besproken; gaat beter."]
    assert audited == [ref]


def test_a_review_without_a_note_or_of_a_closed_case_changes_nothing(
    coordinator_ctx: ServiceContext,
) -> None:
    case_id, _ = add_case(coordinator_ctx, risk=RiskLevel.MIDDEN, next_review=date(2026, 4, 7))
    with pytest.raises(ValidationError, match="notitie is verplicht"):
        record_case_review(coordinator_ctx, case_id, "   ")
    closed_id, _ = add_case(
        coordinator_ctx, risk=RiskLevel.MIDDEN, status=CaseStatus.AFGESLOTEN,
        next_review=date(2026, 4, 7),
    )
    with pytest.raises(ValidationError, match="afgesloten"):
        record_case_review(coordinator_ctx, closed_id, "Gekeken.")
    with coordinator_ctx.unit() as session:
        dates = session.execute(
            select(Case.next_review).where(Case.id.in_([case_id, closed_id]))
        ).scalars().all()
    assert dates == [date(2026, 4, 7), date(2026, 4, 7)]


def test_only_the_lead_partner_reviews_among_partners(
    coordinator_ctx: ServiceContext, make_actor: ActorFactory
) -> None:
    case_id, _ = add_case(
        coordinator_ctx, risk=RiskLevel.HOOG, next_review=date(2026, 4, 7),
        lead_partner="Woningcorporatie",
    )
    # Both partners may see the case (each owns an action on it).
    for name in ("Woningcorporatie", "Politie Limburg"):
        actions.create_action(
            coordinator_ctx, case_id,
            ActionInput("integrale_controle", partner_id(coordinator_ctx, name),
                        date(2026, 4, 30)),
        )
    police = make_actor(Role.PARTNER, username="politie", partner="Politie Limburg")
    with pytest.raises(AccessDenied, match="casusregisseur"):
        record_case_review(police, case_id, "Gekeken.")
    lead = make_actor(Role.PARTNER, username="woning", partner="Woningcorporatie")
    assert record_case_review(lead, case_id, "Gekeken.").next_review == date(2026, 4, 29)


def test_the_review_shows_in_the_case_timeline(coordinator_ctx: ServiceContext) -> None:
    case_id, _ = add_case(coordinator_ctx, risk=RiskLevel.HOOG, next_review=date(2026, 4, 7))
    record_case_review(coordinator_ctx, case_id, "Rustiger; volgende keer met de school.")
    timeline = cases.get_case(coordinator_ctx, case_id).timeline
    reviews = [e for e in timeline if e.kind == "evaluatie"]
    assert [(e.title, e.detail, e.kind_label) for e in reviews] == [
        ("Casus geëvalueerd", "Rustiger; volgende keer met de school.", "Evaluatie")
    ]
