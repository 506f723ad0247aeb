"""Finding a case or a person by what a user remembers of it, within need-to-know.

- **Persons** by part of a name (every word the start of a word of the name, case and
  accents ignored: "gerda", "fictief", "Ge" all find "Gérda Fictief") and a birth year
  (a four-digit word). The names are compared here, not in SQL: SQLite has no accent
  folding, and the persons table is small beside the signals (a cheap read of three
  columns).
- **Cases** by reference, street, postcode, place (the case list's text index) or the name
  of a person involved (on the case or on one of its signals).

The case and signal lists use ``person_case_ids`` / ``person_signal_ids`` as one extra,
separate condition beside their text match. A manager (pseudonymised) never matches by name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, or_, select, union
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import CaseStatus, Role
from sociaalveilig.core.errors import AccessDenied, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.services import access
from sociaalveilig.services.audit_objects import OBJ_CASE_LIST, OBJ_PERSON_LIST
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.retry import retrying
from sociaalveilig.storage.models import (
    Case,
    CasePerson,
    FocusArea,
    Person,
    Signal,
    SignalPerson,
)

LOOKUP_LIMIT = 30
MAX_LIST_PERSONS = 500
_YEAR = re.compile(r"^(18|19|20)\d\d$")
_SPLIT = re.compile(r"[\s,;.'\-]+")
# Letters that take accents in names (é, ë, ï, ö, ü, ç, ñ, å, ÿ...): a single-character
# wildcard in the SQL pre-filter, so the accented spelling passes it.
_ACCENTABLE = frozenset("aeiouycnsz")


def fold(text: str) -> str:
    """Lower case without accents (``"Gérda"`` → ``"gerda"``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class PersonTerms:
    words: tuple[str, ...]
    years: tuple[int, ...]


def person_terms(text: str) -> PersonTerms | None:
    """The name words and birth years in a search text; None when it cannot name a person
    (no word of two letters or more; a reference or a postcode alone)."""
    words: list[str] = []
    years: list[int] = []
    for word in _SPLIT.split(fold(text)):
        if not word:
            continue
        if _YEAR.match(word):
            years.append(int(word))
        elif word.isalpha():
            words.append(word)
        else:
            return None  # a reference, house number or postcode: not a name
    if not any(len(w) >= 2 for w in words):
        return None
    return PersonTerms(tuple(words), tuple(years))


def _name_matches(name: str, words: Iterable[str]) -> bool:
    parts = [p for p in _SPLIT.split(fold(name)) if p]
    return all(any(p.startswith(w) for p in parts) for w in words)


def matching_person_ids(session: Session, text: str) -> list[str]:
    """Ids of the persons whose name (and birth year, when given) match ``text``."""
    terms = person_terms(text)
    if terms is None:
        return []
    stmt = select(Person.id, Person.name, Person.birth_year)
    if terms.years:
        stmt = stmt.where(Person.birth_year.in_(terms.years))
    # A first cut in SQL (the exact test is below): each word as a pattern with every
    # letter that may carry an accent left open, so "gerda" reads only names holding
    # "g_rd_" ("Gérda" too) instead of every person in the store.
    # A short word (two letters) is held anywhere in nearly every name, so it is looked
    # for at word starts only; a longer one with a single pattern, which is cheaper.
    for word in terms.words:
        pattern = "".join("_" if c in _ACCENTABLE else c for c in word)
        if len(word) >= 3:
            stmt = stmt.where(Person.name.ilike(f"%{pattern}%"))
            continue
        stmt = stmt.where(
            or_(
                Person.name.ilike(f"{pattern}%"),
                Person.name.ilike(f"% {pattern}%"),
                Person.name.ilike(f"%-{pattern}%"),
            )
        )
    return [
        person_id
        for person_id, name, _year in session.execute(stmt).tuples()
        if _name_matches(name, terms.words)
    ]


def list_person_ids(session: Session, text: str) -> list[str]:
    """The persons a list search names, or none when the words name too many to be a
    person (a particle such as "de"): the list then matches the text alone, and its
    queries never carry thousands of ids."""
    ids = matching_person_ids(session, text)
    return ids if len(ids) <= MAX_LIST_PERSONS else []


def person_case_ids(session: Session, person_ids: list[str]) -> list[str]:
    """The cases a person is involved in: on the case, or on one of its signals."""
    if not person_ids:
        return []
    on_case = select(CasePerson.case_id).where(CasePerson.person_id.in_(person_ids))
    on_signal = (
        select(Signal.case_id)
        .join(SignalPerson, SignalPerson.signal_id == Signal.id)
        .where(SignalPerson.person_id.in_(person_ids), Signal.case_id.is_not(None))
    )
    found: list[str | None] = list(session.execute(union(on_case, on_signal)).scalars())
    return [c for c in found if c]


def person_signal_ids(session: Session, person_ids: list[str]) -> list[str]:
    """The signals a person is on, and the signals of the cases the person is on."""
    if not person_ids:
        return []
    on_signal = select(SignalPerson.signal_id).where(SignalPerson.person_id.in_(person_ids))
    of_case = select(Signal.id).where(
        Signal.case_id.in_(
            select(CasePerson.case_id).where(CasePerson.person_id.in_(person_ids))
        )
    )
    return list(session.execute(union(on_signal, of_case)).scalars())


def names_persons(ctx: ServiceContext) -> bool:
    """Whether the user's searches match persons' names (never in a pseudonymised view)."""
    return ctx.actor.role in (Role.COORDINATOR, Role.WIJKAGENT, Role.PARTNER)


# --------------------------------------------------------------------------- the picker


@dataclass(frozen=True)
class CaseChoice:
    case_id: str
    reference: str
    address: str
    focus_area: str | None
    status: CaseStatus
    persons: tuple[str, ...]
    """The names of the persons on the case that the text matched (empty otherwise)."""

    @property
    def status_label(self) -> str:
        return self.status.label


def _address(case: Case) -> str:
    street = " ".join(
        p for p in (case.street or "", str(case.house_number or ""), case.addition or "") if p
    )
    place = " ".join(p for p in (case.postcode, case.city or "") if p)
    return ", ".join(p for p in (street, place) if p)


def _name_part(text: str) -> str:
    return " ".join(w for w in text.split() if fold(w).isalpha() or _YEAR.match(w))


def _name_and_place(
    ctx: ServiceContext, session: Session, text: str
) -> ColumnElement[bool] | None:
    """A name with a postcode or house number ("gerda 6431"): the person's cases at that
    place (the name words matched to persons, the other words to the case's address)."""
    name = _name_part(text)
    place = " ".join(w for w in text.split() if not (fold(w).isalpha() or _YEAR.match(w)))
    if not name or not place:
        return None
    found = person_case_ids(session, list_person_ids(session, name))
    match = ctx.store.search.case_match(place)
    if not found or match is None:
        return None
    return and_(Case.id.in_(found), match)


def _require_case_worker(ctx: ServiceContext) -> None:
    access.refuse_beheerder(ctx)
    if not names_persons(ctx):
        raise AccessDenied(
            tr("Een manager kiest geen casussen om mee te werken; u ziet de overzichten.")
        )


@retrying
def find_cases(
    ctx: ServiceContext, text: str, *, open_only: bool = False, limit: int = LOOKUP_LIMIT
) -> list[CaseChoice]:
    """Cases the user may see matching ``text`` (reference, address, postcode, place or a
    person's name), open ones first, then newest; at most ``limit``."""
    _require_case_worker(ctx)
    words = text.strip()
    if not words:
        return []
    with ctx.unit() as session:
        person_ids = list_person_ids(session, words)
        terms: list[ColumnElement[bool]] = []
        escaped = words.upper().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        terms.append(Case.reference.ilike(f"%{escaped}%", escape="\\"))
        match = ctx.store.search.case_match(words)
        if match is not None:
            terms.append(match)
        by_person = person_case_ids(session, person_ids)
        if by_person:
            terms.append(Case.id.in_(by_person))
        mixed = _name_and_place(ctx, session, words)
        if mixed is not None:
            terms.append(mixed)
            person_ids = person_ids or list_person_ids(session, _name_part(words))
        stmt = select(Case).where(access.case_scope(ctx), or_(*terms))
        if open_only:
            stmt = stmt.where(Case.status != CaseStatus.AFGESLOTEN.value)
        closed_last = Case.status == CaseStatus.AFGESLOTEN.value
        found = list(
            session.execute(
                stmt.order_by(closed_last, Case.created_at.desc()).limit(limit)
            ).scalars()
        )
        areas = dict(session.execute(select(FocusArea.id, FocusArea.name)).tuples().all())
        names: dict[str, list[str]] = {}
        if person_ids and found:
            for case_id, name in session.execute(
                select(CasePerson.case_id, Person.name)
                .join(Person, Person.id == CasePerson.person_id)
                .where(
                    CasePerson.case_id.in_([c.id for c in found]),
                    CasePerson.person_id.in_(person_ids),
                )
            ).tuples():
                names.setdefault(case_id, []).append(name)
        ctx.audit(session, "search", OBJ_CASE_LIST, None)
        return [
            CaseChoice(
                case_id=c.id,
                reference=c.reference,
                address=_address(c),
                focus_area=areas.get(c.focus_area_id or ""),
                status=CaseStatus(c.status),
                persons=tuple(sorted(names.get(c.id, []))),
            )
            for c in found
        ]


@dataclass(frozen=True)
class PersonChoice:
    person_id: str
    reference: str
    name: str
    birth_year: int | None
    cases: tuple[str, ...]
    """References of the cases the person is on that the user may see."""


@retrying
def find_persons(
    ctx: ServiceContext, text: str, *, limit: int = LOOKUP_LIMIT
) -> list[PersonChoice]:
    """Persons matching ``text`` (name words, a birth year) on a case or signal the user may
    see; by name. Logged as a search of persons, never with the text."""
    _require_case_worker(ctx)
    with ctx.unit() as session:
        ids = matching_person_ids(session, text)
        if len(ids) > MAX_LIST_PERSONS:
            raise ValidationError(
                tr(
                    "Te veel personen gevonden; typ meer van de naam of voeg het geboortejaar "
                    "toe."
                ),
                field="text",
            )
        if not ids:
            ctx.audit(session, "search", OBJ_PERSON_LIST, None)
            return []
        on_case = select(CasePerson.person_id).join(Case, Case.id == CasePerson.case_id)
        on_case = on_case.where(CasePerson.person_id.in_(ids), access.case_scope(ctx))
        on_signal = (
            select(SignalPerson.person_id)
            .join(Signal, Signal.id == SignalPerson.signal_id)
            .where(SignalPerson.person_id.in_(ids), access.signal_scope(ctx))
        )
        visible = set(session.execute(union(on_case, on_signal)).scalars())
        people = list(
            session.execute(
                select(Person)
                .where(Person.id.in_(visible))
                .order_by(Person.name, Person.birth_year, Person.reference)
                .limit(limit)
            ).scalars()
        )
        cases: dict[str, list[str]] = {}
        if people:
            for person_id, reference in session.execute(
                select(CasePerson.person_id, Case.reference)
                .join(Case, Case.id == CasePerson.case_id)
                .where(
                    CasePerson.person_id.in_([p.id for p in people]), access.case_scope(ctx)
                )
                .order_by(Case.reference)
            ).tuples():
                cases.setdefault(person_id, []).append(reference)
        ctx.audit(session, "search", OBJ_PERSON_LIST, None)
        return [
            PersonChoice(p.id, p.reference, p.name, p.birth_year, tuple(cases.get(p.id, [])))
            for p in people
        ]


__all__ = [
    "CaseChoice",
    "PersonChoice",
    "find_cases",
    "find_persons",
    "fold",
    "list_person_ids",
    "matching_person_ids",
    "names_persons",
    "person_case_ids",
    "person_signal_ids",
    "person_terms",
]
