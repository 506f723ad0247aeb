"""A meeting's agenda: reading it (in full or as one partner's items), adding, ordering,
removing and sending its items, and taking over proposals (``agenda_proposals``).

A partner sees only the items it may see, without other partners' notes. ``starts_at`` is
naive local time; ``*_at`` columns are naive UTC.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import CaseStatus, Role
from sociaalveilig.core.errors import AccessDenied, NotFound, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.services import access
from sociaalveilig.services.actions import (
    OBJ_AGENDA_ITEM,
    OBJ_CASE,
    OBJ_MEETING,
    ActionRow,
    RefusedAccess,
    hidden_record,
    load_case,
    local_time,
    make_action_row,
    require_role,
    utc_naive,
    work_unit,
)
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.meeting_planning import (
    READERS,
    MeetingInfo,
    MeetingStatus,
    check_meeting_version,
    check_preparer,
    check_reader,
    load_meeting,
    meeting_info,
    meeting_partner_ids,
    require_status,
)
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.signal_records import find_signal, format_address
from sociaalveilig.services.versions import MOVED_PURPOSE, check_version, refuses_stale
from sociaalveilig.storage import row_scope
from sociaalveilig.storage.models import (
    Action,
    AgendaItem,
    Case,
    Category,
    FocusArea,
    Meeting,
    Partner,
    Signal,
)

AGENDA_PURPOSE = "agenda overleg"
"""The purpose noted with the view of a case shown on a meeting's agenda."""


class AgendaReason(StrEnum):
    """Why an item is on the agenda (stored in ``agenda_items.reason``), in priority order."""

    AFSCHALING = "afschaling"
    ESCALATION = "escalation"
    REVIEW = "review"
    ROUTED = "routed"
    ADDED = "added"

    @property
    def label(self) -> str:
        return {
            AgendaReason.AFSCHALING: tr("Afgeschaald, terug in het overleg"),
            AgendaReason.ESCALATION: tr("Lopende opschaling"),
            AgendaReason.REVIEW: tr("Evaluatie"),
            AgendaReason.ROUTED: tr("Nieuw signaal"),
            AgendaReason.ADDED: tr("Toegevoegd"),
        }[self]


REASON_PRIORITY = {reason: index for index, reason in enumerate(AgendaReason)}


@dataclass(frozen=True)
class AgendaItemInfo:
    item_id: str
    position: int
    reason: AgendaReason
    case_id: str | None
    case_reference: str | None
    signal_id: str | None
    signal_reference: str | None
    address: str | None
    category: str | None
    decision: str | None
    decided_at: datetime | None
    """Local time."""
    actions: tuple[ActionRow, ...]
    version: int
    """The stored version: an edit sends it back as ``expected_version``."""

    @property
    def reason_label(self) -> str:
        return self.reason.label


@dataclass(frozen=True)
class MeetingDetail:
    meeting: MeetingInfo
    items: tuple[AgendaItemInfo, ...]
    partner_id: str | None = None
    """Set when this is the copy for one partner (items and notes filtered)."""

    @property
    def actions(self) -> tuple[ActionRow, ...]:
        return tuple(action for item in self.items for action in item.actions)


@dataclass(frozen=True)
class AgendaProposal:
    reason: AgendaReason
    """The weightiest reason; ``reasons`` holds all of them."""
    reasons: tuple[AgendaReason, ...]
    case_id: str | None
    case_reference: str | None
    signal_id: str | None
    signal_reference: str | None
    address: str
    explanation: str
    """Dutch sentences saying why, one per reason."""


def category_names(session: Session) -> dict[str, str]:
    return dict(session.execute(select(Category.id, Category.name)).tuples().all())


def _latest_signal_categories(session: Session, case_ids: set[str]) -> dict[str, str]:
    """Per case, the category id of its most recent signal."""
    result: dict[str, str] = {}
    if not case_ids:
        return result
    for case_id, category_id in session.execute(
        select(Signal.case_id, Signal.category_id)
        .where(Signal.case_id.in_(case_ids))
        .order_by(Signal.received_at)
    ).tuples():
        if case_id is not None:
            result[case_id] = category_id
    return result


