"""Schema migrations: every store written by an earlier schema version opens, migrates
to the newest revision and keeps its data; the migrations build exactly the models."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from sociaalveilig.services import maintenance
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.setup import login
from sociaalveilig.storage import migrate
from sociaalveilig.storage.models import Base, Signal
from tools.make_schema_fixture import FIXTURE_PASSPHRASE, FIXTURE_USER, FIXTURES, MARKER

VERSIONS = sorted(p.name.removeprefix("store_") for p in FIXTURES.glob("store_v*"))


def test_there_is_a_fixture_per_schema_version() -> None:
    assert "v1" in VERSIONS


@pytest.mark.parametrize("version", VERSIONS)
def test_store_of_earlier_version_opens_and_migrates(version: str, tmp_path: Path) -> None:
    folder = tmp_path / "store"
    shutil.copytree(FIXTURES / f"store_{version}", folder)
    ctx = login(folder, FIXTURE_USER, FIXTURE_PASSPHRASE)
    try:
        with ctx.store.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
        with ctx.unit() as session:
            texts = list(session.execute(select(Signal.description)).scalars())
        assert f"{MARKER} {version}" in texts
        assert maintenance.verify(ctx).ok
    finally:
        ctx.store.close()


def test_migrations_build_exactly_the_models(admin_ctx: ServiceContext) -> None:
    """A model change without a migration fails here: add a revision (and a fixture)."""
    with admin_ctx.store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # The FTS5 tables (and their shadow tables) live outside the ORM, in the adapter.
    diff = [
        d
        for d in diff
        if not (d[0] == "remove_table" and d[1].name.startswith(("signal_fts", "case_fts")))
    ]
    assert diff == []
