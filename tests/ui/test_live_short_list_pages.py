"""The Opschalingen and Overleggen pages follow another desk's changes in place (what the
window hands them from a centre's feed, here given straight to the page on a desk's own
store): the changed rows under the page's filter, the others untouched, the selection
kept, nothing reloaded."""

from __future__ import annotations

from datetime import datetime

from sociaalveilig.core.enums import EscalationStatus, EscalationTarget, MeetingType
from sociaalveilig.services import escalations, meeting_agenda, meeting_planning
from sociaalveilig.services.live import ChangeBatch, FeedChange
from tests.services.seed_casework import KERKRADE, make_case, partner_id
from tests.ui.fakes import FakeDocumentOutput

from sociaalveilig.ui.pages.escalations import EscalationsPage
from sociaalveilig.ui.pages.meetings import MeetingsPage

POLICE = "Politie Limburg"
HOUSING = "Woningcorporatie"


def _batch(kind: str, *ids: str) -> ChangeBatch:
    return ChangeBatch(tuple(FeedChange(n, kind, i) for n, i in enumerate(ids, 1)), len(ids))


def _shown(page) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {page.model.row_id(row): row for row in page.model.rows}


def test_escalations_come_and_go_in_place_under_the_filter(
    qtbot, coordinator_ctx, wait_idle
) -> None:
    made = [
        escalations.escalate(coordinator_ctx, make_case(coordinator_ctx, number=n),
                             EscalationTarget.RIEC, "Fictief: ondermijning vermoed.")
        for n in (1, 2)
    ]
    page = EscalationsPage()
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    page.set_context(coordinator_ctx)
    wait_idle()
    before = _shown(page)
    assert set(before) == {e.escalation_id for e in made}
    page.view.select_row(page.model.row_of(made[0].escalation_id))
    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(1))

    # Elsewhere: a third case escalated (newest: on top), the first one closed.
    newest = escalations.escalate(coordinator_ctx, make_case(coordinator_ctx, number=3),
                                  EscalationTarget.RIEC, "Fictief: hennep aangetroffen.")
    escalations.change_escalation_status(
        coordinator_ctx, made[1].escalation_id, EscalationStatus.AFGESLOTEN
    )
    page.apply_changes(_batch("escalation", newest.escalation_id, made[1].escalation_id))
    qtbot.waitUntil(lambda: page.model.row_of(newest.escalation_id) == 0, timeout=10_000)

    assert page.model.row_of(made[1].escalation_id) < 0  # closed: not in "open"
    assert resets == []
    assert page.model.row_object(page.model.row_of(made[0].escalation_id)) is before[
        made[0].escalation_id
    ]
    chosen = page.selected()
    assert chosen is not None and chosen.escalation_id == made[0].escalation_id
    assert page.count_label.text() == "2 opschalingen"


def test_a_meeting_moved_elsewhere_moves_to_its_time_in_the_month(
    qtbot, coordinator_ctx, wait_idle
) -> None:
    partners = [partner_id(coordinator_ctx, POLICE), partner_id(coordinator_ctx, HOUSING)]

    def plan(day: int) -> meeting_planning.MeetingInfo:
        return meeting_planning.plan_meeting(
            coordinator_ctx, KERKRADE, MeetingType.FL, datetime(2026, 4, day, 10, 30),
            "Coördinatiecentrum Hoensbroek", partners,
        )

    first, second, third = plan(16), plan(20), plan(24)
    page = MeetingsPage(output=FakeDocumentOutput())
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    page.set_context(coordinator_ctx)
    wait_idle()
    assert [m.meeting_id for m in page.model.rows] == [
        first.meeting_id, second.meeting_id, third.meeting_id
    ]
    page.view.select_row(page.model.row_of(second.meeting_id))
    wait_idle()  # the chosen meeting's detail also refreshes its row
    before = _shown(page)
    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(1))

    meeting_planning.move_meeting(coordinator_ctx, first.meeting_id, datetime(2026, 4, 28, 9))
    added = plan(22)
    page.apply_changes(_batch("meeting", first.meeting_id, added.meeting_id))
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=10_000)

    assert [m.meeting_id for m in page.model.rows] == [
        second.meeting_id, added.meeting_id, third.meeting_id, first.meeting_id
    ]
    assert resets == []
    assert page.model.row_object(0) is before[second.meeting_id]
    assert page.selected() is before[second.meeting_id]


def test_an_agenda_item_added_elsewhere_shows_in_the_meetings_count(
    qtbot, coordinator_ctx, wait_idle
) -> None:
    partners = [partner_id(coordinator_ctx, POLICE), partner_id(coordinator_ctx, HOUSING)]
    info = meeting_planning.plan_meeting(
        coordinator_ctx, KERKRADE, MeetingType.FL, datetime(2026, 4, 16, 10, 30),
        "Coördinatiecentrum Hoensbroek", partners,
    )
    page = MeetingsPage(output=FakeDocumentOutput())
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    page.set_context(coordinator_ctx)
    wait_idle()
    assert page.model.row_object(0).item_count == 0

    detail = meeting_agenda.add_agenda_item(
        coordinator_ctx, info.meeting_id, case_id=make_case(coordinator_ctx)
    )
    page.apply_changes(_batch("agenda_item", detail.items[0].item_id))
    qtbot.waitUntil(lambda: page.model.row_object(0).item_count == 1, timeout=10_000)
