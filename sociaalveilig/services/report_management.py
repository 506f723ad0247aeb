"""The data of the management report: figures per period and area, no personal data at all.

Each report module checks who may print what, reads exactly the fields the document needs
(data minimisation), writes its audit entries and returns plain frozen dataclasses; the PDF
layout lives in ``sociaalveilig.reports``. The management figures are computed in the
database (GROUP BY, COUNT, ORDER BY/OFFSET for the percentiles) so they stay fast on a region
of 200,000 signals. Small counts are suppressed when shown (``suppressed``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select, union_all
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import ActionStatus, EscalationTarget, Role, SignalStatus, VisitStatus
from sociaalveilig.core.errors import AccessDenied, ValidationError
from sociaalveilig.core.i18n import QT_TR_NOOP, tr
from sociaalveilig.services import access
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.report_buurtschouw import resolve_area
from sociaalveilig.services.report_shared import (
    SIGNAL_KINDS,
    PrintMeta,
    local_today,
    print_meta,
    source_label,
    utc_naive,
)
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.users import require_role
from sociaalveilig.storage.models import (
    Action,
    AuditHead,
    Case,
    Category,
    Escalation,
    FocusArea,
    Signal,
    StatusChange,
    Visit,
)

SUPPRESSION_THRESHOLD = 5
"""Counts from 1 up to this (exclusive) are shown as "<5" in management figures."""

SECONDARY_MARK = "x"
"""Shown for a count hidden only so that a suppressed neighbour cannot be worked out."""

RESIDENTS_PER_WIJKAGENT = 5000
"""Legal norm: one wijkagent per 5,000 residents."""


def suppressed(count: int) -> str:
    """A count as shown in management figures: 1–4 become "<5" so no one is recognisable."""
    if 0 < count < SUPPRESSION_THRESHOLD:
        return "<" + str(SUPPRESSION_THRESHOLD)
    return str(count)


def suppress_breakdown(counts: Sequence[int]) -> list[str]:
    """Cells of a breakdown whose total is shown: small counts become "<5", and when exactly
    one cell was suppressed the next smallest non-zero cell is suppressed too, so the hidden
    value cannot be worked out by subtracting the others from the total."""
    shown = [suppressed(c) for c in counts]
    hidden = [i for i, c in enumerate(counts) if 0 < c < SUPPRESSION_THRESHOLD]
    if len(hidden) == 1:
        others = [(c, i) for i, c in enumerate(counts) if c >= SUPPRESSION_THRESHOLD]
        if others:
            _, index = min(others)
            shown[index] = SECONDARY_MARK
    return shown


# Marked for lupdate; translated with tr() where they are shown.
_MONTHS = (
    QT_TR_NOOP("januari"), QT_TR_NOOP("februari"), QT_TR_NOOP("maart"), QT_TR_NOOP("april"),
    QT_TR_NOOP("mei"), QT_TR_NOOP("juni"), QT_TR_NOOP("juli"), QT_TR_NOOP("augustus"),
    QT_TR_NOOP("september"), QT_TR_NOOP("oktober"), QT_TR_NOOP("november"), QT_TR_NOOP("december"),
)

_MONTHS_SHORT = (
    QT_TR_NOOP("jan"), QT_TR_NOOP("feb"), QT_TR_NOOP("mrt"), QT_TR_NOOP("apr"), QT_TR_NOOP("mei"),
    QT_TR_NOOP("jun"), QT_TR_NOOP("jul"), QT_TR_NOOP("aug"), QT_TR_NOOP("sep"), QT_TR_NOOP("okt"),
    QT_TR_NOOP("nov"), QT_TR_NOOP("dec"),
)


@dataclass(frozen=True)
class Period:
    code: str
    """As typed back in canonical form: 2026, 2026Q3, 2026-07."""
    title: str
    """Dutch: "2026", "3e kwartaal 2026", "juli 2026"."""
    start: date
    end: date
    """Exclusive."""

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def parse_period(text: str) -> Period:
    """``2026`` (a year), ``2026Q3`` (a quarter) or ``2026-07`` (a month)."""
    value = (text or "").strip().upper().replace(" ", "")
    year_m = re.fullmatch(r"(\d{4})", value)
    quarter_m = re.fullmatch(r"(\d{4})-?Q([1-4])", value)
    month_m = re.fullmatch(r"(\d{4})-(\d{1,2})", value)
    period: Period | None = None
    if year_m and 2000 <= int(year_m.group(1)) <= 2100:
        y = int(year_m.group(1))
        period = Period(str(y), str(y), date(y, 1, 1), date(y + 1, 1, 1))
    elif quarter_m and 2000 <= int(quarter_m.group(1)) <= 2100:
        y, q = int(quarter_m.group(1)), int(quarter_m.group(2))
        start = date(y, 3 * (q - 1) + 1, 1)
        period = Period(f"{y}Q{q}", tr("{q}e kwartaal {y}").format(q=q, y=y), start,
                        _add_months(start, 3))
    elif month_m and 2000 <= int(month_m.group(1)) <= 2100 and 1 <= int(month_m.group(2)) <= 12:
        y, mo = int(month_m.group(1)), int(month_m.group(2))
        start = date(y, mo, 1)
        period = Period(f"{y}-{mo:02d}", f"{tr(_MONTHS[mo - 1])} {y}", start,
                        _add_months(start, 1))
    if period is None:
        raise ValidationError(
            tr("Onbekende periode '{value}'. Gebruik een jaar (2026), een kwartaal (2026Q3) of "
               "een maand (2026-07).").format(value=(text or "").strip()),
            field="period",
        )
    return period


@dataclass(frozen=True)
class CountRow:
    label: str
    count: int


@dataclass(frozen=True)
class MonthCount:
    label: str
    """Short Dutch month and year: "jul 2026"."""
    count: int


@dataclass(frozen=True)
class HandlingTime:
    count: int
    """Signals whose handling ended in the period."""
    median_days: float | None
    p90_days: float | None


@dataclass(frozen=True)
class ActionFigures:
    due: int
    """Actions with a deadline in the period (not cancelled)."""
    on_time: int
    late: int
    """Done after the deadline."""
    open_overdue: int
    """Still open and past the deadline on the reference date."""


@dataclass(frozen=True)
class AreaFigures:
    area: str
    residents: int
    signals: int
    new_cases: int
    closed_cases: int
    norm_fte: float
    """Residents / 5,000: the wijkagenten the norm asks for."""
    wijkagent_fte: float


@dataclass(frozen=True)
class ManagementData:
    meta: PrintMeta
    period: Period
    area: str | None
    """None: all of Parkstad."""
    as_of: date
    """Figures count up to and including this day (today when the period is still running)."""
    signals_total: int
    by_source: tuple[CountRow, ...]
    by_category: tuple[CountRow, ...]
    by_month: tuple[MonthCount, ...]
    new_cases: int
    closed_cases: int
    handling: HandlingTime
    actions: ActionFigures
    visits: tuple[CountRow, ...]
    visits_done: int
    escalations: tuple[CountRow, ...]
    areas: tuple[AreaFigures, ...]

    @property
    def empty(self) -> bool:
        return (
            self.signals_total == 0
            and self.new_cases == 0
            and self.closed_cases == 0
            and self.actions.due == 0
            and not any(r.count for r in self.visits)
            and not any(r.count for r in self.escalations)
        )


def _elapsed_days(session: Session, start: Any, end: Any) -> ColumnElement[Any]:
    """Days between two timestamp columns; the only dialect-specific expression here."""
    if session.get_bind().dialect.name == "postgresql":
        return func.extract("epoch", end - start) / 86400.0
    return func.julianday(end) - func.julianday(start)


def _in(column: Any, start: Any, end: Any) -> ColumnElement[bool]:
    return and_(column >= start, column < end)


@retrying
def management_data(ctx: ServiceContext, period: str, area: str | None) -> ManagementData:
    """Figures for a period and all or one focus area; no personal data at all."""
    require_role(ctx, Role.MANAGER, Role.COORDINATOR, Role.BEHEERDER, Role.WIJKAGENT)
    p = parse_period(period)
    today = local_today(ctx)
    if p.start > today:
        raise ValidationError(
            tr("De periode {period} is nog niet begonnen; kies een periode tot en met vandaag "
               "({today}).").format(period=p.title, today=today.strftime("%d-%m-%Y")),
            field="period",
        )
    with ctx.unit() as session:
        fa = resolve_area(session, area) if area else None
        if access.outside_own_areas(ctx, fa.id if fa is not None else None):
            raise AccessDenied(
                tr("Als wijkagent krijgt u alleen de cijfers van uw eigen focusgebied(en); kies "
                   "een van die gebieden.")
            )
        data = _gather_management(ctx, session, p, fa, today)
        ctx.audit(session, "print", "management_report", p.code,
                  purpose=fa.name if fa else tr("alle focusgebieden"))
        head = session.execute(select(AuditHead).where(AuditHead.id == 1)).scalar_one()
        meta = replace(data.meta, audit_head=(head.last_id, head.last_hash[:12]))
        return replace(data, meta=meta)


def _gather_management(
    ctx: ServiceContext, session: Session, p: Period, fa: FocusArea | None, today: date
) -> ManagementData:
    as_of = min(p.last_day, today)
    start_utc, end_utc = utc_naive(p.start), utc_naive(p.end)
    area_id = fa.id if fa else None

    per_source, per_category, per_area = _signal_counts(session, start_utc, end_utc, area_id)
    total = sum(per_source.values())
    by_source = tuple(
        sorted(
            (CountRow(source_label(k), v) for k, v in per_source.items()),
            key=lambda r: (-r.count, r.label),
        )
    )
    category_names = dict(session.execute(select(Category.id, Category.name)).tuples().all())
    by_category = tuple(
        sorted(
            (CountRow(category_names.get(k, k), v) for k, v in per_category.items()),
            key=lambda r: (-r.count, r.label),
        )
    )

    by_month = _signals_by_month(session, p, area_id)

    new_per_area = _cases_per_area(session, Case.created_at, start_utc, end_utc, area_id)
    closed_per_area = _cases_per_area(session, Case.closed_at, start_utc, end_utc, area_id)
    new_cases = sum(new_per_area.values())
    closed_cases = sum(closed_per_area.values())

    handling = _handling_time(session, start_utc, end_utc, area_id)
    actions = _action_figures(session, p, area_id, today)

    visit_counts = _visit_counts(session, p, area_id)
    visits = tuple(
        CountRow(status.label, int(visit_counts.get(status.value, 0))) for status in VisitStatus
    )
    escalations = _escalation_rows(session, start_utc, end_utc, area_id)

    return ManagementData(
        meta=print_meta(ctx),
        period=p,
        area=fa.name if fa else None,
        as_of=as_of,
        signals_total=total,
        by_source=by_source,
        by_category=by_category,
        by_month=by_month,
        new_cases=new_cases,
        closed_cases=closed_cases,
        handling=handling,
        actions=actions,
        visits=visits,
        visits_done=int(visit_counts.get(VisitStatus.UITGEVOERD.value, 0)),
        escalations=escalations,
        areas=_area_figures(session, area_id, per_area, new_per_area, closed_per_area),
    )


def _signal_counts(
    session: Session, start_utc: datetime, end_utc: datetime, area_id: str | None
) -> tuple[Counter[str], Counter[str], Counter[str | None]]:
    """The period's signals counted per source, per category and per focus area."""
    # One pass over the period's signals, grouped by source, category and area; the
    # breakdowns add up these groups.
    signal_stmt = (
        select(Signal.source, Signal.category_id, Signal.focus_area_id, func.count())
        .where(_in(Signal.received_at, start_utc, end_utc))
        .group_by(Signal.source, Signal.category_id, Signal.focus_area_id)
    )
    if area_id:
        signal_stmt = signal_stmt.where(Signal.focus_area_id == area_id)
    per_source: Counter[str] = Counter()
    per_category: Counter[str] = Counter()
    per_area: Counter[str | None] = Counter()
    for source, category_id, focus_area_id, count in session.execute(signal_stmt).tuples():
        per_source[source] += count
        per_category[category_id] += count
        per_area[focus_area_id] += count
    return per_source, per_category, per_area


