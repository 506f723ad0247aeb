"""A backup or restore killed halfway leaves no openable copy of the store, and the next
start removes what it left.

The kills are real: a child process runs the real backup or restore, reports when its work
folder holds the copy (at the verification step, the longest one), and gets SIGKILL.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from sociaalveilig.core.errors import SociaalVeiligError
from sociaalveilig.services import autobackup, maintenance
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage import leftovers
from sociaalveilig.storage.sqlite.store import DB_FILENAME, Store
from tests.conftest import _TEMPLATE_KEY, ADMIN, ADMIN_PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
KEYSLOTS = "keyslots.json"

CHILD = r"""
import sys
from pathlib import Path

from sociaalveilig.storage.sqlite import backup
from sociaalveilig.storage.sqlite.store import Store

mode, source, out = sys.argv[1:4]
secret = sys.stdin.readline().strip()


def hold(*args, **kwargs):
    print("klaar", flush=True)
    sys.stdin.readline()  # blocks until the parent kills this process
    raise SystemExit(1)


backup._check_copy = hold
if mode == "backup":
    store = Store.open_with_key(Path(source), bytearray.fromhex(secret))
    backup.write_backup(store, Path(out))
else:
    backup.restore_backup(Path(source), Path(out), "beheer", secret)
"""


def _kill_midway(mode: str, source: Path, out: Path, secret: str) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, mode, str(source), str(out)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(secret + "\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "klaar"
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait() == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for stream in (child.stdin, child.stdout):
            if stream is not None:
                stream.close()


def _work_folders(folder: Path, prefix: str) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith(prefix))


def _assert_never_opens(folder: Path) -> None:
    with pytest.raises(SociaalVeiligError):
        Store.open(folder, ADMIN, ADMIN_PASSPHRASE)
    with pytest.raises(SociaalVeiligError):
        Store.open_with_key(folder, bytearray(_TEMPLATE_KEY["key"])).close()


def _open(folder: Path) -> Store:
    return Store.open_with_key(folder, bytearray(_TEMPLATE_KEY["key"]))


def test_a_killed_backup_beside_the_store_leaves_nothing_openable_and_is_cleaned(
    store_dir: Path,
) -> None:
    parent = store_dir.parent
    _kill_midway("backup", store_dir, parent / "b.svbackup", _TEMPLATE_KEY["key"].hex())
    (left,) = _work_folders(parent, ".sv-backup-")
    assert (left / DB_FILENAME).stat().st_size > 0  # the full copy is there ...
    assert not (left / KEYSLOTS).exists()  # ... but never with the key slots
    _assert_never_opens(left)
    assert not (parent / "b.svbackup").exists()
    _open(store_dir).close()  # the next start
    assert _work_folders(parent, ".sv-backup-") == []


def test_a_killed_automatic_backup_is_cleaned_from_the_backup_folder(
    admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    backups = tmp_path / "usb" / "back-ups"
    backups.mkdir(parents=True)
    autobackup.configure(admin_ctx, backups, 7)
    folder = admin_ctx.store.folder
    admin_ctx.store.close()
    _kill_midway("backup", folder, backups / "auto.svbackup", _TEMPLATE_KEY["key"].hex())
    assert len(_work_folders(backups, ".sv-backup-")) == 1
    _open(folder).close()
    assert list(backups.iterdir()) == []


def test_a_killed_restore_leaves_nothing_openable_and_is_cleaned(
    admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    out = tmp_path / "b.svbackup"
    maintenance.backup(admin_ctx, out)
    restores = tmp_path / "herstel"
    restores.mkdir()
    _kill_midway("restore", out, restores / "eerste", ADMIN_PASSPHRASE)
    (left,) = _work_folders(restores, ".sv-restore-")
    assert (left / DB_FILENAME).stat().st_size > 0
    assert not (left / KEYSLOTS).exists()
    _assert_never_opens(left)
    assert not (restores / "eerste").exists()
    # The next restore into that folder removes it, and works.
    target = maintenance.restore(out, restores / "tweede", ADMIN, ADMIN_PASSPHRASE)
    assert _work_folders(restores, ".sv-restore-") == []
    assert (target / KEYSLOTS).exists() and not (target / leftovers.OWNER_FILE).exists()
    _open(target).close()


def test_a_work_folder_of_a_live_process_is_left_alone(tmp_path: Path) -> None:
    work = leftovers.WorkFolder(tmp_path, leftovers.BACKUP_PREFIX)
    try:
        assert leftovers.clean_stale(tmp_path) == []
        assert work.path.exists()
    finally:
        work.release()  # as a kill would: the lock goes, the folder stays
    assert leftovers.clean_stale(tmp_path) == [work.path]
    assert not work.path.exists()


def test_an_unowned_leftover_goes_only_once_it_is_old(tmp_path: Path) -> None:
    # What the version before this one left: no lock file at all.
    old = tmp_path / ".sv-restore-oud"
    young = tmp_path / ".sv-backup-net-gemaakt"
    unrelated = tmp_path / ".sv-iets-anders"
    for folder in (old, young, unrelated):
        folder.mkdir()
        (folder / DB_FILENAME).write_bytes(b"x")
    os.utime(old, (1_000_000_000, 1_000_000_000))
    os.utime(unrelated, (1_000_000_000, 1_000_000_000))
    assert leftovers.clean_stale(tmp_path) == [old]
    assert young.exists() and unrelated.exists()


def test_a_backup_tar_left_by_the_version_before_is_removed(
    admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    out = tmp_path / "b.svbackup"
    maintenance.backup(admin_ctx, out)
    folder = tmp_path / "uitvoer"
    folder.mkdir()
    old = folder / ".b.svbackup.x1y2z3.tmp"
    young = folder / ".c.svbackup.a1b2c3.tmp"
    other = folder / ".export.csv.q9w8e7.tmp"
    old.write_bytes(out.read_bytes())
    young.write_bytes(out.read_bytes())
    other.write_bytes(b"id;tijd\r\n")
    for path in (old, other):
        os.utime(path, (1_000_000_000, 1_000_000_000))
    assert leftovers.clean_stale(folder) == [old]
    assert young.exists() and other.exists()


@pytest.mark.parametrize("where", ["work folder", "key-slot read"])
def test_an_io_error_in_a_backup_leaves_no_work_folder(
    admin_ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    import errno

    from sociaalveilig.storage.sqlite import backup as backup_module

    def eio(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    if where == "work folder":
        monkeypatch.setattr(leftovers.tempfile, "mkdtemp", eio)
    else:
        monkeypatch.setattr(backup_module, "_read_keyslots", eio)
    folder = tmp_path / "usb"
    folder.mkdir()
    with pytest.raises(SociaalVeiligError) as info:
        maintenance.backup(admin_ctx, folder / "b.svbackup")
    monkeypatch.undo()
    assert info.value.exit_code == 4 and "\n" not in info.value.message
    assert list(folder.iterdir()) == []
    assert maintenance.verify(admin_ctx).ok


def test_an_anchor_copy_left_by_a_kill_goes_at_the_next_open(store_dir: Path) -> None:
    old = store_dir / ".audit-anchor-k1ll3d.tmp"
    young = store_dir / ".audit-anchor-n0w.tmp"
    for path in (old, young):
        path.write_text("{}")
    os.utime(old, (1_000_000_000, 1_000_000_000))
    _open(store_dir).close()
    assert not old.exists() and young.exists()
