"""The third way to run the service tests: through the centre (test harness only).

``through_centre`` gives a context whose service calls go over HTTP to the centre's app
(``create_app`` over the test's database and clock), served in this process by Starlette's
``TestClient`` (an httpx client), with a real session and token: the codec, the dispatch in
``@retrying``, the session check and the error mapping all run as on a real desk.

Tests also arrange and inspect the database directly (``with ctx.unit() as session``) and
act as other users (``ctx.with_actor(actor)``). The production ``RemoteContext`` can do
neither (it has no store, and acts only as who signed in); ``CentreHarness`` adds both for
tests: its ``unit()`` opens the server's store, and ``with_actor`` mints a session row for
that actor directly in the database, then calls the server with its token. The server
itself has no test hook.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

with warnings.catch_warnings():
    # Starlette 1.x suggests httpx2 for its TestClient; httpx (the desk's client) works.
    warnings.filterwarnings("ignore", message=".*httpx2.*")
    from starlette.testclient import TestClient

from sociaalveilig.server.app import create_app
from sociaalveilig.services import centre_sessions
from sociaalveilig.services.context import Actor, Clock, ServiceContext
from sociaalveilig.services.remote import RemoteContext
from sociaalveilig.services.remote.client import CentreClient
from sociaalveilig.storage.postgres.store import PgStore

CENTRE = "centre"


class CentreHarness(RemoteContext):
    """A ``RemoteContext`` that can also reach the server's store, for tests only."""

    def __init__(
        self,
        actor: Actor,
        clock: Clock,
        client: CentreClient,
        token: str,
        store: PgStore,
        now: Callable[[], datetime] = centre_sessions.real_utcnow,
    ) -> None:
        super().__init__(actor, clock, client, token)
        self.store = store
        self.now = now
        """The server's session time (tests of the sessions move it)."""

    @contextmanager
    def unit(self) -> Iterator[Session]:
        with self.store.unit() as session:
            yield session

    @contextmanager
    def read_unit(self) -> Iterator[Session]:
        with self.store.read_unit() as session:
            yield session

    def with_actor(self, actor: Actor) -> ServiceContext:
        token = centre_sessions.open_session(self.store, actor, "127.0.0.1", self.now())
        return CentreHarness(actor, self.clock, self.client, token, self.store, self.now)


class HarnessClient(CentreClient):
    """The desk's client over the app in process; the test, not a sign-out, ends it."""

    def close(self) -> None:
        pass


def through_centre(
    store: PgStore,
    actor: Actor,
    clock: Clock,
    *,
    token: str | None = None,
    now: Callable[[], datetime] = centre_sessions.real_utcnow,
    **app_options: Any,
) -> CentreHarness:
    """``actor`` working on ``store`` through the centre's app (close with ``close``), with
    ``token``'s session or a new one begun at ``now``."""
    http = TestClient(create_app(store, clock=clock, **app_options))
    http.__enter__()
    client = HarnessClient(http, "testserver:80")
    if token is None:
        token = centre_sessions.open_session(store, actor, "127.0.0.1", now())
    return CentreHarness(actor, clock, client, token, store, now)


def close(ctx: ServiceContext) -> None:
    """End the in-process server behind a harness context (its store stays open)."""
    if isinstance(ctx, CentreHarness):
        ctx.client.http.__exit__(None, None, None)
