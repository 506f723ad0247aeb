"""Journeys (issue 14, items 2, 6, 7): signals carried to their end through the window.

Each journey signs in on a copy of the demo store and then only clicks and types: a
resident's signal taken in and marked handled from the list; a police signal made into a
case from the signal dialog; an escalation to the ZVH whose criteria are not met; a
"Vermoeden huiselijk geweld" intake at Normaal; a minutes decision that handles a signal;
an overdue signal handled from Vandaag, so "Te laat" goes down.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMenu, QWidget

from sociaalveilig.core.enums import CaseStatus
from sociaalveilig.services.worklist import WorkItem, WorkKind
from tests.ui.journey_kit import Journey

from sociaalveilig.ui.dialogs.plan_meeting import PlanMeetingDialog
from sociaalveilig.ui.intake_dialog import IntakeDialog
from sociaalveilig.ui.models import signals as signal_columns
from sociaalveilig.ui.signal_dialog import SignalDialog
from sociaalveilig.ui.signal_outcome_dialog import SignalOutcomeDialog
from sociaalveilig.ui.status_change_dialog import StatusChangeDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def _modal(qtbot, kind: type[QWidget]) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=10_000)
    widget = QApplication.activeModalWidget()
    assert isinstance(widget, kind)
    # What a window manager does for a new dialog (offscreen there is none).
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def _activate(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Back to ``widget``'s window after a dialog closed (a window manager's job)."""
    window = widget.window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _triage_count(journey: Journey) -> int:
    page = journey.go("Vandaag")
    text = page.triage_label.text()  # type: ignore[attr-defined]
    found = re.search(r"\((\d+)\)", text)
    assert found, text
    return int(found.group(1))


def _choose(combo: QComboBox, text: str) -> None:
    """Picks the item starting with ``text`` as a keyboard user does: Home, then Down."""
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText().startswith(text):
            return
        QTest.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}")


def _click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def _take_in(
    journey: Journey,
    qtbot,  # type: ignore[no-untyped-def]
    *,
    source: str,
    category: str,
    postcode: str,
    number: str,
    description: str,
    urgency: str | None = None,
    before_save: Callable[[IntakeDialog], None] | None = None,
) -> IntakeDialog:
    """Ctrl+N, fill the form with keys, Ctrl+Enter in the description; the result shown."""
    window = journey.window
    assert window is not None
    QTest.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = _modal(qtbot, IntakeDialog)
    assert isinstance(dialog, IntakeDialog)
    qtbot.waitUntil(lambda: dialog.category_combo.isEnabled(), timeout=10_000)
    _choose(dialog.source_combo, source)
    _choose(dialog.category_combo, category)
    QTest.keyClicks(dialog.postcode_edit, postcode)
    QTest.keyClicks(dialog.house_number_edit, number)
    if urgency is not None:
        _choose(dialog.urgency_combo, urgency)
    dialog.description_edit.setFocus()
    QTest.keyClicks(dialog.description_edit, description)
    qtbot.waitUntil(lambda: dialog._preview is not None, timeout=10_000)
    journey.wait_idle()
    if before_save is not None:
        before_save(dialog)
    return dialog


def _save(journey: Journey, qtbot, dialog: IntakeDialog) -> None:  # type: ignore[no-untyped-def]
    QTest.keyClick(dialog.description_edit, Qt.Key.Key_Return, CTRL)
    journey.wait_idle()
    assert dialog.saved is not None, dialog.error_label.text()
    journey.wait_idle()


