"""Text search and list plans on PostgreSQL: the counterpart of the desk's full-text tables.

Each searched table has a generated ``search_vector`` (migration 0001, ``postgres_ddl``):
every column's words as typed (``sv_simple``: lower case, accents removed) plus the Dutch
stems of the description or summary (``sv_dutch``). A user's text becomes a ``tsquery``
built here from quoted words, never from the user's own syntax:

- each word apart must occur (AND), as the start of a word (``'kouvender':*``), or as
  itself after Dutch stemming ("woningen" finds "woning": PostgreSQL finds more here than
  SQLite, which does not stem);
- text typed without spaces is one phrase ("S-2025-00017": ``'s' <-> '2025' <-> '00017':*``);
- a word of three or more letters also matches inside a street, city or postcode (a
  trigram index: "straat" finds "Kouvenderstraat"; SQLite matches only word starts).

So PostgreSQL finds every row SQLite finds, and a few more (docs/architecture.md).
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    func,
    literal,
    literal_column,
    or_,
    select,
    union,
)
from sqlalchemy.dialects.postgresql import REGCONFIG, TSQUERY
from sqlalchemy.orm import Session

from sociaalveilig.storage.migrations.postgres_ddl import (
    DUTCH_CONFIG,
    SEARCH_COLUMN,
    SIMPLE_CONFIG,
    TRIGRAM_COLUMNS,
)
from sociaalveilig.storage.models import Signal
from sociaalveilig.storage.seam import SignalListShape

T = TypeVar("T", bound=tuple[Any, ...])

# Letters and digits only: what SQLite's unicode61 tokenizer keeps; every other character
# (hyphen, quote, colon, ampersand, underscore) separates words and is never syntax.
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_WORDS = 12
MAX_WORD_LENGTH = 60
MIN_INFIX_LENGTH = 3


def search_terms(user_text: str) -> list[list[str]]:
    """The words of ``user_text``, grouped as typed: a chunk without spaces is one phrase.
    At most ``MAX_WORDS`` words, each cut to ``MAX_WORD_LENGTH`` characters."""
    terms: list[list[str]] = []
    count = 0
    for chunk in (user_text or "").split():
        words = [w[:MAX_WORD_LENGTH] for w in _WORD.findall(chunk)][: MAX_WORDS - count]
        if not words:
            continue
        terms.append(words)
        count += len(words)
        if count >= MAX_WORDS:
            break
    return terms


def _quoted(word: str) -> str:
    # _WORD holds no quote or backslash; quoting makes every word a lexeme, never an operator.
    return "'" + word + "'"


def _term_query(words: list[str]) -> ColumnElement[Any]:
    """One chunk as a tsquery: a phrase of word starts, or one word (as its start, or as
    its Dutch stem)."""
    phrase = " <-> ".join(_quoted(w) for w in words[:-1])
    last = _quoted(words[-1]) + ":*"
    simple = func.to_tsquery(
        _config(SIMPLE_CONFIG),
        bindparam(None, f"{phrase} <-> {last}" if phrase else last),
        type_=TSQUERY,
    )
    if len(words) > 1:
        return simple
    dutch = func.to_tsquery(_config(DUTCH_CONFIG), bindparam(None, _quoted(words[0])),
                            type_=TSQUERY)
    return simple.op("||")(dutch)


def _config(name: str) -> ColumnElement[Any]:
    """A text search configuration as a typed constant (``'sv_simple'::regconfig``), not a
    cast of a parameter: the cast from text is only STABLE, so ``to_tsquery`` of it was
    evaluated again for every row a list walked; of a constant it is IMMUTABLE, computed
    once when the statement is planned, and the planner can estimate its matches."""
    return literal_column(f"'{name}'::regconfig", REGCONFIG)


def _infix(table: str, word: str) -> ColumnElement[bool] | None:
    """The word anywhere inside a street, city or postcode (the trigram indexes)."""
    if len(word) < MIN_INFIX_LENGTH:
        return None
    pattern = func.sv_unaccent(func.lower(bindparam(None, word)))
    like = literal("%").op("||")(pattern).op("||")(literal("%"))
    columns = [c for c in TRIGRAM_COLUMNS[table] if c != "reference"]
    return or_(
        *(func.sv_unaccent(func.lower(literal_column(f"{table}.{c}"))).like(like)
          for c in columns)
    )


def text_match(table: str, user_text: str) -> ColumnElement[bool] | None:
    terms = search_terms(user_text)
    if not terms:
        return None
    vector: ColumnElement[Any] = literal_column(f"{table}.{SEARCH_COLUMN}")
    clauses: list[ColumnElement[bool]] = []
    for words in terms:
        match: ColumnElement[bool] = vector.op("@@")(_term_query(words))
        infix = _infix(table, words[0]) if len(words) == 1 else None
        clauses.append(or_(match, infix) if infix is not None else match)
    return and_(*clauses)


class PgTextSearch:
    """``TextSearch`` over the generated tsvectors and trigram indexes."""

    def signal_match(self, user_text: str) -> ColumnElement[bool] | None:
        return text_match("signals", user_text)

    def case_match(self, user_text: str) -> ColumnElement[bool] | None:
        return text_match("cases", user_text)


class PgListPlans:
    """PostgreSQL takes no index hints: its planner chooses from its statistics (kept by
    autovacuum, and refreshed by ``maintenance.refresh_statistics`` after large changes).
    One shape it gets wrong: a text searched within a need-to-know scope. It walks the
    list's order and tests scope and text on every row, expecting a page of rows soon; a
    wijkagent's area holds a tenth of the signals, and a text found mostly elsewhere made
    it walk nearly all of them. Read part by part instead (the SQLite plans do the same),
    each part of the scope with the text, so the planner can combine the part's index
    with the text's, then sorted together."""

    def signal_list(
        self, session: Session, stmt: Select[tuple[str]], shape: SignalListShape
    ) -> Select[tuple[str]]:
        if not shape.text or not shape.scope_parts or shape.order is None:
            return stmt
        match = text_match("signals", shape.text)
        if match is None:
            return stmt
        return _in_parts(shape, match)


def _in_parts(shape: SignalListShape, match: ColumnElement[bool]) -> Select[tuple[str]]:
    """The ordered ids of the list as the union of the scope's parts, each with every
    filter and the text."""
    reads = [
        select(Signal.id, Signal.received_at, Signal.reference).where(
            part, *shape.filters, match
        )
        for part in shape.scope_parts
    ]
    found = union(*reads).subquery()
    keys = [found.c.received_at] if shape.order == "received_at" else []
    keys.append(found.c.reference)
    return select(found.c.id).order_by(*[k.desc() if shape.descending else k.asc() for k in keys])
