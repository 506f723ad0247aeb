"""Signal intake, routing and linking: a signal lands in the right place and case.

A signal is checked exactly as the import checks a row (the field validators of
``core/csvimport.py``), its postcode gives municipality and focus area, the ordered routing
rules send it to a meeting or the coordinator (and the reason is kept), its category's
handling term gives the due date in working days, and it is proposed for an open case at
the same address or with the same person. The coordinator confirms the case choice.

Times: ``received_at`` is given and shown in local time (Europe/Amsterdam) and stored as
naive UTC, like every ``*_at`` column (storage/models.py).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sociaalveilig.core import csvimport
from sociaalveilig.core.enums import (
    CaseStatus,
    MeetingType,
    RiskLevel,
    Role,
    RouteTarget,
    SignalStatus,
    Source,
    Urgency,
)
from sociaalveilig.core.errors import AccessDenied, NotFound, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.meldcode import check_meldcode
from sociaalveilig.core.postcode import UNKNOWN_MUNICIPALITY, match_focus_area
from sociaalveilig.core.routing import RoutingDecision, SignalFacts, route_signal
from sociaalveilig.core.routing import RoutingRule as RuleDef
from sociaalveilig.core.taxonomy import CategoryDef, category_lookup
from sociaalveilig.core.workdays import add_working_days, next_review
from sociaalveilig.core.workflow import WorkflowKind, allowed_next, check_transition
from sociaalveilig.services import access
from sociaalveilig.services.context import ServiceContext, local_to_utc, utc_to_local
from sociaalveilig.services.refs import RefKind, next_reference, normalise_reference
from sociaalveilig.services.users import require_role
from sociaalveilig.storage.models import (
    Case,
    CasePerson,
    Category,
    FocusArea,
    Municipality,
    Person,
    Postcode,
    RoutingRule,
    Signal,
    SignalPerson,
    StatusChange,
    User,
)

_Referenced = TypeVar("_Referenced", Case, Signal)

NEW_CASE = "new-case"
"""``case_choice`` for ``register_signal``: start a new case for this signal."""
NO_CASE = "no-case"
"""``case_choice`` for ``register_signal``: register without a case (routed only)."""

MAX_PERSON_NAME = 160
MAX_PERSON_ROLE = 60
MAX_REASON = 2000
DEFAULT_PERSON_ROLE = "betrokkene"

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

INTAKE_ROLES = (Role.COORDINATOR, Role.WIJKAGENT, Role.PARTNER)
CASE_WORK_ROLES = (Role.COORDINATOR, Role.WIJKAGENT)


# --------------------------------------------------------------------------- time


# ``local_to_utc`` and ``utc_to_local`` live in ``context.py``; they are imported here
# (and re-exported) because the other services long took them from this module.


def stored_now(ctx: ServiceContext) -> datetime:
    return ctx.clock.utcnow().astimezone(UTC).replace(tzinfo=None)


# --------------------------------------------------------------------------- input


@dataclass(frozen=True, kw_only=True)
class PersonInput:
    """A person involved (betrokkene): minimal data only."""

    name: str
    birth_year: int | None = None
    role: str = DEFAULT_PERSON_ROLE


@dataclass(frozen=True, kw_only=True)
class SignalInput:
    """A signal as a user enters it; the same fields as a row of the import file."""

    received_at: datetime
    """Local time."""
    source: str
    organisation: str | None = None
    category: str
    """A category code or name, any case."""
    postcode: str
    house_number: int | str
    addition: str | None = None
    street: str | None = None
    city: str | None = None
    description: str
    urgency: str = Urgency.NORMAAL.value
    reporter: str | None = None
    persons: tuple[PersonInput, ...] = ()
    meldcode_decision: str | None = None
    """For a Meldcode category (``core/meldcode.py``): what the user decided now."""
    meldcode_reason: str | None = None
    """Why it goes to the overleg, when that is the decision."""


@dataclass(frozen=True)
class NewSignal:
    """A checked signal, ready to store (from the window, the import or the demo)."""

    received_at: datetime
    """Local time."""
    source: Source
    organisation: str | None
    category: str
    """Category code."""
    postcode: str
    """Normalised, ``"6411 AB"``."""
    house_number: int
    addition: str | None
    street: str | None
    city: str | None
    description: str
    urgency: Urgency
    reporter: str | None

    @classmethod
    def from_import_row(cls, row: csvimport.ImportRow) -> NewSignal:
        return cls(
            received_at=row.occurred_at,
            source=row.source,
            organisation=row.organisation,
            category=row.category,
            postcode=row.postcode,
            house_number=row.house_number,
            addition=row.addition,
            street=row.street,
            city=row.place,
            description=row.description,
            urgency=row.urgency,
            reporter=row.reporter,
        )

    @property
    def address_key(self) -> str:
        return address_key(self.postcode, self.house_number, self.addition)


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


def _problem(found: list[tuple[str, str]], field_name: str, check: list[str]) -> None:
    found.extend((field_name, text) for text in check)


def check_signal_input(
    inp: SignalInput, categories: dict[str, str], now: datetime, today_year: int | None = None
) -> tuple[NewSignal, tuple[PersonInput, ...]]:
    """Check a signal as the import checks a row; ValidationError naming every problem
    (the first field in ``field``) and how to fix it."""
    found: list[tuple[str, str]] = []
    problems: list[str] = []
    received = None
    if not isinstance(inp.received_at, datetime):
        problems.append(tr("datum ontbreekt"))
    else:
        received = csvimport.check_date(
            inp.received_at.strftime("%d-%m-%Y %H:%M:%S"), now, problems
        )
    _problem(found, "datum", problems)

    problems = []
    source = csvimport.check_choice(str(inp.source or "").strip(), "bron", Source, problems)
    _problem(found, "bron", problems)
    problems = []
    category = csvimport.check_category((inp.category or "").strip(), categories, problems)
    _problem(found, "categorie", problems)
    problems = []
    postcode = csvimport.check_postcode((inp.postcode or "").strip(), problems)
    _problem(found, "postcode", problems)
    problems = []
    number_text = "" if inp.house_number is None else str(inp.house_number).strip()
    house_number = csvimport.check_house_number(number_text, problems)
    _problem(found, "huisnummer", problems)
    problems = []
    addition = csvimport.check_addition((inp.addition or "").strip(), problems)
    _problem(found, "toevoeging", problems)
    problems = []
    description = csvimport.check_description((inp.description or "").strip(), problems)
    _problem(found, "omschrijving", problems)
    problems = []
    urgency_text = str(inp.urgency or "").strip()
    urgency = (
        csvimport.check_choice(urgency_text, "urgentie", Urgency, problems)
        if urgency_text
        else Urgency.NORMAAL
    )
    _problem(found, "urgentie", problems)
    texts: dict[str, str | None] = {}
    for name, value in (
        ("organisatie", inp.organisation),
        ("straat", inp.street),
        ("plaats", inp.city),
        ("melder", inp.reporter),
    ):
        problems = []
        texts[name] = csvimport.check_text((value or "").strip(), name, problems)
        _problem(found, name, problems)
    reporter = texts["melder"]
    if reporter is not None and reporter.casefold() == csvimport.ANONYMOUS:
        reporter = None

    year_limit = today_year if today_year is not None else now.year
    persons = check_persons(inp.persons, year_limit, found)

    if (
        found
        or received is None
        or source is None
        or category is None
        or postcode is None
        or house_number is None
        or description is None
        or urgency is None
    ):
        raise ValidationError(
            tr("Het signaal is niet opgeslagen: {problems}.").format(
                problems="; ".join(text for _, text in found)
            ),
            field=found[0][0] if found else None,
        )
    assert isinstance(inp.received_at, datetime)
    return (
        NewSignal(
            received_at=inp.received_at.replace(tzinfo=None),
            source=source,
            organisation=texts["organisatie"],
            category=category,
            postcode=postcode,
            house_number=house_number,
            addition=addition,
            street=texts["straat"],
            city=texts["plaats"],
            description=description,
            urgency=urgency,
            reporter=reporter,
        ),
        persons,
    )


def check_persons(
    persons: Sequence[PersonInput], year_limit: int, found: list[tuple[str, str]]
) -> tuple[PersonInput, ...]:
    """Check persons involved (name required, plausible birth year); problems are added to
    ``found`` as (field, Dutch text); returns the persons with blanks tidied."""
    checked: list[PersonInput] = []
    for index, person in enumerate(persons, start=1):
        name = " ".join((person.name or "").split())
        role = " ".join((person.role or "").split()) or DEFAULT_PERSON_ROLE
        if not name:
            found.append(("betrokkene", tr("betrokkene {n}: naam ontbreekt").format(n=index)))
        elif len(name) > MAX_PERSON_NAME:
            found.append(
                (
                    "betrokkene",
                    tr("betrokkene {n}: naam is te lang (hoogstens {limit} tekens)").format(
                        n=index, limit=MAX_PERSON_NAME
                    ),
                )
            )
        if person.birth_year is not None and not 1900 <= person.birth_year <= year_limit:
            found.append(
                (
                    "geboortejaar",
                    tr(
                        "betrokkene {n}: geboortejaar {year} kan niet; geef een jaar tussen "
                        "1900 en {limit}, of laat het leeg"
                    ).format(n=index, year=person.birth_year, limit=year_limit),
                )
            )
        if len(role) > MAX_PERSON_ROLE:
            found.append(
                (
                    "betrokkene",
                    tr("betrokkene {n}: rol is te lang (hoogstens {limit} tekens)").format(
                        n=index, limit=MAX_PERSON_ROLE
                    ),
                )
            )
        checked.append(PersonInput(name=name, birth_year=person.birth_year, role=role))
    return tuple(checked)


# --------------------------------------------------------------------------- reference tables


@dataclass(frozen=True)
class AddressPlace:
    municipality_id: str | None
    municipality: str
    """The name, or ``"onbekend"`` outside the postcode table."""
    focus_area_id: str | None
    focus_area: str | None

    @property
    def municipality_unknown(self) -> bool:
        return self.municipality_id is None


@dataclass
class IntakeTables:
    """The reference data intake needs, read once per unit of work (or per import)."""

    categories: dict[str, Category]
    lookup: dict[str, str]
    postcodes: dict[str, tuple[str, str | None]]
    municipalities: dict[str, str]
    areas: dict[str, str]
    rules: list[RuleDef]
    category_names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session) -> IntakeTables:
        all_categories = list(session.execute(select(Category)).scalars())
        active = [c for c in all_categories if c.active]
        lookup = category_lookup(
            CategoryDef(c.code, c.name, c.main_category, MeetingType[c.meeting], c.term_days)
            for c in active
        )
        areas = dict(session.execute(select(FocusArea.id, FocusArea.name)).tuples().all())
        municipalities = dict(
            session.execute(select(Municipality.id, Municipality.name)).tuples().all()
        )
        postcodes = {
            code: (municipality_id, area_id)
            for code, municipality_id, area_id in session.execute(
                select(Postcode.code, Postcode.municipality_id, Postcode.focus_area_id)
            ).tuples()
        }
        rules = [rule_def(r, areas) for r in session.execute(select(RoutingRule)).scalars()]
        return cls(
            categories={c.code: c for c in all_categories},
            lookup=lookup,
            postcodes=postcodes,
            municipalities=municipalities,
            areas=areas,
            rules=rules,
            category_names={c.code: c.name for c in all_categories},
        )

    def place(self, postcode: str) -> AddressPlace:
        """Municipality and focus area of a (normalised) postcode: PC6 first, then PC4."""
        compact = postcode.replace(" ", "").upper()
        hit = self.postcodes.get(compact) or self.postcodes.get(compact[:4])
        if hit is None:
            return AddressPlace(None, UNKNOWN_MUNICIPALITY, None, None)
        municipality_id, area_id = hit
        return AddressPlace(
            municipality_id,
            self.municipalities.get(municipality_id, UNKNOWN_MUNICIPALITY),
            area_id,
            self.areas.get(area_id) if area_id else None,
        )

    def route(
        self, category_code: str, focus_area: str | None, source: Source, urgency: Urgency
    ) -> RoutingDecision:
        category = self.categories.get(category_code)
        facts = SignalFacts(
            category=category_code,
            main_category=category.main_category if category else None,
            focus_area=focus_area,
            source=source,
            urgency=urgency,
            category_meeting=MeetingType[category.meeting] if category else None,
        )
        return route_signal(facts, self.rules)

    def due_date(self, category_code: str, received_local: datetime) -> date:
        return add_working_days(received_local.date(), self.categories[category_code].term_days)


def rule_def(row: RoutingRule, areas: dict[str, str]) -> RuleDef:
    return RuleDef(
        rule_id=row.id,
        position=row.position,
        name=row.name,
        category=row.category_code,
        main_category=row.main_category,
        focus_area=areas.get(row.focus_area_id) if row.focus_area_id else None,
        source=Source(row.source) if row.source else None,
        urgency=Urgency(row.urgency) if row.urgency else None,
        target=RouteTarget(row.target),
        active=row.active,
    )


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


# --------------------------------------------------------------------------- cases


def initial_risk(urgency: Urgency) -> RiskLevel:
    """A new case's risk level, until the coordinator sets it."""
    if urgency is Urgency.ACUUT:
        return RiskLevel.HOOG
    if urgency is Urgency.HOOG:
        return RiskLevel.MIDDEN
    return RiskLevel.LAAG


