"""Cases (casussen): one address, household or person, grouping the signals about it.

A case has a status (workflow table), a risk level that sets its review cadence, a lead
partner (casusregisseur), the persons involved, the ZVH checklist, and a timeline of
everything that happened: signals, status changes, meeting decisions, actions, home visits
and escalations. Opening a case is need-to-know (``access.py``) and audit-logged with the
references of the persons shown; a manager sees it pseudonymised.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TypeVar

from sqlalchemy import false, func, select
from sqlalchemy.orm import Session, object_session

from sociaalveilig.core.enums import (
    ActionStatus,
    ActionType,
    CaseStatus,
    EscalationStatus,
    EscalationTarget,
    MeetingType,
    RiskLevel,
    SignalStatus,
    Source,
    VisitStatus,
)
from sociaalveilig.core.errors import AccessDenied, ValidationError
from sociaalveilig.core.escalation import EscalationProposal, SignalFact, ZvhCriteria
from sociaalveilig.core.escalation import escalation_proposal as propose_escalation
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.postcode import UNKNOWN_MUNICIPALITY
from sociaalveilig.core.workdays import next_review
from sociaalveilig.core.workflow import WorkflowKind, allowed_next, check_transition
from sociaalveilig.services import access
from sociaalveilig.services.audit_objects import OBJ_ACTION
from sociaalveilig.services.context import ServiceContext, stored_now, utc_to_local
from sociaalveilig.services.refs import RefKind, next_reference
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.signal_intake import PersonInput, check_persons
from sociaalveilig.services.signal_linking import CASE_WORK_ROLES
from sociaalveilig.services.signal_records import (
    PersonView,
    append_status,
    audit_view,
    check_reason,
    find_case,
    format_address,
    normalise_name,
)
from sociaalveilig.services.versions import check_version, refuses_stale, set_unversioned
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
    StatusChange,
    Visit,
)

_E = TypeVar("_E", bound=StrEnum)


def _label(kind: type[_E], value: str) -> str:
    try:
        member = kind(value)
    except ValueError:
        return value
    label = getattr(member, "label", None)
    return label if isinstance(label, str) else value


def _day(value: date) -> str:
    return value.strftime("%d-%m-%Y")


# --------------------------------------------------------------------------- views


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    """Local time."""
    kind: str
    """signaal, status, evaluatie, besluit, actie, huisbezoek or opschaling."""
    reference: str | None
    title: str
    detail: str | None
    """Free text (description, reason, decision); None when the viewer may not see it."""
    object_id: str | None = None
    """The record the entry is about where it can be opened: the action, visit, meeting or
    escalation (None for a status change or a review)."""
    day: date | None = None
    """For a visit or a meeting: its day (the week or month to show it in)."""

    @property
    def kind_label(self) -> str:
        return {
            "signaal": tr("Signaal"),
            "status": tr("Status"),
            "evaluatie": tr("Evaluatie"),
            "agenda": tr("Agenda"),
            "besluit": tr("Besluit overleg"),
            "actie": tr("Actie"),
            "huisbezoek": tr("Huisbezoek"),
            "opschaling": tr("Opschaling"),
        }.get(self.kind, self.kind)


@dataclass(frozen=True)
class CaseDetail:
    case_id: str
    reference: str
    address: str
    """Only the postcode area and municipality in a pseudonymised view."""
    postcode: str
    house_number: int | None
    addition: str | None
    street: str | None
    city: str | None
    focus_area: str | None
    municipality: str
    municipality_unknown: bool
    status: CaseStatus
    risk_level: RiskLevel
    lead_partner_id: str | None
    lead_partner: str | None
    next_review: date | None
    created_at: datetime
    """Local time."""
    closed_at: datetime | None
    last_progress_at: datetime | None
    summary: str | None
    persons: tuple[PersonView, ...]
    timeline: tuple[TimelineEntry, ...]
    allowed_next_statuses: tuple[CaseStatus, ...]
    """Empty for a user who may not change the case."""
    zvh: ZvhCriteria
    signal_count: int
    version: int
    """The stored version this detail shows: an edit sends it back as ``expected_version``."""
    pseudonymised: bool = False
    emergency_access: bool = False

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def risk_label(self) -> str:
        return self.risk_level.label


def _may_change(ctx: ServiceContext, session: Session, case: Case) -> bool:
    return access.changes_case(ctx, session, case)


def _persons(session: Session, case_id: str, pseudonymised: bool) -> tuple[PersonView, ...]:
    rows = session.execute(
        select(Person, CasePerson.role)
        .join(CasePerson, CasePerson.person_id == Person.id)
        .where(CasePerson.case_id == case_id)
        .order_by(Person.reference)
    ).tuples()
    return tuple(
        PersonView(
            person_id=person.id,
            reference=person.reference,
            name=access.initials(person.name) if pseudonymised else person.name,
            birth_year=None if pseudonymised else person.birth_year,
            role=role,
        )
        for person, role in rows
    )


def _status_title(change: StatusChange) -> str:
    if change.from_status is None:
        return tr("Casus aangemaakt ({status})").format(
            status=_label(CaseStatus, change.to_status)
        )
    return tr("Status {old} → {new}").format(
        old=_label(CaseStatus, change.from_status),
        new=_label(CaseStatus, change.to_status),
    )


def _agenda_entry(
    item: AgendaItem, meeting: Meeting, hide: Callable[[str | None], str | None]
) -> TimelineEntry:
    """A decision when one was taken, else the case on that meeting's agenda."""
    if item.decision is None:
        return TimelineEntry(
            at=meeting.starts_at,
            kind="agenda",
            reference=None,
            title=tr("Op de agenda van {meeting} van {day}").format(
                meeting=_label(MeetingType, meeting.meeting_type).lower(),
                day=_day(meeting.starts_at.date()),
            ),
            detail=None,
            object_id=meeting.id,
            day=meeting.starts_at.date(),
        )
    return TimelineEntry(
        at=utc_to_local(item.decided_at) if item.decided_at else meeting.starts_at,
        kind="besluit",
        reference=None,
        title=tr("Besluit in {meeting} van {day}").format(
            meeting=_label(MeetingType, meeting.meeting_type).lower(),
            day=_day(meeting.starts_at.date()),
        ),
        detail=hide(item.decision),
        object_id=meeting.id,
        day=meeting.starts_at.date(),
    )


