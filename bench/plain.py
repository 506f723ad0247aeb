"""The plain (unencrypted) baseline for the cost-of-encryption figures.

BENCHMARK ONLY. The program never opens its store without a key, and never uses the
standard ``sqlite3`` module (DESIGN.md: it would write plaintext). Here, and only here, a
separate throw-away file under ``bench/work/`` holding the same generated, fictional rows is
opened without encryption, to measure what encryption costs:

* ``sqlcipher3`` without ``PRAGMA key``: the very same SQLite build as the store (3.53 inside
  SQLCipher 4), but no codec on the pages. Encrypted vs this is the cost of encryption
  and nothing else: this is the published ``encryption_ratio``.
* the standard ``sqlite3`` module (the system's SQLite, another version and build): a second
  reference, ``encryption_ratio_vs_stdlib_sqlite3``, so a reader sees both.

Both files have the store's page size (``PAGE_FORMAT``: 8 KiB), both connections get the
store's own pragmas (WAL, synchronous=FULL, foreign keys, secure
delete, temp_store=MEMORY) and the same page cache size, and the same explicit
``BEGIN IMMEDIATE`` per unit of work, so the only differences are the codec (and, for the
second, the SQLite build).
"""

from __future__ import annotations

import sqlite3  # benchmark only: a plain baseline file, never the store
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, insert
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from sociaalveilig.core.enums import Role
from sociaalveilig.storage import migrate
from sociaalveilig.storage.models import User, new_id
from sociaalveilig.storage.sqlite.engine import (
    CONNECTION_PRAGMAS,
    PAGE_FORMAT,
    READ_ONLY,
    STORE_URL,
    install_transactions,
)
from sociaalveilig.storage.sqlite.maintenance import SqliteMaintenance
from sociaalveilig.storage.sqlite.plans import SqlitePlans
from sociaalveilig.storage.sqlite.search import Fts5Search
from sociaalveilig.storage.sqlite.store import CAPABILITIES

DRIVERS: dict[str, Any] = {"sqlcipher-unkeyed": sqlcipher, "sqlite3": sqlite3}


def make_plain_engine(path: Path, driver: str = "sqlcipher-unkeyed") -> Engine:
    module = DRIVERS[driver]

    def creator() -> Any:
        conn = module.connect(str(path), timeout=30, check_same_thread=False)
        # The store's page size (a no-op on an existing file: fixed when it was created).
        conn.execute(f"PRAGMA page_size = {PAGE_FORMAT.page_size}").fetchall()
        # The store's own pragmas, its page cache size among them: the same on both sides.
        for pragma in CONNECTION_PRAGMAS:
            conn.execute(pragma).fetchall()
        return conn

    # The store's dialect (table hints), pool and transactions: only the key differs.
    engine = create_engine(STORE_URL, module=module, creator=creator, poolclass=QueuePool,
                           pool_size=3, max_overflow=2, pool_use_lifo=True)
    install_transactions(engine)
    return engine


def create_plain_copy_schema(path: Path) -> Engine:
    """A new plain file with the store's schema (the same migrations) and seed data."""
    from sociaalveilig.services.setup import seed_reference_data

    engine = make_plain_engine(path)
    migrate.upgrade(engine)
    with Session(engine) as session, session.begin():
        seed_reference_data(session)
    return engine


def add_plain_users(engine: Engine) -> None:
    """The two bench users as rows (no key slots: the plain file has no key)."""
    from bench.generate import ADMIN, COORDINATOR, NOW_LOCAL

    with engine.begin() as conn:
        for name, role in ((ADMIN, Role.BEHEERDER), (COORDINATOR, Role.COORDINATOR)):
            conn.execute(insert(User).values(
                id=new_id(), version=1, username=name, display_name=name.title(),
                role=role.value, partner_id=None, active=True, created_at=NOW_LOCAL))


class PlainStore:
    """Enough of ``storage.sqlite.store.Store`` (the seam's units, search, plans and
    maintenance) for the services to run on the plain file, so the very same service code
    is measured on both."""

    capabilities = CAPABILITIES

    def __init__(self, path: Path, driver: str = "sqlcipher-unkeyed") -> None:
        self.folder = path.parent
        self.engine = make_plain_engine(path, driver)
        self.search = Fts5Search()
        self.plans = SqlitePlans()
        self.maintenance = SqliteMaintenance(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(
            self.engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False)

    @contextmanager
    def unit(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def read_unit(self) -> Iterator[Session]:
        with self._read_sessions() as session, session.begin():
            yield session

    @property
    def is_open(self) -> bool:
        return True

    def close(self) -> None:
        self.engine.dispose()
