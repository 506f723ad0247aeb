"""What the calls to a centre say about the connection, told to the window once.

Every service call of the window ends in ``operations.Operation._deliver``; on a centre it
reports there to the window's ``CentreWatch`` (found by walking up from the widget the
call was for). A call that failed because the centre could not be reached makes the watch
say ``unreachable`` (the window shows its bar and tries again); the next call that
succeeds says ``reachable`` (the bar goes). A session the centre ended says
``session_ended`` (the window asks the user to sign in again). Such a failure is the
window's to tell: ``errors.show_error`` shows no dialog for it on a page (never a modal
error per failed background refresh), only where the user was saving in a dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from sociaalveilig.core.errors import SessionEnded, StoreUnavailable


def is_session_ended(exc: BaseException) -> bool:
    return isinstance(exc, SessionEnded)


class CentreWatch(QObject):
    """One per window on a centre."""

    unreachable = Signal(str)  # the client's one Dutch line on what failed
    reachable = Signal()
    session_ended = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._down = False

    @property
    def down(self) -> bool:
        """The last call to the centre failed because it could not be reached."""
        return self._down

    def observe(self, ok: bool, payload: object) -> None:
        """A call ended: ``payload`` is its result or the exception it raised."""
        if ok:
            if self._down:
                self._down = False
                self.reachable.emit()
            return
        if isinstance(payload, BaseException) and is_session_ended(payload):
            self.session_ended.emit()
        elif isinstance(payload, StoreUnavailable):
            self._down = True
            self.unreachable.emit(payload.message)

    @staticmethod
    def tells(exc: BaseException) -> bool:
        """Whether the window tells this failure itself (bar or sign-in)."""
        return isinstance(exc, StoreUnavailable) or is_session_ended(exc)


def watch_for(obj: QObject | None) -> CentreWatch | None:
    """The watch of the window ``obj`` belongs to, or None (a desk, or no window)."""
    while obj is not None:
        watch = getattr(obj, "centre_watch", None)
        if isinstance(watch, CentreWatch):
            return watch
        obj = obj.parent()
    return None