def _timeline(
    ctx: ServiceContext, session: Session, case: Case, pseudonymised: bool
) -> list[TimelineEntry]:
    partner_id = access.partner_view(ctx)
    hide: Callable[[str | None], str | None] = (
        (lambda _text: None) if pseudonymised else (lambda text: text)
    )
    partners = dict(session.execute(select(Partner.id, Partner.name)).tuples().all())
    entries: list[TimelineEntry] = []

    categories = dict(session.execute(select(Category.id, Category.name)).tuples().all())
    for signal in session.execute(select(Signal).where(Signal.case_id == case.id)).scalars():
        entries.append(
            TimelineEntry(
                at=utc_to_local(signal.received_at),
                kind="signaal",
                reference=signal.reference,
                title=tr("{category} (bron: {source})").format(
                    category=categories.get(signal.category_id, "?"),
                    source=_label(Source, signal.source).lower(),
                ),
                detail=hide(signal.description),
            )
        )

    for change in session.execute(
        select(StatusChange)
        .where(StatusChange.object_type == "case", StatusChange.object_id == case.id)
        .order_by(StatusChange.id)
    ).scalars():
        entries.append(
            TimelineEntry(
                utc_to_local(change.at), "status", None, _status_title(change), hide(change.reason)
            )
        )

    # Reviews (``case_reviews``): when, and the note (not for a partner: a coordinator's or
    # wijkagent's assessment of the case).
    for change in session.execute(
        select(StatusChange)
        .where(StatusChange.object_type == "case_review", StatusChange.object_id == case.id)
        .order_by(StatusChange.id)
    ).scalars():
        entries.append(
            TimelineEntry(
                utc_to_local(change.at),
                "evaluatie",
                None,
                tr("Casus geëvalueerd"),
                None if partner_id is not None else hide(change.reason),
            )
        )

    # The agenda items: a decision when one was taken, otherwise the case is on the agenda
    # of that meeting (shown at the meeting's time; an item records no time of its own).
    decisions = (
        select(AgendaItem, Meeting)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(AgendaItem.case_id == case.id)
    )
    if partner_id is not None:
        decisions = decisions.where(access.partner_agenda_items(partner_id))
    entries += [
        _agenda_entry(item, meeting, hide)
        for item, meeting in session.execute(decisions).tuples()
    ]

    for action in session.execute(select(Action).where(Action.case_id == case.id)).scalars():
        others_note = partner_id is not None and action.owner_partner_id != partner_id
        entries.append(
            TimelineEntry(
                at=utc_to_local(action.created_at),
                kind="actie",
                reference=action.reference,
                title=tr("{type} door {owner}, uiterlijk {deadline} ({status})").format(
                    type=_label(ActionType, action.action_type),
                    owner=partners.get(action.owner_partner_id, "?"),
                    deadline=_day(action.deadline),
                    status=_label(ActionStatus, action.status).lower(),
                ),
                detail=None if others_note else hide(action.description),
                object_id=action.id,
            )
        )

    entries += _action_history(session, case, partner_id, hide)

    for visit in session.execute(select(Visit).where(Visit.case_id == case.id)).scalars():
        took_part = partner_id is None or access.sees_visit(ctx, session, visit.id)
        notes = visit.purpose
        if visit.outcome_notes:
            notes = f"{visit.purpose}\n{visit.outcome_notes}"
        entries.append(
            TimelineEntry(
                at=visit.planned_start,
                kind="huisbezoek",
                reference=None,
                title=tr("{kind} ({status})").format(
                    kind=tr("Gezamenlijk huisbezoek") if visit.joint else tr("Huisbezoek"),
                    status=_label(VisitStatus, visit.status).lower(),
                ),
                detail=hide(notes) if took_part else None,
                object_id=visit.id,
                day=visit.planned_start.date(),
            )
        )

    escalations = select(Escalation).where(Escalation.case_id == case.id)
    if partner_id is not None:
        # Escalations (ZVH, RIEC, Veilig Thuis) are for the coordinator and the police;
        # the escalation services refuse partners, and so does the timeline.
        escalations = escalations.where(false())
    for escalation in session.execute(escalations).scalars():
        entries.append(
            TimelineEntry(
                at=utc_to_local(escalation.created_at),
                kind="opschaling",
                reference=escalation.reference,
                title=tr("Opschaling naar {target} ({status})").format(
                    target=_label(EscalationTarget, escalation.target),
                    status=_label(EscalationStatus, escalation.status).lower(),
                ),
                detail=hide(escalation.reason),
                object_id=escalation.id,
            )
        )
    order = {
        k: i
        for i, k in enumerate(
            (
                "signaal",
                "status",
                "evaluatie",
                "agenda",
                "besluit",
                "actie",
                "huisbezoek",
                "opschaling",
            )
        )
    }
    entries.sort(key=lambda e: (e.at, order.get(e.kind, 9)))
    return entries


