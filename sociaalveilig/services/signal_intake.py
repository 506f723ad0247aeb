"""Signal intake: the input a user or the import gives, its checks, and the reference
tables that place (municipality, focus area), route and give a due date to a signal.

A signal is checked exactly as the import checks a row (the field validators of
``core/csvimport.py``); ``signals.py`` registers it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sociaalveilig.core import csvimport
from sociaalveilig.core.enums import (
    MeetingType,
    Role,
    RouteTarget,
    Source,
    Urgency,
)
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.postcode import UNKNOWN_MUNICIPALITY
from sociaalveilig.core.routing import RoutingDecision, SignalFacts, route_signal
from sociaalveilig.core.routing import RoutingRule as RuleDef
from sociaalveilig.core.taxonomy import CategoryDef, category_lookup
from sociaalveilig.core.workdays import add_working_days
from sociaalveilig.services.signal_records import (
    address_key,
)
from sociaalveilig.storage.models import (
    Category,
    FocusArea,
    Municipality,
    Postcode,
    RoutingRule,
)

NEW_CASE = "new-case"
"""``case_choice`` for ``register_signal``: start a new case for this signal."""
NO_CASE = "no-case"
"""``case_choice`` for ``register_signal``: register without a case (routed only)."""

MAX_PERSON_NAME = 160
MAX_PERSON_ROLE = 60

DEFAULT_PERSON_ROLE = "betrokkene"

INTAKE_ROLES = (Role.COORDINATOR, Role.WIJKAGENT, Role.PARTNER)

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
