"""Lists that stay current on a centre: which changes a user may hear of, and the rows of
changed records under a list's own filter.

The centre's change feed (``storage/postgres/feed.py``) names changed records by type and
id only. ``visible_changes`` keeps the entries whose record the acting user may know
exists, by the same scopes ``access`` gives the lists and the case view; a record that is
gone is known only through its case. A window that hears of a change asks
``signal_update`` / ``case_update`` for the rows of those ids under the list's current
query: the rows that belong in it now (with their place in the list) and the ids that no
longer do. Like a page of rows fetched for a list whose view was logged, those rows are
not logged again; the list's view was, when it was opened.

The short lists (a week of home visits, a month of meetings, the escalations) are whole
in the window and sorted there: ``visit_update``, ``meeting_update`` and
``escalation_update`` answer with the rows of the changed ids under the page's filter
(the list's own query, its scope and its audit entry, as when the page loads it) and the
ids that are not in it (any more); the window puts each row in its place.

The open meeting's detail follows its own changes and those of its agenda items. The feed
names an agenda item by its case, not its meeting, so an item the window does not show
yet (added elsewhere) is asked about: ``open_meeting_update`` answers the meeting's detail
when one of those items is on it now (audited as opening the meeting), else nothing (and
nothing is logged: nothing was shown).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from sociaalveilig.core.enums import EscalationStatus, MeetingType, Role
from sociaalveilig.services import (
    access,
    escalations,
    meeting_agenda,
    meeting_planning,
    search,
    visits,
)
from sociaalveilig.services.actions import require_role, work_unit
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.escalations import EscalationRow
from sociaalveilig.services.meeting_agenda import MeetingDetail
from sociaalveilig.services.meeting_planning import MeetingInfo
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.search import CaseQuery, CaseRow, SignalQuery, SignalRow
from sociaalveilig.services.visits import VisitRow
from sociaalveilig.storage.models import (
    Action,
    AgendaItem,
    Case,
    Meeting,
    Signal,
    Visit,
)

MAX_IDS = 500
"""The most ids one update asks for (a batch of the feed is at most this)."""


@dataclass(frozen=True)
class FeedChange:
    """One entry of the change feed: which record changed, never what."""

    seq: int
    object_type: str
    object_id: str
    case_id: str | None = None


@dataclass(frozen=True)
class ChangeBatch:
    """What a desk hears from the feed: the changes after its last ``seq`` that it may
    know of, the ``seq`` to ask after next, and ``reload`` when it fell so far behind that
    entries were pruned (then it reloads what it shows, once)."""

    changes: tuple[FeedChange, ...]
    seq: int
    reload: bool = False


@dataclass(frozen=True)
class SignalUpdate:
    rows: tuple[SignalRow, ...]
    positions: tuple[int, ...]
    """Each row's place in the list now (the same order as ``rows``)."""
    gone: tuple[str, ...]


@dataclass(frozen=True)
class CaseUpdate:
    rows: tuple[CaseRow, ...]
    positions: tuple[int, ...]
    gone: tuple[str, ...]


@dataclass(frozen=True)
class VisitUpdate:
    rows: tuple[VisitRow, ...]
    """The changed visits in the week now, in time order."""
    gone: tuple[str, ...]


@dataclass(frozen=True)
class MeetingUpdate:
    rows: tuple[MeetingInfo, ...]
    gone: tuple[str, ...]


@dataclass(frozen=True)
class EscalationUpdate:
    rows: tuple[EscalationRow, ...]
    gone: tuple[str, ...]


def _gone(wanted: Sequence[str], shown: Iterable[str]) -> tuple[str, ...]:
    present = set(shown)
    return tuple(i for i in wanted if i not in present)


def _scoped_ids(
    session: Session, column: InstrumentedAttribute[str], scope: ColumnElement[bool],
    ids: set[str],
) -> set[str]:
    if not ids:
        return set()
    found = session.execute(select(column).where(column.in_(sorted(ids)), scope)).scalars()
    return {str(i) for i in found}


def visible_changes(
    ctx: ServiceContext, session: Session, changes: Iterable[FeedChange]
) -> list[FeedChange]:
    """The ``changes`` whose record the acting user may know exists, in order. Runs in
    the caller's unit (the server's feed endpoint): it is not a service call of its own."""
    entries = list(changes)
    if ctx.actor.role is Role.BEHEERDER:
        return []  # a beheerder sees no case work and no lists of it
    by_type: dict[str, set[str]] = {}
    for entry in entries:
        by_type.setdefault(entry.object_type, set()).add(entry.object_id)
    case_ids = {e.case_id for e in entries if e.case_id} | by_type.get("case", set())
    known = {
        "signal": _scoped_ids(session, Signal.id, access.signal_scope(ctx),
                              by_type.get("signal", set())),
        "case": _scoped_ids(session, Case.id, access.case_scope(ctx), case_ids),
        "action": _scoped_ids(session, Action.id, access.action_scope(ctx),
                              by_type.get("action", set())),
        "visit": _scoped_ids(session, Visit.id, access.visit_scope(ctx),
                             by_type.get("visit", set())),
        "meeting": _scoped_ids(session, Meeting.id, access.meeting_scope(ctx),
                               by_type.get("meeting", set())),
    }
    agenda = by_type.get("agenda_item", set())
    if agenda:
        meetings = _scoped_ids(
            session, AgendaItem.id,
            AgendaItem.meeting_id.in_(select(Meeting.id).where(access.meeting_scope(ctx))),
            agenda,
        )
        known["agenda_item"] = meetings
    visible: list[FeedChange] = []
    for entry in entries:
        own = known.get(entry.object_type)
        if own is not None and entry.object_id in own:
            visible.append(entry)
        elif (
            entry.object_type in ("escalation", "agenda_item")
            and entry.case_id in known["case"]
        ):
            visible.append(entry)  # part of a case: heard of by who may open the case
    return visible


