"""``sociaalveilig-server run`` runs the centre's scheduled jobs beside serving, and stops them
with itself (the wiring of server/jobs.start_jobs in cmd_run)."""

from __future__ import annotations

import time

from sqlalchemy import text

from tests.server.conftest import plain_engine
from tests.server.test_cmd_run import START_TIMEOUT_S, running


def _job_runs(url: str) -> list[tuple[str, str | None]]:
    engine = plain_engine(url)
    try:
        with engine.connect() as connection:
            return [
                (str(job), outcome)
                for job, outcome in connection.execute(
                    text("SELECT job, outcome FROM job_runs ORDER BY job")
                )
            ]
    finally:
        engine.dispose()


def test_a_running_server_runs_the_due_jobs_once(pg_database: str) -> None:
    assert _job_runs(pg_database) == []
    with running(database=pg_database):
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:  # a condition, bounded: not a fixed pause
            done = _job_runs(pg_database)
            if len(done) == 2 and all(outcome is not None for _, outcome in done):
                break
            time.sleep(0.1)
    assert _job_runs(pg_database) == [("reminder-states", "ok"), ("retention-purge", "ok")]
