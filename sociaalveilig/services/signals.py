"""Signal registration: a signal lands in the right place and case.

A signal is checked exactly as the import checks a row (the field validators of
``core/csvimport.py``), its postcode gives municipality and focus area, the ordered routing
rules send it to a meeting or the coordinator (and the reason is kept), its category's
handling term gives the due date in working days, and it is proposed for an open case at
the same address or with the same person. The coordinator confirms the case choice.

Times: ``received_at`` is given and shown in local time (Europe/Amsterdam) and stored as
naive UTC, like every ``*_at`` column (storage/models.py).

The input and its checks live in ``signal_intake.py``, linking in ``signal_linking.py``,
the detail view and history in ``signal_records.py``, rule editing in ``routing_rules.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import (
    CaseStatus,
    RiskLevel,
    SignalStatus,
    Urgency,
)
from sociaalveilig.core.errors import AccessDenied, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.meldcode import check_meldcode
from sociaalveilig.core.routing import RoutingDecision
from sociaalveilig.core.workdays import next_review
from sociaalveilig.services import access
from sociaalveilig.services.context import (
    ServiceContext,
    local_to_utc,
    stored_now,
)
from sociaalveilig.services.refs import RefKind, next_reference
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.signal_intake import (
    INTAKE_ROLES,
    NEW_CASE,
    NO_CASE,
    AddressPlace,
    IntakeTables,
    NewSignal,
    PersonInput,
    SignalInput,
    check_signal_input,
)
from sociaalveilig.services.signal_linking import (
    CASE_WORK_ROLES,
    LinkProposal,
    _case_for_link,
    link_proposals,
    link_signal_row,
)
from sociaalveilig.services.signal_records import (
    SignalDetail,
    _detail,
    append_status,
    normalise_name,
)
from sociaalveilig.services.users import require_role
from sociaalveilig.storage.models import (
    Case,
    CasePerson,
    Person,
    Signal,
    SignalPerson,
)

# --------------------------------------------------------------------------- cases


def initial_risk(urgency: Urgency) -> RiskLevel:
    """A new case's risk level, until the coordinator sets it."""
    if urgency is Urgency.ACUUT:
        return RiskLevel.HOOG
    if urgency is Urgency.HOOG:
        return RiskLevel.MIDDEN
    return RiskLevel.LAAG


class SignalAddress(Protocol):
    """Where a signal is: a new signal being registered or one already stored."""

    @property
    def postcode(self) -> str: ...
    @property
    def house_number(self) -> int: ...
    @property
    def addition(self) -> str | None: ...
    @property
    def street(self) -> str | None: ...
    @property
    def city(self) -> str | None: ...
    @property
    def address_key(self) -> str: ...


class SignalPlace(Protocol):
    """The municipality and focus area a signal's address falls in."""

    @property
    def municipality_id(self) -> str | None: ...
    @property
    def focus_area_id(self) -> str | None: ...


def new_case_row(
    ctx: ServiceContext,
    session: Session,
    signal: SignalAddress,
    place: SignalPlace,
    risk: RiskLevel,
    note: str | None = None,
) -> Case:
    """A new open case at the signal's address (flushed; history, with ``note``, and audit
    written). A new signal at intake and a stored one made into a case both come here."""
    now_utc = stored_now(ctx)
    case = Case(
        reference=next_reference(session, RefKind.CASE, ctx.clock.now().year),
        status=CaseStatus.OPEN.value,
        risk_level=risk.value,
        postcode=signal.postcode,
        house_number=signal.house_number,
        addition=signal.addition,
        street=signal.street,
        city=signal.city,
        address_key=signal.address_key,
        municipality_id=place.municipality_id,
        focus_area_id=place.focus_area_id,
        lead_partner_id=None,
        summary=None,
        next_review=next_review(ctx.clock.now().date(), risk),
        created_at=now_utc,
        created_by=ctx.actor.user_id,
        last_progress_at=None,
    )
    session.add(case)
    session.flush()
    append_status(ctx, session, "case", case.id, None, CaseStatus.OPEN.value, note)
    ctx.audit(session, "create", "case", case.reference)
    return case


