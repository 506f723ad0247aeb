"""The reminder scheduler: APScheduler's ``QtScheduler`` with jobs rebuilt from the rows.

After Vorta's scheduler: no job holds state of its own. At unlock the jobs are built from
what ``services.reminder_state.sync`` says is coming; they are re-synced when work changes
and every 15 minutes; on lock every job is removed. A job does one thing: it emits a Qt
signal. ``ReminderCenter`` (the window's side) reacts: it asks the services what is due
(off the GUI thread), marks it fired, shows notifications and feeds the Vandaag list.

- ``ReminderScheduler``: the QtScheduler (memory job store, jobs run in the GUI thread's
  event loop through the debug executor, since all they do is emit). Times are planned on
  the injectable clock: a reminder due at clock time T is run at wall time
  ``now_wall + (T - clock.now())``, so tests and demos with a moved clock work; tests call
  a job's function directly (``run_job_now``) instead of waiting.
- ``ReminderCenter``: catch-up at unlock, notifications (without case content), snooze
  and done, and the daily jobs (retention purge, automatic backup) with the backup warning.

Missed run times are coalesced, never dropped (``misfire_grace_time=None``): a job due
while the laptop slept runs once when it wakes, and the sync lists what it missed.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from apscheduler.executors.debug import DebugExecutor
from apscheduler.jobstores.base import JobLookupError
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.base import STATE_PAUSED, STATE_RUNNING, STATE_STOPPED
from apscheduler.schedulers.qt import QtScheduler
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import SociaalVeiligError
from sociaalveilig.services import autobackup, reminder_state, remote
from sociaalveilig.services.autobackup import AutoBackupResult, AutoBackupStatus
from sociaalveilig.services.context import LOCAL_ZONE, Clock, ServiceContext
from sociaalveilig.services.reminder_rules import ScheduledReminder
from sociaalveilig.services.reminder_state import ReminderSync

from sociaalveilig.ui import errors, operations
from sociaalveilig.ui.notifier import (
    Notifier,
    catch_up_notification,
    notifications_for,
    warning_notification,
)

if TYPE_CHECKING:
    from sociaalveilig.ui.main_window import MainWindow

log = logging.getLogger(__name__)

SYNC_MINUTES = 15
DAILY_AT = time(7, 30)
REMINDER_PREFIX = "reminder:"
SYNC_JOB = "sync"
DAILY_JOB = "daily"
_DAILY_ROLES = (Role.BEHEERDER, Role.COORDINATOR)


def _t(text: str) -> str:
    return QCoreApplication.translate("scheduler", text)


def _wall_now() -> datetime:
    return datetime.now(UTC)


def _as_utc(local: datetime) -> datetime:
    """A naive local time as aware UTC, so a span across a DST change counts real time."""
    return local.replace(tzinfo=LOCAL_ZONE).astimezone(UTC)


class ReminderScheduler(QObject):
    """Owns the QtScheduler; its jobs only emit these signals."""

    reminder_due = Signal(str)  # reminder key
    sync_due = Signal()
    daily_due = Signal()

    def __init__(
        self,
        clock: Clock,
        parent: QObject | None = None,
        *,
        wall: Callable[[], datetime] = _wall_now,
        sync_minutes: int = SYNC_MINUTES,
        daily_at: time = DAILY_AT,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._wall = wall
        self._sync_minutes = sync_minutes
        self._daily_at = daily_at
        self._planned: dict[str, datetime] = {}
        self._scheduler = QtScheduler(
            jobstores={"default": MemoryJobStore()},
            executors={"default": DebugExecutor()},
            job_defaults={"coalesce": True, "misfire_grace_time": None, "max_instances": 1},
            timezone=UTC,
        )

    # ------------------------------------------------------------------ clock

    def set_clock(self, clock: Clock) -> None:
        self._clock = clock

    @property
    def clock(self) -> Clock:
        return self._clock

    def to_wall(self, local: datetime) -> datetime:
        """The wall-clock (UTC) moment at which clock time ``local`` comes."""
        return self._wall() + (_as_utc(local) - _as_utc(self._clock.now()))

    def next_daily(self) -> datetime:
        """The next daily run in clock time (today's if still ahead, else tomorrow's)."""
        now = self._clock.now()
        today_run = datetime.combine(now.date(), self._daily_at)
        return today_run if today_run > now else today_run + timedelta(days=1)

    # ------------------------------------------------------------------ life cycle

    @property
    def running(self) -> bool:
        return self._scheduler.state == STATE_RUNNING

    def start(self) -> None:
        """Unlock: (re)build the fixed jobs and run. Reminder jobs come from ``plan``."""
        self._scheduler.remove_all_jobs()
        self._planned.clear()
        self._scheduler.add_job(
            self.sync_due.emit,
            IntervalTrigger(minutes=self._sync_minutes, timezone=UTC),
            id=SYNC_JOB,
            name="reminder sync",
            replace_existing=True,
        )
        self._plan_daily()
        if self._scheduler.state == STATE_STOPPED:
            self._scheduler.start()
        elif self._scheduler.state == STATE_PAUSED:
            self._scheduler.resume()

    def stop(self) -> None:
        """Lock: every job removed; nothing runs until ``start``."""
        self._scheduler.remove_all_jobs()
        self._planned.clear()
        if self._scheduler.state == STATE_RUNNING:
            self._scheduler.pause()

    def shutdown(self) -> None:
        self._planned.clear()
        if self._scheduler.state != STATE_STOPPED:
            self._scheduler.remove_all_jobs()
            self._scheduler.shutdown(wait=False)

    def plan_daily(self) -> None:
        """(Re)plan the daily job at the next daily time (after it ran, or the clock moved)."""
        if self._scheduler.state == STATE_RUNNING:
            self._plan_daily()

    def _plan_daily(self) -> None:
        self._scheduler.add_job(
            self.daily_due.emit,
            DateTrigger(self.to_wall(self.next_daily())),
            id=DAILY_JOB,
            name="daily jobs",
            replace_existing=True,
        )

    # ------------------------------------------------------------------ reminder jobs

    def plan(self, upcoming: Sequence[ScheduledReminder]) -> None:
        """Make the reminder jobs match ``upcoming``: add new ones, move changed ones,
        remove those no longer coming. Also moves the daily job along with the clock."""
        if self._scheduler.state != STATE_RUNNING:
            return  # locked: no jobs until the next unlock rebuilds them
        wanted = {item.key: item.fire_at for item in upcoming}
        for key in list(self._planned):
            if key not in wanted:
                self._remove(key)
        for key, fire_at in wanted.items():
            job_id = REMINDER_PREFIX + key
            trigger = DateTrigger(self.to_wall(fire_at))
            job = self._scheduler.get_job(job_id)
            if job is None:
                self._scheduler.add_job(
                    self.reminder_due.emit,
                    trigger,
                    args=[key],
                    id=job_id,
                    name=job_id,
                    replace_existing=True,
                )
            elif self._planned.get(key) != fire_at:
                job.reschedule(trigger)
            self._planned[key] = fire_at
        self._plan_daily()

    def _remove(self, key: str) -> None:
        self._planned.pop(key, None)
        # A date job is removed by the scheduler once it ran.
        with suppress(JobLookupError):
            self._scheduler.remove_job(REMINDER_PREFIX + key)

    def planned(self) -> dict[str, datetime]:
        """Reminder key → clock time of its job, for the jobs still waiting to run."""
        live = {job.id for job in self._scheduler.get_jobs()}
        return {k: v for k, v in self._planned.items() if REMINDER_PREFIX + k in live}

    def job_ids(self) -> list[str]:
        return sorted(job.id for job in self._scheduler.get_jobs())

    def next_run_wall(self, job_id: str) -> datetime | None:
        job = self._scheduler.get_job(job_id)
        return None if job is None else job.next_run_time

    def run_job_now(self, job_id: str) -> None:
        """Call a job's function directly (tests: a moved clock instead of waiting)."""
        job = self._scheduler.get_job(job_id)
        if job is None:
            raise KeyError(job_id)
        job.func(*job.args, **job.kwargs)