def _find_in_signals(journey: Journey, qtbot, reference: str):  # type: ignore[no-untyped-def]
    """Signalen, the reference typed into the search box, Down into the one row found."""
    page = journey.go("Signalen")
    _activate(qtbot, page)
    page.search_edit.setFocus()  # type: ignore[attr-defined]
    QTest.keyClick(page.search_edit, Qt.Key.Key_F, CTRL)  # type: ignore[attr-defined]
    QTest.keyClick(page.search_edit, Qt.Key.Key_A, CTRL)  # type: ignore[attr-defined]
    QTest.keyClicks(page.search_edit, reference)  # type: ignore[attr-defined]
    QTest.keyClick(page.search_edit, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    journey.wait_idle()
    assert page.search_edit.text() == reference  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)  # type: ignore[attr-defined]
    QTest.keyClick(page.search_edit, Qt.Key.Key_Down)  # type: ignore[attr-defined]
    return page


def _cell(page, column: int) -> str:  # type: ignore[no-untyped-def]
    return str(page.model.index(0, column).data() or "")


# --------------------------------------------------------------------------- (a)


def test_a_residents_signal_to_handled(journey: Journey, qtbot) -> None:  # type: ignore[no-untyped-def]
    journey.sign_in("demo")
    waiting = _triage_count(journey)

    dialog = _take_in(
        journey,
        qtbot,
        source="Bewoner",
        category="Onveilige plek",
        postcode="6431ab",
        number="7",
        description="Loshangende elektriciteitskabel bij de speeltuin (fictief).",
        urgency="Acuut",
    )
    # Not about a person or household: no case proposed, none chosen.
    assert dialog.case_choice() == "no-case"
    assert not dialog.case_box.new_case_proposed()
    _save(journey, qtbot, dialog)
    reference = dialog.saved.reference  # type: ignore[union-attr]
    assert dialog.saved.case_id is None  # type: ignore[union-attr]
    QTest.keyClick(dialog.close_button, Qt.Key.Key_Return)
    journey.wait_idle()
    assert _triage_count(journey) == waiting + 1  # acuut: straight to the coördinator

    page = _find_in_signals(journey, qtbot, reference)
    assert _cell(page, signal_columns.COL_STATUS) == "Gerouteerd"
    # The row's menu from the keyboard (Shift+F10), then "Afgehandeld…" by its letter.
    QTest.keyClick(page.view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert [a.text() for a in menu.actions() if a.isEnabled() and a.text()] == [
        "&Openen",
        "&Afgehandeld…",
        "&Nieuwe casus van dit signaal",
        "&Koppelen aan casus…",
        "Af&wijzen…",
    ]
    journey.shot("65-signaal-menu", menu)
    QTest.keyClick(menu, Qt.Key.Key_A)
    outcome = _modal(qtbot, SignalOutcomeDialog)
    assert isinstance(outcome, SignalOutcomeDialog)
    assert not outcome.ok_button.isEnabled()  # no result typed yet
    QTest.keyClicks(outcome.text_edit, "Netbeheerder heeft de kabel veilig gemaakt.")
    QTest.keyClick(outcome.text_edit, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(
        lambda: _cell(page, signal_columns.COL_STATUS) == "Afgehandeld", timeout=10_000
    )
    journey.wait_idle()
    assert _triage_count(journey) == waiting


def _timeline_text(view) -> str:  # type: ignore[no-untyped-def]
    model = view.timeline_model
    return " ".join(
        str(model.index(r, c).data() or "")
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    )


# --------------------------------------------------------------------------- (b)


def test_b_police_signal_becomes_a_case_from_the_signal_dialog(
    journey: Journey, qtbot  # type: ignore[no-untyped-def]
) -> None:
    journey.sign_in("demo")
    dialog = _take_in(
        journey,
        qtbot,
        source="Politie",
        category="Drugsoverlast",
        postcode="6432ab",
        number="21",
        description="Herhaaldelijk handel vanuit een portiek gezien (fictief).",
    )
    assert dialog.case_choice() == "no-case"  # no case unasked
    _save(journey, qtbot, dialog)
    reference = dialog.saved.reference  # type: ignore[union-attr]
    QTest.keyClick(dialog.close_button, Qt.Key.Key_Return)
    journey.wait_idle()

    page = _find_in_signals(journey, qtbot, reference)
    assert _cell(page, signal_columns.COL_CASE) == ""
    QTest.keyClick(page.view, Qt.Key.Key_Return)  # Enter opens the signal (no case yet)
    signal_dialog = _modal(qtbot, SignalDialog)
    assert isinstance(signal_dialog, SignalDialog)
    journey.wait_idle()
    assert signal_dialog.new_case_button.isVisible()
    assert signal_dialog.handle_button.isVisible()
    journey.shot("66-signaal-nieuwe-casus", signal_dialog)
    _click(signal_dialog.new_case_button)
    journey.wait_idle()

    # The new case opens at once, with this signal on it.
    window = journey.window
    assert window is not None
    cases_page = window.current_page()
    assert type(cases_page).__name__ == "CasesPage"
    view = cases_page.case_view  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: view.detail is not None and view.isVisible(), timeout=10_000)
    assert view.fields["status"].text() == "Open"
    assert reference in _timeline_text(view)
    case_reference = view.detail.reference

    page = _find_in_signals(journey, qtbot, reference)
    assert _cell(page, signal_columns.COL_CASE) == case_reference
    assert _cell(page, signal_columns.COL_STATUS) == "Gekoppeld aan casus"


# --------------------------------------------------------------------------- (d)


def test_d_domestic_violence_intake_at_normaal(journey: Journey, qtbot) -> None:  # type: ignore[no-untyped-def]
    journey.sign_in("demo")
    dialog = _take_in(
        journey,
        qtbot,
        source="Zorg",
        category="Vermoeden huiselijk",
        postcode="6441ab",
        number="3",
        description="Buren horen geregeld geschreeuw en een kind huilen (fictief).",
    )
    # The category raised the urgency to hoog, with the why; the Meldcode steps are shown.
    assert dialog.urgency_combo.currentText() == "Hoog"
    assert "Meldcode" in dialog.urgency_note.text() and dialog.urgency_note.isVisible()
    assert dialog.meldcode.isVisible()
    steps = dialog.meldcode.steps_label.text()
    assert steps.index("Veilig Thuis") < steps.index("Breng de signalen")
    # Back to Normaal (Up from Hoog) is refused, with a message.
    dialog.urgency_combo.setFocus()
    QTest.keyClick(dialog.urgency_combo, Qt.Key.Key_Up)
    assert dialog.urgency_combo.currentText() == "Hoog"
    assert "Lager dan 'hoog' kan niet" in dialog.urgency_note.text()
    # Achter de voordeur: a new case is proposed, not chosen.
    assert dialog.case_box.new_case_proposed()
    assert dialog.case_choice() == "no-case"

    # Saving without deciding is refused: it never waits for the overleg silently.
    _save_refused = dialog.description_edit
    QTest.keyClick(_save_refused, Qt.Key.Key_Return, CTRL)
    journey.wait_idle()
    assert dialog.saved is None
    assert "wacht niet vanzelf" in dialog.error_label.text()
    journey.shot("67-meldcode-intake", dialog)

    # The refusal put the cursor on the decision; the user chooses "Naar het overleg"
    # (Down, Space) and types the reason. The message goes once decided.
    assert QApplication.focusWidget() is dialog.meldcode.veilig_thuis_button
    QTest.keyClick(dialog.meldcode.veilig_thuis_button, Qt.Key.Key_Down)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert dialog.meldcode.overleg_button.isChecked()
    assert dialog.error_label.text() == ""
    assert QApplication.focusWidget() is dialog.meldcode.reason_edit
    QTest.keyClicks(dialog.meldcode.reason_edit, "Veilig Thuis is al betrokken bij dit gezin.")
    _save(journey, qtbot, dialog)
    assert dialog.saved is not None
    assert dialog.saved.urgency.value == "hoog"
    assert any(
        "Meldcode: naar het overleg, omdat Veilig Thuis is al betrokken" in (h.reason or "")
        for h in dialog.saved.history
    )


# --------------------------------------------------------------------------- (c)


def test_c_escalation_with_unmet_criteria_needs_a_reason(
    journey: Journey, qtbot  # type: ignore[no-untyped-def]
) -> None:
    journey.sign_in("demo")

    def choose_new_case(dialog: IntakeDialog) -> None:
        assert dialog.case_choice() == "no-case"
        _click(dialog.case_box.findChild(QWidget, "newCaseOption"))
        assert dialog.case_choice() == "new-case"

    dialog = _take_in(
        journey,
        qtbot,
        source="Gemeente",
        category="Zorgen om bewoner",
        postcode="6461ab",
        number="40",
        description="Bewoner verwaarloost zich en de woning; buren ongerust (fictief).",
        before_save=choose_new_case,
    )
    _save(journey, qtbot, dialog)
    assert dialog.saved is not None and dialog.saved.case_reference
    _click(dialog.open_case_button)
    journey.wait_idle()
    window = journey.window
    assert window is not None
    view = window.current_page().case_view  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: view.detail is not None and view.isVisible(), timeout=10_000)

    _click(view.step_button(CaseStatus.OPGESCHAALD))
    status = _modal(qtbot, StatusChangeDialog)
    assert isinstance(status, StatusChangeDialog)
    assert status.escalation_target() == "zvh"
    # Nothing recorded on the checklist: the dialog names the missing criteria and waits.
    assert status.unmet.isVisible()
    assert "criterium 1, 2, 3 ontbreekt" in status.unmet.warning.text()
    QTest.keyClicks(status.reason_edit, "Zorgen op meerdere leefgebieden.")
    assert not status.confirm_button.isEnabled()
    journey.shot("68-opschalen-zonder-criteria", status)
    QTest.keyClicks(status.unmet.reason_edit, "Acute zorg; de criteria volgen na het huisbezoek.")
    assert status.confirm_button.isEnabled()
    _click(status.confirm_button)
    qtbot.waitUntil(lambda: view.fields["status"].text() == "Opgeschaald", timeout=10_000)
    journey.wait_idle()
    timeline = _timeline_text(view)
    assert "Acute zorg; de criteria volgen na het huisbezoek." in timeline
    assert "niet vervuld" in timeline


