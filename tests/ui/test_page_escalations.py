"""Opschalingen: ZVH checklist with facts, escalate, afschaling with a required note."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QApplication, QMessageBox

from sociaalveilig.core.enums import CaseStatus, EscalationStatus, EscalationTarget, Source
from sociaalveilig.services import cases, escalations
from tests.services.seed_casework import case_status, make_case, make_signal

from sociaalveilig.ui.models.escalation_table import EscalationTableModel
from sociaalveilig.ui.pages.escalations import FILTER_ALL, EscalationsPage


def _error_boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()
    ]


def _page(qtbot, ctx, wait_idle) -> EscalationsPage:
    page = EscalationsPage()
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    page.set_context(ctx)
    wait_idle()
    return page


def _case_with_signals(ctx) -> tuple[str, str]:
    case_id = make_case(ctx)
    make_signal(ctx, case_id=case_id, source=Source.POLITIE, received_at=datetime(2026, 3, 1, 9))
    make_signal(
        ctx, case_id=case_id, source=Source.WONINGCORPORATIE, received_at=datetime(2026, 3, 20, 9)
    )
    return case_id, cases.get_case(ctx, case_id).reference


def test_checklist_shows_facts_and_records_criteria(qtbot, coordinator_ctx, wait_idle) -> None:
    case_id, ref = _case_with_signals(coordinator_ctx)
    page = _page(qtbot, coordinator_ctx, wait_idle)
    page.case_lookup.setText(ref)
    page.look_up_case()
    wait_idle()
    checklist = page.checklist
    assert checklist.detail is not None and checklist.detail.reference == ref
    assert checklist.facts.count() == 2
    assert "bron: politie" in checklist.facts.item(0).text()
    assert "Voldoet niet" in checklist.verdict.text()
    for box in checklist.boxes[:4]:
        box.setChecked(True)
    assert checklist.verdict.text() == "Voldoet aan de ZVH-criteria."
    assert checklist.save_button.isEnabled()
    checklist.save_button.click()
    wait_idle()
    assert cases.get_case(coordinator_ctx, case_id).zvh.met()
    assert not checklist.save_button.isEnabled()  # recorded, nothing left to save
    assert "Voorstel: opschalen" in checklist.advice_label.text()


def test_escalate_then_afschalen_requires_a_note(qtbot, coordinator_ctx, wait_idle) -> None:
    case_id, _ = _case_with_signals(coordinator_ctx)
    page = _page(qtbot, coordinator_ctx, wait_idle)
    page.load_case(case_id)
    wait_idle()
    dialog = page.escalate()
    assert dialog is not None
    dialog.target.setCurrentIndex(dialog.target.findData(EscalationTarget.ZVH.value))
    dialog.reason.setPlainText("Meervoudige problematiek, keten nodig.")
    dialog.external.setText("ZVH-4711")
    # No criteria recorded on this case: the dialog asks why it escalates anyway.
    qtbot.waitUntil(lambda: dialog.unmet.needed())
    dialog.unmet.reason_edit.setPlainText("Acute zorg; criteria worden nog vastgelegd.")
    dialog.on_save()
    wait_idle()
    assert page.model.rowCount() == 1
    escalation = page.selected()
    assert escalation is not None and escalation.external_reference == "ZVH-4711"
    assert case_status(coordinator_ctx, case_id) == CaseStatus.OPGESCHAALD.value
    assert page.status_buttons[EscalationStatus.TERUGGELEGD].isEnabled()

    status_dialog = page.change_status(EscalationStatus.TERUGGELEGD)
    assert status_dialog is not None
    status_dialog.on_save()  # no note: refused, dialog stays
    wait_idle()
    qtbot.waitUntil(lambda: bool(_error_boxes()))
    assert status_dialog.isVisible()
    assert status_dialog.focusWidget() is status_dialog.note
    for box in _error_boxes():
        box.close()
    status_dialog.note.setPlainText("Hulpverlening loopt; lokaal overleg volgt op.")
    status_dialog.on_save()
    wait_idle()
    assert page.filter.currentData() == FILTER_ALL
    shown = page.selected()
    assert shown is not None and shown.status is EscalationStatus.TERUGGELEGD
    assert case_status(coordinator_ctx, case_id) == CaseStatus.IN_BEHANDELING.value
    assert not any(b.isEnabled() for b in page.status_buttons.values())


def test_lock_empties_list_and_checklist(qtbot, coordinator_ctx, wait_idle) -> None:
    case_id, _ref = _case_with_signals(coordinator_ctx)
    escalations.escalate(coordinator_ctx, case_id, EscalationTarget.RIEC, "Vermoeden ondermijning")
    page = _page(qtbot, coordinator_ctx, wait_idle)
    assert page.model.rowCount() == 1
    page.view.select_row(0)
    wait_idle()
    assert page.checklist.detail is not None
    page.set_context(None)
    assert page.model.rowCount() == 0
    assert page.checklist.detail is None
    assert page.checklist.facts.count() == 0
    assert page.case_lookup.text() == ""
    assert page.detail_reason.text() == ""


def test_escalation_model_passes_model_tester(qtmodeltester, coordinator_ctx) -> None:
    case_id, _ref = _case_with_signals(coordinator_ctx)
    escalations.escalate(coordinator_ctx, case_id, EscalationTarget.RIEC, "Vermoeden ondermijning")
    escalations.escalate(
        coordinator_ctx,
        case_id,
        EscalationTarget.ZVH,
        "Meerdere leefgebieden",
        unmet_criteria_reason="Criteria volgen nog.",
    )
    model = EscalationTableModel()
    model.set_rows(escalations.list_escalations(coordinator_ctx))
    qtmodeltester.check(model)
    model.sort(EscalationTableModel.COL_TARGET)
    assert [model.row_object(i).target for i in range(2)] == [
        EscalationTarget.RIEC,
        EscalationTarget.ZVH,
    ]
    qtmodeltester.check(model)


def test_column_widths_are_remembered(qtbot, coordinator_ctx, ui_settings, wait_idle) -> None:
    page = EscalationsPage()
    qtbot.addWidget(page)
    page.set_settings(ui_settings)
    page.show()
    page.set_context(coordinator_ctx)
    wait_idle()
    page.view.horizontalHeader().resizeSection(EscalationTableModel.COL_TARGET, 333)
    page.save_layout()
    again = EscalationsPage()
    qtbot.addWidget(again)
    again.set_settings(ui_settings)
    again.show()
    again.set_context(coordinator_ctx)
    wait_idle()
    assert again.view.horizontalHeader().sectionSize(EscalationTableModel.COL_TARGET) == 333


def test_wijkagent_records_criteria_but_does_not_escalate(qtbot, make_actor, coordinator_ctx,
                                                          wait_idle) -> None:
    from sociaalveilig.core.enums import Role
    from tests.services.seed_casework import KERKRADE

    case_id, _ = _case_with_signals(coordinator_ctx)
    escalations.escalate(coordinator_ctx, case_id, EscalationTarget.RIEC, "Vermoeden ondermijning")
    agent = make_actor(Role.WIJKAGENT, areas=[KERKRADE])
    page = _page(qtbot, agent, wait_idle)
    assert page.model.rowCount() == 1
    page.view.select_row(0)
    wait_idle()
    assert page.checklist.detail is not None
    assert page.checklist.boxes[0].isEnabled()
    assert not page.checklist.escalate_button.isEnabled()
    assert not any(b.isEnabled() for b in page.status_buttons.values())