def item_infos(
    ctx: ServiceContext,
    session: Session,
    items: Sequence[AgendaItem],
    viewer_partner_id: str | None,
) -> list[AgendaItemInfo]:
    """The agenda items as shown, with their actions (another partner's action notes left
    out for a partner viewer). Builds only; logs nothing."""
    case_ids = {i.case_id for i in items if i.case_id}
    signal_ids = {i.signal_id for i in items if i.signal_id}
    cases = {c.id: c for c in session.execute(select(Case).where(Case.id.in_(case_ids))).scalars()}
    signals = {
        s.id: s for s in session.execute(select(Signal).where(Signal.id.in_(signal_ids))).scalars()
    }
    categories = category_names(session)
    latest = _latest_signal_categories(session, case_ids)
    actions = list(
        session.execute(
            select(Action)
            .where(Action.agenda_item_id.in_([i.id for i in items]))
            .order_by(Action.reference)
        ).scalars()
    )
    partner_names = dict(session.execute(select(Partner.id, Partner.name)).tuples().all())
    viewer = viewer_partner_id
    if viewer is None:
        viewer = access.partner_view(ctx)
    by_item: dict[str, list[ActionRow]] = {}
    for action in actions:
        case = cases.get(action.case_id)
        by_item.setdefault(action.agenda_item_id or "", []).append(
            make_action_row(
                ctx,
                action,
                case.reference if case else "?",
                partner_names.get(action.owner_partner_id, "?"),
                viewer_partner_id=viewer,
            )
        )
    result = []
    for item in items:
        case = cases.get(item.case_id or "")
        signal = signals.get(item.signal_id or "")
        place = case or signal
        address = (
            format_address(
                place.street, place.house_number, place.addition, place.postcode, place.city
            )
            if place is not None
            else None
        )
        category_id = signal.category_id if signal else latest.get(item.case_id or "")
        result.append(
            AgendaItemInfo(
                item_id=item.id,
                position=item.position,
                reason=AgendaReason(item.reason),
                case_id=item.case_id,
                case_reference=case.reference if case else None,
                signal_id=item.signal_id,
                signal_reference=signal.reference if signal else None,
                address=address,
                category=categories.get(category_id or ""),
                decision=item.decision,
                decided_at=local_time(item.decided_at),
                actions=tuple(by_item.get(item.id, [])),
                version=item.version,
            )
        )
    return result


def _detail(
    ctx: ServiceContext,
    session: Session,
    meeting: Meeting,
    partner_id: str | None,
    opened: bool = False,
) -> MeetingDetail:
    """The meeting with its items; for a partner copy (``partner_id``), only the items that
    partner may see and no other partners' action notes.

    Only an opening of the meeting (``opened``: ``get_meeting``, a partner's copy) is
    logged as a view: one entry for the meeting, one per case on the agenda shown. The
    detail that an agenda edit returns adds no view entries, so editing or recording the
    minutes item by item does not log every case again after every item."""
    if partner_id is None:
        items = _items(session, meeting.id)
    else:
        items = partner_items(session, meeting.id, partner_id)
    infos = item_infos(ctx, session, items, partner_id)
    if opened:
        ctx.audit(session, "view", OBJ_MEETING, meeting.id)
        for case_ref in dict.fromkeys(i.case_reference for i in infos if i.case_reference):
            ctx.audit(session, "view", OBJ_CASE, case_ref, purpose=AGENDA_PURPOSE)
    return MeetingDetail(meeting_info(session, meeting), tuple(infos), partner_id)


@retrying
def get_meeting(ctx: ServiceContext, meeting_id: str) -> MeetingDetail:
    """The meeting with its agenda and minutes; a partner user gets its own copy."""
    require_role(ctx, *READERS)
    with work_unit(ctx) as session:
        meeting = load_meeting(session, meeting_id)
        check_reader(session, ctx, meeting)
        partner = access.partner_view(ctx)
        return _detail(ctx, session, meeting, partner, opened=True)


