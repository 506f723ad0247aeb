"""Claims on the centre's scheduled jobs: one row per (job, due moment) in ``job_runs``.

Whichever server process inserts the row first runs the job for that moment; the others'
``INSERT … ON CONFLICT DO NOTHING`` inserts nothing and they move on. A claim is its own
short transaction, committed before the job starts, so the job's own units (and their
retries) never hold it open. A process that dies mid-job leaves a claim without an end;
after ``lease`` another process may take it over, and a failed run may be tried again after
``retry_after``: the jobs are written to be run again safely.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    MetaData,
    String,
    Table,
    and_,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert

metadata = MetaData()
job_runs = Table(
    "job_runs",
    metadata,
    Column("job", String(40), primary_key=True),
    Column("due", DateTime, primary_key=True),
    Column("runner", String(120), nullable=False),
    Column("claimed_at", DateTime, nullable=False),
    Column("finished_at", DateTime, nullable=True),
    Column("outcome", String(20), nullable=True),
)


class PgJobClaims:
    """``services.jobs.JobClaims`` on the centre's database (the owner's connection)."""

    def __init__(
        self,
        engine: Engine,
        lease: timedelta = timedelta(hours=1),
        retry_after: timedelta = timedelta(minutes=15),
    ) -> None:
        self._engine = engine
        self._lease = lease
        self._retry_after = retry_after

    def claim(self, job: str, due: datetime, runner: str, now: datetime) -> bool:
        """True when this runner may run ``job`` for ``due`` (and now holds it)."""
        with self._engine.begin() as connection:
            inserted = connection.execute(
                insert(job_runs)
                .values(job=job, due=due, runner=runner, claimed_at=now)
                .on_conflict_do_nothing(index_elements=["job", "due"])
                .returning(job_runs.c.job)
            ).first()
            if inserted is not None:
                return True
            taken = connection.execute(
                update(job_runs)
                .where(
                    job_runs.c.job == job,
                    job_runs.c.due == due,
                    or_(
                        and_(job_runs.c.finished_at.is_(None),
                             job_runs.c.claimed_at < now - self._lease),
                        and_(job_runs.c.outcome == "failed",
                             job_runs.c.finished_at < now - self._retry_after),
                    ),
                )
                .values(runner=runner, claimed_at=now, finished_at=None, outcome=None)
                .returning(job_runs.c.job)
            ).first()
            return taken is not None

    def finish(self, job: str, due: datetime, runner: str, outcome: str, now: datetime) -> None:
        with self._engine.begin() as connection:
            connection.execute(
                update(job_runs)
                .where(job_runs.c.job == job, job_runs.c.due == due, job_runs.c.runner == runner)
                .values(finished_at=now, outcome=outcome)
            )

    def last_due(self, job: str) -> datetime | None:
        """The newest due moment of ``job`` that ran or is running; a failed one does not
        count, so it is due again (and claimed again once ``retry_after`` has passed)."""
        with self._engine.connect() as connection:
            value = connection.execute(
                select(func.max(job_runs.c.due)).where(
                    job_runs.c.job == job,
                    job_runs.c.outcome.is_distinct_from("failed"),
                )
            ).scalar()
        return value if isinstance(value, datetime) else None