def new_case_row(
    ctx: ServiceContext,
    session: Session,
    signal: NewSignal,
    place: AddressPlace,
    risk: RiskLevel,
) -> Case:
    """A new open case at the signal's address (flushed; history and audit written)."""
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
    append_status(ctx, session, "case", case.id, None, CaseStatus.OPEN.value, None)
    ctx.audit(session, "create", "case", case.reference)
    return case


def _find(session: Session, model: type[_Referenced], id_or_ref: str, missing: str) -> _Referenced:
    """A record by its reference (S-/C-…) or its id; NotFound with ``missing`` otherwise."""
    ref = normalise_reference(id_or_ref)
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


def attach_signal_persons(session: Session, signal_id: str, case_id: str) -> None:
    """The persons of a signal become persons of the case it is linked to."""
    known = set(
        session.execute(select(CasePerson.person_id).where(CasePerson.case_id == case_id))
        .scalars()
        .all()
    )
    for link in session.execute(
        select(SignalPerson).where(SignalPerson.signal_id == signal_id)
    ).scalars():
        if link.person_id not in known:
            session.add(CasePerson(case_id=case_id, person_id=link.person_id, role=link.role))
            known.add(link.person_id)


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
        emergency_access=emergency,
    )


# --------------------------------------------------------------------------- preview


