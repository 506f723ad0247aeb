"""Signal intake through the window: as-typed help, linking before saving, routing after."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from sociaalveilig.core.enums import Role, SignalStatus
from sociaalveilig.services import signal_intake, signals

from sociaalveilig.ui.intake_dialog import IntakeDialog


def _fill(qtbot, dialog: IntakeDialog, postcode: str = "6431ab", number: str = "12") -> None:
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("WO-OVL"))
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData("woningcorporatie"))
    qtbot.keyClicks(dialog.postcode_edit, postcode)
    qtbot.keyClicks(dialog.house_number_edit, number)
    dialog.street_edit.setText("Verzonnenstraat")
    dialog.city_edit.setText("Heerlen")
    dialog.description_edit.setPlainText("Geluidsoverlast in de nacht, meerdere buren melden het.")


def _open(qtbot, ctx) -> IntakeDialog:
    dialog = IntakeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.category_combo.isEnabled, timeout=10_000)
    return dialog


def test_postcode_is_normalised_as_typed_and_place_shown(qtbot, coordinator_ctx, wait_idle):
    dialog = _open(qtbot, coordinator_ctx)
    qtbot.keyClicks(dialog.postcode_edit, "6431a")
    assert dialog.postcode_edit.text() == "6431A"
    qtbot.keyClicks(dialog.postcode_edit, "b")
    assert dialog.postcode_edit.text() == "6431 AB"
    qtbot.keyClicks(dialog.house_number_edit, "3")
    dialog.request_preview()
    qtbot.waitUntil(lambda: "Heerlen Noord" in dialog.place_label.text(), timeout=10_000)
    wait_idle()
    assert "Overleg fysieke leefomgeving" in dialog.routing_label.text()
    assert "Regel" in dialog.routing_label.text()  # the reason: which rule decided
    # Nothing stored by a preview.
    assert signals.preview_signal is not None
    dialog.reject()


def test_intake_save_with_linking_and_routing_shown(qtbot, coordinator_ctx, wait_idle):
    # First signal: the user chooses a new case at the address (woonoverlast: proposed,
    # never preselected).
    first = _open(qtbot, coordinator_ctx)
    _fill(qtbot, first)
    first.request_preview()
    wait_idle()
    assert first.case_choice() == signal_intake.NO_CASE
    assert first.case_box.new_case_proposed()
    assert first.choose_case(signal_intake.NEW_CASE)
    qtbot.keyClick(first.house_number_edit, Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: first.saved is not None, timeout=10_000)
    wait_idle()
    case_ref = first.saved.case_reference
    assert case_ref is not None
    assert first.saved.status is SignalStatus.GEKOPPELD
    assert "Overleg fysieke leefomgeving" in first.result_routing.text()
    assert "Waarom:" in first.result_routing.text()
    assert first.saved.route_reason and first.saved.route_reason in first.result_routing.text()
    assert case_ref in first.result_case.text()
    first.accept()

    # Second signal at the same address: the open case is proposed before saving.
    second = _open(qtbot, coordinator_ctx)
    _fill(qtbot, second, postcode="6431 ab")
    second.request_preview()
    qtbot.waitUntil(lambda: second._preview is not None, timeout=10_000)
    wait_idle()
    texts = [b.text() for b in second.case_buttons.buttons()]
    assert any("Open casus op dit adres" in t and case_ref in t for t in texts)
    assert second.case_choice() == first.saved.case_id
    qtbot.mouseClick(second.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: second.saved is not None, timeout=10_000)
    wait_idle()
    assert second.saved.case_reference == case_ref
    assert case_ref in second.result_case.text()
    opened: list[str] = []
    second.open_case_requested.connect(opened.append)
    qtbot.mouseClick(second.open_case_button, Qt.MouseButton.LeftButton)
    assert opened == [first.saved.case_id]
    assert second.result() == QDialog.DialogCode.Accepted


def test_refused_save_keeps_everything_typed(qtbot, coordinator_ctx, wait_idle):
    dialog = _open(qtbot, coordinator_ctx)
    _fill(qtbot, dialog)
    dialog.description_edit.clear()  # required
    dialog.reporter_edit.setText("Buurman Verzonnen")
    dialog.save()
    qtbot.waitUntil(lambda: "niet opgeslagen" in dialog.error_label.text(), timeout=10_000)
    wait_idle()
    assert dialog.saved is None
    assert dialog.postcode_edit.text() == "6431 AB"
    assert dialog.house_number_edit.text() == "12"
    assert dialog.reporter_edit.text() == "Buurman Verzonnen"
    assert dialog.street_edit.text() == "Verzonnenstraat"
    assert dialog.description_edit.hasFocus() or dialog.focusWidget() is dialog.description_edit
    assert dialog.save_button.isEnabled()
    # Fix the field and save: it goes through.
    dialog.description_edit.setPlainText("Nu met omschrijving.")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=10_000)
    wait_idle()
    assert dialog.saved.reporter == "Buurman Verzonnen"


def test_escape_cancels_and_stores_nothing(qtbot, coordinator_ctx, wait_idle):
    dialog = _open(qtbot, coordinator_ctx)
    _fill(qtbot, dialog)
    qtbot.keyClick(dialog.postcode_edit, Qt.Key.Key_Escape)
    # A filled form asks first (see test_intake_keyboard); Wegwerpen closes it.
    qtbot.waitUntil(lambda: dialog.discard_box is not None)
    assert dialog.isVisible()
    dialog.discard_box.button(QMessageBox.StandardButton.Yes).click()
    wait_idle()
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.saved is None


def test_partner_cannot_start_a_case_from_intake(qtbot, make_actor, wait_idle):
    partner = make_actor(Role.PARTNER, partner="Woningcorporatie")
    dialog = _open(qtbot, partner)
    _fill(qtbot, dialog)
    dialog.request_preview()
    wait_idle()
    choices = [b.property("choice") for b in dialog.case_buttons.buttons()]
    assert signal_intake.NEW_CASE not in choices
    assert dialog.case_choice() == signal_intake.NO_CASE
    dialog.reject()


def test_keyboard_only_tab_order(qtbot, coordinator_ctx, wait_idle):
    dialog = _open(qtbot, coordinator_ctx)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    dialog.postcode_edit.setFocus()
    order = []
    for _ in range(5):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        order.append(dialog.focusWidget())
    assert order == [
        dialog.house_number_edit,
        dialog.addition_edit,
        dialog.street_edit,
        dialog.city_edit,
        dialog.description_edit,
    ]
    # Tab leaves the description instead of typing a tab into it.
    qtbot.keyClick(dialog.description_edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.urgency_combo
    assert "\t" not in dialog.description_edit.toPlainText()
    dialog.reject()
