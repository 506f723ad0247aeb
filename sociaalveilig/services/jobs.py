"""The centre's scheduled jobs: each due moment run once, however many servers run.

Which of the desk's jobs (``ui/scheduler.py``) belong to the centre:

- **the retention purge** (daily at 07:30): the data is shared, so it runs once for the
  centre, in a server process, not in every desk's window;
- **forgetting the reminder states of users without access** (daily): a desk forgets a
  user's stale states when that user syncs, and a deactivated user never syncs again;
- not **reminders themselves**: a reminder fires once per user and is shown by that user's
  desk (``reminder_state.sync`` marks it fired). Computed by the server, it would be marked
  fired with nobody to see it; the desk keeps computing its user's reminders from the
  centre's rows, as it does from its own;
- not **the automatic backup of a local folder**: a centre is backed up with
  ``sociaalveilig-server backup`` on a systemd timer (docs/server.md).

Catch-up: both jobs are idempotent over a period (a purge as of today does what every
missed day's would have done; forgetting is as of now), so after downtime each runs once,
for the latest due moment (``CatchUp.LATEST``), not once per missed day. A job that must
run for each moment (``CatchUp.EACH``) is claimed moment by moment, oldest first, at most
``MAX_CATCH_UP`` of them.

A claim is made through ``JobClaims`` (the centre's ``job_runs`` table,
``storage/postgres/jobs.py``) before the job runs; only the runner whose claim went in
runs it. The jobs act as the centre itself (``system_context``), which the audit log
names as such.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Protocol

from sqlalchemy import delete, select

from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import SociaalVeiligError
from sociaalveilig.core.i18n import tr
from sociaalveilig.services import retention_purge
from sociaalveilig.services.context import (
    Actor,
    Clock,
    ServiceContext,
    local_to_utc,
    utc_to_local,
)
from sociaalveilig.services.reminder_state import STATE_KEEP
from sociaalveilig.services.retry import retrying
from sociaalveilig.storage.models import ReminderState, User
from sociaalveilig.storage.seam import StoreSeam

log = logging.getLogger(__name__)

SYSTEM_USER = "centrum"
SYSTEM_ID = "system"
MAX_CATCH_UP = 366
"""At most this many missed moments of an EACH job are run after downtime."""


class CatchUp(StrEnum):
    LATEST = "latest"
    """Idempotent over a period: after downtime, run once for the newest due moment."""
    EACH = "each"
    """Run for every due moment missed, oldest first."""


class JobClaims(Protocol):
    def claim(self, job: str, due: datetime, runner: str, now: datetime) -> bool: ...

    def finish(
        self, job: str, due: datetime, runner: str, outcome: str, now: datetime
    ) -> None: ...

    def last_due(self, job: str) -> datetime | None: ...


@dataclass(frozen=True)
class Job:
    name: str
    run: Callable[[ServiceContext, datetime], object]
    """Runs the job for a due moment (naive UTC)."""
    daily_at: time | None = None
    """Local time of day (Europe/Amsterdam) it is due; or ``every``."""
    every: timedelta | None = None
    catch_up: CatchUp = CatchUp.LATEST

    def latest_due(self, now_utc: datetime) -> datetime:
        """The newest due moment at or before ``now_utc`` (naive UTC)."""
        if self.every is not None:
            epoch = datetime(2000, 1, 1)
            steps = (now_utc - epoch) // self.every
            return epoch + steps * self.every
        assert self.daily_at is not None
        local = utc_to_local(now_utc)
        day = local.date() if local.time() >= self.daily_at else local.date() - timedelta(1)
        return local_to_utc(datetime.combine(day, self.daily_at))

    def previous_due(self, due: datetime) -> datetime:
        return self.latest_due(due - timedelta(microseconds=1))

    def due_moments(self, now_utc: datetime, last: datetime | None) -> list[datetime]:
        """The moments to claim now, oldest first: the latest only, or every one after
        ``last`` (the newest claimed before)."""
        newest = self.latest_due(now_utc)
        if self.catch_up == CatchUp.LATEST or last is None:
            return [newest] if last is None or newest > last else []
        moments: list[datetime] = []
        moment = newest
        while moment > last and len(moments) < MAX_CATCH_UP:
            moments.append(moment)
            moment = self.previous_due(moment)
        return sorted(moments)


def system_context(store: StoreSeam, clock: Clock) -> ServiceContext:
    """The centre acting for itself: a beheerder's rights, no user row, its own name in
    the audit log, and the id the centre's row-level security knows as the system's
    (storage/postgres/rls.py: every row visible, as for the work no user does)."""
    actor = Actor(SYSTEM_ID, SYSTEM_USER, tr("Centrum (geplande taak)"), Role.BEHEERDER)
    return ServiceContext(store, actor, clock)


def _purge(ctx: ServiceContext, due: datetime) -> object:
    as_of: date = utc_to_local(due).date()
    return retention_purge.purge(ctx, as_of)


@retrying
def forget_inactive_reminder_states(ctx: ServiceContext, due: datetime) -> int:
    """Forget the reminder states of users without access that fired (or were snoozed
    to) over ``STATE_KEEP`` ago: nobody will sync them again."""
    cutoff = due - STATE_KEEP
    with ctx.unit() as session:
        inactive = select(User.id).where(User.active.is_(False))
        stale = (
            delete(ReminderState)
            .where(ReminderState.user_id.in_(inactive))
            .where((ReminderState.fired_at.is_(None)) | (ReminderState.fired_at < cutoff))
            .where(
                (ReminderState.snoozed_until.is_(None))
                | (ReminderState.snoozed_until < utc_to_local(cutoff))
            )
            .execution_options(synchronize_session=False)
        )
        removed = int(getattr(session.execute(stale), "rowcount", 0) or 0)
        if removed:
            ctx.audit(session, "purge", "reminder_state", None,
                      purpose=tr("herinneringen van gebruikers zonder toegang"))
    return removed


CENTRE_JOBS: tuple[Job, ...] = (
    Job("retention-purge", _purge, daily_at=time(7, 30)),
    Job("reminder-states", forget_inactive_reminder_states, daily_at=time(3, 0)),
)


@dataclass(frozen=True)
class JobRun:
    job: str
    due: datetime
    outcome: str


def run_due(
    ctx: ServiceContext,
    claims: JobClaims,
    runner: str,
    jobs: Sequence[Job] = CENTRE_JOBS,
) -> list[JobRun]:
    """Claim and run what is due now; returns what this runner ran. A job that fails is
    recorded as failed (and may be claimed again later); the others still run."""
    ran: list[JobRun] = []
    for job in jobs:
        now = ctx.clock.utcnow().replace(tzinfo=None)
        for due in job.due_moments(now, claims.last_due(job.name)):
            if not claims.claim(job.name, due, runner, now):
                continue
            outcome = "ok"
            try:
                job.run(ctx, due)
            except SociaalVeiligError as exc:
                outcome = "failed"
                log.warning("job %s for %s failed: %s", job.name, due.isoformat(),
                            type(exc).__name__)
            except Exception as exc:  # a bug: logged without its message, the loop goes on
                outcome = "failed"
                log.error("job %s for %s failed with %s", job.name, due.isoformat(),
                          type(exc).__name__)
            claims.finish(job.name, due, runner, outcome,
                          ctx.clock.utcnow().replace(tzinfo=None))
            ran.append(JobRun(job.name, due, outcome))
    return ran
