"""Partner meetings (overleggen): planning, the agenda, the minutes, and the partner view.

Each focus area has two kinds of meeting (fysieke leefomgeving, achter de voordeur). The
coordinator plans them with the partners taking part, builds the agenda from proposals
(signals routed to this meeting, cases due for review, open escalations and cases just
afgeschaald), sends it, and records per item a decision and the actions agreed, in one
unit of work. A partner sees a meeting only when its organisation takes part ("a partner
that is not in the meeting does not get the case"), and then only the items it may see,
without other partners' notes.

``starts_at`` is naive local time; ``*_at`` columns are naive UTC.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import (
    CaseStatus,
    EscalationStatus,
    EscalationTarget,
    MeetingType,
    RiskLevel,
    Role,
    SignalStatus,
)
from sociaalveilig.core.errors import AccessDenied, NotFound, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.workdays import next_review
from sociaalveilig.services import access
from sociaalveilig.services.actions import (
    OBJ_AGENDA_ITEM,
    OBJ_CASE,
    OBJ_MEETING,
    ActionInput,
    ActionRow,
    RefusedAccess,
    insert_action,
    load_case,
    local_time,
    make_action_row,
    require_role,
    resolve_area,
    start_handling,
    utc_naive,
    validate_action,
    work_unit,
)
from sociaalveilig.services.context import ServiceContext, local_to_utc, utc_to_local
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.signal_outcomes import (
    OutcomeChoice,
    SignalOutcome,
    apply_outcome_row,
)
from sociaalveilig.services.signal_records import find_signal, format_address
from sociaalveilig.storage.models import (
    Action,
    AgendaItem,
    Case,
    Category,
    Escalation,
    FocusArea,
    Meeting,
    MeetingPartner,
    Partner,
    Signal,
)

MAX_DECISION = 4000
MAX_LOCATION = 160
AGENDA_PURPOSE = "agenda overleg"
"""The purpose noted with the view of a case shown on a meeting's agenda."""
DECISION_PURPOSE = "besluit overleg"
"""The purpose noted with the change of a case by a decision in the minutes."""

_ORGANISERS = (Role.COORDINATOR,)
_PREPARERS = (Role.COORDINATOR, Role.WIJKAGENT)
_READERS = (Role.COORDINATOR, Role.WIJKAGENT, Role.PARTNER)


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


_PRIORITY = {reason: index for index, reason in enumerate(AgendaReason)}


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

    @property
    def type_label(self) -> str:
        return self.meeting_type.label

    @property
    def status_label(self) -> str:
        return self.status.label


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


# --------------------------------------------------------------------------- loading


def _load_meeting(session: Session, meeting_id: str) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(tr("Overleg niet gevonden."))
    return meeting


def _partner_ids(session: Session, meeting_id: str) -> list[str]:
    return list(
        session.execute(
            select(MeetingPartner.partner_id).where(MeetingPartner.meeting_id == meeting_id)
        ).scalars()
    )


def _check_reader(session: Session, ctx: ServiceContext, meeting: Meeting) -> None:
    """A meeting in ``access.meeting_scope``; a refusal otherwise."""
    if access.sees_meeting(ctx, session, meeting.id):
        return
    if ctx.actor.role is Role.PARTNER:
        message = tr(
            "Uw organisatie neemt niet deel aan dit overleg; de agenda en de casussen daarvan "
            "zijn niet voor u."
        )
    else:
        message = tr("Dit overleg valt buiten uw focusgebieden.")
    raise RefusedAccess(message, OBJ_MEETING, meeting.id)


def _check_preparer(ctx: ServiceContext, meeting: Meeting) -> None:
    require_role(ctx, *_PREPARERS)
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
            )
        )
    return result


def _info(session: Session, meeting: Meeting) -> MeetingInfo:
    session.flush()
    return _infos(session, [meeting])[0]


# --------------------------------------------------------------------------- planning


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
    unique = list(dict.fromkeys(p for p in partner_ids if p))
    if not unique:
        raise ValidationError(
            tr("Kies de partnerorganisaties die aan het overleg deelnemen (ten minste één)."),
            field="partner_ids",
        )
    known = set(
        session.execute(
            select(Partner.id).where(Partner.id.in_(unique), Partner.active.is_(True))
        ).scalars()
    )
    if len(known) != len(unique):
        raise ValidationError(
            tr("Een gekozen partner is onbekend of niet meer actief. Kies opnieuw."),
            field="partner_ids",
        )
    return unique


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
    require_role(ctx, *_ORGANISERS)
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
        return _info(session, meeting)


