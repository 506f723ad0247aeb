"""The single desk's own store, for the few use cases that are about a folder on this
computer (its backups, its automatic backup, the window's store folder).

Every other service sees a store only through ``storage.seam.StoreSeam``; this module, with
``setup`` (signing in to a folder, the recovery code) and ``maintenance`` (backup, restore,
verify of a folder), may reach the SQLite store itself (docs/architecture.md).
"""

from __future__ import annotations

from pathlib import Path

from sociaalveilig.core.errors import UsageError
from sociaalveilig.core.i18n import tr
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage.sqlite.store import Store


def desk_store(ctx: ServiceContext) -> Store:
    """The store folder behind ``ctx``; a usage error (exit 2) on a shared store, which
    is backed up and verified on its server."""
    store = ctx.store
    if not isinstance(store, Store):
        raise UsageError(
            tr("Dit kan alleen met een opslag op deze computer, niet met een centrum.")
        )
    return store


def store_folder(ctx: ServiceContext) -> Path | None:
    """The folder of the store behind ``ctx``, or None when it is not on this computer."""
    store = ctx.store
    return store.folder if isinstance(store, Store) else None
