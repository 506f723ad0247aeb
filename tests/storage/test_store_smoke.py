from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage.models import Category, FocusArea, Postcode, RoutingRule


def test_new_store_is_seeded(admin_ctx: ServiceContext) -> None:
    with admin_ctx.unit() as s:
        assert s.scalar(select(func.count()).select_from(FocusArea)) == 8
        assert s.scalar(select(func.count()).select_from(Category)) == 16
        assert s.scalar(select(func.count()).select_from(RoutingRule)) >= 2
        assert s.get(Postcode, "6431") is not None


def test_store_files_are_private(store_dir: Path) -> None:
    for name in ("sociaalveilig.db", "keyslots.json"):
        assert (store_dir / name).stat().st_mode & 0o077 == 0
