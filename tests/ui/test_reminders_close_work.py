"""A reminder's "Gedaan…" opens what finishes its work, and "Openen" lands on the record
(issue 14): the case review, the visit's outcome, the agenda sent; a visit still to come,
a meeting and an escalation shown where they live, selected."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from sociaalveilig.core.enums import RiskLevel
from sociaalveilig.services import meeting_agenda, visits
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.reminder_rules import ReminderKind
from sociaalveilig.storage.models import Meeting
from tests.services.test_reminders import (
    add_action,
    add_case,
    add_escalation,
    add_meeting,
    add_visit,
    key,
)

from sociaalveilig.ui.clipboard import SecureClipboard
from sociaalveilig.ui.dialogs.complete_action import CompleteActionDialog
from sociaalveilig.ui.dialogs.reason import ReasonDialog
from sociaalveilig.ui.dialogs.visit_outcome import VisitOutcomeDialog
from sociaalveilig.ui.main_window import MainWindow
from sociaalveilig.ui.notifier import FakeNotifier
from sociaalveilig.ui.pages.escalations import EscalationsPage
from sociaalveilig.ui.pages.meetings import MeetingsPage
from sociaalveilig.ui.pages.today import TodayPage
from sociaalveilig.ui.pages.visits import VisitsPage
from sociaalveilig.ui.scheduler import ReminderCenter, install_reminders


class Desk:
    def __init__(self, qtbot, window: MainWindow, center: ReminderCenter, wait_idle) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.window = window
        self.center = center
        self._wait_idle = wait_idle

    def settle(self) -> None:
        for _ in range(2):
            self.qtbot.waitUntil(lambda: not self.center.busy, timeout=20_000)
            self._wait_idle()

    @property
    def today(self) -> TodayPage:
        page = self.window.page("TodayPage")
        assert isinstance(page, TodayPage)
        return page

    def press(self, reminder_key: str, button: str) -> None:
        panel = self.today.reminder_panel
        assert panel.select(reminder_key), reminder_key
        QTest.mouseClick(getattr(panel, button), Qt.MouseButton.LeftButton)

    def modal(self, kind: type) -> object:
        self.qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
        return QApplication.activeModalWidget()

    def reminder_keys(self) -> list[str]:
        return [r.key for r in self.today.reminder_panel.reminders()]


@pytest.fixture
def desk(qtbot, coordinator_ctx: ServiceContext, ui_settings, wait_idle) -> Iterator[Desk]:  # type: ignore[no-untyped-def]
    window = MainWindow(coordinator_ctx, ui_settings, SecureClipboard())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    center = install_reminders(window, coordinator_ctx, notifier=FakeNotifier())
    trip = Desk(qtbot, window, center, wait_idle)
    yield trip
    trip.settle()


def _late(page: TodayPage) -> int:
    return page.overdue_model.rowCount()


def test_gedaan_on_a_review_records_the_review_and_the_counts_go_down(
    desk: Desk, coordinator_ctx: ServiceContext
) -> None:
    case_id, ref = add_case(coordinator_ctx, risk=RiskLevel.HOOG, next_review=date(2026, 4, 7))
    desk.center.sync()
    desk.today.refresh()
    desk.settle()
    review = key(ReminderKind.CASE_REVIEW, case_id)
    assert review in desk.reminder_keys() and _late(desk.today) == 1
    desk.press(review, "done_button")
    dialog = desk.modal(ReasonDialog)
    assert isinstance(dialog, ReasonDialog) and dialog.objectName() == "caseReviewDialog"
    assert ref in dialog.intro.text()
    QTest.keyClicks(dialog.text, "Besproken met de casusregisseur; rustiger.")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    desk.settle()
    assert review not in desk.reminder_keys()
    assert _late(desk.today) == 0
    assert desk.today.overdue_label.text() == "Te laat (0)"


def test_gedaan_on_a_visit_without_outcome_records_it(
    desk: Desk, coordinator_ctx: ServiceContext
) -> None:
    case_id, _ = add_case(coordinator_ctx)
    visit_id = add_visit(coordinator_ctx, case_id, datetime(2026, 4, 14, 10, 0))
    desk.center.sync()
    desk.today.refresh()
    desk.settle()
    reminder = key(ReminderKind.VISIT_NO_OUTCOME, visit_id)
    assert reminder in desk.reminder_keys() and _late(desk.today) == 1
    desk.press(reminder, "done_button")
    dialog = desk.modal(VisitOutcomeDialog)
    assert isinstance(dialog, VisitOutcomeDialog)
    QTest.keyClicks(dialog.notes, "Gesproken; afspraken gemaakt.")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    desk.settle()
    assert reminder not in desk.reminder_keys() and _late(desk.today) == 0
    assert visits.get_visit(coordinator_ctx, visit_id).status_label == "Uitgevoerd"


def test_gedaan_on_a_visit_still_to_come_shows_it_in_its_week(
    desk: Desk, coordinator_ctx: ServiceContext
) -> None:
    case_id, _ = add_case(coordinator_ctx)
    # Next week's Monday; the reminder comes the day before: move the clock to Sunday.
    visit_id = add_visit(coordinator_ctx, case_id, datetime(2026, 4, 20, 14, 0))
    coordinator_ctx.clock.set(datetime(2026, 4, 19, 9, 0))  # type: ignore[attr-defined]
    desk.center.sync()
    desk.settle()
    reminder = key(ReminderKind.VISIT_TOMORROW, visit_id)
    assert reminder in desk.reminder_keys()
    desk.press(reminder, "done_button")
    desk.settle()
    page = desk.window.current_page()
    assert isinstance(page, VisitsPage)
    assert page.model.monday == date(2026, 4, 20)
    selected = page.selected_visit()
    assert selected is not None and selected.visit_id == visit_id
    assert QApplication.activeModalWidget() is None  # nothing to record yet: no dialog


def test_gedaan_on_an_agenda_reminder_notes_it_sent(
    desk: Desk, coordinator_ctx: ServiceContext
) -> None:
    case_id, _ = add_case(coordinator_ctx)
    meeting_id = add_meeting(coordinator_ctx, datetime(2026, 4, 17, 10, 0))
    meeting_agenda.add_agenda_item(coordinator_ctx, meeting_id, case_id=case_id)
    desk.center.sync()
    desk.settle()
    reminder = key(ReminderKind.MEETING_AGENDA, meeting_id)
    assert reminder in desk.reminder_keys()
    desk.press(reminder, "done_button")
    box = desk.modal(QMessageBox)
    assert isinstance(box, QMessageBox) and box.objectName() == "agendaSentQuestion"
    sent = next(b for b in box.buttons() if b.objectName() == "agendaSent")
    QTest.mouseClick(sent, Qt.MouseButton.LeftButton)
    desk.settle()
    assert reminder not in desk.reminder_keys()
    with coordinator_ctx.unit() as session:
        row = session.get(Meeting, meeting_id)
        assert row is not None and row.agenda_sent_at is not None


def test_openen_lands_on_the_meeting_and_the_escalation_selected(
    desk: Desk, coordinator_ctx: ServiceContext
) -> None:
    case_id, _ = add_case(coordinator_ctx)
    meeting_id = add_meeting(coordinator_ctx, datetime(2026, 5, 1, 10, 0))
    # Another meeting first in the list, so a selection by chance would be wrong.
    add_meeting(coordinator_ctx, datetime(2026, 5, 1, 9, 0))
    escalation_id, _ = add_escalation(coordinator_ctx, case_id, datetime(2026, 3, 20, 9, 0))
    add_escalation(coordinator_ctx, case_id, datetime(2026, 4, 14, 9, 0))
    coordinator_ctx.clock.set(datetime(2026, 4, 29, 9, 0))  # type: ignore[attr-defined]
    desk.center.sync()
    desk.settle()
    reminder = key(ReminderKind.MEETING_AGENDA, meeting_id)
    assert reminder in desk.reminder_keys()
    meetings_page = desk.window.page("MeetingsPage")
    assert isinstance(meetings_page, MeetingsPage)
    # A filter the user left on the other kind of meeting must not hide it.
    meetings_page.type_filter.setCurrentIndex(
        meetings_page.type_filter.findData("fysieke_leefomgeving")
    )
    assert meetings_page.type_filter.currentIndex() > 0
    desk.press(reminder, "open_button")
    desk.settle()
    page = desk.window.current_page()
    assert isinstance(page, MeetingsPage)
    assert page.month == date(2026, 5, 1)
    assert page.detail is not None and page.detail.meeting.meeting_id == meeting_id
    assert page.selected() is not None and page.selected().meeting_id == meeting_id

    desk.window.show_page("TodayPage")
    desk.settle()
    stale = key(ReminderKind.ESCALATION_STALE, escalation_id)
    assert stale in desk.reminder_keys()
    desk.press(stale, "done_button")  # no one-step end: shown where it is worked on
    desk.settle()
    page = desk.window.current_page()
    assert isinstance(page, EscalationsPage)
    assert page.selected() is not None and page.selected().escalation_id == escalation_id


def test_afronden_on_vandaag_finishes_the_chosen_late_action(
    desk: Desk, coordinator_ctx: ServiceContext
) -> None:
    case_id, _ = add_case(coordinator_ctx)
    action_id, ref = add_action(coordinator_ctx, case_id, date(2026, 4, 10))
    desk.today.refresh()
    desk.settle()
    page = desk.today
    assert not page.finish_button.isEnabled()  # nothing chosen yet
    assert _late(page) == 1 and page.overdue_model.row_object(0).object_id == action_id
    view = page.overdue_view
    rect = view.visualRect(page.overdue_model.index(0, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.finish_button.isEnabled()
    QTest.keyClick(page, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # &Afronden…
    dialog = desk.modal(CompleteActionDialog)
    assert isinstance(dialog, CompleteActionDialog) and ref in dialog.intro.text()
    QTest.keyClicks(dialog.result_text, "Controle uitgevoerd.")
    QTest.keyClick(dialog.result_text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    desk.settle()
    assert _late(page) == 0 and page.overdue_label.text() == "Te laat (0)"
    assert key(ReminderKind.ACTION_OVERDUE, action_id) not in desk.reminder_keys()


def test_a_late_visit_of_an_earlier_week_opens_on_that_week_selected(
    desk: Desk, coordinator_ctx: ServiceContext
) -> None:
    case_id, _ = add_case(coordinator_ctx)
    add_visit(coordinator_ctx, case_id, datetime(2026, 3, 31, 9, 0))  # same week, other visit
    visit_id = add_visit(coordinator_ctx, case_id, datetime(2026, 4, 1, 10, 0))
    add_visit(coordinator_ctx, case_id, datetime(2026, 4, 16, 10, 0))  # this week
    desk.today.refresh()
    desk.settle()
    page = desk.today
    rows = [
        r for r in range(page.overdue_model.rowCount())
        if page.overdue_model.row_object(r).object_id == visit_id
    ]
    assert rows
    view = page.overdue_view
    rect = view.visualRect(page.overdue_model.index(rows[0], 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.keyClick(view, Qt.Key.Key_Return)
    desk.settle()
    visits_page = desk.window.current_page()
    assert isinstance(visits_page, VisitsPage)
    assert visits_page.model.monday == date(2026, 3, 30)
    assert "Week 14" in visits_page.week_label.text()
    selected = visits_page.selected_visit()
    assert selected is not None and selected.visit_id == visit_id
    assert visits_page.detail_when.text().startswith("01-04-2026 10:00")


def test_reminder_buttons_say_what_they_do_and_tab_in_reading_order(qtbot) -> None:  # type: ignore[no-untyped-def]
    from sociaalveilig.ui.reminder_panel import ReminderPanel

    panel = ReminderPanel()
    qtbot.addWidget(panel)
    texts = [b.text() for b in (panel.done_button, panel.open_button, panel.snooze_button,
                                panel.hide_button)]
    assert texts == ["&Gedaan…", "&Openen", "&Later herinneren", "&Verbergen"]
    assert "blijft open" in panel.hide_button.toolTip()
    buttons = {panel.done_button, panel.open_button, panel.snooze_button, panel.hide_button}
    order = []
    widget = panel.list.nextInFocusChain()
    while len(order) < 4 and widget is not panel.list:
        if widget in buttons:
            order.append(widget)
        widget = widget.nextInFocusChain()
    assert order == [panel.done_button, panel.open_button, panel.snooze_button,
                     panel.hide_button]


def test_work_done_on_another_page_brings_the_reminders_and_vandaag_down(
    desk: Desk, coordinator_ctx: ServiceContext
) -> None:
    case_id, _ = add_case(coordinator_ctx)
    visit_id = add_visit(coordinator_ctx, case_id, datetime(2026, 4, 14, 10, 0))
    desk.center.sync()
    desk.today.refresh()
    desk.settle()
    reminder = key(ReminderKind.VISIT_NO_OUTCOME, visit_id)
    assert reminder in desk.reminder_keys() and _late(desk.today) == 1
    desk.window.show_page("VisitsPage")
    page = desk.window.current_page()
    assert isinstance(page, VisitsPage)
    page.show_week_of(date(2026, 4, 14), visit_id)
    desk.settle()
    QTest.mouseClick(page.outcome_button, Qt.MouseButton.LeftButton)
    dialog = desk.modal(VisitOutcomeDialog)
    assert isinstance(dialog, VisitOutcomeDialog)
    QTest.keyClicks(dialog.notes, "Gesproken.")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    desk.settle()
    assert reminder not in desk.reminder_keys()  # re-synced through window.work_changed
    desk.window.show_page("TodayPage")
    desk.settle()
    assert _late(desk.today) == 0 and desk.today.overdue_label.text() == "Te laat (0)"
