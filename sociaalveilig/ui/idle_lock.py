"""The idle lock: no keyboard or mouse for a while (default 5 minutes) locks the window.

An application-wide event filter restarts a single-shot timer on every user input; when
it runs out, ``lock_requested`` is emitted and the main window locks (store closed, views
emptied, clipboard cleared, unlock dialog shown). Ctrl+L asks for the same at once; that
shortcut lives on the main window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from sociaalveilig.ui.settings import DEFAULT_IDLE_MINUTES

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleLock(QObject):
    """Emits ``lock_requested`` after ``minutes`` without user input, while armed."""

    lock_requested = Signal()

    def __init__(self, minutes: int = DEFAULT_IDLE_MINUTES, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._expired)
        self.set_minutes(minutes)
        self._armed = False
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def armed(self) -> bool:
        return self._armed

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(max(1, int(minutes)) * 60_000)

    def set_interval_ms(self, ms: int) -> None:
        self._timer.setInterval(ms)
        if self._timer.isActive():
            self._timer.start()

    def arm(self) -> None:
        """Start counting (after unlock)."""
        self._armed = True
        self._timer.start()

    def disarm(self) -> None:
        """Stop counting (while locked)."""
        self._armed = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._armed and event.type() in _ACTIVITY:
            self._timer.start()
        return False

    def _expired(self) -> None:
        if self._armed:
            self.lock_requested.emit()

    def close(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.disarm()