@retrying
def move_meeting(
    ctx: ServiceContext, meeting_id: str, starts_at: datetime, location: str | None = None
) -> MeetingInfo:
    """Move a planned meeting (not into the past); the location changes when given."""
    require_role(ctx, *_ORGANISERS)
    with work_unit(ctx) as session:
        meeting = _load_meeting(session, meeting_id)
        _require_status(meeting, MeetingStatus.GEPLAND)
        _check_start(ctx, starts_at)
        meeting.starts_at = starts_at
        if location is not None:
            meeting.location = _clean_location(location)
        ctx.audit(session, "update", OBJ_MEETING, meeting.id)
        return _info(session, meeting)


@retrying
def set_meeting_partners(
    ctx: ServiceContext, meeting_id: str, partner_ids: Sequence[str]
) -> MeetingInfo:
    """Replace the partners taking part in a meeting that has not been cancelled."""
    require_role(ctx, *_ORGANISERS)
    with work_unit(ctx) as session:
        meeting = _load_meeting(session, meeting_id)
        if meeting.status == MeetingStatus.GEANNULEERD:
            _require_status(meeting, MeetingStatus.GEPLAND)
        wanted = _check_partners(session, partner_ids)
        current = set(_partner_ids(session, meeting.id))
        for row in session.execute(
            select(MeetingPartner).where(MeetingPartner.meeting_id == meeting.id)
        ).scalars():
            if row.partner_id not in wanted:
                session.delete(row)
        for partner in wanted:
            if partner not in current:
                session.add(MeetingPartner(meeting_id=meeting.id, partner_id=partner))
        ctx.audit(session, "update", OBJ_MEETING, meeting.id)
        return _info(session, meeting)


@retrying
def cancel_meeting(ctx: ServiceContext, meeting_id: str) -> MeetingInfo:
    """Cancel a planned meeting; its items can be proposed again for the next one."""
    require_role(ctx, *_ORGANISERS)
    with work_unit(ctx) as session:
        meeting = _load_meeting(session, meeting_id)
        _require_status(meeting, MeetingStatus.GEPLAND)
        meeting.status = str(MeetingStatus.GEANNULEERD)
        ctx.audit(session, "update", OBJ_MEETING, meeting.id)
        return _info(session, meeting)


def _require_status(meeting: Meeting, *allowed: MeetingStatus) -> None:
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
) -> list[MeetingInfo]:
    """Meetings from ``from_date`` up to and including ``to_date``, in time order."""
    require_role(ctx, *_READERS)
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
        meetings = list(session.execute(stmt.order_by(Meeting.starts_at, Meeting.id)).scalars())
        ctx.audit(session, "view", "meeting_list", None)
        return _infos(session, meetings)


# --------------------------------------------------------------------------- agenda view


def _category_names(session: Session) -> dict[str, str]:
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


