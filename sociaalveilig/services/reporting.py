"""Data for printed output: what each report shows, gathered in one unit of work.

Each function checks who may print what, reads exactly the fields the document needs
(data minimisation), writes one audit entry per print ("print", the case or meeting id, and
one entry per person printed so a person's own audit trail shows the print), and returns
plain frozen dataclasses. The PDF layout lives in ``sociaalveilig.reports``.

The management figures are computed in the database (GROUP BY, COUNT, ORDER BY/OFFSET for
the percentiles) so they stay fast on a region of 200,000 signals, and they hold no
personal data at all. Small counts are suppressed when shown (``suppressed``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select, true, union_all
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import (
    ActionStatus,
    ActionType,
    CaseStatus,
    EscalationStatus,
    EscalationTarget,
    MeetingType,
    RiskLevel,
    Role,
    SignalStatus,
    Source,
    VisitStatus,
)
from sociaalveilig.core.errors import AccessDenied, NotFound, ValidationError
from sociaalveilig.core.i18n import QT_TR_NOOP, tr
from sociaalveilig.core.postcode import match_focus_area
from sociaalveilig.services import access
from sociaalveilig.services.access import (
    check_case_access,
    initials,
    is_pseudonymised,
    signal_scope,
)
from sociaalveilig.services.audit_objects import OBJ_BUURTSCHOUW, OBJ_FOCUS_AREA
from sociaalveilig.services.buurtschouw import CHECKLIST, ChecklistGroup
from sociaalveilig.services.context import LOCAL_ZONE, ServiceContext
from sociaalveilig.services.meetings import AgendaReason, partner_items
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.signal_records import OPEN_SIGNAL_STATUSES, format_address
from sociaalveilig.services.users import require_role
from sociaalveilig.storage.models import (
    Action,
    AgendaItem,
    AuditHead,
    Buurtschouw,
    Case,
    CasePerson,
    Category,
    Escalation,
    FocusArea,
    Meeting,
    MeetingPartner,
    Municipality,
    Partner,
    Person,
    Signal,
    StatusChange,
    Visit,
    VisitPartner,
)

SUPPRESSION_THRESHOLD = 5
"""Counts from 1 up to this (exclusive) are shown as "<5" in management figures."""

SECONDARY_MARK = "x"
"""Shown for a count hidden only so that a suppressed neighbour cannot be worked out."""

RESIDENTS_PER_WIJKAGENT = 5000
"""Legal norm: one wijkagent per 5,000 residents."""

SHORT_DESCRIPTION = 180
"""Characters of a signal description printed in a case summary timeline."""

# Status history rows name their object kind; accept the English and the Dutch spelling.
_SIGNAL_KINDS = ("signal", "signaal")


# --------------------------------------------------------------------------- shared


@dataclass(frozen=True)
class PrintMeta:
    """Who printed a document and when (local time): the footer and the watermark."""

    display_name: str
    username: str
    printed_at: datetime
    audit_head: tuple[int, str] | None = None
    """Sequence number and start of the hash of the audit head, where printed (an anchor
    on paper: a later rewrite of the audit log no longer fits it)."""


def _meta(ctx: ServiceContext) -> PrintMeta:
    return PrintMeta(ctx.actor.display_name, ctx.actor.username, ctx.clock.now())


def _today(ctx: ServiceContext) -> date:
    return ctx.clock.now().date()


def _utc_naive(day: date) -> datetime:
    """Local midnight at the start of ``day`` as naive UTC (the form of ``*_at`` columns)."""
    local = datetime.combine(day, time()).replace(tzinfo=LOCAL_ZONE)
    return local.astimezone(UTC).replace(tzinfo=None)


def _local(moment: datetime | None) -> datetime | None:
    """A stored naive-UTC moment as naive local time, for printing."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC).astimezone(LOCAL_ZONE).replace(tzinfo=None)


def _label(enum_type: Any, value: str | None) -> str:
    if value is None:
        return ""
    try:
        return str(enum_type(value).label)
    except ValueError:
        return value


def _source_label(value: str) -> str:
    return _label(Source, value)


def _address(street: str | None, number: int, addition: str | None, postcode: str,
             city: str | None) -> str:
    return format_address(street, number, addition, postcode, city)


def _pc4_place(postcode: str, city: str | None) -> str:
    """The coarse location of a pseudonymised print: PC4 and place, no street."""
    return " ".join(x for x in (postcode.strip()[:4], city or "") if x)


def _short(text: str | None, limit: int = SHORT_DESCRIPTION) -> str:
    if not text:
        return ""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def suppressed(count: int) -> str:
    """A count as shown in management figures: 1–4 become "<5" so no one is recognisable."""
    if 0 < count < SUPPRESSION_THRESHOLD:
        return "<" + str(SUPPRESSION_THRESHOLD)
    return str(count)


