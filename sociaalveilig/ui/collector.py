"""Python's cyclic garbage collection, on the GUI thread only.

CPython collects reference cycles whenever enough objects have been allocated, on whichever
thread happens to allocate. Service calls run on a thread pool (``operations``), so a
collection could run on a pool thread and free a Qt object that became cyclic garbage on
the GUI thread (a closed dialog, a page's slot): Qt objects must be destroyed on their own
thread, and the UI tests once died that way ("Fatal Python error: Segmentation fault ...
Garbage-collecting" on a pool thread, inside a Vandaag query). So while the window runs,
automatic collection is off and a timer on the GUI thread collects instead, with CPython's
own thresholds, generation by generation. Plain reference counting, which frees almost
everything, is not affected.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 200
"""How often the GUI thread looks whether a collection is due."""


class GuiThreadCollector(QObject):
    """Switches automatic collection off and collects on the GUI thread; ``stop`` gives
    collection back to CPython."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(interval_ms)

    def collect_due(self) -> int:
        """Collect the oldest generation whose threshold has been passed (with the younger
        ones), as CPython would; returns how many unreachable objects were found."""
        counts = gc.get_count()
        due = [g for g in range(3) if counts[g] > self._thresholds[g]]
        if not due:
            return 0
        return gc.collect(max(due))

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
