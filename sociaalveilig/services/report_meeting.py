"""The data of a meeting's agenda and minutes, in full or as one partner's copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import ActionStatus, ActionType, MeetingType, RiskLevel, Role
from sociaalveilig.core.errors import AccessDenied, NotFound, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.services import access
from sociaalveilig.services.actions import hidden_record, work_unit
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.meeting_agenda import AgendaReason, partner_items
from sociaalveilig.services.report_case import person_refs
from sociaalveilig.services.report_shared import (
    PrintMeta,
    address_line,
    enum_label,
    print_meta,
    shorten,
)
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.users import require_role
from sociaalveilig.storage import row_scope
from sociaalveilig.storage.models import (
    Action,
    AgendaItem,
    Case,
    Category,
    FocusArea,
    Meeting,
    MeetingPartner,
    Partner,
    Signal,
)


@dataclass(frozen=True)
class MinutesAction:
    action_type: str
    owner: str
    deadline: date
    status: str
    description: str


@dataclass(frozen=True)
class MeetingItemLine:
    position: int
    subject: str
    """Case reference, or the signal reference of a routed signal without a case."""
    address: str
    categories: str
    reason: str
    risk_level: str
    decision: str
    actions: tuple[MinutesAction, ...]


@dataclass(frozen=True)
class MeetingDocData:
    meta: PrintMeta
    meeting_id: str
    minutes: bool
    meeting_type: str
    area: str
    starts_at: datetime
    location: str
    status: str
    partners: tuple[str, ...]
    copy_for: str | None
    """The partner whose copy this is (only its items), or None for the full document."""
    items: tuple[MeetingItemLine, ...]


def _check_copy(
    ctx: ServiceContext,
    meeting_id: str,
    partner_id: str | None,
    partner_names: dict[str, str],
    participants: set[str],
    kind: str,
    missing: str,
) -> None:
    """Whether a copy for ``partner_id`` (None: the full document) may be made."""
    if ctx.actor.role is Role.PARTNER and partner_id not in participants:
        # Another organisation's meeting: as if it did not exist (guessing ids tells
        # nothing), and logged as a refused view.
        raise hidden_record(missing, "meeting", meeting_id)
    if partner_id is None:
        return
    if partner_id not in partner_names:
        raise ValidationError(tr("Onbekende organisatie."), field="partner")
    if partner_id not in participants:
        raise AccessDenied(
            tr("{partner} neemt niet deel aan dit overleg en krijgt geen {kind}.").format(
                partner=partner_names[partner_id], kind=kind
            )
        )


@retrying
def meeting_doc_data(
    ctx: ServiceContext, meeting_id: str, minutes: bool, partner_id: str | None = None
) -> MeetingDocData:
    """Agenda or minutes of one meeting. A partner always gets its own copy; a coordinator
    may print any partner's copy (``partner_id``) or the full document."""
    require_role(ctx, Role.COORDINATOR, Role.WIJKAGENT, Role.PARTNER)
    if ctx.actor.role is Role.PARTNER:
        if partner_id is not None and not access.may_get_copy_of(ctx, partner_id):
            raise AccessDenied(
                tr("U kunt alleen het exemplaar van uw eigen organisatie afdrukken.")
            )
        partner_id = ctx.actor.partner_id
        if partner_id is None:
            raise AccessDenied(tr("Uw account hoort bij geen organisatie; vraag de beheerder."))
    kind = tr("verslag") if minutes else tr("agenda")
    with work_unit(ctx) as session:
        row_scope.named(session, meeting_id)
        m = session.get(Meeting, meeting_id)
        missing = tr("Overleg {id} bestaat niet.").format(id=meeting_id)
        if m is None:
            raise NotFound(missing)
        if access.outside_own_areas(ctx, m.focus_area_id):
            raise AccessDenied(tr("Dit overleg hoort bij een focusgebied dat niet aan u is "
                                  "toegewezen."))
        partner_names = dict(session.execute(select(Partner.id, Partner.name)).tuples().all())
        participants = set(
            session.execute(
                select(MeetingPartner.partner_id).where(MeetingPartner.meeting_id == m.id)
            ).scalars()
        )
        _check_copy(ctx, m.id, partner_id, partner_names, participants, kind, missing)
        items = session.execute(
            select(AgendaItem).where(AgendaItem.meeting_id == m.id).order_by(AgendaItem.position)
        ).scalars().all()
        # A partner's copy holds what that partner sees of the meeting on screen: the
        # same access rule (``meeting_agenda.partner_items``), no more and no less.
        visible = (
            {i.id for i in partner_items(session, m.id, partner_id)}
            if partner_id is not None
            else {i.id for i in items}
        )
        lines = [
            _item_line(session, item, minutes, partner_names, partner_id)
            for item in items
            if item.id in visible
        ]
        area = session.execute(
            select(FocusArea.name).where(FocusArea.id == m.focus_area_id)
        ).scalar_one()
        ctx.audit(session, "print", "meeting", m.id,
                  purpose=kind + (f" ({partner_names[partner_id]})" if partner_id else ""))
        for item in items:
            if item.id in visible and item.case_id:
                case_ref = session.execute(
                    select(Case.reference).where(Case.id == item.case_id)
                ).scalar_one()
                ctx.audit(session, "print", "case", case_ref, purpose=kind)
                for person_ref in person_refs(session, item.case_id):
                    ctx.audit(session, "print", "case", case_ref, person_ref=person_ref,
                              purpose=kind)
        return MeetingDocData(
            meta=print_meta(ctx),
            meeting_id=m.id,
            minutes=minutes,
            meeting_type=enum_label(MeetingType, m.meeting_type),
            area=area,
            starts_at=m.starts_at,
            location=m.location or "",
            status=m.status,
            partners=tuple(sorted(partner_names.get(p, "") for p in participants)),
            copy_for=partner_names[partner_id] if partner_id else None,
            items=tuple(lines),
        )


