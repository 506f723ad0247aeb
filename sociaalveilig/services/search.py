"""Lists and search for the window: signal and case lists that scale to 200,000 signals.

Like Anki's browser: a query returns all matching ids in sort order (filtering, sorting and
full-text matching happen in the database, need-to-know applied), and the window fetches
display rows for the page it shows with ``signal_rows`` / ``case_rows``. Each query is
audit-logged once ("search" with text, "list" without; never the text itself).

The signal list first asks ``signal_head``: the first page of ids with their rows, in one
unit of work (tens of milliseconds on 200,000 signals), so the window shows rows at once;
the whole id list (``signal_ids``, a few hundred milliseconds) follows off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, or_, select, true
from sqlalchemy.orm import Session, aliased

from sociaalveilig.core.enums import (
    CaseStatus,
    RiskLevel,
    RouteTarget,
    SignalStatus,
    Source,
    Urgency,
)
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.postcode import UNKNOWN_MUNICIPALITY
from sociaalveilig.services import access, case_lookup
from sociaalveilig.services.audit_objects import OBJ_CASE_LIST, OBJ_SIGNAL_LIST
from sociaalveilig.services.context import ServiceContext, local_to_utc, utc_to_local
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.signal_records import (
    OPEN_CASE_STATUSES,
    TERM_SIGNAL_STATUSES,
    format_address,
    is_overdue,
)
from sociaalveilig.storage.models import Case, Category, FocusArea, Municipality, Partner, Signal
from sociaalveilig.storage.seam import SignalListShape

ROW_CHUNK = 500
HEAD_SIZE = 200
"""Ids in the first page of a list (``signal_head``); the window's page size."""
HEAD_ROWS = 60
"""Display rows in the first page: a screenful (about 25 rows at 768 pixels high, 60 on a
tall screen); each is a table page to read, so no more than the window shows at first."""
class SignalSort(StrEnum):
    RECEIVED = "received_at"
    REFERENCE = "reference"
    SOURCE = "source"
    CATEGORY = "category"
    ADDRESS = "address"
    AREA = "area"
    URGENCY = "urgency"
    STATUS = "status"
    CASE = "case"
    DUE = "due_date"


class CaseSort(StrEnum):
    CREATED = "created_at"
    REFERENCE = "reference"
    ADDRESS = "address"
    AREA = "area"
    STATUS = "status"
    RISK = "risk"
    LEAD_PARTNER = "lead_partner"
    NEXT_REVIEW = "next_review"
    SIGNALS = "signals"


@dataclass(frozen=True, kw_only=True)
class SignalQuery:
    """What the signal list shows. Empty tuples and None mean 'no filter'."""

    text: str = ""
    """Words to find in reference, description, street, city or postcode (all must occur,
    as word starts)."""
    area_ids: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    """Category codes."""
    urgencies: tuple[str, ...] = ()
    route_targets: tuple[str, ...] = ()
    received_from: date | None = None
    received_to: date | None = None
    """Inclusive: the whole day counts."""
    owner_partner_id: str | None = None
    """The lead partner (casusregisseur) of the signal's case."""
    created_by: str | None = None
    """The user who registered the signal."""
    case_id: str | None = None
    without_case: bool = False
    overdue: bool = False
    """Open signals past their due date."""
    sort: str = SignalSort.RECEIVED.value
    descending: bool = True


@dataclass(frozen=True, kw_only=True)
class CaseQuery:
    text: str = ""
    area_ids: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    risk_levels: tuple[str, ...] = ()
    owner_partner_id: str | None = None
    """The lead partner (casusregisseur)."""
    created_from: date | None = None
    created_to: date | None = None
    open_only: bool = False
    overdue: bool = False
    """Open cases whose review date has passed."""
    sort: str = CaseSort.CREATED.value
    descending: bool = True


@dataclass(frozen=True)
class SignalRow:
    """One line of the signal list (no description: that is in the detail)."""

    signal_id: str
    reference: str
    received_at: datetime
    """Local time."""
    source: Source
    category_code: str
    category_name: str
    address: str
    focus_area: str | None
    municipality: str
    urgency: Urgency
    status: SignalStatus
    case_id: str | None
    case_reference: str | None
    route_target: RouteTarget | None
    due_date: date | None
    overdue: bool
    version: int
    """The stored version: a step taken from the list sends it back as
    ``expected_version``."""

    @property
    def source_label(self) -> str:
        return self.source.label

    @property
    def urgency_label(self) -> str:
        return self.urgency.label

    @property
    def status_label(self) -> str:
        return self.status.label