@dataclass(frozen=True)
class LinkProposal:
    case_id: str
    reference: str
    status: CaseStatus
    address: str
    on_address: bool
    """Proposed because the case is at the same address."""
    on_person: str | None
    """Proposed because a person of the case has the same name and birth year: that
    person's reference."""
    explanation: str


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


def link_proposals(
    ctx: ServiceContext,
    session: Session,
    key: str,
    persons: Sequence[PersonInput],
) -> list[LinkProposal]:
    """Open cases at the same address, then open cases with a person of the same name and
    birth year; only cases the acting user may see."""
    scope = access.case_scope(ctx)
    open_statuses = [s.value for s in OPEN_CASE_STATUSES]
    found: dict[str, LinkProposal] = {}
    for case in session.execute(
        select(Case)
        .where(Case.address_key == key, Case.status.in_(open_statuses), scope)
        .order_by(Case.created_at.desc())
    ).scalars():
        found[case.id] = LinkProposal(
            case_id=case.id,
            reference=case.reference,
            status=CaseStatus(case.status),
            address=_case_address(case),
            on_address=True,
            on_person=None,
            explanation=tr("Open casus {ref} op hetzelfde adres.").format(ref=case.reference),
        )
    for person in persons:
        if person.birth_year is None:
            continue
        wanted = normalise_name(person.name)
        rows = session.execute(
            select(Case, Person)
            .join(CasePerson, CasePerson.case_id == Case.id)
            .join(Person, Person.id == CasePerson.person_id)
            .where(
                Person.birth_year == person.birth_year,
                Case.status.in_(open_statuses),
                scope,
            )
            .order_by(Case.created_at.desc())
        ).tuples()
        for case, known in rows:
            if normalise_name(known.name) != wanted:
                continue
            explanation = tr(
                "Open casus {ref} met een betrokkene met dezelfde naam en hetzelfde "
                "geboortejaar ({person})."
            ).format(ref=case.reference, person=known.reference)
            previous = found.get(case.id)
            if previous is not None:
                if previous.on_person is None:
                    found[case.id] = LinkProposal(
                        previous.case_id,
                        previous.reference,
                        previous.status,
                        previous.address,
                        previous.on_address,
                        known.reference,
                        previous.explanation + " " + explanation,
                    )
                continue
            found[case.id] = LinkProposal(
                case_id=case.id,
                reference=case.reference,
                status=CaseStatus(case.status),
                address=_case_address(case),
                on_address=False,
                on_person=known.reference,
                explanation=explanation,
            )
    return list(found.values())


