"""The program's icon and identity, read from the package's resources.

``sociaalveilig/resources`` (package data; the top-level ``resources`` links to it) holds the
icon, the desktop entry and the AppStream metainfo, so an editable install, a wheel and the
PyInstaller folder all find the files through ``importlib.resources``.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from sociaalveilig import APP_ID, APP_NAME

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def resources() -> Traversable:
    return files("sociaalveilig") / "resources"


def icon_file(size: int) -> Traversable:
    return resources() / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def application_icon() -> QIcon:
    """The icon in every size (PNG: no image plugin needed); null when the files are absent."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = icon_file(size)
        if path.is_file():
            # A real file in every supported install (package folder, wheel, PyInstaller).
            icon.addFile(str(path))
    return icon


def apply_identity(app: QApplication) -> None:
    """The program's name and icon on the application: every window and dialog (unlock,
    first start), the task bar and the tray icon (ui/scheduler.py) inherit them."""
    app.setApplicationDisplayName(APP_NAME)  # Qt appends it to window titles
    app.setWindowIcon(application_icon())
    app.setDesktopFileName(APP_ID)  # Wayland matches the window to the desktop entry
