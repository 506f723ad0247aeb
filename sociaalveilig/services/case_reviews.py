"""Recording a case review (evaluatie): the end of the "Evaluatie casus" work.

A case at risk is reviewed on a cadence (high every 14 days, medium every 28:
``core.workdays.next_review``). Reviewing it means a person looked at the case and wrote
down, briefly, where it stands; the next review date then follows the cadence from today,
so the case leaves "Te laat" and the reminders at once. The note goes into the append-only
status history (object type ``case_review``), the act into the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sociaalveilig.core.enums import CaseStatus, RiskLevel, Role
from sociaalveilig.core.errors import AccessDenied, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.workdays import next_review
from sociaalveilig.services import access
from sociaalveilig.services.actions import (
    OBJ_CASE,
    load_case,
    record_status_change,
    require_role,
    utc_naive,
    work_unit,
)
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.versions import set_unversioned

OBJ_CASE_REVIEW = "case_review"
REVIEWED = "geevalueerd"
MAX_NOTE = 4000


@dataclass(frozen=True)
class CaseReview:
    case_id: str
    case_reference: str
    reviewed_on: date
    next_review: date | None
    """None for a case at low risk: no next review on the cadence."""


@retrying
def record_case_review(ctx: ServiceContext, case_id: str, note: str) -> CaseReview:
    """Record that the case was reviewed, with a short note; the next review date follows
    the risk cadence from today. The coordinator, the wijkagent of the area, or the partner
    that leads the case (casusregisseur) reviews."""
    require_role(ctx, Role.COORDINATOR, Role.WIJKAGENT, Role.PARTNER)
    text = (note or "").strip()
    if not text:
        raise ValidationError(
            tr("Schrijf kort op hoe de casus ervoor staat: de notitie is verplicht."),
            field="note",
        )
    if len(text) > MAX_NOTE:
        raise ValidationError(
            tr("De notitie is te lang ({n} tekens); maximaal {max}.").format(
                n=len(text), max=MAX_NOTE
            ),
            field="note",
        )
    with work_unit(ctx) as session:
        case = load_case(session, ctx, case_id)
        if not access.reviews_case(ctx, case):
            raise AccessDenied(
                tr("Casus {ref} wordt geëvalueerd door de casusregisseur of de coördinator.")
                .format(ref=case.reference)
            )
        if case.status == CaseStatus.AFGESLOTEN.value:
            raise ValidationError(
                tr("Casus {ref} is afgesloten; een afgesloten casus wordt niet geëvalueerd.")
                .format(ref=case.reference),
                field="case_id",
            )
        today = ctx.clock.now().date()
        set_unversioned(
            session,
            case,
            next_review=next_review(today, RiskLevel(case.risk_level)),
            last_progress_at=utc_naive(ctx),
        )
        record_status_change(session, ctx, OBJ_CASE_REVIEW, case.id, None, REVIEWED, text)
        ctx.audit(session, "review", OBJ_CASE, case.reference)
        return CaseReview(case.id, case.reference, today, case.next_review)


__all__ = ["OBJ_CASE_REVIEW", "CaseReview", "record_case_review"]