@retrying
def agenda_for_partner(ctx: ServiceContext, meeting_id: str, partner_id: str) -> MeetingDetail:
    """The copy of a meeting's agenda and minutes for one partner organisation.

    The coordinator may make it for any partner taking part (to send out); a partner user
    only for its own organisation. A partner that is not in the meeting does not get it.
    """
    require_role(ctx, Role.COORDINATOR, Role.PARTNER)
    with work_unit(ctx) as session:
        # Asked before the meeting is looked up: the answer must not tell whether it exists.
        if not access.may_get_copy_of(ctx, partner_id):
            raise RefusedAccess(
                tr("U kunt alleen het exemplaar van uw eigen organisatie opvragen."),
                OBJ_MEETING,
                meeting_id,
            )
        meeting = load_meeting(session, meeting_id)
        if ctx.actor.role is Role.PARTNER and partner_id not in meeting_partner_ids(
            session, meeting.id
        ):
            raise hidden_record(tr("Overleg niet gevonden."), OBJ_MEETING, meeting.id)
        if partner_id not in meeting_partner_ids(session, meeting.id):
            raise RefusedAccess(
                tr(
                    "Deze organisatie neemt niet deel aan het overleg en krijgt de agenda en "
                    "de casussen daarvan niet."
                ),
                OBJ_MEETING,
                meeting.id,
            )
        return _detail(ctx, session, meeting, partner_id, opened=True)


def _next_position(session: Session, meeting_id: str) -> int:
    # max()+1 assumes no other writer adds an item meanwhile: on SQLite the unit's write
    # lock holds from its start; on PostgreSQL two desks adding at once may get the same
    # position, which only ties the order (no constraint) until the next reordering
    # numbers the items again.
    current = session.execute(
        select(func.max(AgendaItem.position)).where(AgendaItem.meeting_id == meeting_id)
    ).scalar_one_or_none()
    return (current or 0) + 1


def _item_signal(
    session: Session, ctx: ServiceContext, signal_id: str, case_id: str | None
) -> tuple[Signal, str | None]:
    """The signal of a new agenda item, and the case it brings along when none was given;
    a signal of another case than the one given is refused."""
    signal = find_signal(session, signal_id)
    try:
        access.check_signal_access(ctx, session, signal)
    except AccessDenied as exc:
        raise RefusedAccess(str(exc), "signal", signal.reference) from exc
    if case_id is None and signal.case_id:
        case_id = signal.case_id
    elif case_id is not None and signal.case_id and signal.case_id != case_id:
        case_ref = session.get(Case, signal.case_id)
        raise ValidationError(
            tr("Signaal {ref} hoort bij een andere casus ({case}).").format(
                ref=signal.reference, case=case_ref.reference if case_ref else "?"
            ),
            field="signal_id",
        )
    return signal, case_id


def _refuse_twice(
    session: Session, meeting: Meeting, case: Case | None, signal: Signal | None
) -> None:
    """A case or signal is on one meeting's agenda at most once."""
    same: list[ColumnElement[bool]] = []
    if case is not None:
        same.append(AgendaItem.case_id == case.id)
    if signal is not None:
        same.append(AgendaItem.signal_id == signal.id)
    existing = session.execute(
        select(AgendaItem.id).where(AgendaItem.meeting_id == meeting.id, or_(*same))
    ).first()
    if existing is not None:
        what = case.reference if case is not None else signal.reference if signal else "?"
        raise ValidationError(
            tr("{ref} staat al op de agenda van dit overleg.").format(ref=what),
            field="case_id",
        )


