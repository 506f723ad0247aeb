"""A centre for the hostile-input tests: the app in process over a cloned database, with a
coordinator's and a partner's session and one case with an action to aim at.

``fingerprint`` counts what a refused request must not change (the records and the audit
log); the sessions table is left out, as a request may touch its session's last use.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*httpx2.*")
    from starlette.testclient import TestClient

from sociaalveilig.core.enums import ActionType, Role
from sociaalveilig.server.app import ServerSettings, create_app
from sociaalveilig.services import actions, centre_sessions, signals
from sociaalveilig.services.actions import ActionInput
from sociaalveilig.services.context import Actor, FixedClock, ServiceContext
from sociaalveilig.services.signal_intake import NEW_CASE, SignalInput
from sociaalveilig.storage.models import (
    Action,
    AuditEntry,
    Case,
    Partner,
    Person,
    Signal,
    User,
)
from sociaalveilig.storage.postgres.store import PgStore
from tests.conftest import TEST_NOW

FULL = os.environ.get("SV_TORTURE", "").strip().lower() == "full"
EXAMPLES = int(os.environ.get("SV_SERVER_FUZZ_EXAMPLES", "2000" if FULL else "25"))
"""Generated examples per test (``make torture``: thousands; ``make test``: a short run)."""


@dataclass
class HostileCentre:
    store: PgStore
    http: TestClient
    actors: dict[str, Actor]
    """``coordinator`` and ``partner``."""
    action_id: str
    signal_id: str

    def token(self, who: str) -> str:
        """A new session of ``who`` (a fuzzed sign-out ends only its own)."""
        return centre_sessions.open_session(
            self.store, self.actors[who], "127.0.0.1", centre_sessions.real_utcnow()
        )


def _user(store: PgStore, role: Role, name: str, partner: str | None = None) -> Actor:
    with store.unit() as session:
        partner_id = None
        if partner is not None:
            partner_id = session.query(Partner).filter_by(name=partner).one().id
        user = User(username=name, display_name=name.title(), role=role.value,
                    partner_id=partner_id, active=True, created_at=TEST_NOW)
        session.add(user)
        session.flush()
        return Actor(user.id, name, user.display_name, role, partner_id, frozenset())


@contextmanager
def hostile_centre(store: PgStore, clock: FixedClock) -> Iterator[HostileCentre]:
    coordinator = _user(store, Role.COORDINATOR, "coordinator_fuzz")
    partner = _user(store, Role.PARTNER, "partner_fuzz", "Woningcorporatie")
    assert partner.partner_id is not None
    ctx = ServiceContext(store, coordinator, clock)
    signal = signals.register_signal(ctx, SignalInput(
        received_at=datetime(2026, 4, 14, 9, 30), source="politie", category="WO-OVL",
        postcode="6463 ab", house_number=12, street="Fictiefstraat", city="Kerkrade",
        description="Fictieve melding: harde muziek tot diep in de nacht.",
    ), NEW_CASE)
    assert signal.case_id is not None
    action = actions.create_action(ctx, signal.case_id, ActionInput(
        ActionType.CONTROLE, partner.partner_id, date(2026, 5, 1), "Fictieve controle"
    ))
    # The feed answers at once when nothing changed: a fuzzed long poll must not wait.
    app = create_app(store, clock=clock, settings=ServerSettings(feed_wait_seconds=0.0))
    actors = {"coordinator": coordinator, "partner": partner}
    try:
        with TestClient(app, raise_server_exceptions=False) as http:
            yield HostileCentre(store, http, actors, action.action_id, signal.signal_id)
    finally:
        app.state.centre.feed.stop()  # before its database is dropped


@contextmanager
def hostile_database() -> Iterator[HostileCentre]:
    """``hostile_centre`` on a database of its own (for a module-scoped fixture)."""
    from tests.conftest import PG_TEMPLATE, pg_clone

    with pg_clone(PG_TEMPLATE) as url:
        store = PgStore.open(url, pool_size=2)
        try:
            with hostile_centre(store, FixedClock(TEST_NOW)) as made:
                yield made
        finally:
            store.close()


COUNTED = (Signal, Case, Action, Person, User, AuditEntry)


def fingerprint(store: PgStore) -> dict[str, Any]:
    """The number of rows of each counted table, and the newest action's deadline."""
    counts: dict[str, Any] = {}
    with store.read_unit() as session:
        for model in COUNTED:
            counts[model.__name__] = session.execute(
                select(func.count()).select_from(model)
            ).scalar_one()
        counts["deadlines"] = sorted(
            str(value) for value in session.execute(select(Action.deadline)).scalars()
        )
    return counts