def _visit_counts(session: Session, p: Period, area_id: str | None) -> dict[str, int]:
    """Visits planned in the period, counted per status."""
    visit_stmt = select(Visit.status, func.count(Visit.id)).where(
        _in(Visit.planned_start, datetime.combine(p.start, time()),
            datetime.combine(p.end, time()))
    )
    if area_id:
        visit_stmt = visit_stmt.join(Case, Case.id == Visit.case_id).where(
            Case.focus_area_id == area_id
        )
    return dict(session.execute(visit_stmt.group_by(Visit.status)).tuples().all())


def _escalation_rows(
    session: Session, start_utc: datetime, end_utc: datetime, area_id: str | None
) -> tuple[CountRow, ...]:
    """Escalations made in the period, one row per target (zero rows included)."""
    esc_stmt = select(Escalation.target, func.count(Escalation.id)).where(
        _in(Escalation.created_at, start_utc, end_utc)
    )
    if area_id:
        esc_stmt = esc_stmt.join(Case, Case.id == Escalation.case_id).where(
            Case.focus_area_id == area_id
        )
    esc_counts = dict(session.execute(esc_stmt.group_by(Escalation.target)).tuples().all())
    return tuple(
        CountRow(target.label, int(esc_counts.get(target.value, 0)))
        for target in EscalationTarget
    )


