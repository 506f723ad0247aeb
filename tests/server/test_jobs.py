"""The centre's scheduled jobs: once per due moment over several runners, and catch-up."""

from __future__ import annotations

import threading
import time as wall
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import select

from sociaalveilig.core.errors import ValidationError
from sociaalveilig.services import jobs as service_jobs
from sociaalveilig.services import retention_purge
from sociaalveilig.services.context import FixedClock, ServiceContext
from sociaalveilig.services.jobs import CatchUp, Job, run_due, system_context
from sociaalveilig.storage.models import AuditEntry, ReminderState, User
from sociaalveilig.storage.postgres.jobs import PgJobClaims
from sociaalveilig.storage.postgres.store import PgStore
from tests.conftest import TEST_NOW

HOUR = timedelta(hours=1)


# --------------------------------------------------------------------------- due moments


def test_a_daily_job_is_due_at_its_local_time_also_across_a_dst_change() -> None:
    job = Job("j", lambda ctx, due: None, daily_at=time(7, 30))
    # 15 April (summer time, UTC+2): before 07:30 local the due moment is yesterday's.
    assert job.latest_due(datetime(2026, 4, 15, 5, 29)) == datetime(2026, 4, 14, 5, 30)
    assert job.latest_due(datetime(2026, 4, 15, 5, 30)) == datetime(2026, 4, 15, 5, 30)
    # 26 October, the day after the change (UTC+1): still 07:30 local.
    assert job.latest_due(datetime(2026, 10, 26, 12, 0)) == datetime(2026, 10, 26, 6, 30)
    assert job.previous_due(datetime(2026, 10, 26, 6, 30)) == datetime(2026, 10, 25, 6, 30)


def test_after_downtime_latest_runs_once_and_each_runs_every_missed_moment() -> None:
    latest = Job("a", lambda ctx, due: None, every=HOUR)
    each = Job("b", lambda ctx, due: None, every=HOUR, catch_up=CatchUp.EACH)
    last = datetime(2026, 4, 15, 3, 0)
    now = datetime(2026, 4, 15, 7, 10)
    assert latest.due_moments(now, last) == [datetime(2026, 4, 15, 7, 0)]
    assert each.due_moments(now, last) == [datetime(2026, 4, 15, h, 0) for h in (4, 5, 6, 7)]
    assert each.due_moments(now, datetime(2026, 4, 15, 7, 0)) == []
    assert latest.due_moments(now, None) == [datetime(2026, 4, 15, 7, 0)]


# --------------------------------------------------------------------------- on one database


@pytest.fixture
def centre(pg_database: str) -> Iterator[PgStore]:
    store = PgStore.open(pg_database, pool_size=2)
    yield store
    store.close()