@dataclass(frozen=True)
class CaseRow:
    case_id: str
    reference: str
    address: str
    """Postcode area and municipality only in a pseudonymised list."""
    focus_area: str | None
    municipality: str
    status: CaseStatus
    risk_level: RiskLevel
    lead_partner: str | None
    next_review: date | None
    review_overdue: bool
    created_at: datetime
    """Local time."""
    signal_count: int
    pseudonymised: bool = False

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def risk_label(self) -> str:
        return self.risk_level.label


# --------------------------------------------------------------------------- helpers


def _values(kind: type[StrEnum], values: Sequence[str], field: str) -> list[str]:
    result = []
    for value in values:
        try:
            result.append(kind(str(value).strip().lower()).value)
        except ValueError:
            raise ValidationError(
                tr("Filter {field}: '{value}' is onbekend; kies uit {options}.").format(
                    field=field, value=value, options=", ".join(m.value for m in kind)
                ),
                field=field,
            ) from None
    return result


def _period(start: date | None, end: date | None) -> tuple[datetime | None, datetime | None]:
    """A local-date period as UTC bounds [from, to)."""
    if start is not None and end is not None and start > end:
        raise ValidationError(
            tr("De periode begint na het einde; kies een begindatum vóór de einddatum."),
            field="periode",
        )
    low = local_to_utc(datetime.combine(start, time())) if start else None
    high = local_to_utc(datetime.combine(end + timedelta(days=1), time())) if end else None
    return low, high


def _period_terms(column: Any, start: date | None, end: date | None) -> list[ColumnElement[bool]]:
    """The where-clauses that keep ``column`` inside the local-date period."""
    low, high = _period(start, end)
    terms: list[ColumnElement[bool]] = []
    if low is not None:
        terms.append(column >= low)
    if high is not None:
        terms.append(column < high)
    return terms


def _match_terms(
    match: ColumnElement[bool] | None, id_column: Any, ids: Sequence[str]
) -> list[ColumnElement[bool]]:
    """A full-text match widened to the records a person's name found, either alone."""
    if match is not None and ids:
        return [or_(match, id_column.in_(list(ids)))]
    if match is not None:
        return [match]
    if ids:
        return [id_column.in_(list(ids))]
    return []


def _order_case(column: Any, order: Sequence[str]) -> ColumnElement[int]:
    """A sort key that follows a process order instead of the alphabet."""
    return case({value: index for index, value in enumerate(order)}, value=column, else_=99)


def _sort_choice(kind: type[StrEnum], value: str) -> StrEnum:
    try:
        return kind(value)
    except ValueError:
        raise ValidationError(
            tr("Kan niet sorteren op '{value}'; kies uit {options}.").format(
                value=value, options=", ".join(m.value for m in kind)
            ),
            field="sort",
        ) from None


def _today(ctx: ServiceContext) -> date:
    return ctx.clock.now().date()


# --------------------------------------------------------------------------- signals


def _person_signals(ctx: ServiceContext, session: Session, q: SignalQuery) -> list[str]:
    """The signals of the persons the text names (``case_lookup``): a separate cheap query."""
    if not q.text.strip() or not case_lookup.names_persons(ctx):
        return []
    return case_lookup.person_signal_ids(
        session, case_lookup.list_person_ids(session, q.text)
    )


def _signal_filters(
    ctx: ServiceContext,
    q: SignalQuery,
    *,
    scoped: bool = True,
    person_signals: Sequence[str] = (),
) -> list[ColumnElement[bool]]:
    """The where-clauses of ``q``, the user's scope first (unless ``scoped`` is False).
    ``person_signals``: matched by a person's name too."""
    where: list[ColumnElement[bool]] = [access.signal_scope(ctx)] if scoped else []
    if q.text.strip():
        where += _match_terms(ctx.store.search.signal_match(q.text), Signal.id, person_signals)
    where += _area_terms(q)
    where += _status_terms(ctx, q)
    where += _source_terms(q)
    where += _category_terms(q)
    if q.urgencies:
        where.append(Signal.urgency.in_(_values(Urgency, q.urgencies, "urgentie")))
    if q.route_targets:
        where.append(Signal.route_target.in_(_values(RouteTarget, q.route_targets, "route")))
    where += _period_terms(Signal.received_at, q.received_from, q.received_to)
    if q.owner_partner_id:
        where.append(
            Signal.case_id.in_(select(Case.id).where(Case.lead_partner_id == q.owner_partner_id))
        )
    if q.created_by:
        where.append(Signal.created_by == q.created_by)
    if q.case_id:
        where.append(Signal.case_id == q.case_id)
    if q.without_case:
        where.append(Signal.case_id.is_(None))
    return where


