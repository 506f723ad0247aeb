"""List plans on the single desk: ``storage.seam.ListPlans`` for SQLite.

SQLite's planner chooses how to read a list itself, from the statistics ``ANALYZE`` keeps
in ``sqlite_stat1`` (``maintenance.refresh_statistics``: after a load, a large import or a
purge, and ``PRAGMA optimize`` when a store is locked). For lists it does that as well as
the hand-made plans it replaced, or better. Not for a text search: it starts from the
text's matches whenever it can, reads a table page for each and sorts them all, so a word
with thousands of matches took several times as long as the plans kept here
(docs/performance.md has both measured, list by list):

- a user who sees every signal: walk the list's order index and check each row against
  the matches, stopping after a page of them;
- a user with a need-to-know scope: read each part of the scope through its own index,
  each row checked against the matches, and sort their union.

Only when the text has many matches: a few are read one by one, as the planner does.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, func, literal_column, select, union
from sqlalchemy.orm import Session

from sociaalveilig.storage.models import Signal
from sociaalveilig.storage.seam import SignalListShape
from sociaalveilig.storage.sqlite.search import signal_match_count, signal_text_match

ORDER_INDEX = "ix_signals_received"
"""The list's order alone (received, reference, id): small enough to stay in the page cache."""
LIST_INDEX = "ix_signals_list"
"""The list's order and every column a list filters on or a scope tests (models.py)."""
# What each way costs, in steps of a walk along the wide list index: a text match read
# from the table costs a random page each, a step along the small order index a fraction
# of one (docs/performance.md has the measurement behind these weights).
LOOKUP_STEP = 25.0
ORDER_STEP = 0.3
SCOPED_SHARE = 0.25
"""The part of all signals a user with a need-to-know scope is taken to see, for how soon
a walk finds a page of their matches."""


def _signal_rows(session: Session) -> int:
    """About how many signals there are (the highest rowid: no scan; never less)."""
    newest: ColumnElement[int] = func.max(literal_column("signals.rowid"))
    return int(session.execute(select(newest).select_from(Signal.__table__)).scalar() or 0)


class SqlitePlans:
    """The list as the services wrote it, except a text search with many matches."""

    def signal_list(
        self, session: Session, stmt: Select[tuple[str]], shape: SignalListShape
    ) -> Select[tuple[str]]:
        if not shape.text or shape.order is None:
            return stmt
        if shape.scope_parts:
            # The parts cost about the first (the area's) signals, one step each.
            first = select(func.count()).select_from(Signal).where(shape.scope_parts[0])
            part_rows = int(session.execute(first).scalar_one())
            cap = int(part_rows / LOOKUP_STEP) + 1
            matches = signal_match_count(session, shape.text, cap)
            return _in_parts(shape) if matches * LOOKUP_STEP > part_rows else stmt
        wide = bool(shape.filters) or shape.scoped
        step = 1.0 if wide else ORDER_STEP
        total = max(_signal_rows(session), 1)
        whole_walk = step * total
        # Reading the matches never wins beyond this many: counting further only costs.
        matches = signal_match_count(session, shape.text, int(whole_walk / LOOKUP_STEP) + 1)
        walk = whole_walk
        if shape.first_rows is not None:
            # In list order the walk stops after a page of matches.
            seen = max(matches * (SCOPED_SHARE if shape.scoped else 1.0), 1.0)
            walk = min(whole_walk, step * shape.first_rows * total / seen)
        if matches * LOOKUP_STEP <= walk:
            return stmt
        index = LIST_INDEX if wide else ORDER_INDEX
        return stmt.with_hint(Signal.__table__, f"INDEXED BY {index}", "sqlite")


PART_INDEXES = {
    "focus_area_id": "ix_signals_area_received",
    "case_id": "ix_signals_case_id",
    "created_by": "ix_signals_created_by",
}
"""The index a part of a user's scope is read through, by the column it tests. The
planner, given the text's matches too, takes the wide list index instead and checks every
row of the part against the matches there."""


def _part_index(part: ColumnElement[bool]) -> str | None:
    left = getattr(part, "left", None)
    if getattr(left, "table", None) is not Signal.__table__:
        return None
    return PART_INDEXES.get(str(getattr(left, "name", "")))


def _in_parts(shape: SignalListShape) -> Select[tuple[str]]:
    """The ordered ids of the list as the union of the scope's parts, each read through
    its own index with every filter."""
    match = signal_text_match(shape.text, checked=True)
    assert match is not None  # the caller counted its matches
    reads = []
    for part in shape.scope_parts:
        read = select(Signal.id, Signal.received_at, Signal.reference).where(
            part, *shape.filters, match
        )
        if (index := _part_index(part)) is not None:
            read = read.with_hint(Signal.__table__, f"INDEXED BY {index}", "sqlite")
        reads.append(read)
    found = union(*reads).subquery()
    keys = [found.c.received_at] if shape.order == "received_at" else []
    keys.append(found.c.reference)
    return select(found.c.id).order_by(*[k.desc() if shape.descending else k.asc() for k in keys])
