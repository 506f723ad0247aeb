"""The main window: navigation by role, status bar, Ctrl+L / idle lock empties every view
and clears the clipboard, unlocking returns to the page the user was on."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from sociaalveilig.core.enums import Role
from sociaalveilig.services.context import ServiceContext
from tests.conftest import ADMIN, ADMIN_PASSPHRASE

from sociaalveilig.ui.clipboard import PASSWORD_MANAGER_HINT, SecureClipboard
from sociaalveilig.ui.idle_lock import IdleLock
from sociaalveilig.ui.main_window import WINDOW_TITLE, MainWindow
from sociaalveilig.ui.pages.base import Page
from sociaalveilig.ui.unlock_dialog import UnlockDialog

SECRET = "Zorgen om bewoner Verzonnenstraat 12"


class FirstPage(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        QVBoxLayout(self).addWidget(self.label)
        self.refreshed = 0

    def title(self) -> str:
        return "Eerste"

    def refresh(self) -> None:
        self.refreshed += 1
        self.label.setText(SECRET)

    def clear(self) -> None:
        self.label.clear()


class SecondPage(FirstPage):
    def title(self) -> str:
        return "Tweede"


class AdminOnlyPage(FirstPage):
    roles = frozenset({Role.BEHEERDER})

    def title(self) -> str:
        return "Beheer"


def _window(qtbot, ctx: ServiceContext, ui_settings, **kw) -> MainWindow:
    window = MainWindow(
        ctx,
        ui_settings,
        clipboard=kw.pop("clipboard", None) or SecureClipboard(),
        pages=[FirstPage, SecondPage, AdminOnlyPage],
        **kw,
    )
    qtbot.addWidget(window)
    window.show()
    return window


def _texts(widget: QWidget) -> list[str]:
    return [w.text() for w in widget.findChildren(QLabel)]


def test_navigation_follows_role_and_status_bar(qtbot, coordinator_ctx, ui_settings):
    window = _window(qtbot, coordinator_ctx, ui_settings)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["Eerste", "Tweede"]  # Beheer is for the beheerder only
    assert window.windowTitle() == WINDOW_TITLE
    assert "Coordinator" in window.user_label.text()
    assert "Coördinator" in window.role_label.text()
    assert window.lock_label.text() == "Ontgrendeld"
    assert coordinator_ctx.store.folder.name in window.store_label.text()
    assert window.current_page().label.text() == SECRET


def test_ctrl_l_locks_empties_views_and_unlock_returns(
    qtbot, store_dir, clock, ui_settings, wait_idle
):
    from sociaalveilig.services import setup

    ctx = setup.login(store_dir, ADMIN, ADMIN_PASSPHRASE, clock)
    clipboard = SecureClipboard()
    window = _window(qtbot, ctx, ui_settings, clipboard=clipboard)
    window.nav.setCurrentRow(1)
    assert type(window.current_page()).__name__ == "SecondPage"
    clipboard.copy_text(SECRET)
    assert QGuiApplication.clipboard().text() == SECRET

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window.nav, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked
    assert window.lock_label.text() == "Vergrendeld"
    assert all(SECRET not in t for t in _texts(window))
    assert QGuiApplication.clipboard().text() == ""
    assert window.windowTitle() == WINDOW_TITLE
    wait_idle()
    assert not ctx.store.is_open  # key wiped, connections closed

    unlock = window.findChild(UnlockDialog)
    assert unlock is not None and unlock.isVisible()
    assert unlock.username_edit.text() == ADMIN
    unlock.passphrase_edit.setText(ADMIN_PASSPHRASE)
    unlock.unlock()
    qtbot.waitUntil(lambda: not window.is_locked, timeout=20_000)
    try:
        assert type(window.current_page()).__name__ == "SecondPage"
        assert window.current_page().label.text() == SECRET
        assert window.lock_label.text() == "Ontgrendeld"
    finally:
        window.context.store.close()


def test_idle_lock_fires_after_interval(qtbot, coordinator_ctx, ui_settings):
    idle = IdleLock(minutes=5)
    window = _window(qtbot, coordinator_ctx, ui_settings, idle_lock=idle)
    assert idle.interval_ms == 5 * 60_000
    idle.set_interval_ms(50)
    with qtbot.waitSignal(window.locked, timeout=5000):
        pass
    assert window.is_locked
    assert all(SECRET not in t for t in _texts(window))
    dialog = window.findChild(UnlockDialog)
    assert dialog is not None
    # Unlock-dialog reject quits; here just close it without quitting the test app.
    dialog.done(QDialog.DialogCode.Accepted)


def test_idle_minutes_come_from_user_settings(qtbot, coordinator_ctx, ui_settings):
    ui_settings.set_user(coordinator_ctx.actor.username)
    ui_settings.set_idle_minutes(12)
    window = _window(qtbot, coordinator_ctx, ui_settings)
    assert window.idle_lock.interval_ms == 12 * 60_000


def test_idle_minutes_setting_applies_at_once(qtbot, coordinator_ctx, ui_settings):
    window = _window(qtbot, coordinator_ctx, ui_settings)
    window.set_idle_minutes(2)
    assert window.idle_lock.interval_ms == 2 * 60_000
    ui_settings.set_user(coordinator_ctx.actor.username)
    assert ui_settings.idle_minutes() == 2


def test_new_signal_only_for_roles_that_take_in_signals(qtbot, admin_ctx, ui_settings):
    window = _window(qtbot, admin_ctx, ui_settings)
    assert not window.new_signal_action.isEnabled()
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "Beheer" in titles


def test_geometry_and_last_page_remembered_per_user(qtbot, coordinator_ctx, ui_settings):
    window = _window(qtbot, coordinator_ctx, ui_settings)
    window.resize(1100, 650)
    window.nav.setCurrentRow(1)
    window.settings.save_geometry(window)
    ui_settings.set_user(coordinator_ctx.actor.username)
    stored = ui_settings.qsettings.value(f"users/{coordinator_ctx.actor.username}/window/geometry")
    assert isinstance(stored, QByteArray) and not stored.isEmpty()
    assert ui_settings.last_page() == "SecondPage"
    ui_settings.set_user("iemand-anders")
    assert ui_settings.last_page() is None


def test_clipboard_marked_secret_and_cleared_after_interval(qtbot):
    clipboard = SecureClipboard(clear_after_ms=50)
    clipboard.copy_text(SECRET)
    mime = QGuiApplication.clipboard().mimeData()
    assert bytes(mime.data(PASSWORD_MANAGER_HINT)) == b"secret"
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=5000)
    assert not clipboard.pending


def test_clipboard_leaves_other_content_alone(qtbot):
    clipboard = SecureClipboard(clear_after_ms=60_000)
    clipboard.copy_text(SECRET)
    QGuiApplication.clipboard().setText("iets van de gebruiker zelf")
    clipboard.clear()
    assert QGuiApplication.clipboard().text() == "iets van de gebruiker zelf"