def _item_infos(
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
    categories = _category_names(session)
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
    infos = _item_infos(ctx, session, items, partner_id)
    if opened:
        ctx.audit(session, "view", OBJ_MEETING, meeting.id)
        for case_ref in dict.fromkeys(i.case_reference for i in infos if i.case_reference):
            ctx.audit(session, "view", OBJ_CASE, case_ref, purpose=AGENDA_PURPOSE)
    return MeetingDetail(_info(session, meeting), tuple(infos), partner_id)


@retrying
def get_meeting(ctx: ServiceContext, meeting_id: str) -> MeetingDetail:
    """The meeting with its agenda and minutes; a partner user gets its own copy."""
    require_role(ctx, *_READERS)
    with work_unit(ctx) as session:
        meeting = _load_meeting(session, meeting_id)
        _check_reader(session, ctx, meeting)
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
        meeting = _load_meeting(session, meeting_id)
        if not access.may_get_copy_of(ctx, partner_id):
            raise RefusedAccess(
                tr("U kunt alleen het exemplaar van uw eigen organisatie opvragen."),
                OBJ_MEETING,
                meeting.id,
            )
        if partner_id not in _partner_ids(session, meeting.id):
            raise RefusedAccess(
                tr(
                    "Deze organisatie neemt niet deel aan het overleg en krijgt de agenda en "
                    "de casussen daarvan niet."
                ),
                OBJ_MEETING,
                meeting.id,
            )
        return _detail(ctx, session, meeting, partner_id, opened=True)


# --------------------------------------------------------------------------- proposals


def _case_meeting_types(session: Session, case_ids: set[str]) -> dict[str, set[str]]:
    """Per case, the meeting types its signals were routed to (or whose category they
    belong to when routed to the coordinator); empty when the case has no signals."""
    result: dict[str, set[str]] = {case_id: set() for case_id in case_ids}
    if not case_ids:
        return result
    category_meeting = dict(session.execute(select(Category.id, Category.meeting)).tuples().all())
    for case_id, target, category_id in session.execute(
        select(Signal.case_id, Signal.route_target, Signal.category_id).where(
            Signal.case_id.in_(case_ids)
        )
    ).tuples():
        if case_id is None:
            continue
        kind: MeetingType | None = None
        if target in {t.value for t in MeetingType}:
            kind = MeetingType(target)
        else:
            code = category_meeting.get(category_id)
            if code is not None and code in MeetingType.__members__:
                kind = MeetingType[code]
        if kind is not None:
            result[case_id].add(kind.value)
    return result


def _discussed_since(session: Session, case_id: str, since_local: datetime) -> bool:
    """Whether the case is on the agenda of a (not cancelled) meeting at or after a time."""
    return (
        session.execute(
            select(AgendaItem.id)
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(
                AgendaItem.case_id == case_id,
                Meeting.starts_at >= since_local,
                Meeting.status != str(MeetingStatus.GEANNULEERD),
            )
            .limit(1)
        ).first()
        is not None
    )


def _last_discussed(session: Session, case_ids: set[str]) -> dict[str, datetime]:
    """Per case, the start of the latest (not cancelled) meeting with the case on its
    agenda, as naive UTC so that it compares with ``Signal.received_at``."""
    result: dict[str, datetime] = {}
    ids = sorted(case_ids)
    for start in range(0, len(ids), 500):
        for case_id, latest in session.execute(
            select(AgendaItem.case_id, func.max(Meeting.starts_at))
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(
                AgendaItem.case_id.in_(ids[start : start + 500]),
                Meeting.status != str(MeetingStatus.GEANNULEERD),
            )
            .group_by(AgendaItem.case_id)
        ).tuples():
            if case_id is not None and latest is not None:
                result[case_id] = local_to_utc(latest)
    return result


def _day(value: date | datetime) -> str:
    return value.strftime("%d-%m-%Y")


@dataclass
class _Draft:
    """A proposal being collected (one per case, or per signal without a case)."""

    case: Case | None
    signal: Signal | None
    reasons: list[AgendaReason] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)