def suppress_breakdown(counts: Sequence[int]) -> list[str]:
    """Cells of a breakdown whose total is shown: small counts become "<5", and when exactly
    one cell was suppressed the next smallest non-zero cell is suppressed too, so the hidden
    value cannot be worked out by subtracting the others from the total."""
    shown = [suppressed(c) for c in counts]
    hidden = [i for i, c in enumerate(counts) if 0 < c < SUPPRESSION_THRESHOLD]
    if len(hidden) == 1:
        others = [(c, i) for i, c in enumerate(counts) if c >= SUPPRESSION_THRESHOLD]
        if others:
            _, index = min(others)
            shown[index] = SECONDARY_MARK
    return shown


@retrying
def log_denied(ctx: ServiceContext, object_type: str, object_id: str | None) -> None:
    """Record a refused print in its own unit (the refused unit itself was rolled back)."""
    with ctx.unit() as session:
        ctx.audit(session, "print", object_type, object_id, outcome="denied")


@retrying
def log_failed_write(ctx: ServiceContext, object_type: str, object_id: str | None) -> None:
    """A print whose data was read but whose file could not be written."""
    with ctx.unit() as session:
        if (
            object_type == OBJ_BUURTSCHOUW
            and object_id is not None
            and session.get(Buurtschouw, object_id) is None
        ):
            # A pack without a planned walk is about the focus area (named like the
            # entry of the print itself, ``buurtschouw_pack_data``).
            object_type = OBJ_FOCUS_AREA
        ctx.audit(session, "print", object_type, object_id, outcome="failed")


# --------------------------------------------------------------------------- case summary


@dataclass(frozen=True)
class PersonLine:
    name: str
    """Full name, or initials in the pseudonymised variant."""
    birth_year: int | None
    role: str


@dataclass(frozen=True)
class SignalLine:
    reference: str
    received: date
    source: str
    category: str
    description: str
    """Shortened; empty in the pseudonymised variant."""


@dataclass(frozen=True)
class DecisionLine:
    meeting_date: date
    meeting_type: str
    decision: str
    """Empty in the pseudonymised variant (free text may name people)."""


@dataclass(frozen=True)
class ActionLine:
    reference: str
    action_type: str
    owner: str
    deadline: date
    status: str
    overdue: bool
    description: str


@dataclass(frozen=True)
class VisitLine:
    planned: datetime
    partners: str
    joint: bool
    status: str
    purpose: str
    outcome: str


@dataclass(frozen=True)
class EscalationLine:
    reference: str
    target: str
    status: str
    since: date
    external_reference: str
    reason: str


@dataclass(frozen=True)
class CaseSummaryData:
    meta: PrintMeta
    pseudonymised: bool
    case_id: str
    reference: str
    address: str
    area: str
    municipality: str
    status: str
    risk_level: str
    lead_partner: str
    next_review: date | None
    opened: date
    closed: date | None
    summary: str
    zvh_criteria: tuple[tuple[str, bool], ...]
    persons: tuple[PersonLine, ...]
    signals: tuple[SignalLine, ...]
    decisions: tuple[DecisionLine, ...]
    actions: tuple[ActionLine, ...]
    visits: tuple[VisitLine, ...]
    escalations: tuple[EscalationLine, ...]


def _find_case(session: Session, ref: str) -> Case:
    text = ref.strip()
    row = session.execute(
        select(Case).where(or_(Case.reference == text.upper(), Case.id == text.lower()))
    ).scalar_one_or_none()
    if row is None:
        raise NotFound(
            tr("Casus '{ref}' bestaat niet. Controleer de referentie (zoals C-2026-00042).")
            .format(ref=text)
        )
    return row


@retrying
def case_summary_data(
    ctx: ServiceContext, ref: str, pseudonymised: bool = False, purpose: str | None = None
) -> CaseSummaryData:
    """Everything a case summary prints; forced pseudonymised for managers. Audit-logged as
    a print of the case and of each person on it. ``purpose`` opens a case outside the
    user's scope (noodknop, logged by the access check)."""
    denied: str | None = None
    try:
        with ctx.unit() as session:
            case_row = _find_case(session, ref)
            denied = case_row.reference
            access = check_case_access(ctx, session, case_row, purpose)
            denied = None
            pseudo = pseudonymised or access.pseudonymised or is_pseudonymised(ctx)
            data = _gather_case(ctx, session, case_row, pseudo)
            what = tr("casusoverzicht (gepseudonimiseerd)") if pseudo else tr("casusoverzicht")
            ctx.audit(session, "print", "case", case_row.reference, purpose=what)
            for person_ref in _person_refs(session, case_row.id):
                ctx.audit(session, "print", "case", case_row.reference, person_ref=person_ref,
                          purpose=what)
            return data
    except AccessDenied:
        if denied is not None:
            log_denied(ctx, "case", denied)
        raise


def _person_refs(session: Session, case_id: str) -> list[str]:
    return list(
        session.execute(
            select(Person.reference)
            .join(CasePerson, CasePerson.person_id == Person.id)
            .where(CasePerson.case_id == case_id)
            .order_by(Person.reference)
        ).scalars()
    )


