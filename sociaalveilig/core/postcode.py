"""Dutch postcodes, the Parkstad municipalities and focus areas, and the default PC4 table.

The PC4 table maps the four digits of a postcode to a municipality and, where the whole PC4
lies in one focus area, to that focus area. It is seeded into every new store; the beheerder
edits it there (per PC4 or per PC6). The focus-area assignments below are *defaults*: a
plausible starting point for the beheerder to correct, not an authoritative map.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.i18n import tr

_POSTCODE = re.compile(r"([1-9][0-9]{3})([A-Z]{2})")
# PostNL does not issue these letter pairs (historic associations).
_FORBIDDEN_LETTERS = frozenset({"SA", "SD", "SS"})
_WHITESPACE = re.compile(r"\s+")

UNKNOWN_MUNICIPALITY = "onbekend"
"""Stored municipality of a valid postcode outside the table; the coordinator checks it."""


def is_valid_postcode(text: str) -> bool:
    """Whether ``text`` is a Dutch postcode in any case and spacing."""
    try:
        normalise_postcode(text)
    except ValidationError:
        return False
    return True


def normalise_postcode(text: str) -> str:
    """Return the postcode as ``"6411 AB"``; accepts any case and spacing (``" 6411ab "``).

    Raises ValidationError (field ``postcode``) when ``text`` is not a Dutch postcode: four
    digits not starting with 0, then two letters other than SA, SD and SS.
    """
    compact = _WHITESPACE.sub("", text).upper()
    match = _POSTCODE.fullmatch(compact)
    if match is None or match.group(2) in _FORBIDDEN_LETTERS:
        raise ValidationError(
            tr("Postcode '{value}' is geen geldige Nederlandse postcode: verwacht vier cijfers "
               "(niet beginnend met 0) en twee letters, zoals 6411 AB.").format(value=text.strip()),
            field="postcode",
        )
    return f"{match.group(1)} {match.group(2)}"


def pc4(postcode: str) -> int:
    """The four-digit area number of a postcode (``"6411 AB"`` → 6411)."""
    return int(normalise_postcode(postcode)[:4])


DEFAULT_MUNICIPALITIES: tuple[str, ...] = (
    "Beekdaelen",
    "Brunssum",
    "Heerlen",
    "Kerkrade",
    "Landgraaf",
    "Simpelveld",
    "Voerendaal",
)


@dataclass(frozen=True)
class FocusArea:
    name: str
    municipality: str
    residents: int


FOCUS_AREAS: tuple[FocusArea, ...] = (
    FocusArea("Brunssum Noord/Oost", "Brunssum", 12_500),
    FocusArea("Heerlen Noord (incl. Hoensbroek)", "Heerlen", 56_000),
    FocusArea("Kerkrade Oost", "Kerkrade", 18_000),
    FocusArea("Stedelijk lint Schaesberg – Oud Nieuwenhagen – Lauradorp", "Landgraaf", 10_000),
    FocusArea("Nuth", "Beekdaelen", 4_500),
    FocusArea("Schinveld", "Beekdaelen", 4_500),
    FocusArea("Kern Simpelveld", "Simpelveld", 5_000),
    FocusArea("Ubachsberg", "Voerendaal", 1_500),
)

# DESIGN.md "Default postcode table".
_MUNICIPALITY_PC4: dict[str, tuple[int, ...]] = {
    "Heerlen": (*range(6411, 6423), *range(6431, 6434)),
    "Kerkrade": tuple(range(6460, 6472)),
    "Brunssum": tuple(range(6441, 6447)),
    "Landgraaf": tuple(range(6371, 6375)),
    "Simpelveld": (6351, 6369),
    "Voerendaal": (6343, 6367),
    "Beekdaelen": (6333, 6336, *range(6361, 6364), *range(6436, 6441), 6447, 6451),
}

# Default focus-area assignment of whole PC4 areas. Heerlen Noord: Meezenbroek (6415),
# Heerlerheide / Passart / Nieuw Einde (6419, 6421, 6422) and Hoensbroek (6431-6433).
# The beheerder refines these (per PC6 where a PC4 is split between areas).
_FOCUS_AREA_PC4: dict[str, tuple[int, ...]] = {
    "Heerlen Noord (incl. Hoensbroek)": (6415, 6419, 6421, 6422, 6431, 6432, 6433),
    "Brunssum Noord/Oost": (6443, 6444),
    "Kerkrade Oost": (6462, 6463, 6464, 6465),
    "Stedelijk lint Schaesberg – Oud Nieuwenhagen – Lauradorp": (6371, 6372, 6373),
    "Nuth": (6361, 6362, 6363),
    "Schinveld": (6451,),
    "Kern Simpelveld": (6351, 6369),
    "Ubachsberg": (6367,),
}


def default_pc4_table() -> dict[int, tuple[str, str | None]]:
    """PC4 → (municipality, focus area name or None): the table a new store is seeded with."""
    table: dict[int, tuple[str, str | None]] = {}
    for municipality, numbers in _MUNICIPALITY_PC4.items():
        for number in numbers:
            table[number] = (municipality, None)
    areas = {area.name: area for area in FOCUS_AREAS}
    for area_name, numbers in _FOCUS_AREA_PC4.items():
        for number in numbers:
            municipality, _ = table[number]
            if municipality != areas[area_name].municipality:  # pragma: no cover - data guard
                raise AssertionError(f"PC4 {number} is not in {areas[area_name].municipality}")
            table[number] = (municipality, area_name)
    return table


def _comparable(text: str) -> str:
    """Case-, spacing- and dash-insensitive form of a focus area name."""
    text = text.replace("–", "-").replace("—", "-")
    return _WHITESPACE.sub(" ", text).strip().casefold()


def match_focus_area(text: str, names: Iterable[str] | None = None) -> str:
    """Resolve a user's ``--area`` text to one focus area name.

    Accepts a name in any case, or a unique start of one (``"heerlen noord"``,
    ``"kerkrade"``). An exact name wins over longer names it is the start of. Raises
    ValidationError (field ``focusgebied``) listing the options when nothing or more than
    one area fits. ``names`` defaults to the eight focus areas of DOMAIN.md.
    """
    options = list(names) if names is not None else [area.name for area in FOCUS_AREAS]
    wanted = _comparable(text)
    if wanted:
        exact = [name for name in options if _comparable(name) == wanted]
        if len(exact) == 1:
            return exact[0]
        starts = [name for name in options if _comparable(name).startswith(wanted)]
        if len(starts) == 1:
            return starts[0]
        if len(starts) > 1:
            raise ValidationError(
                tr("Focusgebied '{value}' is niet eenduidig; bedoelt u: {options}?").format(
                    value=text.strip(), options="; ".join(starts)
                ),
                field="focusgebied",
            )
    raise ValidationError(
        tr("Onbekend focusgebied '{value}'; kies uit: {options}.").format(
            value=text.strip(), options="; ".join(options)
        ),
        field="focusgebied",
    )
