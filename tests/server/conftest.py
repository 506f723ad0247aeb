"""Fixtures for the centre's server: an open centre store (a cloned database) and its app."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sociaalveilig.storage.postgres.store import PgStore


@pytest.fixture
def centre_store(pg_database: str) -> Iterator[PgStore]:
    store = PgStore.open(pg_database, pool_size=2)
    yield store
    store.close()
