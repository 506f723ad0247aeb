"""Full-text search: the one adapter (with the first migration) that knows SQLite FTS5.

``signal_fts`` and ``case_fts`` are external-content FTS5 tables over the rowids of
``signals`` and ``cases``, kept in step by triggers (migration 0001). The services ask for a
where-clause on the signals or cases table; a future PostgreSQL store swaps this module.

User text never reaches FTS5 as syntax: it is cut into words, each word is quoted and
made a prefix match (``"verzon"*``), and the words must all occur (implicit AND). Quotes,
operators (AND, OR, NOT, NEAR), column filters and parentheses in the text are just
characters that separate words.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    Select,
    bindparam,
    column,
    func,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import TableClause

from sociaalveilig.storage.models import Signal

T = TypeVar("T", bound=tuple[Any, ...])

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 12
MAX_WORD_LENGTH = 60

_signal_fts = table("signal_fts", column("rowid"))
_case_fts = table("case_fts", column("rowid"))


def fts_query(user_text: str) -> str | None:
    """A safe FTS5 query for the words in ``user_text``, or None when it has none.

    Text typed without spaces is one phrase: "S-2025-00017" finds that reference (the
    words s, 2025, 00017* next to each other), not every signal holding an s-word, 2025
    and a number from 00017 on. Words apart are each required, anywhere."""
    terms: list[str] = []
    for chunk in (user_text or "").split():
        words = [w[:MAX_WORD_LENGTH] for w in _WORD.findall(chunk)]
        if not words:
            continue
        words = words[: MAX_WORDS - len(terms)]
        if not words:
            break
        terms.append('"' + " ".join(words).replace('"', '""') + '"*')
    return " ".join(terms) if terms else None


def _match(
    fts_name: str, fts_table: TableClause, owner: str, user_text: str, checked: bool = False
) -> ColumnElement[bool]:
    query = fts_query(user_text)
    if query is None:
        raise ValueError("no words to search for")
    matching = select(fts_table.c.rowid).where(
        literal_column(fts_name).op("MATCH")(bindparam(f"{fts_name}_query", query))
    )
    # ``+rowid``: an expression, not the rowid, so SQLite cannot look rows up by it.
    return literal_column(f"{'+' if checked else ''}{owner}.rowid").in_(matching)


def signal_text_match(user_text: str, *, checked: bool = False) -> ColumnElement[bool] | None:
    """Where-clause on ``signals``: reference, description, street, city or postcode holds
    every word of ``user_text`` (as a word start). None when the text has no words.
    ``checked``: the rows are found through another index and each is checked against the
    matches; otherwise SQLite combines both as index keys (every case of an area times every
    match: 20 million probes for a common word)."""
    if fts_query(user_text) is None:
        return None
    return _match("signal_fts", _signal_fts, "signals", user_text, checked)


def signal_match_count(session: Session, user_text: str, cap: int | None = None) -> int:
    """How many signals hold every word of ``user_text`` (from the index alone: fast), or
    ``cap`` when there are at least that many (counting stops there)."""
    query = fts_query(user_text)
    if query is None:
        return 0
    matches = select(_signal_fts.c.rowid).where(
        literal_column("signal_fts").op("MATCH")(bindparam("signal_fts_query", query))
    )
    if cap is not None:
        matches = matches.limit(cap)
    stmt = select(func.count()).select_from(matches.subquery())
    return int(session.execute(stmt).scalar_one())


SIGNAL_LIST_INDEX = "ix_signals_list"
"""The list index (models.py): every filtered column in the list's order. SQLite's planner,
without statistics, takes the single-column index of an equality filter, reads a table
page for each of its (ten thousands of) rows and sorts them, even for a LIMIT of 200;
walking this index stops after the first page of matches and never reads the table. The
caller decides when that wins (not for a handful of rows found another way)."""
SIGNAL_ORDER_INDEX = "ix_signals_received"
"""The list's order alone (received, reference, id): a third of the list index, so it
stays in the page cache. Walked instead of the list index when no filter or scope needs
another column."""
SIGNAL_AREA_INDEX = "ix_signals_area_received"
"""The same columns behind the area: one area's signals, newest first."""
SIGNAL_STATUS_INDEX = "ix_signals_status_due"
SIGNAL_SOURCE_INDEX = "ix_signals_source"
SIGNAL_CATEGORY_INDEX = "ix_signals_category_list"
SIGNAL_CASE_INDEX = "ix_signals_case_id"
SIGNAL_AUTHOR_INDEX = "ix_signals_created_by"


@cache
def signal_index_columns(index: str) -> frozenset[str]:
    """The columns of one of the indexes above (from the models: one source)."""
    for candidate in Signal.metadata.tables["signals"].indexes:
        if candidate.name == index:
            return frozenset(str(c.name) for c in candidate.columns)
    raise KeyError(index)


def signal_index_plan(stmt: Select[T], index: str) -> Select[T]:
    """Read ``signals`` through ``index`` (one of the names above): the list index walked in
    order, or a filter's own index narrowing the rows before any table page is read."""
    return stmt.with_hint(Signal.__table__, f"INDEXED BY {index}", "sqlite")


def signal_row_estimate(session: Session) -> int:
    """About how many signals there are (the highest rowid: no scan; never less)."""
    return int(session.execute(select(func.max(literal_column("signals.rowid")))
                               .select_from(Signal.__table__)).scalar() or 0)


def case_text_match(user_text: str) -> ColumnElement[bool] | None:
    """Where-clause on ``cases``: reference, summary, street, city or postcode."""
    if fts_query(user_text) is None:
        return None
    return _match("case_fts", _case_fts, "cases", user_text)


def optimize_indexes(session: Session) -> None:
    """Merge the index segments, so entries of deleted rows are dropped from the index
    (after a purge), not merely marked deleted."""
    for name in ("signal_fts", "case_fts"):
        session.execute(text(f"INSERT INTO {name}({name}) VALUES ('optimize')"))


def rebuild_indexes(session: Session) -> None:
    """Rebuild both indexes from their tables (after a bulk change made without triggers)."""
    for name in ("signal_fts", "case_fts"):
        session.execute(text(f"INSERT INTO {name}({name}) VALUES ('rebuild')"))
