"""The default two-level category taxonomy (DESIGN.md "Default categories").

Seeded into every new store; the beheerder adds, renames and retires categories there, but
codes never change. Category and main-category names are stored data, not program text,
so they are not passed through ``tr``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sociaalveilig.core.enums import MeetingType


@dataclass(frozen=True)
class CategoryDef:
    code: str
    name: str
    main_category: str
    meeting: MeetingType
    term_days: int
    """Handling term in working days."""

    @property
    def is_physical(self) -> bool:
        """Physical living environment (FL) rather than behind the front door (AV)."""
        return self.meeting is MeetingType.FL


_FL = MeetingType.FL
_AV = MeetingType.AV

DEFAULT_CATEGORIES: tuple[CategoryDef, ...] = (
    CategoryDef("WO-OVL", "Woonoverlast", "Woonomgeving", _FL, 10),
    CategoryDef("WO-VER", "Vervuiling en verloedering", "Woonomgeving", _FL, 10),
    CategoryDef("WO-PAND", "Verwaarloosd of leegstaand pand", "Woonomgeving", _FL, 20),
    CategoryDef("WO-OPR", "Openbare ruimte", "Woonomgeving", _FL, 10),
    CategoryDef("OP-JEUGD", "Jeugdoverlast en hangplekken", "Overlast door personen", _FL, 5),
    CategoryDef("OP-DRUGS", "Drugsoverlast", "Overlast door personen", _FL, 5),
    CategoryDef("OP-VERWARD", "Verward gedrag", "Overlast door personen", _AV, 2),
    CategoryDef("OM-HENNEP", "Vermoeden hennepteelt of drugslab", "Ondermijning", _FL, 5),
    CategoryDef("OM-VERHUUR", "Malafide verhuur of overbewoning", "Ondermijning", _FL, 10),
    CategoryDef("OM-OVERIG", "Overige ondermijning", "Ondermijning", _FL, 10),
    CategoryDef("ZV-ZORG", "Zorgen om bewoner", "Zorg achter de voordeur", _AV, 5),
    CategoryDef(
        "ZV-HG",
        "Vermoeden huiselijk geweld of kindermishandeling",
        "Zorg achter de voordeur",
        _AV,
        1,
    ),
    CategoryDef("ZV-SCHULD", "Schulden of huurachterstand", "Zorg achter de voordeur", _AV, 10),
    CategoryDef("ZV-JEUGD", "Zorgen om jeugdige", "Zorg achter de voordeur", _AV, 5),
    CategoryDef("VE-CRIM", "Inbraak, vernieling of diefstal", "Veiligheid", _FL, 5),
    CategoryDef("VE-PLEK", "Onveilige plek", "Veiligheid", _FL, 10),
)

PHYSICAL: frozenset[str] = frozenset(c.code for c in DEFAULT_CATEGORIES if c.is_physical)
"""Codes of the default categories for the overleg fysieke leefomgeving."""

BEHIND_THE_DOOR: frozenset[str] = frozenset(
    c.code for c in DEFAULT_CATEGORIES if not c.is_physical
)
"""Codes of the default categories for the overleg achter de voordeur."""

MAIN_CATEGORIES: tuple[str, ...] = tuple(dict.fromkeys(c.main_category for c in DEFAULT_CATEGORIES))


def category_lookup(categories: Iterable[CategoryDef]) -> dict[str, str]:
    """Lower-cased code and name → code, the form ``parse_signal_csv`` takes.

    Codes win over names when a name happens to equal another category's code.
    """
    items = list(categories)
    lookup = {c.name.strip().casefold(): c.code for c in items}
    lookup.update({c.code.strip().casefold(): c.code for c in items})
    return lookup


def by_code(categories: Iterable[CategoryDef]) -> Mapping[str, CategoryDef]:
    return {c.code: c for c in categories}