# --------------------------------------------------------------------------- minutes


def test_minutes_decision_handles_a_signal(journey: Journey, qtbot) -> None:  # type: ignore[no-untyped-def]
    journey.sign_in("demo")
    dialog = _take_in(
        journey,
        qtbot,
        source="Bewoner",
        category="Openbare ruimte",
        postcode="6431ab",
        number="15",
        description="Lantaarnpaal in het achterpad doet het al weken niet (fictief).",
    )
    _save(journey, qtbot, dialog)
    reference = dialog.saved.reference  # type: ignore[union-attr]
    QTest.keyClick(dialog.close_button, Qt.Key.Key_Return)
    journey.wait_idle()

    # An overleg fysieke leefomgeving for Heerlen Noord, starting now (10:00).
    page = journey.go("Overleggen")
    _click(page.plan_button)  # type: ignore[attr-defined]
    plan = _modal(qtbot, PlanMeetingDialog)
    assert isinstance(plan, PlanMeetingDialog)
    _choose(plan.area, "Heerlen Noord")
    _choose(plan.kind, "Overleg fysieke")
    plan.date.setFocus()
    QTest.keyClick(plan.date, Qt.Key.Key_Down)  # tomorrow is offered; one day back
    plan.time.setFocus()
    QTest.keyClick(plan.time, Qt.Key.Key_Home)  # the hours
    for _ in range(4):
        QTest.keyClick(plan.time, Qt.Key.Key_Down)
    assert plan.date.date().toPython().isoformat() == "2026-04-15"
    assert plan.time.time().toString("HH:mm") == "10:00"
    # The partners taking part: the first two in the list, ticked with Space.
    plan.partners.setFocus()
    plan.partners.setCurrentRow(0)
    QTest.keyClick(plan.partners, Qt.Key.Key_Space)
    QTest.keyClick(plan.partners, Qt.Key.Key_Down)
    QTest.keyClick(plan.partners, Qt.Key.Key_Space)
    assert len(plan.partners.checked()) == 2
    _click(plan.save_button)
    journey.wait_idle()
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)  # type: ignore[attr-defined]
    _activate(qtbot, page)

    # The signal on the agenda, by its reference.
    agenda = page.agenda  # type: ignore[attr-defined]
    agenda.add_reference.setFocus()
    QTest.keyClicks(agenda.add_reference, reference)
    _click(agenda.add_button)
    journey.wait_idle()
    assert [i.signal_reference for i in agenda.model.rows] == [reference]

    # The overleg has begun; the minutes: the decision and what happens to the signal.
    tabs = page.tabs  # type: ignore[attr-defined]
    _click_tab(tabs, 1)
    journey.wait_idle()
    minutes = page.minutes  # type: ignore[attr-defined]
    assert minutes.outcome_box.isVisible()
    assert minutes.outcome_box.outcome_combo.currentText() == "Blijft gerouteerd"
    minutes.decision.setFocus()
    QTest.keyClicks(minutes.decision, "Gemeente herstelt de verlichting in het achterpad.")
    _choose(minutes.outcome_box.outcome_combo, "Afgehandeld")
    minutes.outcome_box.text_edit.setFocus()
    QTest.keyClicks(minutes.outcome_box.text_edit, "Verlichting hersteld door de gemeente.")
    journey.shot("69-verslag-signaal-afgehandeld")
    QTest.keyClick(minutes.decision, Qt.Key.Key_Return, CTRL)
    journey.wait_idle()
    qtbot.waitUntil(lambda: minutes.stack.currentIndex() == 1)  # the decision is recorded
    assert "Gemeente herstelt" in minutes.decided_text.text()

    signals_page = _find_in_signals(journey, qtbot, reference)
    assert _cell(signals_page, signal_columns.COL_STATUS) == "Afgehandeld"


