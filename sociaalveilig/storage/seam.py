"""The storage seam: what the services may ask of a store, whichever database holds it.

The services see a store only through ``StoreSeam``: units of work, read units, text
search, list plans, credentials and a few capabilities. The encrypted single-desk store
(SQLCipher, ``storage.sqlite``) is the first implementation; the centre's PostgreSQL store
(``storage.postgres``) the second. What only one database needs (PRAGMAs, ``INDEXED BY``,
FTS5 or tsvector, ``rowid``, backup, VACUUM) lives in that database's package; the services
never ask which database they run on, only what it can do (``Capabilities``).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from sqlalchemy import ColumnElement, Select
from sqlalchemy.orm import Session

T = TypeVar("T", bound=tuple[Any, ...])


@dataclass(frozen=True)
class Capabilities:
    """What a store can do, for the few places where that changes the work."""

    dialect: str
    """"sqlite" or "postgresql": for messages and diagnostics only, never for branching."""
    index_hints: bool
    """List plans may name the index to read (SQLite's ``INDEXED BY``)."""
    many_writers: bool
    """Other processes write at the same time: units may be retried, lists go stale."""
    local_folder: bool
    """The store is a folder on this computer (key slots, anchor, backups beside it)."""


class TextSearch(Protocol):
    """Words typed by a user, matched against signals and cases. User text never reaches
    the database as query syntax."""

    def signal_match(self, user_text: str, *, checked: bool = False) -> ColumnElement[bool] | None:
        """Where-clause on ``signals``: reference, description, street, city or postcode
        holds every word of ``user_text`` (as a word start); None when it has no words.
        ``checked``: the rows are found another way and each is checked against the text."""
        ...

    def case_match(self, user_text: str) -> ColumnElement[bool] | None:
        """Where-clause on ``cases``: reference, summary, street, city or postcode."""
        ...

    def signal_match_count(self, session: Session, user_text: str, cap: int | None = None) -> int:
        """How many signals match ``user_text`` (at most ``cap`` counted)."""
        ...


class ListPlans(Protocol):
    """How a list's rows are read. A store without index hints returns the statement as
    it is and leaves the choice to its planner."""

    def signal_index_plan(self, stmt: Select[T], index: str) -> Select[T]:
        """Read ``signals`` through the named index, where the database takes hints."""
        ...

    def signal_row_estimate(self, session: Session) -> int:
        """About how many signals there are, without counting them."""
        ...


class Credentials(Protocol):
    """Who may sign in, with which passphrase. On the single desk a passphrase unwraps
    the data key (a key slot); on the centre it is checked against an Argon2id hash."""

    def has_user(self, name: str) -> bool: ...

    def add_user(self, name: str, passphrase: str) -> None: ...

    def set_user(self, name: str, passphrase: str, *, must_change: bool) -> None:
        """Give a user a new passphrase (a beheerder's reset)."""
        ...

    def remove_user(self, name: str) -> None: ...

    def must_change(self, name: str) -> bool: ...

    def change_passphrase(self, name: str, old: str, new: str) -> None:
        """The user's own change: ``old`` checked (throttled like a sign-in) first."""
        ...


class StoreSeam(Protocol):
    """An unlocked store, as the services see it."""

    capabilities: Capabilities
    search: TextSearch
    plans: ListPlans
    credentials: Credentials

    @property
    def is_open(self) -> bool: ...

    def unit(self) -> AbstractContextManager[Session]:
        """One unit of work: one Session, one transaction, committed on success."""
        ...

    def read_unit(self) -> AbstractContextManager[Session]:
        """A unit that only reads and audits nothing."""
        ...

    def anchor_problem(self, establish: bool = False) -> str | None:
        """Why the audit log is not at (or past) the head last known to be good, in
        Dutch; None when it is."""
        ...

    def close(self) -> None:
        """Lock: close every connection and forget every secret."""
        ...
