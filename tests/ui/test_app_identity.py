"""The program's icon and name on the application, its dialogs and the main window (and so
on the tray icon, which takes the window's icon: ui/scheduler.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import QApplication

from sociaalveilig import APP_ID, APP_NAME
from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui.app_icon import apply_identity, icon_file
from sociaalveilig.ui.first_start import FirstStartDialog
from sociaalveilig.ui.main_window import MainWindow
from sociaalveilig.ui.settings import UiSettings
from sociaalveilig.ui.unlock_dialog import UnlockDialog


@pytest.fixture
def identity(qapp: QApplication) -> Iterator[QApplication]:
    """apply_identity on the test's QApplication, undone afterwards (no global state)."""
    before = (qapp.windowIcon(), qapp.applicationDisplayName(), qapp.desktopFileName())
    apply_identity(qapp)
    yield qapp
    qapp.setWindowIcon(before[0])
    qapp.setApplicationDisplayName(before[1])
    qapp.setDesktopFileName(before[2])


def _image(icon: QIcon, size: int) -> QImage:
    return icon.pixmap(size, size).toImage().convertToFormat(QImage.Format.Format_ARGB32)


def _resource(size: int) -> QImage:
    return QImage(str(icon_file(size))).convertToFormat(QImage.Format.Format_ARGB32)


def test_the_application_icon_comes_from_the_resources(identity: QApplication) -> None:
    icon = identity.windowIcon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= {16, 32, 48, 256, 512}
    for size in (16, 32, 256):
        assert _image(icon, size) == _resource(size)
    assert identity.applicationDisplayName() == APP_NAME
    assert identity.desktopFileName() == APP_ID


def test_the_sign_in_dialogs_and_the_window_show_the_program_icon(
    identity: QApplication, qtbot, store_dir: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
    coordinator_ctx: ServiceContext, ui_settings: UiSettings,
) -> None:
    expected = _resource(32)
    unlock = UnlockDialog(store_dir)
    first = FirstStartDialog(tmp_path / "nieuw")
    window = MainWindow(coordinator_ctx, ui_settings)
    for widget in (unlock, first, window):
        qtbot.addWidget(widget)
        assert _image(widget.windowIcon(), 32) == expected