def _item_line(
    session: Session,
    item: AgendaItem,
    minutes: bool,
    partner_names: dict[str, str],
    own_partner: str | None,
) -> MeetingItemLine:
    subject = ""
    address = ""
    risk = ""
    categories: list[str] = []
    if item.case_id:
        c = session.get(Case, item.case_id)
        if c is not None:
            subject = c.reference
            address = address_line(c.street, c.house_number, c.addition, c.postcode, c.city)
            risk = enum_label(RiskLevel, c.risk_level)
            categories = list(
                session.execute(
                    select(Category.name)
                    .join(Signal, Signal.category_id == Category.id)
                    .where(Signal.case_id == c.id)
                    .group_by(Category.name)
                    .order_by(func.max(Signal.received_at).desc())
                ).scalars()
            )
    elif item.signal_id:
        s = session.get(Signal, item.signal_id)
        if s is not None:
            subject = s.reference
            address = address_line(s.street, s.house_number, s.addition, s.postcode, s.city)
            categories = [
                session.execute(
                    select(Category.name).where(Category.id == s.category_id)
                ).scalar_one()
            ]
    actions: tuple[MinutesAction, ...] = ()
    if minutes:
        actions = tuple(
            MinutesAction(
                enum_label(ActionType, a.action_type),
                partner_names.get(a.owner_partner_id, ""),
                a.deadline,
                enum_label(ActionStatus, a.status),
                shorten(a.description, 240)
                if access.sees_details_of(own_partner, a.owner_partner_id)
                else "",
            )
            for a in session.execute(
                select(Action).where(Action.agenda_item_id == item.id).order_by(Action.deadline)
            ).scalars()
        )
    return MeetingItemLine(
        position=item.position,
        subject=subject,
        address=address,
        categories=", ".join(categories),
        reason=enum_label(AgendaReason, item.reason),
        risk_level=risk,
        decision=(item.decision or "") if minutes else "",
        actions=actions,
    )
