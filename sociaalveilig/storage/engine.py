"""The SQLCipher engine: every connection is keyed first, then checked and configured.

The plain ``sqlite3`` module is never used on the store: it would write plaintext.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.dialects import registry
from sqlalchemy.dialects.sqlite.base import SQLiteCompiler
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.pool import QueuePool

from sociaalveilig.core.errors import StoreDamaged
from sociaalveilig.core.i18n import tr

# Every page read from the file is decrypted and its HMAC checked; a 16 MiB page cache
# (SQLite's default is 2 MiB) keeps more hot pages decrypted. 64 MiB per connection was
# measured too: no clear gain on lists, and the window's peak memory went over its 400 MB
# target (bench/results.json, docs/reliability.md).
CACHE_PRAGMA = "PRAGMA cache_size=-16384"
CONNECTION_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA secure_delete=ON",
    "PRAGMA temp_store=MEMORY",
    CACHE_PRAGMA,
)
BULK_CACHE_PRAGMA = "PRAGMA cache_size=-131072"
"""For one bulk write (an import of thousands of rows): its dirty pages of the table, a
dozen indexes and the text index stay in memory until the commit instead of being spilled
to the log and written again (10,000 rows on the benchmark region: about 6 s -> 5 s)."""


class _StoreCompiler(SQLiteCompiler):
    """SQLite's compiler, plus table hints: ``select(...).with_hint(table, "INDEXED BY ix")``
    becomes ``FROM table INDEXED BY ix`` (SQLAlchemy's SQLite dialect drops table hints).
    Only ``storage.search`` sets one, where the planner cannot know a list's shape."""

    def get_from_hint_text(self, table: Any, text: str | None) -> str | None:
        return text


class StoreDialect(SQLiteDialect_pysqlite):
    """The pysqlite dialect with table hints; the DB-API module is SQLCipher's."""

    statement_compiler = _StoreCompiler
    supports_statement_cache = True


registry.register("sqlite.svstore", __name__, "StoreDialect")
STORE_URL = "sqlite+svstore://"
READ_ONLY = "sv_read_only"
"""Execution option of the engine behind ``Store.read_unit``."""


def raw_key_pragma(key: bytes | bytearray) -> str:
    """The ``PRAGMA key`` statement for a 256-bit raw key (no KDF inside SQLCipher)."""
    if len(key) != 32:
        raise ValueError("the data key must be 32 bytes")
    return "PRAGMA key = \"x'" + bytes(key).hex() + "'\""


def connect_keyed(path: Path, key: bytes | bytearray) -> Any:
    """Open one DB-API connection: key first, assert SQLCipher, then the pragmas.

    Raises ``StoreDamaged`` when the file cannot be read with this key (not a store,
    damaged header, or a key that does not belong to it).
    """
    conn = sqlcipher.connect(str(path), timeout=30, check_same_thread=False)
    try:
        conn.execute(raw_key_pragma(key))
        row = conn.execute("PRAGMA cipher_version").fetchone()
        if not row or not row[0]:
            raise StoreDamaged(tr("De database is niet versleuteld geopend (geen SQLCipher)."))
        # The first real read verifies the key against the file.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for pragma in CONNECTION_PRAGMAS:
            conn.execute(pragma).fetchall()
    except sqlcipher.DatabaseError as exc:
        conn.close()
        raise StoreDamaged(
            tr(
                "Het databasebestand is beschadigd of geen Sociaal Veilig-opslag. "
                "Herstel de opslag uit een back-up."
            )
        ) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def install_transactions(engine: Engine) -> None:
    """Explicit transactions on ``engine``: ``BEGIN IMMEDIATE`` per unit of work, a
    deferred read-only transaction for a ``READ_ONLY`` unit (the store and the benchmark's
    plain baseline alike)."""

    # Python's sqlite driver starts transactions lazily; make BEGIN explicit so a
    # unit of work (``session.begin()``) is one real transaction, reads included.
    # IMMEDIATE takes the write lock up front: nearly every unit writes (each view is
    # audit-logged), and a deferred read-then-write in WAL mode could fail with
    # SQLITE_BUSY_SNAPSHOT instead of waiting. Readers are never blocked in WAL mode.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None

    # A read-only unit (``Store.read_unit``: no audit entry, nothing written) begins a
    # plain deferred read transaction with writes refused (query_only), so it never waits
    # for the write lock and never holds it: the whole id list of a long list is read
    # while the next list's first page (which writes its audit entry) goes ahead.
    # The pooled connection remembers its query_only state, so the pragma runs only when
    # a connection switches between the two kinds of unit, not on every unit.
    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        read_only = bool(conn.get_execution_options().get(READ_ONLY))
        info = conn.connection.info
        if info.get(READ_ONLY, False) != read_only:
            conn.exec_driver_sql(f"PRAGMA query_only = {'ON' if read_only else 'OFF'}")
            info[READ_ONLY] = read_only
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def make_engine(path: Path, key_provider: Callable[[], bytes | bytearray]) -> Engine:
    """A SQLAlchemy engine over SQLCipher; ``key_provider`` is asked on each new connection
    and raises ``StoreLocked`` once the store has been locked."""

    def creator() -> Any:
        return connect_keyed(path, key_provider())

    engine = create_engine(
        STORE_URL,
        module=sqlcipher,
        creator=creator,
        poolclass=QueuePool,
        pool_size=3,
        max_overflow=2,
        pool_pre_ping=False,
        pool_use_lifo=True,
    )

    install_transactions(engine)
    return engine