def _gather_case(
    ctx: ServiceContext, session: Session, c: Case, pseudo: bool
) -> CaseSummaryData:
    today = _today(ctx)
    partner_names = dict(session.execute(select(Partner.id, Partner.name)).tuples().all())
    # A partner reads other partners' notes only where it took part (issue 7).
    own_partner = access.partner_view(ctx)

    area = ""
    if c.focus_area_id:
        area = session.execute(
            select(FocusArea.name).where(FocusArea.id == c.focus_area_id)
        ).scalar_one()
    municipality = ""
    if c.municipality_id:
        municipality = session.execute(
            select(Municipality.name).where(Municipality.id == c.municipality_id)
        ).scalar_one()

    persons = tuple(
        PersonLine(
            initials(name) if pseudo else name,
            None if pseudo else birth_year,
            role,
        )
        for name, birth_year, role in session.execute(
            select(Person.name, Person.birth_year, CasePerson.role)
            .join(CasePerson, CasePerson.person_id == Person.id)
            .where(CasePerson.case_id == c.id)
            .order_by(Person.reference)
        ).tuples()
    )

    signals = tuple(
        SignalLine(
            reference,
            (_local(received) or received).date(),
            _source_label(source) + (f" ({organisation})" if organisation and not pseudo else ""),
            category,
            "" if pseudo else _short(description),
        )
        for reference, received, source, organisation, category, description in session.execute(
            select(
                Signal.reference,
                Signal.received_at,
                Signal.source,
                Signal.organisation,
                Category.name,
                Signal.description,
            )
            .join(Category, Category.id == Signal.category_id)
            .where(Signal.case_id == c.id)
            .order_by(Signal.received_at, Signal.reference)
        ).tuples()
    )

    decisions = tuple(
        DecisionLine(
            starts_at.date(),
            _label(MeetingType, meeting_type),
            "" if pseudo else (decision or ""),
        )
        for starts_at, meeting_type, decision in session.execute(
            select(Meeting.starts_at, Meeting.meeting_type, AgendaItem.decision)
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(
                AgendaItem.case_id == c.id,
                AgendaItem.decision.is_not(None),
                # A partner reads the decisions of the meetings it took part in, as in the
                # case timeline (cases.py).
                access.partner_agenda_items(own_partner)
                if own_partner is not None
                else true(),
            )
            .order_by(Meeting.starts_at)
        ).tuples()
    )

    actions = []
    for a in session.execute(
        select(Action).where(Action.case_id == c.id).order_by(Action.deadline, Action.reference)
    ).scalars():
        status = ActionStatus(a.status) if a.status in ActionStatus._value2member_map_ else None
        is_open = status.is_open if status else False
        show_notes = not pseudo and access.sees_details_of(own_partner, a.owner_partner_id)
        actions.append(
            ActionLine(
                a.reference,
                _label(ActionType, a.action_type),
                partner_names.get(a.owner_partner_id, ""),
                a.deadline,
                _label(ActionStatus, a.status),
                is_open and a.deadline < today,
                _short(a.description, 300) if show_notes else "",
            )
        )

    visit_partners: dict[str, list[str]] = {}
    for visit_id, partner_id in session.execute(
        select(VisitPartner.visit_id, VisitPartner.partner_id)
        .join(Visit, Visit.id == VisitPartner.visit_id)
        .where(Visit.case_id == c.id)
    ).tuples():
        visit_partners.setdefault(visit_id, []).append(partner_id)
    visits = []
    for v in session.execute(
        select(Visit).where(Visit.case_id == c.id).order_by(Visit.planned_start)
    ).scalars():
        ids = visit_partners.get(v.id, [])
        show_notes = not pseudo and (own_partner is None or own_partner in ids)
        visits.append(
            VisitLine(
                v.planned_start,
                ", ".join(sorted(partner_names.get(p, "") for p in ids)),
                v.joint,
                _label(VisitStatus, v.status),
                _short(v.purpose, 200) if show_notes else "",
                _short(v.outcome_notes, 300) if show_notes else "",
            )
        )

    escalations = tuple(
        EscalationLine(
            e.reference,
            _label(EscalationTarget, e.target),
            _label(EscalationStatus, e.status),
            (_local(e.status_changed_at) or e.status_changed_at).date(),
            "" if pseudo else (e.external_reference or ""),
            "" if pseudo else _short(e.reason, 300),
        )
        for e in session.execute(
            select(Escalation).where(Escalation.case_id == c.id).order_by(Escalation.created_at)
        ).scalars()
    )

    zvh = (
        (tr("Problemen op meer dan één leefgebied"), c.zvh_multiple_domains),
        (tr("Die leiden tot crimineel of overlastgevend gedrag"), c.zvh_behaviour),
        (tr("Samenwerking over ketens heen nodig"), c.zvh_chain_cooperation),
        (tr("Gevolgen voor gezinssysteem of omgeving"), c.zvh_family_or_surroundings),
        (tr("Ernstige lokale veiligheidsproblemen"), c.zvh_local_safety),
    )
    address = (
        _pc4_place(c.postcode, c.city)
        if pseudo
        else _address(c.street, c.house_number, c.addition, c.postcode, c.city)
    )
    return CaseSummaryData(
        meta=_meta(ctx),
        pseudonymised=pseudo,
        case_id=c.id,
        reference=c.reference,
        address=address,
        area=area,
        municipality=municipality,
        status=_label(CaseStatus, c.status),
        risk_level=_label(RiskLevel, c.risk_level),
        lead_partner=partner_names.get(c.lead_partner_id, "") if c.lead_partner_id else "",
        next_review=c.next_review,
        opened=(_local(c.created_at) or c.created_at).date(),
        closed=(_local(c.closed_at) or c.closed_at).date() if c.closed_at else None,
        summary="" if pseudo else (c.summary or ""),
        zvh_criteria=zvh,
        persons=persons,
        signals=signals,
        decisions=decisions,
        actions=tuple(actions),
        visits=tuple(visits),
        escalations=escalations,
    )


