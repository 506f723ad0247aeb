"""Sign-in throttling on the centre (services.centre.sign_in, storage/postgres/throttle.py):
per name and per address, counted in PostgreSQL for every server process, on the services'
clock (moved here instead of waited for)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import select

from sociaalveilig.core.errors import AuthenticationError, SignInThrottled
from sociaalveilig.services import centre
from sociaalveilig.services.context import FixedClock
from sociaalveilig.storage.models import AuditEntry
from sociaalveilig.storage.postgres import throttle
from sociaalveilig.storage.postgres.store import PgStore
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, TEST_NOW

WRONG = "niet-het-goede-wachtwoord-1"
HERE, THERE = "192.0.2.10", "198.51.100.7"


@pytest.fixture
def store(pg_database: str) -> Iterator[PgStore]:
    store = PgStore.open(pg_database, pool_size=2)
    yield store
    store.close()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(TEST_NOW)


def _fail(store: PgStore, clock: FixedClock, name: str = ADMIN, address: str = HERE) -> None:
    with pytest.raises(AuthenticationError) as caught:
        centre.sign_in(store, name, WRONG, address, clock)
    assert not isinstance(caught.value, SignInThrottled)


def _actions(store: PgStore) -> list[str]:
    with store.unit() as session:
        return list(session.execute(select(AuditEntry.action).order_by(AuditEntry.id)).scalars())


def test_after_three_failures_the_next_try_waits_even_with_the_right_passphrase(
    store: PgStore, clock: FixedClock
) -> None:
    for _ in range(3):
        _fail(store, clock)
    with pytest.raises(SignInThrottled) as caught:
        centre.sign_in(store, ADMIN, ADMIN_PASSPHRASE, HERE, clock)
    assert caught.value.seconds == 2
    assert "over 2 seconden" in caught.value.message
    assert caught.value.exit_code == 3
    assert _actions(store)[-1] == "login_throttled"
    clock.advance(timedelta(seconds=2))
    assert centre.sign_in(store, ADMIN, ADMIN_PASSPHRASE, HERE, clock).username == ADMIN
    # a success clears the name's count: three new failures are free again
    for _ in range(3):
        _fail(store, clock)


def test_delays_grow_and_a_name_is_locked_out_after_ten(
    store: PgStore, clock: FixedClock
) -> None:
    waits = []
    for _ in range(throttle.LOCK_AFTER):
        _fail(store, clock, address="")
        refusal = store.signin_throttle.refusal(ADMIN, None, clock.utcnow().replace(tzinfo=None))
        waits.append(refusal.seconds if refusal else 0)
        clock.advance(timedelta(seconds=waits[-1]))
    assert waits[:3] == [0, 0, 2]
    assert waits[3:6] == [4, 8, 16]
    assert waits[-1] == throttle.LOCK_SECONDS
    clock.advance(timedelta(seconds=-throttle.LOCK_SECONDS + 60))
    with pytest.raises(SignInThrottled, match="over 14 minuten"):
        centre.sign_in(store, ADMIN, ADMIN_PASSPHRASE, None, clock)
    clock.advance(timedelta(seconds=throttle.LOCK_SECONDS))
    assert centre.sign_in(store, ADMIN, ADMIN_PASSPHRASE, None, clock).username == ADMIN


def test_one_address_cannot_try_many_names(store: PgStore, clock: FixedClock) -> None:
    for n in range(throttle.ADDRESS_FREE_FAILURES):
        _fail(store, clock, name=f"gebruiker{n}")
    # each name has failed once only; the address has failed ten times
    with pytest.raises(SignInThrottled):
        centre.sign_in(store, "nog-een-naam", WRONG, HERE, clock)
    with pytest.raises(SignInThrottled):
        centre.sign_in(store, ADMIN, ADMIN_PASSPHRASE, HERE, clock)
    # another address is not held back by this one's guesses
    assert centre.sign_in(store, ADMIN, ADMIN_PASSPHRASE, THERE, clock).username == ADMIN
    # and a success from the guessing address does not reset its count
    clock.advance(timedelta(seconds=2))
    assert centre.sign_in(store, ADMIN, ADMIN_PASSPHRASE, HERE, clock).username == ADMIN
    _fail(store, clock, name="weer-een-naam")
    with pytest.raises(SignInThrottled):
        centre.sign_in(store, "en-nog-een", WRONG, HERE, clock)


def test_the_count_is_shared_by_every_server_process(
    store: PgStore, pg_database: str, clock: FixedClock
) -> None:
    other = PgStore.open(pg_database, pool_size=1)  # a second server process's store
    try:
        for _ in range(3):
            _fail(other, clock)
        with pytest.raises(SignInThrottled):
            centre.sign_in(store, ADMIN, ADMIN_PASSPHRASE, THERE, clock)
    finally:
        other.close()


def test_counts_older_than_the_window_start_again(store: PgStore, clock: FixedClock) -> None:
    for _ in range(3):
        _fail(store, clock)
    clock.advance(timedelta(seconds=throttle.WINDOW_SECONDS + 1))
    _fail(store, clock)  # counted as the first again: no wait after it
    assert centre.sign_in(store, ADMIN, ADMIN_PASSPHRASE, HERE, clock).username == ADMIN


def test_names_and_addresses_are_stored_as_hashes_only(
    store: PgStore, clock: FixedClock
) -> None:
    _fail(store, clock, name="geheime-naam", address=HERE)
    with store.unit() as session:
        rows = session.execute(select(throttle.failures_table)).all()
    assert len(rows) == 2
    assert all(len(r.key_sha256) == 64 for r in rows)
    assert not any("geheime" in str(r) or HERE in str(r) for r in rows)
