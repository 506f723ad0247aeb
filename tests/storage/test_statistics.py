"""The planner's statistics: taken after a load and when a store is locked."""

from __future__ import annotations

from pathlib import Path

import pytest

from sociaalveilig.core.errors import UsageError
from sociaalveilig.demo import fill_demo
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.desk import desk_store, store_folder
from sociaalveilig.storage.sqlite.store import Store
from tests.conftest import _TEMPLATE_KEY


def _analysed_tables(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        present = conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"
        ).scalar()
        if not present:
            return set()
        return {str(t) for (t,) in conn.exec_driver_sql("SELECT DISTINCT tbl FROM sqlite_stat1")}


def test_the_demo_leaves_statistics_for_the_lists(admin_ctx: ServiceContext) -> None:
    store = desk_store(admin_ctx)
    assert "signals" not in _analysed_tables(store)
    fill_demo(admin_ctx, 60)
    assert {"signals", "cases"} <= _analysed_tables(store)


def test_locking_a_store_takes_statistics_of_tables_without_them(store_dir: Path) -> None:
    store = Store.open_with_key(store_dir, bytearray(_TEMPLATE_KEY["key"]))
    with store.engine.begin() as conn:  # as a store made before statistics were taken
        conn.exec_driver_sql("DROP TABLE sqlite_stat1")
    assert _analysed_tables(store) == set()
    store.close()
    again = Store.open_with_key(store_dir, bytearray(_TEMPLATE_KEY["key"]))
    try:
        assert {"categories", "postcodes"} <= _analysed_tables(again)
    finally:
        again.close()


class _ElsewhereStore:
    """Stands in for a store that is not a folder on this computer (a centre)."""


def test_single_desk_work_is_refused_on_another_store(admin_ctx: ServiceContext) -> None:
    assert store_folder(admin_ctx) == desk_store(admin_ctx).folder
    elsewhere = ServiceContext(_ElsewhereStore(), admin_ctx.actor)  # type: ignore[arg-type]
    assert store_folder(elsewhere) is None
    with pytest.raises(UsageError, match="niet met een centrum"):
        desk_store(elsewhere)
