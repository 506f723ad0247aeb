"""Signal records: reading a signal, its detail view and its status history.

The shared pieces of the signal services: which statuses are open or run a term, address
keys and formatting, the status history every change appends to, finding a case or signal
by id or reference, and the detail view a signal is shown in (``get_signal``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import (
    CaseStatus,
    RouteTarget,
    SignalStatus,
    Source,
    Urgency,
)
from sociaalveilig.core.errors import AccessDenied, NotFound, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.postcode import UNKNOWN_MUNICIPALITY
from sociaalveilig.core.workflow import WorkflowKind, allowed_next
from sociaalveilig.services import access
from sociaalveilig.services.context import (
    ServiceContext,
    stored_now,
    utc_to_local,
)
from sociaalveilig.services.refs import normalise_reference
from sociaalveilig.services.retry import retrying
from sociaalveilig.storage import row_scope
from sociaalveilig.storage.models import (
    Case,
    Category,
    FocusArea,
    Municipality,
    Person,
    Signal,
    SignalPerson,
    StatusChange,
    User,
)

_Referenced = TypeVar("_Referenced", Case, Signal)

MAX_REASON = 2000

# Signals still being worked on (not handled, not rejected).
OPEN_SIGNAL_STATUSES: tuple[SignalStatus, ...] = (
    SignalStatus.NIEUW,
    SignalStatus.GEROUTEERD,
    SignalStatus.GEKOPPELD,
)
# Signals whose handling term runs: overdue when their due date has passed. Linking a
# signal to a case ends its term: from then on the case carries the follow-up, with its
# own review dates and action deadlines on the worklists, and the signal still goes on
# the next meeting's agenda proposals. Counting every linked signal of a long-running
# case as overdue as well buried the loose signals nobody had picked up (in the demo,
# 142 of 190 "te laat" signals belonged to open cases).
TERM_SIGNAL_STATUSES: tuple[SignalStatus, ...] = (
    SignalStatus.NIEUW,
    SignalStatus.GEROUTEERD,
)
OPEN_CASE_STATUSES: tuple[CaseStatus, ...] = tuple(s for s in CaseStatus if s.is_open)

def address_key(postcode: str, house_number: int, addition: str | None) -> str:
    """The key that says two records are at the same address (``6411AB|12|A``)."""
    compact = postcode.replace(" ", "").upper()
    return f"{compact}|{house_number}|{(addition or '').strip().upper()}"


def format_address(
    street: str | None,
    house_number: int,
    addition: str | None,
    postcode: str,
    city: str | None,
) -> str:
    """``Voorbeeldstraat 12A, 6411 AB Heerlen`` (street and city when known)."""
    number = str(house_number)
    if addition:
        number += addition.upper() if len(addition) == 1 and addition.isalpha() else f"-{addition}"
    first = f"{street} {number}" if street else number
    second = f"{postcode} {city}" if city else postcode
    return f"{first}, {second}"


def normalise_name(name: str) -> str:
    """A person's name for comparison: blanks, case and accents ignored."""
    decomposed = unicodedata.normalize("NFKD", " ".join(name.split()).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# --------------------------------------------------------------------------- history


def append_status(
    ctx: ServiceContext,
    session: Session,
    object_type: str,
    object_id: str,
    old: str | None,
    new: str,
    reason: str | None,
) -> None:
    """Append one row to the status history (never edited)."""
    session.add(
        StatusChange(
            object_type=object_type,
            object_id=object_id,
            from_status=old,
            to_status=new,
            at=stored_now(ctx),
            user_id=ctx.actor.user_id,
            reason=reason,
        )
    )


def check_reason(reason: str | None, what: str) -> str:
    """Every manual change says why; ValidationError (field ``reden``) otherwise."""
    text = (reason or "").strip()
    if not text:
        raise ValidationError(
            tr("Geef een reden voor {what}; die komt in de geschiedenis.").format(what=what),
            field="reden",
        )
    if len(text) > MAX_REASON:
        raise ValidationError(
            tr("De reden is te lang: {length} tekens, hoogstens {limit}.").format(
                length=len(text), limit=MAX_REASON
            ),
            field="reden",
        )
    return text


def _find(session: Session, model: type[_Referenced], id_or_ref: str, missing: str) -> _Referenced:
    """A record by its reference (S-/C-…) or its id; NotFound with ``missing`` otherwise."""
    ref = normalise_reference(id_or_ref)
    row_scope.named(session, ref or id_or_ref.strip())
    if ref is not None:
        found = session.execute(
            select(model).where(model.reference == ref)  # type: ignore[attr-defined]
        ).scalar_one_or_none()
    else:
        found = session.get(model, id_or_ref.strip())
    if found is None:
        raise NotFound(missing.format(ref=id_or_ref))
    return found


def find_case(session: Session, id_or_ref: str) -> Case:
    """A case by id or reference; NotFound otherwise."""
    return _find(
        session, Case, id_or_ref, tr("Casus {ref} bestaat niet. Controleer de referentie.")
    )


def find_signal(session: Session, id_or_ref: str) -> Signal:
    return _find(
        session, Signal, id_or_ref, tr("Signaal {ref} bestaat niet. Controleer de referentie.")
    )


# --------------------------------------------------------------------------- views


@dataclass(frozen=True)
class PersonView:
    person_id: str
    reference: str
    """The pseudonym reference (``P-2026-000015``), as in the audit log."""
    name: str
    """Initials only in a pseudonymised view."""
    birth_year: int | None
    role: str


@dataclass(frozen=True)
class StatusEntry:
    at: datetime
    """Local time."""
    from_status: str | None
    to_status: str
    user: str | None
    reason: str | None


@dataclass(frozen=True)
class SignalDetail:
    signal_id: str
    reference: str
    received_at: datetime
    """Local time."""
    source: Source
    organisation: str | None
    category_code: str
    category_name: str
    postcode: str
    house_number: int
    addition: str | None
    street: str | None
    city: str | None
    address: str
    municipality: str
    municipality_unknown: bool
    focus_area: str | None
    description: str
    urgency: Urgency
    reporter: str | None
    """None: anonymous (or anonymised after the retention term)."""
    status: SignalStatus
    case_id: str | None
    case_reference: str | None
    route_target: RouteTarget | None
    route_rule_id: str | None
    route_reason: str | None
    due_date: date | None
    overdue: bool
    persons: tuple[PersonView, ...]
    history: tuple[StatusEntry, ...]
    allowed_next_statuses: tuple[SignalStatus, ...]
    version: int
    """The stored version: an edit sends it back as ``expected_version``."""
    emergency_access: bool = False

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def source_label(self) -> str:
        return self.source.label


def visible_reporter(ctx: ServiceContext, signal: Signal) -> str | None:
    """Who reported, for those who may need to ask back (coordinator, police); a partner
    organisation working the case has no need to know, unless it registered the signal."""
    if not access.sees_reporter(ctx, signal.created_by):
        return None
    return signal.reporter


def is_overdue(status: str, due: date | None, today: date) -> bool:
    return due is not None and due < today and status in TERM_SIGNAL_STATUSES


def user_names(session: Session, user_ids: Iterable[str | None]) -> dict[str, str]:
    wanted = sorted({u for u in user_ids if u})
    if not wanted:
        return {}
    return dict(
        session.execute(select(User.id, User.display_name).where(User.id.in_(wanted)))
        .tuples()
        .all()
    )


def history_of(session: Session, object_type: str, object_id: str) -> tuple[StatusEntry, ...]:
    rows = list(
        session.execute(
            select(StatusChange)
            .where(StatusChange.object_type == object_type, StatusChange.object_id == object_id)
            .order_by(StatusChange.id)
        ).scalars()
    )
    names = user_names(session, (r.user_id for r in rows))
    return tuple(
        StatusEntry(
            at=utc_to_local(r.at),
            from_status=r.from_status,
            to_status=r.to_status,
            user=names.get(r.user_id or "", r.user_id),
            reason=r.reason,
        )
        for r in rows
    )


def signal_persons(session: Session, signal_id: str) -> list[tuple[Person, str]]:
    return [
        (person, role)
        for person, role in session.execute(
            select(Person, SignalPerson.role)
            .join(SignalPerson, SignalPerson.person_id == Person.id)
            .where(SignalPerson.signal_id == signal_id)
            .order_by(Person.reference)
        ).tuples()
    ]


def audit_view(
    ctx: ServiceContext,
    session: Session,
    object_type: str,
    reference: str,
    person_refs: Sequence[str],
    purpose: str | None,
    action: str = "view",
) -> None:
    """One audit entry per person shown (so 'who looked at this person' can be answered),
    or one without a person."""
    refs: list[str | None] = list(person_refs) or [None]
    for person_ref in refs:
        ctx.audit(session, action, object_type, reference, person_ref=person_ref, purpose=purpose)


def _detail(
    ctx: ServiceContext, session: Session, signal: Signal, emergency: bool = False
) -> SignalDetail:
    tables_category = session.get(Category, signal.category_id)
    municipality = (
        session.get(Municipality, signal.municipality_id) if signal.municipality_id else None
    )
    area = session.get(FocusArea, signal.focus_area_id) if signal.focus_area_id else None
    case = session.get(Case, signal.case_id) if signal.case_id else None
    persons = signal_persons(session, signal.id)
    today = ctx.clock.now().date()
    return SignalDetail(
        signal_id=signal.id,
        reference=signal.reference,
        received_at=utc_to_local(signal.received_at),
        source=Source(signal.source),
        organisation=signal.organisation,
        category_code=tables_category.code if tables_category else "?",
        category_name=tables_category.name if tables_category else "?",
        postcode=signal.postcode,
        house_number=signal.house_number,
        addition=signal.addition,
        street=signal.street,
        city=signal.city,
        address=format_address(
            signal.street, signal.house_number, signal.addition, signal.postcode, signal.city
        ),
        municipality=municipality.name if municipality else UNKNOWN_MUNICIPALITY,
        municipality_unknown=municipality is None,
        focus_area=area.name if area else None,
        description=signal.description,
        urgency=Urgency(signal.urgency),
        reporter=visible_reporter(ctx, signal),
        status=SignalStatus(signal.status),
        case_id=signal.case_id,
        case_reference=case.reference if case else None,
        route_target=RouteTarget(signal.route_target) if signal.route_target else None,
        route_rule_id=signal.routing_rule_id,
        route_reason=signal.route_reason,
        due_date=signal.due_date,
        overdue=is_overdue(signal.status, signal.due_date, today),
        persons=tuple(
            PersonView(p.id, p.reference, p.name, p.birth_year, role) for p, role in persons
        ),
        history=history_of(session, "signal", signal.id),
        allowed_next_statuses=tuple(
            SignalStatus(s) for s in allowed_next(WorkflowKind.SIGNAL, signal.status)
        ),
        version=signal.version,
        emergency_access=emergency,
    )


# --------------------------------------------------------------------------- read


@retrying
def get_signal(ctx: ServiceContext, id_or_ref: str, purpose: str | None = None) -> SignalDetail:
    """One signal, for a user who may see it (or with a reason: the noodknop); logged."""
    access.require_signal_reader(ctx)
    reference: str | None = id_or_ref
    try:
        with ctx.unit(purpose) as session:
            signal = find_signal(session, id_or_ref)
            reference = signal.reference
            grant = access.check_signal_access(ctx, session, signal, purpose)
            detail = _detail(ctx, session, signal, emergency=grant.emergency)
            audit_view(
                ctx,
                session,
                "signal",
                signal.reference,
                [p.reference for p in detail.persons],
                grant.purpose,
            )
            return detail
    except AccessDenied:
        access.log_refusal(ctx, "signal", reference)
        raise


@retrying
def explain_routing(ctx: ServiceContext, signal_id: str) -> str:
    """Why a signal went where it went: the target and the rule that sent it there."""
    access.require_signal_reader(ctx)
    with ctx.unit() as session:
        signal = find_signal(session, signal_id)
        access.check_signal_access(ctx, session, signal)
        ctx.audit(session, "view_routing", "signal", signal.reference)
        if signal.route_target is None:
            return tr("Signaal {ref} is (nog) niet gerouteerd.").format(ref=signal.reference)
        return (
            tr("Signaal {ref} ging naar: {target}. {reason}")
            .format(
                ref=signal.reference,
                target=RouteTarget(signal.route_target).label,
                reason=signal.route_reason or "",
            )
            .strip()
        )