def _area_terms(q: SignalQuery) -> list[ColumnElement[bool]]:
    return [Signal.focus_area_id.in_(list(q.area_ids))] if q.area_ids else []


def _status_terms(ctx: ServiceContext, q: SignalQuery) -> list[ColumnElement[bool]]:
    terms: list[ColumnElement[bool]] = []
    if q.statuses:
        terms.append(Signal.status.in_(_values(SignalStatus, q.statuses, "status")))
    if q.overdue:
        terms.append(Signal.due_date < _today(ctx))
        terms.append(Signal.status.in_([s.value for s in TERM_SIGNAL_STATUSES]))
    return terms


def _source_terms(q: SignalQuery) -> list[ColumnElement[bool]]:
    return [Signal.source.in_(_values(Source, q.sources, "bron"))] if q.sources else []


def _category_terms(q: SignalQuery) -> list[ColumnElement[bool]]:
    if not q.categories:
        return []
    codes = [c.strip().upper() for c in q.categories]
    return [Signal.category_id.in_(select(Category.id).where(Category.code.in_(codes)))]


def _signal_select(
    ctx: ServiceContext, q: SignalQuery, session: Session, first_rows: int | None = None
) -> Select[tuple[str]]:
    """The ordered id query (a text also finds the signals of the persons it names), as
    the store's list plans read it (``StoreSeam.plans``) for ``first_rows`` rows or all."""
    sort = _sort_choice(SignalSort, q.sort)
    person_signals = _person_signals(ctx, session, q)
    stmt = select(Signal.id).where(*_signal_filters(ctx, q, person_signals=person_signals))
    shape = SignalListShape(
        text="" if person_signals else q.text.strip(),
        filters=tuple(_signal_filters(ctx, replace(q, text=""), scoped=False)),
        scoped=not access.sees_every_signal(ctx),
        scope_parts=access.signal_scope_parts(ctx),
        order=sort.value if sort in (SignalSort.RECEIVED, SignalSort.REFERENCE) else None,
        descending=q.descending,
        first_rows=first_rows,
    )
    keys: list[Any]
    if sort is SignalSort.RECEIVED:
        keys = [Signal.received_at]
    elif sort is SignalSort.REFERENCE:
        keys = []
    elif sort is SignalSort.SOURCE:
        keys = [Signal.source]
    elif sort is SignalSort.CATEGORY:
        stmt = stmt.join(Category, Category.id == Signal.category_id)
        keys = [Category.name]
    elif sort is SignalSort.ADDRESS:
        keys = [func.coalesce(Signal.street, ""), Signal.house_number, Signal.addition]
    elif sort is SignalSort.AREA:
        stmt = stmt.outerjoin(FocusArea, FocusArea.id == Signal.focus_area_id)
        keys = [func.coalesce(FocusArea.name, "")]
    elif sort is SignalSort.URGENCY:
        keys = [_order_case(Signal.urgency, [u.value for u in Urgency])]
    elif sort is SignalSort.STATUS:
        keys = [_order_case(Signal.status, [s.value for s in SignalStatus])]
    elif sort is SignalSort.CASE:
        linked = aliased(Case)
        stmt = stmt.outerjoin(linked, linked.id == Signal.case_id)
        keys = [func.coalesce(linked.reference, "")]
    else:
        keys = [func.coalesce(Signal.due_date, date(9999, 12, 31))]
    keys.append(Signal.reference)
    ordered = stmt.order_by(*[k.desc() if q.descending else k.asc() for k in keys])
    return ctx.store.plans.signal_list(session, ordered, shape)


def _require_lists(ctx: ServiceContext) -> None:
    access.require_signal_reader(ctx)


@dataclass(frozen=True)
class SignalHead:
    """The first page of a signal list: its ids in order, the rows of the first of them,
    and whether that is the whole list (otherwise ``signal_ids`` gives the rest)."""

    ids: tuple[str, ...]
    rows: tuple[SignalRow, ...]
    complete: bool


def _log_list_view(ctx: ServiceContext, session: Session, q: SignalQuery) -> None:
    ctx.audit(session, "search" if q.text.strip() else "list", OBJ_SIGNAL_LIST, None)