# --------------------------------------------------------------------------- buurtschouw


@dataclass(frozen=True)
class ChecklistLine:
    code: str
    """The checklist item's code, as the findings entry in the window knows it."""
    label: str
    hint: str


@dataclass(frozen=True)
class ChecklistSection:
    title: str
    items: tuple[ChecklistLine, ...]


def buurtschouw_checklist() -> tuple[ChecklistSection, ...]:
    """Heel, schoon, veilig and the four CPTED principles: the items of the buurtschouw
    service, so the paper matches the findings entered afterwards."""
    return tuple(
        ChecklistSection(
            group.label,
            tuple(
                ChecklistLine(item.code, item.label, item.hint)
                for item in CHECKLIST
                if item.group is group
            ),
        )
        for group in ChecklistGroup
    )


@dataclass(frozen=True)
class StreetSignals:
    street: str
    signals: tuple[tuple[date, str], ...]
    """(received date, category name) per open signal; no names, no house numbers."""


@dataclass(frozen=True)
class BuurtschouwPackData:
    meta: PrintMeta
    area_id: str
    area: str
    municipality: str
    walk_date: date
    planned_walk_id: str | None
    route: tuple[str, ...]
    route_from_signals: bool
    """True when no route was planned and the street list is built from open signals."""
    streets: tuple[StreetSignals, ...]
    checklist: tuple[ChecklistSection, ...]


def _resolve_area(session: Session, text: str) -> FocusArea:
    names = list(session.execute(select(FocusArea.name).order_by(FocusArea.name)).scalars())
    name = match_focus_area(text, names)
    return session.execute(select(FocusArea).where(FocusArea.name == name)).scalar_one()