def _action_history(
    session: Session,
    case: Case,
    partner_id: str | None,
    hide: Callable[[str | None], str | None],
) -> list[TimelineEntry]:
    """Each later step of the case's actions (started, done with its result, cancelled with
    its reason, a new deadline); another partner's reasons stay hidden from a partner."""
    actions = {
        a.id: a for a in session.execute(select(Action).where(Action.case_id == case.id)).scalars()
    }
    if not actions:
        return []
    entries: list[TimelineEntry] = []
    for change in session.execute(
        select(StatusChange)
        .where(
            StatusChange.object_type == OBJ_ACTION,
            StatusChange.object_id.in_(list(actions)),
            StatusChange.from_status.is_not(None),
        )
        .order_by(StatusChange.id)
    ).scalars():
        action = actions[change.object_id]
        kind = _label(ActionType, action.action_type)
        if change.from_status == change.to_status:
            title = tr("{type}: nieuwe deadline").format(type=kind)
        else:
            title = tr("{type}: {old} → {new}").format(
                type=kind,
                old=_label(ActionStatus, change.from_status or "").lower(),
                new=_label(ActionStatus, change.to_status).lower(),
            )
        others = partner_id is not None and action.owner_partner_id != partner_id
        entries.append(
            TimelineEntry(
                at=utc_to_local(change.at),
                kind="actie",
                reference=action.reference,
                title=title,
                detail=None if others else hide(change.reason),
                object_id=action.id,
            )
        )
    return entries