def _month_window(p: Period) -> list[date]:
    """Month starts of the line chart: the twelve months ending with the period's last
    month (a year period is exactly its year)."""
    last = date(p.last_day.year, p.last_day.month, 1)
    return [_add_months(last, -i) for i in range(11, -1, -1)]


def _signals_by_month(
    session: Session, p: Period, area_id: str | None
) -> tuple[MonthCount, ...]:
    months = _month_window(p)
    bounds = [utc_naive(m) for m in months] + [utc_naive(_add_months(months[-1], 1))]
    # One GROUP BY over a CASE bucket: month boundaries are local midnights, which a
    # month() of the stored UTC moment would get wrong around midnight.
    bucket = case(
        *[(Signal.received_at < bounds[i + 1], literal(i)) for i in range(len(months))],
        else_=literal(len(months)),
    ).label("bucket")
    stmt = (
        select(bucket, func.count())
        .where(_in(Signal.received_at, bounds[0], bounds[-1]))
        .group_by(bucket)
    )
    if area_id:
        stmt = stmt.where(Signal.focus_area_id == area_id)
    counts = dict(session.execute(stmt).tuples().all())
    return tuple(
        MonthCount(f"{tr(_MONTHS_SHORT[m.month - 1])} {m.year}", int(counts.get(i, 0)))
        for i, m in enumerate(months)
    )


