"""The escalation dialogs when the case's ZVH criteria are not met (issue 14, item 7)."""

from __future__ import annotations

from sociaalveilig.core.enums import CaseStatus, EscalationTarget
from sociaalveilig.core.escalation import ZvhCriteria
from sociaalveilig.services import escalations
from tests.services.seed_casework import case_status, make_case

from sociaalveilig.ui.dialogs.escalate import EscalateDialog
from sociaalveilig.ui.status_change_dialog import StatusChangeDialog


def test_escalate_dialog_names_missing_criteria_and_waits_for_a_reason(
    qtbot, coordinator_ctx, wait_idle  # type: ignore[no-untyped-def]
) -> None:
    case_id = make_case(coordinator_ctx, status=CaseStatus.IN_BEHANDELING)
    dialog = EscalateDialog(coordinator_ctx, case_id, "C-2026-00001")
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle()
    dialog.target.setCurrentIndex(dialog.target.findData(EscalationTarget.ZVH.value))
    assert dialog.unmet.isVisible()
    assert "criterium 1, 2, 3 ontbreekt" in dialog.unmet.warning.text()
    dialog.reason.setPlainText("Zorgen op meerdere leefgebieden.")
    assert not dialog.save_button.isEnabled()
    dialog.on_save()  # Enter: nothing is sent without the reason
    wait_idle()
    assert case_status(coordinator_ctx, case_id) == CaseStatus.IN_BEHANDELING

    # Another target needs no such reason.
    dialog.target.setCurrentIndex(dialog.target.findData(EscalationTarget.RIEC.value))
    assert not dialog.unmet.isVisible() and dialog.save_button.isEnabled()

    dialog.target.setCurrentIndex(dialog.target.findData(EscalationTarget.ZVH.value))
    dialog.unmet.reason_edit.setPlainText("Acute situatie; criteria volgen.")
    assert dialog.save_button.isEnabled()
    dialog.on_save()
    wait_idle()
    assert case_status(coordinator_ctx, case_id) == CaseStatus.OPGESCHAALD
    (row,) = escalations.list_escalations(coordinator_ctx)
    assert "Acute situatie; criteria volgen." in row.reason


def test_status_dialog_asks_nothing_extra_when_criteria_are_met(qtbot) -> None:  # type: ignore[no-untyped-def]
    met = ZvhCriteria(True, True, True, True, False)
    dialog = StatusChangeDialog("C-1", CaseStatus.IN_BEHANDELING, CaseStatus.OPGESCHAALD, None, met)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.escalation_target() == EscalationTarget.ZVH.value
    assert not dialog.unmet.isVisible()
    assert dialog.confirm_button.isEnabled()
    unmet = StatusChangeDialog(
        "C-1", CaseStatus.IN_BEHANDELING, CaseStatus.OPGESCHAALD, None, ZvhCriteria(True, True)
    )
    qtbot.addWidget(unmet)
    unmet.show()
    assert unmet.unmet.isVisible() and "criterium 3 ontbreekt" in unmet.unmet.warning.text()
    assert not unmet.confirm_button.isEnabled()
