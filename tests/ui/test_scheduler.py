"""The reminder scheduler, the center reacting to it, the notifier and the Vandaag panel.

A fake clock moves time; jobs are run by calling their function directly, or (for the one
test that checks the QtScheduler itself) a job due now is awaited with ``waitSignal``.
Clock start: Wednesday 15 April 2026, 10:00.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from PySide6.QtWidgets import QVBoxLayout, QWidget

from sociaalveilig.core.enums import VisitStatus
from sociaalveilig.services import autobackup, reminder_rules, reminder_state
from sociaalveilig.services.context import FixedClock, ServiceContext
from sociaalveilig.services.reminder_rules import ReminderKind, ScheduledReminder
from sociaalveilig.storage.models import Setting, Visit
from tests.conftest import ADMIN, ADMIN_PASSPHRASE
from tests.services.test_reminders import (
    CONCERN,
    RESIDENT_NAME,
    RESIDENT_STREET,
    add_action,
    add_case,
    add_escalation,
    add_meeting,
    add_visit,
)

from sociaalveilig.ui.clipboard import SecureClipboard
from sociaalveilig.ui.main_window import MainWindow
from sociaalveilig.ui.notifier import FakeNotifier, Notification
from sociaalveilig.ui.pages.base import Page
from sociaalveilig.ui.reminder_panel import ReminderPanel
from sociaalveilig.ui.scheduler import (
    DAILY_JOB,
    REMINDER_PREFIX,
    SYNC_JOB,
    ReminderCenter,
    ReminderScheduler,
    install_reminders,
)
from sociaalveilig.ui.unlock_dialog import UnlockDialog


class Harness:
    def __init__(self, qtbot, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.clock = clock
        self.notifier = FakeNotifier()
        self.scheduler = ReminderScheduler(clock)
        self.center = ReminderCenter(self.scheduler, self.notifier)
        self.panel = ReminderPanel()
        qtbot.addWidget(self.panel)
        self.panel.bind(self.center)
        self.caught_up: list[reminder_state.ReminderSync] = []
        self.center.caught_up.connect(self.caught_up.append)
        self.notices: list[str] = []
        self.center.notice.connect(self.notices.append)

    def wait(self) -> None:
        self.qtbot.waitUntil(lambda: not self.center.busy, timeout=20_000)

    def attach(self, ctx: ServiceContext) -> None:
        self.center.attach(ctx)
        self.wait()

    def run(self, job_id: str) -> None:
        self.scheduler.run_job_now(job_id)
        self.wait()

    def texts(self) -> list[str]:
        return [f"{n.title} | {n.text}" for n in self.notifier.notes]

    def panel_keys(self) -> list[str]:
        return [r.key for r in self.panel.reminders()]


@pytest.fixture
def harness(qtbot, clock: FixedClock) -> Iterator[Harness]:  # type: ignore[no-untyped-def]
    h = Harness(qtbot, clock)
    yield h
    h.wait()
    h.center.shutdown()


def key(kind: ReminderKind, object_id: str) -> str:
    return reminder_rules.reminder_key(kind, object_id)


def _assert_clean(notes: list[Notification]) -> None:
    for note in notes:
        for secret in (RESIDENT_NAME, RESIDENT_STREET, CONCERN):
            assert secret not in note.title and secret not in note.text


# --------------------------------------------------------------------------- the scheduler


def test_a_job_only_emits_its_signal(qtbot, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    scheduler = ReminderScheduler(clock)
    scheduler.start()
    try:
        later = clock.now() + timedelta(hours=5)
        scheduler.plan(
            [
                ScheduledReminder("action_overdue:a", clock.now()),
                ScheduledReminder("action_overdue:b", later),
            ]
        )
        with qtbot.waitSignal(scheduler.reminder_due, timeout=5000) as blocker:
            pass
        assert blocker.args == ["action_overdue:a"]
        # The job due now ran (and is gone); the later one waits five hours of wall time.
        assert scheduler.planned() == {"action_overdue:b": later}
        wall = scheduler.next_run_wall(REMINDER_PREFIX + "action_overdue:b")
        assert wall is not None
        assert (
            timedelta(hours=4, minutes=59)
            < wall - scheduler.to_wall(clock.now())
            <= (timedelta(hours=5))
        )
        with qtbot.waitSignal(scheduler.sync_due, timeout=1000):
            scheduler.run_job_now(SYNC_JOB)
        with qtbot.waitSignal(scheduler.daily_due, timeout=1000):
            scheduler.run_job_now(DAILY_JOB)
    finally:
        scheduler.shutdown()


def test_planning_counts_real_time_across_the_dst_change(qtbot) -> None:  # type: ignore[no-untyped-def]
    clock = FixedClock(datetime(2026, 10, 25, 1, 0))  # the night summer time ends
    wall = datetime(2026, 10, 24, 23, 0, tzinfo=UTC)
    scheduler = ReminderScheduler(clock, wall=lambda: wall)
    # 01:00 to 08:00 local that night is eight real hours (03:00 happens twice).
    assert scheduler.to_wall(datetime(2026, 10, 25, 8, 0)) - wall == timedelta(hours=8)
    assert scheduler.next_daily() == datetime(2026, 10, 25, 7, 30)


def test_lock_removes_every_job_and_unlock_rebuilds_them(
    harness: Harness, coordinator_ctx: ServiceContext
) -> None:
    case_id, _ = add_case(coordinator_ctx)
    visit = add_visit(coordinator_ctx, case_id, datetime(2026, 4, 17, 14, 0))
    tomorrow = REMINDER_PREFIX + key(ReminderKind.VISIT_TOMORROW, visit)

    harness.attach(coordinator_ctx)
    assert harness.scheduler.job_ids() == sorted([DAILY_JOB, SYNC_JOB, tomorrow])
    assert harness.scheduler.planned() == {
        key(ReminderKind.VISIT_TOMORROW, visit): datetime(2026, 4, 16, 8, 0)
    }

    harness.center.detach()
    assert harness.scheduler.job_ids() == []
    assert harness.panel.reminders() == []

    harness.attach(coordinator_ctx)
    assert harness.scheduler.job_ids() == sorted([DAILY_JOB, SYNC_JOB, tomorrow])


def test_each_reminder_fires_once_when_its_job_runs(
    harness: Harness, coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    case_id, case_ref = add_case(coordinator_ctx)
    visit = add_visit(coordinator_ctx, case_id, datetime(2026, 4, 17, 14, 0))
    harness.attach(coordinator_ctx)
    assert harness.notifier.notes == []

    clock.set(datetime(2026, 4, 16, 8, 0))
    harness.run(REMINDER_PREFIX + key(ReminderKind.VISIT_TOMORROW, visit))
    assert len(harness.notifier.notes) == 1
    note = harness.notifier.notes[0]
    assert note.title == ReminderKind.VISIT_TOMORROW.label
    assert case_ref in note.text and "vr 17-04-2026 14:00" in note.text
    assert harness.panel_keys() == [key(ReminderKind.VISIT_TOMORROW, visit)]

    # The 15-minute sync and another run of the job do not repeat it.
    harness.run(SYNC_JOB)
    harness.center.work_changed()
    harness.wait()
    assert len(harness.notifier.notes) == 1

    clock.set(datetime(2026, 4, 17, 13, 0))
    harness.run(SYNC_JOB)
    assert [n.title for n in harness.notifier.notes] == [
        ReminderKind.VISIT_TOMORROW.label,
        ReminderKind.VISIT_SOON.label,
    ]
    _assert_clean(harness.notifier.notes)


def test_resync_after_a_change_moves_or_removes_the_job(
    harness: Harness, coordinator_ctx: ServiceContext
) -> None:
    case_id, _ = add_case(coordinator_ctx)
    visit = add_visit(coordinator_ctx, case_id, datetime(2026, 4, 17, 14, 0))
    harness.attach(coordinator_ctx)
    tomorrow = key(ReminderKind.VISIT_TOMORROW, visit)
    soon = key(ReminderKind.VISIT_SOON, visit)
    assert harness.scheduler.planned() == {tomorrow: datetime(2026, 4, 16, 8, 0)}
    first_wall = harness.scheduler.next_run_wall(REMINDER_PREFIX + tomorrow)

    # Moved to tomorrow 11:00: "tomorrow" is due at once, the one-hour job moves in.
    with coordinator_ctx.unit() as session:
        row = session.get(Visit, visit)
        assert row is not None
        row.planned_start = datetime(2026, 4, 16, 11, 0)
        row.planned_end = datetime(2026, 4, 16, 12, 0)
    harness.center.work_changed()
    harness.wait()
    assert harness.scheduler.planned() == {soon: datetime(2026, 4, 16, 10, 0)}
    assert harness.scheduler.next_run_wall(REMINDER_PREFIX + tomorrow) is None
    moved_wall = harness.scheduler.next_run_wall(REMINDER_PREFIX + soon)
    assert first_wall is not None and moved_wall is not None
    assert abs(moved_wall - first_wall - timedelta(hours=2)) < timedelta(minutes=1)
    assert [n.title for n in harness.notifier.notes] == [ReminderKind.VISIT_TOMORROW.label]

    # Cancelled: its job is removed and nothing more comes.
    with coordinator_ctx.unit() as session:
        row = session.get(Visit, visit)
        assert row is not None
        row.status = str(VisitStatus.GEANNULEERD)
    harness.center.work_changed()
    harness.wait()
    assert harness.scheduler.planned() == {}
    assert harness.scheduler.job_ids() == sorted([DAILY_JOB, SYNC_JOB])
    assert harness.panel.reminders() == []


def test_snooze_and_done_from_the_panel(
    harness: Harness, coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    case_id, _ = add_case(coordinator_ctx)
    action_id, _ = add_action(coordinator_ctx, case_id, date(2026, 4, 14))
    overdue = key(ReminderKind.ACTION_OVERDUE, action_id)
    harness.attach(coordinator_ctx)
    assert harness.panel_keys() == [overdue]
    assert len(harness.notifier.notes) == 1

    assert harness.panel.select(overdue)
    labels = [label for label, _ in harness.panel.snooze_options()]
    assert "1 uur" in labels
    harness.panel.snooze_selected(datetime(2026, 4, 15, 11, 0))
    harness.wait()
    assert harness.panel.reminders() == []
    assert harness.scheduler.planned() == {overdue: datetime(2026, 4, 15, 11, 0)}

    clock.set(datetime(2026, 4, 15, 11, 0))
    harness.run(REMINDER_PREFIX + overdue)
    assert harness.panel_keys() == [overdue]
    assert len(harness.notifier.notes) == 2

    assert harness.panel.select(overdue)
    harness.panel.hide_selected()
    harness.wait()
    assert harness.panel.reminders() == []
    clock.set(datetime(2026, 4, 16, 9, 0))
    harness.run(SYNC_JOB)
    assert harness.panel.reminders() == [] and len(harness.notifier.notes) == 2


def test_catch_up_after_a_closed_week_lists_every_missed_reminder_once(
    harness: Harness, coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    clock.set(datetime(2026, 4, 13, 17, 0))
    case_id, _ = add_case(coordinator_ctx)
    visit = add_visit(coordinator_ctx, case_id, datetime(2026, 4, 15, 14, 0))
    action_id, _ = add_action(coordinator_ctx, case_id, date(2026, 4, 16))
    meeting = add_meeting(coordinator_ctx, datetime(2026, 4, 17, 10, 0))
    esc_id, _ = add_escalation(coordinator_ctx, case_id, datetime(2026, 4, 3, 12, 0))
    harness.attach(coordinator_ctx)
    assert harness.caught_up == [] and harness.notifier.notes == []
    harness.center.detach()  # the laptop is closed (locked) for a week

    clock.set(datetime(2026, 4, 20, 9, 0))
    harness.attach(coordinator_ctx)
    assert len(harness.caught_up) == 1
    listed = [r.key for r in harness.caught_up[0].caught_up]
    expected = {
        key(ReminderKind.VISIT_TOMORROW, visit),
        key(ReminderKind.VISIT_SOON, visit),
        key(ReminderKind.VISIT_NO_OUTCOME, visit),
        key(ReminderKind.ACTION_DUE_TODAY, action_id),
        key(ReminderKind.ACTION_OVERDUE, action_id),
        key(ReminderKind.MEETING_AGENDA, meeting),
        key(ReminderKind.ESCALATION_STALE, esc_id),
    }
    assert len(listed) == len(set(listed)) and set(listed) == expected
    # Coalesced into one notification, not seven pop-ups, and none dropped from the list.
    assert len(harness.notifier.notes) == 1
    assert "7 herinneringen" in harness.notifier.notes[0].title
    assert harness.panel.catch_up_box.isVisibleTo(harness.panel)
    assert harness.panel.catch_up_list.topLevelItemCount() == 7
    assert set(harness.panel_keys()) == {
        key(ReminderKind.VISIT_NO_OUTCOME, visit),
        key(ReminderKind.ACTION_OVERDUE, action_id),
        key(ReminderKind.ESCALATION_STALE, esc_id),
    }
    _assert_clean(harness.notifier.notes)

    # Locking empties the panel, catch-up list included; unlocking again lists nothing twice.
    harness.center.detach()
    assert not harness.panel.catch_up_box.isVisibleTo(harness.panel)
    assert harness.panel.catch_up_list.topLevelItemCount() == 0
    harness.attach(coordinator_ctx)
    assert len(harness.caught_up) == 1 and len(harness.notifier.notes) == 1


def test_clock_turned_back_is_a_notice_without_duplicates(
    harness: Harness, coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    case_id, _ = add_case(coordinator_ctx)
    add_action(coordinator_ctx, case_id, date(2026, 4, 14))
    harness.attach(coordinator_ctx)
    assert len(harness.notifier.notes) == 1
    harness.center.detach()
    clock.set(datetime(2026, 4, 14, 10, 0))  # a day back
    harness.attach(coordinator_ctx)
    assert len(harness.notices) == 1 and "teruggezet" in harness.notices[0]
    assert harness.panel.notice_label.isVisibleTo(harness.panel)
    reminders_notes = [n for n in harness.notifier.notes if not n.warning]
    assert len(reminders_notes) == 1  # the overdue action was not announced again


def test_daily_job_backup_failure_is_a_warning_until_the_next_good_one(
    harness: Harness,
    admin_ctx: ServiceContext,
    coordinator_ctx: ServiceContext,
    clock: FixedClock,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    autobackup.configure(admin_ctx, folder, keep=2)

    harness.attach(coordinator_ctx)  # unlock runs the daily jobs that are due
    assert len(autobackup.backup_files(folder)) == 1
    assert not harness.panel.backup_banner.isVisibleTo(harness.panel)
    with coordinator_ctx.unit() as session:
        purged = session.get(Setting, "retention.last_purge")
        assert purged is not None and purged.value == "2026-04-15"
    assert harness.scheduler.next_daily() == datetime(2026, 4, 16, 7, 30)

    clock.set(datetime(2026, 4, 16, 7, 30))
    folder.rename(tmp_path / "weg")
    harness.run(DAILY_JOB)
    assert harness.panel.backup_banner.isVisibleTo(harness.panel)
    assert "mislukt" in harness.panel.backup_banner.text()
    warnings = [n for n in harness.notifier.notes if n.warning]
    assert len(warnings) == 1 and "bestaat niet" in warnings[0].text
    assert DAILY_JOB in harness.scheduler.job_ids()  # planned again for the next day

    # Still failing at the next unlock: the warning stays.
    harness.center.detach()
    assert not harness.panel.backup_banner.isVisibleTo(harness.panel)
    harness.attach(coordinator_ctx)
    assert harness.panel.backup_banner.isVisibleTo(harness.panel)

    (tmp_path / "weg").rename(folder)
    clock.set(datetime(2026, 4, 16, 9, 0))
    harness.run(DAILY_JOB)
    assert not harness.panel.backup_banner.isVisibleTo(harness.panel)
    assert len(autobackup.backup_files(folder)) == 2
    with coordinator_ctx.unit() as session:
        assert (
            session.execute(
                select(Setting.value).where(Setting.key == autobackup.LAST_ERROR_KEY)
            ).first()
            is None
        )


def test_panel_clears_on_lock(harness: Harness, coordinator_ctx: ServiceContext) -> None:
    case_id, _ = add_case(coordinator_ctx)
    add_action(coordinator_ctx, case_id, date(2026, 4, 14))
    harness.attach(coordinator_ctx)
    assert harness.panel.list.topLevelItemCount() == 1
    harness.center.detach()
    assert harness.panel.list.topLevelItemCount() == 0
    harness.panel.clear()
    assert harness.panel.empty_label.isVisibleTo(harness.panel)


# --------------------------------------------------------------------------- in the window


class FakeTodayPage(Page):
    """Stands in for Vandaag: embeds the reminder panel as the real page should."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = ReminderPanel(self)
        QVBoxLayout(self).addWidget(self.panel)
        self.centers: list[ReminderCenter] = []

    def title(self) -> str:
        return "Vandaag"

    def refresh(self) -> None:
        pass

    def clear(self) -> None:
        self.panel.clear()

    def set_reminder_center(self, center: ReminderCenter) -> None:
        self.centers.append(center)
        self.panel.bind(center)


