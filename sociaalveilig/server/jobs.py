"""The scheduled jobs in a server process: a thread that asks every minute what is due.

Every ``sociaalveilig-server run`` starts one (``start_jobs``); with several processes
behind a load balancer each asks, and the claim in ``job_runs`` lets exactly one of them
run each due moment (``services/jobs.py``). The thread holds no state of its own: a
process that starts late, or after downtime, catches up from the claims in the database.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Sequence

from sociaalveilig.services.context import Clock
from sociaalveilig.services.jobs import CENTRE_JOBS, Job, run_due, system_context
from sociaalveilig.storage.postgres.jobs import PgJobClaims
from sociaalveilig.storage.postgres.store import PgStore

log = logging.getLogger(__name__)

POLL_SECONDS = 60.0


def runner_name() -> str:
    """This process among the centre's servers: host, process id and a random part (a
    restarted process with the same id is another runner)."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class JobsHandle:
    """The running job thread; ``stop()`` ends it (after the job it is running, if any)."""

    def __init__(
        self,
        store: PgStore,
        clock: Clock,
        jobs: Sequence[Job] = CENTRE_JOBS,
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        self._ctx = system_context(store, clock)
        self._claims = PgJobClaims(store.engine)
        self._jobs = tuple(jobs)
        self._poll = poll_seconds
        self._stopping = threading.Event()
        self.runner = runner_name()
        self.rounds = 0
        """Completed rounds (for tests to wait on)."""
        self._thread = threading.Thread(target=self._loop, name="sv-jobs", daemon=True)

    def start(self) -> JobsHandle:
        self._thread.start()
        return self

    def _loop(self) -> None:
        while not self._stopping.is_set():
            try:
                run_due(self._ctx, self._claims, self.runner, self._jobs)
            except Exception as exc:  # the database away for a moment: try next round
                log.warning("scheduled jobs not run this round: %s", type(exc).__name__)
            self.rounds += 1
            self._stopping.wait(self._poll)

    def stop(self, timeout: float | None = None) -> None:
        self._stopping.set()
        self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()


def start_jobs(store: PgStore, clock: Clock, poll_seconds: float = POLL_SECONDS) -> JobsHandle:
    """Start the centre's scheduled jobs for ``sociaalveilig-server run``."""
    return JobsHandle(store, clock, CENTRE_JOBS, poll_seconds).start()
