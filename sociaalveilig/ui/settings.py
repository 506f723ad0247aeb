"""What the window remembers per user: geometry, column layout, the idle-lock time.

Stored with QSettings (the platform's place for program settings), under a group per
user name, so two people sharing a desk each get their own layout. Nothing here is case
data: only sizes, header states and preferences.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QWidget

from sociaalveilig.language import save_language, saved_language

from sociaalveilig.ui.centre_address import CentreAddress

ORGANISATION = "Sociaal Veilig Parkstad"
APPLICATION = "sociaalveilig"
DEFAULT_IDLE_MINUTES = 5
_LAST = "last"


def default_settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )


def _safe(name: str) -> str:
    # QSettings treats '/' and '\\' as group separators.
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name) or "_"


class UiSettings:
    """Per-user window settings on top of a QSettings (injected: tests pass a temp file)."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings if settings is not None else default_settings()
        self._user = "_"

    @property
    def qsettings(self) -> QSettings:
        return self._settings

    def set_user(self, username: str | None) -> None:
        self._user = _safe(username) if username else "_"

    def _key(self, *parts: str) -> str:
        return "/".join(("users", self._user, *parts))

    # ------------------------------------------------------------------ window

    def save_geometry(self, window: QWidget) -> None:
        self._settings.setValue(self._key("window", "geometry"), window.saveGeometry())
        self._settings.sync()

    def restore_geometry(self, window: QWidget) -> bool:
        value = self._settings.value(self._key("window", "geometry"))
        if isinstance(value, QByteArray | bytes) and value:
            return bool(window.restoreGeometry(QByteArray(value)))
        return False

    # ------------------------------------------------------------------ table columns

    def save_header(self, view_name: str, header: QHeaderView) -> None:
        self._settings.setValue(self._key("columns", _safe(view_name)), header.saveState())

    def restore_header(self, view_name: str, header: QHeaderView) -> bool:
        value = self._settings.value(self._key("columns", _safe(view_name)))
        if isinstance(value, QByteArray | bytes) and value:
            return bool(header.restoreState(QByteArray(value)))
        return False

    # ------------------------------------------------------------------ preferences

    def idle_minutes(self) -> int:
        value = self._settings.value(self._key("idle_lock_minutes"), DEFAULT_IDLE_MINUTES)
        try:
            minutes = int(value)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return DEFAULT_IDLE_MINUTES
        return minutes if 1 <= minutes <= 120 else DEFAULT_IDLE_MINUTES

    def set_idle_minutes(self, minutes: int) -> None:
        self._settings.setValue(self._key("idle_lock_minutes"), int(minutes))

    def last_page(self) -> str | None:
        value = self._settings.value(self._key("last_page"))
        return str(value) if value else None

    def set_last_page(self, name: str) -> None:
        self._settings.setValue(self._key("last_page"), name)

    def language(self) -> str:
        """The program's language on this computer account (one for all users: it is
        needed before anyone signs in)."""
        return saved_language(self._settings)

    def set_language(self, language: str) -> None:
        save_language(self._settings, language)

    # ------------------------------------------------------------------ store location

    def last_store(self) -> str | None:
        value = self._settings.value(f"{_LAST}/store")
        return str(value) if value else None

    def set_last_store(self, folder: str) -> None:
        self._settings.setValue(f"{_LAST}/store", folder)

    def last_user(self) -> str | None:
        value = self._settings.value(f"{_LAST}/user")
        return str(value) if value else None

    def set_last_user(self, username: str) -> None:
        self._settings.setValue(f"{_LAST}/user", username)

    # ------------------------------------------------------------------ connection

    def centre(self) -> CentreAddress | None:
        """The centre this desk works on, or None for the store on this computer.

        Only the address and the certificate file to trust are kept: never a passphrase,
        a session token or anything read from the centre."""
        if self._settings.value(f"{_LAST}/connection") != "centre":
            return None
        return self.remembered_centre()

    def remembered_centre(self) -> CentreAddress | None:
        """The centre last used, also while this computer's store is chosen (to offer it
        again in "Andere verbinding…")."""
        url = self._settings.value(f"{_LAST}/server")
        if not url:
            return None
        ca = self._settings.value(f"{_LAST}/ca")
        return CentreAddress(str(url), Path(str(ca)) if ca else None)

    def set_centre(self, address: CentreAddress | None) -> None:
        """Remember the centre (None: the store on this computer from now on)."""
        if address is None:
            self._settings.setValue(f"{_LAST}/connection", "local")
            return
        self._settings.setValue(f"{_LAST}/connection", "centre")
        self._settings.setValue(f"{_LAST}/server", address.url)
        self._settings.setValue(f"{_LAST}/ca", str(address.ca) if address.ca else "")

    def sync(self) -> None:
        self._settings.sync()
