"""Fixtures for the centre's server: an open centre store (a cloned database), an empty
database, and running one of the operator's commands."""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from sociaalveilig.server import cli
from sociaalveilig.services.context import FixedClock
from sociaalveilig.storage.postgres.store import PgStore, engine_url
from tests.conftest import _pg_admin, _pg_url


@pytest.fixture
def centre_store(pg_database: str) -> Iterator[PgStore]:
    store = PgStore.open(pg_database, pool_size=2)
    yield store
    store.close()


@pytest.fixture
def server_clock(clock: FixedClock) -> FixedClock:
    return clock


def run_server(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    """``sociaalveilig-server ARGV`` in this process: exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(list(argv), io.StringIO(stdin), out, err)
    return code, out.getvalue(), err.getvalue()


def plain_engine(url: str) -> Any:
    """An engine without a pool on ``url``, for a test to look as the owner would."""
    return create_engine(engine_url(url), poolclass=NullPool)


def table_count(url: str) -> int:
    engine = plain_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
            )).scalar_one())
    finally:
        engine.dispose()


@pytest.fixture
def empty_database(pg_template: str) -> Iterator[str]:
    """The URL of a new, empty database (as ``createdb`` makes it); dropped afterwards."""
    name = f"e_{uuid.uuid4().hex[:16]}"
    admin = _pg_admin()
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield _pg_url(name)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()
