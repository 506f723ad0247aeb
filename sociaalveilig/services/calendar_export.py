"""Calendar export: home visits and meetings as iCalendar (.ics) for Outlook and others.

One file holds a user's visits and meetings, or one visit or meeting from its screen. The
file is built with the ``icalendar`` library: ``VCALENDAR`` with ``PRODID``, ``VERSION:2.0``
and ``METHOD:PUBLISH``; times in Europe/Amsterdam with its ``VTIMEZONE``; ``UID`` derived
from the record id, so importing the file again updates the same appointment, with
``SEQUENCE`` from the record's version counter and ``DTSTAMP`` from the clock.

An appointment leaves the encrypted store and lands in a mail server's calendar, so its
text carries only the case reference, the focus area and the kind of visit or meeting:
never a resident's name, a resident's address or the reason of concern (the free-text
purpose of a visit may hold exactly those, and is left out).

Each export is audit-logged (``export``, per visit and meeting); the file is written
atomically, so a failure never leaves half a calendar behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard
from sqlalchemy import select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import ActionType, MeetingType, Role, VisitStatus
from sociaalveilig.core.errors import AccessDenied, NotFound, SociaalVeiligError, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.services import access
from sociaalveilig.services.context import LOCAL_ZONE, ServiceContext
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.users import require_role
from sociaalveilig.storage import row_scope
from sociaalveilig.storage.files import atomic_output
from sociaalveilig.storage.models import (
    Action,
    Case,
    FocusArea,
    Meeting,
    Partner,
    Visit,
    VisitPartner,
)

PRODID = "-//Sociaal Veilig Parkstad//Agenda-export//NL"
UID_DOMAIN = "sociaalveilig.parkstad"
DEFAULT_DAYS_BACK = 30
DEFAULT_DAYS_AHEAD = 365
MAX_RANGE_DAYS = 3 * 366

_CALENDAR_ROLES = (Role.COORDINATOR, Role.WIJKAGENT, Role.PARTNER)
# Cancelled appointments are left out of a calendar; a single cancelled one is exported
# with STATUS:CANCELLED so a calendar that holds it can take it out.
_CANCELLED_MEETING = ("geannuleerd", "afgelast", "vervallen")


@dataclass(frozen=True)
class CalendarEvent:
    """One appointment, in plain values; ``start``/``end`` naive local time."""

    uid: str
    summary: str
    description: str
    location: str | None
    start: datetime
    end: datetime
    sequence: int
    cancelled: bool = False
    category: str | None = None


@dataclass(frozen=True)
class CalendarFile:
    """A calendar's .ics content, made where the data is (a desk's store, the centre)."""

    content: bytes
    events: int
    visits: int
    meetings: int


@dataclass(frozen=True)
class CalendarExport:
    path: Path
    events: int
    visits: int
    meetings: int


# --------------------------------------------------------------------------- pure part


def event_uid(kind: str, record_id: str) -> str:
    """Stable per record: re-importing updates the appointment instead of doubling it."""
    return f"{kind}-{record_id}@{UID_DOMAIN}"


def visit_event(
    visit_id: str,
    version: int,
    start: datetime,
    end: datetime,
    case_reference: str | None,
    area: str | None,
    purpose_type: str,
    partners: Sequence[str],
    cancelled: bool = False,
) -> CalendarEvent:
    """A home visit: kind, case reference, area and the partners going (organisations)."""
    where = area or tr("Parkstad")
    case_text = case_reference or tr("zonder casus")
    lines = [
        tr("Sociaal Veilig: {purpose}.").format(purpose=purpose_type),
        tr("Casus: {case}").format(case=case_text),
        tr("Focusgebied: {area}").format(area=where),
    ]
    if partners:
        lines.append(tr("Partners: {partners}").format(partners=", ".join(partners)))
    lines.append(tr("Adres en gegevens van betrokkenen: zie Sociaal Veilig."))
    return CalendarEvent(
        uid=event_uid("visit", visit_id),
        summary=f"{purpose_type} · {case_text} · {where}",
        description="\n".join(lines),
        location=where,
        start=start,
        end=end,
        sequence=max(version - 1, 0),
        cancelled=cancelled,
        category=tr("Huisbezoek"),
    )


def meeting_event(
    meeting_id: str,
    version: int,
    start: datetime,
    meeting_type: str,
    area: str | None,
    location: str | None,
    duration: timedelta = timedelta(hours=2),
    cancelled: bool = False,
) -> CalendarEvent:
    """A partner meeting: its type, area and venue (a meeting room, not a home)."""
    try:
        label = MeetingType(meeting_type).label
    except ValueError:
        label = tr("Overleg")
    where = area or tr("Parkstad")
    lines = [
        tr("{meeting} Sociaal Veilig.").format(meeting=label),
        tr("Focusgebied: {area}").format(area=where),
        tr("Agenda en stukken: zie Sociaal Veilig."),
    ]
    return CalendarEvent(
        uid=event_uid("meeting", meeting_id),
        summary=f"{label} · {where}",
        description="\n".join(lines),
        location=location,
        start=start,
        end=start + duration,
        sequence=max(version - 1, 0),
        cancelled=cancelled,
        category=tr("Overleg"),
    )


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=LOCAL_ZONE) if moment.tzinfo is None else moment


def amsterdam_timezone() -> Timezone:
    """VTIMEZONE for Europe/Amsterdam with the EU rules as yearly RRULEs (last Sunday of
    March and October), the form Outlook itself writes and reads most reliably."""
    zone = Timezone()
    zone.add("tzid", "Europe/Amsterdam")
    zone.add("x-lic-location", "Europe/Amsterdam")
    winter = TimezoneStandard()
    winter.add("dtstart", datetime(1970, 10, 25, 3, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    winter.add("tzoffsetfrom", timedelta(hours=2))
    winter.add("tzoffsetto", timedelta(hours=1))
    winter.add("tzname", "CET")
    summer = TimezoneDaylight()
    summer.add("dtstart", datetime(1970, 3, 29, 2, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    summer.add("tzoffsetfrom", timedelta(hours=1))
    summer.add("tzoffsetto", timedelta(hours=2))
    summer.add("tzname", "CEST")
    zone.add_component(winter)
    zone.add_component(summer)
    return zone


def build_calendar(events: Iterable[CalendarEvent], stamp: datetime, name: str) -> bytes:
    """The .ics bytes for ``events``; ``stamp`` (aware) becomes every DTSTAMP."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    stamp_utc = stamp.astimezone(UTC)
    items = sorted(events, key=lambda e: (e.start, e.uid))
    if items:
        calendar.add_component(amsterdam_timezone())
    for item in items:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp_utc)
        event.add("dtstart", _aware(item.start))
        event.add("dtend", _aware(item.end))
        event.add("summary", item.summary)
        event.add("description", item.description)
        if item.location:
            event.add("location", item.location)
        if item.category:
            event.add("categories", [item.category])
        event.add("sequence", item.sequence)
        event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
        event.add("transp", "OPAQUE")
        event.add("class", "CONFIDENTIAL")
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def default_filename(kind: str, day: date) -> str:
    """A file name that says what it is, e.g. ``sociaalveilig-agenda-2026-04-15.ics``."""
    return f"sociaalveilig-{kind}-{day.isoformat()}.ics"


