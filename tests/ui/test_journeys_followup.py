"""Journeys of issue 14 (follow-up work): a reminder's "Gedaan" finishes the work and the
counts on Vandaag go down; an overdue visit opens on its week, selected; a double booking
asks first; a partner's printed copy of a meeting holds what its screen shows.

Driven through the window as a person does (clicks and keys), on the journey demo store
(``journey_kit``). Screenshots: 70-74.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QToolButton, QWidget

from sociaalveilig.services.reminder_rules import ReminderKind
from sociaalveilig.services.worklist import WorkKind
from tests.reports.pdftext import text
from tests.ui.fakes import FakeDocumentOutput
from tests.ui.journey_kit import CARE_PARTNER, PARTNER, Journey

from sociaalveilig.ui.dialogs.clash_confirm import ClashQuestion
from sociaalveilig.ui.dialogs.complete_action import CompleteActionDialog
from sociaalveilig.ui.dialogs.plan_visit import PlanVisitDialog
from sociaalveilig.ui.dialogs.visit_outcome import VisitOutcomeDialog
from sociaalveilig.ui.main_window import MainWindow
from sociaalveilig.ui.notifier import FakeNotifier
from sociaalveilig.ui.pages.meetings import MeetingsPage
from sociaalveilig.ui.pages.today import TodayPage
from sociaalveilig.ui.pages.visits import VisitsPage, monday_of
from sociaalveilig.ui.scheduler import ReminderCenter, install_reminders

# --------------------------------------------------------------------------- helpers


def _with_reminders(journey: Journey, window: MainWindow) -> ReminderCenter:
    """The reminders as ``app.py`` wires them (a notifier that only records)."""
    assert window.context is not None
    center = install_reminders(window, window.context, notifier=FakeNotifier())
    _settle(journey, center)
    return center


def _settle(journey: Journey, center: ReminderCenter | None = None) -> None:
    def calm() -> bool:
        QApplication.processEvents()
        return center is None or not center.busy

    journey.qtbot.waitUntil(calm, timeout=30_000)  # type: ignore[attr-defined]
    journey.wait_idle()
    journey.qtbot.waitUntil(calm, timeout=30_000)  # type: ignore[attr-defined]
    journey.wait_idle()


def _modal(journey: Journey, kind: type) -> QWidget:
    journey.qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=20_000
    )
    widget = QApplication.activeModalWidget()
    assert isinstance(widget, kind)
    return widget


def _click_row(view: QAbstractItemView, row: int, column: int = 0, double: bool = False) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    center = view.visualRect(index).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    if double:
        QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)


def _click(widget: QWidget) -> None:
    assert widget.isEnabled() and widget.isVisible(), widget.objectName()
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def _count(label_text: str) -> int:
    found = re.search(r"\((\d+)\)", label_text)
    return int(found.group(1)) if found else 0


def _late(page: TodayPage) -> int:
    return _count(page.overdue_label.text())


def _late_of(page: TodayPage, kind: WorkKind) -> int:
    model = page.overdue_model
    return sum(1 for r in range(model.rowCount()) if model.row_object(r).kind is kind)


def _reminder_keys(page: TodayPage, kind: ReminderKind) -> list[str]:
    return [r.key for r in page.reminder_panel.reminders() if r.kind is kind]


def _click_reminder(page: TodayPage, key: str) -> None:
    tree = page.reminder_panel.list
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == key:
            tree.scrollToItem(item)
            rect = tree.visualItemRect(item)
            QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            assert page.reminder_panel.selected_key() == key
            return
    raise AssertionError(f"reminder {key} not in the list")


def _trigger_menu_item(button: QToolButton, text: str) -> None:
    """Opens the button's menu with a click and clicks the item ``text`` in it."""
    menu = button.menu()
    assert menu is not None
    clicked: list[bool] = []

    def choose() -> None:
        if not menu.isVisible():
            QTimer.singleShot(20, choose)
            return
        for action in menu.actions():
            if action.text() == text:
                QTest.mouseClick(
                    menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center()
                )
                clicked.append(True)
                return
        menu.close()

    QTimer.singleShot(0, choose)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert clicked, f"{text!r} not in the menu"


def _wait_for(journey: Journey, condition: Callable[[], bool]) -> None:
    journey.qtbot.waitUntil(condition, timeout=20_000)  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- (a)


