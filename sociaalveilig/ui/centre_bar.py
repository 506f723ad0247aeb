"""The bar at the top of a window on a centre while the centre cannot be reached.

It says so in one line, with what the user can do, and tries again by itself: first after
a few seconds, then less and less often (a centre that is down for a while is not asked
every few seconds by every desk), and at once with "Nu opnieuw proberen". A try is the
window's ``retry_requested``: the window makes a small call, and the next call that
succeeds (any call) hides the bar. What the user typed in an open dialog stays there; its
save can be pressed again.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

# Seconds before each next try: growing, then every minute.
RETRY_SECONDS = (5, 10, 20, 40, 60)


class CentreBar(QFrame):
    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("centreBar")
        self.setStyleSheet(
            "QFrame#centreBar { background: #fff4ce; border-bottom: 1px solid #e0c060; }"
        )
        self.label = QLabel(self)
        self.label.setObjectName("centreBarText")
        self.label.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Nu opnieuw proberen"), self)
        self.retry_button.setObjectName("retryButton")
        self.retry_button.clicked.connect(self.retry_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry_button)
        self.retry_seconds: tuple[int, ...] = RETRY_SECONDS
        self._attempt = 0
        self._problem = ""
        self._remaining = 0
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)
        self.setVisible(False)

    @property
    def next_wait(self) -> int:
        """Seconds between the last failure and the next try."""
        return self.retry_seconds[min(self._attempt, len(self.retry_seconds) - 1)]

    @property
    def seconds_left(self) -> int:
        return self._remaining

    def show_unreachable(self, problem: str) -> None:
        """A call failed because the centre could not be reached: show (or keep) the bar
        and plan the next try, each a little later than the one before."""
        self._problem = problem
        self._remaining = self.next_wait
        self._attempt += 1
        self._tick.start()
        self.retry_button.setEnabled(True)
        self._render()
        self.setVisible(True)

    def hide_reachable(self) -> None:
        """A call succeeded: the centre answers again."""
        self._tick.stop()
        self._attempt = 0
        self._remaining = 0
        self.setVisible(False)

    def retry_now(self) -> None:
        self._tick.stop()
        self._remaining = 0
        self.retry_button.setEnabled(False)  # until this try has an answer
        self.label.setText(self.tr("Het centrum is niet bereikbaar; opnieuw verbinden…"))
        self.retry_requested.emit()

    def _count_down(self) -> None:
        self._remaining -= 1
        if self._remaining <= 0:
            self.retry_now()
            return
        self._render()

    def _render(self) -> None:
        self.label.setText(
            self.tr(
                "Het centrum is niet bereikbaar; wat u ziet kan verouderd zijn en wat u "
                "invult blijft staan tot het weer lukt. Controleer uw netwerkverbinding. "
                "Nieuwe poging over {seconds} s."
            ).format(seconds=self._remaining)
        )
        self.label.setToolTip(self._problem)  # the client's line: which centre, what failed
