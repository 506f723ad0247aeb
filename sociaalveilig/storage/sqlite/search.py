"""Full-text search on the single desk: the ``TextSearch`` of the seam over SQLite FTS5.

``signal_fts`` and ``case_fts`` are external-content FTS5 tables over the rowids of
``signals`` and ``cases``, kept in step by triggers (migration 0001). The services ask
``store.search`` for a where-clause on the signals or cases table.

User text never reaches FTS5 as syntax: it is cut into words, each word is quoted and
made a prefix match (``"verzon"*``), and the words must all occur (implicit AND). Quotes,
operators (AND, OR, NOT, NEAR), column filters and parentheses in the text are just
characters that separate words.
"""

from __future__ import annotations

import re

from sqlalchemy import (
    ColumnElement,
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
    matches (``plans``); otherwise SQLite may read the matches as the rows to start from."""
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


def case_text_match(user_text: str) -> ColumnElement[bool] | None:
    """Where-clause on ``cases``: reference, summary, street, city or postcode."""
    if fts_query(user_text) is None:
        return None
    return _match("case_fts", _case_fts, "cases", user_text)


class Fts5Search:
    """``storage.seam.TextSearch`` over the FTS5 tables."""

    def signal_match(self, user_text: str) -> ColumnElement[bool] | None:
        return signal_text_match(user_text)

    def case_match(self, user_text: str) -> ColumnElement[bool] | None:
        return case_text_match(user_text)


def optimize_indexes(session: Session) -> None:
    """Merge the index segments, so entries of deleted rows are dropped from the index
    (after a purge), not merely marked deleted."""
    for name in ("signal_fts", "case_fts"):
        session.execute(text(f"INSERT INTO {name}({name}) VALUES ('optimize')"))


def rebuild_indexes(session: Session) -> None:
    """Rebuild both indexes from their tables (after a bulk change made without triggers)."""
    for name in ("signal_fts", "case_fts"):
        session.execute(text(f"INSERT INTO {name}({name}) VALUES ('rebuild')"))