@retrying
def signal_head(
    ctx: ServiceContext, q: SignalQuery, limit: int = HEAD_SIZE, rows: int = HEAD_ROWS
) -> SignalHead:
    """The first ``limit`` signals matching ``q``, the first ``rows`` of them with their
    display rows (one query for the ids, one for the rows); the view is audit-logged."""
    _require_lists(ctx)
    with ctx.unit() as session:
        stmt = _signal_select(ctx, q, session, limit + 1).limit(limit + 1)
        ids = list(session.connection().execute(stmt).scalars())
        complete = len(ids) <= limit
        ids = ids[:limit]
        # The ids were chosen under the user's scope a moment ago, in this same unit.
        shown = _signal_rows(ctx, session, ids[:rows], scoped=True)
        _log_list_view(ctx, session, q)
        return SignalHead(tuple(ids), tuple(shown), complete)


@retrying
def signal_ids(ctx: ServiceContext, q: SignalQuery, *, log_view: bool = True) -> list[str]:
    """All ids of the signals matching ``q`` that the user may see, in sort order.

    ``log_view=False`` when the view was logged already, by the ``signal_head`` of the same
    list (the window asks for the whole id list after showing the first page)."""
    _require_lists(ctx)
    if not log_view:
        # Nothing written: a read-only unit, which neither waits for nor holds the write
        # lock (the next list's first page goes ahead meanwhile).
        with ctx.read_unit() as session:
            return _signal_id_list(ctx, session, q)
    with ctx.unit() as session:
        ids = _signal_id_list(ctx, session, q)
        _log_list_view(ctx, session, q)
        return ids


def _signal_id_list(ctx: ServiceContext, session: Session, q: SignalQuery) -> list[str]:
    # Core execution: no ORM row handling for what may be 200,000 ids.
    return list(session.connection().execute(_signal_select(ctx, q, session)).scalars())


@retrying
def count_signals(ctx: ServiceContext, q: SignalQuery) -> int:
    """How many signals match (for a status line); not logged, it shows no data."""
    _require_lists(ctx)
    with ctx.read_unit() as session:
        person_signals = _person_signals(ctx, session, q)
        stmt = (
            select(func.count())
            .select_from(Signal)
            .where(*_signal_filters(ctx, q, person_signals=person_signals))
        )
        return int(session.execute(stmt).scalar_one())


def _chunks(ids: Sequence[str]) -> list[list[str]]:
    return [list(ids[i : i + ROW_CHUNK]) for i in range(0, len(ids), ROW_CHUNK)]


@retrying
def signal_rows(ctx: ServiceContext, ids: Sequence[str]) -> list[SignalRow]:
    """Display rows for the given ids, in the same order; ids the user may not see (or
    that no longer exist) are left out."""
    _require_lists(ctx)
    with ctx.read_unit() as session:  # rows of a list whose view was logged with its ids
        return _signal_rows(ctx, session, ids)


def _signal_rows(
    ctx: ServiceContext, session: Session, ids: Sequence[str], *, scoped: bool = False
) -> list[SignalRow]:
    """Display rows for ``ids``, under the user's scope unless ``scoped``: the ids were
    selected under it in the same unit. For a partner the scope is a set of case ids
    built anew by each statement, a cost the first page would otherwise pay twice."""
    today = _today(ctx)
    found: dict[str, SignalRow] = {}
    linked = aliased(Case)
    scope = true() if scoped else access.signal_scope(ctx)
    connection = session.connection()
    for chunk in _chunks(ids):
        # Core rows of the listed columns: no ORM objects, no description read.
        rows = connection.execute(
            select(
                Signal.id,
                Signal.reference,
                Signal.received_at,
                Signal.source,
                Signal.street,
                Signal.house_number,
                Signal.addition,
                Signal.postcode,
                Signal.city,
                Signal.urgency,
                Signal.status,
                Signal.case_id,
                Signal.route_target,
                Signal.due_date,
                Signal.version,
                Category.code,
                Category.name,
                FocusArea.name,
                Municipality.name,
                linked.reference,
            )
            .join(Category, Category.id == Signal.category_id)
            .outerjoin(FocusArea, FocusArea.id == Signal.focus_area_id)
            .outerjoin(Municipality, Municipality.id == Signal.municipality_id)
            .outerjoin(linked, linked.id == Signal.case_id)
            .where(Signal.id.in_(chunk), scope)
        ).tuples()
        for (
            signal_id,
            reference,
            received_at,
            source,
            street,
            house_number,
            addition,
            postcode,
            city,
            urgency,
            status,
            case_id,
            route_target,
            due_date,
            version,
            code,
            name,
            area,
            municipality,
            case_ref,
        ) in rows:
            found[signal_id] = SignalRow(
                signal_id=signal_id,
                reference=reference,
                received_at=utc_to_local(received_at),
                source=Source(source),
                category_code=code,
                category_name=name,
                address=format_address(street, house_number, addition, postcode, city),
                focus_area=area,
                municipality=municipality or UNKNOWN_MUNICIPALITY,
                urgency=Urgency(urgency),
                status=SignalStatus(status),
                case_id=case_id,
                case_reference=case_ref,
                route_target=RouteTarget(route_target) if route_target else None,
                due_date=due_date,
                overdue=is_overdue(status, due_date, today),
                version=version,
            )
    return [found[i] for i in ids if i in found]