@retrying
def propose_agenda(ctx: ServiceContext, meeting_id: str) -> list[AgendaProposal]:
    """What should be on this meeting's agenda and is not yet: signals routed to this area
    and meeting type not yet on an agenda, cases whose review falls on or before the
    meeting, cases with an open escalation, and cases afgeschaald since they were last
    discussed. One proposal per case (a signal without a case on its own), weightiest
    reason first."""
    with work_unit(ctx) as session:
        meeting = _load_meeting(session, meeting_id)
        _check_preparer(ctx, meeting)
        kind = MeetingType(meeting.meeting_type)
        on_this = session.execute(
            select(AgendaItem.case_id, AgendaItem.signal_id).where(
                AgendaItem.meeting_id == meeting.id
            )
        ).all()
        cases_here = {c for c, _ in on_this if c}
        signals_here = {s for _, s in on_this if s}
        start_utc = local_to_utc(meeting.starts_at)
        categories = _category_names(session)

        found: dict[str, _Draft] = {}

        def add(
            key: str,
            reason: AgendaReason,
            sentence: str,
            case: Case | None,
            signal: Signal | None,
        ) -> None:
            draft = found.setdefault(key, _Draft(case=case, signal=signal))
            if reason not in draft.reasons:
                draft.reasons.append(reason)
            draft.sentences.append(sentence)
            if draft.signal is None:
                draft.signal = signal

        open_case = Case.status != str(CaseStatus.AFGESLOTEN)

        # Signals routed to this meeting, not yet on any agenda: neither as a signal item
        # nor through their case being on the agenda of a meeting after they came in. That
        # last check compares a meeting's local start with a UTC receipt time, so it runs
        # below, after converting (``_last_discussed``), not in SQL.
        signal_rows = session.execute(
            select(Signal, Case)
            .outerjoin(Case, Case.id == Signal.case_id)
            .where(
                Signal.focus_area_id == meeting.focus_area_id,
                Signal.route_target == kind.route_target.value,
                Signal.status.in_([SignalStatus.GEROUTEERD.value, SignalStatus.GEKOPPELD.value]),
                Signal.received_at <= start_utc,
                ~Signal.id.in_(
                    select(AgendaItem.signal_id)
                    .join(Meeting, Meeting.id == AgendaItem.meeting_id)
                    .where(
                        AgendaItem.signal_id.is_not(None),
                        Meeting.status != str(MeetingStatus.GEANNULEERD),
                    )
                ),
                or_(Signal.case_id.is_(None), open_case),
            )
            .order_by(Signal.received_at)
        ).tuples().all()
        last_discussed = _last_discussed(
            session, {linked.id for _, linked in signal_rows if linked is not None}
        )
        for signal, linked in signal_rows:
            if signal.id in signals_here or (linked is not None and linked.id in cases_here):
                continue
            discussed = last_discussed.get(linked.id) if linked is not None else None
            if discussed is not None and discussed >= signal.received_at:
                continue  # the case was (or will be) discussed after this signal came in
            add(
                linked.id if linked is not None else f"signal:{signal.id}",
                AgendaReason.ROUTED,
                tr("Signaal {ref} ({category}) van {day} is naar dit overleg gerouteerd.").format(
                    ref=signal.reference,
                    category=categories.get(signal.category_id, "?"),
                    day=_day(utc_to_local(signal.received_at)),
                ),
                linked,
                signal,
            )

        # Cases of this area: reviews due, open escalations, afschaling.
        area_cases = Case.focus_area_id == meeting.focus_area_id
        review_rows = list(
            session.execute(
                select(Case).where(
                    area_cases,
                    open_case,
                    Case.next_review.is_not(None),
                    Case.next_review <= meeting.starts_at.date(),
                )
            ).scalars()
        )
        escalation_rows = list(
            session.execute(
                select(Escalation, Case)
                .join(Case, Case.id == Escalation.case_id)
                .where(
                    area_cases,
                    open_case,
                    or_(
                        Escalation.status.in_([s.value for s in EscalationStatus if s.is_open]),
                        Escalation.status == EscalationStatus.TERUGGELEGD.value,
                    ),
                )
                .order_by(Escalation.reference)
            ).tuples()
        )
        case_ids = {c.id for c in review_rows} | {c.id for _, c in escalation_rows}
        types = _case_meeting_types(session, case_ids)

        def fits(case: Case) -> bool:
            wanted = types.get(case.id, set())
            return case.id not in cases_here and (not wanted or kind.value in wanted)

        for case in review_rows:
            if not fits(case):
                continue
            assert case.next_review is not None
            add(
                case.id,
                AgendaReason.REVIEW,
                tr("Evaluatie gepland op {day} (risico {risk}).").format(
                    day=_day(case.next_review), risk=RiskLevel(case.risk_level).label.lower()
                ),
                case,
                None,
            )
        for escalation, case in escalation_rows:
            if not fits(case):
                continue
            target = EscalationTarget(escalation.target).label
            status = EscalationStatus(escalation.status)
            if status.is_open:
                add(
                    case.id,
                    AgendaReason.ESCALATION,
                    tr("Opschaling {ref} naar {target} loopt ({status}).").format(
                        ref=escalation.reference, target=target, status=status.label.lower()
                    ),
                    case,
                    None,
                )
                continue
            changed = utc_to_local(escalation.status_changed_at)
            if _discussed_since(session, case.id, changed):
                continue
            add(
                case.id,
                AgendaReason.AFSCHALING,
                tr(
                    "Opschaling {ref} naar {target} is op {day} teruggelegd bij het lokale overleg."
                ).format(ref=escalation.reference, target=target, day=_day(changed)),
                case,
                None,
            )

        proposals = []
        for draft in found.values():
            reasons = sorted(draft.reasons, key=_PRIORITY.__getitem__)
            found_case, found_signal = draft.case, draft.signal
            place = found_case if found_case is not None else found_signal
            assert place is not None
            proposals.append(
                AgendaProposal(
                    reason=reasons[0],
                    reasons=tuple(reasons),
                    case_id=found_case.id if found_case else None,
                    case_reference=found_case.reference if found_case else None,
                    signal_id=found_signal.id if found_signal else None,
                    signal_reference=found_signal.reference if found_signal else None,
                    address=format_address(
                        place.street,
                        place.house_number,
                        place.addition,
                        place.postcode,
                        place.city,
                    ),
                    explanation=" ".join(draft.sentences),
                )
            )
        proposals.sort(
            key=lambda p: (_PRIORITY[p.reason], p.case_reference or "~", p.signal_reference or "")
        )
        ctx.audit(session, "view", "agenda_proposals", meeting.id)
        return proposals