def test_install_reminders_follows_the_window_lock(  # type: ignore[no-untyped-def]
    qtbot, store_dir, clock: FixedClock, ui_settings, wait_idle
) -> None:
    from sociaalveilig.services import setup

    ctx = setup.login(store_dir, ADMIN, ADMIN_PASSPHRASE, clock)
    coordinator = _coordinator_on(ctx)
    case_id, _ = add_case(coordinator)
    action_id, _ = add_action(coordinator, case_id, date(2026, 4, 14))
    coordinator_ctx = ctx.with_actor(coordinator.actor)

    window = MainWindow(coordinator_ctx, ui_settings, SecureClipboard(), pages=[FakeTodayPage])
    qtbot.addWidget(window)
    notifier = FakeNotifier()
    center = install_reminders(window, coordinator_ctx, notifier=notifier)
    page = window.page("FakeTodayPage")
    assert isinstance(page, FakeTodayPage) and page.centers == [center]
    qtbot.waitUntil(lambda: not center.busy, timeout=20_000)
    assert [r.key for r in page.panel.reminders()] == [key(ReminderKind.ACTION_OVERDUE, action_id)]
    assert SYNC_JOB in center.scheduler.job_ids()

    # Work changed on a page: re-synced (the action is done, its reminder goes).
    with coordinator_ctx.unit() as session:
        from sociaalveilig.storage.models import Action

        row = session.get(Action, action_id)
        assert row is not None
        row.status = "afgerond"
    page.data_changed.emit()
    qtbot.waitUntil(lambda: not center.busy, timeout=20_000)
    assert page.panel.reminders() == []

    window.lock()
    assert center.scheduler.job_ids() == []
    assert center.context is None
    wait_idle()
    assert window.findChild(UnlockDialog) is not None
    again = setup.login(store_dir, ADMIN, ADMIN_PASSPHRASE, clock)
    try:
        window.unlock_with(again.with_actor(coordinator.actor))
        qtbot.waitUntil(lambda: not center.busy, timeout=20_000)
        assert center.context is not None
        assert sorted([DAILY_JOB, SYNC_JOB]) == center.scheduler.job_ids()
        assert page.centers == [center]  # wired once, not again at every unlock
    finally:
        center.shutdown()
        window.close()


def _coordinator_on(ctx: ServiceContext) -> ServiceContext:
    from sociaalveilig.core.enums import Role
    from sociaalveilig.services.context import Actor
    from sociaalveilig.storage.models import User

    with ctx.unit() as session:
        user = User(
            username="coordinator",
            display_name="Coordinator",
            role=Role.COORDINATOR.value,
            active=True,
            created_at=datetime(2026, 4, 1),
        )
        session.add(user)
        session.flush()
        actor = Actor(user.id, user.username, user.display_name, Role.COORDINATOR)
    return ctx.with_actor(actor)
