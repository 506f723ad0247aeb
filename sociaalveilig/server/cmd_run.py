"""``sociaalveilig-server run``: serve the centre until SIGTERM (or Ctrl-C).

Without a certificate only on a loopback address; with ``--certificate`` and ``--key`` TLS
only (server/tls.py). The schema is brought to the program's revision first; a database
whose schema is newer than this program is refused (PgStore.open). Uvicorn serves the app
(server/app.py) on a socket bound here, so a refused address is told before anything
starts; a signal stops it gracefully (requests under way finish) with exit 0. The
scheduled jobs run in a thread beside it (server/jobs.py), stopped before the store is
closed.
"""

from __future__ import annotations

import signal
from pathlib import Path
from types import FrameType

from sociaalveilig.core.errors import UsageError
from sociaalveilig.core.i18n import tr
from sociaalveilig.server import tls
from sociaalveilig.server.cli import ServerEnv
from sociaalveilig.server.jobs import start_jobs
from sociaalveilig.services.context import SystemClock
from sociaalveilig.storage.postgres.store import PgStore

GRACEFUL_SECONDS = 10


def _stop_quietly(signum: int, frame: FrameType | None) -> None:
    """Uvicorn catches SIGTERM and SIGINT while it serves, shuts down, and then raises
    the signal again for the handler it found: this one, so the stop ends in exit 0."""


def main(env: ServerEnv) -> int:
    import uvicorn

    from sociaalveilig.server.app import create_app

    args = env.args
    listen = tls.parse_listen(args.listen)
    if bool(args.certificate) != bool(args.key):
        raise UsageError(tr("Geef --certificate en --key samen, of geen van beide."))
    ssl_context = None
    if args.certificate:
        ssl_context = tls.server_context(Path(args.certificate), Path(args.key))
    else:
        tls.require_loopback(listen)
    sock = tls.bind(listen)
    try:
        store = PgStore.open(env.database_url)
        # The centre's scheduled jobs (server/jobs.py): every process asks, one runs each.
        jobs = start_jobs(store, SystemClock())
        try:
            context = ssl_context
            app = create_app(store)
            config = uvicorn.Config(
                app,
                log_level="warning",
                access_log=False,  # paths and addresses only, but nothing anyone needs
                lifespan="off",
                timeout_graceful_shutdown=GRACEFUL_SECONDS,
                ssl_context_factory=(
                    None if context is None else (lambda _config, _default: context)
                ),
            )
            server = uvicorn.Server(config)
            url = listen.url("https" if ssl_context else "http", sock.getsockname()[1])
            env.say(tr("Het centrum luistert op {url}; stoppen met Ctrl-C of SIGTERM.")
                    .format(url=url))
            env.out.flush()
            for signum in (signal.SIGTERM, signal.SIGINT):
                signal.signal(signum, _stop_quietly)
            server.run(sockets=[sock])
        finally:
            app.state.centre.feed.stop(timeout=GRACEFUL_SECONDS)
            jobs.stop(timeout=GRACEFUL_SECONDS)
            store.close()
    finally:
        sock.close()
    env.say(tr("Het centrum is gestopt."))
    return 0
