"""The runtime role (storage/postgres/roles.py): the store the server opens acts as a role
that owns nothing, may only append to the audit log and may change no schema."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage.postgres import roles
from sociaalveilig.storage.postgres.store import PgStore


@pytest.fixture
def backend() -> str:
    return "postgresql"


@pytest.fixture
def store(admin_ctx: ServiceContext) -> PgStore:
    assert isinstance(admin_ctx.store, PgStore)
    return admin_ctx.store


REFUSED = [
    "CREATE TABLE stolen (x integer)",
    "ALTER TABLE signals ADD COLUMN stolen integer",
    "DROP TABLE reminder_states",
    "UPDATE audit_log SET outcome = 'ok'",
    "DELETE FROM audit_log",
    "TRUNCATE audit_log",
    "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update",
    "CREATE FUNCTION stolen() RETURNS integer LANGUAGE sql AS 'SELECT 1'",
    "UPDATE alembic_version SET version_num = '0001'",
]


def test_the_store_acts_as_the_runtime_role(store: PgStore) -> None:
    assert store.runtime_role is not None
    assert store.runtime_role.startswith(roles.ROLE_PREFIX)
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT current_user")).scalar() == store.runtime_role
        owner = connection.execute(
            text("SELECT tableowner FROM pg_tables WHERE tablename = 'signals'")
        ).scalar()
        assert owner != store.runtime_role
        # a NOLOGIN role: nobody signs in with it
        assert connection.execute(
            text("SELECT rolcanlogin FROM pg_roles WHERE rolname = current_user")
        ).scalar() is False


@pytest.mark.parametrize("statement", REFUSED)
def test_what_the_runtime_role_may_not_do(store: PgStore, statement: str) -> None:
    with store.engine.connect() as connection, pytest.raises(DBAPIError) as caught:
        connection.execute(text(statement))
    assert "permission denied" in str(caught.value) or "must be owner" in str(caught.value)


def test_the_runtime_role_appends_and_reads_the_audit_log(admin_ctx: ServiceContext) -> None:
    from sociaalveilig.storage import audit

    with admin_ctx.unit() as session:
        admin_ctx.audit(session, "view", "case", "C-2026-00001")
    with admin_ctx.store.engine.connect() as connection:
        grants = set(
            connection.execute(
                text(
                    "SELECT privilege_type FROM information_schema.role_table_grants "
                    "WHERE table_name = 'audit_log' AND grantee = current_user"
                )
            ).scalars()
        )
    assert grants == {"SELECT", "INSERT"}
    with admin_ctx.unit() as session:
        assert audit.verify_chain(session).ok


def test_an_owner_store_keeps_the_owner(pg_database: str) -> None:
    store = PgStore.open(pg_database, pool_size=1, as_owner=True)
    try:
        with store.engine.connect() as connection:
            assert not connection.execute(text("SELECT current_user")).scalar().startswith(
                roles.ROLE_PREFIX
            )
    finally:
        store.close()


@pytest.mark.parametrize(
    ("database", "expected"),
    [
        ("centrum", "sv_runtime_centrum"),
        ("t_0a1b", "sv_runtime_t_0a1b"),
    ],
)
def test_the_role_is_named_after_the_database(database: str, expected: str) -> None:
    assert roles.runtime_role_name(database) == expected


def test_odd_and_long_database_names_give_distinct_plain_names() -> None:
    a = roles.runtime_role_name("Centrum-Parkstad")
    b = roles.runtime_role_name("centrum_parkstad")
    long_a = roles.runtime_role_name("c" * 80 + "a")
    long_b = roles.runtime_role_name("c" * 80 + "b")
    assert a != b and long_a != long_b
    for name in (a, long_a, long_b):
        assert len(name) <= 63
        roles.quoted(name)  # a plain identifier, or ValueError
