"""The open meeting's detail follows another desk's changes in place (what the window hands
the Overleggen page from a centre's feed, here given straight to the page on a desk's own
store): agenda rows come and change without a reset, the selection stays, and minutes
being written keep their text, cursor and focus; saving them after the change is refused
as stale, with the text kept."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from sociaalveilig.core.enums import MeetingType, Role
from sociaalveilig.services import meeting_agenda, meeting_minutes, meeting_planning
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.live import ChangeBatch, FeedChange
from tests.services.seed_casework import KERKRADE, make_case, partner_id
from tests.ui.fakes import FakeDocumentOutput

from sociaalveilig.ui.pages.meetings import MeetingsPage

POLICE = "Politie Limburg"
HOUSING = "Woningcorporatie"
BOUND_MS = 10_000


def _batch(kind: str, *ids: str) -> ChangeBatch:
    return ChangeBatch(tuple(FeedChange(n, kind, i) for n, i in enumerate(ids, 1)), len(ids))


def _error_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()
    ]


def _meeting_with_items(ctx: ServiceContext, cases: int) -> tuple[str, list[str]]:
    info = meeting_planning.plan_meeting(
        ctx, KERKRADE, MeetingType.FL, datetime(2026, 4, 15, 10, 30),
        "Coördinatiecentrum Hoensbroek",
        [partner_id(ctx, POLICE), partner_id(ctx, HOUSING)],
    )
    items: list[str] = []
    for number in range(1, cases + 1):
        detail = meeting_agenda.add_agenda_item(
            ctx, info.meeting_id, case_id=make_case(ctx, number=number)
        )
        items = [item.item_id for item in detail.items]
    return info.meeting_id, items


def _open(qtbot, ctx: ServiceContext, wait_idle, meeting_id: str) -> MeetingsPage:  # type: ignore[no-untyped-def]
    page = MeetingsPage(output=FakeDocumentOutput())
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    page.set_context(ctx)
    wait_idle()
    page.view.select_row(page.model.row_of(meeting_id))
    wait_idle()
    assert page.detail is not None and page.detail.meeting.meeting_id == meeting_id
    return page


def test_an_item_added_elsewhere_appears_in_the_open_agenda_in_place(
    qtbot, coordinator_ctx, wait_idle
) -> None:
    meeting_id, items = _meeting_with_items(coordinator_ctx, 2)
    page = _open(qtbot, coordinator_ctx, wait_idle, meeting_id)
    agenda = page.agenda
    agenda.view.select_row(1)
    before = agenda.model.rows
    resets: list[int] = []
    agenda.model.modelReset.connect(lambda: resets.append(1))
    page.minutes.model.modelReset.connect(lambda: resets.append(2))
    agenda.add_reference.setText("C-2026")  # half typed here: stays

    # Elsewhere: a third case put on this meeting's agenda (the feed names the item).
    added = meeting_agenda.add_agenda_item(
        coordinator_ctx, meeting_id, case_id=make_case(coordinator_ctx, number=3)
    ).items[-1]
    page.apply_changes(_batch("agenda_item", added.item_id))
    qtbot.waitUntil(lambda: agenda.model.rowCount() == 3, timeout=BOUND_MS)
    wait_idle()

    assert agenda.model.item_ids() == [*items, added.item_id]
    assert page.minutes.model.item_ids() == [*items, added.item_id]
    assert resets == []
    assert agenda.model.rows[:2] == before and agenda.model.row_object(0) is before[0]
    chosen = agenda.model.row_object(agenda.view.current_row())
    assert chosen is not None and chosen.item_id == items[1]
    assert agenda.add_reference.text() == "C-2026"


def test_an_item_of_another_meeting_leaves_the_open_one_as_it_is(
    qtbot, coordinator_ctx, wait_idle
) -> None:
    meeting_id, _items = _meeting_with_items(coordinator_ctx, 1)
    other = meeting_planning.plan_meeting(
        coordinator_ctx, KERKRADE, MeetingType.AV, datetime(2026, 4, 22, 10, 30),
        "Coördinatiecentrum Hoensbroek", [partner_id(coordinator_ctx, POLICE)],
    )
    page = _open(qtbot, coordinator_ctx, wait_idle, meeting_id)
    shown = page.detail

    elsewhere = meeting_agenda.add_agenda_item(
        coordinator_ctx, other.meeting_id, case_id=make_case(coordinator_ctx, number=2)
    ).items[0]
    page.apply_changes(_batch("agenda_item", elsewhere.item_id))
    wait_idle()

    assert page.detail is shown  # asked, and nothing of it changed: not shown again


def test_a_decision_recorded_elsewhere_shows_on_the_item_not_being_written(
    qtbot, coordinator_ctx, clock, wait_idle
) -> None:
    meeting_id, items = _meeting_with_items(coordinator_ctx, 2)
    clock.set(datetime(2026, 4, 15, 11, 0))  # the meeting has begun
    page = _open(qtbot, coordinator_ctx, wait_idle, meeting_id)
    page.tabs.setCurrentIndex(1)
    editor = page.minutes
    assert editor.current_item() is not None and editor.current_item().item_id == items[0]
    assert editor.stack.currentIndex() == 0  # the open item's form, nothing typed

    meeting_minutes.record_decision(
        coordinator_ctx, items[0], "Fictief: gezamenlijk huisbezoek afgesproken."
    )
    page.apply_changes(_batch("agenda_item", items[0]))
    qtbot.waitUntil(lambda: editor.stack.currentIndex() == 1, timeout=BOUND_MS)

    assert "gezamenlijk huisbezoek" in editor.decided_text.text()
    current = editor.current_item()
    assert current is not None and current.item_id == items[0]  # the selection stayed
    row = page.agenda.model.row_of(items[0])
    assert page.agenda.model.row_object(row).decision is not None


def test_minutes_being_written_keep_text_cursor_and_focus_and_saving_is_refused_as_stale(
    qtbot, coordinator_ctx, make_actor, clock, wait_idle
) -> None:
    meeting_id, items = _meeting_with_items(coordinator_ctx, 2)
    clock.set(datetime(2026, 4, 15, 11, 0))
    page = _open(qtbot, coordinator_ctx, wait_idle, meeting_id)
    page.tabs.setCurrentIndex(1)
    editor = page.minutes
    page.activateWindow()
    editor.decision.setFocus()
    qtbot.waitUntil(editor.decision.hasFocus, timeout=BOUND_MS)
    typed = "Handhavingstraject starten, de woningcorporatie"
    qtbot.keyClicks(editor.decision, typed)
    cursor = editor.decision.textCursor()
    cursor.setPosition(11)  # the user went back into the text
    editor.decision.setTextCursor(cursor)

    # A colleague records a decision on the same item meanwhile.
    colleague = make_actor(Role.COORDINATOR, username="coordinator-bo")
    meeting_minutes.record_decision(colleague, items[0], "Fictief: eerst een gesprek.")
    page.apply_changes(_batch("agenda_item", items[0]))
    qtbot.waitUntil(lambda: editor.changed_notice.isVisibleTo(editor), timeout=BOUND_MS)

    shots = os.environ.get("SV_JOURNEY_SHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        page.grab().save(str(Path(shots) / "minutes-changed-elsewhere.png"))
    assert editor.decision.toPlainText() == typed
    assert editor.decision.textCursor().position() == 11
    assert editor.decision.hasFocus()
    assert editor.stack.currentIndex() == 0
    assert editor.model.row_object(editor.model.row_of(items[0])).decision is not None

    editor.save()
    qtbot.waitUntil(lambda: bool(_error_boxes()), timeout=BOUND_MS)
    message = _error_boxes()[0].text()
    assert message.startswith("Dit agendapunt is intussen gewijzigd door Coordinator-Bo"), message
    for box in _error_boxes():
        box.close()
    assert editor.decision.toPlainText() == typed
    stored = meeting_agenda.get_meeting(coordinator_ctx, meeting_id).items[0]
    assert stored.decision == "Fictief: eerst een gesprek."


def test_a_change_waits_while_the_form_has_focus_and_shows_once_it_is_left(
    qtbot, coordinator_ctx, clock, wait_idle
) -> None:
    meeting_id, items = _meeting_with_items(coordinator_ctx, 2)
    clock.set(datetime(2026, 4, 15, 11, 0))
    page = _open(qtbot, coordinator_ctx, wait_idle, meeting_id)
    page.tabs.setCurrentIndex(1)
    editor = page.minutes
    page.activateWindow()
    editor.decision.setFocus()
    qtbot.waitUntil(editor.decision.hasFocus, timeout=BOUND_MS)

    meeting_minutes.record_decision(coordinator_ctx, items[0], "Fictief: zaak gesloten.")
    page.apply_changes(_batch("agenda_item", items[0]))
    qtbot.waitUntil(
        lambda: editor.model.row_object(0) is not None
        and editor.model.row_object(0).decision is not None,
        timeout=BOUND_MS,
    )
    assert editor.stack.currentIndex() == 0 and editor.decision.hasFocus()

    editor.view.setFocus()  # the user leaves the form
    qtbot.waitUntil(lambda: editor.stack.currentIndex() == 1, timeout=BOUND_MS)
    assert "zaak gesloten" in editor.decided_text.text()


def test_items_reordered_and_removed_elsewhere_move_in_place_keeping_the_selection(
    qtbot, coordinator_ctx, wait_idle
) -> None:
    meeting_id, items = _meeting_with_items(coordinator_ctx, 3)
    page = _open(qtbot, coordinator_ctx, wait_idle, meeting_id)
    agenda = page.agenda
    agenda.view.select_row(2)
    chosen = agenda.model.row_object(2)
    assert chosen is not None and chosen.item_id == items[2]
    resets: list[int] = []
    agenda.model.modelReset.connect(lambda: resets.append(1))
    moves: list[int] = []
    agenda.model.rowsMoved.connect(lambda *_args: moves.append(1))

    meeting_agenda.reorder_agenda(coordinator_ctx, meeting_id, [items[2], items[0], items[1]])
    meeting_agenda.remove_agenda_item(coordinator_ctx, items[1])
    page.apply_changes(_batch("agenda_item", *items))
    qtbot.waitUntil(lambda: agenda.model.item_ids() == [items[2], items[0]], timeout=BOUND_MS)

    assert resets == [] and moves
    assert [item.position for item in agenda.model.rows] == [1, 2]
    current = agenda.model.row_object(agenda.view.current_row())
    assert current is not None and current.item_id == items[2]
    assert page.minutes.model.item_ids() == [items[2], items[0]]


def test_a_draft_stays_based_on_its_version_when_the_page_reloads_behind_the_feed(
    qtbot, coordinator_ctx, make_actor, clock, wait_idle
) -> None:
    """The desk fell behind the feed (``reload``) while a colleague reordered the agenda
    (every item's version changes): the page reloads the meeting, the draft stays and
    keeps the version it was begun on, as when the change is followed in place, so saving
    it names the colleague's change; saving again applies it. (A reload used to base the
    draft on the reloaded version: the colleague's change was taken as seen.)"""
    meeting_id, items = _meeting_with_items(coordinator_ctx, 2)
    clock.set(datetime(2026, 4, 15, 11, 0))
    page = _open(qtbot, coordinator_ctx, wait_idle, meeting_id)
    page.tabs.setCurrentIndex(1)
    editor = page.minutes
    assert editor.model.row_object(0).item_id == items[0]
    typed = "Fictief: huisbezoek met de wijkagent"
    qtbot.keyClicks(editor.decision, typed)

    colleague = make_actor(Role.COORDINATOR, username="coordinator-bo")
    meeting_agenda.reorder_agenda(colleague, meeting_id, list(reversed(items)))
    page.apply_changes(ChangeBatch((), 99, reload=True))
    qtbot.waitUntil(
        lambda: page.detail is not None and page.detail.items[0].item_id == items[1],
        timeout=BOUND_MS,
    )
    wait_idle()
    assert editor.decision.toPlainText() == typed
    assert editor.changed_notice.isVisibleTo(editor)

    editor.save()
    qtbot.waitUntil(lambda: bool(_error_boxes()), timeout=BOUND_MS)
    message = _error_boxes()[0].text()
    assert message.startswith(
        "Dit agendapunt is intussen gewijzigd door Coordinator-Bo (verplaatst op de agenda"
    ), message
    for box in _error_boxes():
        box.close()
    assert editor.decision.toPlainText() == typed
    editor.save()
    qtbot.waitUntil(
        lambda: meeting_agenda.get_meeting(coordinator_ctx, meeting_id).items[1].decision
        == typed,
        timeout=BOUND_MS,
    )
    assert _error_boxes() == []
