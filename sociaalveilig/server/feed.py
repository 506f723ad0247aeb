"""The change feed for the desks: ``GET /api/v1/changes?after=SEQ``, a long poll.

One LISTEN connection per server process (``FeedListener``, a thread with its own psycopg
connection, started at the first request) hears ``pg_notify`` from the feed's triggers
(``storage/postgres/feed.py``) and wakes the requests waiting in this process. A request
reads the entries after ``after`` and answers at once with those the signed-in user may
know exist (``services/live.visible_changes``); when there are none it waits for a notice,
at most ``WAIT_SECONDS``, and reads again. Only type, id and sequence number travel: the
desk asks for the rows through the ordinary services. Any number of processes serve the
feed: the entries are rows in the database, and every process hears every notice.

The listener also prunes entries older than ``KEEP`` once an hour (each process may; the
delete is the same). A desk that asks after an entry that was pruned hears ``reload``.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

import psycopg
from sqlalchemy.engine import make_url

from sociaalveilig.services import live
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.live import ChangeBatch, FeedChange
from sociaalveilig.storage.postgres import feed
from sociaalveilig.storage.postgres.store import PgStore

log = logging.getLogger(__name__)

WAIT_SECONDS = 25.0
"""How long a request waits for a change (proxies commonly allow 30 s of silence)."""
BATCH = 500
KEEP = timedelta(hours=24)
PRUNE_EVERY_SECONDS = 3600.0
RECONNECT_SECONDS = 2.0


def listen_conninfo(url: str) -> str:
    """The database URL as libpq reads it (SQLAlchemy's driver name taken off)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class FeedListener:
    """This process's LISTEN connection and the requests it wakes (see the module text)."""

    def __init__(self, store: PgStore) -> None:
        self._store = store
        self._waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self.listening = threading.Event()
        """Set once LISTEN is in place (tests wait on it before they write)."""
        self.notices = 0
        self._last_prune = 0.0

    def ensure_started(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="sv-feed", daemon=True)
                self._thread.start()

    def stop(self, timeout: float | None = 5.0) -> None:
        self._stopping.set()
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def waiter(self) -> tuple[asyncio.AbstractEventLoop, asyncio.Event]:
        """An event set at the next notice; registered before the caller reads the feed,
        so a notice between that read and the wait is not lost."""
        entry = (asyncio.get_running_loop(), asyncio.Event())
        with self._lock:
            self._waiters.add(entry)
        return entry

    def forget(self, entry: tuple[asyncio.AbstractEventLoop, asyncio.Event]) -> None:
        with self._lock:
            self._waiters.discard(entry)

    def _wake(self) -> None:
        with self._lock:
            waiting = list(self._waiters)
        for loop, event in waiting:
            try:
                loop.call_soon_threadsafe(event.set)
            except RuntimeError:  # that request's loop has closed
                self.forget((loop, event))

    def _loop(self) -> None:
        while not self._stopping.is_set():
            try:
                self._listen()
            except Exception as exc:  # the database away for a moment: listen again
                log.warning("change feed listener reconnecting: %s", type(exc).__name__)
                self.listening.clear()
                self._wake()  # waiting requests read again rather than miss a change
                self._stopping.wait(RECONNECT_SECONDS)

    def _listen(self) -> None:
        with psycopg.connect(listen_conninfo(self._store.url), autocommit=True) as connection:
            connection.execute(f"LISTEN {feed.CHANNEL}")
            self.listening.set()
            self._wake()
            while not self._stopping.is_set():
                # The generator yields each notice as it comes; the timeout only bounds how
                # long a stop or a prune waits for a quiet moment.
                for _notice in connection.notifies(timeout=1.0):
                    self.notices += 1
                    self._wake()
                    if self._stopping.is_set():
                        break
                self._maybe_prune()

    def _maybe_prune(self) -> None:
        now = time.monotonic()
        if now - self._last_prune < PRUNE_EVERY_SECONDS:
            return
        self._last_prune = now
        cutoff = datetime.now(UTC) - KEEP
        with self._store.unit() as session:
            removed = feed.prune(session, cutoff)
        if removed:
            log.info("change feed pruned: %d entries", removed)


def read_visible(ctx: ServiceContext, after: int | None) -> ChangeBatch:
    """The entries after ``after`` that the user may know of; ``after`` None (a desk that
    starts following) answers the head only."""
    with ctx.read_unit() as session:
        if after is None:
            return ChangeBatch((), feed.head(session))
        oldest = feed.oldest(session)
        if after < 0 or (oldest is not None and after < oldest - 1 and after < feed.head(session)):
            return ChangeBatch((), feed.head(session), reload=True)
        entries = feed.read_after(session, after, BATCH)
        if not entries:
            return ChangeBatch((), after)
        changes = [
            FeedChange(e.seq, e.object_type, e.object_id, e.case_id) for e in entries
        ]
        visible = live.visible_changes(ctx, session, changes)
        return ChangeBatch(tuple(visible), entries[-1].seq)


async def wait_for_changes(
    listener: FeedListener,
    read: Callable[[int | None], Awaitable[ChangeBatch]],
    after: int | None,
    wait_seconds: float,
) -> ChangeBatch:
    """Read after ``after``; while nothing for this user, wait for a notice (bounded) and
    read again after what the last read passed over (entries the user may not know of are
    passed over too, so the desk need not ask for them again)."""
    listener.ensure_started()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait_seconds
    while True:
        entry = listener.waiter()
        try:
            batch = await read(after)
            remaining = deadline - loop.time()
            if batch.changes or batch.reload or after is None or remaining <= 0:
                return batch
            after = batch.seq
            try:
                await asyncio.wait_for(entry[1].wait(), remaining)
            except TimeoutError:
                return await read(after)
        finally:
            listener.forget(entry)
