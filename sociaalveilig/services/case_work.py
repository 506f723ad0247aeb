"""The work on one case, for the case view's workbench: its actions, visits and agenda items,
and the meetings it can still be put on.

One unit of work, the same need-to-know as the case itself: a partner sees every action on a
case it may open (others' descriptions left out, as in the timeline), the visits it takes
part in and the agenda items of the meetings it attends. A manager sees no case work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import select

from sociaalveilig.core.enums import MeetingType, Role
from sociaalveilig.services import access
from sociaalveilig.services.actions import (
    _PLANNERS,
    ActionRow,
    require_role,
    rows_for,
    work_unit,
)
from sociaalveilig.services.context import ServiceContext, today
from sociaalveilig.services.meeting_planning import MeetingStatus
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.signal_records import find_case
from sociaalveilig.services.visits import VisitRow, _rows
from sociaalveilig.storage.models import (
    Action,
    AgendaItem,
    FocusArea,
    Meeting,
    Visit,
)

# How far ahead the case view offers meetings to put the case on.
MEETING_HORIZON = timedelta(days=120)
OBJ_CASE_WORK = "action_list"
"""Logged as the action list of one case (``audit_objects``: a list named by the case)."""


@dataclass(frozen=True)
class CaseAgendaEntry:
    item_id: str
    meeting_id: str
    meeting_type: MeetingType
    starts_at: datetime
    area: str
    meeting_status: MeetingStatus
    decision: str | None

    @property
    def type_label(self) -> str:
        return self.meeting_type.label

    @property
    def status_label(self) -> str:
        return self.meeting_status.label


@dataclass(frozen=True)
class MeetingChoice:
    """A planned meeting the user may put the case on."""

    meeting_id: str
    meeting_type: MeetingType
    starts_at: datetime
    area: str
    on_agenda: bool

    @property
    def label(self) -> str:
        return f"{self.starts_at:%d-%m-%Y %H:%M} {self.meeting_type.label} ({self.area})"


@dataclass(frozen=True)
class CaseWork:
    case_id: str
    reference: str
    actions: tuple[ActionRow, ...]
    visits: tuple[VisitRow, ...]
    agenda: tuple[CaseAgendaEntry, ...]
    may_plan: bool
    """Coordinator, or the wijkagent of the case's area: add actions, visits, agenda."""
    own_partner_id: str | None
    """A partner user's organisation: the actions it may start, complete or cancel."""

    def may_update(self, action: ActionRow) -> bool:
        """Whether the user may change this action's status (the service decides too)."""
        if not action.status.is_open:
            return False
        if self.own_partner_id is not None:
            return action.owner_partner_id == self.own_partner_id
        return self.may_plan


@retrying
def case_work(ctx: ServiceContext, case_id: str, purpose: str | None = None) -> CaseWork:
    """The work on a case the user may open (``purpose``: the noodknop's reason, as for
    the case itself)."""
    require_role(ctx, *_PLANNERS, Role.PARTNER)
    with work_unit(ctx, purpose) as session:
        case = find_case(session, case_id)
        access.check_case_access(ctx, session, case, purpose)
        actions = list(
            session.execute(
                select(Action)
                .where(Action.case_id == case.id)
                .order_by(Action.deadline, Action.reference)
            ).scalars()
        )
        visits = list(
            session.execute(
                select(Visit)
                .where(Visit.case_id == case.id, access.visit_scope(ctx))
                .order_by(Visit.planned_start.desc())
            ).scalars()
        )
        areas = dict(session.execute(select(FocusArea.id, FocusArea.name)).tuples().all())
        agenda = [
            CaseAgendaEntry(
                item_id=item.id,
                meeting_id=meeting.id,
                meeting_type=MeetingType(meeting.meeting_type),
                starts_at=meeting.starts_at,
                area=areas.get(meeting.focus_area_id, ""),
                meeting_status=MeetingStatus(meeting.status),
                decision=item.decision,
            )
            for item, meeting in session.execute(
                select(AgendaItem, Meeting)
                .join(Meeting, Meeting.id == AgendaItem.meeting_id)
                .where(AgendaItem.case_id == case.id, access.meeting_scope(ctx))
                .order_by(Meeting.starts_at.desc())
            ).tuples()
        ]
        may_plan = access.changes_case(ctx, session, case)
        ctx.audit(session, "view", OBJ_CASE_WORK, case.reference)
        return CaseWork(
            case_id=case.id,
            reference=case.reference,
            actions=tuple(rows_for(session, ctx, actions)),
            visits=tuple(_rows(session, visits)),
            agenda=tuple(agenda),
            may_plan=may_plan,
            own_partner_id=access.partner_view(ctx),
        )


@retrying
def meetings_for_case(ctx: ServiceContext, case_id: str) -> list[MeetingChoice]:
    """The planned meetings from today on, of the case's focus area (a case goes on the
    agenda there: ``meeting_agenda.add_agenda_item``), that the user may see, in time order."""
    require_role(ctx, *_PLANNERS)
    with work_unit(ctx) as session:
        case = find_case(session, case_id)
        access.check_case_access(ctx, session, case)
        start = datetime.combine(today(ctx.clock), time())
        stmt = select(Meeting).where(
            Meeting.starts_at >= start,
            Meeting.starts_at < start + MEETING_HORIZON,
            Meeting.status == MeetingStatus.GEPLAND.value,
            access.meeting_scope(ctx),
        )
        if case.focus_area_id is not None:
            stmt = stmt.where(Meeting.focus_area_id == case.focus_area_id)
        meetings = list(session.execute(stmt.order_by(Meeting.starts_at, Meeting.id)).scalars())
        on_agenda = set(
            session.execute(
                select(AgendaItem.meeting_id).where(AgendaItem.case_id == case.id)
            ).scalars()
        )
        areas = dict(session.execute(select(FocusArea.id, FocusArea.name)).tuples().all())
        choices = [
            MeetingChoice(
                meeting_id=m.id,
                meeting_type=MeetingType(m.meeting_type),
                starts_at=m.starts_at,
                area=areas.get(m.focus_area_id, ""),
                on_agenda=m.id in on_agenda,
            )
            for m in meetings
        ]
        ctx.audit(session, "view", "meeting_list", None)
        return choices


__all__ = ["CaseAgendaEntry", "CaseWork", "MeetingChoice", "case_work", "meetings_for_case"]
