"""The data of a case summary: the case, its persons, signals, decisions, actions, visits
and escalations, as the printing user may see them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select, true
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import (
    ActionStatus,
    ActionType,
    CaseStatus,
    EscalationStatus,
    EscalationTarget,
    MeetingType,
    RiskLevel,
    VisitStatus,
)
from sociaalveilig.core.errors import AccessDenied, NotFound
from sociaalveilig.core.i18n import tr
from sociaalveilig.services import access
from sociaalveilig.services.access import check_case_access, initials, is_pseudonymised
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.report_shared import (
    PrintMeta,
    address_line,
    as_local,
    enum_label,
    local_today,
    log_denied,
    pc4_place,
    print_meta,
    shorten,
    source_label,
)
from sociaalveilig.services.retry import retrying
from sociaalveilig.storage import row_scope
from sociaalveilig.storage.models import (
    Action,
    AgendaItem,
    Case,
    CasePerson,
    Category,
    Escalation,
    FocusArea,
    Meeting,
    Municipality,
    Partner,
    Person,
    Signal,
    Visit,
    VisitPartner,
)


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
    row_scope.named(session, text.upper(), text.lower())
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
        with ctx.unit(purpose) as session:
            case_row = _find_case(session, ref)
            denied = case_row.reference
            access = check_case_access(ctx, session, case_row, purpose)
            denied = None
            pseudo = pseudonymised or access.pseudonymised or is_pseudonymised(ctx)
            data = _gather_case(ctx, session, case_row, pseudo)
            what = tr("casusoverzicht (gepseudonimiseerd)") if pseudo else tr("casusoverzicht")
            ctx.audit(session, "print", "case", case_row.reference, purpose=what)
            for person_ref in person_refs(session, case_row.id):
                ctx.audit(session, "print", "case", case_row.reference, person_ref=person_ref,
                          purpose=what)
            return data
    except AccessDenied:
        if denied is not None:
            log_denied(ctx, "case", denied)
        raise


def person_refs(session: Session, case_id: str) -> list[str]:
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
    partner_names = dict(session.execute(select(Partner.id, Partner.name)).tuples().all())
    # A partner reads other partners' notes only where it took part (issue 7).
    own_partner = access.partner_view(ctx)
    area, municipality = _place_names(session, c)
    address = (
        pc4_place(c.postcode, c.city)
        if pseudo
        else address_line(c.street, c.house_number, c.addition, c.postcode, c.city)
    )
    return CaseSummaryData(
        meta=print_meta(ctx),
        pseudonymised=pseudo,
        case_id=c.id,
        reference=c.reference,
        address=address,
        area=area,
        municipality=municipality,
        status=enum_label(CaseStatus, c.status),
        risk_level=enum_label(RiskLevel, c.risk_level),
        lead_partner=partner_names.get(c.lead_partner_id, "") if c.lead_partner_id else "",
        next_review=c.next_review,
        opened=(as_local(c.created_at) or c.created_at).date(),
        closed=(as_local(c.closed_at) or c.closed_at).date() if c.closed_at else None,
        summary="" if pseudo else (c.summary or ""),
        zvh_criteria=_zvh_lines(c),
        persons=_person_lines(session, c, pseudo),
        signals=_signal_lines(session, c, pseudo),
        decisions=_decision_lines(session, c, pseudo, own_partner),
        actions=_action_lines(
            session, c, pseudo, own_partner, partner_names, local_today(ctx)
        ),
        visits=_visit_lines(session, c, pseudo, own_partner, partner_names),
        escalations=_escalation_lines(session, c, pseudo),
    )


def _place_names(session: Session, c: Case) -> tuple[str, str]:
    """The names of the case's focus area and municipality ("" where it has none)."""
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
    return area, municipality


def _person_lines(session: Session, c: Case, pseudo: bool) -> tuple[PersonLine, ...]:
    return tuple(
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


def _signal_lines(session: Session, c: Case, pseudo: bool) -> tuple[SignalLine, ...]:
    return tuple(
        SignalLine(
            reference,
            (as_local(received) or received).date(),
            source_label(source) + (f" ({organisation})" if organisation and not pseudo else ""),
            category,
            "" if pseudo else shorten(description),
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


def _decision_lines(
    session: Session, c: Case, pseudo: bool, own_partner: str | None
) -> tuple[DecisionLine, ...]:
    return tuple(
        DecisionLine(
            starts_at.date(),
            enum_label(MeetingType, meeting_type),
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


def _action_lines(
    session: Session,
    c: Case,
    pseudo: bool,
    own_partner: str | None,
    partner_names: dict[str, str],
    today: date,
) -> tuple[ActionLine, ...]:
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
                enum_label(ActionType, a.action_type),
                partner_names.get(a.owner_partner_id, ""),
                a.deadline,
                enum_label(ActionStatus, a.status),
                is_open and a.deadline < today,
                shorten(a.description, 300) if show_notes else "",
            )
        )
    return tuple(actions)


def _visit_lines(
    session: Session,
    c: Case,
    pseudo: bool,
    own_partner: str | None,
    partner_names: dict[str, str],
) -> tuple[VisitLine, ...]:
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
                enum_label(VisitStatus, v.status),
                shorten(v.purpose, 200) if show_notes else "",
                shorten(v.outcome_notes, 300) if show_notes else "",
            )
        )
    return tuple(visits)


def _escalation_lines(session: Session, c: Case, pseudo: bool) -> tuple[EscalationLine, ...]:
    return tuple(
        EscalationLine(
            e.reference,
            enum_label(EscalationTarget, e.target),
            enum_label(EscalationStatus, e.status),
            (as_local(e.status_changed_at) or e.status_changed_at).date(),
            "" if pseudo else (e.external_reference or ""),
            "" if pseudo else shorten(e.reason, 300),
        )
        for e in session.execute(
            select(Escalation).where(Escalation.case_id == c.id).order_by(Escalation.created_at)
        ).scalars()
    )


def _zvh_lines(c: Case) -> tuple[tuple[str, bool], ...]:
    """The five criteria of a zorg- en veiligheidshuis case, each with whether it holds."""
    return (
        (tr("Problemen op meer dan één leefgebied"), c.zvh_multiple_domains),
        (tr("Die leiden tot crimineel of overlastgevend gedrag"), c.zvh_behaviour),
        (tr("Samenwerking over ketens heen nodig"), c.zvh_chain_cooperation),
        (tr("Gevolgen voor gezinssysteem of omgeving"), c.zvh_family_or_surroundings),
        (tr("Ernstige lokale veiligheidsproblemen"), c.zvh_local_safety),
    )