def test_three_runners_run_every_due_moment_exactly_once(centre: PgStore) -> None:
    runs: list[tuple[str, datetime]] = []
    lock = threading.Lock()

    def record(name: str) -> object:
        def run(ctx: ServiceContext, due: datetime) -> None:
            with lock:
                runs.append((name, due))
        return run

    jobs = (
        Job("hourly-latest", record("hourly-latest"), every=HOUR),
        Job("hourly-each", record("hourly-each"), every=HOUR, catch_up=CatchUp.EACH),
        Job("daily", record("daily"), daily_at=time(7, 30)),
    )
    start = datetime(2026, 4, 13, 0, 15)  # local
    steps = [start + i * HOUR for i in range(72)]
    # Then the servers were down for ten hours, and all three came back at once.
    steps.append(steps[-1] + 10 * HOUR)
    barrier = threading.Barrier(3)
    failures: list[BaseException] = []

    def runner(number: int) -> None:
        # Each runner its own store, engine and connections, as a server process has.
        store = PgStore.open(centre.url, pool_size=1)
        claims = PgJobClaims(store.engine)
        clock = FixedClock(start)
        ctx = system_context(store, clock)
        try:
            for moment in steps:
                clock.set(moment)
                barrier.wait(timeout=60)
                run_due(ctx, claims, f"runner-{number}", jobs)
        except BaseException as exc:
            failures.append(exc)
            barrier.abort()
        finally:
            store.close()

    threads = [threading.Thread(target=runner, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert failures == []
    counted = Counter(runs)
    assert max(counted.values()) == 1  # never twice
    by_job = Counter(name for name, _ in runs)
    # 72 hours of hourly moments, then the downtime: the EACH job ran each missed hour,
    # the LATEST job once for the newest.
    assert by_job["hourly-latest"] == 72 + 1
    assert by_job["hourly-each"] == 72 + 10
    # Daily at 07:30 local (05:30 UTC in April): Sunday's (due when the first runner
    # started, Monday 00:15), Monday to Wednesday's, and Thursday's, in the downtime.
    assert sorted(due for name, due in runs if name == "daily") == [
        datetime(2026, 4, day, 5, 30) for day in (12, 13, 14, 15, 16)
    ]


def test_a_failed_run_is_recorded_and_claimed_again_later_not_at_once(centre: PgStore) -> None:
    claims = PgJobClaims(centre.engine, retry_after=timedelta(minutes=15))
    attempts: list[datetime] = []

    def flaky(ctx: ServiceContext, due: datetime) -> None:
        attempts.append(due)
        if len(attempts) == 1:
            raise ValidationError("even niet")

    job = Job("flaky", flaky, daily_at=time(7, 30))
    clock = FixedClock(datetime(2026, 4, 15, 8, 0))
    ctx = system_context(centre, clock)
    assert [r.outcome for r in run_due(ctx, claims, "a", [job])] == ["failed"]
    clock.advance(timedelta(minutes=5))
    assert run_due(ctx, claims, "b", [job]) == []
    clock.advance(timedelta(minutes=15))
    assert [r.outcome for r in run_due(ctx, claims, "b", [job])] == ["ok"]
    assert run_due(ctx, claims, "c", [job]) == []
    assert len(attempts) == 2


def test_the_retention_purge_runs_once_as_the_centre(centre: PgStore) -> None:
    clock = FixedClock(TEST_NOW)  # 10:00 local: today's 07:30 has passed
    first = run_due(system_context(centre, clock), PgJobClaims(centre.engine), "a")
    second = run_due(system_context(centre, clock), PgJobClaims(centre.engine), "b")
    assert [(r.job, r.outcome) for r in first] == [
        ("retention-purge", "ok"), ("reminder-states", "ok")
    ]
    assert second == []
    ctx = system_context(centre, clock)
    assert retention_purge.last_purge(ctx) == TEST_NOW.date()
    with centre.read_unit() as session:
        who = session.execute(
            select(AuditEntry.username).where(AuditEntry.action == "purge")
        ).scalars().all()
    assert who == [service_jobs.SYSTEM_USER]


def test_start_jobs_runs_in_a_thread_until_stopped(
    centre: PgStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sociaalveilig.server import jobs as server_jobs

    ran: list[datetime] = []
    job = Job("tick", lambda ctx, due: ran.append(due), every=HOUR)
    monkeypatch.setattr(server_jobs, "CENTRE_JOBS", (job,))
    handles = [server_jobs.start_jobs(centre, FixedClock(TEST_NOW), poll_seconds=0.05)
               for _ in range(2)]
    try:
        deadline = wall.monotonic() + 30
        while min(h.rounds for h in handles) < 3 and wall.monotonic() < deadline:
            wall.sleep(0.05)  # polling a condition, bounded: not a synchronising sleep
        assert min(h.rounds for h in handles) >= 3
    finally:
        for handle in handles:
            handle.stop(timeout=30)
    assert not any(handle.running for handle in handles)
    # Two servers, several rounds each, one due moment: run once.
    assert ran == [datetime(2026, 4, 15, 8, 0)]


# --------------------------------------------------------------------------- forgetting


def test_reminder_states_of_users_without_access_are_forgotten(admin_ctx: ServiceContext) -> None:
    now = admin_ctx.clock.utcnow().replace(tzinfo=None)
    with admin_ctx.unit() as session:
        users = []
        for name, active in (("weg", False), ("blijft", True)):
            user = User(username=name, display_name=name, role="coordinator", active=active,
                        created_at=TEST_NOW)
            session.add(user)
            session.flush()
            users.append(user.id)
            for key, fired in (("oud", now - timedelta(days=90)), ("nieuw", now)):
                session.add(ReminderState(user_id=user.id, reminder_key=key, fingerprint="x",
                                          dismissed=False, fired_at=fired))
    removed = service_jobs.forget_inactive_reminder_states(admin_ctx, now)
    assert removed == 1
    with admin_ctx.read_unit() as session:
        left = set(session.execute(
            select(ReminderState.user_id, ReminderState.reminder_key)
        ).tuples())
    assert left == {(users[0], "nieuw"), (users[1], "oud"), (users[1], "nieuw")}
