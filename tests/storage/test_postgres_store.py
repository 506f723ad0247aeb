"""The centre's PostgreSQL store: what only it has (tsvector and trigram search, the
append-only trigger, Argon2id credentials, its audit-head check, a clear error when the
server is away). The portable behaviour runs in the service tests on both stores."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Select, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from sociaalveilig.core.errors import (
    AuthenticationError,
    SignInThrottled,
    StoreUnavailable,
    UsageError,
    ValidationError,
)
from sociaalveilig.services import search
from sociaalveilig.services import signals as sv
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.search import SignalQuery
from sociaalveilig.services.signal_intake import NO_CASE, SignalInput
from sociaalveilig.storage.migrations.postgres_ddl import ADDRESS_ORDER_INDEX, PG_ONLY_INDEXES
from sociaalveilig.storage.models import AuditHead, Base, Person, Signal, StatusChange
from sociaalveilig.storage.postgres.credentials import credentials_table
from sociaalveilig.storage.postgres.roles import PG_ONLY_TABLES
from sociaalveilig.storage.postgres.search import PgTextSearch, search_terms
from sociaalveilig.storage.postgres.store import PgMaintenance, PgStore, engine_url
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, TEST_NOW


@pytest.fixture
def backend() -> str:
    """Every test here is about the PostgreSQL store (``admin_ctx`` on a fresh centre)."""
    return "postgresql"


@pytest.fixture
def pg_ctx(coordinator_ctx: ServiceContext) -> ServiceContext:
    """A coordinator on a fresh centre (who registers signals)."""
    return coordinator_ctx


@pytest.fixture
def store(pg_ctx: ServiceContext) -> PgStore:
    assert isinstance(pg_ctx.store, PgStore)
    return pg_ctx.store


def _signal(ctx: ServiceContext, street: str, description: str, postcode: str = "6463 AB") -> str:
    detail = sv.register_signal(
        ctx,
        SignalInput(
            received_at=TEST_NOW,
            source="bewoner",
            category="WO-OVL",
            postcode=postcode,
            house_number=7,
            street=street,
            city="Kerkrade",
            description=description,
        ),
        NO_CASE,
    )
    return detail.signal_id


def _find(store: PgStore, user_text: str) -> set[str]:
    match = store.search.signal_match(user_text)
    assert match is not None
    with store.read_unit() as session:
        return set(session.execute(select(Signal.id).where(match)).scalars())


def test_search_finds_word_starts_parts_of_streets_stems_and_ignores_accents(
    pg_ctx: ServiceContext, store: PgStore
) -> None:
    kouvender = _signal(pg_ctx, "Kouvenderstraat", "Fictief: geluidsoverlast bij het café")
    akker = _signal(pg_ctx, "Akkerweg", "Fictief: woningen verwaarloosd", postcode="6431 BC")
    assert _find(store, "kouvender") == {kouvender}
    assert _find(store, "KOUVENDERSTRAAT") == {kouvender}
    # Inside a street (trigram): SQLite finds word starts only.
    assert _find(store, "venderstr") == {kouvender}
    assert _find(store, "cafe") == _find(store, "Café") == {kouvender}
    # Every word must occur; a Dutch stem matches ("woning" in "woningen").
    assert _find(store, "woning verwaarloosd") == {akker}
    assert _find(store, "woning kouvender") == set()
    assert _find(store, "6431") == {akker}
    reference = store_reference(store, akker)
    assert _find(store, reference) == {akker}
    assert _find(store, reference.lower()) == {akker}


def store_reference(store: PgStore, signal_id: str) -> str:
    with store.read_unit() as session:
        return str(session.execute(select(Signal.reference).where(Signal.id == signal_id))
                   .scalar_one())


def test_user_text_is_never_query_syntax(pg_ctx: ServiceContext, store: PgStore) -> None:
    kouvender = _signal(pg_ctx, "Kouvenderstraat", "Fictief: afval naast de deur")
    for hostile in ["afval' | 'x", "!afval", "afval:*", "afval & (", "a <-> b", "\\d", "a:b"]:
        # No error, and an operator typed is a character between words, not an operator.
        _find(store, hostile)
    for no_words in ["'", "<->", "\\", " & | ! "]:
        assert store.search.signal_match(no_words) is None
    assert _find(store, "!afval") == {kouvender}
    assert _find(store, "afval | zzzonbekend") == set()
    assert search_terms("a-b c") == [["a", "b"], ["c"]]
    assert PgTextSearch().signal_match("  --- ") is None


def test_person_names_are_found_by_part_on_the_trigram_index(store: PgStore) -> None:
    with store.unit() as session:
        session.add(Person(reference="P-0001", name="Fictief de Wit-Janssen", created_at=TEST_NOW))
    with store.read_unit() as session:
        found = session.execute(
            select(Person.reference).where(Person.name.ilike("%janssen%"))
        ).scalars().all()
        indexes = set(session.execute(
            text("SELECT indexname FROM pg_indexes WHERE tablename = 'persons'")
        ).scalars())
    assert found == ["P-0001"]
    assert "ix_persons_name_trgm" in indexes


def test_audit_log_refuses_update_delete_and_truncate(
    pg_ctx: ServiceContext, store: PgStore
) -> None:
    _signal(pg_ctx, "Akkerweg", "Fictief: geur")  # a row of history (row triggers)
    # The triggers are the line behind the runtime role's privileges
    # (tests/server/test_guard_role.py): they bind the owner too.
    owner = PgStore.open(store.url, pool_size=1, as_owner=True)
    try:
        for statement in (
            "UPDATE audit_log SET username = 'x'",
            "DELETE FROM audit_log",
            "TRUNCATE audit_log",
            "DELETE FROM audit_head",
            "DELETE FROM status_history",
        ):
            # a connection of the owner's own (a unit acts as the runtime role's variant)
            with pytest.raises(DBAPIError, match="append-only"), owner.engine.begin() as conn:
                conn.execute(text(statement))
    finally:
        owner.close()
    with store.read_unit() as session:
        assert session.execute(text("SELECT count(*) FROM audit_log")).scalar_one() > 0


def test_status_history_purge_lifts_the_trigger_for_its_own_transaction_only(
    pg_ctx: ServiceContext, store: PgStore
) -> None:
    signal_id = _signal(pg_ctx, "Akkerweg", "Fictief: geur")
    _signal(pg_ctx, "Akkerweg", "Fictief: licht")
    with store.unit() as session:
        assert store.maintenance.purge_status_history(session, [signal_id]) >= 1
    with pytest.raises(DBAPIError, match="append-only"), store.unit() as session:
        session.execute(text("DELETE FROM status_history"))


def test_read_unit_refuses_writes(store: PgStore) -> None:
    with pytest.raises(DBAPIError, match="read-only"), store.read_unit() as session:
        session.execute(text("INSERT INTO settings (key, value) VALUES ('x', 'y')"))


def test_credentials_hash_check_throttle_and_change(store: PgStore) -> None:
    creds = store.pg_credentials
    assert creds.has_user(ADMIN) and not creds.must_change(ADMIN)
    with store.read_unit() as session:
        row = session.execute(select(credentials_table)).mappings().one()
    assert ADMIN_PASSPHRASE.encode() not in bytes(row["passphrase_hash"])
    assert row["memory_kib"] >= 65536 and row["iterations"] >= 3 and row["lanes"] == 4
    creds.check(ADMIN, ADMIN_PASSPHRASE)
    with pytest.raises(AuthenticationError):
        creds.check("niemand", ADMIN_PASSPHRASE)
    creds.set_user("coordinator", "tijdelijk-wachtwoord-987", must_change=True)
    assert creds.must_change("coordinator")
    creds.change_passphrase("coordinator", "tijdelijk-wachtwoord-987", "eigen-wachtwoord-456x")
    assert not creds.must_change("coordinator")
    creds.check("coordinator", "eigen-wachtwoord-456x")
    with pytest.raises(ValidationError):
        creds.add_user("coordinator", "nog-een-wachtwoord-321")
    failures = 0
    with pytest.raises(SignInThrottled):
        for _ in range(20):
            try:
                creds.check("coordinator", "fout-wachtwoord")
            except SignInThrottled:
                raise
            except AuthenticationError:
                failures += 1
    assert failures >= 1
    # Throttled: even the right passphrase waits.
    with pytest.raises(SignInThrottled):
        creds.check("coordinator", "eigen-wachtwoord-456x")
    creds.remove_user("coordinator")
    assert not creds.has_user("coordinator")


def test_audit_head_that_does_not_fit_the_log_is_reported(store: PgStore) -> None:
    assert store.anchor_problem() is None
    with store.unit() as session:
        session.execute(update(AuditHead).values(last_hash="f" * 64))
    problem = store.anchor_problem()
    assert problem is not None and "auditketen" in problem


def test_schema_on_postgresql_is_exactly_the_models(store: PgStore) -> None:
    """The one history builds the models on PostgreSQL too (besides its own search
    column, trigram indexes, credentials and job runs tables)."""
    with store.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    own = (
        "_search", "_trgm", "user_credentials", "server_sessions", "job_runs", "search_vector",
        *PG_ONLY_INDEXES, *PG_ONLY_TABLES,
    )

    def ours(entry: object) -> bool:
        return any(part in repr(entry) for part in own)

    assert [d for d in diff if not ours(d)] == []


def test_initialise_refuses_a_database_that_is_not_empty(pg_database: str) -> None:
    with pytest.raises(ValidationError, match="niet leeg"):
        PgStore.initialise(pg_database, ADMIN, "een-ander-wachtwoord-741")


def test_a_server_that_cannot_be_reached_is_exit_6_without_the_password() -> None:
    with pytest.raises(StoreUnavailable) as caught:
        PgStore.open("postgresql://sv:geheim-wachtwoord@127.0.0.1:1/centrum")
    assert caught.value.exit_code == 6
    assert "127.0.0.1:1" in caught.value.message
    assert "geheim" not in caught.value.message


def test_only_postgresql_urls_are_taken() -> None:
    assert engine_url("postgresql://u@h/db").startswith("postgresql+psycopg://")
    with pytest.raises(UsageError):
        engine_url("sqlite:///x.db")
    with pytest.raises(UsageError):
        engine_url("geen url")


# --------------------------------------------------------------------------- performance


def test_connections_start_no_parallel_workers_and_no_jit(store: PgStore) -> None:
    with store.read_unit() as session:
        workers = session.execute(text("SHOW max_parallel_workers_per_gather")).scalar_one()
        jit = session.execute(text("SHOW jit")).scalar_one()
    assert (workers, jit) == ("0", "off")


def _plan(session: Session, stmt: Select[Any]) -> str:
    compiled = stmt.compile(dialect=session.get_bind().dialect)
    result = session.connection().exec_driver_sql(f"EXPLAIN (VERBOSE) {compiled}",
                                                  compiled.params)
    return "\n".join(str(row[0]) for row in result)


def test_a_search_computes_its_tsquery_once_when_planned(
    pg_ctx: ServiceContext, store: PgStore
) -> None:
    """The text's tsquery is a constant in the plan, not ``to_tsquery(...)`` evaluated
    again for each row a list walks."""
    _signal(pg_ctx, "Akkerweg", "Fictief: woningen verwaarloosd")
    match = store.search.signal_match("woning akker")
    assert match is not None
    with store.read_unit() as session:
        plan = _plan(session, select(Signal.id).where(match))
    assert "@@" in plan and "to_tsquery" not in plan


def test_a_list_in_address_order_can_be_read_from_its_index(
    pg_ctx: ServiceContext, store: PgStore
) -> None:
    """The index matches the services' sort key exactly (else the planner could never use
    it): with sorting and table scans priced out, the address list is read through it,
    in the same order as sorted."""
    for street in ("Akkerweg", "Mergelweg", "Bongerd"):
        _signal(pg_ctx, street, "Fictief: afval")
    q = SignalQuery(sort="address", received_from=TEST_NOW.date() - timedelta(days=365))
    expected = search.signal_ids(pg_ctx, q)
    with store.read_unit() as session:
        session.execute(text("SET LOCAL enable_sort = off"))
        session.execute(text("SET LOCAL enable_seqscan = off"))
        stmt = search._signal_select(pg_ctx, q, session, 201).limit(201)
        plan = _plan(session, stmt)
        ids = list(session.execute(stmt).scalars())
    assert ADDRESS_ORDER_INDEX in plan
    assert ids == expected and len(ids) == 3


def _estimated_rows(store: PgStore, table: str) -> float:
    with store.read_unit() as session:
        return float(session.execute(
            text("SELECT reltuples FROM pg_class WHERE relname = :table"), {"table": table}
        ).scalar_one())


def _add_history(store: PgStore, n: int) -> None:
    with store.unit() as session:
        session.execute(insert(StatusChange), [
            {"object_type": "signal", "object_id": f"fictief{i:024d}", "from_status": None,
             "to_status": "nieuw", "at": datetime(2026, 1, 5, 9, 0), "user_id": None,
             "reason": None}
            for i in range(n)
        ])


def test_statistics_are_taken_again_only_where_a_table_changed_much(store: PgStore) -> None:
    with store.engine.begin() as connection:
        # Autovacuum must not take them meanwhile: this database is the test's own (and
        # only its owner may say so; the store acts as the runtime role).
        connection.execute(text("RESET ROLE"))
        connection.execute(text("ALTER TABLE status_history SET (autovacuum_enabled = false)"))
    store.maintenance.refresh_statistics()
    before = _estimated_rows(store, "status_history")
    _add_history(store, 1000)
    store.maintenance.refresh_statistics()
    grown = _estimated_rows(store, "status_history")
    assert grown == max(before, 0) + 1000
    # One row more in a thousand: left to autovacuum, not another ANALYZE.
    _add_history(store, 1)
    store.maintenance.refresh_statistics()
    assert _estimated_rows(store, "status_history") == grown


_LOSE_CONNECTION = "SELECT pg_terminate_backend(pg_backend_pid())"


def test_a_connection_lost_in_maintenance_is_its_own_error(store: PgStore) -> None:
    # The database restarting during ANALYZE: the lost connection's error, not another
    # from setting the role back on it (found by the load run's PostgreSQL restarts).
    with pytest.raises(DBAPIError):
        PgMaintenance._autocommit(store.maintenance, _LOSE_CONNECTION)  # type: ignore[arg-type]


def test_maintenance_after_committed_work_does_not_fail_it(
    store: PgStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import or a purge has committed when the statistics are refreshed and the space
    reclaimed: a restart of the database then must not report the work as failed (a desk
    would offer to import again)."""
    original = PgMaintenance._autocommit
    tried: list[str] = []

    def lose_connection(self: PgMaintenance, statement: str) -> None:
        tried.append(statement)
        original(self, _LOSE_CONNECTION)

    _add_history(store, 50)
    monkeypatch.setattr(PgMaintenance, "_autocommit", lose_connection)
    store.maintenance.refresh_statistics()
    assert tried and tried[0].startswith("ANALYZE")
    assert store.maintenance.reclaim_space() is False
    # The pool hands out working connections afterwards.
    with store.read_unit() as session:
        assert session.execute(select(func.count()).select_from(StatusChange)).scalar_one() == 50