# --------------------------------------------------------------------------- preview


@dataclass(frozen=True)
class IntakePreview:
    postcode: str
    municipality: str
    municipality_unknown: bool
    """The postcode is valid but outside the table: the coordinator checks it."""
    focus_area: str | None
    routing: RoutingDecision
    due_date: date
    proposals: tuple[LinkProposal, ...]

    @property
    def proposed_choice(self) -> str:
        """The case the program proposes (the first proposal), else a new case."""
        return self.proposals[0].case_id if self.proposals else NEW_CASE

    @property
    def route_target_label(self) -> str:
        return self.routing.target.label


def _load_checked(
    ctx: ServiceContext, session: Session, inp: SignalInput
) -> tuple[IntakeTables, NewSignal, tuple[PersonInput, ...]]:
    tables = IntakeTables.load(session)
    checked, persons = check_signal_input(inp, tables.lookup, ctx.clock.now())
    return tables, checked, persons


@retrying
def preview_signal(ctx: ServiceContext, inp: SignalInput) -> IntakePreview:
    """What registering this signal would do: place, routing with its reason, due date and
    the linking proposal. Nothing is stored but the audit of the cases proposed."""
    require_role(ctx, *INTAKE_ROLES)
    with ctx.unit() as session:
        tables, checked, persons = _load_checked(ctx, session, inp)
        place = tables.place(checked.postcode)
        decision = tables.route(checked.category, place.focus_area, checked.source, checked.urgency)
        proposals = link_proposals(ctx, session, checked.address_key, persons)
        for proposal in proposals:
            ctx.audit(
                session, "link_proposal", "case", proposal.reference, person_ref=proposal.on_person
            )
        return IntakePreview(
            postcode=checked.postcode,
            municipality=place.municipality,
            municipality_unknown=place.municipality_unknown,
            focus_area=place.focus_area,
            routing=decision,
            due_date=tables.due_date(checked.category, checked.received_at),
            proposals=tuple(proposals),
        )


# --------------------------------------------------------------------------- register


# --------------------------------------------------------------------------- register


def _intake_choice(ctx: ServiceContext, case_choice: str) -> str:
    """The checked ``case_choice`` of a registration (role and choice; nothing read)."""
    require_role(ctx, *INTAKE_ROLES)
    choice = (case_choice or "").strip()
    if not choice:
        raise ValidationError(
            tr("Kies een casus: een bestaande, een nieuwe casus, of geen casus."), field="casus"
        )
    if choice == NEW_CASE and ctx.actor.role not in CASE_WORK_ROLES:
        raise AccessDenied(
            tr("Een nieuwe casus maakt de coördinator of de wijkagent; kies 'geen casus'.")
        )
    return choice


@retrying
def register_signal(ctx: ServiceContext, inp: SignalInput, case_choice: str) -> SignalDetail:
    """Register a signal: checked, placed, routed (reason kept), due date set, and linked
    to the chosen case (an existing case id or reference, ``NEW_CASE`` or ``NO_CASE``)."""
    _intake_choice(ctx, case_choice)
    with ctx.unit() as session:
        signal = register_signal_row(ctx, session, inp, case_choice)
        return _detail(ctx, session, signal)


