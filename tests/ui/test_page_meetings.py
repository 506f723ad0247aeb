"""Overleggen: calendar and list, agenda builder (proposals, add, reorder), minutes that
create actions, a refused decision that keeps what was typed."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from sociaalveilig.core.enums import ActionType, MeetingType
from sociaalveilig.services import (
    actions,
    agenda_proposals,
    cases,
    meeting_agenda,
    meeting_planning,
)
from tests.services.seed_casework import KERKRADE, make_case, make_signal, partner_id
from tests.ui.fakes import FakeDocumentOutput

from sociaalveilig.ui.models.agenda_proposal_table import AgendaProposalTableModel
from sociaalveilig.ui.models.agenda_table import MIME_TYPE, AgendaTableModel
from sociaalveilig.ui.models.meeting_table import MeetingTableModel
from sociaalveilig.ui.pages.meetings import MeetingsPage

POLICE = "Politie Limburg"
HOUSING = "Woningcorporatie"


def _error_boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()
    ]


def _close_errors() -> None:
    for box in _error_boxes():
        box.close()


def _meeting(
    ctx, starts_at: datetime = datetime(2026, 4, 15, 10, 30)
) -> meeting_planning.MeetingInfo:
    return meeting_planning.plan_meeting(
        ctx,
        KERKRADE,
        MeetingType.FL,
        starts_at,
        "Coördinatiecentrum Hoensbroek",
        [partner_id(ctx, POLICE), partner_id(ctx, HOUSING)],
    )


def _page(qtbot, ctx, wait_idle, output: FakeDocumentOutput | None = None) -> MeetingsPage:
    page = MeetingsPage(output=output or FakeDocumentOutput())
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    page.set_context(ctx)
    wait_idle()
    return page


def _select(page: MeetingsPage, meeting_id: str, wait_idle) -> None:
    row = page.model.row_of(meeting_id)
    assert row >= 0
    page.view.select_row(row)
    wait_idle()
    assert page.detail is not None and page.detail.meeting.meeting_id == meeting_id


def test_calendar_lists_the_month_and_marks_meeting_days(qtbot, coordinator_ctx, wait_idle):
    info = _meeting(coordinator_ctx, datetime(2026, 4, 21, 14, 0))
    page = _page(qtbot, coordinator_ctx, wait_idle)
    assert page.model.rowCount() == 1
    fmt = page.calendar.dateTextFormat().get(page.calendar.selectedDate().addDays(6))
    assert fmt is not None and fmt.fontWeight() > 400  # 21 April is bold
    _select(page, info.meeting_id, wait_idle)
    assert "Kerkrade Oost" in page.header.text()
    assert page.copy_choice.count() == 3  # full copy + the two partners
    page.type_filter.setCurrentIndex(page.type_filter.findData(MeetingType.AV.value))
    wait_idle()
    assert page.model.rowCount() == 0
    assert page.empty_label.isVisibleTo(page)


def test_agenda_proposals_add_and_reorder(qtbot, coordinator_ctx, wait_idle) -> None:
    info = _meeting(coordinator_ctx, datetime(2026, 4, 21, 14, 0))
    first = make_case(coordinator_ctx, number=3)
    make_signal(coordinator_ctx, case_id=first, number=3)  # routed to fysieke leefomgeving
    second = make_case(coordinator_ctx, number=5)
    second_ref = cases.get_case(coordinator_ctx, second).reference
    page = _page(qtbot, coordinator_ctx, wait_idle)
    _select(page, info.meeting_id, wait_idle)
    builder = page.agenda

    builder.propose_button.click()
    wait_idle()
    assert builder.proposals.rowCount() == 1
    assert builder.accept_button.isEnabled()
    builder.accept_button.click()
    wait_idle()
    assert builder.model.rowCount() == 1

    builder.add_reference.setText(second_ref)
    builder.add_button.click()
    wait_idle()
    assert [i.case_reference for i in builder.model.rows][-1] == second_ref
    assert builder.add_reference.text() == ""

    builder.view.select_row(1)
    builder.move_selected(-1)
    wait_idle()
    stored = meeting_agenda.get_meeting(coordinator_ctx, info.meeting_id)
    assert stored.items[0].case_id == second
    assert [i.position for i in stored.items] == [1, 2]
    assert builder.model.row_object(0).case_id == second
    assert builder.view.current_row() == 0


def test_unknown_reference_is_refused_and_kept(qtbot, coordinator_ctx, wait_idle) -> None:
    info = _meeting(coordinator_ctx, datetime(2026, 4, 21, 14, 0))
    page = _page(qtbot, coordinator_ctx, wait_idle)
    _select(page, info.meeting_id, wait_idle)
    page.agenda.add_reference.setText("C-2026-99999")
    page.agenda.add_button.click()
    wait_idle()
    qtbot.waitUntil(lambda: bool(_error_boxes()))
    assert page.agenda.add_reference.text() == "C-2026-99999"
    _close_errors()


def test_minutes_record_decision_and_create_actions(qtbot, coordinator_ctx, clock, wait_idle):
    info = _meeting(coordinator_ctx)
    case_id = make_case(coordinator_ctx)
    meeting_agenda.add_agenda_item(coordinator_ctx, info.meeting_id, case_id=case_id)
    clock.set(datetime(2026, 4, 15, 11, 0))  # the meeting has begun
    page = _page(qtbot, coordinator_ctx, wait_idle)
    _select(page, info.meeting_id, wait_idle)
    page.tabs.setCurrentIndex(1)
    editor = page.minutes
    assert editor.save_button.isEnabled()
    assert editor.action_editor.owner.count() == 3  # "(kies een partner)" + the two partners

    editor.decision.setPlainText("Gezamenlijk huisbezoek en controle op overbewoning.")
    form = editor.action_editor
    form.action_type.setCurrentIndex(form.action_type.findData(ActionType.GEZAMENLIJK_HUISBEZOEK))
    form.owner.setCurrentIndex(form.owner.findData(partner_id(coordinator_ctx, POLICE)))
    form.set_default_deadline(date(2026, 4, 24))
    form.description.setText("Samen met de woningcorporatie")
    form.add_action()
    form.action_type.setCurrentIndex(form.action_type.findData(ActionType.CONTROLE))
    form.owner.setCurrentIndex(form.owner.findData(partner_id(coordinator_ctx, HOUSING)))
    form.add_action()
    assert form.model.rowCount() == 2
    editor.save()
    wait_idle()

    created = actions.list_actions(coordinator_ctx, case_id=case_id)
    assert sorted(a.action_type for a in created) == sorted(
        [ActionType.GEZAMENLIJK_HUISBEZOEK, ActionType.CONTROLE]
    )
    assert {a.owner_name for a in created} == {POLICE, HOUSING}
    assert all(a.deadline == date(2026, 4, 24) for a in created)
    item = editor.model.row_object(0)
    assert item is not None and item.decision is not None and len(item.actions) == 2
    assert editor.stack.currentIndex() == 1  # the decided view
    assert "Gezamenlijk huisbezoek" in editor.decided_text.text()
    assert editor.drafts == {}


def test_refused_decision_keeps_text_and_actions(qtbot, coordinator_ctx, clock, wait_idle):
    info = _meeting(coordinator_ctx)
    case_id = make_case(coordinator_ctx)
    meeting_agenda.add_agenda_item(coordinator_ctx, info.meeting_id, case_id=case_id)
    clock.set(datetime(2026, 4, 15, 11, 0))
    page = _page(qtbot, coordinator_ctx, wait_idle)
    _select(page, info.meeting_id, wait_idle)
    page.tabs.setCurrentIndex(1)
    editor = page.minutes
    editor.decision.setPlainText("Handhavingstraject starten.")
    editor.action_editor.add_action()  # no owner chosen: the service refuses the whole decision
    editor.save()
    wait_idle()
    qtbot.waitUntil(lambda: bool(_error_boxes()))
    assert editor.decision.toPlainText() == "Handhavingstraject starten."
    assert editor.action_editor.model.rowCount() == 1
    assert editor.save_button.isEnabled()
    assert actions.list_actions(coordinator_ctx, case_id=case_id) == []
    _close_errors()


def test_agenda_pdf_goes_to_viewer_and_lock_empties(qtbot, coordinator_ctx, wait_idle):
    info = _meeting(coordinator_ctx, datetime(2026, 4, 21, 14, 0))
    meeting_agenda.add_agenda_item(
        coordinator_ctx, info.meeting_id, case_id=make_case(coordinator_ctx)
    )
    output = FakeDocumentOutput()
    page = _page(qtbot, coordinator_ctx, wait_idle, output)
    _select(page, info.meeting_id, wait_idle)
    page.copy_choice.setCurrentIndex(1)  # a partner's copy
    from sociaalveilig.reports import api

    page.make_document(api.meeting_agenda, "agenda", False)
    wait_idle()
    assert len(output.shown) == 1 and output.shown[0].read_bytes().startswith(b"%PDF")
    pdf = output.shown[0]
    page.set_context(None)
    assert page.model.rowCount() == 0
    assert page.agenda.model.rowCount() == 0
    assert page.minutes.model.rowCount() == 0
    assert page.header.text().startswith("Kies")
    assert not pdf.exists()


def test_models_pass_the_model_tester(qtmodeltester, coordinator_ctx) -> None:
    info = _meeting(coordinator_ctx, datetime(2026, 4, 21, 14, 0))
    for number in (3, 5, 7):
        case_id = make_case(coordinator_ctx, number=number)
        meeting_agenda.add_agenda_item(coordinator_ctx, info.meeting_id, case_id=case_id)
    make_signal(coordinator_ctx, case_id=None, number=9)
    listed = MeetingTableModel()
    listed.set_rows(
        meeting_planning.list_meetings(coordinator_ctx, date(2026, 4, 1), date(2026, 4, 30))
    )
    qtmodeltester.check(listed)
    agenda = AgendaTableModel()
    agenda.set_rows(meeting_agenda.get_meeting(coordinator_ctx, info.meeting_id).items)
    qtmodeltester.check(agenda)
    # Dragging the last row to the top: the order changes and is announced.
    orders: list[list[str]] = []
    agenda.order_changed.connect(orders.append)
    data = agenda.mimeData([agenda.index(2, 0)])
    assert data.hasFormat(MIME_TYPE)
    assert agenda.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert agenda.row_object(0).position == 3
    assert len(orders) == 1 and orders[0][0] == agenda.row_object(0).item_id
    qtmodeltester.check(agenda)
    proposals = AgendaProposalTableModel()
    proposals.set_rows(agenda_proposals.propose_agenda(coordinator_ctx, info.meeting_id))
    assert proposals.rowCount() == 1
    qtmodeltester.check(proposals)
    assert proposals.setData(proposals.index(0, 0), Qt.CheckState.Unchecked,
                             Qt.ItemDataRole.CheckStateRole)
    assert proposals.ticked() == []


def test_partner_reads_own_meetings_without_editing(qtbot, coordinator_ctx, make_actor, wait_idle):
    from sociaalveilig.core.enums import Role

    info = _meeting(coordinator_ctx, datetime(2026, 4, 21, 14, 0))
    meeting_planning.plan_meeting(
        coordinator_ctx, KERKRADE, MeetingType.AV, datetime(2026, 4, 22, 10, 0), None,
        [partner_id(coordinator_ctx, "Zorg en hulpverlening")],
    )
    meeting_agenda.add_agenda_item(
        coordinator_ctx, info.meeting_id, case_id=make_case(coordinator_ctx)
    )
    partner = make_actor(Role.PARTNER, partner=HOUSING)
    page = _page(qtbot, partner, wait_idle)
    assert page.model.rowCount() == 1  # only the meeting its organisation takes part in
    assert not page.plan_button.isVisibleTo(page)
    _select(page, info.meeting_id, wait_idle)
    assert not page.agenda.add_button.isEnabled()
    assert not page.agenda.propose_button.isEnabled()
    assert not page.minutes.save_button.isEnabled()
    assert page.copy_choice.count() == 1  # its own copy only


def test_plan_meeting_dialog(qtbot, coordinator_ctx, wait_idle) -> None:
    from PySide6.QtCore import QDate, QTime

    page = _page(qtbot, coordinator_ctx, wait_idle)
    dialog = page.plan_meeting()
    assert dialog is not None
    assert dialog.partners.count() == 6  # the seeded partner organisations
    dialog.area.setCurrentIndex(dialog.area.findData(KERKRADE))
    dialog.kind.setCurrentIndex(dialog.kind.findData(MeetingType.AV.value))
    dialog.date.setDate(QDate(2026, 5, 6))
    dialog.time.setTime(QTime(13, 30))
    dialog.partners.set_checked([partner_id(coordinator_ctx, POLICE)])
    dialog.on_save()
    wait_idle()
    assert page.month == date(2026, 5, 1)
    assert page.detail is not None
    info = page.detail.meeting
    assert info.starts_at == datetime(2026, 5, 6, 13, 30)
    assert info.meeting_type is MeetingType.AV and info.partner_names == (POLICE,)