# --------------------------------------------------------------------------- the reacting side


@dataclass(frozen=True)
class DailyOutcome:
    purged: bool
    purge_lines: tuple[str, ...]
    backup: AutoBackupResult | None
    backup_status: AutoBackupStatus | None


def run_daily_jobs(ctx: ServiceContext) -> DailyOutcome:
    """The daily jobs for this desk: the retention purge (when that service exists and it
    has not run today) and the automatic backup (when due). Runs off the GUI thread."""
    if ctx.actor.role not in _DAILY_ROLES or remote.is_remote(ctx):
        # On a centre the server runs the daily work once for every desk (retention,
        # its own backups); a desk there has no backup folder of its own.
        return DailyOutcome(False, (), None, None)
    purged = False
    lines: tuple[str, ...] = ()
    today: date = ctx.clock.now().date()
    retention: Any = None
    try:
        retention = importlib.import_module("sociaalveilig.services.retention_purge")
    except ModuleNotFoundError:
        retention = None
    if retention is not None and hasattr(retention, "purge"):
        try:
            last = retention.last_purge(ctx) if hasattr(retention, "last_purge") else None
            if last is None or last < today:
                result = retention.purge(ctx, today)
                purged = True
                lines = tuple(getattr(result, "lines", ()))
        except SociaalVeiligError as exc:  # the backup still runs; the purge tries tomorrow
            lines = (exc.message,)
    backup = autobackup.run_backup(ctx)
    return DailyOutcome(purged, lines, backup, autobackup.status(ctx))


