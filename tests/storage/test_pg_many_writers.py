"""Many writers at once on PostgreSQL: units at REPEATABLE READ in one write order
(storage/postgres/units.py), the audit chain one chain, references unique and gap-free,
serialization failures and deadlocks retried (services/retry.py), errors told as what
they are (storage/errors.py). Real connections to a throw-away cluster
(``SV_TEST_DATABASE_URL``, set by ``make test`` through tools/pgcluster.py)."""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, create_engine, func, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from sociaalveilig.core.errors import ConflictError, StoreUnavailable, ValidationError
from sociaalveilig.services import retry
from sociaalveilig.services.refs import RefKind, reserve_references
from sociaalveilig.services.retry import retrying
from sociaalveilig.storage import audit
from sociaalveilig.storage.errors import classify_exception, is_transient
from sociaalveilig.storage.models import AuditEntry, AuditHead, Base, Counter, Partner, Setting
from sociaalveilig.storage.postgres.units import (
    UNIT_ISOLATION,
    begin_write,
    install,
    order_writes,
)

PG_URL = os.environ.get("SV_TEST_DATABASE_URL", "")
THREADS = 8
UNITS_PER_THREAD = 50


def _url(database: str) -> str:
    return (
        make_url(PG_URL)
        .set(drivername="postgresql+psycopg", database=database)
        .render_as_string(hide_password=False)
    )


