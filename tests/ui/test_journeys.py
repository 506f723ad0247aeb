"""The long journey of issue 14: a police signal carried through a case to its close.

As the demo coördinator, through the window only (clicks and keys with QTest on the real
buttons, rows, menus and fields; reading the window's own widgets to check what the user
sees): a police signal taken in (Ctrl+N, Ctrl+Enter), opened from Signalen and made into a
new case; a joint home visit with two partners planned from the case and its outcome
recorded on Huisbezoeken; the morning's overleg planned on Overleggen and the case put on
its agenda from the case; the decision recorded in the minutes (Verslag) with an action
for the housing corporation; that action completed from the case's Acties tab; the case
closed. After each step the test checks what the person then sees (the status in the lists,
the case's status, tabs and timeline, the counts on Vandaag). Screenshots: 80-83.

The demo clock stands at Wednesday 15 April 2026 10:00. A visit cannot be planned in the
past and its outcome cannot be recorded before it began, and minutes wait until the
overleg has begun: so the visit and the overleg are planned for today at 10:00, which
the window allows (Down on the date offered, tomorrow, and on the hour where it is not 10).
A closed case leaves the Casussen list while "Alleen open" is on; the journey turns it off.

The other journeys of issue 14, by file and test:

``tests/ui/test_journeys_signals.py``
    ``test_a_residents_signal_to_handled``,
    ``test_b_police_signal_becomes_a_case_from_the_signal_dialog``,
    ``test_d_domestic_violence_intake_at_normaal``,
    ``test_c_escalation_with_unmet_criteria_needs_a_reason``,
    ``test_minutes_decision_handles_a_signal``,
    ``test_te_laat_shrinks_when_an_overdue_signal_is_handled``
``tests/ui/test_journeys_casework.py``
    ``test_partner_completes_its_own_overdue_action_from_vandaag``,
    ``test_coordinator_carries_actions_to_their_end_from_the_case``,
    ``test_person_search_to_the_art15_export``,
    ``test_coordinator_puts_the_case_on_an_agenda_and_links_a_signal``
``tests/ui/test_journeys_followup.py``
    ``test_overdue_action_reminders_are_worked_to_zero_through_gedaan``,
    ``test_verbergen_only_hides_the_reminder_and_the_work_stays_late``,
    ``test_an_overdue_visit_opens_on_its_week_selected_and_its_outcome_ends_it``,
    ``test_a_double_booked_partner_asks_first_cancel_plans_nothing_confirm_plans``,
    ``test_a_partners_printed_copy_holds_what_its_screen_shows``
``tests/ui/test_journeys_layout.py``
    ``test_the_window_fits_a_laptop_for_each_role``,
    ``test_the_beheerder_reads_the_audit_log_in_dutch``,
    ``test_a_wijkagent_prepares_a_walk_in_his_own_area``,
    ``test_nothing_found_shows_in_the_lists_place``

The demo store and signing in: ``tests/ui/journey_kit.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import shiboken6

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QWidget

from sociaalveilig.core.enums import CaseStatus, VisitOutcome
from tests.ui.journey_kit import Journey

from sociaalveilig.ui.case_picker import LookupDialog
from sociaalveilig.ui.case_view import CaseView
from sociaalveilig.ui.check_list import CheckList
from sociaalveilig.ui.dialogs.plan_meeting import PlanMeetingDialog
from sociaalveilig.ui.dialogs.plan_visit import PlanVisitDialog
from sociaalveilig.ui.dialogs.reason import ReasonDialog
from sociaalveilig.ui.dialogs.visit_outcome import VisitOutcomeDialog
from sociaalveilig.ui.intake_dialog import IntakeDialog
from sociaalveilig.ui.models import cases as case_columns
from sociaalveilig.ui.models import signals as signal_columns
from sociaalveilig.ui.models.worklist import COL_TITLE
from sociaalveilig.ui.pages.cases import CasesPage
from sociaalveilig.ui.pages.meetings import MeetingsPage
from sociaalveilig.ui.pages.signals import SignalsPage
from sociaalveilig.ui.pages.today import TodayPage
from sociaalveilig.ui.pages.visits import VisitsPage
from sociaalveilig.ui.signal_dialog import SignalDialog
from sociaalveilig.ui.status_change_dialog import StatusChangeDialog

CTRL = Qt.KeyboardModifier.ControlModifier
HOUSING = "Woonstichting Voorbeeld"
POLICE = "Politie Limburg"
TODAY = "15-04-2026"
DECISION = "Woonstichting spreekt de huurder aan; bij herhaling een waarschuwing."
ACTION_RESULT = "Huurder gesproken; overlast sinds twee weken gestopt."
CLOSE_REASON = "Overlast gestopt; afspraken nagekomen (fictief)."
VISIT_NOTES = "Bewoner thuis; afspraken over rust na 22:00 en een gesprek met de verhuurder."

# --------------------------------------------------------------------------- helpers


def _wait(journey: Journey, condition: Callable[[], bool]) -> None:
    journey.qtbot.waitUntil(condition, timeout=20_000)  # type: ignore[attr-defined]
    journey.wait_idle()


def _modal(journey: Journey, kind: type) -> QWidget:
    """The dialog the last click opened, made active as a window manager does."""
    _wait(journey, lambda: isinstance(QApplication.activeModalWidget(), kind))
    widget = QApplication.activeModalWidget()
    assert isinstance(widget, kind)
    widget.activateWindow()
    _wait(journey, lambda: QApplication.activeWindow() is widget)
    return widget


def _closed(journey: Journey, dialog: QWidget) -> None:
    """Waits until a saved dialog is gone (it deletes itself on closing)."""
    _wait(journey, lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    _activate(journey)


def _activate(journey: Journey) -> None:
    """Back to the main window after a dialog closed (a window manager's job)."""
    window = journey.window
    assert window is not None
    window.activateWindow()
    _wait(journey, lambda: QApplication.activeWindow() is window)


def _click(widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def _click_row(view: QAbstractItemView, row: int, column: int = 0) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def _click_tab(tabs: QWidget, index: int) -> None:
    bar = tabs.tabBar()  # type: ignore[attr-defined]
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def _choose(combo: QComboBox, text: str) -> None:
    """Picks the item starting with ``text`` as a keyboard user does: Home, then Down."""
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText().startswith(text):
            return
        QTest.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}")


def _tick(partners: CheckList, name: str) -> None:
    """A click on the partner's row, Space ticks it."""
    for index in range(partners.count()):
        item = partners.item(index)
        if item.text() == name:
            partners.scrollToItem(item)
            rect = partners.visualItemRect(item)
            QTest.mouseClick(partners.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            QTest.keyClick(partners, Qt.Key.Key_Space)
            return
    names = [partners.item(i).text() for i in range(partners.count())]
    raise AssertionError(f"{name!r} not among {names}")


def _double_click_row(view: QAbstractItemView, row: int) -> None:
    _click_row(view, row)
    index = view.model().index(row, 0)
    QTest.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def _texts(view: QAbstractItemView, column: int) -> list[str]:
    model = view.model()
    return [str(model.index(row, column).data() or "") for row in range(model.rowCount())]


def _timeline(view: CaseView) -> list[str]:
    """The timeline as the user reads it: kind, reference and what, per row."""
    model = view.timeline_model
    return [
        " | ".join(str(model.index(row, col).data() or "") for col in (1, 2, 3))
        for row in range(model.rowCount())
    ]


def _counts(journey: Journey) -> dict[str, int]:
    """Vandaag's three headings: Te laat (n), Deze week (n), the signals to triage (n)."""
    page = journey.go("Vandaag")
    assert isinstance(page, TodayPage)
    _wait(journey, lambda: "(" in page.overdue_label.text())

    def number(text: str) -> int:
        found = re.search(r"\((\d+)\)", text)
        assert found, text
        return int(found.group(1))

    return {
        "late": number(page.overdue_label.text()),
        "week": number(page.week_label.text()),
        "triage": number(page.triage_label.text()),
    }


def _case_view(journey: Journey) -> CaseView:
    """Casussen, where the case stays open; waits until it and its work are loaded."""
    page = journey.go("Casussen")
    assert isinstance(page, CasesPage)
    view = page.case_view
    _wait(journey, lambda: view.detail is not None and view.work_tabs.work is not None)
    return view


def _status_in_case_list(journey: Journey, reference: str) -> str:
    """Casussen: back to the list, the case searched, its status read; reopened with a
    double click. The list shows open cases ("Alleen open" is on)."""
    view = _case_view(journey)
    _click(view.back_button)
    page = journey.window.current_page()  # type: ignore[union-attr]
    assert isinstance(page, CasesPage)
    page.search_edit.setFocus()
    QTest.keyClick(page.search_edit, Qt.Key.Key_A, CTRL)
    QTest.keyClicks(page.search_edit, reference)
    QTest.keyClick(page.search_edit, Qt.Key.Key_Return)
    _wait(journey, lambda: _texts(page.view, case_columns.COL_REFERENCE) == [reference])
    status = _texts(page.view, case_columns.COL_STATUS)[0]
    _double_click_row(page.view, 0)
    _wait(journey, lambda: view.detail is not None and view.work_tabs.work is not None)
    return status


def _find_signal(journey: Journey, reference: str) -> SignalsPage:
    """Signalen, the reference typed into the search box and Enter: the one row found."""
    page = journey.go("Signalen")
    assert isinstance(page, SignalsPage)
    page.search_edit.setFocus()
    QTest.keyClick(page.search_edit, Qt.Key.Key_A, CTRL)  # typing replaces the last search
    QTest.keyClicks(page.search_edit, reference)
    QTest.keyClick(page.search_edit, Qt.Key.Key_Return)
    _wait(journey, lambda: page.model.rowCount() == 1)
    _wait(journey, lambda: _signal_cell(page, signal_columns.COL_REFERENCE) == reference)
    return page


def _signal_cell(page: SignalsPage, column: int) -> str:
    return str(page.model.index(0, column).data() or "")


# --------------------------------------------------------------------------- the journey


def test_police_signal_to_a_closed_case_through_visit_minutes_and_action(
    journey: Journey,
) -> None:
    window = journey.sign_in("demo")
    start = _counts(journey)

    # ---- 1. The police report a signal: Ctrl+N, the intake filled in, Ctrl+Enter.
    _activate(journey)
    QTest.keyClick(window, Qt.Key.Key_N, CTRL)
    intake = _modal(journey, IntakeDialog)
    assert isinstance(intake, IntakeDialog)
    _wait(journey, lambda: intake.category_combo.isEnabled())
    _choose(intake.source_combo, "Politie")
    _choose(intake.category_combo, "Woonoverlast")
    QTest.keyClicks(intake.postcode_edit, "6432ab")
    QTest.keyClicks(intake.house_number_edit, "47")
    QTest.keyClicks(intake.street_edit, "Fictiefstraat")
    intake.description_edit.setFocus()
    QTest.keyClicks(
        intake.description_edit,
        "Wijkagent meldt nachtelijk lawaai en bezoek aan de woning, buren klagen (fictief).",
    )
    _wait(journey, lambda: intake._preview is not None)
    assert intake.case_choice() == "no-case"  # no open case at this address
    QTest.keyClick(intake.description_edit, Qt.Key.Key_Return, CTRL)
    _wait(journey, lambda: intake.saved is not None or bool(intake.error_label.text()))
    assert intake.saved is not None, intake.error_label.text()
    signal_ref = intake.saved.reference
    # Routed to the overleg fysieke leefomgeving, with the rule that did it; no case.
    assert intake.result_routing.text().startswith("Naar: Overleg fysieke leefomgeving.")
    assert "Regel 2 'Woonoverlast naar overleg fysieke leefomgeving'" in (
        intake.result_routing.text()
    )
    assert intake.result_case.text() == "Niet aan een casus gekoppeld."
    QTest.keyClick(intake.close_button, Qt.Key.Key_Return)
    _closed(journey, intake)
    # Not acuut and due on 30-04: not for triage, not this week; no count on Vandaag moves.
    assert _counts(journey) == start

    # ---- 2. Signalen: the signal found, opened with Enter, "Nieuwe casus".
    signals_page = _find_signal(journey, signal_ref)
    assert _signal_cell(signals_page, signal_columns.COL_STATUS) == "Gerouteerd"
    assert _signal_cell(signals_page, signal_columns.COL_CASE) == ""
    QTest.keyClick(signals_page.search_edit, Qt.Key.Key_Down)  # into the row
    QTest.keyClick(signals_page.view, Qt.Key.Key_Return)
    signal_dialog = _modal(journey, SignalDialog)
    assert isinstance(signal_dialog, SignalDialog)
    _wait(journey, lambda: signal_dialog.detail is not None)
    _click(signal_dialog.new_case_button)
    _wait(journey, lambda: isinstance(window.current_page(), CasesPage))
    _activate(journey)
    view = _case_view(journey)
    case_ref = view.detail.reference  # type: ignore[union-attr]
    assert view.fields["status"].text() == "Open"
    assert view.work_steps.isVisible()
    assert any(signal_ref in row for row in _timeline(view))
    journey.shot("80-signaal-naar-casus")

    assert _status_in_case_list(journey, case_ref) == "Open"
    signals_page = _find_signal(journey, signal_ref)
    assert _signal_cell(signals_page, signal_columns.COL_STATUS) == "Gekoppeld aan casus"
    assert _signal_cell(signals_page, signal_columns.COL_CASE) == case_ref
    assert _counts(journey) == start

    # ---- 3. From the case: a joint home visit, the police and the housing corporation.
    view = _case_view(journey)
    _click(view.work_steps.visit_button)
    plan = _modal(journey, PlanVisitDialog)
    assert isinstance(plan, PlanVisitDialog)
    assert plan.case.text() == case_ref and plan.case.isReadOnly()
    assert plan.date.date().toString("dd-MM-yyyy") == "16-04-2026"
    # Tomorrow at 10:00 is offered; the visit is this morning, now: one day back.
    plan.date.setFocus()
    QTest.keyClick(plan.date, Qt.Key.Key_Down)
    assert plan.date.date().toString("dd-MM-yyyy") == TODAY
    assert plan.start.time().toString("HH:mm") == "10:00"
    _tick(plan.partners, POLICE)
    _tick(plan.partners, HOUSING)
    assert plan.joint.isChecked()  # two partners: a joint visit
    plan.purpose.setFocus()
    QTest.keyClicks(plan.purpose, "Samen kennismaken en de overlast bespreken")
    _click(plan.save_button)
    _closed(journey, plan)
    tabs = view.work_tabs
    _wait(journey, lambda: tabs.visits_model.rowCount() == 1)
    assert tabs.tabText(tabs.visits_index) == "&Huisbezoeken (1 gepland van 1)"
    visit_row = tabs.visits_model.row_object(0)
    assert visit_row is not None and visit_row.joint
    assert sorted(visit_row.partner_names) == [POLICE, HOUSING]
    assert any(row.startswith("Huisbezoek |  | Gezamenlijk huisbezoek (gepland)")
               for row in _timeline(view))
    assert _counts(journey) == {**start, "week": start["week"] + 1}  # the visit: Deze week

    # The visit's row on the case opens it where its work is done: its week on Huisbezoeken.
    _click_tab(tabs, tabs.visits_index)
    _click_row(tabs.visits_view, 0)
    QTest.keyClick(tabs.visits_view, Qt.Key.Key_Return)
    journey.wait_idle()
    from_case = window.current_page()
    assert isinstance(from_case, VisitsPage)
    _wait(journey, lambda: from_case.selected_visit() is not None)
    chosen = from_case.selected_visit()
    assert chosen is not None and chosen.visit_id == visit_row.visit_id

    # ---- 4. The visit's time has come: from Vandaag to the visit, its outcome recorded.
    today = journey.go("Vandaag")
    assert isinstance(today, TodayPage)
    titles = _texts(today.week_view, COL_TITLE)
    row = next(i for i, t in enumerate(titles) if case_ref in t and "huisbezoek" in t)
    assert "om 10:00" in titles[row]
    _double_click_row(today.week_view, row)  # opens the visit in its week, selected
    journey.wait_idle()
    visits_page = window.current_page()
    assert isinstance(visits_page, VisitsPage)
    visit = visits_page.selected_visit()
    assert visit is not None and visit.case_reference == case_ref
    assert visits_page.detail_when.text() == f"{TODAY} 10:00–11:00"
    assert visits_page.detail_status.text() == "Gepland"
    _click(visits_page.outcome_button)
    outcome = _modal(journey, VisitOutcomeDialog)
    assert isinstance(outcome, VisitOutcomeDialog)
    assert outcome.buttons_by_outcome[VisitOutcome.UITGEVOERD].isChecked()
    outcome.notes.setFocus()
    QTest.keyClicks(outcome.notes, VISIT_NOTES)
    _click(outcome.save_button)
    _closed(journey, outcome)
    _wait(journey, lambda: visits_page.detail_status.text() == "Uitgevoerd")
    assert visits_page.detail_notes.text() == VISIT_NOTES
    assert visits_page.detail_partners.text() == f"{POLICE}, {HOUSING} (gezamenlijk)"
    journey.shot("81-gezamenlijk-huisbezoek")
    assert _counts(journey) == start  # the visit is done: off Deze week

    # Back to the case from the visit ("Casus openen"): the visit is done there too.
    visits_page = journey.go("Huisbezoeken")
    assert isinstance(visits_page, VisitsPage)
    _wait(journey, lambda: visits_page.selected_visit() is not None)
    _click(visits_page.open_case_button)
    view = _case_view(journey)
    assert view.detail.reference == case_ref  # type: ignore[union-attr]
    tabs = view.work_tabs
    assert tabs.tabText(tabs.visits_index) == "&Huisbezoeken (0 gepland van 1)"
    assert any(
        "Gezamenlijk huisbezoek (uitgevoerd)" in row and VISIT_NOTES in row
        for row in _timeline(view)
    )

    # ---- 5. The overleg fysieke leefomgeving of Heerlen Noord, this morning at 10:00.
    meetings_page = journey.go("Overleggen")
    assert isinstance(meetings_page, MeetingsPage)
    _click(meetings_page.plan_button)
    plan_meeting = _modal(journey, PlanMeetingDialog)
    assert isinstance(plan_meeting, PlanMeetingDialog)
    _choose(plan_meeting.area, "Heerlen Noord")
    _choose(plan_meeting.kind, "Overleg fysieke")
    plan_meeting.date.setFocus()
    QTest.keyClick(plan_meeting.date, Qt.Key.Key_Down)  # tomorrow is offered: one day back
    plan_meeting.time.setFocus()
    QTest.keyClick(plan_meeting.time, Qt.Key.Key_Home)  # the hours: 14 down to 10
    for _ in range(4):
        QTest.keyClick(plan_meeting.time, Qt.Key.Key_Down)
    assert plan_meeting.date.date().toString("dd-MM-yyyy") == TODAY
    assert plan_meeting.time.time().toString("HH:mm") == "10:00"
    _tick(plan_meeting.partners, POLICE)
    _tick(plan_meeting.partners, HOUSING)
    _tick(plan_meeting.partners, "Gemeente – handhaving")
    _click(plan_meeting.save_button)
    _closed(journey, plan_meeting)
    _wait(journey, lambda: meetings_page.detail is not None)
    meeting = meetings_page.detail.meeting  # type: ignore[union-attr]
    assert f"{meeting.starts_at:%d-%m-%Y %H:%M}" == f"{TODAY} 10:00"
    assert meetings_page.agenda.model.rowCount() == 0

    # ---- 6. From the case: "Op agenda zetten…", this morning's overleg is offered first.
    view = _case_view(journey)
    _click(view.work_steps.agenda_button)
    choice = _modal(journey, LookupDialog)
    assert choice.objectName() == "agendaChoice"
    chosen = choice.view.current_row()  # type: ignore[attr-defined]
    assert chosen == 0
    assert _texts(choice.view, 0)[0] == f"{TODAY} 10:00"  # type: ignore[attr-defined]
    QTest.keyClick(choice.view, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    tabs = view.work_tabs
    _wait(journey, lambda: tabs.agenda_model.rowCount() == 1)
    _activate(journey)
    assert tabs.tabText(tabs.agenda_index) == "Over&leg (1)"
    assert _texts(tabs.agenda_view, 2) == ["Heerlen Noord (incl. Hoensbroek)"]
    assert _texts(tabs.agenda_view, 3) == ["Gepland"]

    # ---- 7. Overleggen: that overleg opened, the minutes: a decision with an action.
    meetings_page = journey.go("Overleggen")
    assert isinstance(meetings_page, MeetingsPage)
    _wait(journey, lambda: meetings_page.model.row_of(meeting.meeting_id) >= 0)
    _click_row(meetings_page.view, meetings_page.model.row_of(meeting.meeting_id))
    _wait(journey, lambda: meetings_page.detail is not None
          and meetings_page.detail.meeting.meeting_id == meeting.meeting_id)
    agenda = meetings_page.agenda
    _wait(journey, lambda: agenda.model.rowCount() == 1)
    assert agenda.model.row_object(0).case_reference == case_ref  # type: ignore[union-attr]
    _click_tab(meetings_page.tabs, 1)  # Verslag
    minutes = meetings_page.minutes
    assert minutes.current_item() is not None
    assert minutes.current_item().case_reference == case_ref  # type: ignore[union-attr]
    assert minutes.item_title.text().startswith(f"1. {case_ref}")
    assert minutes.save_button.isEnabled()
    minutes.decision.setFocus()
    QTest.keyClicks(minutes.decision, DECISION)
    editor = minutes.action_editor
    _choose(editor.action_type, "Juridische procedure")
    _choose(editor.owner, HOUSING)
    # The deadline offered is two weeks after the overleg; this Friday instead (Down x12).
    assert editor.deadline.date().toString("dd-MM-yyyy") == "29-04-2026"
    editor.deadline.setFocus()
    for _ in range(12):
        QTest.keyClick(editor.deadline, Qt.Key.Key_Down)
    assert editor.deadline.date().toString("dd-MM-yyyy") == "17-04-2026"
    editor.description.setFocus()
    QTest.keyClicks(editor.description, "Gesprek met de huurder, waarschuwing bij herhaling")
    _click(editor.add_button)
    assert _texts(editor.view, 1) == [HOUSING]
    assert _texts(editor.view, 2) == ["17-04-2026"]
    journey.shot("82-besluit-in-verslag")
    _activate(journey)
    QTest.keyClick(minutes.decision, Qt.Key.Key_Return, CTRL)
    _wait(journey, lambda: minutes.stack.currentIndex() == 1)  # the decision is recorded
    decided = minutes.decided_text.text()
    assert decided.startswith(f"Besluit: {DECISION}")
    assert f"{HOUSING}, uiterlijk 17-04-2026 (open)" in decided
    # The action is due this Friday: on Deze week.
    assert _counts(journey) == {**start, "week": start["week"] + 1}

    # ---- 8. The case: in behandeling since the action was agreed; the action completed.
    assert _status_in_case_list(journey, case_ref) == "In behandeling"
    view = _case_view(journey)
    tabs = view.work_tabs
    assert view.fields["status"].text() == "In behandeling"
    timeline = _timeline(view)
    assert any(row.startswith("Status |  | Status Open → In behandeling") for row in timeline)
    assert any(row.startswith("Besluit overleg |  | Besluit in overleg fysieke leefomgeving "
                              f"van {TODAY} – {DECISION}") for row in timeline)
    assert tabs.tabText(tabs.actions_index) == "A&cties (1 open van 1)"
    _click_tab(tabs, tabs.actions_index)
    panel = view.actions_panel
    assert _texts(panel.view, 2) == [HOUSING]
    assert _texts(panel.view, 4) == ["Open"]
    action_ref = _texts(panel.view, 0)[0]
    _click_row(panel.view, 0)
    _click(panel.complete_button)
    step = _modal(journey, ReasonDialog)
    assert step.objectName() == "actionStepDialog"
    QTest.keyClicks(step.findChild(QWidget, "reasonText"), ACTION_RESULT)
    _click(step.save_button)  # type: ignore[attr-defined]
    _closed(journey, step)
    _wait(journey, lambda: _texts(panel.view, 4) == ["Afgerond"])
    _wait(journey, lambda: tabs.tabText(tabs.actions_index) == "A&cties (0 open van 1)")
    assert any(
        row.startswith(f"Actie | {action_ref} | Juridische procedure woningcorporatie: "
                       "open → afgerond") and ACTION_RESULT in row
        for row in _timeline(view)
    )
    assert _counts(journey) == start  # done: off Deze week again

    # ---- 9. The case closed: "Afsluiten", with the reason it asks.
    view = _case_view(journey)
    close = view.step_button(CaseStatus.AFGESLOTEN)
    assert close is not None and close.text() == "Afsluiten"
    _click(close)
    status = _modal(journey, StatusChangeDialog)
    assert isinstance(status, StatusChangeDialog)
    assert not status.target_combo.isVisible()
    QTest.keyClicks(status.reason_edit, CLOSE_REASON)
    _click(status.confirm_button)
    _closed(journey, status)
    _wait(journey, lambda: view.fields["status"].text() == "Afgesloten")
    # A closed case: no more work planned from it; reopening is the one step left.
    assert not view.work_steps.isVisible()
    assert [b.text() for b in view.step_buttons] == ["Heropenen"]
    _click_tab(view.work_tabs, view.work_tabs.timeline_index)
    journey.shot("83-casus-afgesloten")
    assert view.work_tabs.tabText(view.work_tabs.agenda_index) == "Over&leg (1)"
    # The timeline holds each step: the signal, the case made, the visit and its outcome,
    # the decision of the overleg, the action agreed and done, in behandeling, closed.
    timeline = _timeline(view)
    for step_text in (
        f"Signaal | {signal_ref} | Woonoverlast (bron: politie)",
        f"Status |  | Casus aangemaakt (Open) – Gemaakt van signaal {signal_ref}.",
        "Huisbezoek |  | Gezamenlijk huisbezoek (uitgevoerd)",
        VISIT_NOTES,
        f"Besluit in overleg fysieke leefomgeving van {TODAY} – {DECISION}",
        f"Actie | {action_ref} | Juridische procedure woningcorporatie door {HOUSING}, "
        "uiterlijk 17-04-2026 (afgerond)",
        f"open → afgerond – {ACTION_RESULT}",
        f"Status |  | Status Open → In behandeling – Actie {action_ref} afgesproken.",
        f"Status |  | Status In behandeling → Afgesloten – {CLOSE_REASON}",
    ):
        assert any(step_text in row for row in timeline), (step_text, timeline)

    # ---- 10. Casussen: back to the list; a closed case shows once "Alleen open" is off.
    _click(view.back_button)
    cases_page = window.current_page()
    assert isinstance(cases_page, CasesPage)
    cases_page.search_edit.setFocus()
    QTest.keyClick(cases_page.search_edit, Qt.Key.Key_A, CTRL)
    QTest.keyClicks(cases_page.search_edit, case_ref)
    QTest.keyClick(cases_page.search_edit, Qt.Key.Key_Return)
    _wait(journey, lambda: cases_page.count_label.text() == "0 casussen")
    _click(cases_page.open_button)  # "Alleen open" off
    _wait(journey, lambda: cases_page.count_label.text() == "1 casus")
    _wait(journey, lambda: _texts(cases_page.view, case_columns.COL_REFERENCE) == [case_ref])
    assert _texts(cases_page.view, case_columns.COL_STATUS) == ["Afgesloten"]
    # Closing the case handled its signal; Vandaag is where it was at the start.
    signals_page = _find_signal(journey, signal_ref)
    assert _signal_cell(signals_page, signal_columns.COL_STATUS) == "Afgehandeld"
    assert _counts(journey) == start


# --------------------------------------------------------------------------- links


def test_an_action_opened_from_vandaag_is_the_one_chosen_on_the_case(journey: Journey) -> None:
    """Each late action on Vandaag opens its case on Acties with that very action chosen
    (not the case's first), ready for Afronden."""
    window = journey.sign_in()
    today = journey.go("Vandaag")
    assert isinstance(today, TodayPage)
    _wait(journey, lambda: today.overdue_label.text().startswith("Te laat ("))
    references = [r for r in _texts(today.overdue_view, 1) if r.startswith("A-")]
    assert len(references) >= 3
    not_first = 0
    for reference in references[:6]:
        today = journey.go("Vandaag")
        assert isinstance(today, TodayPage)
        row = _texts(today.overdue_view, 1).index(reference)
        _double_click_row(today.overdue_view, row)
        journey.wait_idle()
        cases_page = window.current_page()
        assert isinstance(cases_page, CasesPage)
        view = cases_page.case_view
        _wait(journey, lambda v=view: v.work_tabs.work is not None)  # type: ignore[misc]
        tabs = view.work_tabs
        assert tabs.currentIndex() == tabs.actions_index
        chosen = view.actions_panel.current_action()
        assert chosen is not None and chosen.reference == reference
        assert view.actions_panel.complete_button.isEnabled()
        not_first += view.actions_panel.view.current_row() > 0
    assert not_first, "no late action stood below another on its case: nothing was shown"


def test_a_timeline_row_opens_what_it_is_about(journey: Journey) -> None:
    """Enter on a visit in the case's timeline shows it on Huisbezoeken in its week,
    selected; Enter on an action entry chooses it on the Acties tab."""
    window = journey.sign_in()
    page = journey.go("Casussen")
    assert isinstance(page, CasesPage)
    _wait(journey, lambda: page.model.rowCount() > 0)
    for row in range(page.model.rowCount()):
        _double_click_row(page.view, row)
        view = page.case_view
        _wait(journey, lambda v=view: v.detail is not None and v.work_tabs.work is not None)  # type: ignore[misc]
        timeline = view.timeline_model
        entries = [timeline.row_object(i) for i in range(timeline.rowCount())]
        kinds = [e.kind if e is not None else "" for e in entries]
        if "huisbezoek" in kinds and "actie" in kinds:
            break
        _click(view.back_button)
        journey.wait_idle()
    else:
        raise AssertionError("the demo has no case with a visit and an action")
    tabs = view.work_tabs
    action_row = kinds.index("actie")
    action = entries[action_row]
    assert action is not None
    _click_row(view.timeline_view, action_row)
    QTest.keyClick(view.timeline_view, Qt.Key.Key_Return)
    assert tabs.currentIndex() == tabs.actions_index
    chosen = view.actions_panel.current_action()
    assert chosen is not None and chosen.reference == action.reference

    _click_tab(tabs, tabs.timeline_index)
    visit_row = kinds.index("huisbezoek")
    entry = entries[visit_row]
    assert entry is not None
    _click_row(view.timeline_view, visit_row)
    QTest.keyClick(view.timeline_view, Qt.Key.Key_Return)
    journey.wait_idle()
    visits = window.current_page()
    assert isinstance(visits, VisitsPage)
    _wait(journey, lambda: visits.selected_visit() is not None)
    selected = visits.selected_visit()
    assert selected is not None and selected.visit_id == entry.object_id