def case_detail(
    ctx: ServiceContext,
    session: Session,
    case: Case,
    *,
    pseudonymised: bool = False,
    emergency: bool = False,
) -> CaseDetail:
    """The case as the acting user may see it (the caller checked access)."""
    municipality = session.get(Municipality, case.municipality_id) if case.municipality_id else None
    area = session.get(FocusArea, case.focus_area_id) if case.focus_area_id else None
    lead = session.get(Partner, case.lead_partner_id) if case.lead_partner_id else None
    signal_count = int(
        session.execute(
            select(func.count()).select_from(Signal).where(Signal.case_id == case.id)
        ).scalar_one()
    )
    municipality_name = municipality.name if municipality else UNKNOWN_MUNICIPALITY
    if pseudonymised:
        pc4 = case.postcode[:4]
        address = f"{pc4} {municipality_name}"
    else:
        address = format_address(
            case.street, case.house_number, case.addition, case.postcode, case.city
        )
    may_change = not pseudonymised and _may_change(ctx, session, case)
    return CaseDetail(
        case_id=case.id,
        reference=case.reference,
        address=address,
        postcode=case.postcode[:4] if pseudonymised else case.postcode,
        house_number=None if pseudonymised else case.house_number,
        addition=None if pseudonymised else case.addition,
        street=None if pseudonymised else case.street,
        city=case.city,
        focus_area=area.name if area else None,
        municipality=municipality_name,
        municipality_unknown=municipality is None,
        status=CaseStatus(case.status),
        risk_level=RiskLevel(case.risk_level),
        lead_partner_id=case.lead_partner_id,
        lead_partner=lead.name if lead else None,
        next_review=case.next_review,
        created_at=utc_to_local(case.created_at),
        closed_at=utc_to_local(case.closed_at) if case.closed_at else None,
        last_progress_at=utc_to_local(case.last_progress_at) if case.last_progress_at else None,
        summary=None if pseudonymised else case.summary,
        persons=_persons(session, case.id, pseudonymised),
        timeline=tuple(_timeline(ctx, session, case, pseudonymised)),
        allowed_next_statuses=(
            tuple(CaseStatus(s) for s in allowed_next(WorkflowKind.CASE, case.status))
            if may_change
            else ()
        ),
        zvh=zvh_of(case),
        signal_count=signal_count,
        version=case.version,
        pseudonymised=pseudonymised,
        emergency_access=emergency,
    )


def zvh_of(case: Case) -> ZvhCriteria:
    return ZvhCriteria(
        multiple_life_domains=bool(case.zvh_multiple_domains),
        criminal_or_nuisance_behaviour=bool(case.zvh_behaviour),
        chain_cooperation_needed=bool(case.zvh_chain_cooperation),
        affects_family_or_surroundings=bool(case.zvh_family_or_surroundings),
        serious_local_safety_trouble=bool(case.zvh_local_safety),
    )


# --------------------------------------------------------------------------- read


@retrying
def get_case(ctx: ServiceContext, ref_or_id: str, purpose: str | None = None) -> CaseDetail:
    """One case for a user who may see it, or with a reason (noodknop); a manager gets it
    pseudonymised. Logged once per person shown, by the person's reference."""
    access.refuse_beheerder(ctx)
    reference: str | None = ref_or_id
    try:
        with ctx.unit(purpose) as session:
            case = find_case(session, ref_or_id)
            reference = case.reference
            grant = access.check_case_access(ctx, session, case, purpose)
            detail = case_detail(
                ctx,
                session,
                case,
                pseudonymised=grant.pseudonymised,
                emergency=grant.emergency,
            )
            audit_view(
                ctx,
                session,
                "case",
                case.reference,
                [p.reference for p in detail.persons],
                grant.purpose,
            )
            return detail
    except AccessDenied:
        access.log_refusal(ctx, "case", reference)
        raise


# --------------------------------------------------------------------------- change


