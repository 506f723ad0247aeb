"""Journeys (issue 14, items 1, 3 and 4): the case as a workbench, the case picker and the
person search, driven through the window as a person drives it (clicks and keys)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import shiboken6

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from tests.ui.journey_kit import BEHEERDER, PARTNER, Journey

from sociaalveilig.ui.case_panels.actions_panel import ActionsPanel
from sociaalveilig.ui.pages.audit import AuditPage
from sociaalveilig.ui.pages.cases import CasesPage
from sociaalveilig.ui.pages.today import TodayPage
from sociaalveilig.ui.record_view import RecordView


def _click(button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.objectName()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def _row_point(view: RecordView, row: int) -> QPoint:
    view.scrollTo(view.model().index(row, 0))
    return view.visualRect(view.model().index(row, 0)).center()


def _click_row(view: RecordView, row: int) -> None:
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_row_point(view, row))


def _double_click_row(view: RecordView, row: int) -> None:
    point = _row_point(view, row)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def _row_with(view: RecordView, column: int, text: str) -> int:
    model = view.model()
    for row in range(model.rowCount()):
        if text in str(model.index(row, column).data()):
            return row
    raise AssertionError(f"{text!r} not in the list {view.objectName()}")


def _column_texts(view: RecordView, column: int) -> list[str]:
    model = view.model()
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def _modal(journey: Journey, name: str) -> QWidget:
    journey.qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: (w := QApplication.activeModalWidget()) is not None and w.objectName() == name,
        timeout=10_000,
    )
    widget = QApplication.activeModalWidget()
    assert widget is not None
    return widget


def _wait(journey: Journey, condition: Callable[[], bool]) -> None:
    journey.qtbot.waitUntil(condition, timeout=15_000)  # type: ignore[attr-defined]
    journey.wait_idle()


def _type_and_save(journey: Journey, dialog_name: str, field: str, text: str) -> None:
    dialog = _modal(journey, dialog_name)
    edit = dialog.findChild(QWidget, field)
    assert edit is not None
    QTest.keyClicks(edit, text)
    save = dialog.findChild(QPushButton, "saveButton")
    assert save is not None
    _click(save)
    _wait(journey, lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())


# --------------------------------------------------------------------------- (a)


def test_partner_completes_its_own_overdue_action_from_vandaag(journey: Journey) -> None:
    journey.sign_in(PARTNER)
    today = journey.go("Vandaag")
    assert isinstance(today, TodayPage)
    _wait(journey, lambda: today.overdue_label.text().startswith("Te laat ("))
    late_before = today.overdue_model.rowCount()
    assert today.overdue_label.text() == f"Te laat ({late_before})"
    row = _row_with(today.overdue_view, 1, "A-2026-00001")

    # Enter on the overdue action opens its case, on the partner's own actions.
    _double_click_row(today.overdue_view, row)
    assert journey.window is not None
    cases_page = journey.window.current_page()
    assert isinstance(cases_page, CasesPage)
    view = cases_page.case_view
    _wait(journey, lambda: view.work_tabs.work is not None)
    assert view.work_tabs.currentWidget() is view.actions_panel
    panel: ActionsPanel = view.actions_panel
    assert not view.work_steps.isVisible()  # a partner plans no work on the case
    action_row = _row_with(panel.view, 0, "A-2026-00001")
    _click_row(panel.view, action_row)
    assert panel.current_action() is not None
    assert panel.current_action().reference == "A-2026-00001"  # type: ignore[union-attr]
    journey.shot("60-actie-van-partner")

    _click(panel.complete_button)
    dialog = _modal(journey, "actionStepDialog")
    journey.shot("61-actie-afronden", dialog)
    _type_and_save(
        journey, "actionStepDialog", "reasonText", "Dagvaarding huurachterstand ingediend."
    )

    _wait(journey, lambda: "Afgerond" in _column_texts(panel.view, 4)[action_row])
    assert panel.model.row_object(action_row).reference == "A-2026-00001"  # type: ignore[union-attr]
    timeline = _column_texts(view.timeline_view, 3)
    assert any(
        "→ afgerond" in t and "Dagvaarding huurachterstand ingediend." in t for t in timeline
    )
    # Another partner's action on the same case cannot be finished by this one.
    for row in range(panel.model.rowCount()):
        action = panel.model.row_object(row)
        if action is not None and action.owner_name != "Woonstichting Voorbeeld":
            _click_row(panel.view, row)
            assert not panel.complete_button.isEnabled()

    today = journey.go("Vandaag")
    assert isinstance(today, TodayPage)
    _wait(journey, lambda: today.overdue_label.text() == f"Te laat ({late_before - 1})")
    assert "A-2026-00001" not in _column_texts(today.overdue_view, 1)




# --------------------------------------------------------------------------- (c)


def _open_case_from_list(journey: Journey, reference: str) -> CasesPage:
    page = journey.go("Casussen")
    assert isinstance(page, CasesPage)
    page.search_edit.setFocus()
    QTest.keyClicks(page.search_edit, reference)
    QTest.keyClick(page.search_edit, Qt.Key.Key_Return)
    _wait(journey, lambda: page.model.rowCount() == 1 and page.count_label.text() == "1 casus")
    _double_click_row(page.view, 0)
    _wait(journey, lambda: page.case_view.work_tabs.work is not None)
    assert page.case_view.detail is not None
    assert page.case_view.detail.reference == reference
    return page


def _status_of(panel: ActionsPanel, reference: str) -> str:
    return _column_texts(panel.view, 4)[_row_with(panel.view, 0, reference)]


def _choose_in_combo(combo: QWidget, text: str) -> None:
    combo.setFocus()
    QTest.keyClicks(combo, text)


def test_coordinator_carries_actions_to_their_end_from_the_case(journey: Journey) -> None:
    journey.sign_in()
    page = _open_case_from_list(journey, "C-2026-00004")
    view = page.case_view
    panel = view.actions_panel
    before = panel.model.rowCount()

    # Add an action from the case itself.
    _click(view.work_steps.action_button)
    dialog = _modal(journey, "newActionDialog")
    _choose_in_combo(dialog.findChild(QWidget, "newActionType"), "Hulp")
    _choose_in_combo(dialog.findChild(QWidget, "newActionOwner"), "Zorggroep")
    QTest.keyClicks(
        dialog.findChild(QWidget, "newActionDescription"), "Hulpverlening opstarten na bezoek."
    )
    journey.shot("62-actie-toevoegen", dialog)
    _click(dialog.findChild(QPushButton, "saveButton"))
    _wait(journey, lambda: panel.model.rowCount() == before + 1)
    new = next(
        panel.model.row_object(r)
        for r in range(panel.model.rowCount())
        if panel.model.row_object(r).owner_name == "Zorggroep Fictief"  # type: ignore[union-attr]
        and panel.model.row_object(r).status.value == "open"  # type: ignore[union-attr]
    )
    assert new is not None and new.type_label == "Hulpverleningstraject"
    view.work_tabs.setCurrentWidget(panel)
    QTest.mouseClick(
        view.work_tabs.tabBar(),
        Qt.MouseButton.LeftButton,
        pos=view.work_tabs.tabBar().tabRect(view.work_tabs.actions_index).center(),
    )

    # Start it, then complete it with a short result.
    _click_row(panel.view, _row_with(panel.view, 0, new.reference))
    _click(panel.start_button)
    _wait(journey, lambda: _status_of(panel, new.reference) == "In uitvoering")
    _click_row(panel.view, _row_with(panel.view, 0, new.reference))
    _click(panel.complete_button)
    _type_and_save(journey, "actionStepDialog", "reasonText", "Zorgtraject loopt.")
    _wait(journey, lambda: _status_of(panel, new.reference) == "Afgerond")

    # Cancel another (open) one with a reason.
    _click_row(panel.view, _row_with(panel.view, 0, "A-2026-00002"))
    assert _status_of(panel, "A-2026-00002") == "Open"
    _click(panel.cancel_button)
    _type_and_save(journey, "actionStepDialog", "reasonText", "Gemeente pakt dit anders aan.")
    _wait(journey, lambda: _status_of(panel, "A-2026-00002") == "Vervallen")

    # A third gets a new deadline with a reason.
    row = _row_with(panel.view, 0, "A-2026-00012")
    _click_row(panel.view, row)
    _click(panel.deadline_button)
    dialog = _modal(journey, "actionDeadlineDialog")
    date_edit = dialog.findChild(QWidget, "newDeadline")
    # The dialog opens with the day selected; digits fill day, month and year.
    QTest.keyClicks(date_edit, "08052026")
    QTest.keyClicks(dialog.findChild(QWidget, "deadlineReason"), "Bewoner pas in mei thuis.")
    journey.shot("62-nieuwe-deadline", dialog)
    _click(dialog.findChild(QPushButton, "saveButton"))
    _wait(
        journey,
        lambda: _column_texts(panel.view, 3)[_row_with(panel.view, 0, "A-2026-00012")]
        == "08-05-2026",
    )
    assert _status_of(panel, "A-2026-00012") == "In uitvoering"
    assert _status_of(panel, new.reference) == "Afgerond"
    assert _status_of(panel, "A-2026-00002") == "Vervallen"
    journey.shot("62-casus-acties")

    timeline = _column_texts(view.timeline_view, 3)
    assert any("Zorgtraject loopt." in t for t in timeline)
    assert any("Gemeente pakt dit anders aan." in t for t in timeline)
    assert any("20-04-2026 → 08-05-2026: Bewoner pas in mei thuis." in t for t in timeline)


# --------------------------------------------------------------------------- (b)


def _tab_click(tabs: QWidget, index: int) -> None:
    bar = tabs.tabBar()  # type: ignore[attr-defined]
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def test_person_search_to_the_art15_export(
    journey: Journey, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journey.sign_in()
    page = journey.go("Casussen")
    assert isinstance(page, CasesPage)
    page.search_edit.setFocus()
    QTest.keyClicks(page.search_edit, "gerda")
    QTest.keyClick(page.search_edit, Qt.Key.Key_Return)
    _wait(journey, lambda: page.count_label.text() == "2 casussen")
    # The birth year narrows it to one person's case.
    QTest.keyClicks(page.search_edit, " 1977")
    QTest.keyClick(page.search_edit, Qt.Key.Key_Return)
    _wait(journey, lambda: page.count_label.text() == "1 casus")
    journey.shot("63-zoeken-op-naam")
    _double_click_row(page.view, 0)
    _wait(journey, lambda: page.case_view.detail is not None)
    names = _column_texts(page.case_view.persons_view, 1)
    assert "Gerda de Bedacht" in names
    reference = page.case_view.detail.reference  # type: ignore[union-attr]

    privacy = journey.go("Privacy")
    assert isinstance(privacy, AuditPage)
    _tab_click(privacy.tabs, privacy.tabs.indexOf(privacy.subject_tab))
    # Typing a name and Enter opens the person picker with it; Down, Enter chooses.
    QTest.keyClicks(privacy.subject_edit, "GERDA")
    QTest.keyClick(privacy.subject_edit, Qt.Key.Key_Return)
    picker = _modal(journey, "personPicker")
    _wait(journey, lambda: picker.model.rowCount() == 2)  # type: ignore[attr-defined]
    # The name comes in selected (type over it); End, then the birth year narrows it.
    QTest.keyClick(picker.search_edit, Qt.Key.Key_End)  # type: ignore[attr-defined]
    QTest.keyClicks(picker.search_edit, " 1977")  # type: ignore[attr-defined]
    _wait(journey, lambda: picker.model.rowCount() == 1)  # type: ignore[attr-defined]
    journey.shot("64-persoon-kiezen", picker)
    QTest.keyClick(picker.search_edit, Qt.Key.Key_Down)  # type: ignore[attr-defined]
    QTest.keyClick(picker.view, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    _wait(journey, lambda: privacy.subject_edit.text() == "P-2026-000010")
    assert reference in privacy.subject_panel.subject_person.text()

    # The folder dialog is the platform's: answered with a folder here.
    out = tmp_path / "inzage"
    out.mkdir()
    monkeypatch.setattr(
        "sociaalveilig.ui.panels.subject_request.QFileDialog.getExistingDirectory",
        lambda *args, **kwargs: str(out),
    )
    _click(privacy.subject_button)
    _wait(journey, lambda: privacy.subject_result.text().startswith("Klaar"))
    pdf = out / "inzage-P-2026-000010.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert (out / "inzage-P-2026-000010.json").is_file()

    # The beheerder sees the export in the audit log, under the person's reference.
    journey.sign_in(BEHEERDER)
    audit = journey.go("Privacy")
    assert isinstance(audit, AuditPage)
    _tab_click(audit.tabs, audit.tabs.indexOf(audit.log_tab))
    QTest.keyClicks(audit.person_edit, "P-2026-000010")
    QTest.keyClick(audit.person_edit, Qt.Key.Key_Return)
    _wait(journey, lambda: audit.log_model.rowCount() > 0)
    rows = [audit.log_model.row_object(r) for r in range(audit.log_model.rowCount())]
    exports = [r for r in rows if r is not None and r.action == "export"]
    assert exports and exports[0].username == "demo"


def test_coordinator_puts_the_case_on_an_agenda_and_links_a_signal(journey: Journey) -> None:
    journey.sign_in()
    page = _open_case_from_list(journey, "C-2026-00008")
    view = page.case_view
    tabs = view.work_tabs
    agenda_before = tabs.agenda_model.rowCount()

    _click(view.work_steps.agenda_button)
    choice = _modal(journey, "agendaChoice")
    journey.wait_idle()
    # The meeting of the case's area it is not on yet is chosen already: Enter takes it.
    QTest.keyClick(choice.view, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    _wait(journey, lambda: tabs.agenda_model.rowCount() == agenda_before + 1)
    assert tabs.tabText(tabs.agenda_index) == f"Over&leg ({agenda_before + 1})"
    assert "Nuth" in _column_texts(tabs.agenda_view, 2)

    signals_before = view.detail.signal_count  # type: ignore[union-attr]
    _click(view.work_steps.link_button)
    picker = _modal(journey, "signalPicker")
    # It starts from the case's postcode area (selected: typing replaces it).
    _wait(journey, lambda: "6363" in picker.search_edit.text())  # type: ignore[attr-defined]
    QTest.keyClicks(picker.search_edit, "Nuth")  # type: ignore[attr-defined]
    _wait(journey, lambda: picker.model.rowCount() > 0)  # type: ignore[attr-defined]
    reference = picker.model.row_object(0).reference  # type: ignore[attr-defined]
    QTest.keyClick(picker.search_edit, Qt.Key.Key_Down)  # type: ignore[attr-defined]
    QTest.keyClick(picker.view, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    _type_and_save(journey, "linkReasonDialog", "reasonText", "Zelfde buurt, zelfde zorgen.")
    _wait(
        journey,
        lambda: view.detail is not None and view.detail.signal_count == signals_before + 1,
    )
    assert reference in _column_texts(view.timeline_view, 2)