def _insert_item(
    session: Session,
    ctx: ServiceContext,
    meeting: Meeting,
    case_id: str | None,
    signal_id: str | None,
    reason: AgendaReason,
) -> AgendaItem:
    if meeting.status == MeetingStatus.GEANNULEERD:
        require_status(meeting, MeetingStatus.GEPLAND, MeetingStatus.GEHOUDEN)
    if not case_id and not signal_id:
        raise ValidationError(
            tr("Kies een casus of een signaal voor het agendapunt."), field="case_id"
        )
    signal: Signal | None = None
    if signal_id:
        signal, case_id = _item_signal(session, ctx, signal_id, case_id)
    case: Case | None = load_case(session, ctx, case_id) if case_id else None
    place_area = (
        case.focus_area_id if case is not None else (signal.focus_area_id if signal else None)
    )
    if place_area is not None and place_area != meeting.focus_area_id:
        area_name = session.get(FocusArea, place_area)
        raise ValidationError(
            tr(
                "Dit hoort bij focusgebied {area}; zet het op de agenda van een overleg daar."
            ).format(area=area_name.name if area_name else "?"),
            field="case_id",
        )
    if case is not None and case.status == CaseStatus.AFGESLOTEN:
        raise ValidationError(
            tr("Casus {ref} is afgesloten; heropen haar eerst.").format(ref=case.reference),
            field="case_id",
        )
    _refuse_twice(session, meeting, case, signal)
    item = AgendaItem(
        meeting_id=meeting.id,
        position=_next_position(session, meeting.id),
        case_id=case.id if case is not None else None,
        signal_id=signal.id if signal is not None else None,
        reason=str(reason),
    )
    session.add(item)
    session.flush()
    ctx.audit(session, "create", OBJ_AGENDA_ITEM, item.id)
    if case is not None:
        # The returned agenda shows the case: noted as a view, under the case's reference
        # (the agenda item has no reference of its own to find it by).
        ctx.audit(session, "view", OBJ_CASE, case.reference, purpose=AGENDA_PURPOSE)
    return item


@retrying
def add_agenda_item(
    ctx: ServiceContext,
    meeting_id: str,
    case_id: str | None = None,
    signal_id: str | None = None,
    reason: AgendaReason | str = AgendaReason.ADDED,
) -> MeetingDetail:
    """Put a case or a signal (of this meeting's area) on the agenda, at the end."""
    try:
        why = AgendaReason(reason)
    except ValueError:
        raise ValidationError(
            tr("Onbekende reden '{value}' voor een agendapunt.").format(value=reason),
            field="reason",
        ) from None
    with work_unit(ctx) as session:
        meeting = load_meeting(session, meeting_id)
        check_preparer(ctx, meeting)
        _insert_item(session, ctx, meeting, case_id, signal_id, why)
        return _detail(ctx, session, meeting, None)


@retrying
def accept_proposals(
    ctx: ServiceContext, meeting_id: str, proposals: Sequence[AgendaProposal]
) -> MeetingDetail:
    """Put several proposals on the agenda at once, in the order given (all or nothing)."""
    with work_unit(ctx) as session:
        meeting = load_meeting(session, meeting_id)
        check_preparer(ctx, meeting)
        for proposal in proposals:
            _insert_item(
                session, ctx, meeting, proposal.case_id, proposal.signal_id, proposal.reason
            )
        return _detail(ctx, session, meeting, None)


def _items(session: Session, meeting_id: str) -> list[AgendaItem]:
    return list(
        session.execute(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(AgendaItem.position, AgendaItem.id)
        ).scalars()
    )


def partner_items(session: Session, meeting_id: str, partner_id: str) -> list[AgendaItem]:
    """The items of a meeting's agenda a partner sees (``access.partner_agenda_items``), in
    agenda order: the screen and the partner's printed copy both take them from here."""
    return list(
        session.execute(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting_id, access.partner_agenda_items(partner_id))
            .order_by(AgendaItem.position, AgendaItem.id)
        ).scalars()
    )


