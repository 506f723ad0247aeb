"""Every service that lists or reads visits, actions, meetings, reminders, calendar items,
signals and cases gives, for every role, exactly the records the access module answers.

One seeded store with records in two focus areas and of two partner organisations; each
role walks the services, and each result is compared (by id) with the matching scope of
``services/access.py``. A service that filters on its own (the wijkagent with a partner
organisation whose reminders and calendar showed only that organisation's visits, while
the visit list showed the visits of his areas) fails here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import ColumnElement, select

from sociaalveilig.core.enums import ActionStatus, Role
from sociaalveilig.core.errors import AccessDenied, NotFound
from sociaalveilig.services import (
    access,
    actions,
    calendar_export,
    case_work,
    exports,
    meeting_agenda,
    meeting_planning,
    reminder_sources,
    search,
    visits,
    worklist,
)
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage.models import (
    Action,
    AgendaItem,
    Case,
    FocusArea,
    Meeting,
    MeetingPartner,
    Signal,
    Visit,
)
from tests.services.seed_casework import make_signal
from tests.services.test_reminders import (
    HEERLEN,
    KERKRADE,
    add_action,
    add_case,
    add_escalation,
    add_meeting,
    add_visit,
    partner_id,
)

POLICE = "Politie Limburg"
HOUSING = "Woningcorporatie"
CARE = "Zorg en hulpverlening"
MONDAY = date(2026, 4, 13)  # the clock stands on Wednesday 15 April 2026, 10:00


@dataclass(frozen=True)
class Seed:
    cases: tuple[str, ...]
    visits: tuple[str, ...]
    actions: tuple[str, ...]
    meetings: tuple[str, ...]


def _seed(ctx: ServiceContext) -> Seed:
    heerlen, _ = add_case(ctx, area=HEERLEN, lead_partner=HOUSING, next_review=MONDAY)
    kerkrade, _ = add_case(ctx, area=KERKRADE, next_review=MONDAY)
    other, _ = add_case(ctx, area=KERKRADE, lead_partner=CARE, next_review=MONDAY)
    day = datetime(2026, 4, 16, 9, 0)
    visit_ids = (
        add_visit(ctx, heerlen, day, partners=(HOUSING,)),
        add_visit(ctx, heerlen, day + timedelta(hours=2), partners=(CARE,)),
        # A Kerkrade visit the police goes along to: outside a Heerlen officer's areas.
        add_visit(ctx, kerkrade, day + timedelta(hours=4), partners=(POLICE, CARE)),
        add_visit(ctx, other, day + timedelta(days=1), partners=(HOUSING, POLICE)),
        add_visit(ctx, other, day + timedelta(days=1, hours=2), partners=(CARE,)),
        # Without a case (a visit planned from a buurtschouw, say).
        add_visit(ctx, None, day + timedelta(days=1, hours=4), partners=(POLICE,)),
    )
    action_ids = (
        add_action(ctx, heerlen, date(2026, 4, 10), owner=HOUSING)[0],
        add_action(ctx, heerlen, date(2026, 4, 16), owner=POLICE)[0],
        add_action(ctx, kerkrade, date(2026, 4, 17), owner=HOUSING)[0],
        add_action(ctx, other, date(2026, 4, 14), owner=CARE)[0],
        add_action(ctx, other, date(2026, 4, 9), owner=POLICE, status=ActionStatus.AFGEROND)[0],
    )
    for case_id in (heerlen, kerkrade, other):
        add_escalation(ctx, case_id, datetime(2026, 3, 1, 9, 0))
        make_signal(ctx, case_id=case_id, area=None)
    make_signal(ctx, area=KERKRADE)
    make_signal(ctx, area="Nuth")
    meeting_ids = (
        add_meeting(ctx, datetime(2026, 4, 20, 10, 0), area=HEERLEN),
        add_meeting(ctx, datetime(2026, 4, 21, 10, 0), area=KERKRADE),
        add_meeting(ctx, datetime(2026, 4, 22, 10, 0), area=KERKRADE),
    )
    with ctx.unit() as session:
        session.add(MeetingPartner(meeting_id=meeting_ids[0], partner_id=partner_id(ctx, HOUSING)))
        session.add(MeetingPartner(meeting_id=meeting_ids[1], partner_id=partner_id(ctx, HOUSING)))
        session.add(MeetingPartner(meeting_id=meeting_ids[2], partner_id=partner_id(ctx, CARE)))
        # The Kerkrade case on the agenda of a meeting the housing corporation attends.
        session.add(
            AgendaItem(meeting_id=meeting_ids[1], case_id=kerkrade, position=1, reason="added")
        )
    return Seed((heerlen, kerkrade, other), visit_ids, action_ids, meeting_ids)


def _ids(
    ctx: ServiceContext, column: ColumnElement[str], where: list[ColumnElement[bool]]
) -> set[str]:
    with ctx.unit() as session:
        return set(session.execute(select(column).where(*where)).scalars())


def _calendar_uids(path: Path) -> set[str]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event["UID"]) for event in calendar.walk("VEVENT")}


def _refused(call: Callable[[], object]) -> bool:
    """Refused, or (another organisation's action, visit or meeting) answered as missing."""
    try:
        call()
    except AccessDenied:
        return True
    except NotFound as exc:
        if "niet gevonden" not in exc.message and "bestaat niet" not in exc.message:
            raise
        return True
    return False


ROLES: dict[str, dict[str, object]] = {
    "coordinator": {"role": Role.COORDINATOR},
    "wijkagent": {"role": Role.WIJKAGENT, "areas": [HEERLEN]},
    "wijkagent_politie": {"role": Role.WIJKAGENT, "areas": [HEERLEN], "partner": POLICE},
    "wijkagent_zonder_gebied": {"role": Role.WIJKAGENT, "partner": POLICE},
    "partner": {"role": Role.PARTNER, "partner": HOUSING},
    "manager": {"role": Role.MANAGER},
    "beheerder": {"role": Role.BEHEERDER},
}


def _check_visits(ctx: ServiceContext, who: str, seed: Seed, works: bool) -> set[str]:
    """The visit lists; returns the visits the access module lets ``ctx`` see."""
    visit_scope = _ids(ctx, Visit.id, [access.visit_scope(ctx)])
    planned = visit_scope & set(seed.visits)
    if who == "wijkagent_politie":
        # the settled rule: the cases of his areas plus his organisation's visits
        assert planned == {
            seed.visits[0],
            seed.visits[1],
            seed.visits[2],
            seed.visits[3],
            seed.visits[5],
        }
    if not works:
        assert visit_scope == set()
        assert _refused(lambda: visits.week_plan(ctx, MONDAY))
        return planned
    week = {row.visit_id for row in visits.week_plan(ctx, MONDAY)}
    assert week == planned, "week planner"
    for visit_id in seed.visits:
        allowed = not _refused(lambda v=visit_id: visits.get_visit(ctx, v))
        assert allowed == (visit_id in planned), "visit opened by id"
    mine = {row.visit_id for row in visits.visits_for_user(ctx)}
    own = (
        _ids(ctx, Visit.id, [access.own_organisation_visits(ctx.actor.partner_id)])
        if ctx.actor.partner_id
        else planned
    )
    assert mine == planned & own, "visits for user"
    with_case = _ids(ctx, Visit.id, [Visit.case_id.is_not(None), Visit.id.in_(planned)])
    work = worklist.due_this_week(ctx, user_scope=False)
    work_visits = {i.object_id for i in work if i.kind is worklist.WorkKind.VISIT}
    assert work_visits == with_case, "worklist visits"
    for case_id in _ids(ctx, Case.id, [access.case_scope(ctx)]):
        shown = {row.visit_id for row in case_work.case_work(ctx, case_id).visits}
        assert shown == planned & _ids(ctx, Visit.id, [Visit.case_id == case_id]), "case"
    return planned


def _check_reminders(ctx: ServiceContext, planned: set[str]) -> None:
    now = ctx.clock.now()
    with ctx.unit() as session:
        found = reminder_sources.candidates(session, ctx, now, now + timedelta(days=30))
    by_type: dict[str, set[str]] = {}
    for item in found:
        by_type.setdefault(item.kind.object_type, set()).add(item.object_id)
    assert by_type.get("visit", set()) == planned, "visit reminders"
    assert by_type.get("action", set()) == _open_action_scope(ctx), "action reminders"
    case_work_scope = _ids(ctx, Case.id, [access.case_work_scope(ctx)])
    assert by_type.get("case", set()) == case_work_scope, "review reminders"
    agenda_scope = _ids(ctx, Meeting.id, [access.agenda_reminder_scope(ctx)])
    assert by_type.get("meeting", set()) == agenda_scope, "agenda reminders"


def _open_action_scope(ctx: ServiceContext) -> set[str]:
    open_actions = [Action.status.in_([s.value for s in ActionStatus if s.is_open])]
    return _ids(ctx, Action.id, [access.action_scope(ctx), *open_actions])


def _check_calendar(
    ctx: ServiceContext, seed: Seed, planned: set[str], works: bool, tmp_path: Path
) -> None:
    meeting_scope = _ids(ctx, Meeting.id, [access.meeting_scope(ctx)])
    out = tmp_path / "agenda.ics"
    if not works:
        assert _refused(lambda: calendar_export.export_calendar(ctx, out))
        return
    calendar_export.export_calendar(ctx, out)
    expected = {calendar_export.event_uid("visit", v) for v in planned} | {
        calendar_export.event_uid("meeting", m) for m in meeting_scope
    }
    assert _calendar_uids(out) == expected, "calendar"
    for visit_id in seed.visits:
        allowed = not _refused(
            lambda v=visit_id: calendar_export.export_visit(ctx, v, tmp_path / "v.ics")
        )
        assert allowed == (visit_id in planned), "calendar: one visit"
    for meeting_id in seed.meetings:
        allowed = not _refused(
            lambda m=meeting_id: calendar_export.export_meeting(ctx, m, tmp_path / "m.ics")
        )
        assert allowed == (meeting_id in meeting_scope), "calendar: one meeting"


def _check_actions(ctx: ServiceContext, works: bool) -> None:
    action_scope = _open_action_scope(ctx)
    if not works:
        assert action_scope == set()
        assert _refused(lambda: actions.list_actions(ctx))
        return
    listed = {row.action_id for row in actions.list_actions(ctx, open_only=False)}
    assert listed == _ids(ctx, Action.id, [access.action_scope(ctx)]), "action list"
    work = worklist.overdue(ctx, user_scope=False) + worklist.due_this_week(ctx, user_scope=False)
    assert {i.object_id for i in work if i.kind is worklist.WorkKind.ACTION} == action_scope
    case_work_scope = _ids(ctx, Case.id, [access.case_work_scope(ctx)])
    reviews = {i.object_id for i in work if i.kind is worklist.WorkKind.REVIEW}
    assert reviews == case_work_scope, "worklist reviews"
    for action_id in action_scope:
        assert actions.get_action(ctx, action_id).action_id == action_id


def _check_meetings(ctx: ServiceContext, seed: Seed, works: bool) -> None:
    meeting_scope = _ids(ctx, Meeting.id, [access.meeting_scope(ctx)])
    if not works:
        assert meeting_scope == set()
        assert _refused(lambda: meeting_planning.list_meetings(ctx, MONDAY, date(2026, 5, 1)))
        return
    listed = {m.meeting_id for m in meeting_planning.list_meetings(ctx, MONDAY, date(2026, 5, 1))}
    assert listed == meeting_scope, "meeting list"
    for meeting_id in seed.meetings:
        allowed = not _refused(lambda m=meeting_id: meeting_agenda.get_meeting(ctx, m))
        assert allowed == (meeting_id in meeting_scope), "meeting detail"


def _check_lists(ctx: ServiceContext) -> None:
    if ctx.actor.role in (Role.COORDINATOR, Role.WIJKAGENT, Role.PARTNER):
        signal_scope = _ids(ctx, Signal.id, [access.signal_scope(ctx)])
        assert set(search.signal_ids(ctx, search.SignalQuery())) == signal_scope, "signals"
    if ctx.actor.role is not Role.BEHEERDER:
        case_scope = _ids(ctx, Case.id, [access.case_scope(ctx)])
        assert set(search.case_ids(ctx, search.CaseQuery())) == case_scope, "case list"


@pytest.mark.parametrize("who", list(ROLES))
def test_every_service_shows_what_the_access_module_answers(
    who: str,
    coordinator_ctx: ServiceContext,
    make_actor: Callable[..., ServiceContext],
    tmp_path: Path,
) -> None:
    seed = _seed(coordinator_ctx)
    ctx = make_actor(**ROLES[who])
    works = ctx.actor.role in (Role.COORDINATOR, Role.WIJKAGENT, Role.PARTNER)
    planned = _check_visits(ctx, who, seed, works)
    _check_reminders(ctx, planned)
    _check_calendar(ctx, seed, planned, works, tmp_path)
    _check_actions(ctx, works)
    _check_meetings(ctx, seed, works)
    _check_lists(ctx)


# A filter narrows the user's list; it never widens it past the access module's scope.
FILTERS: dict[str, tuple[search.SignalQuery, list[ColumnElement[bool]]]] = {
    "gebied Kerkrade": (search.SignalQuery(area_ids=("kerkrade",)), []),
    "zonder casus": (search.SignalQuery(without_case=True), [Signal.case_id.is_(None)]),
    "tekst": (search.SignalQuery(text="Fictiefstraat"), [Signal.street == "Fictiefstraat"]),
    "bron politie": (search.SignalQuery(sources=("politie",)), [Signal.source == "politie"]),
}


def _csv_column(text: str, column: str) -> set[str]:
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    return {row[column] for row in rows}


@pytest.mark.parametrize("who", list(ROLES))
def test_exports_and_filtered_lists_stay_within_the_access_module(
    who: str, coordinator_ctx: ServiceContext, make_actor: Callable[..., ServiceContext]
) -> None:
    _seed(coordinator_ctx)
    ctx = make_actor(**ROLES[who])
    signal_scope = _ids(ctx, Signal.reference, [access.signal_scope(ctx)])
    case_scope = _ids(ctx, Case.reference, [access.case_scope(ctx)])
    if ctx.actor.role not in exports.EXPORT_ROLES:
        assert _refused(lambda: exports.export_signals(ctx))
        assert _refused(lambda: exports.export_cases(ctx))
    else:
        text, count = exports.export_signals(ctx)
        assert _csv_column(text, "id") == signal_scope, "signal export"
        assert count == len(signal_scope)
        text, count = exports.export_cases(ctx)
        assert _csv_column(text, "id") == case_scope, "case export"
        assert count == len(case_scope)
    if ctx.actor.role not in (Role.COORDINATOR, Role.WIJKAGENT, Role.PARTNER):
        return
    kerkrade = _ids(ctx, FocusArea.id, [FocusArea.name == KERKRADE])
    for name, (query, where) in FILTERS.items():
        if query.area_ids:
            query = replace(query, area_ids=tuple(kerkrade))
            where = [Signal.focus_area_id.in_(kerkrade)]
        expected = _ids(ctx, Signal.id, [access.signal_scope(ctx), *where])
        if who == "coordinator":
            assert expected, f"the seed gives the filter '{name}' something to find"
        assert set(search.signal_ids(ctx, query)) == expected, name