@retrying
def _refuse(
    ctx: ServiceContext, object_type: str, object_id: str, missing: str | None = None
) -> AccessDenied | NotFound:
    """The refusal, logged. With ``missing``, the user hears what a missing record gives:
    another organisation's visit or meeting on a case the partner does not work on is not
    there for it, and guessing ids must not tell otherwise."""
    with ctx.unit() as session:
        ctx.audit(session, "export", object_type, object_id, outcome="denied")
    if missing is not None:
        return NotFound(missing)
    return AccessDenied(
        tr("U kunt deze afspraak niet exporteren: hij valt buiten uw casussen en overleggen.")
    )


# --------------------------------------------------------------------------- from the rows


def _purpose_types(session: Session, action_ids: set[str]) -> dict[str, str]:
    if not action_ids:
        return {}
    rows = session.execute(
        select(Action.id, Action.action_type).where(Action.id.in_(sorted(action_ids)))
    )
    result: dict[str, str] = {}
    for action_id, action_type in rows:
        try:
            result[action_id] = ActionType(action_type).label
        except ValueError:
            continue
    return result


def _visit_events(session: Session, visits: Sequence[Visit]) -> list[CalendarEvent]:
    if not visits:
        return []
    ids = [v.id for v in visits]
    case_rows = session.execute(
        select(Case.id, Case.reference, FocusArea.name)
        .outerjoin(FocusArea, FocusArea.id == Case.focus_area_id)
        .where(Case.id.in_(sorted({v.case_id for v in visits if v.case_id})))
    )
    cases = {case_id: (ref, area) for case_id, ref, area in case_rows}
    partners: dict[str, list[str]] = {}
    for visit_id, name in session.execute(
        select(VisitPartner.visit_id, Partner.name)
        .join(Partner, Partner.id == VisitPartner.partner_id)
        .where(VisitPartner.visit_id.in_(ids))
        .order_by(Partner.name)
    ):
        partners.setdefault(visit_id, []).append(name)
    purposes = _purpose_types(session, {v.action_id for v in visits if v.action_id})
    events = []
    for visit in visits:
        case_ref, area = cases.get(visit.case_id or "", (None, None))
        purpose = purposes.get(visit.action_id or "") or (
            ActionType.GEZAMENLIJK_HUISBEZOEK.label if visit.joint else tr("Huisbezoek")
        )
        events.append(
            visit_event(
                visit.id,
                visit.version,
                visit.planned_start,
                visit.planned_end,
                case_ref,
                area or visit.city,
                purpose,
                partners.get(visit.id, []),
                cancelled=visit.status == VisitStatus.GEANNULEERD.value,
            )
        )
    return events