def test_overdue_action_reminders_are_worked_to_zero_through_gedaan(journey: Journey) -> None:
    window = journey.sign_in("demo")
    center = _with_reminders(journey, window)
    page = window.current_page()
    assert isinstance(page, TodayPage)
    overdue_actions = _reminder_keys(page, ReminderKind.ACTION_OVERDUE)
    assert len(overdue_actions) >= 3, "the demo has several overdue actions"
    assert _late_of(page, WorkKind.ACTION) == len(overdue_actions)

    first = True
    while keys := _reminder_keys(page, ReminderKind.ACTION_OVERDUE):
        late_before = _late(page)
        actions_before = _late_of(page, WorkKind.ACTION)
        reminders_before = _count(page.reminder_panel.title.text())
        _click_reminder(page, keys[0])
        _click(page.reminder_panel.done_button)
        dialog = _modal(journey, CompleteActionDialog)
        assert isinstance(dialog, CompleteActionDialog)
        assert dialog.done_choice.isChecked()
        QTest.keyClicks(dialog.result_text, "Uitgevoerd en besproken met de partner.")
        if first:
            journey.shot("70-herinnering-actie-afronden", dialog)
            first = False
        _click(dialog.save_button)
        _settle(journey, center)
        # At once, without leaving the page: one fewer late, one fewer reminder.
        assert _late(page) == late_before - 1
        assert _late_of(page, WorkKind.ACTION) == actions_before - 1
        assert _count(page.reminder_panel.title.text()) == reminders_before - 1
        assert keys[0] not in _reminder_keys(page, ReminderKind.ACTION_OVERDUE)
    assert _late_of(page, WorkKind.ACTION) == 0
    assert "te laat" in page.summary_label.text()
    journey.shot("71-te-laat-acties-afgerond")


def test_verbergen_only_hides_the_reminder_and_the_work_stays_late(journey: Journey) -> None:
    window = journey.sign_in("demo")
    center = _with_reminders(journey, window)
    page = window.current_page()
    assert isinstance(page, TodayPage)
    key = _reminder_keys(page, ReminderKind.ACTION_OVERDUE)[0]
    late = _late(page)
    _click_reminder(page, key)
    _click(page.reminder_panel.hide_button)
    _settle(journey, center)
    assert key not in _reminder_keys(page, ReminderKind.ACTION_OVERDUE)
    assert _late(page) == late  # hiding a reminder finishes nothing


# --------------------------------------------------------------------------- (b)


def test_an_overdue_visit_opens_on_its_week_selected_and_its_outcome_ends_it(
    journey: Journey,
) -> None:
    window = journey.sign_in("demo")
    today = window.current_page()
    assert isinstance(today, TodayPage)
    model = today.overdue_model
    rows = [r for r in range(model.rowCount()) if model.row_object(r).kind is WorkKind.VISIT]
    assert rows, "the demo has a visit without its outcome"
    visit = model.row_object(rows[0])
    assert visit.due_at is not None
    late = _late(today)
    _click_row(today.overdue_view, rows[0], double=True)
    journey.wait_idle()

    page = window.current_page()
    assert isinstance(page, VisitsPage)
    assert page.model.monday == monday_of(visit.due_at.date())
    selected = page.selected_visit()
    assert selected is not None and selected.visit_id == visit.object_id
    assert page.detail_when.text().startswith(f"{visit.due_at:%d-%m-%Y %H:%M}")
    assert page.outcome_button.isEnabled()
    journey.shot("72-huisbezoek-vanuit-vandaag")

    _click(page.outcome_button)
    dialog = _modal(journey, VisitOutcomeDialog)
    assert isinstance(dialog, VisitOutcomeDialog)
    QTest.keyClicks(dialog.notes, "Samen met de partner gesproken; afspraken gemaakt.")
    _click(dialog.save_button)
    journey.wait_idle()
    selected = page.selected_visit()
    assert selected is not None and selected.visit_id == visit.object_id
    assert selected.status_label == "Uitgevoerd"

    today = journey.go("Vandaag")
    assert isinstance(today, TodayPage)
    assert _late(today) == late - 1
    assert _late_of(today, WorkKind.VISIT) == 0


# --------------------------------------------------------------------------- (c)


