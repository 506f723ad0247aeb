"""The desk's side of the centre's change feed: a thread that follows it.

``FeedFollower`` asks ``GET /api/v1/changes`` first for the feed's head (where it starts),
then again and again after the last sequence number it heard; the server answers as soon
as there is a change this user may know of, or after its wait (``server/feed.py``). Each
batch with changes, or the one ``reload`` after falling behind, goes to ``on_batch`` on
this thread: the window hands it to the GUI thread (``ui/operations.post_to_gui``). A
centre out of reach is asked again after a pause; a session that ended stops the thread
(the window signs in again and starts a new one). Only types and ids travel.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sociaalveilig.core.errors import AuthenticationError, SessionEnded, StoreUnavailable
from sociaalveilig.services.live import ChangeBatch
from sociaalveilig.services.remote.context import RemoteContext

log = logging.getLogger(__name__)

RETRY_SECONDS = 3.0


class FeedFollower:
    """Follows the feed of ``ctx``'s centre on its own thread until ``stop``."""

    def __init__(
        self,
        ctx: RemoteContext,
        on_batch: Callable[[ChangeBatch], None],
        *,
        retry_seconds: float = RETRY_SECONDS,
    ) -> None:
        self._ctx = ctx
        self._on_batch = on_batch
        self._retry = retry_seconds
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="sv-feed-follower", daemon=True)
        self.seq: int | None = None
        """The last sequence number heard (None until the head is known)."""
        self.started = threading.Event()
        """Set once the head is known: changes after it will be heard (tests wait on it)."""

    def start(self) -> FeedFollower:
        self._thread.start()
        return self

    def stop(self, timeout: float | None = None) -> None:
        """Stop following; a request under way ends on its own (at most the server's
        wait), and its answer is not delivered."""
        self._stopping.set()
        if timeout is not None:
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread.is_alive() and not self._stopping.is_set()

    def poll_once(self) -> ChangeBatch:
        """One request after ``seq`` (or for the head)."""
        query = "" if self.seq is None else f"?after={self.seq}"
        answer = self._ctx.client.request("GET", f"/changes{query}", token=self._ctx.token)
        batch = answer.get("batch")
        if not isinstance(batch, ChangeBatch):
            raise self._ctx.client.unreachable()
        return batch

    def _loop(self) -> None:
        while not self._stopping.is_set():
            try:
                batch = self.poll_once()
            except (SessionEnded, AuthenticationError):
                return  # signed out or ended: the window signs in again
            except StoreUnavailable:
                self._stopping.wait(self._retry)
                continue
            except Exception as exc:  # a bug must not end the window; the log says which
                log.error("change feed follower: %s", type(exc).__name__)
                self._stopping.wait(self._retry)
                continue
            if self._stopping.is_set():
                return
            first = self.seq is None
            self.seq = batch.seq
            if first:
                self.started.set()
                continue
            if batch.changes or batch.reload:
                self._on_batch(batch)
