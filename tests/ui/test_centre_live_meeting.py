"""The open meeting stays current on a centre: while the chair has a meeting open in
Overleggen, what the secretary's desk puts on its agenda or decides there shows in the
open detail in place, and minutes the chair is writing are neither replaced nor silently
overwritten (a real server on 127.0.0.1 over a cloned database; the chair's window
follows the change feed)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from sociaalveilig.core.enums import MeetingType
from sociaalveilig.services import meeting_agenda, meeting_minutes, meeting_planning, remote, setup
from sociaalveilig.services.context import FixedClock, SystemClock
from tests.services.seed_casework import KERKRADE, make_case, partner_id
from tests.ui.centre_kit import COORDINATOR, PASSPHRASE, SECOND, CentreDesk, CentreServer

from sociaalveilig.ui.pages.meetings import MeetingsPage

BOUND_MS = 20_000


def _error_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()
    ]


def test_the_open_meeting_follows_the_secretarys_desk(
    desks: CentreDesk, centre_server: CentreServer
) -> None:
    # The test's preparation, straight on the database: a meeting that began half an hour
    # ago with one case on its agenda, and two more cases.
    prep = setup.context_for(centre_server.store, COORDINATOR)
    starts = SystemClock().now().replace(second=0, microsecond=0) - timedelta(minutes=30)
    planner = setup.context_for(
        centre_server.store, COORDINATOR, FixedClock(starts - timedelta(days=7))
    )  # planned a week ago
    meeting = meeting_planning.plan_meeting(
        planner, KERKRADE, MeetingType.FL, starts, "Coördinatiecentrum Hoensbroek",
        [partner_id(prep, "Politie Limburg"), partner_id(prep, "Woningcorporatie")],
    )
    meeting_id = meeting.meeting_id
    first = make_case(prep, number=1)
    second, third = make_case(prep, number=2), make_case(prep, number=3)
    meeting_agenda.add_agenda_item(prep, meeting_id, case_id=first)

    window = desks.open_window(COORDINATOR)
    page = desks.go(window, "Overleggen")
    assert isinstance(page, MeetingsPage)
    page.show_month_of(starts.date(), meeting_id)
    desks.qtbot.waitUntil(
        lambda: page.detail is not None and page.detail.meeting.meeting_id == meeting_id,
        timeout=BOUND_MS,
    )
    desks.wait_idle()
    assert window.live_feed.follower is not None
    assert window.live_feed.follower.started.wait(BOUND_MS / 1000)
    agenda = page.agenda
    agenda.view.select_row(0)
    first_row = agenda.model.row_object(0)
    resets: list[int] = []
    agenda.model.modelReset.connect(lambda: resets.append(1))
    page.minutes.model.modelReset.connect(lambda: resets.append(2))

    secretary = remote.connect(desks.server.url, SECOND, PASSPHRASE)
    try:
        # The secretary puts two more cases on the agenda: the rows appear here in place.
        for case_id in (second, third):
            added = meeting_agenda.add_agenda_item(secretary, meeting_id, case_id=case_id)
        items = [item.item_id for item in added.items]
        desks.qtbot.waitUntil(lambda: agenda.model.item_ids() == items, timeout=BOUND_MS)
        assert resets == []
        assert agenda.model.row_object(0) is first_row
        assert agenda.model.row_object(agenda.view.current_row()) is first_row

        # ... and decides on the second item: the decision shows here.
        meeting_minutes.record_decision(
            secretary, items[1], "Fictief: gezamenlijk huisbezoek volgende week."
        )
        desks.qtbot.waitUntil(
            lambda: (row := agenda.model.row_object(1)) is not None
            and row.decision is not None,
            timeout=BOUND_MS,
        )
        page.tabs.setCurrentIndex(1)
        editor = page.minutes
        editor.view.select_row(1)
        assert "gezamenlijk huisbezoek" in editor.decided_text.text()
        shots = os.environ.get("SV_JOURNEY_SHOTS")
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            page.grab().save(str(Path(shots) / "meeting-followed.png"))

        # The chair writes the minutes of the first item while the secretary decides it.
        editor.view.select_row(0)
        window.activateWindow()
        editor.decision.setFocus()
        desks.qtbot.waitUntil(editor.decision.hasFocus, timeout=BOUND_MS)
        typed = "Fictief: handhavingstraject starten"
        desks.qtbot.keyClicks(editor.decision, typed)
        meeting_minutes.record_decision(secretary, items[0], "Fictief: eerst een gesprek.")
    finally:
        remote.end_session(secretary)

    desks.qtbot.waitUntil(
        lambda: (row := editor.model.row_object(0)) is not None and row.decision is not None,
        timeout=BOUND_MS,
    )
    assert editor.changed_notice.isVisibleTo(editor)
    assert editor.decision.toPlainText() == typed
    assert editor.decision.textCursor().position() == len(typed)
    assert editor.decision.hasFocus()
    assert resets == []

    editor.save()
    desks.qtbot.waitUntil(lambda: bool(_error_boxes()), timeout=BOUND_MS)
    message = _error_boxes()[0].text()
    assert message.startswith("Dit agendapunt is intussen gewijzigd door Bo Coördinator"), message
    for box in _error_boxes():
        box.close()
    assert editor.decision.toPlainText() == typed
    stored = meeting_agenda.get_meeting(prep, meeting_id).items[0]
    assert stored.decision == "Fictief: eerst een gesprek."