def _case_for_change(
    ctx: ServiceContext,
    session: Session,
    ref_or_id: str,
    open_only: bool = False,
    expected_version: int | None = None,
) -> Case:
    """A case the acting user may change: the coordinator any, a wijkagent in own areas.
    ``open_only``: a change that belongs to the work on a case (risk, casusregisseur,
    persons, ZVH criteria) is refused once it is closed; reopening comes first.
    ``expected_version``: the version the user's edit was based on (``check_version``)."""
    if ctx.actor.role not in CASE_WORK_ROLES:
        access.refuse_beheerder(ctx)
        raise AccessDenied(
            tr("Een casus wijzigen doet de coördinator of de wijkagent van het gebied.")
        )
    case = find_case(session, ref_or_id)
    if not _may_change(ctx, session, case):
        raise AccessDenied(
            tr("Casus {ref} valt buiten uw werkgebied; vraag de coördinator.").format(
                ref=case.reference
            )
        )
    check_version(
        ctx, session, case, expected_version, "case", case.reference, tr("Deze casus")
    )
    if open_only and not CaseStatus(case.status).is_open:
        raise ValidationError(
            tr("Casus {ref} is afgesloten. Heropen de casus om dit te wijzigen.").format(
                ref=case.reference
            ),
            field="status",
        )
    return case


def record_progress(ctx: ServiceContext, case: Case) -> None:
    """Note that the case moved (a status change or a meeting decision): the escalation
    pattern counts only signals after the last progress."""
    session = object_session(case)
    assert session is not None  # a case being changed belongs to its unit's Session
    set_unversioned(session, case, last_progress_at=stored_now(ctx))


def set_case_status_row(
    ctx: ServiceContext, session: Session, case: Case, new: CaseStatus | str, reason: str
) -> None:
    """Move a case along its workflow inside the caller's unit: history, progress, and on
    closing the linked signals count as handled."""
    check_transition(WorkflowKind.CASE, case.status, new)
    target = CaseStatus(new)
    old = case.status
    case.status = target.value
    if target is CaseStatus.AFGESLOTEN:
        case.closed_at = stored_now(ctx)
        for signal in session.execute(
            select(Signal).where(
                Signal.case_id == case.id, Signal.status == SignalStatus.GEKOPPELD.value
            )
        ).scalars():
            signal.status = SignalStatus.AFGEHANDELD.value
            append_status(
                ctx,
                session,
                "signal",
                signal.id,
                SignalStatus.GEKOPPELD.value,
                SignalStatus.AFGEHANDELD.value,
                tr("Casus {ref} afgesloten.").format(ref=case.reference),
            )
    elif target is CaseStatus.HEROPEND:
        case.closed_at = None
    record_progress(ctx, case)
    append_status(ctx, session, "case", case.id, old, target.value, reason)
    session.flush()
    ctx.audit(session, "status", "case", case.reference)


@retrying
@refuses_stale
def change_case_status(
    ctx: ServiceContext,
    case_id: str,
    new: str,
    reason: str,
    *,
    expected_version: int | None = None,
) -> CaseDetail:
    """Change a case's status as the table allows; an illegal step names the allowed ones."""
    with ctx.unit() as session:
        case = _case_for_change(ctx, session, case_id, expected_version=expected_version)
        check_transition(WorkflowKind.CASE, case.status, new)
        text = check_reason(reason, tr("de statuswijziging"))
        set_case_status_row(ctx, session, case, new, text)
        return case_detail(ctx, session, case)


@retrying
@refuses_stale
def set_risk_level(
    ctx: ServiceContext,
    case_id: str,
    level: RiskLevel | str,
    reason: str | None = None,
    *,
    expected_version: int | None = None,
) -> CaseDetail:
    """Set the risk level; the next review date follows the cadence from today."""
    try:
        risk = RiskLevel(level)
    except ValueError:
        raise ValidationError(
            tr("Risiconiveau '{value}' is onbekend; kies uit {options}.").format(
                value=level, options=", ".join(r.value for r in RiskLevel)
            ),
            field="risico",
        ) from None
    with ctx.unit() as session:
        case = _case_for_change(ctx, session, case_id, True, expected_version)
        case.risk_level = risk.value
        case.next_review = next_review(ctx.clock.now().date(), risk)
        session.flush()
        ctx.audit(session, "risk", "case", case.reference)
        return case_detail(ctx, session, case)