def _handling_time(
    session: Session, start_utc: datetime, end_utc: datetime, area_id: str | None
) -> HandlingTime:
    """Handling time of the signals whose handling ended in the period: from receipt to the
    closing of the case they belong to, or, for a signal without a case, to the moment it
    was set to afgehandeld (a final status, so once per signal).

    One query: the durations are ranked by a window function and only the rows at the
    median and 90th-percentile ranks come back."""
    via_case = (
        select(_elapsed_days(session, Signal.received_at, Case.closed_at).label("days"))
        .select_from(Case)
        .join(Signal, Signal.case_id == Case.id)
        .where(_in(Case.closed_at, start_utc, end_utc))
    )
    direct = (
        select(_elapsed_days(session, Signal.received_at, StatusChange.at).label("days"))
        .select_from(StatusChange)
        .join(Signal, Signal.id == StatusChange.object_id)
        .where(
            StatusChange.to_status == SignalStatus.AFGEHANDELD.value,
            _in(StatusChange.at, start_utc, end_utc),
            StatusChange.object_type.in_(SIGNAL_KINDS),
            Signal.case_id.is_(None),
        )
    )
    if area_id:
        via_case = via_case.where(Signal.focus_area_id == area_id)
        direct = direct.where(Signal.focus_area_id == area_id)
    durations = union_all(via_case, direct).subquery()
    ranked = select(
        durations.c.days,
        func.row_number().over(order_by=durations.c.days).label("rank"),
        func.count().over().label("n"),
    ).subquery()
    n = ranked.c.n
    # Median: ranks (n+1)//2 and n//2+1 (the same rank when n is odd); 90th percentile by
    # nearest rank: ceil(0.9 n) = (9n + 9) // 10.
    rows = session.execute(
        select(ranked.c.rank, ranked.c.n, ranked.c.days).where(
            or_(
                ranked.c.rank == (n + 1) // 2,
                ranked.c.rank == n // 2 + 1,
                ranked.c.rank == (9 * n + 9) // 10,
            )
        )
    ).tuples().all()
    if not rows:
        return HandlingTime(0, None, None)
    total = int(rows[0][1])
    at_rank = {int(rank): max(0.0, float(days)) for rank, _, days in rows}
    median = (at_rank[(total + 1) // 2] + at_rank[total // 2 + 1]) / 2
    return HandlingTime(total, median, at_rank[(9 * total + 9) // 10])


def _action_figures(
    session: Session, p: Period, area_id: str | None, today: date
) -> ActionFigures:
    open_states = (ActionStatus.OPEN.value, ActionStatus.IN_UITVOERING.value)
    done_on_time = and_(
        Action.status == ActionStatus.AFGEROND.value,
        Action.completed_at.is_not(None),
        func.date(Action.completed_at) <= Action.deadline,
    )
    late_done = and_(
        Action.status == ActionStatus.AFGEROND.value,
        or_(Action.completed_at.is_(None), func.date(Action.completed_at) > Action.deadline),
    )
    open_overdue = and_(Action.status.in_(open_states), Action.deadline < today)
    stmt = select(
        func.count(Action.id),
        func.coalesce(func.sum(case((done_on_time, 1), else_=0)), 0),
        func.coalesce(func.sum(case((late_done, 1), else_=0)), 0),
        func.coalesce(func.sum(case((open_overdue, 1), else_=0)), 0),
    ).where(
        _in(Action.deadline, p.start, p.end),
        Action.status != ActionStatus.VERVALLEN.value,
    )
    if area_id:
        stmt = stmt.join(Case, Case.id == Action.case_id).where(Case.focus_area_id == area_id)
    due, on_time, late, overdue = session.execute(stmt).one()
    return ActionFigures(int(due), int(on_time), int(late), int(overdue))


def _cases_per_area(
    session: Session, column: Any, start_utc: datetime, end_utc: datetime, area_id: str | None
) -> dict[str | None, int]:
    """Cases whose ``column`` moment falls in the period, counted per focus area."""
    stmt = (
        select(Case.focus_area_id, func.count())
        .where(_in(column, start_utc, end_utc))
        .group_by(Case.focus_area_id)
    )
    if area_id:
        stmt = stmt.where(Case.focus_area_id == area_id)
    return {k: int(v) for k, v in session.execute(stmt).tuples()}


def _area_figures(
    session: Session,
    area_id: str | None,
    signals: Mapping[str | None, int],
    new: Mapping[str | None, int],
    closed: Mapping[str | None, int],
) -> tuple[AreaFigures, ...]:
    area_stmt = select(FocusArea).order_by(FocusArea.name)
    if area_id:
        area_stmt = area_stmt.where(FocusArea.id == area_id)
    return tuple(
        AreaFigures(
            a.name,
            a.residents,
            int(signals.get(a.id, 0)),
            int(new.get(a.id, 0)),
            int(closed.get(a.id, 0)),
            a.residents / RESIDENTS_PER_WIJKAGENT,
            float(a.wijkagent_fte or 0.0),
        )
        for a in session.execute(area_stmt).scalars()
    )


def month_labels(rows: Iterable[MonthCount]) -> list[str]:
    return [r.label for r in rows]
