"""Automatic daily backup: rotation keeps N, each verified, a failure stays a warning until
the next good backup. Fake clock; real backups of a small test store."""

from __future__ import annotations

import os
import tarfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import AccessDenied, StoreDamaged, ValidationError
from sociaalveilig.services import autobackup
from sociaalveilig.services.context import FixedClock, ServiceContext
from sociaalveilig.storage.models import AuditEntry

# Backups are files of the desk's store folder (the centre's backup is a separate issue).
pytestmark = pytest.mark.desk_store


def _outcomes(ctx: ServiceContext) -> list[tuple[str, str]]:
    with ctx.unit() as session:
        return [
            (e.action, e.outcome)
            for e in session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()
            if e.action == "backup"
        ]


def test_daily_backup_rotation_keeps_the_last_n_each_verified(
    admin_ctx: ServiceContext, clock: FixedClock, tmp_path: Path
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    foreign = folder / "notities.txt"
    foreign.write_text("niet van het programma")
    autobackup.configure(admin_ctx, folder, keep=3)
    assert autobackup.is_due(admin_ctx)

    made: list[Path] = []
    for day in range(5):
        clock.set(datetime(2026, 4, 15 + day, 12, 30))
        result = autobackup.run_backup(admin_ctx)
        assert result.ran and result.ok, result.message
        assert result.path is not None
        made.append(result.path)
        autobackup.verify_file(result.path)
        # Once a day: a second run the same day does nothing.
        again = autobackup.run_backup(admin_ctx)
        assert not again.ran and again.ok
        assert not autobackup.is_due(admin_ctx)

    kept = autobackup.backup_files(folder)
    assert kept == list(reversed(made[-3:]))
    assert not made[0].exists() and not made[1].exists()
    assert foreign.read_text() == "niet van het programma"
    with tarfile.open(kept[0]) as tar:
        assert sorted(tar.getnames()) == ["keyslots.json", "manifest.json", "sociaalveilig.db"]
    status = autobackup.status(admin_ctx)
    assert status.last_file == made[-1].name
    assert status.last_ok == datetime(2026, 4, 19, 12, 30)
    assert status.warning is None
    assert _outcomes(admin_ctx).count(("backup", "ok")) == 5

    forced = autobackup.run_backup(admin_ctx, force=True)
    assert forced.ok and len(autobackup.backup_files(folder)) == 3


def test_failed_backup_is_a_warning_until_the_next_good_one(
    admin_ctx: ServiceContext, clock: FixedClock, tmp_path: Path
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    autobackup.configure(admin_ctx, folder, keep=2)
    first = autobackup.run_backup(admin_ctx)
    assert first.ok

    # The USB disk is not plugged in the next day.
    clock.advance(timedelta(days=1))
    folder.rename(tmp_path / "elders")
    failed = autobackup.run_backup(admin_ctx)
    assert failed.ran and not failed.ok
    assert "bestaat niet" in failed.message and str(folder) in failed.message
    status = autobackup.status(admin_ctx)
    assert status.failing
    assert status.warning is not None
    assert "mislukt" in status.warning and "15-04-2026" in status.warning
    assert autobackup.is_due(admin_ctx)  # tried again at the next unlock or daily job
    assert ("backup", "failed") in _outcomes(admin_ctx)

    # Still failing later the same day: the warning stays.
    clock.advance(timedelta(hours=3))
    assert not autobackup.run_backup(admin_ctx).ok
    assert autobackup.status(admin_ctx).warning is not None

    (tmp_path / "elders").rename(folder)
    good = autobackup.run_backup(admin_ctx)
    assert good.ok
    assert autobackup.status(admin_ctx).warning is None
    assert len(autobackup.backup_files(folder)) == 2


def test_read_only_folder_is_refused_with_a_clear_message(
    admin_ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    autobackup.configure(admin_ctx, folder, keep=2)
    real_access = os.access

    def no_write(path: object, mode: int, *args: object, **kwargs: object) -> bool:
        if Path(str(path)) == folder and mode & os.W_OK:
            return False
        return real_access(path, mode, *args, **kwargs)  # type: ignore[arg-type]

    # The tests run as root, which may write anywhere: simulate the permission check.
    monkeypatch.setattr(os, "access", no_write)
    result = autobackup.run_backup(admin_ctx)
    assert not result.ok and "alleen-lezen" in result.message
    assert autobackup.backup_files(folder) == []
    with pytest.raises(ValidationError) as refused:
        autobackup.configure(admin_ctx, folder, keep=2)
    assert refused.value.field == "folder"


def test_write_failure_during_backup_leaves_no_file(
    admin_ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "vol"
    folder.mkdir()
    autobackup.configure(admin_ctx, folder, keep=2)

    def disk_full(ctx: ServiceContext, out: Path) -> object:
        raise ValidationError(f"Kan {out} niet schrijven: No space left on device.", field="out")

    monkeypatch.setattr(autobackup.maintenance, "backup", disk_full)
    result = autobackup.run_backup(admin_ctx)
    assert not result.ok and "No space left" in result.message
    assert list(folder.iterdir()) == []
    assert autobackup.status(admin_ctx).warning is not None


def test_verify_file_detects_a_damaged_backup(admin_ctx: ServiceContext, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    autobackup.configure(admin_ctx, folder, keep=2)
    path = autobackup.run_backup(admin_ctx).path
    assert path is not None
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(StoreDamaged):
        autobackup.verify_file(path)
    (folder / "leeg.svbackup").write_bytes(b"")
    with pytest.raises(StoreDamaged):
        autobackup.verify_file(folder / "leeg.svbackup")


def test_configure_validates_and_only_the_beheerder_configures(
    admin_ctx: ServiceContext,
    make_actor,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    folder = tmp_path / "ok"
    folder.mkdir()
    with pytest.raises(ValidationError) as zero:
        autobackup.configure(admin_ctx, folder, keep=0)
    assert zero.value.field == "keep"
    with pytest.raises(ValidationError):
        autobackup.configure(admin_ctx, "relatief/pad", keep=3)
    with pytest.raises(ValidationError) as inside:
        autobackup.configure(admin_ctx, admin_ctx.store.folder, keep=3)
    assert "buiten de opslagmap" in inside.value.message
    with pytest.raises(ValidationError):
        autobackup.configure(admin_ctx, tmp_path / "bestaat-niet", keep=3)
    assert autobackup.get_settings(admin_ctx).folder is None  # nothing half-saved

    coordinator = make_actor(Role.COORDINATOR)
    with pytest.raises(AccessDenied):
        autobackup.configure(coordinator, folder, keep=3)
    settings = autobackup.configure(admin_ctx, folder, keep=4)
    assert settings.enabled and settings.keep == 4
    assert autobackup.is_due(coordinator)  # the coordinator's desk runs it too
    manager = make_actor(Role.MANAGER)
    assert not autobackup.is_due(manager)
    assert not autobackup.run_backup(manager).ran

    off = autobackup.configure(admin_ctx, None, keep=4)
    assert not off.enabled
    result = autobackup.run_backup(admin_ctx)
    assert not result.ran and "staat uit" in result.message


def test_backups_of_the_same_second_sort_by_their_number(tmp_path: Path) -> None:
    from sociaalveilig.services.autobackup import backup_files

    names = [
        "sociaalveilig-auto-20260415-100000.svbackup",
        "sociaalveilig-auto-20260415-100000-2.svbackup",
        "sociaalveilig-auto-20260415-100000-3.svbackup",
        "sociaalveilig-auto-20260414-235959.svbackup",
    ]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in backup_files(tmp_path)] == [names[2], names[1], names[0], names[3]]
