"""Where changed rows go in an open list (a centre's change feed), as steps a model can
carry out with Qt's remove, move and insert signals.

A service answers a list's update with the rows that belong in it now and each one's
place in the whole list under the list's query. Putting the rows at those numbers one
after another is wrong as soon as two of them pass each other, so the order the list must
end in is worked out first (the unchanged rows keep their order; the changed ones go in at
their places, lowest first), and each changed row is then put right after the row that
comes before it there. Done lowest place first, no later step breaks an earlier one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Remove:
    key: str


@dataclass(frozen=True)
class Place:
    """Put ``key`` right after ``after`` (None: first); a move when it is listed, an
    insert when it is not."""

    key: str
    after: str | None


Step = Remove | Place


SCAN_LIMIT = 32
"""Up to this many keys are looked up by scanning the list (in C, fast); more, through
one index of the whole list (a Python loop over up to some 200,000 ids)."""


def positions(keys: Sequence[str], wanted: Iterable[str]) -> dict[str, int]:
    """Where each of ``wanted`` stands in ``keys`` (those that are listed)."""
    asked = set(wanted)
    if len(asked) > SCAN_LIMIT:
        return {key: number for number, key in enumerate(keys) if key in asked}
    found: dict[str, int] = {}
    for key in asked:
        try:
            found[key] = keys.index(key)
        except ValueError:
            continue
    return found


def plan(
    current: Sequence[str],
    places: Mapping[str, int],
    gone: Iterable[str],
    *,
    complete: bool = True,
) -> list[Step]:
    """The steps that turn ``current`` into the list with ``places`` (key: its place in the
    whole list now) and without ``gone``. A model holding only the first part of the list
    (``complete`` False) does not take in a row whose place lies past what it holds: that
    row is removed, or not inserted (it comes with the rest of the list)."""
    gone = set(gone)
    at = positions(current, gone | set(places))
    leaving = {key for key in gone if key in at}
    wanted = {key: place for key, place in places.items() if key not in gone}
    final = list(current)
    for number in sorted((at[key] for key in leaving | set(wanted) if key in at), reverse=True):
        del final[number]  # what stays, in its order
    taken: list[str] = []
    for key in sorted(wanted, key=lambda key: (wanted[key], key)):
        if wanted[key] > len(final) and not complete:
            if key in at:
                leaving.add(key)  # moved out of the part this model holds
            continue
        final.insert(min(wanted[key], len(final)), key)
        taken.append(key)
    steps: list[Step] = [Remove(key) for key in sorted(leaving, key=at.__getitem__)]
    index = positions(final, taken)
    for key in sorted(taken, key=index.__getitem__):
        number = index[key]
        steps.append(Place(key, final[number - 1] if number else None))
    return steps


def apply_plan(keys: list[str], steps: Sequence[Step]) -> list[str]:
    """``keys`` after ``steps`` (what a model's own bookkeeping does, for tests)."""
    result = list(keys)
    for step in steps:
        if isinstance(step, Remove):
            result.remove(step.key)
            continue
        if step.key in result:
            result.remove(step.key)
        result.insert(result.index(step.after) + 1 if step.after is not None else 0, step.key)
    return result
