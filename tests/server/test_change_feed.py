"""The centre's change feed: triggers, the long poll over a real server, need-to-know, and
a change through one server process waking a desk that listens through another."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from datetime import date

import pytest
from sqlalchemy import select, text

from sociaalveilig.core.enums import ActionType, Role
from sociaalveilig.server.app import ServerSettings, create_app
from sociaalveilig.services import access, actions, centre_sessions
from sociaalveilig.services.context import FixedClock, ServiceContext
from sociaalveilig.services.live import ChangeBatch
from sociaalveilig.services.remote import RemoteContext
from sociaalveilig.services.remote.client import CentreClient
from sociaalveilig.services.remote.feed import FeedFollower
from sociaalveilig.storage.models import Action, Case, Signal
from sociaalveilig.storage.postgres import feed
from sociaalveilig.storage.postgres.store import PgStore
from tests.conftest import ActorFactory
from tests.server.live import serving
from tests.services.seed_casework import HEERLEN, KERKRADE, make_case, make_signal, partner_id

pytestmark = pytest.mark.parametrize("backend", ["postgresql"], indirect=True)

BOUND_S = 20.0
WONEN = "Woningcorporatie"


def wait_until(condition: Callable[[], bool], what: str) -> None:
    """Wait on ``condition``, bounded (a condition, not a pause)."""
    deadline = time.monotonic() + BOUND_S
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {BOUND_S} s: {what}")
        time.sleep(0.02)


def desk(url: str, ctx: ServiceContext, store: PgStore) -> RemoteContext:
    """``ctx``'s user signed in to the server at ``url`` (a session made directly)."""
    now = centre_sessions.real_utcnow()
    token = centre_sessions.open_session(store, ctx.actor, "127.0.0.1", now)
    return RemoteContext(ctx.actor, ctx.clock, CentreClient.for_url(url), token)


class Heard:
    """What a follower delivered."""

    def __init__(self) -> None:
        self.batches: list[ChangeBatch] = []

    def __call__(self, batch: ChangeBatch) -> None:
        self.batches.append(batch)

    def ids(self, object_type: str | None = None) -> set[str]:
        return {
            c.object_id
            for b in self.batches
            for c in b.changes
            if object_type is None or c.object_type == object_type
        }


@pytest.fixture
def store(admin_ctx: ServiceContext) -> PgStore:
    value = admin_ctx.store
    assert isinstance(value, PgStore)
    return value


@pytest.fixture
def follow() -> Iterator[Callable[[RemoteContext], Heard]]:
    followers: list[FeedFollower] = []

    def start(ctx: RemoteContext) -> Heard:
        heard = Heard()
        follower = FeedFollower(ctx, heard, retry_seconds=0.2).start()
        followers.append(follower)
        assert follower.started.wait(BOUND_S), "the follower did not learn the feed's head"
        return heard

    yield start
    for follower in followers:
        follower.stop()


def test_a_change_is_written_to_the_feed_by_the_trigger_and_the_runtime_role_cannot_write(
    admin_ctx: ServiceContext, store: PgStore
) -> None:
    with store.read_unit() as session:
        before = feed.head(session)
    signal_id = make_signal(admin_ctx)
    with store.read_unit() as session:
        entries = feed.read_after(session, before, 100)
    assert ("signal", signal_id) in {(e.object_type, e.object_id) for e in entries}
    with pytest.raises(Exception, match="permission denied"), store.unit() as session:
        session.execute(
            text("INSERT INTO change_feed (object_type, object_id, at) VALUES ('x', 'y', now())")
        )


def test_prune_keeps_the_head_and_a_follower_behind_it_is_told_to_reload(
    admin_ctx: ServiceContext, store: PgStore, clock: FixedClock, make_actor: ActorFactory,
) -> None:
    coordinator = make_actor(Role.COORDINATOR)
    for number in range(3):
        make_signal(admin_ctx, number=number + 1)
    with store.unit() as session:
        head = feed.head(session)
        assert feed.prune(session, feed_future()) > 0
        assert feed.head(session) == head  # the newest entry is kept
    with serving(create_app(store, clock=clock)) as url:
        ctx = desk(url, coordinator, store)
        follower = FeedFollower(ctx, Heard())
        follower.seq = 1
        assert follower.poll_once().reload
        follower.seq = head
        make_signal(admin_ctx, number=9)
        batch = follower.poll_once()
        assert not batch.reload and batch.changes and batch.seq > head


def feed_future() -> object:
    from datetime import UTC, datetime, timedelta

    return datetime.now(UTC) + timedelta(days=1)


def test_a_signal_registered_elsewhere_reaches_a_following_desk(
    admin_ctx: ServiceContext, store: PgStore, clock: FixedClock, make_actor: ActorFactory,
    follow: Callable[[RemoteContext], Heard],
) -> None:
    coordinator = make_actor(Role.COORDINATOR)
    with serving(create_app(store, clock=clock)) as url:
        heard = follow(desk(url, coordinator, store))
        signal_id = make_signal(admin_ctx)
        wait_until(lambda: signal_id in heard.ids("signal"), "the new signal in the feed")
        assert all(set(vars(c)) == {"seq", "object_type", "object_id", "case_id"}
                   for b in heard.batches for c in b.changes)