@retrying
@refuses_stale
def set_lead_partner(
    ctx: ServiceContext,
    case_id: str,
    partner_id: str | None,
    *,
    expected_version: int | None = None,
) -> CaseDetail:
    """Name the casusregisseur (lead partner), or clear it with None."""
    with ctx.unit() as session:
        case = _case_for_change(ctx, session, case_id, True, expected_version)
        if partner_id is not None:
            partner = session.get(Partner, partner_id)
            if partner is None or not partner.active:
                raise ValidationError(
                    tr("Deze partner bestaat niet of is niet meer actief; kies een andere."),
                    field="casusregisseur",
                )
        case.lead_partner_id = partner_id
        session.flush()
        ctx.audit(session, "lead_partner", "case", case.reference)
        return case_detail(ctx, session, case)


@retrying
def add_person(ctx: ServiceContext, case_id: str, person: PersonInput) -> PersonView:
    """Add a person involved to a case (minimal data: name, birth year, role)."""
    with ctx.unit() as session:
        case = _case_for_change(ctx, session, case_id, open_only=True)
        found: list[tuple[str, str]] = []
        (checked,) = check_persons([person], ctx.clock.now().year, found)
        if found:
            raise ValidationError(
                tr("De betrokkene is niet toegevoegd: {problems}.").format(
                    problems="; ".join(text for _, text in found)
                ),
                field=found[0][0],
            )
        for existing in session.execute(
            select(Person)
            .join(CasePerson, CasePerson.person_id == Person.id)
            .where(CasePerson.case_id == case.id)
        ).scalars():
            if (
                normalise_name(existing.name) == normalise_name(checked.name)
                and existing.birth_year == checked.birth_year
            ):
                raise ValidationError(
                    tr("{ref} staat al als betrokkene in casus {case}.").format(
                        ref=existing.reference, case=case.reference
                    ),
                    field="betrokkene",
                )
        row = Person(
            reference=next_reference(session, RefKind.PERSON, ctx.clock.now().year),
            name=checked.name,
            birth_year=checked.birth_year,
            created_at=stored_now(ctx),
        )
        session.add(row)
        session.flush()
        session.add(CasePerson(case_id=case.id, person_id=row.id, role=checked.role))
        session.flush()
        ctx.audit(session, "add_person", "case", case.reference, person_ref=row.reference)
        return PersonView(row.id, row.reference, row.name, row.birth_year, checked.role)


@retrying
@refuses_stale
def set_zvh_criteria(
    ctx: ServiceContext,
    case_id: str,
    criteria: ZvhCriteria,
    *,
    expected_version: int | None = None,
) -> CaseDetail:
    """Record the ZVH checklist for a case, as a person judged it."""
    with ctx.unit() as session:
        case = _case_for_change(ctx, session, case_id, True, expected_version)
        case.zvh_multiple_domains = criteria.multiple_life_domains
        case.zvh_behaviour = criteria.criminal_or_nuisance_behaviour
        case.zvh_chain_cooperation = criteria.chain_cooperation_needed
        case.zvh_family_or_surroundings = criteria.affects_family_or_surroundings
        case.zvh_local_safety = criteria.serious_local_safety_trouble
        session.flush()
        ctx.audit(session, "zvh_criteria", "case", case.reference)
        return case_detail(ctx, session, case)


@retrying
def escalation_advice(ctx: ServiceContext, case_id: str) -> EscalationProposal:
    """Whether the program proposes escalation, and why: the ZVH criteria are met, or three
    or more signals from two or more sources in six months without progress."""
    with ctx.unit() as session:
        case = _case_for_change(ctx, session, case_id)
        facts = [
            SignalFact(date=utc_to_local(received), source=Source(source))
            for received, source in session.execute(
                select(Signal.received_at, Signal.source).where(Signal.case_id == case.id)
            ).tuples()
        ]
        progress = utc_to_local(case.last_progress_at) if case.last_progress_at else None
        ctx.audit(session, "escalation_advice", "case", case.reference)
        return propose_escalation(zvh_of(case), facts, ctx.clock.now(), progress)