class ReminderCenter(QObject):
    """Reacts to the scheduler's signals and to the window: calls the services off the GUI
    thread (one at a time), shows notifications and tells the Vandaag list what is due."""

    reminders_changed = Signal(object)  # tuple[Reminder, ...]: due now, for the list
    caught_up = Signal(object)  # ReminderSync: what fell due while closed or asleep
    notice = Signal(str)  # a plain Dutch notice (the clock was turned back)
    backup_status_changed = Signal(object)  # AutoBackupStatus | None
    daily_finished = Signal(object)  # DailyOutcome
    cleared = Signal()  # locked: every view of reminders must be emptied

    def __init__(
        self,
        scheduler: ReminderScheduler,
        notifier: Notifier,
        parent: QObject | None = None,
        dialog_parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.scheduler = scheduler
        self.notifier = notifier
        self._dialog_parent = dialog_parent
        self._ctx: ServiceContext | None = None
        self._queue: list[tuple[str, Callable[[ServiceContext], Any], Callable[[Any], None]]] = []
        self._busy = False
        self._catch_up_pending = False
        self.last_sync: ReminderSync | None = None
        self.backup_status: AutoBackupStatus | None = None
        scheduler.reminder_due.connect(lambda _key: self.sync())
        scheduler.sync_due.connect(self.sync)
        scheduler.daily_due.connect(self.run_daily)

    # ------------------------------------------------------------------ lock and unlock

    @property
    def context(self) -> ServiceContext | None:
        return self._ctx

    def now(self) -> datetime:
        return self.scheduler.clock.now()

    def attach(self, ctx: ServiceContext) -> None:
        """Unlock: rebuild the jobs from the rows, list what was missed, run daily jobs."""
        self._ctx = ctx
        self._queue.clear()
        self.scheduler.set_clock(ctx.clock)
        self.scheduler.start()
        self._catch_up_pending = True
        self.sync()
        self.run_daily()

    def detach(self) -> None:
        """Lock: no jobs, nothing shown, results still under way dropped."""
        self._ctx = None
        self._queue.clear()
        self._catch_up_pending = False
        self.scheduler.stop()
        self.last_sync = None
        self.backup_status = None
        self.reminders_changed.emit(())
        self.backup_status_changed.emit(None)
        self.cleared.emit()

    def shutdown(self) -> None:
        self.detach()
        self.scheduler.shutdown()
        self.notifier.close()

    # ------------------------------------------------------------------ queue

    @property
    def busy(self) -> bool:
        return self._busy or bool(self._queue)

    def _enqueue(
        self, name: str, fn: Callable[[ServiceContext], Any], done: Callable[[Any], None]
    ) -> None:
        if self._ctx is None:
            return
        if name == "sync" and any(n == "sync" for n, _, _ in self._queue):
            return  # coalesced: one sync waiting is enough
        self._queue.append((name, fn, done))
        self._next()

    def _next(self) -> None:
        if self._busy or not self._queue or self._ctx is None:
            return
        name, fn, done = self._queue.pop(0)
        ctx = self._ctx
        self._busy = True

        def deliver(result: Any) -> None:
            if self._ctx is ctx:
                done(result)

        def failed(exc: BaseException) -> None:
            if self._ctx is not ctx:
                return
            if name == "sync" or name == "daily":
                errors.log_exception(exc)  # a background check must not pop up dialogs
            else:
                errors.show_error(self._dialog_parent, exc)

        operation = operations.run_operation(
            self._dialog_parent, lambda: fn(ctx), deliver, failed, show_errors=False
        )
        operation.finished.connect(self._finished)

    def _finished(self) -> None:
        self._busy = False
        self._next()

    # ------------------------------------------------------------------ reminders

    def sync(self) -> None:
        """Ask the services what is due now; plan the jobs; notify what is new."""
        self._enqueue("sync", reminder_state.sync, self._synced)

    def work_changed(self) -> None:
        """Work changed in the window (a visit moved, an action done): re-sync."""
        self.sync()

    def _synced(self, result: ReminderSync) -> None:
        self.last_sync = result
        self.scheduler.plan(result.upcoming)
        catch_up = self._catch_up_pending
        self._catch_up_pending = False
        if result.notice:
            self.notice.emit(result.notice)
            self.notifier.notify(warning_notification(_t("Klok teruggezet"), result.notice))
        if catch_up and result.since is not None and result.caught_up:
            self.notifier.notify(catch_up_notification(len(result.caught_up), result.since))
            self.caught_up.emit(result)
        elif result.missed:
            for note in notifications_for(result.caught_up):
                self.notifier.notify(note)
            self.caught_up.emit(result)
        else:
            for note in notifications_for(result.fired):
                self.notifier.notify(note)
        self.reminders_changed.emit(result.active)

    def snooze(self, key: str, until: datetime) -> None:
        self._enqueue("snooze", lambda ctx: reminder_state.snooze(ctx, key, until), self._changed)

    def done(self, key: str) -> None:
        self._enqueue("done", lambda ctx: reminder_state.dismiss(ctx, key), self._changed)

    def _changed(self, _result: object) -> None:
        self.sync()

    # ------------------------------------------------------------------ daily jobs

    def run_daily(self) -> None:
        """The daily jobs (purge, backup); also at unlock, so a closed laptop catches up."""
        self._enqueue("daily", run_daily_jobs, self._daily_done)

    def _daily_done(self, outcome: DailyOutcome) -> None:
        self.scheduler.plan_daily()
        status = outcome.backup_status
        if status is not None:
            self.backup_status = status
            self.backup_status_changed.emit(status)
        backup = outcome.backup
        if backup is not None and backup.ran and not backup.ok:
            self.notifier.notify(
                warning_notification(_t("Automatische back-up mislukt"), backup.message)
            )
        self.daily_finished.emit(outcome)


# --------------------------------------------------------------------------- wiring


def install_reminders(
    window: MainWindow,
    ctx: ServiceContext,
    notifier: Notifier | None = None,
    scheduler: ReminderScheduler | None = None,
) -> ReminderCenter:
    """Wire the reminders into the main window (called once, from ``app.py``).

    Unlock (``window.unlocked``) rebuilds the jobs and lists what was missed; lock
    (``window.locked``) removes every job. Changed data (``window.work_changed``) re-syncs;
    a page with ``set_reminder_center(center)`` (Vandaag) is given the center to show the
    reminders.
    """
    from sociaalveilig.ui.notifier import TrayNotifier

    if notifier is None:
        tray = TrayNotifier(window.windowIcon(), window)
        tray.activated.connect(lambda: _bring_forward(window))
        notifier = tray
    scheduler = scheduler if scheduler is not None else ReminderScheduler(ctx.clock, window)
    center = ReminderCenter(scheduler, notifier, window, dialog_parent=window)

    def wire_pages() -> None:
        for page in window.pages:
            if page.property("reminderWired"):
                continue
            page.setProperty("reminderWired", True)
            embed = getattr(page, "set_reminder_center", None)
            if callable(embed):
                embed(center)

    def unlocked(new_ctx: object) -> None:
        if isinstance(new_ctx, ServiceContext):
            wire_pages()  # the pages are rebuilt when another user unlocks
            center.attach(new_ctx)

    # Work done anywhere in the window (a page, a dialog): re-sync, so what was finished
    # leaves the reminders at once.
    window.work_changed.connect(center.work_changed)
    window.unlocked.connect(unlocked)
    window.locked.connect(center.detach)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(center.shutdown)
    wire_pages()
    if not window.is_locked:
        center.attach(ctx)
    return center


def _bring_forward(window: QWidget) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()


__all__ = [
    "DAILY_JOB",
    "REMINDER_PREFIX",
    "SYNC_JOB",
    "DailyOutcome",
    "ReminderCenter",
    "ReminderScheduler",
    "install_reminders",
    "run_daily_jobs",
]