# --------------------------------------------------------------------------- cases


def _require_case_lists(ctx: ServiceContext) -> None:
    access.refuse_beheerder(ctx)


def _person_cases(ctx: ServiceContext, session: Session, q: CaseQuery) -> list[str]:
    """The cases of the persons the text names (``case_lookup``): a separate cheap query."""
    if not q.text.strip() or not case_lookup.names_persons(ctx):
        return []
    return case_lookup.person_case_ids(
        session, case_lookup.list_person_ids(session, q.text)
    )


def _case_filters(
    ctx: ServiceContext, q: CaseQuery, person_cases: Sequence[str] = ()
) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [access.case_scope(ctx)]
    words = q.text.strip()
    if words:
        if access.is_pseudonymised(ctx):
            # A pseudonymised user finds cases by reference only, never by address.
            escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            where.append(Case.reference.ilike(f"%{escaped}%", escape="\\"))
        else:
            where += _match_terms(ctx.store.search.case_match(words), Case.id, person_cases)
    if q.area_ids:
        where.append(Case.focus_area_id.in_(list(q.area_ids)))
    if q.statuses:
        where.append(Case.status.in_(_values(CaseStatus, q.statuses, "status")))
    if q.risk_levels:
        where.append(Case.risk_level.in_(_values(RiskLevel, q.risk_levels, "risico")))
    if q.owner_partner_id:
        where.append(Case.lead_partner_id == q.owner_partner_id)
    where += _period_terms(Case.created_at, q.created_from, q.created_to)
    open_values = [s.value for s in OPEN_CASE_STATUSES]
    if q.open_only:
        where.append(Case.status.in_(open_values))
    if q.overdue:
        where.append(Case.next_review < _today(ctx))
        where.append(Case.status.in_(open_values))
    return where


def _signal_count() -> Any:
    return (
        select(func.count())
        .select_from(Signal)
        .where(Signal.case_id == Case.id)
        .correlate(Case)
        .scalar_subquery()
    )


def _case_select(
    ctx: ServiceContext, q: CaseQuery, person_cases: Sequence[str] = ()
) -> Select[tuple[str]]:
    sort = _sort_choice(CaseSort, q.sort)
    stmt = select(Case.id).where(*_case_filters(ctx, q, person_cases))
    keys: list[Any]
    if sort is CaseSort.CREATED:
        keys = [Case.created_at]
    elif sort is CaseSort.REFERENCE:
        keys = []
    elif sort is CaseSort.ADDRESS:
        if access.is_pseudonymised(ctx):
            keys = [Case.postcode]
        else:
            keys = [func.coalesce(Case.street, ""), Case.house_number, Case.addition]
    elif sort is CaseSort.AREA:
        stmt = stmt.outerjoin(FocusArea, FocusArea.id == Case.focus_area_id)
        keys = [func.coalesce(FocusArea.name, "")]
    elif sort is CaseSort.STATUS:
        keys = [_order_case(Case.status, [s.value for s in CaseStatus])]
    elif sort is CaseSort.RISK:
        keys = [_order_case(Case.risk_level, [r.value for r in RiskLevel])]
    elif sort is CaseSort.LEAD_PARTNER:
        stmt = stmt.outerjoin(Partner, Partner.id == Case.lead_partner_id)
        keys = [func.coalesce(Partner.name, "")]
    elif sort is CaseSort.NEXT_REVIEW:
        keys = [func.coalesce(Case.next_review, date(9999, 12, 31))]
    else:
        keys = [_signal_count()]
    keys.append(Case.reference)
    return stmt.order_by(*[k.desc() if q.descending else k.asc() for k in keys])


