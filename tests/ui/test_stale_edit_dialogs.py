"""No silent overwrite in the window: a save based on what another user changed since is
refused with who changed what; the dialog keeps the input, the case reloads beside it, and
'Mijn invoer opnieuw toepassen' saves the same input on the version now stored."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from sociaalveilig.core.enums import ActionStatus, ActionType, MeetingType, RiskLevel, Role
from sociaalveilig.core.errors import SociaalVeiligError, StaleEdit
from sociaalveilig.services import (
    actions,
    cases,
    meeting_agenda,
    meeting_minutes,
    meeting_planning,
)
from sociaalveilig.services.actions import ActionInput, create_action
from tests.services.seed_casework import KERKRADE, make_case, partner_id
from tests.ui.builders import register
from tests.ui.fakes import FakeDocumentOutput

from sociaalveilig.ui.dialogs.action_deadline import ActionDeadlineDialog
from sociaalveilig.ui.dialogs.lead_partner import LeadPartnerDialog
from sociaalveilig.ui.pages.cases import CasesPage
from sociaalveilig.ui.pages.meetings import MeetingsPage


def _close_errors() -> None:
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox) and box.objectName() == "errorDialog":
            box.close()


def _open(qtbot, ctx, case_id: str, wait_idle) -> CasesPage:
    page = CasesPage()
    qtbot.addWidget(page)
    page.resize(1300, 720)
    page.show()
    page.set_context(ctx)
    page.open_case(case_id)
    qtbot.waitUntil(lambda: page.case_view.work_tabs.work is not None, timeout=10_000)
    wait_idle()
    return page


def test_a_stale_new_deadline_keeps_the_input_and_applies_it_again(
    qtbot, coordinator_ctx, make_actor, wait_idle
) -> None:
    signal = register(coordinator_ctx)
    assert signal.case_id is not None
    action = create_action(
        coordinator_ctx,
        signal.case_id,
        ActionInput(
            ActionType.CONTROLE,
            partner_id(coordinator_ctx, "Politie Limburg"),
            coordinator_ctx.clock.now().date() + timedelta(days=7),
        ),
    )
    page = _open(qtbot, coordinator_ctx, signal.case_id, wait_idle)
    panel = page.case_view.actions_panel
    panel.select_action(action.action_id)
    dialog = panel.move_deadline()
    assert dialog is not None
    new_day = coordinator_ctx.clock.now().date() + timedelta(days=21)
    dialog.deadline.setDate(QDate(new_day.year, new_day.month, new_day.day))
    QTest.keyClicks(dialog.reason, "Fictief: de politie heeft meer tijd nodig.")

    # Meanwhile, at another desk, a colleague starts the action.
    other = make_actor(Role.COORDINATOR, username="jansen")
    actions.change_action_status(
        other, action.action_id, ActionStatus.IN_UITVOERING, expected_version=action.version
    )

    dialog.on_save()
    qtbot.waitUntil(lambda: dialog.last_error is not None, timeout=10_000)
    assert isinstance(dialog.last_error, StaleEdit)
    message = str(dialog.last_error)
    assert "Jansen" in message and "intussen gewijzigd" in message
    # The dialog stays with the input; the message stays in view with the way forward.
    assert dialog.isVisible()
    assert dialog.reason.toPlainText() == "Fictief: de politie heeft meer tijd nodig."
    assert dialog.deadline.date() == QDate(new_day.year, new_day.month, new_day.day)
    assert dialog.stale_note.isVisible() and dialog.stale_note.text() == message
    assert dialog.reapply_button.isVisible()
    assert dialog.error_box is not None and dialog.error_box.text() == message
    # The case's actions reloaded beside it: the colleague's start is shown.
    qtbot.waitUntil(
        lambda: panel.current_action() is not None
        and panel.current_action().status is ActionStatus.IN_UITVOERING,  # type: ignore[union-attr]
        timeout=10_000,
    )
    _close_errors()

    saved: list[object] = []
    dialog.saved.connect(saved.append)
    dialog.reapply_button.click()
    qtbot.waitUntil(lambda: bool(saved), timeout=10_000)
    stored = actions.get_action(coordinator_ctx, action.action_id)
    assert stored.deadline == new_day
    assert stored.status is ActionStatus.IN_UITVOERING  # the colleague's change stays


def test_a_stale_casusregisseur_keeps_the_choice(
    qtbot, coordinator_ctx, make_actor, wait_idle
) -> None:
    signal = register(coordinator_ctx)
    assert signal.case_id is not None
    page = _open(qtbot, coordinator_ctx, signal.case_id, wait_idle)
    view = page.case_view
    view.choose_lead_partner()
    qtbot.waitUntil(lambda: isinstance(view.last_dialog, LeadPartnerDialog), timeout=10_000)
    dialog = view.last_dialog
    assert isinstance(dialog, LeadPartnerDialog)
    woco = partner_id(coordinator_ctx, "Woningcorporatie")
    dialog.partner.setCurrentIndex(dialog.partner.findData(woco))

    other = make_actor(Role.COORDINATOR, username="smit")
    seen = cases.get_case(other, signal.case_id).version
    cases.set_risk_level(other, signal.case_id, RiskLevel.HOOG, expected_version=seen)

    dialog.on_save()
    qtbot.waitUntil(lambda: dialog.last_error is not None, timeout=10_000)
    assert isinstance(dialog.last_error, StaleEdit)
    assert "Smit" in str(dialog.last_error) and "risico gewijzigd" in str(dialog.last_error)
    assert dialog.isVisible() and dialog.chosen() == woco
    # The case view shows the fresh risk beside the dialog.
    qtbot.waitUntil(
        lambda: view.detail is not None and view.detail.risk_level is RiskLevel.HOOG,
        timeout=10_000,
    )
    _close_errors()
    dialog.reapply_button.click()
    qtbot.waitUntil(
        lambda: view.detail is not None and view.detail.lead_partner_id == woco,
        timeout=10_000,
    )
    stored = cases.get_case(coordinator_ctx, signal.case_id)
    assert stored.lead_partner_id == woco and stored.risk_level is RiskLevel.HOOG
    assert stored.version != seen


def test_a_stale_decision_keeps_the_minutes_typed(
    qtbot, coordinator_ctx, make_actor, clock, wait_idle
) -> None:
    """A colleague recorded the decision first: the text typed stays in the minutes, the
    message names the colleague, and a second save does not overwrite the decision."""
    info = meeting_planning.plan_meeting(
        coordinator_ctx,
        KERKRADE,
        MeetingType.FL,
        datetime(2026, 4, 15, 10, 30),
        "Fictief gemeentehuis",
        [partner_id(coordinator_ctx, "Politie Limburg")],
    )
    case_id = make_case(coordinator_ctx)
    meeting_agenda.add_agenda_item(coordinator_ctx, info.meeting_id, case_id=case_id)
    clock.set(datetime(2026, 4, 15, 11, 0))
    page = MeetingsPage(output=FakeDocumentOutput())
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    page.set_context(coordinator_ctx)
    wait_idle()
    page.view.select_row(page.model.row_of(info.meeting_id))
    wait_idle()
    page.tabs.setCurrentIndex(1)
    editor = page.minutes
    editor.decision.setPlainText("Fictief: handhavingstraject starten.")
    assert page.detail is not None
    item = page.detail.items[0]

    other = make_actor(Role.COORDINATOR, username="peters")
    meeting_minutes.record_decision(
        other, item.item_id, "Fictief: eerst afwachten.", expected_version=item.version
    )

    editor.save()
    qtbot.waitUntil(lambda: _error_text() is not None, timeout=10_000)
    assert "Peters" in (_error_text() or "")
    assert editor.decision.toPlainText() == "Fictief: handhavingstraject starten."
    assert editor.save_button.isEnabled()
    _close_errors()
    editor.save()  # applied again on the new version: one decision per item, still refused
    qtbot.waitUntil(lambda: _error_text() is not None, timeout=10_000)
    assert "al een besluit" in (_error_text() or "")
    _close_errors()
    stored = meeting_agenda.get_meeting(coordinator_ctx, info.meeting_id).items[0]
    assert stored.decision == "Fictief: eerst afwachten."


def test_reapply_without_a_known_version_saves_as_chosen(
    qtbot, coordinator_ctx, wait_idle
) -> None:
    """A StaleEdit rebuilt from its message alone (as a centre may send it) has no version:
    the user's explicit 'apply again' then saves without a check instead of failing."""
    signal = register(coordinator_ctx)
    assert signal.case_id is not None
    action = create_action(
        coordinator_ctx,
        signal.case_id,
        ActionInput(
            ActionType.CONTROLE,
            partner_id(coordinator_ctx, "Politie Limburg"),
            coordinator_ctx.clock.now().date() + timedelta(days=7),
        ),
    )
    dialog = ActionDeadlineDialog(coordinator_ctx, action)
    qtbot.addWidget(dialog)
    new_day = coordinator_ctx.clock.now().date() + timedelta(days=14)
    dialog.deadline.setDate(QDate(new_day.year, new_day.month, new_day.day))
    dialog.reason.setPlainText("Fictief: later.")
    rebuilt = StaleEdit.__new__(StaleEdit)
    SociaalVeiligError.__init__(rebuilt, "Deze actie is intussen gewijzigd.")
    dialog.refused(rebuilt)
    assert not dialog.reapply_button.isHidden() and not dialog.stale_note.isHidden()
    _close_errors()
    saved: list[object] = []
    dialog.saved.connect(saved.append)
    dialog.reapply()
    qtbot.waitUntil(lambda: bool(saved), timeout=10_000)
    assert actions.get_action(coordinator_ctx, action.action_id).deadline == new_day


def _error_text() -> str | None:
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox) and box.objectName() == "errorDialog" and box.isVisible():
            return box.text()
    return None
