"""Deadlines, reviews and the "Vandaag" worklists: what is overdue and what is due this week.

Four kinds of work fall due:

- a **signal** has a handling term in working days from its category (weekends and Dutch
  public holidays skipped, ``core/workdays.py``); ``Signal.due_date`` holds the result.
  The term runs while the signal is new or routed: linked to a case, the case's review
  and actions carry it (``signal_records.TERM_SIGNAL_STATUSES``);
- an **action** has a deadline;
- a **case** has a review date by risk level (high every 14 days, medium every 28);
- a **home visit** is planned at a time, and its outcome must be recorded afterwards.

The lists are scoped by need-to-know (``access.py``) and can be narrowed to one focus area.
With ``user_scope`` a user who belongs to a partner organisation sees the actions and
visits of that organisation only ("my work"); without it, all work in their scope. Titles
never hold residents' names: kind, reference, category or type, street.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import (
    ActionStatus,
    ActionType,
    CaseStatus,
    RiskLevel,
    Role,
    RouteTarget,
    SignalStatus,
    Urgency,
    VisitStatus,
)
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.workdays import add_working_days, next_review
from sociaalveilig.services import access
from sociaalveilig.services.actions import require_role, resolve_area, work_unit
from sociaalveilig.services.context import ServiceContext, utc_to_local
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.signal_records import TERM_SIGNAL_STATUSES
from sociaalveilig.storage.models import (
    Action,
    Case,
    Category,
    FocusArea,
    Partner,
    Signal,
    Visit,
)

_WORKERS = (Role.COORDINATOR, Role.WIJKAGENT, Role.PARTNER)


def handling_due_date(received: date, term_days: int) -> date:
    """The date a signal must be handled by: ``term_days`` working days after receipt."""
    return add_working_days(received, term_days)


def review_date(from_date: date, risk: RiskLevel) -> date | None:
    """The next review of a case after ``from_date`` by its risk level (None for low)."""
    return next_review(from_date, risk)


class WorkKind(StrEnum):
    SIGNAL = "signal"
    ACTION = "action"
    REVIEW = "review"
    VISIT = "visit"

    @property
    def label(self) -> str:
        return {
            WorkKind.SIGNAL: tr("Signaal"),
            WorkKind.ACTION: tr("Actie"),
            WorkKind.REVIEW: tr("Evaluatie casus"),
            WorkKind.VISIT: tr("Huisbezoek"),
        }[self]


_KIND_ORDER = {kind: index for index, kind in enumerate(WorkKind)}


@dataclass(frozen=True)
class WorkItem:
    kind: WorkKind
    object_id: str
    """Id of the signal, action, case (review) or visit."""
    reference: str
    """Reference of the signal, action or case; for a visit the case's reference."""
    title: str
    """Dutch, without residents' names."""
    due: date
    area: str | None
    overdue_days: int
    """Calendar days past due; 0 when due today or later."""
    case_id: str | None = None
    due_at: datetime | None = None
    """For visits: the planned local start."""

    @property
    def kind_label(self) -> str:
        return self.kind.label


class TriageReason(StrEnum):
    ACUUT = "acuut"
    COORDINATOR = "coordinator"
    NIEUW = "nieuw"
    MUNICIPALITY_UNKNOWN = "gemeente_onbekend"

    @property
    def label(self) -> str:
        return {
            TriageReason.ACUUT: tr("Acuut: direct naar de coördinator"),
            TriageReason.COORDINATOR: tr("Naar de coördinator gerouteerd"),
            TriageReason.NIEUW: tr("Nieuw, nog niet gerouteerd"),
            TriageReason.MUNICIPALITY_UNKNOWN: tr("Postcode buiten de tabel: gemeente onbekend"),
        }[self]


@dataclass(frozen=True)
class TriageItem:
    signal_id: str
    reference: str
    received_at: datetime
    """Local time."""
    category: str
    urgency: Urgency
    street: str | None
    postcode: str
    area: str | None
    reason: TriageReason
    route_reason: str | None
    due: date | None

    @property
    def reason_label(self) -> str:
        return self.reason.label


@dataclass(frozen=True)
class TodayOverview:
    overdue: tuple[WorkItem, ...]
    due_this_week: tuple[WorkItem, ...]
    to_triage: tuple[TriageItem, ...]


