"""Sessions at the centre: they end after the idle time, at their maximum age, on sign-out
and when a beheerder ends them; the user behind one is read afresh on every request."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from sqlalchemy import event, select

from sociaalveilig.core.errors import (
    AccessDenied,
    AuthenticationError,
    SessionEnded,
    StoreUnavailable,
)
from sociaalveilig.server.app import ServerSettings
from sociaalveilig.services import centre_sessions, remote, search, users
from sociaalveilig.services.centre_sessions import SessionPolicy
from sociaalveilig.services.context import Actor, FixedClock, ServiceContext
from sociaalveilig.services.setup import actor_for, context_for
from sociaalveilig.storage.models import AuditEntry
from sociaalveilig.storage.postgres.sessions import sessions_table
from sociaalveilig.storage.postgres.store import PgStore
from tests import centre
from tests.conftest import ADMIN

START = datetime(2026, 12, 7, 8, 0)


@dataclass
class Wall:
    """The server's real time, moved by the test (the services' clock stays put)."""

    at: datetime = START

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def wall() -> Wall:
    return Wall()


@pytest.fixture
def admin(centre_store: PgStore, clock: FixedClock) -> ServiceContext:
    return context_for(centre_store, ADMIN, clock)


@pytest.fixture
def desk(
    centre_store: PgStore, admin: ServiceContext, clock: FixedClock, wall: Wall
) -> Iterator[centre.CentreHarness]:
    """The beheerder at a desk, signed in at ``wall``'s time, 15 minutes idle, 1 hour at
    most."""
    settings = ServerSettings(sessions=SessionPolicy(900, 3600, 60), now=wall)
    ctx = centre.through_centre(centre_store, admin.actor, clock, now=wall, settings=settings)
    yield ctx
    centre.close(ctx)


def _row(store: PgStore, token: str) -> dict[str, object]:
    digest = hashlib.sha256(token.encode()).hexdigest()
    with store.engine.connect() as connection:
        row = connection.execute(
            select(sessions_table).where(sessions_table.c.token_sha256 == digest)
        ).one()
    return dict(row._mapping)


def _works(ctx: ServiceContext) -> bool:
    try:
        users.list_users(ctx)
    except SessionEnded:
        return False
    return True


def test_a_session_ends_after_the_idle_time(desk: centre.CentreHarness, wall: Wall) -> None:
    token = desk.token
    wall.at += timedelta(minutes=14)
    assert _works(desk)
    wall.at += timedelta(minutes=14)  # 14 minutes since the last request: still alive
    assert _works(desk)
    wall.at += timedelta(minutes=15, seconds=1)
    with pytest.raises(SessionEnded, match="meld u opnieuw aan"):
        users.list_users(desk)
    row = _row(desk.store, token)
    assert row["end_reason"] == "idle" and row["ended_at"] == wall.at
    wall.at = START  # a session once ended stays ended
    assert not _works(desk)


def test_a_session_ends_at_its_maximum_age_however_busy(
    desk: centre.CentreHarness, wall: Wall
) -> None:
    for _ in range(6):
        wall.at += timedelta(minutes=10)
        assert _works(desk)
    wall.at += timedelta(minutes=10, seconds=1)
    assert not _works(desk)
    assert _row(desk.store, desk.token)["end_reason"] == "max_age"


def test_last_seen_is_written_at_most_once_a_minute(
    desk: centre.CentreHarness, wall: Wall
) -> None:
    wall.at += timedelta(seconds=30)
    assert _works(desk)
    assert _row(desk.store, desk.token)["last_seen_at"] == START
    wall.at += timedelta(seconds=31)
    assert _works(desk)
    assert _row(desk.store, desk.token)["last_seen_at"] == wall.at


def test_the_services_clock_does_not_age_a_session(
    desk: centre.CentreHarness, clock: FixedClock
) -> None:
    clock.advance(timedelta(days=30))
    assert _works(desk)


def test_only_a_hash_of_the_token_is_stored(desk: centre.CentreHarness) -> None:
    row = _row(desk.store, desk.token)
    assert desk.token not in {str(value) for value in row.values()}
    assert row["token_sha256"] == hashlib.sha256(desk.token.encode()).hexdigest()


def test_signing_out_ends_the_session(desk: centre.CentreHarness) -> None:
    token = desk.token
    client = desk.client
    remote.end_session(desk)
    assert _row(desk.store, token)["end_reason"] == "signout"
    with pytest.raises(SessionEnded):
        client.request("POST", "/call/users/list_users", {"args": [], "kwargs": {}}, token=token)


def test_signing_out_is_logged_as_the_desk_locking(desk: centre.CentreHarness) -> None:
    with desk.store.unit() as session:
        before = session.execute(
            select(AuditEntry.id).where(AuditEntry.action == "lock")
        ).scalars().all()
    remote.end_session(desk)
    with desk.store.unit() as session:
        entries = session.execute(
            select(AuditEntry).where(AuditEntry.action == "lock", AuditEntry.id.notin_(before))
        ).scalars().all()
        assert [(e.username, e.object_type) for e in entries] == [(ADMIN, "user")]


def test_signing_out_of_a_centre_that_cannot_be_reached_does_not_raise(
    desk: centre.CentreHarness,
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise StoreUnavailable("onbereikbaar")

    desk.client.request = refuse  # type: ignore[method-assign]
    remote.end_session(desk)  # no exception
    with pytest.raises(SessionEnded):
        users.list_users(desk)  # and the desk holds no token any more


def test_a_beheerder_ends_a_users_sessions(
    desk: centre.CentreHarness, admin: ServiceContext, centre_store: PgStore, clock: FixedClock
) -> None:
    users.add_user(admin, "cor", "coordinator", "een-lang-wachtwoord-471")
    cor = desk.with_actor(_actor(admin, "cor"))
    also_cor = desk.with_actor(_actor(admin, "cor"))
    assert search.count_signals(cor, search.SignalQuery()) == 0
    with pytest.raises(AccessDenied):
        centre_sessions.end_sessions(admin.with_actor(_actor(admin, "cor")), ADMIN)
    assert centre_sessions.end_sessions(admin, "cor") == 2
    for ctx in (cor, also_cor):
        with pytest.raises(SessionEnded):
            search.count_signals(ctx, search.SignalQuery())
    assert _works(desk)  # the beheerder's own session is untouched
    with centre_store.unit() as session:
        logged = session.execute(
            select(AuditEntry.username).where(AuditEntry.action == "end_sessions")
        ).scalars().all()
    assert logged == [ADMIN]


def test_changing_ones_passphrase_ends_ones_other_sessions(
    desk: centre.CentreHarness, admin: ServiceContext, centre_store: PgStore
) -> None:
    users.add_user(admin, "cor", "coordinator", "een-lang-wachtwoord-471")
    cor = desk.with_actor(_actor(admin, "cor"))
    elsewhere = desk.with_actor(_actor(admin, "cor"))
    assert search.count_signals(elsewhere, search.SignalQuery()) == 0
    users.change_own_passphrase(cor, "een-lang-wachtwoord-471", "nog-een-lang-wachtwoord-93")
    assert search.count_signals(cor, search.SignalQuery()) == 0  # this desk goes on
    with pytest.raises(SessionEnded):
        search.count_signals(elsewhere, search.SignalQuery())
    assert _works(desk)  # another user's session is untouched
    assert _ended_sessions_logged(centre_store) == ["cor"]


def test_a_passphrase_changed_before_signing_in_ends_every_session(
    desk: centre.CentreHarness, admin: ServiceContext, centre_store: PgStore
) -> None:
    users.add_user(admin, "cor", "coordinator", "een-lang-wachtwoord-471")
    cor = desk.with_actor(_actor(admin, "cor"))
    assert search.count_signals(cor, search.SignalQuery()) == 0
    # A wrong old passphrase changes nothing and ends nothing.
    with pytest.raises(AuthenticationError):
        desk.client.request(
            "POST", "/passphrase",
            {"username": "cor", "old": "niet-het-wachtwoord-12",
             "new": "nog-een-lang-wachtwoord-93"},
        )
    assert search.count_signals(cor, search.SignalQuery()) == 0
    desk.client.request(
        "POST", "/passphrase",
        {"username": "cor", "old": "een-lang-wachtwoord-471", "new": "nog-een-lang-wachtwoord-93"},
    )
    with pytest.raises(SessionEnded):
        search.count_signals(cor, search.SignalQuery())
    assert _works(desk)
    assert _ended_sessions_logged(centre_store) == ["cor"]


def _ended_sessions_logged(store: PgStore) -> list[str]:
    with store.unit() as session:
        return list(
            session.execute(
                select(AuditEntry.username).where(AuditEntry.action == "end_sessions")
            ).scalars()
        )


def test_a_deactivated_user_or_changed_role_counts_at_once(
    desk: centre.CentreHarness, admin: ServiceContext
) -> None:
    users.add_user(admin, "cor", "coordinator", "een-lang-wachtwoord-471")
    users.add_user(admin, "wim", "coordinator", "een-lang-wachtwoord-472")
    cor = desk.with_actor(_actor(admin, "cor"))
    wim = desk.with_actor(_actor(admin, "wim"))
    search.count_signals(cor, search.SignalQuery())
    users.change_role(admin, "cor", "beheerder")
    with pytest.raises(AccessDenied):  # the session still says coordinator; the server not
        search.count_signals(cor, search.SignalQuery())
    users.deactivate_user(admin, "wim")
    with pytest.raises(SessionEnded):
        search.count_signals(wim, search.SignalQuery())


def test_two_server_processes_share_the_sessions(
    desk: centre.CentreHarness, centre_store: PgStore, clock: FixedClock, wall: Wall
) -> None:
    settings = ServerSettings(sessions=SessionPolicy(900, 3600, 60), now=wall)
    # The same desk's next request, served by another process.
    other = centre.through_centre(
        centre_store, desk.actor, clock, token=desk.token, settings=settings
    )
    try:
        assert _works(other)
        remote.end_session(desk)
        assert not _works(other)
    finally:
        centre.close(other)


def _actor(admin: ServiceContext, username: str) -> Actor:
    with admin.unit() as session:
        actor = actor_for(session, username)
    assert actor is not None
    return actor


def test_the_session_check_reads_the_user_and_areas_in_one_statement_and_locks_nothing(
    admin: ServiceContext, centre_store: PgStore
) -> None:
    """Before every call: one statement, and no row lock (a lock is a write the database
    must flush at commit); the actor it reads is the user's as the database holds it."""
    users.add_user(admin, "wijk", "wijkagent", "een-lang-wachtwoord-473",
                   areas=["Heerlen Noord (incl. Hoensbroek)", "Kerkrade Oost"])
    wijk = _actor(admin, "wijk")
    token = centre_sessions.open_session(centre_store, wijk, None, START)
    statements: list[str] = []

    def seen(conn: object, cursor: object, statement: str, *rest: object) -> None:
        statements.append(statement)

    event.listen(centre_store.engine, "before_cursor_execute", seen)
    try:
        actor = centre_sessions.resume_session(
            centre_store, token, SessionPolicy(900, 3600, 60), START + timedelta(seconds=30)
        )
    finally:
        event.remove(centre_store.engine, "before_cursor_execute", seen)

    assert actor == wijk and len(actor.area_ids) == 2
    assert len(statements) == 1
    assert "FOR UPDATE" not in statements[0].upper()


def test_a_unit_says_whom_it_acts_for_and_takes_the_write_order_in_one_round_trip(
    centre_store: PgStore,
) -> None:
    statements: list[str] = []

    def seen(conn: object, cursor: object, statement: str, *rest: object) -> None:
        statements.append(statement)

    event.listen(centre_store.engine, "before_cursor_execute", seen)
    try:
        with centre_store.unit() as session:
            session.execute(select(AuditEntry.id).limit(1)).all()
    finally:
        event.remove(centre_store.engine, "before_cursor_execute", seen)

    first, query = statements[:2]
    assert first.startswith("SET LOCAL") and first.endswith("IN EXCLUSIVE MODE")
    assert "SET LOCAL ROLE" in first and "lock_timeout" in first
    assert "audit_log" in query.lower() and len(statements) == 2