# --------------------------------------------------------------------------- agenda editing


def _next_position(session: Session, meeting_id: str) -> int:
    # max()+1 assumes no other writer adds an item meanwhile: on SQLite the unit's write
    # lock holds from its start; on PostgreSQL two desks adding at once may get the same
    # position, which only ties the order (no constraint) until the next reordering
    # numbers the items again.
    current = session.execute(
        select(func.max(AgendaItem.position)).where(AgendaItem.meeting_id == meeting_id)
    ).scalar_one_or_none()
    return (current or 0) + 1


def _insert_item(
    session: Session,
    ctx: ServiceContext,
    meeting: Meeting,
    case_id: str | None,
    signal_id: str | None,
    reason: AgendaReason,
) -> AgendaItem:
    if meeting.status == MeetingStatus.GEANNULEERD:
        _require_status(meeting, MeetingStatus.GEPLAND, MeetingStatus.GEHOUDEN)
    if not case_id and not signal_id:
        raise ValidationError(
            tr("Kies een casus of een signaal voor het agendapunt."), field="case_id"
        )
    signal: Signal | None = None
    if signal_id:
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
        meeting = _load_meeting(session, meeting_id)
        _check_preparer(ctx, meeting)
        _insert_item(session, ctx, meeting, case_id, signal_id, why)
        return _detail(ctx, session, meeting, None)


@retrying
def accept_proposals(
    ctx: ServiceContext, meeting_id: str, proposals: Sequence[AgendaProposal]
) -> MeetingDetail:
    """Put several proposals on the agenda at once, in the order given (all or nothing)."""
    with work_unit(ctx) as session:
        meeting = _load_meeting(session, meeting_id)
        _check_preparer(ctx, meeting)
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
        meeting = _load_meeting(session, meeting_id)
        _check_preparer(ctx, meeting)
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
        for position, item_id in enumerate(ordered_item_ids, start=1):
            items[item_id].position = position
        ctx.audit(session, "update", OBJ_MEETING, meeting.id)
        return _detail(ctx, session, meeting, None)


def _load_item(session: Session, item_id: str) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFound(tr("Agendapunt niet gevonden."))
    return item


@retrying
def remove_agenda_item(ctx: ServiceContext, item_id: str) -> MeetingDetail:
    """Take an item off the agenda, unless a decision or actions were recorded on it."""
    with work_unit(ctx) as session:
        item = _load_item(session, item_id)
        meeting = _load_meeting(session, item.meeting_id)
        _check_preparer(ctx, meeting)
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
        for position, rest in enumerate(_items(session, meeting.id), start=1):
            rest.position = position
        ctx.audit(session, "delete", OBJ_AGENDA_ITEM, item_id)
        return _detail(ctx, session, meeting, None)


@retrying
def mark_agenda_sent(ctx: ServiceContext, meeting_id: str) -> MeetingInfo:
    """Note that the agenda went out to the partners (stops the 'agenda not sent' reminder)."""
    with work_unit(ctx) as session:
        meeting = _load_meeting(session, meeting_id)
        _check_preparer(ctx, meeting)
        _require_status(meeting, MeetingStatus.GEPLAND)
        if not _items(session, meeting.id):
            raise ValidationError(
                tr("De agenda is leeg; zet er eerst punten op."), field="meeting_id"
            )
        meeting.agenda_sent_at = utc_naive(ctx)
        ctx.audit(session, "send", OBJ_MEETING, meeting.id)
        return _info(session, meeting)


# --------------------------------------------------------------------------- minutes