@retrying
def case_ids(ctx: ServiceContext, q: CaseQuery) -> list[str]:
    """All ids of the cases matching ``q`` that the user may see, in sort order."""
    _require_case_lists(ctx)
    with ctx.unit() as session:
        person_cases = _person_cases(ctx, session, q)
        stmt = _case_select(ctx, q, person_cases)
        ids = list(session.connection().execute(stmt).scalars())
        ctx.audit(session, "search" if q.text.strip() else "list", OBJ_CASE_LIST, None)
        return ids


@retrying
def count_cases(ctx: ServiceContext, q: CaseQuery) -> int:
    _require_case_lists(ctx)
    with ctx.unit() as session:
        person_cases = _person_cases(ctx, session, q)
        stmt = select(func.count()).select_from(Case).where(
            *_case_filters(ctx, q, person_cases)
        )
        return int(session.execute(stmt).scalar_one())


@retrying
def case_rows(ctx: ServiceContext, ids: Sequence[str]) -> list[CaseRow]:
    """Display rows for the given case ids, in the same order (out-of-scope ids left out)."""
    _require_case_lists(ctx)
    pseudonymised = access.is_pseudonymised(ctx)
    today = _today(ctx)
    found: dict[str, CaseRow] = {}
    with ctx.unit() as session:
        scope = access.case_scope(ctx)
        for chunk in _chunks(ids):
            found.update(_case_rows(session, chunk, scope, pseudonymised, today))
    return [found[i] for i in ids if i in found]


def _case_rows(
    session: Session,
    chunk: list[str],
    scope: ColumnElement[bool],
    pseudonymised: bool,
    today: date,
) -> dict[str, CaseRow]:
    counts = dict(
        session.execute(
            select(Signal.case_id, func.count())
            .where(Signal.case_id.in_(chunk))
            .group_by(Signal.case_id)
        )
        .tuples()
        .all()
    )
    rows = session.execute(
        select(Case, FocusArea.name, Municipality.name, Partner.name)
        .outerjoin(FocusArea, FocusArea.id == Case.focus_area_id)
        .outerjoin(Municipality, Municipality.id == Case.municipality_id)
        .outerjoin(Partner, Partner.id == Case.lead_partner_id)
        .where(Case.id.in_(chunk), scope)
    ).tuples()
    result: dict[str, CaseRow] = {}
    open_values = {s.value for s in OPEN_CASE_STATUSES}
    for row, area, municipality, lead in rows:
        municipality_name = municipality or UNKNOWN_MUNICIPALITY
        if pseudonymised:
            address = f"{row.postcode[:4]} {municipality_name}"
        else:
            address = format_address(
                row.street, row.house_number, row.addition, row.postcode, row.city
            )
        result[row.id] = CaseRow(
            case_id=row.id,
            reference=row.reference,
            address=address,
            focus_area=area,
            municipality=municipality_name,
            status=CaseStatus(row.status),
            risk_level=RiskLevel(row.risk_level),
            lead_partner=lead,
            next_review=row.next_review,
            review_overdue=(
                row.next_review is not None
                and row.next_review < today
                and row.status in open_values
            ),
            created_at=utc_to_local(row.created_at),
            signal_count=int(counts.get(row.id, 0)),
            pseudonymised=pseudonymised,
        )
    return result


# --------------------------------------------------------------------------- live updates
# For services/live.py: a list's order and rows inside the caller's unit.


def require_signal_lists(ctx: ServiceContext) -> None:
    _require_lists(ctx)


def require_case_lists(ctx: ServiceContext) -> None:
    _require_case_lists(ctx)


def signal_order(ctx: ServiceContext, session: Session, q: SignalQuery) -> list[str]:
    """The ids of the signal list of ``q`` in order (not logged: the caller's list was)."""
    return _signal_id_list(ctx, session, q)


def signal_rows_in(ctx: ServiceContext, session: Session, ids: Sequence[str]) -> list[SignalRow]:
    return _signal_rows(ctx, session, ids)


def case_order(ctx: ServiceContext, session: Session, q: CaseQuery) -> list[str]:
    stmt = _case_select(ctx, q, _person_cases(ctx, session, q))
    return list(session.connection().execute(stmt).scalars())


def case_rows_in(ctx: ServiceContext, session: Session, ids: Sequence[str]) -> list[CaseRow]:
    found = _case_rows(
        session, list(ids), access.case_scope(ctx), access.is_pseudonymised(ctx), _today(ctx)
    )
    return [found[i] for i in ids if i in found]