def _meeting_events(session: Session, meetings: Sequence[Meeting]) -> list[CalendarEvent]:
    if not meetings:
        return []
    area_ids = sorted({m.focus_area_id for m in meetings})
    areas = {
        area_id: name
        for area_id, name in session.execute(
            select(FocusArea.id, FocusArea.name).where(FocusArea.id.in_(area_ids))
        )
    }
    return [
        meeting_event(
            m.id,
            m.version,
            m.starts_at,
            m.meeting_type,
            areas.get(m.focus_area_id),
            m.location,
            cancelled=m.status in _CANCELLED_MEETING,
        )
        for m in meetings
    ]


@retrying
def log_failed_export(ctx: ServiceContext, object_type: str, object_id: str | None) -> None:
    """An export that did not reach its file, in the audit log."""
    with ctx.unit() as session:
        ctx.audit(session, "export", object_type, object_id, outcome="failed")


# The content is made (and the export audited) where the data is: on the desk's own store,
# or on the centre's server; the file is written on the desk (``_save``).


@retrying
def calendar_file(
    ctx: ServiceContext, start: date | None = None, end: date | None = None
) -> CalendarFile:
    """The acting user's visits and meetings from ``start`` up to and including ``end``
    (default: 30 days back to a year ahead) as one calendar; cancelled ones left out."""
    require_role(ctx, *_CALENDAR_ROLES)
    today = ctx.clock.now().date()
    first = start if start is not None else today - timedelta(days=DEFAULT_DAYS_BACK)
    last = end if end is not None else today + timedelta(days=DEFAULT_DAYS_AHEAD)
    if last < first:
        raise ValidationError(
            tr(
                "De einddatum {end} ligt vóór de begindatum {start}. Kies een latere einddatum."
            ).format(end=last.strftime("%d-%m-%Y"), start=first.strftime("%d-%m-%Y")),
            field="end",
        )
    if (last - first).days > MAX_RANGE_DAYS:
        raise ValidationError(
            tr("Kies een periode van hoogstens drie jaar voor de agenda-export."), field="end"
        )
    lo = datetime.combine(first, time.min)
    hi = datetime.combine(last + timedelta(days=1), time.min)
    try:
        with ctx.unit() as session:
            visits = list(
                session.execute(
                    select(Visit)
                    .where(
                        access.visit_scope(ctx),
                        Visit.planned_start >= lo,
                        Visit.planned_start < hi,
                        Visit.status != VisitStatus.GEANNULEERD.value,
                    )
                    .order_by(Visit.planned_start, Visit.id)
                ).scalars()
            )
            meetings = list(
                session.execute(
                    select(Meeting)
                    .where(
                        access.meeting_scope(ctx),
                        Meeting.starts_at >= lo,
                        Meeting.starts_at < hi,
                        Meeting.status.not_in(_CANCELLED_MEETING),
                    )
                    .order_by(Meeting.starts_at, Meeting.id)
                ).scalars()
            )
            events = _visit_events(session, visits) + _meeting_events(session, meetings)
            for visit in visits:
                ctx.audit(session, "export", "visit", visit.id, purpose="agenda (.ics)")
            for meeting in meetings:
                ctx.audit(session, "export", "meeting", meeting.id, purpose="agenda (.ics)")
            data = build_calendar(
                events, ctx.clock.utcnow(), tr("Sociaal Veilig – huisbezoeken en overleggen")
            )
    except SociaalVeiligError:
        log_failed_export(ctx, "calendar", None)
        raise
    return CalendarFile(data, len(events), len(visits), len(meetings))