# --------------------------------------------------------------------------- queries


@dataclass(frozen=True)
class _Window:
    """Dates (inclusive) in which due work is collected, and the visit time window."""

    first: date | None
    last: date
    visits_from: datetime | None
    visits_before: datetime


def _area_filter(session: Session, area: str | None) -> str | None:
    return resolve_area(session, area).id if area is not None else None


def _own_partner(ctx: ServiceContext, user_scope: bool) -> str | None:
    return ctx.actor.partner_id if user_scope and ctx.actor.partner_id else None


def _signals(
    ctx: ServiceContext, session: Session, window: _Window, area_id: str | None
) -> list[WorkItem]:
    if ctx.actor.role is Role.PARTNER:
        return []  # partners follow their actions and visits, not signal terms
    # The columns the item shows, not whole signals: an ORM object loads every column (the
    # description too), which is slow for the thousands of overdue signals of a big region.
    stmt = (
        select(
            Signal.id,
            Signal.reference,
            Signal.street,
            Signal.postcode,
            Signal.due_date,
            Signal.focus_area_id,
            Signal.case_id,
            Category.name,
        )
        .join(Category, Category.id == Signal.category_id)
        .where(
            access.signal_scope(ctx),
            Signal.status.in_([s.value for s in TERM_SIGNAL_STATUSES]),
            Signal.due_date.is_not(None),
            Signal.due_date <= window.last,
        )
    )
    if window.first is not None:
        stmt = stmt.where(Signal.due_date >= window.first)
    if area_id is not None:
        stmt = stmt.where(Signal.focus_area_id == area_id)
    areas = _area_names(session)
    today = ctx.clock.now().date()
    items = []
    rows = session.connection().execute(stmt).tuples()
    for signal_id, reference, street, postcode, due, area_id, case_id, category in rows:
        assert due is not None
        items.append(
            WorkItem(
                kind=WorkKind.SIGNAL,
                object_id=signal_id,
                reference=reference,
                title=tr("Signaal {ref}: {category}, {place}").format(
                    ref=reference, category=category, place=street or postcode
                ),
                due=due,
                area=areas.get(area_id or ""),
                overdue_days=max((today - due).days, 0),
                case_id=case_id,
            )
        )
    return items


def _actions(
    ctx: ServiceContext,
    session: Session,
    window: _Window,
    area_id: str | None,
    user_scope: bool,
) -> list[WorkItem]:
    stmt = (
        select(Action, Case.reference, Case.focus_area_id)
        .join(Case, Case.id == Action.case_id)
        .where(
            Action.status.in_([s.value for s in ActionStatus if s.is_open]),
            Action.deadline <= window.last,
        )
    )
    stmt = stmt.where(access.action_scope(ctx))
    own = _own_partner(ctx, user_scope)
    if own is not None:
        stmt = stmt.where(Action.owner_partner_id == own)
    if window.first is not None:
        stmt = stmt.where(Action.deadline >= window.first)
    if area_id is not None:
        stmt = stmt.where(Case.focus_area_id == area_id)
    areas = _area_names(session)
    partners = dict(session.execute(select(Partner.id, Partner.name)).tuples().all())
    today = ctx.clock.now().date()
    return [
        WorkItem(
            kind=WorkKind.ACTION,
            object_id=action.id,
            reference=action.reference,
            title=tr("Actie {ref}: {type} door {owner} (casus {case})").format(
                ref=action.reference,
                type=ActionType(action.action_type).label.lower(),
                owner=partners.get(action.owner_partner_id, "?"),
                case=case_ref,
            ),
            due=action.deadline,
            area=areas.get(area or ""),
            overdue_days=max((today - action.deadline).days, 0),
            case_id=action.case_id,
        )
        for action, case_ref, area in session.execute(stmt).tuples()
    ]


