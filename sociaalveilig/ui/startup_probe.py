"""``sociaalveilig --startup-probe``: how long from the command to a usable sign-in screen.

A hidden option for ``bench/package.py``: when the first dialog (unlock or first start) has
been shown and the event loop has turned once, the program prints ``startup-probe <epoch
seconds> <dialog class>`` on stdout and closes the dialog, so the program ends as if the
user quit. The benchmark compares the printed time with the moment it started the command.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog


class StartupProbe(QObject):
    """Watches the application's events for the first dialog shown."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._done = False
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._done
            and event.type() == QEvent.Type.Show
            and isinstance(watched, QDialog)
            and watched.isWindow()
        ):
            self._done = True
            dialog = watched
            QTimer.singleShot(0, lambda: self._report(dialog))
        return False

    def _report(self, dialog: QDialog) -> None:
        shown = f"startup-probe {time.time():.6f} {type(dialog).__name__}"
        print(shown, file=sys.stdout, flush=True)
        dialog.reject()