def _case_address(case: Case) -> str:
    return format_address(case.street, case.house_number, case.addition, case.postcode, case.city)


def _load_checked(
    ctx: ServiceContext, session: Session, inp: SignalInput
) -> tuple[IntakeTables, NewSignal, tuple[PersonInput, ...]]:
    tables = IntakeTables.load(session)
    checked, persons = check_signal_input(inp, tables.lookup, ctx.clock.now())
    return tables, checked, persons


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


def _require_case_work(ctx: ServiceContext) -> None:
    require_role(ctx, *CASE_WORK_ROLES)


def _case_for_link(ctx: ServiceContext, session: Session, id_or_ref: str) -> Case:
    case = find_case(session, id_or_ref)
    if not CaseStatus(case.status).is_open:
        raise ValidationError(
            tr(
                "Casus {ref} is afgesloten. Heropen de casus eerst, of kies een andere of een "
                "nieuwe casus."
            ).format(ref=case.reference),
            field="casus",
        )
    if (
        ctx.actor.role is not Role.COORDINATOR
        and not session.execute(
            select(func.count()).select_from(Case).where(Case.id == case.id, access.case_scope(ctx))
        ).scalar()
    ):
        raise AccessDenied(
            tr(
                "Casus {ref} valt buiten uw werkgebied; vraag de coördinator het signaal te "
                "koppelen."
            ).format(ref=case.reference)
        )
    return case


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


