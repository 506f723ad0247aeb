"""Planning partner meetings (overleggen): who organises, prepares and reads them, planning,
moving, cancelling, the partners taking part, and the list of meetings.

Each focus area has two kinds of meeting (fysieke leefomgeving, achter de voordeur). A
partner sees a meeting only when its organisation takes part ("a partner that is not in the
meeting does not get the case"). ``starts_at`` is naive local time; ``*_at`` columns are
naive UTC.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from sociaalveilig.core.enums import MeetingType, Role
from sociaalveilig.core.errors import NotFound, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.services import access
from sociaalveilig.services.actions import (
    OBJ_MEETING,
    RefusedAccess,
    hidden_record,
    local_time,
    require_role,
    resolve_area,
    work_unit,
)
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.partners import check_active_partners
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.versions import check_version, refuses_stale
from sociaalveilig.storage import row_scope
from sociaalveilig.storage.models import AgendaItem, FocusArea, Meeting, MeetingPartner, Partner

MAX_LOCATION = 160
ORGANISERS = (Role.COORDINATOR,)
PREPARERS = (Role.COORDINATOR, Role.WIJKAGENT)
READERS = (Role.COORDINATOR, Role.WIJKAGENT, Role.PARTNER)


class MeetingStatus(StrEnum):
    GEPLAND = "gepland"
    GEHOUDEN = "gehouden"
    GEANNULEERD = "geannuleerd"

    @property
    def label(self) -> str:
        return {
            MeetingStatus.GEPLAND: tr("Gepland"),
            MeetingStatus.GEHOUDEN: tr("Gehouden"),
            MeetingStatus.GEANNULEERD: tr("Geannuleerd"),
        }[self]


@dataclass(frozen=True)
class MeetingInfo:
    meeting_id: str
    area_id: str
    area: str
    meeting_type: MeetingType
    starts_at: datetime
    location: str | None
    status: MeetingStatus
    partner_ids: tuple[str, ...]
    partner_names: tuple[str, ...]
    agenda_sent_at: datetime | None
    """Local time the agenda was sent; None while not sent."""
    item_count: int
    version: int
    """The stored version: an edit sends it back as ``expected_version``."""

    @property
    def type_label(self) -> str:
        return self.meeting_type.label

    @property
    def status_label(self) -> str:
        return self.status.label


def load_meeting(session: Session, meeting_id: str) -> Meeting:
    row_scope.named(session, meeting_id)
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(tr("Overleg niet gevonden."))
    return meeting


def meeting_partner_ids(session: Session, meeting_id: str) -> list[str]:
    return list(
        session.execute(
            select(MeetingPartner.partner_id).where(MeetingPartner.meeting_id == meeting_id)
        ).scalars()
    )


def check_reader(session: Session, ctx: ServiceContext, meeting: Meeting) -> None:
    """A meeting in ``access.meeting_scope``; a refusal otherwise."""
    if access.sees_meeting(ctx, session, meeting.id):
        return
    if ctx.actor.role is Role.PARTNER:
        # Another organisation's meeting: as if it did not exist (guessing ids tells nothing).
        raise hidden_record(tr("Overleg niet gevonden."), OBJ_MEETING, meeting.id)
    raise RefusedAccess(tr("Dit overleg valt buiten uw focusgebieden."), OBJ_MEETING, meeting.id)


def check_preparer(ctx: ServiceContext, meeting: Meeting) -> None:
    require_role(ctx, *PREPARERS)
    if not access.prepares_meeting(ctx, meeting.focus_area_id):
        raise RefusedAccess(
            tr("Dit overleg valt buiten uw focusgebieden."), OBJ_MEETING, meeting.id
        )


def _infos(session: Session, meetings: Sequence[Meeting]) -> list[MeetingInfo]:
    if not meetings:
        return []
    ids = [m.id for m in meetings]
    areas = dict(session.execute(select(FocusArea.id, FocusArea.name)).tuples().all())
    names = dict(session.execute(select(Partner.id, Partner.name)).tuples().all())
    partners: dict[str, list[str]] = {}
    for meeting_id, partner in session.execute(
        select(MeetingPartner.meeting_id, MeetingPartner.partner_id).where(
            MeetingPartner.meeting_id.in_(ids)
        )
    ).tuples():
        partners.setdefault(meeting_id, []).append(partner)
    counts = dict(
        session.execute(
            select(AgendaItem.meeting_id, func.count())
            .where(AgendaItem.meeting_id.in_(ids))
            .group_by(AgendaItem.meeting_id)
        )
        .tuples()
        .all()
    )
    result = []
    for m in meetings:
        partner_ids = tuple(sorted(partners.get(m.id, []), key=lambda p: names.get(p, p)))
        result.append(
            MeetingInfo(
                meeting_id=m.id,
                area_id=m.focus_area_id,
                area=areas.get(m.focus_area_id, "?"),
                meeting_type=MeetingType(m.meeting_type),
                starts_at=m.starts_at,
                location=m.location,
                status=MeetingStatus(m.status),
                partner_ids=partner_ids,
                partner_names=tuple(names.get(p, p) for p in partner_ids),
                agenda_sent_at=local_time(m.agenda_sent_at),
                item_count=counts.get(m.id, 0),
                version=m.version,
            )
        )
    return result


def meeting_info(session: Session, meeting: Meeting) -> MeetingInfo:
    session.flush()
    return _infos(session, [meeting])[0]


def _parse_type(value: MeetingType | str) -> MeetingType:
    try:
        return MeetingType(value)
    except ValueError:
        pass
    try:
        return MeetingType[str(value).upper()]
    except KeyError:
        raise ValidationError(
            tr("Onbekend soort overleg '{value}'. Kies uit: {options}.").format(
                value=value, options=", ".join(t.label for t in MeetingType)
            ),
            field="meeting_type",
        ) from None


def _check_partners(session: Session, partner_ids: Iterable[str]) -> list[str]:
    return check_active_partners(
        session,
        partner_ids,
        tr("Kies de partnerorganisaties die aan het overleg deelnemen (ten minste één)."),
    )


def _check_start(ctx: ServiceContext, starts_at: datetime) -> None:
    now = ctx.clock.now()
    if starts_at < now:
        raise ValidationError(
            tr(
                "Het overleg begint {start}, dat ligt in het verleden. Kies een later tijdstip."
            ).format(start=starts_at.strftime("%d-%m-%Y %H:%M")),
            field="starts_at",
        )


def _clean_location(location: str | None) -> str | None:
    text = (location or "").strip() or None
    if text is not None and len(text) > MAX_LOCATION:
        raise ValidationError(
            tr("De locatie is te lang ({n} tekens); maximaal {max}.").format(
                n=len(text), max=MAX_LOCATION
            ),
            field="location",
        )
    return text


@retrying
def plan_meeting(
    ctx: ServiceContext,
    area: str,
    meeting_type: MeetingType | str,
    starts_at: datetime,
    location: str | None,
    partner_ids: Sequence[str],
) -> MeetingInfo:
    """Plan a meeting of a focus area (area id, name or unique start of the name)."""
    require_role(ctx, *ORGANISERS)
    kind = _parse_type(meeting_type)
    with work_unit(ctx) as session:
        area_row = resolve_area(session, area)
        # In the order the form asks: the moment, the location, then the partners.
        _check_start(ctx, starts_at)
        place = _clean_location(location)
        partners = _check_partners(session, partner_ids)
        meeting = Meeting(
            focus_area_id=area_row.id,
            meeting_type=str(kind),
            starts_at=starts_at,
            location=place,
            status=str(MeetingStatus.GEPLAND),
        )
        session.add(meeting)
        session.flush()
        for partner in partners:
            session.add(MeetingPartner(meeting_id=meeting.id, partner_id=partner))
        ctx.audit(session, "create", OBJ_MEETING, meeting.id)
        return meeting_info(session, meeting)


def check_meeting_version(
    ctx: ServiceContext, session: Session, meeting: Meeting, expected_version: int | None
) -> None:
    check_version(
        ctx, session, meeting, expected_version, OBJ_MEETING, meeting.id, tr("Dit overleg")
    )


@retrying
@refuses_stale
def move_meeting(
    ctx: ServiceContext,
    meeting_id: str,
    starts_at: datetime,
    location: str | None = None,
    *,
    expected_version: int | None = None,
) -> MeetingInfo:
    """Move a planned meeting (not into the past); the location changes when given."""
    require_role(ctx, *ORGANISERS)
    with work_unit(ctx) as session:
        meeting = load_meeting(session, meeting_id)
        check_meeting_version(ctx, session, meeting, expected_version)
        require_status(meeting, MeetingStatus.GEPLAND)
        _check_start(ctx, starts_at)
        meeting.starts_at = starts_at
        if location is not None:
            meeting.location = _clean_location(location)
        ctx.audit(session, "update", OBJ_MEETING, meeting.id)
        return meeting_info(session, meeting)


@retrying
@refuses_stale
def set_meeting_partners(
    ctx: ServiceContext,
    meeting_id: str,
    partner_ids: Sequence[str],
    *,
    expected_version: int | None = None,
) -> MeetingInfo:
    """Replace the partners taking part in a meeting that has not been cancelled."""
    require_role(ctx, *ORGANISERS)
    with work_unit(ctx) as session:
        meeting = load_meeting(session, meeting_id)
        check_meeting_version(ctx, session, meeting, expected_version)
        if meeting.status == MeetingStatus.GEANNULEERD:
            require_status(meeting, MeetingStatus.GEPLAND)
        wanted = _check_partners(session, partner_ids)
        current = set(meeting_partner_ids(session, meeting.id))
        for row in session.execute(
            select(MeetingPartner).where(MeetingPartner.meeting_id == meeting.id)
        ).scalars():
            if row.partner_id not in wanted:
                session.delete(row)
        for partner in wanted:
            if partner not in current:
                session.add(MeetingPartner(meeting_id=meeting.id, partner_id=partner))
        # The partners live in their own rows: the meeting gets a new version all the same,
        # so that a desk that saw the old list cannot overwrite this one unseen.
        flag_modified(meeting, "location")
        ctx.audit(session, "update", OBJ_MEETING, meeting.id)
        return meeting_info(session, meeting)


@retrying
@refuses_stale
def cancel_meeting(
    ctx: ServiceContext, meeting_id: str, *, expected_version: int | None = None
) -> MeetingInfo:
    """Cancel a planned meeting; its items can be proposed again for the next one."""
    require_role(ctx, *ORGANISERS)
    with work_unit(ctx) as session:
        meeting = load_meeting(session, meeting_id)
        check_meeting_version(ctx, session, meeting, expected_version)
        require_status(meeting, MeetingStatus.GEPLAND)
        meeting.status = str(MeetingStatus.GEANNULEERD)
        ctx.audit(session, "update", OBJ_MEETING, meeting.id)
        return meeting_info(session, meeting)


def require_status(meeting: Meeting, *allowed: MeetingStatus) -> None:
    if meeting.status not in allowed:
        raise ValidationError(
            tr("Dit overleg is {status}; dat kan nu niet meer.").format(
                status=MeetingStatus(meeting.status).label.lower()
            ),
            field="meeting_id",
        )


@retrying
def list_meetings(
    ctx: ServiceContext,
    from_date: date,
    to_date: date,
    area: str | None = None,
    meeting_type: MeetingType | str | None = None,
    only: Sequence[str] | None = None,
) -> list[MeetingInfo]:
    """Meetings from ``from_date`` up to and including ``to_date``, in time order;
    ``only``: just those of these ids (an open list's live update,
    ``live.meeting_update``), under the same scope and audit."""
    require_role(ctx, *READERS)
    if to_date < from_date:
        raise ValidationError(
            tr("De einddatum ligt vóór de begindatum; draai ze om."), field="to_date"
        )
    with work_unit(ctx) as session:
        stmt = select(Meeting).where(
            Meeting.starts_at >= datetime.combine(from_date, time()),
            Meeting.starts_at < datetime.combine(to_date + timedelta(days=1), time()),
            access.meeting_scope(ctx),
        )
        if area is not None:
            stmt = stmt.where(Meeting.focus_area_id == resolve_area(session, area).id)
        if meeting_type is not None:
            stmt = stmt.where(Meeting.meeting_type == str(_parse_type(meeting_type)))
        if only is not None:
            stmt = stmt.where(Meeting.id.in_(list(only)))
        meetings = list(session.execute(stmt.order_by(Meeting.starts_at, Meeting.id)).scalars())
        ctx.audit(session, "view", "meeting_list", None)
        return _infos(session, meetings)


def format_day(value: date | datetime) -> str:
    return value.strftime("%d-%m-%Y")


__all__ = [
    "MeetingInfo",
    "MeetingStatus",
    "cancel_meeting",
    "list_meetings",
    "move_meeting",
    "plan_meeting",
    "set_meeting_partners",
]