def _reviews(
    ctx: ServiceContext, session: Session, window: _Window, area_id: str | None
) -> list[WorkItem]:
    stmt = select(Case).where(
        access.case_work_scope(ctx),
        Case.status != CaseStatus.AFGESLOTEN.value,
        Case.next_review.is_not(None),
        Case.next_review <= window.last,
    )
    if window.first is not None:
        stmt = stmt.where(Case.next_review >= window.first)
    if area_id is not None:
        stmt = stmt.where(Case.focus_area_id == area_id)
    areas = _area_names(session)
    today = ctx.clock.now().date()
    items = []
    for case in session.execute(stmt).scalars():
        assert case.next_review is not None
        items.append(
            WorkItem(
                kind=WorkKind.REVIEW,
                object_id=case.id,
                reference=case.reference,
                title=tr("Evaluatie casus {ref} (risico {risk})").format(
                    ref=case.reference, risk=RiskLevel(case.risk_level).label.lower()
                ),
                due=case.next_review,
                area=areas.get(case.focus_area_id or ""),
                overdue_days=max((today - case.next_review).days, 0),
                case_id=case.id,
            )
        )
    return items


def _visits(
    ctx: ServiceContext,
    session: Session,
    window: _Window,
    area_id: str | None,
    user_scope: bool,
    outcome_missing: bool,
) -> list[WorkItem]:
    stmt = (
        select(Visit, Case.reference, Case.focus_area_id)
        .join(Case, Case.id == Visit.case_id)
        .where(
            access.visit_scope(ctx),
            Visit.status == VisitStatus.GEPLAND.value,
            Visit.planned_start < window.visits_before,
        )
    )
    if window.visits_from is not None:
        stmt = stmt.where(Visit.planned_start >= window.visits_from)
    own = _own_partner(ctx, user_scope)
    if own is not None:
        stmt = stmt.where(access.own_organisation_visits(own))
    if area_id is not None:
        stmt = stmt.where(Case.focus_area_id == area_id)
    areas = _area_names(session)
    today = ctx.clock.now().date()
    items = []
    for visit, case_ref, area in session.execute(stmt).tuples():
        kind = tr("Gezamenlijk huisbezoek") if visit.joint else tr("Huisbezoek")
        place = f"{visit.street or visit.postcode} {visit.house_number}{visit.addition or ''}"
        if outcome_missing:
            title = tr("{kind} {place} van {day}: uitkomst vastleggen (casus {case})").format(
                kind=kind, place=place, day=visit.planned_start.strftime("%d-%m-%Y"), case=case_ref
            )
        else:
            title = tr("{kind} {place} om {time} (casus {case})").format(
                kind=kind, place=place, time=visit.planned_start.strftime("%H:%M"), case=case_ref
            )
        items.append(
            WorkItem(
                kind=WorkKind.VISIT,
                object_id=visit.id,
                reference=case_ref,
                title=title,
                due=visit.planned_start.date(),
                area=areas.get(area or ""),
                overdue_days=max((today - visit.planned_start.date()).days, 0),
                case_id=visit.case_id,
                due_at=visit.planned_start,
            )
        )
    return items


def _area_names(session: Session) -> dict[str, str]:
    return dict(session.execute(select(FocusArea.id, FocusArea.name)).tuples().all())


def _sorted(items: list[WorkItem]) -> list[WorkItem]:
    return sorted(
        items,
        key=lambda i: (i.due, i.due_at or datetime.min, _KIND_ORDER[i.kind], i.reference),
    )


# --------------------------------------------------------------------------- services


@retrying
def overdue(
    ctx: ServiceContext, area_id: str | None = None, user_scope: bool = True
) -> list[WorkItem]:
    """Everything past due: signals past their handling term, open actions past their
    deadline, cases past their review date, and visits of earlier days whose outcome was
    not recorded. Oldest first. ``area_id`` takes an area id or name."""
    require_role(ctx, *_WORKERS)
    today = ctx.clock.now().date()
    yesterday = today - timedelta(days=1)
    window = _Window(None, yesterday, None, datetime.combine(today, time()))
    with work_unit(ctx) as session:
        area = _area_filter(session, area_id)
        items = (
            _signals(ctx, session, window, area)
            + _actions(ctx, session, window, area, user_scope)
            + _reviews(ctx, session, window, area)
            + _visits(ctx, session, window, area, user_scope, outcome_missing=True)
        )
        ctx.audit(session, "view", "worklist_overdue", area)
        return _sorted(items)


