"""A real uvicorn server on 127.0.0.1 (a free port), in a thread, for tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn

START_TIMEOUT_S = 20.0
GRACE_S = 2.0
"""How long the server waits for requests still in flight when the block ends. A desk
following the change feed holds a long poll open (25 s, server/feed.py) that no test waits
for: without a bound every such test waited it out (the UI kit's server does the same)."""


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """Serve ``app`` until the block ends; yields its ``http://127.0.0.1:PORT`` URL."""
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=0,
        log_level="warning",
        lifespan="off",
        timeout_graceful_shutdown=GRACE_S,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="centre-server", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not server.started:  # a condition, bounded: not a fixed pause
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.01)
        port = server.servers[0].sockets[0].getsockname()[1]
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=START_TIMEOUT_S)
        centre = getattr(getattr(app, "state", None), "centre", None)
        if centre is not None:  # the change feed's LISTEN thread, started by a request
            centre.feed.stop()
