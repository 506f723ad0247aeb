"""The case picker (keyboard first), its use where a case is chosen, and the case view's
actions panel for a partner."""

from __future__ import annotations

from datetime import datetime

import shiboken6

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sociaalveilig.core.enums import ActionType, MeetingType, Role, SignalStatus
from sociaalveilig.services import cases, meeting_planning, signal_intake
from sociaalveilig.services.actions import ActionInput, create_action
from sociaalveilig.services.signal_intake import PersonInput
from tests.services.seed_casework import KERKRADE, make_case, partner_id
from tests.ui.builders import register
from tests.ui.fakes import FakeDocumentOutput

from sociaalveilig.ui.case_picker import CasePicker
from sociaalveilig.ui.choices import Choices
from sociaalveilig.ui.dialogs.plan_visit import PlanVisitDialog
from sociaalveilig.ui.pages.cases import CasesPage
from sociaalveilig.ui.pages.escalations import EscalationsPage
from sociaalveilig.ui.pages.meetings import MeetingsPage
from sociaalveilig.ui.pages.reports import ReportsPage
from sociaalveilig.ui.signal_dialog import SignalDialog


def _case_with_person(ctx, postcode: str = "6431 AB") -> str:  # type: ignore[no-untyped-def]
    signal = register(ctx, postcode=postcode)
    assert signal.case_id is not None
    gerda = PersonInput(name="Gérda Fictief", birth_year=1961, role="bewoner")
    cases.add_person(ctx, signal.case_id, gerda)
    return signal.case_id


def _picker(qtbot, ctx) -> CasePicker:  # type: ignore[no-untyped-def]
    picker = CasePicker(ctx)
    qtbot.addWidget(picker)
    picker.show()
    return picker


def test_type_down_enter_chooses_a_case_by_a_persons_name(
    qtbot, coordinator_ctx, wait_idle
) -> None:
    case_id = _case_with_person(coordinator_ctx)
    _case_with_person(coordinator_ctx, postcode="6461 AB")  # Gerda on a second case
    picker = _picker(qtbot, coordinator_ctx)
    chosen: list[object] = []
    picker.chosen.connect(chosen.append)
    QTest.keyClicks(picker.search_edit, "gerda 6431")
    qtbot.waitUntil(lambda: picker.model.rowCount() == 1, timeout=10_000)
    assert picker.model.row_object(0).case_id == case_id  # type: ignore[union-attr]
    assert picker.model.row_object(0).persons == ("Gérda Fictief",)  # type: ignore[union-attr]
    QTest.keyClick(picker.search_edit, Qt.Key.Key_Down)
    assert picker.view.hasFocus() or picker.focusWidget() is picker.view
    QTest.keyClick(picker.view, Qt.Key.Key_Return)
    assert [c.case_id for c in chosen] == [case_id]  # type: ignore[attr-defined]
    assert not picker.isVisible()


def test_enter_right_after_typing_takes_a_single_result(
    qtbot, coordinator_ctx, wait_idle
) -> None:
    case_id = _case_with_person(coordinator_ctx)
    picker = _picker(qtbot, coordinator_ctx)
    chosen: list[object] = []
    picker.chosen.connect(chosen.append)
    QTest.keyClicks(picker.search_edit, "fictief")
    QTest.keyClick(picker.search_edit, Qt.Key.Key_Return)  # before the pause has passed
    qtbot.waitUntil(lambda: bool(chosen), timeout=10_000)
    assert chosen[0].case_id == case_id  # type: ignore[attr-defined]


def test_esc_cancels_and_nothing_found_says_so(qtbot, coordinator_ctx, wait_idle) -> None:
    _case_with_person(coordinator_ctx)
    picker = _picker(qtbot, coordinator_ctx)
    chosen: list[object] = []
    picker.chosen.connect(chosen.append)
    QTest.keyClicks(picker.search_edit, "onbekendenaam")
    qtbot.waitUntil(lambda: picker.status_label.text().startswith("Niets gevonden"))
    assert not picker.ok_button.isEnabled()
    QTest.keyClick(picker.search_edit, Qt.Key.Key_Escape)
    assert not picker.isVisible() and chosen == []


def test_the_picker_finds_only_cases_in_scope(
    qtbot, coordinator_ctx, make_actor, wait_idle
) -> None:
    _case_with_person(coordinator_ctx)  # Heerlen Noord
    outsider = make_actor(Role.WIJKAGENT, areas=["Kerkrade Oost"])
    picker = _picker(qtbot, outsider)
    QTest.keyClicks(picker.search_edit, "gerda")
    qtbot.waitUntil(lambda: picker.status_label.text().startswith("Niets gevonden"))
    assert picker.model.rowCount() == 0