@retrying
def due_this_week(
    ctx: ServiceContext, area_id: str | None = None, user_scope: bool = True
) -> list[WorkItem]:
    """What falls due from today up to Sunday, and the visits planned from today up to the
    end of the week (at least today and tomorrow). Soonest first."""
    require_role(ctx, *_WORKERS)
    today = ctx.clock.now().date()
    sunday = today + timedelta(days=6 - today.weekday())
    visits_until = max(sunday, today + timedelta(days=1)) + timedelta(days=1)
    window = _Window(
        today,
        sunday,
        datetime.combine(today, time()),
        datetime.combine(visits_until, time()),
    )
    with work_unit(ctx) as session:
        area = _area_filter(session, area_id)
        items = (
            _signals(ctx, session, window, area)
            + _actions(ctx, session, window, area, user_scope)
            + _reviews(ctx, session, window, area)
            + _visits(ctx, session, window, area, user_scope, outcome_missing=False)
        )
        ctx.audit(session, "view", "worklist_week", area)
        return _sorted(items)


@retrying
def new_signals_to_triage(ctx: ServiceContext) -> list[TriageItem]:
    """Signals waiting for the coordinator: new ones, those routed to the coordinator
    (acuut first), and those with a postcode outside the table, not yet on a case."""
    require_role(ctx, Role.COORDINATOR, Role.WIJKAGENT)
    waiting = [SignalStatus.NIEUW.value, SignalStatus.GEROUTEERD.value]
    with work_unit(ctx) as session:
        stmt = (
            select(Signal, Category.name)
            .join(Category, Category.id == Signal.category_id)
            .where(
                access.signal_scope(ctx),
                # Implied by each case below; said once so SQLite reads these two statuses
                # through the status index instead of every signal.
                Signal.status.in_(waiting),
                or_(
                    Signal.status == SignalStatus.NIEUW.value,
                    and_(
                        Signal.status.in_(waiting),
                        Signal.route_target == RouteTarget.COORDINATOR.value,
                    ),
                    and_(
                        Signal.status.in_(waiting),
                        Signal.municipality_id.is_(None),
                        Signal.case_id.is_(None),
                    ),
                ),
            )
        )
        areas = _area_names(session)
        items = []
        for signal, category in session.execute(stmt).tuples():
            urgency = Urgency(signal.urgency)
            if urgency is Urgency.ACUUT:
                reason = TriageReason.ACUUT
            elif signal.route_target == RouteTarget.COORDINATOR.value:
                reason = TriageReason.COORDINATOR
            elif signal.status == SignalStatus.NIEUW.value:
                reason = TriageReason.NIEUW
            else:
                reason = TriageReason.MUNICIPALITY_UNKNOWN
            items.append(
                TriageItem(
                    signal_id=signal.id,
                    reference=signal.reference,
                    received_at=utc_to_local(signal.received_at),
                    category=category,
                    urgency=urgency,
                    street=signal.street,
                    postcode=signal.postcode,
                    area=areas.get(signal.focus_area_id or ""),
                    reason=reason,
                    route_reason=signal.route_reason,
                    due=signal.due_date,
                )
            )
        urgency_order = {u: i for i, u in enumerate(reversed(list(Urgency)))}
        items.sort(key=lambda t: (urgency_order[t.urgency], t.received_at, t.reference))
        ctx.audit(session, "view", "triage_list", None)
        return items


def today_overview(
    ctx: ServiceContext, area_id: str | None = None, user_scope: bool = True
) -> TodayOverview:
    """The three lists of the Vandaag screen (triage only for coordinator and wijkagent)."""
    triage: list[TriageItem] = []
    if ctx.actor.role in (Role.COORDINATOR, Role.WIJKAGENT):
        triage = new_signals_to_triage(ctx)
    return TodayOverview(
        tuple(overdue(ctx, area_id, user_scope)),
        tuple(due_this_week(ctx, area_id, user_scope)),
        tuple(triage),
    )


__all__ = [
    "TodayOverview",
    "TriageItem",
    "TriageReason",
    "WorkItem",
    "WorkKind",
    "due_this_week",
    "handling_due_date",
    "new_signals_to_triage",
    "overdue",
    "review_date",
    "today_overview",
]
