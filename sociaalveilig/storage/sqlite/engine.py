"""The SQLCipher engine: every connection is keyed first, then checked and configured.

The plain ``sqlite3`` module is never used on the store: it would write plaintext.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
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

# Every page read from the file is decrypted and its HMAC checked; SQLite's page cache keeps
# pages decrypted, so a page read again costs nothing. The cache is per connection and the
# window keeps several warm (a list's first page and the rest of its ids are read on
# different threads), so its size is paid several times. 32 MiB per connection (SQLite's
# default is 2 MiB) is the largest that keeps the window under its memory target; a
# process-wide soft heap limit instead slowed bulk inserts, as a writer could not keep its
# dirty pages. docs/reliability.md has the sizes tried and their figures.
CACHE_PRAGMA = "PRAGMA cache_size=-32768"
CONNECTION_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA secure_delete=ON",
    "PRAGMA temp_store=MEMORY",
    CACHE_PRAGMA,
)


class _StoreCompiler(SQLiteCompiler):
    """SQLite's compiler, plus table hints: ``select(...).with_hint(table, "INDEXED BY ix")``
    becomes ``FROM table INDEXED BY ix`` (SQLAlchemy's SQLite dialect drops table hints).
    Only ``plans`` sets one, for a text search the planner reads badly (docs/performance.md)."""

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


@dataclass(frozen=True)
class PageFormat:
    """How SQLCipher lays out and authenticates the file's pages; fixed when the file is
    created and needed again before its first page can be read."""

    name: str
    page_size: int
    pragmas: tuple[str, ...]
    """Run right after ``PRAGMA key``, before the first read."""


PAGE_FORMAT = PageFormat(
    "8k-hmac-sha256",
    8192,
    ("PRAGMA cipher_page_size = 8192", "PRAGMA cipher_hmac_algorithm = HMAC_SHA256"),
)
"""Every new store: AES-256-CBC pages of 8 KiB, each authenticated with HMAC-SHA256.

Nearly all of SQLCipher's cost on reads is the per-page HMAC, not AES (AES-NI): SHA-256
runs on the CPU's SHA extensions where SHA-512 (SQLCipher 4's default) does not, and an
8 KiB page pays the fixed per-page cost of the HMAC once for twice the data: scans and
lookups take well under SQLCipher's defaults (docs/reliability.md has the figures).
HMAC-SHA256 keeps a 256-bit tag per page: tampering is still detected."""

LEGACY_FORMAT = PageFormat("sqlcipher4-default", 4096, ())
"""Stores made before the page format was chosen (schema v1 and v2 fixtures among them):
SQLCipher 4's defaults (4 KiB pages, HMAC-SHA512). Still opened, never created."""

PAGE_FORMATS = (PAGE_FORMAT, LEGACY_FORMAT)


class FormatMemo:
    """The page format a store's file turned out to have, found on its first connection
    and used for every later one (and for a backup copy of it)."""

    def __init__(self, page_format: PageFormat | None = None) -> None:
        self.page_format = page_format


def _damaged() -> StoreDamaged:
    return StoreDamaged(
        tr(
            "Het databasebestand is beschadigd of geen Sociaal Veilig-opslag. "
            "Herstel de opslag uit een back-up."
        )
    )


@contextmanager
def _quiet_cipher_log(quiet: bool) -> Iterator[None]:
    """SQLCipher writes every failed page HMAC to stderr; a format that is only being
    tried is expected to fail, so its attempt runs with SQLCipher's log off."""
    if not quiet:
        yield
        return
    probe = sqlcipher.connect(":memory:")
    try:
        level = probe.execute("PRAGMA cipher_log_level").fetchone()[0]
        probe.execute("PRAGMA cipher_log_level = NONE").fetchall()
        try:
            yield
        finally:
            probe.execute(f"PRAGMA cipher_log_level = {level}").fetchall()
    finally:
        probe.close()


_cipher_log_silenced = False


def silence_cipher_log() -> None:
    """Turn SQLCipher's own log off for the process (once). It writes ``ERROR CORE ...``
    lines to stderr for every page that fails its HMAC; the user reads our one Dutch line
    (and the CLI's contract is exactly one line on stderr), so its lines would only add
    noise beside it."""
    global _cipher_log_silenced
    if _cipher_log_silenced:
        return
    probe = sqlcipher.connect(":memory:")
    try:
        probe.execute("PRAGMA cipher_log_level = NONE").fetchall()
    finally:
        probe.close()
    _cipher_log_silenced = True


def _open_as(path: Path, key: bytes | bytearray, page_format: PageFormat) -> Any:
    """One keyed connection read as ``page_format``; ``sqlcipher.DatabaseError`` when the
    first page does not authenticate (another format, a damaged file or another key)."""
    conn = sqlcipher.connect(str(path), timeout=30, check_same_thread=False)
    try:
        conn.execute(raw_key_pragma(key))
        row = conn.execute("PRAGMA cipher_version").fetchone()
        if not row or not row[0]:
            raise StoreDamaged(tr("De database is niet versleuteld geopend (geen SQLCipher)."))
        for pragma in page_format.pragmas:
            conn.execute(pragma).fetchall()
        # The first real read verifies the key and the page format against the file.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def connect_keyed(
    path: Path, key: bytes | bytearray, memo: FormatMemo | None = None
) -> Any:
    """Open one DB-API connection: key first, assert SQLCipher, then the pragmas.

    The page format is ``memo``'s when known; otherwise a new (empty) file gets
    ``PAGE_FORMAT`` and an existing file is read as each known format in turn (a wrong
    format fails on the first page's HMAC before anything is written), and ``memo``
    remembers the one that worked.

    Raises ``StoreDamaged`` when the file cannot be read with this key (not a store,
    damaged header, or a key that does not belong to it).
    """
    silence_cipher_log()
    memo = memo if memo is not None else FormatMemo()
    if memo.page_format is not None:
        candidates: tuple[PageFormat, ...] = (memo.page_format,)
    elif not path.exists() or path.stat().st_size == 0:
        candidates = (PAGE_FORMAT,)
    else:
        candidates = PAGE_FORMATS
    conn = None
    for page_format in candidates:
        final = page_format is candidates[-1]
        try:
            with _quiet_cipher_log(not final):
                conn = _open_as(path, key, page_format)
        except sqlcipher.DatabaseError as exc:
            if final:
                raise _damaged() from exc
            continue
        memo.page_format = page_format
        break
    assert conn is not None
    try:
        for pragma in CONNECTION_PRAGMAS:
            conn.execute(pragma).fetchall()
    except sqlcipher.DatabaseError as exc:
        conn.close()
        raise _damaged() from exc
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


def make_engine(
    path: Path,
    key_provider: Callable[[], bytes | bytearray],
    memo: FormatMemo | None = None,
) -> Engine:
    """A SQLAlchemy engine over SQLCipher; ``key_provider`` is asked on each new connection
    and raises ``StoreLocked`` once the store has been locked. ``memo`` holds the file's
    page format once the first connection has found it."""
    formats = memo if memo is not None else FormatMemo()

    def creator() -> Any:
        return connect_keyed(path, key_provider(), formats)

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
