"""Vandaag as a coordinator sees it at 1366×768: the reminders wrap inside their narrow
panel instead of being cut off, the worklists don't repeat the reference in "Wat", and the
lists share the height by how full they are."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QRect, Qt

from sociaalveilig.services import signal_intake
from sociaalveilig.services.reminder_rules import Reminder, ReminderKind
from sociaalveilig.services.worklist import WorkItem, WorkKind
from tests.ui.builders import register

from sociaalveilig.ui.models.worklist import COL_AREA, COL_TITLE, WorkItemModel, work_summary
from sociaalveilig.ui.pages.today import TodayPage, section_weights
from sociaalveilig.ui.reminder_panel import DETAIL_ROLE, ReminderPanel

LONG_AREA = "Stedelijk lint Schaesberg – Oud Nieuwenhagen – Lauradorp"


def _reminder(n: int, kind: ReminderKind, area: str, when: datetime) -> Reminder:
    return Reminder(
        key=f"key-{n}",
        kind=kind,
        fingerprint="f",
        due_at=when,
        expires_at=None,
        object_id=f"object-{n}",
        reference=f"A-2026-{n:05d}",
        case_id=f"case-{n}",
        case_reference=f"C-2026-{n:05d}",
        area=area,
        event_at=when,
    )


REMINDERS = [
    _reminder(1, ReminderKind.ACTION_OVERDUE, LONG_AREA, datetime(2026, 10, 12, 9, 0)),
    _reminder(
        2,
        ReminderKind.ESCALATION_STALE,
        "Heerlen Noord (incl. Hoensbroek)",
        datetime(2026, 11, 10, 14, 0),
    ),
    _reminder(3, ReminderKind.CASE_REVIEW, "Nuth", datetime(2026, 11, 16, 0, 0)),
]


def _wrapped_height(tree, text: str, bold: bool) -> int:
    font = tree.font()
    font.setBold(bold)
    from PySide6.QtGui import QFontMetrics

    bounds = QRect(0, 0, tree.viewport().width() - 8, 10_000)
    return QFontMetrics(font).boundingRect(bounds, Qt.TextFlag.TextWordWrap, text).height()


def test_reminders_wrap_inside_a_narrow_panel(qtbot):
    panel = ReminderPanel()
    qtbot.addWidget(panel)
    panel.resize(280, 600)
    panel.show()
    panel.set_reminders(REMINDERS)
    tree = panel.list
    qtbot.waitUntil(lambda: tree.visualItemRect(tree.topLevelItem(0)).height() > 0)

    # Nothing runs off to the right: one column as wide as the list, no side scrolling.
    assert tree.header().length() <= tree.viewport().width()
    assert tree.horizontalScrollBar().maximum() == 0
    for row, reminder in enumerate(REMINDERS):
        item = tree.topLevelItem(row)
        assert item.text(0) == reminder.title
        assert item.data(0, DETAIL_ROLE) == reminder.text
        assert item.toolTip(0) == reminder.advice
        rect = tree.visualItemRect(item)
        assert rect.right() <= tree.viewport().width()
        # The row is tall enough for the kind and the wrapped reference/area/time line.
        needed = _wrapped_height(tree, reminder.title, True) + _wrapped_height(
            tree, reminder.text, False
        )
        assert rect.height() >= needed

    # A wider panel needs fewer lines: the rows are laid out again.
    narrow = tree.visualItemRect(tree.topLevelItem(0)).height()
    panel.resize(520, 600)
    qtbot.waitUntil(lambda: tree.visualItemRect(tree.topLevelItem(0)).height() < narrow)


def test_reminder_selection_survives_an_update_and_opens_the_case(qtbot):
    panel = ReminderPanel()
    qtbot.addWidget(panel)
    panel.set_reminders(REMINDERS)
    assert panel.select("key-2")
    panel.set_reminders(list(reversed(REMINDERS)))
    assert panel.selected_key() == "key-2"
    with qtbot.waitSignal(panel.open_requested) as opened:
        tree = panel.list
        tree.itemActivated.emit(tree.currentItem(), 0)
    assert opened.args[0].key == "key-2" and opened.args[0].case_id == "case-2"


def test_worklist_what_column_does_not_repeat_kind_and_reference():
    def item(kind: WorkKind, reference: str, title: str) -> WorkItem:
        return WorkItem(kind, "id", reference, title, date(2026, 11, 26), None, 0)

    signal = item(WorkKind.SIGNAL, "S-2026-000012", "Signaal S-2026-000012: Woonoverlast, Nepweg")
    review = item(WorkKind.REVIEW, "C-2026-00004", "Evaluatie casus C-2026-00004 (risico hoog)")
    visit = item(
        WorkKind.VISIT, "C-2026-00009", "Huisbezoek Nepweg 3 om 09:30 (casus C-2026-00009)"
    )
    assert work_summary(signal) == "Woonoverlast, Nepweg"
    assert work_summary(review) == "Risico hoog"
    assert work_summary(visit) == visit.title  # no repeated prefix: shown as it is

    model = WorkItemModel()
    model.set_rows([signal])
    index = model.index(0, COL_TITLE)
    assert index.data() == "Woonoverlast, Nepweg"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == signal.title
    area = model.index(0, COL_AREA)
    assert area.data() == "geen"  # outside the focus areas, said plainly (not a blank)
    assert area.data(Qt.ItemDataRole.ToolTipRole) == "Geen focusgebied"


def test_section_weights_give_an_empty_list_little_room():
    late, week, triage = section_weights((346, 0, 7))
    assert week < triage < late
    assert section_weights((0, 0, 0)) == [3, 3, 3]


def test_today_lists_share_the_height_by_content(qtbot, coordinator_ctx, clock, wait_idle):
    for number in range(1, 9):
        register(
            coordinator_ctx,
            received=clock.now() - timedelta(days=40),
            number=number,
            choice=signal_intake.NO_CASE,
        )
    page = TodayPage()
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.set_context(coordinator_ctx)
    qtbot.waitUntil(lambda: page.overdue_model.rowCount() >= 8, timeout=10_000)
    wait_idle()
    assert page.week_model.rowCount() == 0
    late, week, _triage = page.sections_splitter.sizes()
    assert late > 2 * week  # the empty "Deze week" does not take a third of the page

    # Once the user drags a divider, their choice stays.
    page._sections_moved(0, 1)
    page.sections_splitter.setSizes([100, 400, 100])
    chosen = page.sections_splitter.sizes()
    page.refresh()
    wait_idle()
    assert page.sections_splitter.sizes() == chosen