def link_signal_row(
    ctx: ServiceContext, session: Session, signal: Signal, case: Case, reason: str | None
) -> None:
    """Link a stored signal to a case: status to gekoppeld (history), persons to the case."""
    old = signal.status
    check_transition(WorkflowKind.SIGNAL, old, SignalStatus.GEKOPPELD)
    signal.case_id = case.id
    signal.status = SignalStatus.GEKOPPELD.value
    text = tr("Gekoppeld aan casus {ref}.").format(ref=case.reference)
    append_status(
        ctx,
        session,
        "signal",
        signal.id,
        old,
        SignalStatus.GEKOPPELD.value,
        f"{text} {reason}" if reason else text,
    )
    session.flush()
    attach_signal_persons(session, signal.id, case.id)
    ctx.audit(session, "link", "signal", signal.reference, purpose=None)


# --------------------------------------------------------------------------- read


def get_signal(ctx: ServiceContext, id_or_ref: str, purpose: str | None = None) -> SignalDetail:
    """One signal, for a user who may see it (or with a reason: the noodknop); logged."""
    access.require_signal_reader(ctx)
    reference: str | None = id_or_ref
    try:
        with ctx.unit() as session:
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


# --------------------------------------------------------------------------- change


def _signal_for_change(ctx: ServiceContext, session: Session, signal_id: str) -> Signal:
    signal = find_signal(session, signal_id)
    access.check_signal_access(ctx, session, signal)
    return signal


