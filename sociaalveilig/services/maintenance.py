"""Backup, restore and verify of a store folder, as services (audit-logged).

A single-desk module: it works on the SQLite store itself (``storage.sqlite``)."""

from __future__ import annotations

from pathlib import Path

from sociaalveilig.core.enums import Role
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.desk import desk_store
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.users import require_role
from sociaalveilig.storage.sqlite.backup import (
    BackupInfo,
    IntegrityReport,
    check_store,
    restore_backup,
    write_backup,
)
from sociaalveilig.storage.sqlite.store import record_event


@retrying
def backup(ctx: ServiceContext, out: Path) -> BackupInfo:
    require_role(ctx, Role.BEHEERDER, Role.COORDINATOR)
    try:
        info = write_backup(desk_store(ctx), out, ctx.clock.utcnow())
    except BaseException:
        with ctx.unit() as session:
            ctx.audit(session, "backup", "store", None, outcome="failed")
        raise
    with ctx.unit() as session:
        ctx.audit(session, "backup", "store", None)
    return info


def restore(backup_file: Path, to: Path, username: str | None, passphrase: str) -> Path:
    """Restore into a new folder. Logged in the restored store at its next unlock."""
    target = restore_backup(backup_file, to, username, passphrase)
    record_event(target, username or "-", "restore")
    return target


@retrying
def verify(ctx: ServiceContext) -> IntegrityReport:
    report = check_store(desk_store(ctx))
    if report.ok:
        with ctx.unit() as session:
            ctx.audit(session, "verify", "store", None)
    return report