def _split_route(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    parts = re.split(r"[\n;]+|,(?=\s*\D)", text)
    return tuple(p.strip(" -•\t") for p in parts if p.strip(" -•\t"))


_OPEN_SIGNAL = tuple(status.value for status in OPEN_SIGNAL_STATUSES)


@retrying
def buurtschouw_pack_data(
    ctx: ServiceContext, area: str, walk_date: date | None = None
) -> BuurtschouwPackData:
    """The walk preparation pack: route, open physical signals by street (category and date
    only), the checklist. Coordinator, or a wijkagent for an own focus area."""
    require_role(ctx, Role.COORDINATOR, Role.WIJKAGENT)
    with ctx.unit() as session:
        fa = _resolve_area(session, area)
        if access.outside_own_areas(ctx, fa.id):
            raise AccessDenied(
                tr("Focusgebied {area} is niet aan u toegewezen; vraag de coördinator om het "
                   "pakket.").format(area=fa.name)
            )
        today = _today(ctx)
        walk = _planned_walk(session, fa.id, walk_date, today)
        day = walk_date or (walk.walk_date if walk else today)
        # Only the physical living environment: residents walk along, so what happens behind
        # the front door never goes into this pack.
        rows = session.execute(
            select(Signal.street, Signal.postcode, Signal.received_at, Category.name)
            .join(Category, Category.id == Signal.category_id)
            .outerjoin(Case, Case.id == Signal.case_id)
            .where(
                Signal.focus_area_id == fa.id,
                Category.meeting == MeetingType.FL.name,
                Signal.status.in_(_OPEN_SIGNAL),
                signal_scope(ctx),
                or_(Signal.case_id.is_(None), Case.status != CaseStatus.AFGESLOTEN.value),
            )
            .order_by(Signal.street, Signal.received_at)
        ).tuples()
        by_street: dict[str, list[tuple[date, str]]] = {}
        for street, postcode, received, category in rows:
            key = street.strip() if street and street.strip() else tr("Postcode {pc}").format(
                pc=postcode
            )
            by_street.setdefault(key, []).append(((_local(received) or received).date(), category))
        streets = tuple(
            StreetSignals(name, tuple(items)) for name, items in sorted(by_street.items())
        )
        route = _split_route(walk.route) if walk else ()
        from_signals = not route
        if from_signals:
            route = tuple(
                s.street for s in sorted(streets, key=lambda s: (-len(s.signals), s.street))
            )
        municipality = session.execute(
            select(Municipality.name).where(Municipality.id == fa.municipality_id)
        ).scalar_one()
        ctx.audit(
            session,
            "print",
            OBJ_BUURTSCHOUW if walk else OBJ_FOCUS_AREA,
            walk.id if walk else fa.id,
            purpose=tr("buurtschouwpakket {area} {day}").format(area=fa.name, day=day.isoformat()),
        )
        return BuurtschouwPackData(
            meta=_meta(ctx),
            area_id=fa.id,
            area=fa.name,
            municipality=municipality,
            walk_date=day,
            planned_walk_id=walk.id if walk else None,
            route=route,
            route_from_signals=from_signals,
            streets=streets,
            checklist=buurtschouw_checklist(),
        )


def _planned_walk(
    session: Session, area_id: str, walk_date: date | None, today: date
) -> Buurtschouw | None:
    stmt = select(Buurtschouw).where(Buurtschouw.focus_area_id == area_id)
    if walk_date is not None:
        stmt = stmt.where(Buurtschouw.walk_date == walk_date)
    else:
        stmt = stmt.where(Buurtschouw.walk_date >= today).order_by(Buurtschouw.walk_date)
    return session.execute(stmt.limit(1)).scalar_one_or_none()


# --------------------------------------------------------------------------- meetings


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
    with ctx.unit() as session:
        m = session.get(Meeting, meeting_id)
        if m is None:
            raise NotFound(tr("Overleg {id} bestaat niet.").format(id=meeting_id))
        if access.outside_own_areas(ctx, m.focus_area_id):
            raise AccessDenied(tr("Dit overleg hoort bij een focusgebied dat niet aan u is "
                                  "toegewezen."))
        partner_names = dict(session.execute(select(Partner.id, Partner.name)).tuples().all())
        participants = set(
            session.execute(
                select(MeetingPartner.partner_id).where(MeetingPartner.meeting_id == m.id)
            ).scalars()
        )
        if partner_id is not None:
            if partner_id not in partner_names:
                raise ValidationError(tr("Onbekende organisatie."), field="partner")
            if partner_id not in participants:
                raise AccessDenied(
                    tr("{partner} neemt niet deel aan dit overleg en krijgt geen {kind}.").format(
                        partner=partner_names[partner_id], kind=kind
                    )
                )
        items = session.execute(
            select(AgendaItem).where(AgendaItem.meeting_id == m.id).order_by(AgendaItem.position)
        ).scalars().all()
        # A partner's copy holds what that partner sees of the meeting on screen: the
        # same access rule (``meetings.partner_items``), no more and no less.
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
                for person_ref in _person_refs(session, item.case_id):
                    ctx.audit(session, "print", "case", case_ref, person_ref=person_ref,
                              purpose=kind)
        return MeetingDocData(
            meta=_meta(ctx),
            meeting_id=m.id,
            minutes=minutes,
            meeting_type=_label(MeetingType, m.meeting_type),
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
            address = _address(c.street, c.house_number, c.addition, c.postcode, c.city)
            risk = _label(RiskLevel, c.risk_level)
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
            address = _address(s.street, s.house_number, s.addition, s.postcode, s.city)
            categories = [
                session.execute(
                    select(Category.name).where(Category.id == s.category_id)
                ).scalar_one()
            ]
    actions: tuple[MinutesAction, ...] = ()
    if minutes:
        actions = tuple(
            MinutesAction(
                _label(ActionType, a.action_type),
                partner_names.get(a.owner_partner_id, ""),
                a.deadline,
                _label(ActionStatus, a.status),
                _short(a.description, 240)
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
        reason=_label(AgendaReason, item.reason),
        risk_level=risk,
        decision=(item.decision or "") if minutes else "",
        actions=actions,
    )


# --------------------------------------------------------------------------- management


# Marked for lupdate; translated with tr() where they are shown.
_MONTHS = (
    QT_TR_NOOP("januari"), QT_TR_NOOP("februari"), QT_TR_NOOP("maart"), QT_TR_NOOP("april"),
    QT_TR_NOOP("mei"), QT_TR_NOOP("juni"), QT_TR_NOOP("juli"), QT_TR_NOOP("augustus"),
    QT_TR_NOOP("september"), QT_TR_NOOP("oktober"), QT_TR_NOOP("november"), QT_TR_NOOP("december"),
)
_MONTHS_SHORT = (
    QT_TR_NOOP("jan"), QT_TR_NOOP("feb"), QT_TR_NOOP("mrt"), QT_TR_NOOP("apr"), QT_TR_NOOP("mei"),
    QT_TR_NOOP("jun"), QT_TR_NOOP("jul"), QT_TR_NOOP("aug"), QT_TR_NOOP("sep"), QT_TR_NOOP("okt"),
    QT_TR_NOOP("nov"), QT_TR_NOOP("dec"),
)


@dataclass(frozen=True)
class Period:
    code: str
    """As typed back in canonical form: 2026, 2026Q3, 2026-07."""
    title: str
    """Dutch: "2026", "3e kwartaal 2026", "juli 2026"."""
    start: date
    end: date
    """Exclusive."""

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def parse_period(text: str) -> Period:
    """``2026`` (a year), ``2026Q3`` (a quarter) or ``2026-07`` (a month)."""
    value = (text or "").strip().upper().replace(" ", "")
    year_m = re.fullmatch(r"(\d{4})", value)
    quarter_m = re.fullmatch(r"(\d{4})-?Q([1-4])", value)
    month_m = re.fullmatch(r"(\d{4})-(\d{1,2})", value)
    period: Period | None = None
    if year_m and 2000 <= int(year_m.group(1)) <= 2100:
        y = int(year_m.group(1))
        period = Period(str(y), str(y), date(y, 1, 1), date(y + 1, 1, 1))
    elif quarter_m and 2000 <= int(quarter_m.group(1)) <= 2100:
        y, q = int(quarter_m.group(1)), int(quarter_m.group(2))
        start = date(y, 3 * (q - 1) + 1, 1)
        period = Period(f"{y}Q{q}", tr("{q}e kwartaal {y}").format(q=q, y=y), start,
                        _add_months(start, 3))
    elif month_m and 2000 <= int(month_m.group(1)) <= 2100 and 1 <= int(month_m.group(2)) <= 12:
        y, mo = int(month_m.group(1)), int(month_m.group(2))
        start = date(y, mo, 1)
        period = Period(f"{y}-{mo:02d}", f"{tr(_MONTHS[mo - 1])} {y}", start,
                        _add_months(start, 1))
    if period is None:
        raise ValidationError(
            tr("Onbekende periode '{value}'. Gebruik een jaar (2026), een kwartaal (2026Q3) of "
               "een maand (2026-07).").format(value=(text or "").strip()),
            field="period",
        )
    return period


@dataclass(frozen=True)
class CountRow:
    label: str
    count: int


@dataclass(frozen=True)
class MonthCount:
    label: str
    """Short Dutch month and year: "jul 2026"."""
    count: int


@dataclass(frozen=True)
class HandlingTime:
    count: int
    """Signals whose handling ended in the period."""
    median_days: float | None
    p90_days: float | None


@dataclass(frozen=True)
class ActionFigures:
    due: int
    """Actions with a deadline in the period (not cancelled)."""
    on_time: int
    late: int
    """Done after the deadline."""
    open_overdue: int
    """Still open and past the deadline on the reference date."""


@dataclass(frozen=True)
class AreaFigures:
    area: str
    residents: int
    signals: int
    new_cases: int
    closed_cases: int
    norm_fte: float
    """Residents / 5,000: the wijkagenten the norm asks for."""
    wijkagent_fte: float


@dataclass(frozen=True)
class ManagementData:
    meta: PrintMeta
    period: Period
    area: str | None
    """None: all of Parkstad."""
    as_of: date
    """Figures count up to and including this day (today when the period is still running)."""
    signals_total: int
    by_source: tuple[CountRow, ...]
    by_category: tuple[CountRow, ...]
    by_month: tuple[MonthCount, ...]
    new_cases: int
    closed_cases: int
    handling: HandlingTime
    actions: ActionFigures
    visits: tuple[CountRow, ...]
    visits_done: int
    escalations: tuple[CountRow, ...]
    areas: tuple[AreaFigures, ...]

    @property
    def empty(self) -> bool:
        return (
            self.signals_total == 0
            and self.new_cases == 0
            and self.closed_cases == 0
            and self.actions.due == 0
            and not any(r.count for r in self.visits)
            and not any(r.count for r in self.escalations)
        )


def _elapsed_days(session: Session, start: Any, end: Any) -> ColumnElement[Any]:
    """Days between two timestamp columns; the only dialect-specific expression here."""
    if session.get_bind().dialect.name == "postgresql":
        return func.extract("epoch", end - start) / 86400.0
    return func.julianday(end) - func.julianday(start)


def _in(column: Any, start: Any, end: Any) -> ColumnElement[bool]:
    return and_(column >= start, column < end)


@retrying
def management_data(ctx: ServiceContext, period: str, area: str | None) -> ManagementData:
    """Figures for a period and all or one focus area; no personal data at all."""
    require_role(ctx, Role.MANAGER, Role.COORDINATOR, Role.BEHEERDER, Role.WIJKAGENT)
    p = parse_period(period)
    today = _today(ctx)
    if p.start > today:
        raise ValidationError(
            tr("De periode {period} is nog niet begonnen; kies een periode tot en met vandaag "
               "({today}).").format(period=p.title, today=today.strftime("%d-%m-%Y")),
            field="period",
        )
    with ctx.unit() as session:
        fa = _resolve_area(session, area) if area else None
        if access.outside_own_areas(ctx, fa.id if fa is not None else None):
            raise AccessDenied(
                tr("Als wijkagent krijgt u alleen de cijfers van uw eigen focusgebied(en); kies "
                   "een van die gebieden.")
            )
        data = _gather_management(ctx, session, p, fa, today)
        ctx.audit(session, "print", "management_report", p.code,
                  purpose=fa.name if fa else tr("alle focusgebieden"))
        head = session.execute(select(AuditHead).where(AuditHead.id == 1)).scalar_one()
        meta = replace(data.meta, audit_head=(head.last_id, head.last_hash[:12]))
        return replace(data, meta=meta)


def _gather_management(
    ctx: ServiceContext, session: Session, p: Period, fa: FocusArea | None, today: date
) -> ManagementData:
    as_of = min(p.last_day, today)
    start_utc, end_utc = _utc_naive(p.start), _utc_naive(p.end)
    area_id = fa.id if fa else None

    # One pass over the period's signals, grouped by source, category and area; the
    # breakdowns below add up these groups.
    signal_stmt = (
        select(Signal.source, Signal.category_id, Signal.focus_area_id, func.count())
        .where(_in(Signal.received_at, start_utc, end_utc))
        .group_by(Signal.source, Signal.category_id, Signal.focus_area_id)
    )
    if area_id:
        signal_stmt = signal_stmt.where(Signal.focus_area_id == area_id)
    per_source: Counter[str] = Counter()
    per_category: Counter[str] = Counter()
    per_area: Counter[str | None] = Counter()
    for source, category_id, focus_area_id, count in session.execute(signal_stmt).tuples():
        per_source[source] += count
        per_category[category_id] += count
        per_area[focus_area_id] += count
    total = sum(per_source.values())
    by_source = tuple(
        sorted(
            (CountRow(_source_label(k), v) for k, v in per_source.items()),
            key=lambda r: (-r.count, r.label),
        )
    )
    category_names = dict(session.execute(select(Category.id, Category.name)).tuples().all())
    by_category = tuple(
        sorted(
            (CountRow(category_names.get(k, k), v) for k, v in per_category.items()),
            key=lambda r: (-r.count, r.label),
        )
    )

    by_month = _signals_by_month(session, p, area_id)

    new_per_area = _cases_per_area(session, Case.created_at, start_utc, end_utc, area_id)
    closed_per_area = _cases_per_area(session, Case.closed_at, start_utc, end_utc, area_id)
    new_cases = sum(new_per_area.values())
    closed_cases = sum(closed_per_area.values())

    handling = _handling_time(session, start_utc, end_utc, area_id)
    actions = _action_figures(session, p, area_id, today)

    visit_stmt = select(Visit.status, func.count(Visit.id)).where(
        _in(Visit.planned_start, datetime.combine(p.start, time()),
            datetime.combine(p.end, time()))
    )
    if area_id:
        visit_stmt = visit_stmt.join(Case, Case.id == Visit.case_id).where(
            Case.focus_area_id == area_id
        )
    visit_counts = dict(session.execute(visit_stmt.group_by(Visit.status)).tuples().all())
    visits = tuple(
        CountRow(status.label, int(visit_counts.get(status.value, 0))) for status in VisitStatus
    )

    esc_stmt = select(Escalation.target, func.count(Escalation.id)).where(
        _in(Escalation.created_at, start_utc, end_utc)
    )
    if area_id:
        esc_stmt = esc_stmt.join(Case, Case.id == Escalation.case_id).where(
            Case.focus_area_id == area_id
        )
    esc_counts = dict(session.execute(esc_stmt.group_by(Escalation.target)).tuples().all())
    escalations = tuple(
        CountRow(target.label, int(esc_counts.get(target.value, 0)))
        for target in EscalationTarget
    )

    return ManagementData(
        meta=_meta(ctx),
        period=p,
        area=fa.name if fa else None,
        as_of=as_of,
        signals_total=total,
        by_source=by_source,
        by_category=by_category,
        by_month=by_month,
        new_cases=new_cases,
        closed_cases=closed_cases,
        handling=handling,
        actions=actions,
        visits=visits,
        visits_done=int(visit_counts.get(VisitStatus.UITGEVOERD.value, 0)),
        escalations=escalations,
        areas=_area_figures(session, area_id, per_area, new_per_area, closed_per_area),
    )


def _month_window(p: Period) -> list[date]:
    """Month starts of the line chart: the twelve months ending with the period's last
    month (a year period is exactly its year)."""
    last = date(p.last_day.year, p.last_day.month, 1)
    return [_add_months(last, -i) for i in range(11, -1, -1)]


def _signals_by_month(
    session: Session, p: Period, area_id: str | None
) -> tuple[MonthCount, ...]:
    months = _month_window(p)
    bounds = [_utc_naive(m) for m in months] + [_utc_naive(_add_months(months[-1], 1))]
    # One GROUP BY over a CASE bucket: month boundaries are local midnights, which a
    # month() of the stored UTC moment would get wrong around midnight.
    bucket = case(
        *[(Signal.received_at < bounds[i + 1], literal(i)) for i in range(len(months))],
        else_=literal(len(months)),
    ).label("bucket")
    stmt = (
        select(bucket, func.count())
        .where(_in(Signal.received_at, bounds[0], bounds[-1]))
        .group_by(bucket)
    )
    if area_id:
        stmt = stmt.where(Signal.focus_area_id == area_id)
    counts = dict(session.execute(stmt).tuples().all())
    return tuple(
        MonthCount(f"{tr(_MONTHS_SHORT[m.month - 1])} {m.year}", int(counts.get(i, 0)))
        for i, m in enumerate(months)
    )


def _handling_time(
    session: Session, start_utc: datetime, end_utc: datetime, area_id: str | None
) -> HandlingTime:
    """Handling time of the signals whose handling ended in the period: from receipt to the
    closing of the case they belong to, or, for a signal without a case, to the moment it
    was set to afgehandeld (a final status, so once per signal).

    One query: the durations are ranked by a window function and only the rows at the
    median and 90th-percentile ranks come back."""
    via_case = (
        select(_elapsed_days(session, Signal.received_at, Case.closed_at).label("days"))
        .select_from(Case)
        .join(Signal, Signal.case_id == Case.id)
        .where(_in(Case.closed_at, start_utc, end_utc))
    )
    direct = (
        select(_elapsed_days(session, Signal.received_at, StatusChange.at).label("days"))
        .select_from(StatusChange)
        .join(Signal, Signal.id == StatusChange.object_id)
        .where(
            StatusChange.to_status == SignalStatus.AFGEHANDELD.value,
            _in(StatusChange.at, start_utc, end_utc),
            StatusChange.object_type.in_(_SIGNAL_KINDS),
            Signal.case_id.is_(None),
        )
    )
    if area_id:
        via_case = via_case.where(Signal.focus_area_id == area_id)
        direct = direct.where(Signal.focus_area_id == area_id)
    durations = union_all(via_case, direct).subquery()
    ranked = select(
        durations.c.days,
        func.row_number().over(order_by=durations.c.days).label("rank"),
        func.count().over().label("n"),
    ).subquery()
    n = ranked.c.n
    # Median: ranks (n+1)//2 and n//2+1 (the same rank when n is odd); 90th percentile by
    # nearest rank: ceil(0.9 n) = (9n + 9) // 10.
    rows = session.execute(
        select(ranked.c.rank, ranked.c.n, ranked.c.days).where(
            or_(
                ranked.c.rank == (n + 1) // 2,
                ranked.c.rank == n // 2 + 1,
                ranked.c.rank == (9 * n + 9) // 10,
            )
        )
    ).tuples().all()
    if not rows:
        return HandlingTime(0, None, None)
    total = int(rows[0][1])
    at_rank = {int(rank): max(0.0, float(days)) for rank, _, days in rows}
    median = (at_rank[(total + 1) // 2] + at_rank[total // 2 + 1]) / 2
    return HandlingTime(total, median, at_rank[(9 * total + 9) // 10])


def _action_figures(
    session: Session, p: Period, area_id: str | None, today: date
) -> ActionFigures:
    open_states = (ActionStatus.OPEN.value, ActionStatus.IN_UITVOERING.value)
    done_on_time = and_(
        Action.status == ActionStatus.AFGEROND.value,
        Action.completed_at.is_not(None),
        func.date(Action.completed_at) <= Action.deadline,
    )
    late_done = and_(
        Action.status == ActionStatus.AFGEROND.value,
        or_(Action.completed_at.is_(None), func.date(Action.completed_at) > Action.deadline),
    )
    open_overdue = and_(Action.status.in_(open_states), Action.deadline < today)
    stmt = select(
        func.count(Action.id),
        func.coalesce(func.sum(case((done_on_time, 1), else_=0)), 0),
        func.coalesce(func.sum(case((late_done, 1), else_=0)), 0),
        func.coalesce(func.sum(case((open_overdue, 1), else_=0)), 0),
    ).where(
        _in(Action.deadline, p.start, p.end),
        Action.status != ActionStatus.VERVALLEN.value,
    )
    if area_id:
        stmt = stmt.join(Case, Case.id == Action.case_id).where(Case.focus_area_id == area_id)
    due, on_time, late, overdue = session.execute(stmt).one()
    return ActionFigures(int(due), int(on_time), int(late), int(overdue))


def _cases_per_area(
    session: Session, column: Any, start_utc: datetime, end_utc: datetime, area_id: str | None
) -> dict[str | None, int]:
    """Cases whose ``column`` moment falls in the period, counted per focus area."""
    stmt = (
        select(Case.focus_area_id, func.count())
        .where(_in(column, start_utc, end_utc))
        .group_by(Case.focus_area_id)
    )
    if area_id:
        stmt = stmt.where(Case.focus_area_id == area_id)
    return {k: int(v) for k, v in session.execute(stmt).tuples()}


def _area_figures(
    session: Session,
    area_id: str | None,
    signals: Mapping[str | None, int],
    new: Mapping[str | None, int],
    closed: Mapping[str | None, int],
) -> tuple[AreaFigures, ...]:
    area_stmt = select(FocusArea).order_by(FocusArea.name)
    if area_id:
        area_stmt = area_stmt.where(FocusArea.id == area_id)
    return tuple(
        AreaFigures(
            a.name,
            a.residents,
            int(signals.get(a.id, 0)),
            int(new.get(a.id, 0)),
            int(closed.get(a.id, 0)),
            a.residents / RESIDENTS_PER_WIJKAGENT,
            float(a.wijkagent_fte or 0.0),
        )
        for a in session.execute(area_stmt).scalars()
    )


def month_labels(rows: Iterable[MonthCount]) -> list[str]:
    return [r.label for r in rows]