@retrying
def record_decision(
    ctx: ServiceContext,
    item_id: str,
    decision_text: str,
    actions: Sequence[ActionInput] = (),
    signal_outcome: OutcomeChoice | None = None,
) -> AgendaItemInfo:
    """Record the decision on an agenda item and the actions agreed, in one unit of work:
    when one action is invalid, nothing is saved. The case counts as reviewed: its next
    review follows the risk cadence from the meeting date.

    On a signal item, ``signal_outcome`` says what happens to the signal (handled,
    rejected, a new case, linked; None or "blijft": it stays routed), applied in the same
    unit of work; after a new case or a link the actions go to that case."""
    require_role(ctx, *_ORGANISERS)
    with work_unit(ctx) as session:
        item = _load_item(session, item_id)
        meeting = _load_meeting(session, item.meeting_id)
        _require_status(meeting, MeetingStatus.GEPLAND, MeetingStatus.GEHOUDEN)
        if meeting.starts_at > ctx.clock.now():
            raise ValidationError(
                tr("Het overleg begint pas {start}; leg het besluit daarna vast.").format(
                    start=meeting.starts_at.strftime("%d-%m-%Y %H:%M")
                ),
                field="decision_text",
            )
        if item.decision is not None:
            raise ValidationError(
                tr("Op dit agendapunt is al een besluit vastgelegd."), field="item_id"
            )
        text = (decision_text or "").strip()
        if not text:
            raise ValidationError(
                tr("Schrijf het besluit op: wat spraken de partners af?"), field="decision_text"
            )
        if len(text) > MAX_DECISION:
            raise ValidationError(
                tr("Het besluit is te lang ({n} tekens); maximaal {max}.").format(
                    n=len(text), max=MAX_DECISION
                ),
                field="decision_text",
            )
        case = load_case(session, ctx, item.case_id) if item.case_id else None
        if signal_outcome is not None and item.signal_id is not None and case is None:
            signal = find_signal(session, item.signal_id)
            apply_outcome_row(ctx, session, signal, signal_outcome)
            if signal.case_id is not None:
                case = load_case(session, ctx, signal.case_id)
        elif signal_outcome is not None and signal_outcome.outcome is not SignalOutcome.BLIJFT:
            raise ValidationError(
                tr("Dit agendapunt gaat over een casus, niet over een los signaal."),
                field="signal_outcome",
            )
        if actions and case is None:
            raise ValidationError(
                tr("Acties horen bij een casus: koppel het signaal eerst aan een (nieuwe) casus."),
                field="actions",
            )
        if case is not None:
            # Check every action before saving any, so the message names the first bad one.
            for number, inp in enumerate(actions, start=1):
                validate_action(session, ctx, case, inp, tr("Actie {n}").format(n=number))
            for number, inp in enumerate(actions, start=1):
                insert_action(session, ctx, case, inp, item.id, tr("Actie {n}").format(n=number))
            start_handling(
                session,
                ctx,
                case,
                tr("Besproken in het overleg van {day}.").format(day=_day(meeting.starts_at)),
            )
            case.last_progress_at = utc_naive(ctx)
            case.next_review = next_review(meeting.starts_at.date(), RiskLevel(case.risk_level))
            ctx.audit(session, "update", OBJ_CASE, case.reference, purpose=DECISION_PURPOSE)
        item.decision = text
        item.decided_at = utc_naive(ctx)
        ctx.audit(session, "update", OBJ_AGENDA_ITEM, item.id)
        if meeting.status == MeetingStatus.GEPLAND:
            meeting.status = str(MeetingStatus.GEHOUDEN)
            ctx.audit(session, "update", OBJ_MEETING, meeting.id)
        # Only this item is returned: the rest of the agenda is neither rebuilt nor logged.
        session.flush()
        return _item_infos(ctx, session, [item], None)[0]


__all__ = [
    "AgendaItemInfo",
    "AgendaProposal",
    "AgendaReason",
    "MeetingDetail",
    "MeetingInfo",
    "MeetingStatus",
    "accept_proposals",
    "add_agenda_item",
    "agenda_for_partner",
    "cancel_meeting",
    "get_meeting",
    "list_meetings",
    "mark_agenda_sent",
    "partner_items",
    "move_meeting",
    "plan_meeting",
    "propose_agenda",
    "record_decision",
    "remove_agenda_item",
    "reorder_agenda",
    "set_meeting_partners",
]