def _positions(order: Sequence[str], ids: Sequence[str]) -> tuple[int, ...]:
    place = {key: index for index, key in enumerate(order)}
    return tuple(place[i] for i in ids)


@retrying
def signal_update(ctx: ServiceContext, q: SignalQuery, ids: Sequence[str]) -> SignalUpdate:
    """The rows of ``ids`` that are in the signal list of ``q`` now, with their places,
    and the ids that are not (filtered out, out of scope, or removed). The id order is
    worked out on the server; only the asked rows travel."""
    search.require_signal_lists(ctx)
    wanted = list(dict.fromkeys(ids))[:MAX_IDS]
    with ctx.read_unit() as session:
        order = search.signal_order(ctx, session, q)
        member = set(order)
        present = [i for i in wanted if i in member]
        rows = search.signal_rows_in(ctx, session, present)
    shown = [row.signal_id for row in rows]
    gone = tuple(i for i in wanted if i not in set(shown))
    return SignalUpdate(tuple(rows), _positions(order, shown), gone)


@retrying
def case_update(ctx: ServiceContext, q: CaseQuery, ids: Sequence[str]) -> CaseUpdate:
    """As ``signal_update``, for the case list of ``q``."""
    search.require_case_lists(ctx)
    wanted = list(dict.fromkeys(ids))[:MAX_IDS]
    with ctx.read_unit() as session:
        order = search.case_order(ctx, session, q)
        member = set(order)
        present = [i for i in wanted if i in member]
        rows = search.case_rows_in(ctx, session, present)
    shown = [row.case_id for row in rows]
    gone = tuple(i for i in wanted if i not in set(shown))
    return CaseUpdate(tuple(rows), _positions(order, shown), gone)


@retrying
def visit_update(ctx: ServiceContext, monday: date, ids: Sequence[str]) -> VisitUpdate:
    """The visits of ``ids`` that are in the week plan of ``monday`` now (its own query,
    scope and audit: ``visits.week_plan``), and the ids that are not."""
    wanted = list(dict.fromkeys(ids))[:MAX_IDS]
    rows = visits.week_plan(ctx, monday, only=wanted)
    return VisitUpdate(tuple(rows), _gone(wanted, (r.visit_id for r in rows)))


@retrying
def meeting_update(
    ctx: ServiceContext,
    from_date: date,
    to_date: date,
    area: str | None,
    meeting_type: MeetingType | str | None,
    ids: Sequence[str],
) -> MeetingUpdate:
    """As ``visit_update``, for the meetings list of these dates and filters
    (``meeting_planning.list_meetings``)."""
    wanted = list(dict.fromkeys(ids))[:MAX_IDS]
    rows = meeting_planning.list_meetings(
        ctx, from_date, to_date, area, meeting_type, only=wanted
    )
    return MeetingUpdate(tuple(rows), _gone(wanted, (r.meeting_id for r in rows)))


@retrying
def escalation_update(
    ctx: ServiceContext,
    status: EscalationStatus | str | None,
    open_only: bool,
    ids: Sequence[str],
) -> EscalationUpdate:
    """As ``visit_update``, for the escalation list of this filter
    (``escalations.list_escalations``)."""
    wanted = list(dict.fromkeys(ids))[:MAX_IDS]
    rows = escalations.list_escalations(ctx, status=status, open_only=open_only, only=wanted)
    return EscalationUpdate(tuple(rows), _gone(wanted, (r.escalation_id for r in rows)))


@retrying
def open_meeting_update(
    ctx: ServiceContext, meeting_id: str, item_ids: Sequence[str]
) -> MeetingDetail | None:
    """The detail of the open meeting ``meeting_id`` (``meeting_agenda.get_meeting``: its
    need-to-know, a partner's own copy, its audit entry) when one of the agenda items
    ``item_ids`` is on it now, else None. The window asks this for the agenda items the
    feed named that it does not show: one may have been added to its meeting elsewhere.
    A meeting the user may not read is refused as when opening it, whatever the items."""
    require_role(ctx, *meeting_planning.READERS)
    wanted = list(dict.fromkeys(item_ids))[:MAX_IDS]
    with work_unit(ctx) as session:  # a refusal is logged, as when opening the meeting
        meeting = meeting_planning.load_meeting(session, meeting_id)
        meeting_planning.check_reader(session, ctx, meeting)
        concerned = bool(wanted) and session.execute(
            select(AgendaItem.id)
            .where(AgendaItem.meeting_id == meeting.id, AgendaItem.id.in_(wanted))
            .limit(1)
        ).first() is not None
    if not concerned:
        return None
    return meeting_agenda.get_meeting(ctx, meeting_id)
