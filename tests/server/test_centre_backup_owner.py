"""Backup, restore, verify and import-store as a municipality runs them: as the database's
owner, no superuser, with the runtime role and row-level security (FORCE: binding the
owner too) in place. A superuser would pass every policy and hide what this checks."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from sociaalveilig import demo
from sociaalveilig.services import centre
from sociaalveilig.storage.postgres.integrity import row_counts
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, _pg_admin, _pg_url
from tests.server.conftest import plain_engine, run_server

BACKUP_PASSPHRASE = "back-up-wachtwoord-centrum-2026"


class Owner:
    """A login role with CREATEROLE (for the runtime role) that owns its databases."""

    def __init__(self) -> None:
        self.role = f"sv_owner_{uuid.uuid4().hex[:10]}"
        self.databases: list[str] = []
        with _pg_admin().connect() as connection:
            connection.execute(text(f"CREATE ROLE {self.role} LOGIN CREATEROLE"))

    def database(self) -> str:
        name = f"o_{uuid.uuid4().hex[:16]}"
        with _pg_admin().connect() as connection:
            connection.execute(text(f"CREATE DATABASE {name} OWNER {self.role}"))
        self.databases.append(name)
        return _pg_url(name).replace("sv_test@", f"{self.role}@", 1)

    def drop(self) -> None:
        with _pg_admin().connect() as connection:
            for name in self.databases:
                connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            runtime = connection.execute(
                text("SELECT rolname FROM pg_roles WHERE rolname LIKE 'sv_runtime_o_%'")
            ).scalars().all()
            for role in runtime:
                if any(role.endswith(name) for name in self.databases):
                    connection.execute(text(f"DROP ROLE IF EXISTS {role}"))
            connection.execute(text(f"DROP ROLE IF EXISTS {self.role}"))


@pytest.fixture
def owner(pg_template: str) -> Iterator[Owner]:
    made = Owner()
    yield made
    made.drop()


def _superuser_counts(owner_url: str) -> dict[str, int]:
    """Rows per table as a superuser sees them (past every policy)."""
    url = owner_url.split("@", 1)[1]
    engine = plain_engine(f"postgresql://sv_test@{url}")
    try:
        with engine.connect() as connection:
            return row_counts(connection)
    finally:
        engine.dispose()


def test_backup_and_restore_as_the_owner_keep_every_row(owner: Owner, tmp_path: Path) -> None:
    source = owner.database()
    ctx = centre.create_centre(source, ADMIN, ADMIN_PASSPHRASE, "Beheerder Test")
    try:
        demo.fill_demo(ctx, 12)
    finally:
        ctx.store.close()
    rows = _superuser_counts(source)
    assert rows["signals"] >= 12 and rows["cases"] > 0

    out = tmp_path / "centrum.svcb"
    code, said, err = run_server("backup", str(out), "--database", source,
                                 "--passphrase-stdin", stdin=BACKUP_PASSPHRASE + "\n")
    assert (code, err) == (0, ""), err
    assert "gecontroleerd" in said
    target = owner.database()
    code, said, err = run_server("restore", str(out), "--database", target,
                                 "--passphrase-stdin", stdin=BACKUP_PASSPHRASE + "\n")
    assert (code, err) == (0, ""), err
    restored = _superuser_counts(target)
    assert {k: v for k, v in restored.items() if k != "audit_log"} == {
        k: v for k, v in rows.items() if k != "audit_log"
    }
    code, said, err = run_server("verify", "--database", target)
    assert (code, err) == (0, ""), err
    assert "Centrum in orde" in said
    # The restored centre serves: its users sign in (through the runtime role).
    signed_in = centre.centre_login(target, ADMIN, ADMIN_PASSPHRASE)
    signed_in.store.close()


def test_import_store_as_the_owner(owner: Owner, store_dir: Path) -> None:
    target = owner.database()
    code, said, err = run_server("import-store", str(store_dir), "--database", target,
                                 "--user", ADMIN, "--passphrase-stdin",
                                 stdin=ADMIN_PASSPHRASE + "\n")
    assert (code, err) == (0, ""), err
    code, said, err = run_server("verify", "--database", target)
    assert (code, err) == (0, ""), err
    assert "Centrum in orde" in said
    assert _superuser_counts(target)["users"] == 1
    signed_in = centre.centre_login(target, ADMIN, ADMIN_PASSPHRASE)
    signed_in.store.close()


def test_a_server_login_that_is_only_the_runtime_role_signs_in_and_runs_the_jobs(
    owner: Owner,
) -> None:
    """docs/server.md's optional ``sv_app``: a login with the runtime role's rights only
    (no ownership) serves the centre, and its job runner may claim and run the jobs."""
    from datetime import datetime

    from sociaalveilig.services.context import FixedClock
    from sociaalveilig.services.jobs import run_due, system_context
    from sociaalveilig.storage.postgres.jobs import PgJobClaims
    from sociaalveilig.storage.postgres.store import PgStore

    url = owner.database()
    ctx = centre.create_centre(url, ADMIN, ADMIN_PASSPHRASE, "Beheerder Test")
    ctx.store.close()
    database = url.rsplit("/", 1)[1]
    app = f"sv_app_{uuid.uuid4().hex[:8]}"
    with _pg_admin().connect() as connection:
        connection.execute(text(f"CREATE ROLE {app} LOGIN IN ROLE sv_runtime_{database}"))
    try:
        app_url = url.replace(f"{owner.role}@", f"{app}@", 1)
        signed_in = centre.centre_login(app_url, ADMIN, ADMIN_PASSPHRASE)
        signed_in.store.close()
        store = PgStore.open(app_url, pool_size=1)
        try:
            clock = FixedClock(datetime(2026, 4, 15, 10, 0))
            ran = run_due(system_context(store, clock), PgJobClaims(store.engine), "app")
        finally:
            store.close()
        assert [(r.job, r.outcome) for r in ran] == [
            ("retention-purge", "ok"), ("reminder-states", "ok")
        ]
    finally:
        with _pg_admin().connect() as connection:
            connection.execute(text(f"DROP OWNED BY {app}"))
            connection.execute(text(f"DROP ROLE {app}"))


def test_restore_where_the_runtime_role_is_gone_makes_it_again(
    owner: Owner, tmp_path: Path
) -> None:
    """As on another cluster: the backup's runtime role does not exist where it is
    restored. The owner (CREATEROLE) makes it, and the restored centre serves."""
    source = owner.database()
    ctx = centre.create_centre(source, ADMIN, ADMIN_PASSPHRASE, "Beheerder Test")
    ctx.store.close()
    out = tmp_path / "centrum.svcb"
    code, _, err = run_server("backup", str(out), "--database", source,
                              "--passphrase-stdin", stdin=BACKUP_PASSPHRASE + "\n")
    assert (code, err) == (0, ""), err
    database = source.rsplit("/", 1)[1]
    with _pg_admin().connect() as connection:
        connection.execute(text(f"DROP DATABASE {database} WITH (FORCE)"))
        # The runtime role and its two variants (the row policies name the variants): all
        # gone, as on another cluster.
        for role in (f"sv_runtime_{database}_all", f"sv_runtime_{database}_partner",
                     f"sv_runtime_{database}"):
            connection.execute(text(f"DROP ROLE IF EXISTS {role}"))
    target = owner.database()
    code, _, err = run_server("restore", str(out), "--database", target,
                              "--passphrase-stdin", stdin=BACKUP_PASSPHRASE + "\n")
    assert (code, err) == (0, ""), err
    with _pg_admin().connect() as connection:
        made = connection.execute(
            text("SELECT pg_has_role(:owner, :role, 'MEMBER')"),
            {"owner": owner.role, "role": f"sv_runtime_{database}"},
        ).scalar()
    assert made is True
    engine = plain_engine(target)
    try:
        with engine.connect() as connection:  # the row policies are there again
            policies = set(connection.execute(text(
                "SELECT tablename || '.' || policyname FROM pg_policies"
            )).scalars())
    finally:
        engine.dispose()
    assert {"signals.sv_all", "signals.sv_read", "cases.sv_read"} <= policies
    signed_in = centre.centre_login(target, ADMIN, ADMIN_PASSPHRASE)
    signed_in.store.close()