def move_signal(ctx: ServiceContext, signal_id: str, case_id: str, reason: str) -> SignalDetail:
    """Link a signal to a case, or move it from one case to another (with a reason)."""
    _require_case_work(ctx)
    text = check_reason(reason, tr("het koppelen of verplaatsen"))
    with ctx.unit() as session:
        signal = _signal_for_change(ctx, session, signal_id)
        case = _case_for_link(ctx, session, case_id)
        if signal.case_id == case.id:
            raise ValidationError(
                tr("Signaal {signal} hoort al bij casus {case}.").format(
                    signal=signal.reference, case=case.reference
                ),
                field="casus",
            )
        if signal.case_id is None:
            link_signal_row(ctx, session, signal, case, text)
        else:
            old_case = session.get(Case, signal.case_id)
            old_ref = old_case.reference if old_case else "?"
            signal.case_id = case.id
            append_status(
                ctx,
                session,
                "signal",
                signal.id,
                signal.status,
                signal.status,
                tr("Verplaatst van casus {old} naar {new}: {reason}").format(
                    old=old_ref, new=case.reference, reason=text
                ),
            )
            session.flush()
            attach_signal_persons(session, signal.id, case.id)
            ctx.audit(session, "move", "signal", signal.reference)
        session.flush()
        return _detail(ctx, session, signal)


def unlink_signal(ctx: ServiceContext, signal_id: str, reason: str) -> SignalDetail:
    """Undo a wrong link: the signal leaves its case (back to gerouteerd, or nieuw when it
    was never routed)."""
    _require_case_work(ctx)
    text = check_reason(reason, tr("het ontkoppelen"))
    with ctx.unit() as session:
        signal = _signal_for_change(ctx, session, signal_id)
        if signal.case_id is None:
            raise ValidationError(
                tr("Signaal {ref} is aan geen casus gekoppeld.").format(ref=signal.reference),
                field="casus",
            )
        _unlink(ctx, session, signal, text)
        return _detail(ctx, session, signal)


def _unlink(ctx: ServiceContext, session: Session, signal: Signal, reason: str) -> None:
    old_case = session.get(Case, signal.case_id) if signal.case_id else None
    new = SignalStatus.GEROUTEERD if signal.route_target else SignalStatus.NIEUW
    old = signal.status
    if old == SignalStatus.GEKOPPELD.value:
        check_transition(WorkflowKind.SIGNAL, old, new)
        signal.status = new.value
    signal.case_id = None
    append_status(
        ctx,
        session,
        "signal",
        signal.id,
        old,
        signal.status,
        tr("Losgekoppeld van casus {ref}: {reason}").format(
            ref=old_case.reference if old_case else "?", reason=reason
        ),
    )
    session.flush()
    ctx.audit(session, "unlink", "signal", signal.reference)


def change_signal_status(
    ctx: ServiceContext, signal_id: str, new: str, reason: str
) -> SignalDetail:
    """Move a signal along its workflow; an illegal step names the allowed ones."""
    _require_case_work(ctx)
    with ctx.unit() as session:
        signal = _signal_for_change(ctx, session, signal_id)
        check_transition(WorkflowKind.SIGNAL, signal.status, new)
        target = SignalStatus(new)
        if target is SignalStatus.GEKOPPELD:
            raise ValidationError(
                tr("Koppel het signaal aan een casus met 'koppelen'; kies daar de casus."),
                field="status",
            )
        text = check_reason(reason, tr("de statuswijziging"))
        if signal.status == SignalStatus.GEKOPPELD.value and target in (
            SignalStatus.NIEUW,
            SignalStatus.GEROUTEERD,
        ):
            old_case = session.get(Case, signal.case_id) if signal.case_id else None
            signal.case_id = None
            text = tr("Losgekoppeld van casus {ref}: {reason}").format(
                ref=old_case.reference if old_case else "?", reason=text
            )
        old = signal.status
        signal.status = target.value
        append_status(ctx, session, "signal", signal.id, old, target.value, text)
        session.flush()
        ctx.audit(session, "status", "signal", signal.reference)
        return _detail(ctx, session, signal)


