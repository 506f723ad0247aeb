"""Desktop notifications behind a small interface, with a fake for tests.

A notification pops up outside the locked program and may be read by anyone passing the
screen, so its text is built only from what a reminder may show: the kind, a reference,
the time and the focus area (``Reminder.text``). Never a resident's name, address or the
reason of concern, and never the content of a case.

``TrayNotifier`` uses the system tray (``QSystemTrayIcon.showMessage``); where there is no
tray (some Linux desktops, the offscreen test platform) it stays silent and the reminders
are still listed in Vandaag. ``FakeNotifier`` records what would have been shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon

from sociaalveilig import APP_NAME
from sociaalveilig.services.reminder_rules import Reminder, format_moment

MAX_SINGLE = 3
"""Up to this many new reminders pop up one by one; more become one summary."""
MESSAGE_MSECS = 15_000


def _t(text: str) -> str:
    return QCoreApplication.translate("notifier", text)


@dataclass(frozen=True)
class Notification:
    title: str
    text: str
    warning: bool = False


class Notifier(Protocol):
    def notify(self, note: Notification) -> None: ...

    def close(self) -> None: ...


class FakeNotifier:
    """Collects notifications instead of showing them (tests, demo screenshots)."""

    def __init__(self) -> None:
        self.notes: list[Notification] = []

    def notify(self, note: Notification) -> None:
        self.notes.append(note)

    def close(self) -> None:
        pass


class TrayNotifier(QObject):
    """Shows notifications as system tray messages; a click brings the window forward."""

    activated = Signal()

    def __init__(self, icon: QIcon | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icon = icon
        self._tray: QSystemTrayIcon | None = None

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages()

    def _ensure_tray(self) -> QSystemTrayIcon | None:
        if self._tray is not None:
            return self._tray
        if not self.available():
            return None
        icon = self._icon
        if icon is None or icon.isNull():
            app = QApplication.instance()
            icon = (
                app.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
                if isinstance(app, QApplication)
                else QIcon()
            )
        tray = QSystemTrayIcon(icon, self)
        tray.setToolTip(APP_NAME)
        tray.messageClicked.connect(self.activated)
        tray.activated.connect(lambda _reason: self.activated.emit())
        tray.show()
        self._tray = tray
        return tray

    def notify(self, note: Notification) -> None:
        tray = self._ensure_tray()
        if tray is None:
            return
        icon = (
            QSystemTrayIcon.MessageIcon.Warning
            if note.warning
            else QSystemTrayIcon.MessageIcon.Information
        )
        tray.showMessage(note.title, note.text, icon, MESSAGE_MSECS)

    def close(self) -> None:
        if self._tray is not None:
            self._tray.hide()
            self._tray.deleteLater()
            self._tray = None


# --------------------------------------------------------------------------- texts


def reminder_notification(reminder: Reminder) -> Notification:
    return Notification(reminder.title, reminder.text)


def notifications_for(reminders: Sequence[Reminder]) -> list[Notification]:
    """One notification per new reminder, or one summary when there are many."""
    if not reminders:
        return []
    if len(reminders) <= MAX_SINGLE:
        return [reminder_notification(r) for r in reminders]
    return [
        Notification(
            _t("{n} nieuwe herinneringen").format(n=len(reminders)),
            _t("Bekijk ze in Vandaag."),
        )
    ]


def catch_up_notification(count: int, since: datetime | None) -> Notification:
    """One summary of what fell due while the program was closed or asleep."""
    if since is None:
        text = _t("Bekijk ze in Vandaag.")
    else:
        text = _t("Sinds {since}. Bekijk ze in Vandaag.").format(since=format_moment(since))
    return Notification(
        _t("{n} herinneringen terwijl Sociaal Veilig dicht was").format(n=count), text
    )


def warning_notification(title: str, text: str) -> Notification:
    return Notification(title, text, warning=True)


__all__ = [
    "FakeNotifier",
    "Notification",
    "Notifier",
    "TrayNotifier",
    "catch_up_notification",
    "notifications_for",
    "reminder_notification",
    "warning_notification",
]