def test_linking_a_signal_goes_through_the_picker(
    qtbot, coordinator_ctx, monkeypatch, wait_idle
) -> None:
    case_id = _case_with_person(coordinator_ctx)
    loose = register(coordinator_ctx, postcode="6432 CD", choice=signal_intake.NO_CASE)
    dialog = SignalDialog(coordinator_ctx, loose.signal_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=10_000)
    monkeypatch.setattr(
        "sociaalveilig.ui.signal_dialog.QInputDialog.getText",
        lambda *args, **kwargs: ("Zelfde bewoner.", True),
    )
    QTest.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
    picker = dialog.case_picker
    assert picker is not None
    picker.search_edit.clear()
    QTest.keyClicks(picker.search_edit, "Gerda")
    qtbot.waitUntil(lambda: picker.model.rowCount() == 1, timeout=10_000)
    QTest.keyClick(picker.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: dialog.detail is not None and dialog.detail.case_id == case_id, timeout=10_000
    )
    assert dialog.detail.status is SignalStatus.GEKOPPELD  # type: ignore[union-attr]


def test_plan_visit_opens_the_picker_for_an_address_typed(
    qtbot, coordinator_ctx, wait_idle
) -> None:
    case_id = _case_with_person(coordinator_ctx)
    reference = cases.get_case(coordinator_ctx, case_id).reference
    dialog = PlanVisitDialog(coordinator_ctx, Choices(), coordinator_ctx.clock.now())
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.case, "Verzonnenstraat")
    dialog.on_save()  # Enter: not a reference, so the case is chosen first
    picker = dialog.case_find.picker
    assert picker is not None and shiboken6.isValid(picker)
    qtbot.waitUntil(lambda: picker.model.rowCount() == 1, timeout=10_000)
    QTest.keyClick(picker.search_edit, Qt.Key.Key_Return)
    assert dialog.case.text() == reference
    assert dialog.isVisible()  # nothing saved yet: the user checks and saves


def test_partner_sees_only_its_own_action_steps(
    qtbot, coordinator_ctx, make_actor, wait_idle
) -> None:
    case_id = _case_with_person(coordinator_ctx)
    own = create_action(
        coordinator_ctx,
        case_id,
        ActionInput(
            ActionType.JURIDISCHE_PROCEDURE,
            partner_id(coordinator_ctx, "Woningcorporatie"),
            coordinator_ctx.clock.now().date(),
        ),
    )
    other = create_action(
        coordinator_ctx,
        case_id,
        ActionInput(
            ActionType.CONTROLE,
            partner_id(coordinator_ctx, "Politie Limburg"),
            coordinator_ctx.clock.now().date(),
        ),
    )
    woco = make_actor(Role.PARTNER, partner="Woningcorporatie")
    page = CasesPage()
    qtbot.addWidget(page)
    page.resize(1300, 720)
    page.show()
    page.set_context(woco)
    page.open_case(case_id)
    view = page.case_view
    qtbot.waitUntil(lambda: view.work_tabs.work is not None, timeout=10_000)
    wait_idle()
    panel = view.actions_panel
    assert view.work_tabs.currentWidget() is panel  # a partner's case opens on its actions
    assert not view.work_steps.isVisible()
    assert not panel.deadline_button.isVisible()
    panel.select_action(other.action_id)
    assert not panel.complete_button.isEnabled() and not panel.start_button.isEnabled()
    panel.select_action(own.action_id)
    assert panel.start_button.isEnabled() and panel.complete_button.isEnabled()
    QTest.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: panel.current_action() is not None
        and panel.current_action().status.value == "in_uitvoering",  # type: ignore[union-attr]
        timeout=10_000,
    )
    wait_idle()
    assert QApplication.activeModalWidget() is None


def test_a_lock_empties_the_case_work(qtbot, coordinator_ctx, wait_idle) -> None:
    case_id = _case_with_person(coordinator_ctx)
    create_action(
        coordinator_ctx,
        case_id,
        ActionInput(
            ActionType.CONTROLE,
            partner_id(coordinator_ctx, "Politie Limburg"),
            coordinator_ctx.clock.now().date(),
        ),
    )
    page = CasesPage()
    qtbot.addWidget(page)
    page.show()
    page.set_context(coordinator_ctx)
    page.open_case(case_id)
    view = page.case_view
    qtbot.waitUntil(lambda: view.work_tabs.work is not None, timeout=10_000)
    wait_idle()
    assert view.actions_panel.model.rowCount() == 1
    assert view.work_steps.isVisible()
    dialog = view.actions_panel.complete_action()
    assert dialog is not None and dialog.isVisible()
    page.set_context(None)
    assert view.work_tabs.work is None
    assert view.actions_panel.model.rowCount() == 0
    assert view.work_tabs.visits_model.rowCount() == 0
    assert not view.work_steps.isVisible()
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()