# --------------------------------------------------------------------------- routing rules


@dataclass(frozen=True)
class RuleView:
    rule_id: str
    position: int
    name: str
    category: str | None
    main_category: str | None
    focus_area: str | None
    source: Source | None
    urgency: Urgency | None
    target: RouteTarget
    active: bool


@dataclass(frozen=True, kw_only=True)
class RuleInput:
    """A routing rule as the beheerder edits it; empty conditions match anything."""

    rule_id: str | None = None
    """None: a new rule, added at the end."""
    name: str
    category: str | None = None
    """A category code or name."""
    main_category: str | None = None
    focus_area: str | None = None
    """A focus area name or unique start of one."""
    source: str | None = None
    urgency: str | None = None
    target: str
    active: bool = True


def _rule_view(row: RoutingRule, areas: dict[str, str]) -> RuleView:
    return RuleView(
        rule_id=row.id,
        position=row.position,
        name=row.name,
        category=row.category_code,
        main_category=row.main_category,
        focus_area=areas.get(row.focus_area_id) if row.focus_area_id else None,
        source=Source(row.source) if row.source else None,
        urgency=Urgency(row.urgency) if row.urgency else None,
        target=RouteTarget(row.target),
        active=row.active,
    )


def _areas(session: Session) -> dict[str, str]:
    return dict(session.execute(select(FocusArea.id, FocusArea.name)).tuples().all())


def list_rules(ctx: ServiceContext) -> list[RuleView]:
    """All routing rules in the order they are tried (inactive ones included)."""
    require_role(ctx, Role.BEHEERDER, Role.COORDINATOR)
    with ctx.unit() as session:
        areas = _areas(session)
        rows = session.execute(
            select(RoutingRule).order_by(RoutingRule.position, RoutingRule.id)
        ).scalars()
        return [_rule_view(r, areas) for r in rows]


def _choice(
    text: str | None, kind: type[Source] | type[Urgency] | type[RouteTarget], field_name: str
) -> str | None:
    if text is None or not str(text).strip():
        return None
    value = str(text).strip().lower()
    try:
        return kind(value).value
    except ValueError:
        raise ValidationError(
            tr("{field} '{value}' is onbekend; kies uit {options}.").format(
                field=field_name, value=text, options=", ".join(m.value for m in kind)
            ),
            field=field_name,
        ) from None


def save_rule(ctx: ServiceContext, rule: RuleInput) -> RuleView:
    """Add a routing rule (at the end) or change one (beheerder)."""
    require_role(ctx, Role.BEHEERDER)
    name = " ".join((rule.name or "").split())
    if not name:
        raise ValidationError(tr("Geef de regel een naam."), field="naam")
    if len(name) > 120:
        raise ValidationError(tr("De naam is te lang (hoogstens 120 tekens)."), field="naam")
    target = _choice(rule.target, RouteTarget, "doel")
    if target is None:
        raise ValidationError(
            tr("Kies waar de regel het signaal heen stuurt: {options}.").format(
                options=", ".join(t.value for t in RouteTarget)
            ),
            field="doel",
        )
    source = _choice(rule.source, Source, "bron")
    urgency = _choice(rule.urgency, Urgency, "urgentie")
    with ctx.unit() as session:
        tables = IntakeTables.load(session)
        category_code = None
        if rule.category and rule.category.strip():
            category_code = tables.lookup.get(" ".join(rule.category.split()).casefold())
            if category_code is None:
                raise ValidationError(
                    tr(
                        "Categorie '{value}' is onbekend; kies een code of naam uit de lijst."
                    ).format(value=rule.category),
                    field="categorie",
                )
        main_category = None
        if rule.main_category and rule.main_category.strip():
            mains = {
                c.main_category.casefold(): c.main_category for c in tables.categories.values()
            }
            main_category = mains.get(rule.main_category.strip().casefold())
            if main_category is None:
                raise ValidationError(
                    tr("Hoofdcategorie '{value}' is onbekend; kies uit {options}.").format(
                        value=rule.main_category, options=", ".join(sorted(mains.values()))
                    ),
                    field="hoofdcategorie",
                )
        area_id = None
        if rule.focus_area and rule.focus_area.strip():
            by_name = {n: i for i, n in tables.areas.items()}
            area_id = by_name[match_focus_area(rule.focus_area, list(by_name))]
        if rule.rule_id:
            row = session.get(RoutingRule, rule.rule_id)
            if row is None:
                raise NotFound(tr("Deze routeringsregel bestaat niet (meer)."))
            action = "update"
        else:
            last = session.execute(select(func.max(RoutingRule.position))).scalar() or 0
            row = RoutingRule(position=int(last) + 1)
            session.add(row)
            action = "create"
        row.name = name
        row.category_code = category_code
        row.main_category = main_category
        row.focus_area_id = area_id
        row.source = source
        row.urgency = urgency
        row.target = target
        row.active = rule.active
        session.flush()
        ctx.audit(session, action, "routing_rule", row.id)
        return _rule_view(row, tables.areas)


