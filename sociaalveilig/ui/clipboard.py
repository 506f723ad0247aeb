"""Copying case text: gone from the clipboard after 30 seconds, skipped by clipboard managers.

Text copied from a case (an address, a reference, a description) is put on the clipboard
with the ``x-kde-passwordManagerHint: secret`` mark that KDE's Klipper and other clipboard
managers honour by not keeping a history of it. After ``CLEAR_AFTER_MS`` the clipboard is
emptied, but only if it still holds what the program put there: something the user copied
from elsewhere meanwhile is left alone. Locking clears at once.

The copied text itself is not kept here, only its hash, to recognise it later.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 30_000
PASSWORD_MANAGER_HINT = "x-kde-passwordManagerHint"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class SecureClipboard(QObject):
    """Puts case text on the clipboard and takes it off again."""

    def __init__(
        self,
        clipboard: QClipboard | None = None,
        clear_after_ms: int = CLEAR_AFTER_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clipboard = clipboard if clipboard is not None else QGuiApplication.clipboard()
        self._digest: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear)

    @property
    def holds_case_text(self) -> bool:
        """Whether the clipboard still holds text this program put there."""
        return self._digest is not None and _digest(self._clipboard.text()) == self._digest

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def copy_text(self, text: str) -> None:
        """Copy ``text``, marked secret, to the clipboard; cleared after the interval."""
        mime = QMimeData()
        mime.setText(text)
        mime.setData(PASSWORD_MANAGER_HINT, b"secret")
        self._clipboard.setMimeData(mime, QClipboard.Mode.Clipboard)
        self._digest = _digest(text)
        self._timer.start()

    def clear(self) -> None:
        """Empty the clipboard if it still holds our text; forget it either way."""
        self._timer.stop()
        if self.holds_case_text:
            self._clipboard.clear(QClipboard.Mode.Clipboard)
        self._digest = None


_default: SecureClipboard | None = None


def secure_clipboard() -> SecureClipboard:
    """The program's clipboard guard (one per application; made on first use)."""
    global _default
    if _default is None:
        _default = SecureClipboard()
    return _default


def set_secure_clipboard(guard: SecureClipboard) -> None:
    """Make ``guard`` the program's clipboard guard (the window installs its own)."""
    global _default
    if _default is not None and _default is not guard:
        _default.clear()
    _default = guard


def copy_case_text(text: str) -> None:
    """Copy case text with the 30-second clearing and the clipboard-manager mark."""
    secure_clipboard().copy_text(text)