def register_signal_row(
    ctx: ServiceContext, session: Session, inp: SignalInput, case_choice: str
) -> Signal:
    """``register_signal`` inside the caller's unit of work, for a service that does more
    in the same transaction (a buurtschouw finding made into a signal): the same checks,
    rows and audit entries; the stored signal row is returned, flushed."""
    choice = _intake_choice(ctx, case_choice)
    tables, checked, persons = _load_checked(ctx, session, inp)
    place = tables.place(checked.postcode)
    decision = tables.route(checked.category, place.focus_area, checked.source, checked.urgency)
    case: Case | None = None
    if choice == NEW_CASE and access.outside_own_areas(ctx, place.focus_area_id):
        raise AccessDenied(
            tr(
                "Dit adres ligt buiten uw focusgebieden; registreer het signaal zonder "
                "casus, dan maakt de coördinator de casus."
            )
        )
    if choice == NEW_CASE:
        case = new_case_row(ctx, session, checked, place, initial_risk(checked.urgency))
    elif choice != NO_CASE:
        case = _case_for_link(ctx, session, choice)
    meldcode_line = check_meldcode(
        checked.category, checked.urgency, inp.meldcode_decision, inp.meldcode_reason
    )
    signal = insert_signal(ctx, session, tables, checked, place, decision)
    if meldcode_line is not None:
        status = signal.status
        append_status(ctx, session, "signal", signal.id, status, status, meldcode_line)
        ctx.audit(session, "meldcode_decision", "signal", signal.reference)
    _add_persons(ctx, session, signal, persons, case)
    if case is not None:
        link_signal_row(ctx, session, signal, case, None)
    ctx.audit(session, "create", "signal", signal.reference)
    session.flush()
    return signal


def insert_signal(
    ctx: ServiceContext,
    session: Session,
    tables: IntakeTables,
    checked: NewSignal,
    place: AddressPlace,
    decision: RoutingDecision,
) -> Signal:
    """Store one routed signal (status nieuw → gerouteerd in its history)."""
    signal = Signal(
        reference=next_reference(session, RefKind.SIGNAL, ctx.clock.now().year),
        received_at=local_to_utc(checked.received_at),
        source=checked.source.value,
        organisation=checked.organisation,
        category_id=tables.categories[checked.category].id,
        postcode=checked.postcode,
        house_number=checked.house_number,
        addition=checked.addition,
        street=checked.street,
        city=checked.city,
        address_key=checked.address_key,
        municipality_id=place.municipality_id,
        focus_area_id=place.focus_area_id,
        description=checked.description,
        urgency=checked.urgency.value,
        reporter=checked.reporter,
        status=SignalStatus.GEROUTEERD.value,
        case_id=None,
        routing_rule_id=decision.rule_id,
        route_target=decision.target.value,
        route_reason=decision.reason,
        due_date=tables.due_date(checked.category, checked.received_at),
        created_at=stored_now(ctx),
        created_by=ctx.actor.user_id,
    )
    session.add(signal)
    session.flush()
    append_status(ctx, session, "signal", signal.id, None, SignalStatus.NIEUW.value, None)
    append_status(
        ctx,
        session,
        "signal",
        signal.id,
        SignalStatus.NIEUW.value,
        SignalStatus.GEROUTEERD.value,
        decision.reason,
    )
    return signal


def _add_persons(
    ctx: ServiceContext,
    session: Session,
    signal: Signal,
    persons: Sequence[PersonInput],
    case: Case | None,
) -> None:
    """Record the persons of a new signal. A person already in the chosen case with the
    same name and birth year is the same person (the coordinator confirmed the case);
    otherwise a new person record, never merged across cases by the program."""
    known: dict[tuple[str, int | None], Person] = {}
    if case is not None:
        for member in session.execute(
            select(Person)
            .join(CasePerson, CasePerson.person_id == Person.id)
            .where(CasePerson.case_id == case.id)
        ).scalars():
            known[(normalise_name(member.name), member.birth_year)] = member
    seen: set[str] = set()
    for entry in persons:
        person: Person | None = known.get((normalise_name(entry.name), entry.birth_year))
        if person is None or entry.birth_year is None:
            person = Person(
                reference=next_reference(session, RefKind.PERSON, ctx.clock.now().year),
                name=entry.name,
                birth_year=entry.birth_year,
                created_at=stored_now(ctx),
            )
            session.add(person)
            session.flush()
            ctx.audit(session, "create", "person", person.reference, person_ref=person.reference)
        if person.id in seen:
            continue
        seen.add(person.id)
        session.add(SignalPerson(signal_id=signal.id, person_id=person.id, role=entry.role))
    session.flush()
