"""The storage seam: what the services may ask of a store, whichever database holds it.

The services see a store only through ``StoreSeam``: units of work, read units, text
search, list plans, credentials, maintenance and a few capabilities. The single-desk store
(SQLCipher, ``storage.sqlite``) is the first implementation; the centre's PostgreSQL store
(``storage.postgres``) the second. What only one database needs (PRAGMAs, ``INDEXED BY``,
FTS5 or tsvector, ``rowid``, backup, VACUUM) lives in that database's package; the services
never ask which database they run on, only what it can do (``Capabilities``).
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import ColumnElement, Select
from sqlalchemy.orm import Session


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

    def signal_match(self, user_text: str) -> ColumnElement[bool] | None:
        """Where-clause on ``signals``: reference, description, street, city or postcode
        holds every word of ``user_text`` (as a word start); None when it has no words."""
        ...

    def case_match(self, user_text: str) -> ColumnElement[bool] | None:
        """Where-clause on ``cases``: reference, summary, street, city or postcode."""
        ...


@dataclass(frozen=True)
class SignalListShape:
    """What a list plan may want to know of a signal list beyond its statement: the parts
    it was built from. A store whose planner chooses well needs none of it."""

    text: str = ""
    """The words searched for ("" for none): the statement holds ``search.signal_match``
    of them, and nothing else matches (no person's name)."""
    filters: tuple[ColumnElement[bool], ...] = ()
    """The list's where-clauses on ``signals`` other than the text and the user's scope."""
    scoped: bool = False
    """The statement holds the user's need-to-know scope (the user does not see every
    signal)."""
    scope_parts: tuple[ColumnElement[bool], ...] = ()
    """The scope as parts whose union is exactly it, each narrow and on a column of its
    own (a wijkagent's: area, the area's cases, own signals); () where there are none."""
    order: str | None = None
    """"received_at" (then reference) or "reference" when the list is in that order, and
    which way (``descending``); None for another order."""
    descending: bool = True
    first_rows: int | None = None
    """The caller reads only this many rows (a first page); None: every row."""


class ListPlans(Protocol):
    """How a list's rows are read. The services write a list as one query (filters, scope,
    order); a store whose planner chooses well returns it as it is, another may add its
    own hints or read it another way here, and nowhere else."""

    def signal_list(
        self, session: Session, stmt: Select[tuple[str]], shape: SignalListShape
    ) -> Select[tuple[str]]:
        """The statement that reads the signal ids of ``stmt`` (filtered and ordered; the
        caller may add a limit), as this database reads them best. Same ids, same order.
        ``session``: for a cheap look at the data first (how many rows a text matches)."""
        ...


class Maintenance(Protocol):
    """Work on the store as a whole, after retention and large changes."""

    def purge_status_history(self, session: Session, object_ids: Iterable[str]) -> int:
        """Delete the status history of records retention removes (the history is
        otherwise append-only), in the caller's unit. Returns how many rows went."""
        ...

    def reclaim_space(self) -> bool:
        """Make the bytes of deleted records unrecoverable (indexes merged, free space
        rewritten). Outside any unit. False when another user kept it from finishing:
        the deletions stand, and it is to be tried again later."""
        ...

    def refresh_statistics(self) -> None:
        """Let the query planner see the data as it now is (after a large import, a
        purge, a demo or benchmark load). Outside any unit; cheap when little changed."""
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
    """What it can do (never which database it is)."""
    search: TextSearch
    """Words a user typed, as where-clauses."""
    plans: ListPlans
    """How a signal list is read."""
    credentials: Credentials
    """Who may sign in: users' passphrases."""
    maintenance: Maintenance
    """Purge, reclaim, statistics: work on the whole store."""

    @property
    def is_open(self) -> bool: ...

    def unit(
        self, acting: str | None = None, emergency: bool = False, partner: bool = False
    ) -> AbstractContextManager[Session]:
        """One unit of work: one Session, one transaction, committed on success.
        ``acting``: the user id the unit works for, None for the system (sign-in,
        seeding, jobs); ``emergency``: a view with a noodknop reason; ``partner``: the
        acting user is a partner. A store with row-level policies (the centre's) binds
        the unit to them; another ignores all three."""
        ...

    def read_unit(
        self, acting: str | None = None, emergency: bool = False, partner: bool = False
    ) -> AbstractContextManager[Session]:
        """A unit that only reads and audits nothing (``acting`` as for ``unit``)."""
        ...

    def anchor_problem(self, establish: bool = False) -> str | None:
        """Why the audit log is not at (or past) the head last known to be good, in
        Dutch; None when it is."""
        ...

    def close(self) -> None:
        """Lock: close every connection and forget every secret."""
        ...