def move_rule(ctx: ServiceContext, rule_id: str, new_position: int) -> list[RuleView]:
    """Put a rule at ``new_position`` (1 = tried first); the others shift, positions stay
    1..n without gaps. Returns the new order."""
    require_role(ctx, Role.BEHEERDER)
    with ctx.unit() as session:
        rows = list(
            session.execute(
                select(RoutingRule).order_by(RoutingRule.position, RoutingRule.id)
            ).scalars()
        )
        moving = next((r for r in rows if r.id == rule_id), None)
        if moving is None:
            raise NotFound(tr("Deze routeringsregel bestaat niet (meer)."))
        if not 1 <= new_position <= len(rows):
            raise ValidationError(
                tr("Positie {n} kan niet; kies 1 tot en met {last}.").format(
                    n=new_position, last=len(rows)
                ),
                field="positie",
            )
        rows.remove(moving)
        rows.insert(new_position - 1, moving)
        for index, row in enumerate(rows, start=1):
            if row.position != index:
                row.position = index
        session.flush()
        ctx.audit(session, "move", "routing_rule", rule_id)
        areas = _areas(session)
        return [_rule_view(r, areas) for r in rows]


def deactivate_rule(ctx: ServiceContext, rule_id: str) -> RuleView:
    """Switch a rule off (it keeps its place, so it can be switched on again)."""
    require_role(ctx, Role.BEHEERDER)
    with ctx.unit() as session:
        row = session.get(RoutingRule, rule_id)
        if row is None:
            raise NotFound(tr("Deze routeringsregel bestaat niet (meer)."))
        row.active = False
        session.flush()
        ctx.audit(session, "deactivate", "routing_rule", rule_id)
        return _rule_view(row, _areas(session))


def test_route(
    ctx: ServiceContext,
    category: str,
    focus_area: str | None,
    source: str,
    urgency: str = Urgency.NORMAAL.value,
) -> RoutingDecision:
    """The beheerder's test box: where would such a signal go, and by which rule?"""
    require_role(ctx, Role.BEHEERDER, Role.COORDINATOR)
    source_value = _choice(source, Source, "bron")
    if source_value is None:
        raise ValidationError(tr("Kies een bron."), field="bron")
    urgency_value = _choice(urgency, Urgency, "urgentie") or Urgency.NORMAAL.value
    with ctx.unit() as session:
        tables = IntakeTables.load(session)
        code = tables.lookup.get(" ".join((category or "").split()).casefold())
        if code is None:
            raise ValidationError(
                tr("Categorie '{value}' is onbekend; kies een code of naam uit de lijst.").format(
                    value=category
                ),
                field="categorie",
            )
        area = None
        if focus_area and focus_area.strip():
            area = match_focus_area(focus_area, list(tables.areas.values()))
        return tables.route(code, area, Source(source_value), Urgency(urgency_value))


test_route.__test__ = False  # type: ignore[attr-defined]  # not a pytest test