def test_a_partner_hears_only_of_records_within_its_need_to_know(
    admin_ctx: ServiceContext, store: PgStore, clock: FixedClock, make_actor: ActorFactory,
    follow: Callable[[RemoteContext], Heard],
) -> None:
    coordinator = make_actor(Role.COORDINATOR)
    partner = make_actor(Role.PARTNER, partner=WONEN)
    wonen = partner_id(admin_ctx, WONEN)
    others = [p for p in access_partner_ids(admin_ctx) if p != wonen]
    with serving(create_app(store, clock=clock)) as url:
        heard = follow(desk(url, partner, store))
        coordinator_desk = desk(url, coordinator, store)
        # A mixed workload: cases with and without the partner's actions, signals on both,
        # a signal on no case, in two areas; the last change is one the partner may know.
        ours = make_case(admin_ctx, area=KERKRADE, number=3)
        theirs = make_case(admin_ctx, area=HEERLEN, postcode="6411 AA", number=7)
        make_signal(admin_ctx, case_id=theirs, area=HEERLEN, number=7)
        make_signal(admin_ctx, area=HEERLEN, number=8)
        actions.create_action(coordinator_desk, theirs, actions.ActionInput(
            ActionType.CONTROLE, others[0], date(2026, 5, 1)))
        own_action = actions.create_action(coordinator_desk, ours, actions.ActionInput(
            ActionType.CONTROLE, wonen, date(2026, 5, 1)))
        own_signal = make_signal(admin_ctx, case_id=ours, number=3)
        wait_until(lambda: own_signal in heard.ids("signal"), "the partner's own signal")

    partner_ctx = admin_ctx.with_actor(partner.actor)
    with store.read_unit() as session:
        may = {
            kind: set(session.scalars(select(column).where(scope(partner_ctx))))
            for kind, column, scope in (
                ("signal", Signal.id, access.signal_scope),
                ("case", Case.id, access.case_scope),
                ("action", Action.id, access.action_scope),
            )
        }
    told = [c for b in heard.batches for c in b.changes]
    assert {c.object_type for c in told} >= {"signal", "case", "action"}
    assert own_action.action_id in heard.ids("action") and ours in heard.ids("case")
    for change in told:
        known = may.get(change.object_type)
        if known is not None:
            assert change.object_id in known, change
        else:
            assert change.case_id in may["case"], change
    assert theirs not in heard.ids() and theirs not in {c.case_id for c in told}


def access_partner_ids(ctx: ServiceContext) -> list[str]:
    from sociaalveilig.storage.models import Partner

    with ctx.read_unit() as session:
        return list(session.scalars(select(Partner.id).order_by(Partner.name)))


def test_a_change_through_one_server_wakes_a_desk_listening_through_another(
    admin_ctx: ServiceContext, store: PgStore, clock: FixedClock, make_actor: ActorFactory,
    follow: Callable[[RemoteContext], Heard],
) -> None:
    coordinator = make_actor(Role.COORDINATOR)
    second_store = PgStore.open(store.url, pool_size=2)
    settings = ServerSettings(feed_wait_seconds=BOUND_S * 2)  # only a notice answers early
    with ExitStack() as stack:
        stack.callback(second_store.close)
        first_app = create_app(store, clock=clock, settings=settings)
        second_app = create_app(second_store, clock=clock, settings=settings)
        for app in (first_app, second_app):
            stack.callback(app.state.centre.feed.stop)
        first = stack.enter_context(serving(first_app))
        second = stack.enter_context(serving(second_app))
        heard = follow(desk(second, coordinator, store))
        listener = second_app.state.centre.feed
        assert listener.listening.wait(BOUND_S)
        case_id = make_case(admin_ctx)
        made = actions.create_action(desk(first, coordinator, store), case_id, actions.ActionInput(
            ActionType.CONTROLE, partner_id(admin_ctx, WONEN), date(2026, 5, 1)))
        wait_until(lambda: made.action_id in heard.ids("action"), "the action via the other")
        assert listener.notices > 0


def test_following_the_feed_keeps_no_idle_session_alive(
    store: PgStore, clock: FixedClock, make_actor: ActorFactory
) -> None:
    from datetime import timedelta

    from sociaalveilig.services import search
    from sociaalveilig.storage.postgres.sessions import sessions_table

    coordinator = make_actor(Role.COORDINATOR)
    later = centre_sessions.real_utcnow() + timedelta(minutes=5)  # past the touch interval
    app = create_app(store, clock=clock, settings=ServerSettings(now=lambda: later))

    def last_seen() -> object:
        with store.read_unit() as session:
            return session.execute(select(sessions_table.c.last_seen_at)).scalars().all()

    with serving(app) as url:
        ctx = desk(url, coordinator, store)
        seen = last_seen()
        FeedFollower(ctx, Heard()).poll_once()
        assert last_seen() == seen
        search.signal_ids(ctx, search.SignalQuery())  # a request of the user's does count
        assert last_seen() != seen
