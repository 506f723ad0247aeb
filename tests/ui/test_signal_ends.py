"""Issue 14 (items 2, 6, 7, 12) in the widgets: the intake's counter and its messages, the
Meldcode at intake and in the signal dialog, a signal handled or rejected from its dialog,
and the list's menu per role."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sociaalveilig.core.enums import SignalStatus
from sociaalveilig.services import signal_intake, signals
from sociaalveilig.services.signal_intake import SignalInput
from tests.ui.builders import register

from sociaalveilig.ui.intake_dialog import IntakeDialog
from sociaalveilig.ui.pages.signals import SignalsPage
from sociaalveilig.ui.signal_dialog import SignalDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def _intake(qtbot, ctx) -> IntakeDialog:  # type: ignore[no-untyped-def]
    dialog = IntakeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.category_combo.isEnabled, timeout=10_000)
    return dialog


def _category(dialog: IntakeDialog, code: str) -> None:
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData(code))


def test_description_counter_counts_and_turns_red(qtbot, coordinator_ctx) -> None:  # type: ignore[no-untyped-def]
    dialog = _intake(qtbot, coordinator_ctx)
    counter = dialog.description_counter
    assert counter.text() == "0 / 4.000 tekens"
    QTest.keyClicks(dialog.description_edit, "Kapotte lamp")
    assert counter.text() == "12 / 4.000 tekens"
    assert not counter.is_warning()
    dialog.description_edit.setPlainText("x" * 3850)
    assert counter.text() == "3.850 / 4.000 tekens"
    assert counter.is_warning() and "#b00020" in counter.styleSheet()
    dialog.description_edit.setPlainText("x" * 4001)
    assert "te lang" in counter.text()
    dialog.reject()


def test_error_goes_when_the_named_field_is_fixed(qtbot, coordinator_ctx, wait_idle) -> None:  # type: ignore[no-untyped-def]
    dialog = _intake(qtbot, coordinator_ctx)
    _category(dialog, "WO-OPR")
    QTest.keyClicks(dialog.postcode_edit, "6431ab")
    QTest.keyClicks(dialog.house_number_edit, "5")
    dialog.save()  # no description
    wait_idle()
    assert "mschrijving" in dialog.error_label.text()
    assert dialog.focusWidget() is dialog.description_edit
    QTest.keyClicks(dialog.reporter_edit, "Buurman")  # another field: the message stays
    assert dialog.error_label.text()
    QTest.keyClicks(dialog.description_edit, "Lamp kapot.")
    assert dialog.error_label.text() == ""
    dialog.reject()


def test_ctrl_enter_on_a_streetlight_makes_no_case(qtbot, coordinator_ctx, wait_idle) -> None:  # type: ignore[no-untyped-def]
    dialog = _intake(qtbot, coordinator_ctx)
    _category(dialog, "WO-OPR")
    QTest.keyClicks(dialog.postcode_edit, "6431ab")
    QTest.keyClicks(dialog.house_number_edit, "5")
    QTest.keyClicks(dialog.description_edit, "Lantaarnpaal doet het niet (fictief).")
    dialog.request_preview()
    wait_idle()
    assert dialog.case_choice() == signal_intake.NO_CASE
    assert not dialog.case_box.new_case_proposed()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    QTest.keyClick(dialog.description_edit, Qt.Key.Key_Return, CTRL)
    wait_idle()
    assert dialog.saved is not None and dialog.saved.case_id is None
    dialog.reject()


def test_meldcode_follows_the_category(qtbot, coordinator_ctx) -> None:  # type: ignore[no-untyped-def]
    dialog = _intake(qtbot, coordinator_ctx)
    _category(dialog, "WO-OPR")
    assert not dialog.meldcode.isVisibleTo(dialog)
    assert dialog.urgency_combo.currentData() == "normaal"
    _category(dialog, "ZV-HG")
    assert dialog.meldcode.isVisibleTo(dialog)
    assert dialog.urgency_combo.currentData() == "hoog"
    assert "Urgentie verhoogd naar 'hoog'" in dialog.urgency_note.text()
    dialog.urgency_combo.setCurrentIndex(dialog.urgency_combo.findData("laag"))
    assert dialog.urgency_combo.currentData() == "hoog"
    dialog.urgency_combo.setCurrentIndex(dialog.urgency_combo.findData("acuut"))
    assert dialog.urgency_combo.currentData() == "acuut"  # higher is fine
    _category(dialog, "WO-OVL")
    assert not dialog.meldcode.isVisibleTo(dialog)
    dialog.urgency_combo.setCurrentIndex(dialog.urgency_combo.findData("laag"))
    assert dialog.urgency_combo.currentData() == "laag"
    dialog.reject()


def _signal_dialog(qtbot, ctx, signal_id: str, wait_idle) -> SignalDialog:  # type: ignore[no-untyped-def]
    dialog = SignalDialog(ctx, signal_id)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle()
    assert dialog.detail is not None
    return dialog


def test_signal_dialog_handles_and_rejects(qtbot, coordinator_ctx, wait_idle) -> None:  # type: ignore[no-untyped-def]
    first = register(coordinator_ctx, category="WO-OPR", choice=signal_intake.NO_CASE)
    dialog = _signal_dialog(qtbot, coordinator_ctx, first.signal_id, wait_idle)
    assert dialog.handle_button.isVisible() and dialog.new_case_button.isVisible()
    assert not dialog.meldcode.isVisibleTo(dialog)
    ask = dialog.ask_handle()
    assert ask is not None and not ask.ok_button.isEnabled()
    QTest.keyClicks(ask.text_edit, "Gemaakt.")
    QTest.mouseClick(ask.ok_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.detail.status is SignalStatus.AFGEHANDELD
    assert "Afgehandeld: Gemaakt." in dialog.body.text()
    assert not dialog.handle_button.isVisible() and not dialog.reject_button.isVisible()
    dialog.accept()

    second = register(coordinator_ctx, category="WO-OPR", number=14, choice=signal_intake.NO_CASE)
    dialog = _signal_dialog(qtbot, coordinator_ctx, second.signal_id, wait_idle)
    ask = dialog.ask_reject()
    assert ask is not None
    QTest.keyClicks(ask.text_edit, "Dubbele melding.")
    ask.ok_button.click()
    wait_idle()
    assert dialog.detail.status is SignalStatus.AFGEWEZEN
    dialog.accept()


def test_signal_dialog_shows_the_meldcode(qtbot, coordinator_ctx, wait_idle) -> None:  # type: ignore[no-untyped-def]
    signal = signals.register_signal(
        coordinator_ctx,
        SignalInput(
            received_at=coordinator_ctx.clock.now(),
            source="zorg",
            category="ZV-HG",
            postcode="6431 AB",
            house_number=3,
            description="Fictief: geschreeuw en een huilend kind.",
            urgency="hoog",
            meldcode_decision="veilig-thuis",
        ),
        signal_intake.NO_CASE,
    )
    dialog = _signal_dialog(qtbot, coordinator_ctx, signal.signal_id, wait_idle)
    assert dialog.meldcode.isVisibleTo(dialog)
    assert "Veilig Thuis" in dialog.meldcode.steps_label.text()
    assert "Meldcode: besloten nu Veilig Thuis te raadplegen" in dialog.body.text()
    dialog.accept()


def test_list_menu_offers_the_steps_the_workflow_allows(
    qtbot, coordinator_ctx, wait_idle  # type: ignore[no-untyped-def]
) -> None:
    register(coordinator_ctx, category="WO-OPR", choice=signal_intake.NO_CASE)
    page = SignalsPage()
    qtbot.addWidget(page)
    page.set_context(coordinator_ctx)
    page.show()
    page.refresh()
    wait_idle()
    assert page.model.rowCount() == 1
    page.view.select_row(0)
    menu = page.show_row_menu()
    assert menu is not None
    enabled = {a.text(): a.isEnabled() for a in menu.actions() if a.text()}
    assert enabled == {
        "&Openen": True,
        "&Afgehandeld…": True,
        "&Nieuwe casus van dit signaal": True,
        "&Koppelen aan casus…": True,
        "Af&wijzen…": True,
    }
    menu.close()
    page.model.reload()
    page._make_case()  # the menu's "Nieuwe casus van dit signaal"
    wait_idle()
    page.model.reload()
    wait_idle()
    page.view.select_row(0)
    menu = page.show_row_menu()
    assert menu is not None
    enabled = {a.text(): a.isEnabled() for a in menu.actions() if a.text()}
    # Linked now: the case opens from the menu; no second case, no second link.
    assert any(t.startswith("&Casus C-") for t in enabled)
    assert not enabled["&Nieuwe casus van dit signaal"]
    assert not enabled["&Koppelen aan casus…"]
    assert enabled["&Afgehandeld…"]
    menu.close()
    page.set_context(None)
