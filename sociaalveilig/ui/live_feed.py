"""The window's side of a centre's change feed: lists that stay current.

On a centre the window follows the feed (``services/remote/feed.FeedFollower``, on its own
thread) while it is unlocked; each batch comes to the GUI thread through
``operations.post_to_gui`` and is handed to the pages (``Page.apply_changes``), which
update the changed rows in place. A desk's own store has one writer and no feed: nothing
runs there. Locking stops following; unlocking starts anew from the feed's head (what was
missed meanwhile is in the lists the unlock reloads).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.live import ChangeBatch
from sociaalveilig.services.remote import RemoteContext
from sociaalveilig.services.remote.feed import FeedFollower

from sociaalveilig.ui import operations


class LiveFeed(QObject):
    """Follows the feed for the window's current context (see the module text)."""

    # A batch of changes the user may know of (on the GUI thread).
    changes = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._follower: FeedFollower | None = None
        self._ctx: ServiceContext | None = None
        self.batches = 0
        """Batches delivered (for tests and diagnostics)."""

    @property
    def follower(self) -> FeedFollower | None:
        return self._follower

    def follow(self, ctx: ServiceContext | None) -> None:
        """Follow the feed of ``ctx``'s centre; None, or a desk's own store, stops."""
        if ctx is self._ctx and self._follower is not None and self._follower.running:
            return
        self.stop()
        if not isinstance(ctx, RemoteContext):
            return
        operations.ensure_dispatcher()
        self._ctx = ctx
        follower = FeedFollower(ctx, lambda batch: self._arrived(follower, batch))
        self._follower = follower.start()

    def stop(self) -> None:
        follower, self._follower, self._ctx = self._follower, None, None
        if follower is not None:
            follower.stop()  # its request under way ends on its own and is dropped

    def _arrived(self, follower: FeedFollower, batch: ChangeBatch) -> None:
        """On the follower's thread."""
        operations.post_to_gui(lambda: self._deliver(follower, batch))

    def _deliver(self, follower: FeedFollower, batch: ChangeBatch) -> None:
        if follower is not self._follower:
            return  # locked, or another user, since it was sent
        self.batches += 1
        self.changes.emit(batch)
