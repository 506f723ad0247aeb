"""Human references for records, numbered per kind and year from the ``counters`` table.

Signals ``S-2026-000123``, cases ``C-2026-00042``, actions ``A-2026-00007``, escalations
``E-2026-00003`` and persons ``P-2026-000015``. A person's reference is their pseudonym:
the audit log names a person by it, never by name.

References are taken inside the caller's unit of work with one
``UPDATE counters SET value = value + n ... RETURNING value``: the database adds and answers
in one step, so two writers at once (two desks on one folder, two users of a centre) can
never draw the same number, whatever the isolation, and a rolled-back unit gives its
numbers back.
"""

from __future__ import annotations

import re
from enum import StrEnum

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sociaalveilig.storage.models import Counter


class RefKind(StrEnum):
    SIGNAL = "S"
    CASE = "C"
    ACTION = "A"
    ESCALATION = "E"
    PERSON = "P"


# Digits of the running number per kind: signals are by far the most numerous.
_DIGITS: dict[RefKind, int] = {
    RefKind.SIGNAL: 6,
    RefKind.CASE: 5,
    RefKind.ACTION: 5,
    RefKind.ESCALATION: 5,
    RefKind.PERSON: 6,
}

REFERENCE_PATTERN = re.compile(r"([SCAEP])-([0-9]{4})-([0-9]{3,9})")


def format_reference(kind: RefKind, year: int, number: int) -> str:
    return f"{kind.value}-{year:04d}-{number:0{_DIGITS[kind]}d}"


def reserve_references(session: Session, kind: RefKind, year: int, count: int) -> list[str]:
    """Take ``count`` consecutive references of ``kind`` for ``year`` (one counter update)."""
    if count <= 0:
        return []
    name = f"{kind.value}-{year:04d}"
    last = _advance(session, name, count)
    if last is None:
        # The kind's first number this year: make its counter. Another writer may make it
        # at the same moment; then the insert clashes and the update below takes a turn.
        try:
            with session.begin_nested():
                session.add(Counter(name=name, value=count))
            last = count
        except IntegrityError:
            last = _advance(session, name, count)
            if last is None:  # pragma: no cover - the clash means the row exists
                raise
    first = last - count + 1
    return [format_reference(kind, year, number) for number in range(first, last + 1)]


def _advance(session: Session, name: str, count: int) -> int | None:
    """Add ``count`` to the counter ``name`` and return its new value (None: no counter)."""
    stmt = (
        update(Counter)
        .where(Counter.name == name)
        .values(value=Counter.value + count)
        .returning(Counter.value)
        .execution_options(synchronize_session=False)
    )
    value = session.execute(stmt).scalar_one_or_none()
    return None if value is None else int(value)


def next_reference(session: Session, kind: RefKind, year: int) -> str:
    """The next reference of ``kind`` for ``year``."""
    return reserve_references(session, kind, year, 1)[0]


def normalise_reference(text: str) -> str | None:
    """A reference as typed (any case, surrounding blanks) in its stored form, or None when
    ``text`` does not look like a reference."""
    candidate = text.strip().upper()
    return candidate if REFERENCE_PATTERN.fullmatch(candidate) else None


def reference_kind(text: str) -> RefKind | None:
    """The kind a reference stands for (``"C-2026-00042"`` → ``RefKind.CASE``)."""
    ref = normalise_reference(text)
    return RefKind(ref[0]) if ref else None