def test_reports_and_escalations_choose_the_case_by_name(
    qtbot, coordinator_ctx, make_actor, wait_idle
) -> None:
    case_id = _case_with_person(coordinator_ctx)
    reference = cases.get_case(coordinator_ctx, case_id).reference

    output = FakeDocumentOutput()
    reports = ReportsPage(output=output)
    qtbot.addWidget(reports)
    reports.show()
    reports.set_context(make_actor(Role.MANAGER))
    assert not reports.case_find.isVisible()  # a manager types a reference
    reports.set_context(coordinator_ctx)
    assert reports.case_find.isVisible()
    QTest.keyClicks(reports.case_ref, "gerda")
    QTest.keyClick(reports.case_ref, Qt.Key.Key_Return)  # a name: the picker first
    picker = reports.case_find.picker
    assert picker is not None
    qtbot.waitUntil(lambda: picker.model.rowCount() == 1, timeout=10_000)
    QTest.keyClick(picker.search_edit, Qt.Key.Key_Return)
    assert reports.case_ref.text() == reference
    assert output.shown == []  # chosen, not yet made: Enter again makes it

    escalations = EscalationsPage()
    qtbot.addWidget(escalations)
    escalations.show()
    escalations.set_context(coordinator_ctx)
    wait_idle()
    QTest.keyClicks(escalations.case_lookup, "Fictief")
    QTest.keyClick(escalations.case_lookup, Qt.Key.Key_Return)
    picker = escalations.case_find.picker
    assert picker is not None
    qtbot.waitUntil(lambda: picker.model.rowCount() == 1, timeout=10_000)
    QTest.keyClick(picker.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: escalations.checklist.detail is not None
        and escalations.checklist.detail.case_id == case_id,
        timeout=10_000,
    )
    assert escalations.case_lookup.text() == reference


def test_the_agenda_adds_a_case_chosen_by_a_persons_name(
    qtbot, coordinator_ctx, wait_idle
) -> None:
    info = meeting_planning.plan_meeting(
        coordinator_ctx,
        KERKRADE,
        MeetingType.FL,
        datetime(2026, 4, 21, 14, 0),
        "Coördinatiecentrum Hoensbroek",
        [partner_id(coordinator_ctx, "Politie Limburg")],
    )
    case_id = make_case(coordinator_ctx, persons=(("Gérda Fictief", 1961),))
    page = MeetingsPage(output=FakeDocumentOutput())
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    page.set_context(coordinator_ctx)
    wait_idle()
    page.view.select_row(page.model.row_of(info.meeting_id))
    wait_idle()
    builder = page.agenda
    QTest.keyClicks(builder.add_reference, "gerda")
    QTest.keyClick(builder.add_reference, Qt.Key.Key_Return)  # a name: the picker first
    picker = builder.case_find.picker
    assert picker is not None
    qtbot.waitUntil(lambda: picker.model.rowCount() == 1, timeout=10_000)
    QTest.keyClick(picker.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: builder.model.rowCount() == 1, timeout=10_000)
    wait_idle()
    assert builder.model.row_object(0).case_id == case_id  # type: ignore[union-attr]
    assert builder.add_reference.text() == ""


def test_a_refused_new_deadline_keeps_what_was_typed(qtbot, coordinator_ctx, wait_idle) -> None:
    case_id = _case_with_person(coordinator_ctx)
    action = create_action(
        coordinator_ctx,
        case_id,
        ActionInput(
            ActionType.CONTROLE,
            partner_id(coordinator_ctx, "Politie Limburg"),
            coordinator_ctx.clock.now().date(),
        ),
    )
    page = CasesPage()
    qtbot.addWidget(page)
    page.show()
    page.set_context(coordinator_ctx)
    page.open_case(case_id)
    panel = page.case_view.actions_panel
    qtbot.waitUntil(lambda: page.case_view.work_tabs.work is not None, timeout=10_000)
    wait_idle()
    panel.select_action(action.action_id)
    dialog = panel.move_deadline()
    assert dialog is not None
    QTest.keyClicks(dialog.deadline, "01012026")  # before today
    QTest.keyClicks(dialog.reason, "Te vroeg gepland.")
    dialog.on_save()
    qtbot.waitUntil(lambda: dialog.last_error is not None, timeout=10_000)
    assert "verleden" in str(dialog.last_error)
    assert dialog.isVisible() and dialog.reason.toPlainText() == "Te vroeg gepland."
    if dialog.error_box is not None:
        dialog.error_box.close()
