"""The work reminders are derived from: visits, actions, case reviews, escalations and meetings
read from the store as candidates for the rules in ``reminder_rules``, within what the user
may see.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import (
    ActionStatus,
    CaseStatus,
    EscalationStatus,
    RiskLevel,
    VisitStatus,
)
from sociaalveilig.core.errors import NotFound
from sociaalveilig.core.i18n import tr
from sociaalveilig.services import access
from sociaalveilig.services.context import ServiceContext, local_to_utc, utc_to_local
from sociaalveilig.services.reminder_rules import (
    ESCALATION_STALE_AFTER,
    MEETING_AGENDA_DAYS,
    Reminder,
    action_reminders,
    at_day_start,
    escalation_reminder,
    meeting_reminder,
    parse_key,
    review_date,
    review_reminder,
    visit_reminders,
)
from sociaalveilig.storage.models import Action, Case, Escalation, FocusArea, Meeting, Visit

_OPEN_ACTION = (ActionStatus.OPEN.value, ActionStatus.IN_UITVOERING.value)
_OPEN_ESCALATION = tuple(s.value for s in EscalationStatus if s.is_open)
_REVIEWED_RISKS = (RiskLevel.HOOG.value, RiskLevel.MIDDEN.value)

# Meetings that will not take place (or already did) need no agenda reminder.
_FINISHED_MEETING = ("geannuleerd", "afgelast", "vervallen", "gehouden", "afgerond")
_CLOSED = CaseStatus.AFGESLOTEN.value


def _visits(
    session: Session,
    ctx: ServiceContext,
    lo: datetime,
    hi: datetime,
    object_id: str | None,
) -> list[Reminder]:
    stmt = (
        select(
            Visit.id,
            Visit.planned_start,
            Visit.planned_end,
            Visit.case_id,
            Case.reference,
            FocusArea.name,
            Visit.city,
        )
        .outerjoin(Case, Case.id == Visit.case_id)
        .outerjoin(FocusArea, FocusArea.id == Case.focus_area_id)
        .where(Visit.status == VisitStatus.GEPLAND.value, access.visit_scope(ctx))
    )
    if object_id is not None:
        stmt = stmt.where(Visit.id == object_id)
    else:
        stmt = stmt.where(
            or_(
                and_(Visit.planned_start > lo, Visit.planned_start <= hi + timedelta(days=2)),
                Visit.planned_end <= hi,
            )
        )
    result: list[Reminder] = []
    for visit_id, start, end, case_id, case_ref, area, city in session.execute(stmt):
        result.extend(visit_reminders(visit_id, start, end, case_id, case_ref, area or city))
    return result


def _actions(
    session: Session,
    ctx: ServiceContext,
    hi: datetime,
    object_id: str | None,
) -> list[Reminder]:
    stmt = (
        select(
            Action.id,
            Action.reference,
            Action.deadline,
            Case.id,
            Case.reference,
            FocusArea.name,
            Case.status,
            Case.closed_at,
        )
        .join(Case, Case.id == Action.case_id)
        .outerjoin(FocusArea, FocusArea.id == Case.focus_area_id)
        .where(Action.status.in_(_OPEN_ACTION), access.action_scope(ctx))
    )
    if object_id is not None:
        stmt = stmt.where(Action.id == object_id)
    else:
        stmt = stmt.where(or_(Action.deadline <= hi.date(), Case.status == _CLOSED))
    result: list[Reminder] = []
    for action_id, ref, deadline, case_id, case_ref, area, status, closed_at in session.execute(
        stmt
    ):
        closed = None
        if status == _CLOSED:
            closed = utc_to_local(closed_at) if closed_at is not None else at_day_start(deadline)
        result.extend(action_reminders(action_id, ref, deadline, case_id, case_ref, area, closed))
    return result


def _reviews(
    session: Session,
    ctx: ServiceContext,
    hi: datetime,
    object_id: str | None,
) -> list[Reminder]:
    stmt = (
        select(
            Case.id,
            Case.reference,
            Case.risk_level,
            Case.next_review,
            Case.created_at,
            Case.last_progress_at,
            FocusArea.name,
        )
        .outerjoin(FocusArea, FocusArea.id == Case.focus_area_id)
        .where(Case.status != _CLOSED, access.case_work_scope(ctx))
    )
    if object_id is not None:
        stmt = stmt.where(Case.id == object_id)
    else:
        stmt = stmt.where(
            or_(
                Case.next_review <= hi.date(),
                and_(Case.next_review.is_(None), Case.risk_level.in_(_REVIEWED_RISKS)),
            )
        )
    result: list[Reminder] = []
    for case_id, ref, risk, review, created, progress, area in session.execute(stmt):
        started = utc_to_local(progress or created).date()
        day = review_date(review, risk, started)
        if day is not None:
            result.append(review_reminder(case_id, ref, area, risk, day))
    return result


def _escalations(
    session: Session,
    ctx: ServiceContext,
    hi: datetime,
    object_id: str | None,
) -> list[Reminder]:
    stmt = (
        select(
            Escalation.id,
            Escalation.reference,
            Escalation.status,
            Escalation.status_changed_at,
            Case.id,
            Case.reference,
            FocusArea.name,
        )
        .join(Case, Case.id == Escalation.case_id)
        .outerjoin(FocusArea, FocusArea.id == Case.focus_area_id)
        .where(Escalation.status.in_(_OPEN_ESCALATION), access.case_work_scope(ctx))
    )
    if object_id is not None:
        stmt = stmt.where(Escalation.id == object_id)
    else:
        stmt = stmt.where(Escalation.status_changed_at <= local_to_utc(hi - ESCALATION_STALE_AFTER))
    return [
        escalation_reminder(esc_id, ref, status, utc_to_local(changed), case_id, case_ref, area)
        for esc_id, ref, status, changed, case_id, case_ref, area in session.execute(stmt)
    ]


def _meetings(
    session: Session,
    ctx: ServiceContext,
    lo: datetime,
    hi: datetime,
    object_id: str | None,
) -> list[Reminder]:
    stmt = (
        select(Meeting.id, Meeting.meeting_type, Meeting.starts_at, FocusArea.name)
        .outerjoin(FocusArea, FocusArea.id == Meeting.focus_area_id)
        .where(
            Meeting.agenda_sent_at.is_(None),
            Meeting.status.not_in(_FINISHED_MEETING),
            access.agenda_reminder_scope(ctx),
        )
    )
    if object_id is not None:
        stmt = stmt.where(Meeting.id == object_id)
    else:
        stmt = stmt.where(
            Meeting.starts_at > lo,
            Meeting.starts_at <= hi + timedelta(days=MEETING_AGENDA_DAYS + 1),
        )
    return [
        meeting_reminder(meeting_id, meeting_type, start, area)
        for meeting_id, meeting_type, start, area in session.execute(stmt)
    ]


def candidates(session: Session, ctx: ServiceContext, lo: datetime, hi: datetime) -> list[Reminder]:
    """Every reminder of the acting user that can matter between ``lo`` and ``hi``
    (local): due before ``hi`` and not expired before ``lo``."""
    return [
        *_visits(session, ctx, lo, hi, None),
        *_actions(session, ctx, hi, None),
        *_reviews(session, ctx, hi, None),
        *_escalations(session, ctx, hi, None),
        *_meetings(session, ctx, lo, hi, None),
    ]


def candidate_for_key(session: Session, ctx: ServiceContext, key: str) -> Reminder:
    kind, object_id = parse_key(key)
    now = ctx.clock.now()
    builders = {
        "visit": lambda: _visits(session, ctx, now, now, object_id),
        "action": lambda: _actions(session, ctx, now, object_id),
        "case": lambda: _reviews(session, ctx, now, object_id),
        "escalation": lambda: _escalations(session, ctx, now, object_id),
        "meeting": lambda: _meetings(session, ctx, now, now, object_id),
    }
    for reminder in builders[kind.object_type]():
        if reminder.key == key:
            return reminder
    raise NotFound(
        tr(
            "Deze herinnering geldt niet meer: het werk is intussen afgerond of gewijzigd. "
            "Ververs de lijst."
        )
    )


__all__ = [
    "candidates",
]