@retrying
def visit_file(ctx: ServiceContext, visit_id: str) -> CalendarFile:
    """One home visit as a calendar (from the visit's screen)."""
    require_role(ctx, *_CALENDAR_ROLES)
    with ctx.unit() as session:
        row_scope.named(session, visit_id)
        visit = session.get(Visit, visit_id)
        if visit is None:
            raise NotFound(tr("Huisbezoek niet gevonden."))
        visible = session.execute(
            select(Visit.id).where(Visit.id == visit_id, access.visit_scope(ctx))
        ).first()
        # As visits.get_visit: a partner knows of a visit on a case it works on.
        hidden = ctx.actor.role is Role.PARTNER and not access.sees_case(
            ctx, session, visit.case_id
        )
    if visible is None:
        raise _refuse(ctx, "visit", visit_id, tr("Huisbezoek niet gevonden.") if hidden else None)
    try:
        with ctx.unit() as session:
            row_scope.named(session, visit_id)
            visit = session.get(Visit, visit_id)
            assert visit is not None
            events = _visit_events(session, [visit])
            ctx.audit(session, "export", "visit", visit.id, purpose="agenda (.ics)")
            data = build_calendar(events, ctx.clock.utcnow(), tr("Sociaal Veilig – huisbezoek"))
    except SociaalVeiligError:
        log_failed_export(ctx, "visit", visit_id)
        raise
    return CalendarFile(data, 1, 1, 0)


@retrying
def meeting_file(ctx: ServiceContext, meeting_id: str) -> CalendarFile:
    """One meeting as a calendar (from the meeting's screen)."""
    require_role(ctx, *_CALENDAR_ROLES)
    with ctx.unit() as session:
        row_scope.named(session, meeting_id)
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFound(tr("Overleg niet gevonden."))
        visible = session.execute(
            select(Meeting.id).where(Meeting.id == meeting_id, access.meeting_scope(ctx))
        ).first()
    if visible is None:
        partner = ctx.actor.role is Role.PARTNER
        raise _refuse(ctx, "meeting", meeting_id, tr("Overleg niet gevonden.") if partner else None)
    try:
        with ctx.unit() as session:
            row_scope.named(session, meeting_id)
            meeting = session.get(Meeting, meeting_id)
            assert meeting is not None
            events = _meeting_events(session, [meeting])
            ctx.audit(session, "export", "meeting", meeting.id, purpose="agenda (.ics)")
            data = build_calendar(events, ctx.clock.utcnow(), tr("Sociaal Veilig – overleg"))
    except SociaalVeiligError:
        log_failed_export(ctx, "meeting", meeting_id)
        raise
    return CalendarFile(data, 1, 0, 1)


# --------------------------------------------------------------------------- the file


def _save(
    ctx: ServiceContext,
    out: Path,
    make: Callable[[], CalendarFile],
    object_type: str,
    object_id: str | None,
) -> CalendarExport:
    """Make the calendar and write it to ``out`` atomically. The file is opened first, so a
    folder that does not exist is told before anything is made; a file that cannot be
    written is a failed export in the audit log."""
    made: CalendarFile | None = None
    opened = False
    try:
        with atomic_output(out) as fh:
            opened = True
            made = make()
            fh.write(made.content)
    except SociaalVeiligError:
        if not opened or made is not None:
            log_failed_export(ctx, object_type, object_id)
        raise
    return CalendarExport(out, made.events, made.visits, made.meetings)


def export_calendar(
    ctx: ServiceContext, out: Path, start: date | None = None, end: date | None = None
) -> CalendarExport:
    """``calendar_file`` written to ``out`` as an .ics file."""
    return _save(ctx, out, lambda: calendar_file(ctx, start, end), "calendar", None)


def export_visit(ctx: ServiceContext, visit_id: str, out: Path) -> CalendarExport:
    """One home visit (``visit_file``) written to ``out`` as an .ics file."""
    return _save(ctx, out, lambda: visit_file(ctx, visit_id), "visit", visit_id)


def export_meeting(ctx: ServiceContext, meeting_id: str, out: Path) -> CalendarExport:
    """One meeting (``meeting_file``) written to ``out`` as an .ics file."""
    return _save(ctx, out, lambda: meeting_file(ctx, meeting_id), "meeting", meeting_id)


__all__ = [
    "PRODID",
    "CalendarEvent",
    "CalendarExport",
    "CalendarFile",
    "build_calendar",
    "calendar_file",
    "default_filename",
    "event_uid",
    "export_calendar",
    "export_meeting",
    "export_visit",
    "log_failed_export",
    "meeting_event",
    "meeting_file",
    "visit_event",
    "visit_file",
]
