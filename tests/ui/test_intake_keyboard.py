"""What a new keyboard user found in the intake and the add-user dialog: Tab leaves the date
in one step, Esc asks before throwing a filled form away, the house number takes digits
only, a wijkagent is not offered a new case outside the focus areas, the add-user dialog
starts in the user name, and the window title names the program once."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from sociaalveilig import app as app_module
from sociaalveilig.core.enums import Role
from sociaalveilig.services import signal_intake

from sociaalveilig.ui.choices import Choices
from sociaalveilig.ui.dialogs.add_user import AddUserDialog
from sociaalveilig.ui.intake_dialog import IntakeDialog
from sociaalveilig.ui.main_window import WINDOW_TITLE


def _open(qtbot, ctx) -> IntakeDialog:
    dialog = IntakeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.category_combo.isEnabled, timeout=10_000)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    return dialog


def test_tab_leaves_the_date_in_one_step_and_follows_the_form(qtbot, coordinator_ctx):
    dialog = _open(qtbot, coordinator_ctx)
    assert dialog.focusWidget() is dialog.received_edit
    expected = [
        dialog.source_combo,
        dialog.organisation_edit,
        dialog.category_combo,
        dialog.postcode_edit,
        dialog.house_number_edit,
        dialog.addition_edit,
        dialog.street_edit,
        dialog.city_edit,
        dialog.description_edit,
        dialog.urgency_combo,
        dialog.reporter_edit,
    ]
    order = []
    for _ in expected:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        order.append(dialog.focusWidget())
    assert order == expected
    # Shift+Tab from the source goes back to the date in one step too.
    dialog.source_combo.setFocus()
    qtbot.keyClick(dialog.source_combo, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.focusWidget() is dialog.received_edit
    dialog.reject()


def test_typing_after_tab_from_the_date_lands_in_the_organisation(qtbot, coordinator_ctx):
    dialog = _open(qtbot, coordinator_ctx)
    before = dialog.received_edit.dateTime()
    qtbot.keyClick(dialog.received_edit, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), "Woonpunt")
    assert dialog.organisation_edit.text() == "Woonpunt"
    assert dialog.received_edit.dateTime() == before
    dialog.reject()


def test_house_number_takes_digits_only(qtbot, coordinator_ctx):
    dialog = _open(qtbot, coordinator_ctx)
    qtbot.keyClicks(dialog.house_number_edit, "Geluid12")
    assert dialog.house_number_edit.text() == "12"
    qtbot.keyClicks(dialog.addition_edit, "bis")
    assert dialog.addition_edit.text() == "bis"
    dialog.house_number_edit.clear()
    qtbot.keyClicks(dialog.house_number_edit, "0")
    assert not dialog.house_number_edit.hasAcceptableInput()  # 0 is no house number
    dialog.reject()


def test_escape_closes_an_untouched_form_at_once(qtbot, coordinator_ctx):
    dialog = _open(qtbot, coordinator_ctx)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    assert dialog.discard_box is None
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


def _discard_box(qtbot, dialog: IntakeDialog) -> QMessageBox:
    qtbot.waitUntil(lambda: dialog.discard_box is not None and dialog.discard_box.isVisible())
    box = dialog.discard_box
    assert box is not None
    return box


def test_escape_on_a_filled_form_asks_and_keeps_editing_by_default(qtbot, coordinator_ctx):
    dialog = _open(qtbot, coordinator_ctx)
    qtbot.keyClicks(dialog.postcode_edit, "6431ab")
    qtbot.keyClick(dialog.postcode_edit, Qt.Key.Key_Escape)
    box = _discard_box(qtbot, dialog)
    assert "Het signaal is nog niet opgeslagen. Wegwerpen?" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    assert dialog.isVisible()
    box.defaultButton().click()  # Enter: keep editing
    qtbot.waitUntil(lambda: dialog.discard_box is None)
    assert dialog.isVisible()
    assert dialog.postcode_edit.text() == "6431 AB"

    # Annuleren asks the same; Wegwerpen closes.
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    box = _discard_box(qtbot, dialog)
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.saved is None


def test_programmatic_reject_never_asks(qtbot, coordinator_ctx):
    """The lock closes every dialog with ``reject()``: that must not wait for an answer."""
    dialog = _open(qtbot, coordinator_ctx)
    qtbot.keyClicks(dialog.reporter_edit, "Buurvrouw Verzonnen")
    dialog.reject()
    assert dialog.discard_box is None
    assert not dialog.isVisible()


def test_wijkagent_outside_focus_areas_gets_no_case_proposed(qtbot, make_actor, wait_idle):
    agent = make_actor(Role.WIJKAGENT, areas=["Kerkrade Oost"])
    dialog = _open(qtbot, agent)
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("WO-OVL"))
    qtbot.keyClicks(dialog.postcode_edit, "6431ab")  # Heerlen Noord
    qtbot.keyClicks(dialog.house_number_edit, "12")
    dialog.request_preview()
    qtbot.waitUntil(lambda: dialog._preview is not None, timeout=10_000)
    wait_idle()
    assert dialog.case_choice() == signal_intake.NO_CASE
    assert "buiten uw focusgebieden" in dialog.case_hint.text()
    assert dialog.case_hint.isVisibleTo(dialog)
    dialog.reject()


def test_wijkagent_inside_focus_area_gets_a_new_case_proposed_not_chosen(
    qtbot, make_actor, wait_idle
):
    agent = make_actor(Role.WIJKAGENT, areas=["Heerlen Noord (incl. Hoensbroek)"])
    dialog = _open(qtbot, agent)
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("WO-OVL"))
    qtbot.keyClicks(dialog.postcode_edit, "6431ab")
    qtbot.keyClicks(dialog.house_number_edit, "12")
    dialog.request_preview()
    qtbot.waitUntil(lambda: dialog._preview is not None, timeout=10_000)
    wait_idle()
    # Proposed (woonoverlast is about a household), but the wijkagent chooses it.
    assert dialog.case_choice() == signal_intake.NO_CASE
    assert dialog.case_box.new_case_proposed()
    assert not dialog.case_hint.isVisibleTo(dialog)
    dialog.reject()


def test_add_user_dialog_starts_in_the_user_name(qtbot, admin_ctx):
    dialog = AddUserDialog(admin_ctx, Choices())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    assert dialog.focusWidget() is dialog.username
    qtbot.keyClicks(dialog.focusWidget(), "jansen")
    assert dialog.username.text() == "jansen"
    dialog.reject()


class _Stop(Exception):
    pass


def test_window_title_names_the_program_once(monkeypatch):
    gui = QGuiApplication.instance()
    assert gui is not None
    saved = (
        QCoreApplication.organizationName(),
        QCoreApplication.applicationName(),
        QGuiApplication.applicationDisplayName(),
    )

    def stop(_argv: object) -> None:
        raise _Stop

    monkeypatch.setattr(app_module, "parse_args", stop)
    monkeypatch.setattr(app_module, "install_translations", lambda _app, _language=None: None)
    try:
        with pytest.raises(_Stop):
            app_module.main([])
        display = QGuiApplication.applicationDisplayName()
    finally:
        QCoreApplication.setOrganizationName(saved[0])
        QCoreApplication.setApplicationName(saved[1])
        QGuiApplication.setApplicationDisplayName(saved[2])
    # Qt appends the display name to a title that does not end with it.
    assert WINDOW_TITLE.endswith(display)
    assert display == "Sociaal Veilig Parkstad"