@retrying
def reorder_agenda(
    ctx: ServiceContext, meeting_id: str, ordered_item_ids: Sequence[str]
) -> MeetingDetail:
    """Put the items in the given order; every item of the agenda must be named once."""
    with work_unit(ctx) as session:
        meeting = load_meeting(session, meeting_id)
        check_preparer(ctx, meeting)
        items = {item.id: item for item in _items(session, meeting.id)}
        if len(ordered_item_ids) != len(set(ordered_item_ids)) or set(ordered_item_ids) != set(
            items
        ):
            raise ValidationError(
                tr(
                    "De nieuwe volgorde moet elk agendapunt van dit overleg precies één keer "
                    "bevatten ({n} punten). Laad de agenda opnieuw en probeer het nog eens."
                ).format(n=len(items)),
                field="ordered_item_ids",
            )
        _number(ctx, session, [items[item_id] for item_id in ordered_item_ids])
        ctx.audit(session, "update", OBJ_MEETING, meeting.id)
        return _detail(ctx, session, meeting, None)


def _number(ctx: ServiceContext, session: Session, ordered: Sequence[AgendaItem]) -> None:
    """Positions 1, 2, ... in this order. A moved item is changed (its version too): it is
    logged on the item, so a stale edit of it names this change, not the item's creation."""
    for position, item in enumerate(ordered, start=1):
        if item.position != position:
            item.position = position
            ctx.audit(session, "update", OBJ_AGENDA_ITEM, item.id, purpose=MOVED_PURPOSE)


def load_item(session: Session, item_id: str) -> AgendaItem:
    row_scope.named(session, item_id)
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFound(tr("Agendapunt niet gevonden."))
    return item


def check_item_version(
    ctx: ServiceContext, session: Session, item: AgendaItem, expected_version: int | None
) -> None:
    check_version(
        ctx, session, item, expected_version, OBJ_AGENDA_ITEM, item.id, tr("Dit agendapunt")
    )


@retrying
@refuses_stale
def remove_agenda_item(
    ctx: ServiceContext, item_id: str, *, expected_version: int | None = None
) -> MeetingDetail:
    """Take an item off the agenda, unless a decision or actions were recorded on it."""
    with work_unit(ctx) as session:
        item = load_item(session, item_id)
        meeting = load_meeting(session, item.meeting_id)
        check_preparer(ctx, meeting)
        check_item_version(ctx, session, item, expected_version)
        has_actions = session.execute(
            select(Action.id).where(Action.agenda_item_id == item.id).limit(1)
        ).first()
        if item.decision is not None or has_actions is not None:
            raise ValidationError(
                tr(
                    "Op dit agendapunt is al een besluit of actie vastgelegd; het blijft in het "
                    "verslag staan."
                ),
                field="item_id",
            )
        session.delete(item)
        session.flush()
        _number(ctx, session, _items(session, meeting.id))
        ctx.audit(session, "delete", OBJ_AGENDA_ITEM, item_id)
        return _detail(ctx, session, meeting, None)


@retrying
@refuses_stale
def mark_agenda_sent(
    ctx: ServiceContext, meeting_id: str, *, expected_version: int | None = None
) -> MeetingInfo:
    """Note that the agenda went out to the partners (stops the 'agenda not sent' reminder)."""
    with work_unit(ctx) as session:
        meeting = load_meeting(session, meeting_id)
        check_preparer(ctx, meeting)
        check_meeting_version(ctx, session, meeting, expected_version)
        require_status(meeting, MeetingStatus.GEPLAND)
        if not _items(session, meeting.id):
            raise ValidationError(
                tr("De agenda is leeg; zet er eerst punten op."), field="meeting_id"
            )
        meeting.agenda_sent_at = utc_naive(ctx)
        ctx.audit(session, "send", OBJ_MEETING, meeting.id)
        return meeting_info(session, meeting)


__all__ = [
    "AgendaItemInfo",
    "AgendaProposal",
    "AgendaReason",
    "MeetingDetail",
    "accept_proposals",
    "add_agenda_item",
    "agenda_for_partner",
    "get_meeting",
    "mark_agenda_sent",
    "partner_items",
    "remove_agenda_item",
    "reorder_agenda",
]