@pytest.fixture
def pg_engine() -> Iterator[Engine]:
    """A fresh database with the store's tables and the audit head, dropped afterwards."""
    if not PG_URL:
        pytest.skip("SV_TEST_DATABASE_URL is not set: run 'make test' for the PostgreSQL tests")
    name = f"t_rules_{uuid.uuid4().hex[:12]}"
    admin = create_engine(_url("postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    engine = create_engine(_url(name), pool_size=THREADS + 2, max_overflow=4)
    Base.metadata.create_all(engine)
    with Session(engine) as session, session.begin():
        session.add(AuditHead(id=1, last_id=0, last_hash=audit.GENESIS_HASH))
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def _sessions(engine: Engine) -> sessionmaker[Session]:
    sessions = sessionmaker(
        engine.execution_options(isolation_level=UNIT_ISOLATION), expire_on_commit=False
    )
    install(sessions)
    return sessions


@contextmanager
def write_unit(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """A unit as ``PgStore.unit`` runs one: REPEATABLE READ, the write order first."""
    with sessions() as session, session.begin():
        order_writes(session)
        yield session


def _event(user: str, action: str, object_id: str) -> audit.AuditEvent:
    return audit.AuditEvent(user, "coordinator", action, "signal", object_id)


def _run_threads(work: Callable[[int], None], count: int = THREADS) -> list[BaseException]:
    errors: list[BaseException] = []
    start = threading.Barrier(count)

    def body(n: int) -> None:
        try:
            start.wait()
            work(n)
        except BaseException as exc:  # collected and asserted on by the test
            errors.append(exc)

    threads = [threading.Thread(target=body, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


# --------------------------------------------------------------------------- many writers


def test_eight_writers_make_one_audit_chain_and_unique_gap_free_references(
    pg_engine: Engine,
) -> None:
    sessions = _sessions(pg_engine)
    taken: list[str] = []
    taken_lock = threading.Lock()

    @retrying
    def register(n: int, i: int) -> str:
        # What registering a signal does to the shared rows: a reference from the
        # counter, a record, and audit entries (the change and a view).
        with write_unit(sessions) as session:
            (ref,) = reserve_references(session, RefKind.SIGNAL, 2026, 1)
            session.add(Setting(key=ref, value=f"desk-{n}"))
            session.flush()
            at = datetime.now(UTC)
            audit.append(session, _event(f"desk{n}", "signal_create", ref), at)
            audit.append(session, _event(f"desk{n}", "view", ref), at)
            return ref

    def desk(n: int) -> None:
        for i in range(UNITS_PER_THREAD):
            ref = register(n, i)
            with taken_lock:
                taken.append(ref)

    assert _run_threads(desk) == []
    total = THREADS * UNITS_PER_THREAD
    numbers = sorted(int(ref.rsplit("-", 1)[1]) for ref in taken)
    assert numbers == list(range(1, total + 1))  # unique and without gaps
    with sessions() as session, session.begin():
        report = audit.verify_chain(session)
        assert report.ok and report.entries == 2 * total
        rows = session.execute(
            select(AuditEntry.id, AuditEntry.prev_hash, AuditEntry.hash).order_by(AuditEntry.id)
        ).all()
        head = session.execute(select(AuditHead)).scalar_one()
        stored = session.execute(select(func.count()).select_from(Setting)).scalar_one()
    # One chain: every entry names the one before it, the head the last.
    assert [r.prev_hash for r in rows[1:]] == [r.hash for r in rows[:-1]]
    assert rows[0].prev_hash == audit.GENESIS_HASH
    assert (head.last_id, head.last_hash) == (rows[-1].id, rows[-1].hash)
    assert stored == total


def test_without_the_write_order_a_unit_reads_a_head_another_has_moved(
    pg_engine: Engine,
) -> None:
    """Why the lock comes first: a unit whose snapshot was taken before it waited for the
    other writer sees the head as it was, and its append is refused (40001)."""
    sessions = _sessions(pg_engine)
    first = sessions()
    first.begin()
    order_writes(first)
    audit.append(first, _event("desk1", "view", "x"), datetime.now(UTC))
    second = sessions()
    second.begin()
    second.execute(select(func.count()).select_from(Setting))  # the snapshot, before the lock
    outcome: list[BaseException] = []

    def late_writer() -> None:
        try:
            begin_write(second)
            audit.append(second, _event("desk2", "view", "y"), datetime.now(UTC))
            second.commit()
        except BaseException as exc:  # asserted on below
            outcome.append(exc)
            second.rollback()

    thread = threading.Thread(target=late_writer)
    thread.start()
    first.commit()
    thread.join()
    first.close()
    second.close()
    assert len(outcome) == 1 and is_transient(outcome[0])


# --------------------------------------------------------------------------- retried conflicts


def _counter(engine: Engine, name: str) -> int:
    with Session(engine) as session:
        return int(session.execute(select(Counter.value).where(Counter.name == name)).scalar_one())


def test_two_units_updating_one_row_in_lockstep_are_retried_and_both_land(
    pg_engine: Engine,
) -> None:
    sessions = _sessions(pg_engine)
    with sessions() as session, session.begin():
        session.add(Counter(name="lockstep", value=0))
    both_read = threading.Barrier(2)
    attempts: list[int] = []

    @retrying
    def add_one(n: int) -> None:
        attempts.append(n)
        # No write order here on purpose: both read the row before either writes, so
        # the second to write meets the first's committed change.
        with sessions() as session, session.begin():
            value = session.execute(
                select(Counter.value).where(Counter.name == "lockstep")
            ).scalar_one()
            if attempts.count(n) == 1:
                both_read.wait()
            session.execute(
                update(Counter).where(Counter.name == "lockstep").values(value=value + 1)
            )

    assert _run_threads(add_one, 2) == []
    assert _counter(pg_engine, "lockstep") == 2  # no update lost
    assert len(attempts) == 3  # one of the two ran again


def test_a_deadlock_is_retried_and_both_changes_land(pg_engine: Engine) -> None:
    sessions = _sessions(pg_engine)
    with sessions() as session, session.begin():
        session.add_all([Counter(name="a", value=0), Counter(name="b", value=0)])
    first_locked = threading.Barrier(2)
    attempts: list[int] = []

    @retrying
    def both_rows(n: int) -> None:
        attempts.append(n)
        order = ("a", "b") if n == 0 else ("b", "a")
        with sessions() as session, session.begin():
            session.execute(text("SET LOCAL deadlock_timeout = '50ms'"))
            for step, name in enumerate(order):
                session.execute(
                    update(Counter).where(Counter.name == name).values(value=Counter.value + 1)
                )
                if step == 0 and attempts.count(n) == 1:
                    first_locked.wait()

    assert _run_threads(both_rows, 2) == []
    assert (_counter(pg_engine, "a"), _counter(pg_engine, "b")) == (2, 2)
    assert len(attempts) == 3


def test_a_conflict_that_never_clears_ends_in_a_dutch_line(
    pg_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(retry, "pause", lambda attempt: None)
    sessions = _sessions(pg_engine)
    with sessions() as session, session.begin():
        session.add(Counter(name="busy", value=0))
    tries: list[int] = []

    def other_desk() -> None:
        with sessions() as other, other.begin():
            other.execute(
                update(Counter).where(Counter.name == "busy").values(value=Counter.value + 1)
            )

    @retrying
    def always_late() -> None:
        tries.append(1)
        with sessions() as session, session.begin():
            session.execute(select(Counter.value).where(Counter.name == "busy")).scalar_one()
            desk = threading.Thread(target=other_desk)  # another desk commits meanwhile
            desk.start()
            desk.join()
            session.execute(
                update(Counter).where(Counter.name == "busy").values(value=Counter.value + 1)
            )

    with pytest.raises(ConflictError) as caught:
        always_late()
    assert caught.value.message == "Iemand anders wijzigde dit tegelijk; probeer het opnieuw."
    assert len(tries) == retry.TRIES
    assert _counter(pg_engine, "busy") == retry.TRIES  # only the other desk's changes


# ------------------------------------------------------------------ errors as what they are


def test_a_server_that_refuses_the_connection_is_unavailable_exit_6() -> None:
    engine = create_engine("postgresql+psycopg://sv@127.0.0.1:1/none", poolclass=NullPool)
    with pytest.raises(DBAPIError) as caught, engine.connect():
        pass
    mapped = classify_exception(caught.value)
    assert isinstance(mapped, StoreUnavailable) and mapped.exit_code == 6
    assert "niet bereikbaar" in mapped.message


def test_a_duplicate_is_a_conflict_and_too_long_a_value_is_refused_first(
    pg_engine: Engine,
) -> None:
    sessions = _sessions(pg_engine)
    with sessions() as session, session.begin():
        session.add(Partner(name="Fictieve partner", source_type="zorg", active=True))
    with pytest.raises(DBAPIError) as caught, sessions() as session, session.begin():
        session.add(Partner(name="Fictieve partner", source_type="zorg", active=True))
    mapped = classify_exception(caught.value)
    assert isinstance(mapped, ConflictError) and mapped.exit_code == 4
    # PostgreSQL refuses a name past VARCHAR(120) (SQLite would keep it) ...
    with pytest.raises(DBAPIError) as caught, pg_engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO partners (id, version, name, source_type, active) "
                "VALUES ('p2', 1, :name, 'zorg', true)"
            ),
            {"name": "n" * 121},
        )
    assert isinstance(classify_exception(caught.value), ValidationError)
    # ... and the guard refuses it before PostgreSQL sees it, naming the field.
    with pytest.raises(ValidationError) as refused, sessions() as session, session.begin():
        session.add(Partner(name="n" * 121, source_type="zorg", active=True))
    assert refused.value.message == "De tekst bij 'naam' is te lang: ten hoogste 120 tekens."
    with Session(pg_engine) as session:
        assert session.execute(select(func.count()).select_from(Partner)).scalar_one() == 1