def test_a_double_booked_partner_asks_first_cancel_plans_nothing_confirm_plans(
    journey: Journey,
) -> None:
    window = journey.sign_in("demo")
    page = journey.go("Huisbezoeken")
    assert isinstance(page, VisitsPage)
    assert window.context is not None
    now = window.context.clock.now()
    # A planned visit later this week, picked in the planner as a person would.
    booked = None
    for column in range(7):
        for row in range(page.model.rowCount()):
            candidate = page.model.visit_at(row, column)
            if candidate is not None and candidate.start > now + timedelta(hours=2):
                booked = (row, column, candidate)
                break
        if booked:
            break
    assert booked is not None, "the demo plans visits later this week"
    row, column, other = booked
    _click_row(page.grid, row, column)
    assert page.selected_visit() == other
    partner = page.detail_partners.text().split(",")[0].replace(" (gezamenlijk)", "").strip()
    week_count = sum(
        1 for c in range(7) for r in range(page.model.rowCount()) if page.model.visit_at(r, c)
    )
    open_case = other.case_reference
    assert open_case is not None

    _click(page.plan_button)
    dialog = _modal(journey, PlanVisitDialog)
    assert isinstance(dialog, PlanVisitDialog)
    dialog.case.clear()
    QTest.keyClicks(dialog.case, open_case)
    # Date and time as picked in their editors: the same day, half an hour later.
    start = other.start + timedelta(minutes=30)
    dialog.date.setDate(start.date())
    dialog.start.setTime(start.time())
    dialog.end.setTime((start + timedelta(hours=1)).time())
    # Tick the booked partner (Space on its row), alone.
    partners = dialog.partners
    for index in range(partners.count()):
        if partners.item(index).text() == partner:
            partners.setFocus()
            rect = partners.visualItemRect(partners.item(index))
            QTest.mouseClick(partners.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            QTest.keyClick(partners, Qt.Key.Key_Space)
    assert dialog.partners.checked_labels() == [partner]
    dialog.case_address.setFocus()
    QTest.keyClick(dialog.case_address, Qt.Key.Key_Space)  # another address than the case's
    QTest.keyClicks(dialog.postcode, "6411 AB")
    dialog.house_number.selectAll()
    QTest.keyClicks(dialog.house_number, "7")
    QTest.keyClicks(dialog.street, "Fictiefstraat")
    QTest.keyClicks(dialog.purpose, "Kennismaken met de nieuwe bewoners")
    _click(dialog.save_button)

    question = _modal(journey, ClashQuestion)
    assert isinstance(question, ClashQuestion)
    warning = question.informativeText()
    assert partner in warning and f"{other.start:%d-%m-%Y %H:%M}" in warning
    journey.shot("73-dubbele-boeking", question)
    QTest.keyClick(question, Qt.Key.Key_Escape)  # "Andere tijd kiezen": nothing planned
    journey.wait_idle()
    assert dialog.isVisible()
    assert dialog.purpose.toPlainText() == "Kennismaken met de nieuwe bewoners"

    _click(dialog.save_button)
    question = _modal(journey, ClashQuestion)
    assert isinstance(question, ClashQuestion)
    with journey.qtbot.waitSignal(dialog.saved, timeout=20_000):  # type: ignore[attr-defined]
        _click(question.confirm_button)
    journey.wait_idle()
    planned = page.selected_visit()
    assert planned is not None and planned.start == start
    assert planned.address.line.startswith("Fictiefstraat 7")
    after = sum(
        1 for c in range(7) for r in range(page.model.rowCount()) if page.model.visit_at(r, c)
    )
    assert after == week_count + 1


# --------------------------------------------------------------------------- (d)


def _subjects_on_screen(page: MeetingsPage) -> set[str]:
    model = page.agenda.model
    subjects = set()
    for row in range(model.rowCount()):
        item = model.row_object(row)
        subjects.add(item.case_reference or item.signal_reference or "")
    return subjects


def _subjects_in_pdf(body: str) -> set[str]:
    return set(re.findall(r"\d+\. ((?:C-\d{4}-\d{5})|(?:S-\d{4}-\d{6})): ", body))


def _open_meeting_with_agenda(
    journey: Journey, page: MeetingsPage, without: str | None = None
) -> str:
    """Clicks through the month's meetings to the first with items on its agenda (and,
    with ``without``, without that organisation among its partners)."""
    for row in range(page.model.rowCount()):
        _click_row(page.view, row)
        journey.wait_idle()
        if page.agenda.model.rowCount() == 0:
            continue
        if without is not None and without in page.subheader.text():
            continue
        assert page.detail is not None
        return page.detail.meeting.meeting_id
    raise AssertionError("no such meeting with an agenda in this month")


def _print_own_copy(journey: Journey, page: MeetingsPage) -> set[str]:
    assert page.copy_choice.currentText() == "Exemplaar van uw organisatie"
    output = FakeDocumentOutput()
    page.output = output  # the PDF viewer: recorded, not started
    _trigger_menu_item(page.agenda_doc, "Openen als PDF")
    journey.wait_idle()
    assert len(output.shown) == 1
    body = text(output.shown[0])
    assert "Exemplaar voor" in body
    return _subjects_in_pdf(body)


CARE_ORGANISATION = "Zorggroep Fictief"


def test_a_partners_printed_copy_holds_what_its_screen_shows(journey: Journey) -> None:
    journey.sign_in(PARTNER)
    page = journey.go("Overleggen")
    assert isinstance(page, MeetingsPage)
    # A meeting the care partner does not take part in (its partners are on screen).
    meeting_id = _open_meeting_with_agenda(journey, page, without=CARE_ORGANISATION)
    on_screen = _subjects_on_screen(page)
    printed = _print_own_copy(journey, page)
    assert printed == on_screen, (printed, on_screen)
    journey.shot("74-exemplaar-partner")

    # The care partner: that meeting is not there at all (the rule: only meetings it takes
    # part in); for one it takes part in, its copy holds what its screen shows.
    journey.sign_in(CARE_PARTNER)
    page = journey.go("Overleggen")
    assert isinstance(page, MeetingsPage)
    assert page.model.row_of(meeting_id) < 0
    care_meeting = _open_meeting_with_agenda(journey, page)
    assert care_meeting != meeting_id
    care_screen = _subjects_on_screen(page)
    assert _print_own_copy(journey, page) == care_screen
