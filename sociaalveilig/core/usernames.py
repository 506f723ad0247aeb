"""User names that look alike: refused when a user is made, so no one can pose as another.

A name is first normalised (NFKC, case-folded, trimmed: ``normalise_user_name`` in
storage.keyslots). A new name is then refused when it has letters outside the Latin script
(``beheer`` with a Cyrillic U+0435 in place of an ``e`` looks exactly like the Latin one)
or when its confusable skeleton equals that of a user who already exists (``anne1`` and
``annel``, ``rnarco`` and ``marco``). The homoglyph table is Unicode's confusables.txt,
from ``confusable_homoglyphs``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

from confusable_homoglyphs import categories, confusables

from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.i18n import tr

# Look-alikes inside plain ASCII that confusables.txt leaves to case (0 vs O, 1 vs I), and
# letter pairs that read as one letter in most fonts.
_ASCII_LOOKALIKES: Final = {"0": "o", "1": "l", "|": "l"}
_PAIRS: Final = (("rn", "m"), ("vv", "w"))


@lru_cache(maxsize=512)
def _canonical(char: str) -> str:
    """The plain Latin letter ``char`` imitates, or ``char`` itself."""
    if char in _ASCII_LOOKALIKES:
        return _ASCII_LOOKALIKES[char]
    if char.isascii():
        return char
    found = confusables.is_confusable(char, greedy=True, preferred_aliases=[])
    if found:
        glyphs = [h["c"] for h in found[0]["homoglyphs"]]
        for glyph in glyphs:
            if len(glyph) == 1 and glyph.isascii() and glyph.islower():
                return glyph
        for glyph in glyphs:
            if len(glyph) == 1 and glyph.isascii() and glyph.isalpha():
                return glyph.lower()
    # Accents are real differences in a Dutch name (Eén, José); keep them.
    return char


def skeleton(name: str) -> str:
    """A form in which look-alike names are equal (compare skeletons, never show them)."""
    text = "".join(_canonical(c) for c in unicodedata.normalize("NFKC", name).casefold())
    for pair, single in _PAIRS:
        text = text.replace(pair, single)
    return text


def _script(char: str) -> str:
    return str(categories.alias(char))


def lookalike_problem(name: str, existing: Iterable[str] = ()) -> str | None:
    """One Dutch line saying why the (normalised) new user name ``name`` is refused, or
    None. ``existing``: the names of the users there already are."""
    for char in name:
        if unicodedata.category(char).startswith("L") and _script(char) != "LATIN":
            if _canonical(char) != char:
                return tr(
                    "Het teken '{char}' in de gebruikersnaam lijkt op een gewone letter, maar "
                    "is een letter uit een ander schrift. Typ de naam met gewone letters."
                ).format(char=char)
            return tr(
                "Gebruik in een gebruikersnaam alleen letters van het gewone (Latijnse) "
                "alfabet, cijfers en leestekens."
            )
        if unicodedata.category(char) == "Nd" and not char.isascii():
            return tr("Gebruik in een gebruikersnaam alleen de gewone cijfers 0 tot en met 9.")
    mine = skeleton(name)
    for other in existing:
        if other != name and skeleton(other) == mine:
            return tr(
                "De gebruikersnaam lijkt te veel op die van gebruiker {other}. Kies een naam "
                "die duidelijk anders is."
            ).format(other=other)
    return None


def check_new_user_name(name: str, existing: Iterable[str] = ()) -> None:
    """Raise ValidationError (field ``user``) when ``name`` imitates Latin letters or
    another user's name."""
    problem = lookalike_problem(name, existing)
    if problem is not None:
        raise ValidationError(problem, field="user")
