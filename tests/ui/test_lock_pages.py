"""Locking with the real list pages: every model empty, no case data left in any widget;
unlocking returns to the case that was open."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPlainTextEdit, QWidget

from sociaalveilig.services import setup, users
from tests.ui.builders import register

from sociaalveilig.ui.clipboard import SecureClipboard
from sociaalveilig.ui.main_window import MainWindow
from sociaalveilig.ui.pages.cases import CasesPage
from sociaalveilig.ui.pages.signals import SignalsPage
from sociaalveilig.ui.unlock_dialog import UnlockDialog

PASSPHRASE = "coordinator-wachtwoord-42"


def _all_text(root: QWidget) -> str:
    parts: list[str] = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            parts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            parts.append(widget.toPlainText())
        parts.append(widget.toolTip())
    return "\n".join(parts)


def test_lock_empties_every_view_and_unlock_returns_to_case(
    qtbot, admin_ctx, store_dir, clock, ui_settings, wait_idle
):
    users.add_user(admin_ctx, "anna", "coordinator", PASSPHRASE, display_name="Anna Test")
    ctx = setup.login(store_dir, "anna", PASSPHRASE, clock)
    signal = register(ctx, description="Zorgen om bewoner, buren horen geschreeuw.")
    register(ctx, number=40, category="VE-PLEK")

    window = MainWindow(ctx, ui_settings, SecureClipboard(), pages=[SignalsPage, CasesPage])
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    signals_page = window.page("SignalsPage")
    cases_page = window.page("CasesPage")
    assert isinstance(signals_page, SignalsPage) and isinstance(cases_page, CasesPage)
    qtbot.waitUntil(lambda: signals_page.model.rowCount() == 2, timeout=10_000)
    wait_idle()
    signals_page.model.index(0, 0).data()
    wait_idle()
    window.open_case(signal.case_id)
    qtbot.waitUntil(lambda: cases_page.case_view.detail is not None, timeout=10_000)
    wait_idle()
    case_ref = signal.case_reference
    assert case_ref in _all_text(window)
    assert "Verzonnenstraat" in _all_text(window)
    cases_page.case_view.copy_address()

    window.lock()
    assert signals_page.model.rowCount() == 0
    assert cases_page.model.rowCount() == 0
    assert cases_page.case_view.timeline_model.rowCount() == 0
    assert cases_page.case_view.persons_model.rowCount() == 0
    text = _all_text(window)
    for secret in (case_ref, signal.reference, "Verzonnenstraat", "6431", "geschreeuw"):
        assert secret not in text, secret
    assert window.windowTitle() == "Sociaal Veilig Parkstad"
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == ""
    wait_idle()
    assert not ctx.store.is_open

    unlock = window.findChild(UnlockDialog)
    unlock.passphrase_edit.setText(PASSPHRASE)
    unlock.unlock()
    qtbot.waitUntil(lambda: not window.is_locked, timeout=20_000)
    qtbot.waitUntil(lambda: cases_page.case_view.detail is not None, timeout=10_000)
    wait_idle()
    try:
        assert window.current_page() is cases_page
        assert cases_page.case_view.detail.case_id == signal.case_id
    finally:
        window.context.store.close()
