"""Calendar export (.ics): parses with the icalendar library, Outlook's required parts,
stable UIDs, and no resident data. Clock: Wednesday 15 April 2026, 10:00."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from sqlalchemy import select

from sociaalveilig.core.enums import ActionType, MeetingType, Role, VisitStatus
from sociaalveilig.core.errors import AccessDenied, NotFound, ValidationError
from sociaalveilig.services import calendar_export
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage.models import AuditEntry, Visit
from tests.services.test_reminders import (
    CONCERN,
    HEERLEN,
    KERKRADE,
    RESIDENT_NAME,
    RESIDENT_STREET,
    add_action,
    add_case,
    add_meeting,
    add_visit,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _parse(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def _events(calendar: Calendar) -> dict[str, object]:
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def _audit(ctx: ServiceContext) -> list[tuple[str, str | None, str | None, str]]:
    with ctx.unit() as session:
        return [
            (e.action, e.object_type, e.object_id, e.outcome)
            for e in session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()
        ]


def _assert_no_resident_data(raw: bytes) -> None:
    text = raw.decode("utf-8")
    # Folded lines are unfolded first so a name cannot hide across a line break.
    unfolded = text.replace("\r\n ", "").replace("\r\n\t", "")
    for secret in (RESIDENT_NAME, "Quarkelbosch", RESIDENT_STREET, CONCERN, "6412"):
        assert secret not in unfolded


def test_user_calendar_holds_visits_and_meetings_without_resident_data(
    coordinator_ctx: ServiceContext, tmp_path: Path
) -> None:
    case_id, case_ref = add_case(coordinator_ctx)
    action_id, _ = add_action(coordinator_ctx, case_id, date(2026, 4, 30))
    joint = add_visit(
        coordinator_ctx,
        case_id,
        datetime(2026, 4, 16, 14, 0),
        partners=("Politie Limburg", "Woningcorporatie"),
        action_id=action_id,
    )
    summer = add_visit(coordinator_ctx, case_id, datetime(2026, 7, 1, 9, 30), minutes=45)
    cancelled = add_visit(
        coordinator_ctx, case_id, datetime(2026, 4, 20, 9, 0), status=VisitStatus.GEANNULEERD
    )
    meeting = add_meeting(coordinator_ctx, datetime(2026, 4, 21, 13, 30))
    old = add_meeting(coordinator_ctx, datetime(2025, 1, 10, 13, 30))  # outside the window

    out = tmp_path / "agenda.ics"
    result = calendar_export.export_calendar(coordinator_ctx, out)
    assert (result.events, result.visits, result.meetings) == (3, 2, 1)

    raw = out.read_bytes()
    _assert_no_resident_data(raw)
    calendar = _parse(out)
    assert str(calendar["prodid"]) == calendar_export.PRODID
    assert str(calendar["version"]) == "2.0"
    assert str(calendar["method"]) == "PUBLISH"
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    # The EU rules as yearly RRULEs, the way Outlook writes them itself.
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in raw.decode()
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in raw.decode()
    assert raw.count(b"\r\n") > 20  # CRLF line ends
    events = _events(calendar)
    assert set(events) == {
        calendar_export.event_uid("visit", joint),
        calendar_export.event_uid("visit", summer),
        calendar_export.event_uid("meeting", meeting),
    }
    assert calendar_export.event_uid("visit", cancelled) not in events
    assert calendar_export.event_uid("meeting", old) not in events

    visit = events[calendar_export.event_uid("visit", joint)]
    start = visit.decoded("dtstart")  # type: ignore[attr-defined]
    assert start == datetime(2026, 4, 16, 14, 0, tzinfo=AMSTERDAM)
    assert start.astimezone(UTC).hour == 12  # CEST: two hours ahead of UTC
    assert visit.decoded("dtend") == datetime(2026, 4, 16, 15, 0, tzinfo=AMSTERDAM)  # type: ignore[attr-defined]
    assert visit.decoded("dtstamp") == datetime(2026, 4, 15, 8, 0, tzinfo=UTC)  # type: ignore[attr-defined]
    summary = str(visit["summary"])  # type: ignore[index]
    assert case_ref in summary and HEERLEN in summary
    assert ActionType.GEZAMENLIJK_HUISBEZOEK.label in summary
    description = str(visit["description"])  # type: ignore[index]
    assert "Politie Limburg" in description and "Woningcorporatie" in description
    assert str(visit["location"]) == HEERLEN  # type: ignore[index]

    talk = events[calendar_export.event_uid("meeting", meeting)]
    assert MeetingType.AV.label in str(talk["summary"])  # type: ignore[index]
    assert str(talk["location"]) == "Centrum Hoensbroek, vergaderzaal 2"  # type: ignore[index]

    exported = [a for a in _audit(coordinator_ctx) if a[0] == "export"]
    assert ("export", "visit", joint, "ok") in exported
    assert ("export", "meeting", meeting, "ok") in exported
    assert len(exported) == 3


def test_uids_are_stable_and_sequence_follows_changes(
    coordinator_ctx: ServiceContext, tmp_path: Path
) -> None:
    case_id, _ = add_case(coordinator_ctx)
    visit_id = add_visit(coordinator_ctx, case_id, datetime(2026, 4, 16, 14, 0))
    first = tmp_path / "een.ics"
    calendar_export.export_visit(coordinator_ctx, visit_id, first)
    with coordinator_ctx.unit() as session:
        visit = session.get(Visit, visit_id)
        assert visit is not None
        visit.planned_start = datetime(2026, 4, 17, 9, 0)
        visit.planned_end = datetime(2026, 4, 17, 10, 0)
    second = tmp_path / "twee.ics"
    calendar_export.export_visit(coordinator_ctx, visit_id, second)

    one = next(iter(_parse(first).walk("VEVENT")))
    two = next(iter(_parse(second).walk("VEVENT")))
    assert str(one["uid"]) == str(two["uid"]) == f"visit-{visit_id}@sociaalveilig.parkstad"
    assert int(two["sequence"]) == int(one["sequence"]) + 1
    assert two.decoded("dtstart") == datetime(2026, 4, 17, 9, 0, tzinfo=AMSTERDAM)
    _assert_no_resident_data(second.read_bytes())


def test_single_meeting_and_a_winter_time(coordinator_ctx: ServiceContext, tmp_path: Path) -> None:
    meeting = add_meeting(
        coordinator_ctx, datetime(2026, 12, 3, 13, 30), meeting_type=MeetingType.FL
    )
    out = tmp_path / "overleg.ics"
    result = calendar_export.export_meeting(coordinator_ctx, meeting, out)
    assert result.meetings == 1
    event = next(iter(_parse(out).walk("VEVENT")))
    start = event.decoded("dtstart")
    assert start.astimezone(UTC) == datetime(2026, 12, 3, 12, 30, tzinfo=UTC)  # CET: one hour
    assert MeetingType.FL.label in str(event["summary"])
    assert str(event["status"]) == "CONFIRMED"


def test_need_to_know_and_bad_input(
    coordinator_ctx: ServiceContext,
    make_actor,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    heerlen_case, _ = add_case(coordinator_ctx, area=HEERLEN)
    kerkrade_case, _ = add_case(coordinator_ctx, area=KERKRADE)
    police_visit = add_visit(coordinator_ctx, heerlen_case, datetime(2026, 4, 16, 14, 0))
    care_visit = add_visit(
        coordinator_ctx,
        kerkrade_case,
        datetime(2026, 4, 17, 14, 0),
        partners=("Zorg en hulpverlening",),
    )
    kerkrade_meeting = add_meeting(coordinator_ctx, datetime(2026, 4, 22, 10, 0), area=KERKRADE)

    officer = make_actor(Role.WIJKAGENT, areas=[HEERLEN])
    out = tmp_path / "wijkagent.ics"
    result = calendar_export.export_calendar(officer, out)
    assert (result.visits, result.meetings) == (1, 0)
    assert set(_events(_parse(out))) == {calendar_export.event_uid("visit", police_visit)}
    with pytest.raises(AccessDenied):
        calendar_export.export_visit(officer, care_visit, tmp_path / "x.ics")
    with pytest.raises(AccessDenied):
        calendar_export.export_meeting(officer, kerkrade_meeting, tmp_path / "y.ics")
    assert not (tmp_path / "x.ics").exists() and not (tmp_path / "y.ics").exists()
    assert ("export", "visit", care_visit, "denied") in _audit(coordinator_ctx)

    care = make_actor(Role.PARTNER, partner="Zorg en hulpverlening")
    mine = tmp_path / "zorg.ics"
    assert calendar_export.export_calendar(care, mine).visits == 1
    assert set(_events(_parse(mine))) == {calendar_export.event_uid("visit", care_visit)}

    with pytest.raises(AccessDenied):
        calendar_export.export_calendar(make_actor(Role.MANAGER), tmp_path / "m.ics")
    with pytest.raises(NotFound):
        calendar_export.export_visit(coordinator_ctx, "0" * 32, tmp_path / "n.ics")
    with pytest.raises(ValidationError) as backwards:
        calendar_export.export_calendar(
            coordinator_ctx, tmp_path / "p.ics", date(2026, 5, 1), date(2026, 4, 1)
        )
    assert backwards.value.field == "end"
    with pytest.raises(ValidationError) as missing:
        calendar_export.export_calendar(coordinator_ctx, tmp_path / "geen-map" / "a.ics")
    assert "bestaat niet" in missing.value.message
    assert ("export", "calendar", None, "failed") in _audit(coordinator_ctx)


def test_empty_calendar_is_still_valid(coordinator_ctx: ServiceContext, tmp_path: Path) -> None:
    out = tmp_path / "leeg.ics"
    assert calendar_export.export_calendar(coordinator_ctx, out).events == 0
    calendar = _parse(out)
    assert str(calendar["method"]) == "PUBLISH"
    assert list(calendar.walk("VEVENT")) == []
    assert calendar_export.default_filename("agenda", date(2026, 4, 15)) == (
        "sociaalveilig-agenda-2026-04-15.ics"
    )
