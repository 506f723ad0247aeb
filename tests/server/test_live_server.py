"""A desk signs in to a real centre server over HTTP (uvicorn on 127.0.0.1) and works
through it exactly as on its own store."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from sociaalveilig.core.enums import Role, Urgency
from sociaalveilig.core.errors import (
    AccessDenied,
    AuthenticationError,
    SessionEnded,
)
from sociaalveilig.server.app import create_app
from sociaalveilig.services import remote, search, signals, users
from sociaalveilig.services.context import FixedClock
from sociaalveilig.services.signal_intake import NO_CASE, SignalInput
from sociaalveilig.storage.models import AuditEntry
from sociaalveilig.storage.postgres.store import PgStore
from tests.conftest import ADMIN, ADMIN_PASSPHRASE
from tests.server.live import serving

FIRST = "door-de-beheerder-gekozen-741"
OWN = "mijn-eigen-lange-wachtwoord-852"


def _signal() -> SignalInput:
    return SignalInput(
        received_at=datetime(2026, 4, 14, 9, 30),
        source="politie",
        category="WO-OVL",
        postcode="6463 ab",
        house_number=12,
        street="Fictiefstraat",
        city="Kerkrade",
        description="Fictieve melding: harde muziek tot diep in de nacht.",
    )


def test_a_desk_signs_in_registers_and_lists_signals_over_http(
    centre_store: PgStore, clock: FixedClock
) -> None:
    with serving(create_app(centre_store, clock=clock)) as url:
        admin = remote.connect(url, ADMIN, ADMIN_PASSPHRASE, clock=clock)
        assert remote.is_remote(admin)
        assert remote.server_label(admin) == url.removeprefix("http://")
        assert admin.actor.username == ADMIN and admin.actor.role is Role.BEHEERDER
        users.add_user(admin, "coordinator", "coordinator", FIRST)
        remote.end_session(admin)

        # The beheerder chose the first passphrase: the coordinator chooses their own.
        remote.change_passphrase(url, "coordinator", FIRST, OWN)
        with pytest.raises(AuthenticationError):
            remote.connect(url, "coordinator", FIRST, clock=clock)
        ctx = remote.connect(url, "coordinator", OWN, clock=clock)
        assert ctx.actor.role is Role.COORDINATOR

        detail = signals.register_signal(ctx, _signal(), NO_CASE)
        query = search.SignalQuery()
        ids = search.signal_ids(ctx, query)
        rows = search.signal_rows(ctx, ids)
        assert [row.reference for row in rows] == [detail.reference]
        assert rows[0].municipality == "Kerkrade" and rows[0].urgency is Urgency.NORMAAL

        remote.end_session(ctx)
        with pytest.raises(SessionEnded):
            search.signal_ids(ctx, query)

    # The work happened on the server, as the signed-in user, audited there.
    with centre_store.unit() as session:
        actions = session.execute(
            select(AuditEntry.action).where(AuditEntry.username == "coordinator")
        ).scalars().all()
    assert {"passwd", "login", "create", "list"} <= set(actions)


def test_a_wrong_passphrase_is_exit_3_and_the_server_refuses_what_the_role_may_not(
    centre_store: PgStore, clock: FixedClock
) -> None:
    with serving(create_app(centre_store, clock=clock)) as url:
        with pytest.raises(AuthenticationError) as caught:
            remote.connect(url, ADMIN, "niet-het-wachtwoord-123", clock=clock)
        assert caught.value.exit_code == 3
        assert "wachtwoord" in caught.value.message
        ctx = remote.connect(url, ADMIN, ADMIN_PASSPHRASE, clock=clock)
        # A beheerder does not work on signals (need-to-know): refused on the server.
        with pytest.raises(AccessDenied):
            signals.register_signal(ctx, _signal(), NO_CASE)
        remote.end_session(ctx)
    with centre_store.unit() as session:
        logins = session.execute(
            select(AuditEntry.outcome).where(AuditEntry.action == "login").order_by(AuditEntry.id)
        ).scalars().all()
    assert logins[-2:] == ["failed", "ok"]