def _click_tab(tabs, index: int) -> None:  # type: ignore[no-untyped-def]
    bar = tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


# --------------------------------------------------------------------------- te laat


def test_te_laat_shrinks_when_an_overdue_signal_is_handled(
    journey: Journey, qtbot  # type: ignore[no-untyped-def]
) -> None:
    journey.sign_in("demo")
    page = journey.go("Vandaag")
    _activate(qtbot, page)

    def late() -> int:
        found = re.search(r"\((\d+)\)", page.overdue_label.text())  # type: ignore[attr-defined]
        assert found
        return int(found.group(1))

    before = late()
    model, view = page.overdue_model, page.overdue_view  # type: ignore[attr-defined]
    rows = [model.row_object(r) for r in range(model.rowCount())]
    row = next(
        r for r, item in enumerate(rows)
        if isinstance(item, WorkItem) and item.kind is WorkKind.SIGNAL and not item.case_id
    )
    reference = rows[row].reference
    view.setFocus()
    view.select_row(row)
    QTest.keyClick(view, Qt.Key.Key_Return)  # Enter opens the overdue signal
    dialog = _modal(qtbot, SignalDialog)
    assert isinstance(dialog, SignalDialog)
    journey.wait_idle()
    assert dialog.detail is not None and dialog.detail.reference == reference
    assert dialog.detail.overdue
    QTest.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # &Afgehandeld…
    outcome = _modal(qtbot, SignalOutcomeDialog)
    QTest.keyClicks(outcome.text_edit, "Besproken met de melder; opgelost (fictief).")  # type: ignore[attr-defined]
    QTest.keyClick(outcome, Qt.Key.Key_Return, CTRL)
    journey.wait_idle()
    assert dialog.detail.status.value == "afgehandeld"
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    journey.wait_idle()
    qtbot.waitUntil(lambda: late() == before - 1, timeout=10_000)
    assert reference not in [
        model.row_object(r).reference for r in range(model.rowCount())
    ]
