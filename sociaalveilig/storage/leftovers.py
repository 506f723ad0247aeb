"""Work folders of a backup or a restore, and what a killed one leaves behind.

A backup copies the whole database into ``.sv-backup-*`` beside its output, a restore
unpacks into ``.sv-restore-*`` beside its target. Killed halfway, such a folder would stay
for good, hidden and as big as the store, out of reach of purge and rotation. So:

- the copies in a work folder are never a store on their own: a backup's folder never
  holds the key slots, and a restore's holds them under another name until the last step;
- the owning process holds an exclusive lock on ``.owner.lock`` in the folder while it
  works, so a folder whose lock can be taken belongs to no live process and is removed
  (at the next open of a store, backup and restore).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from pathlib import Path

try:  # POSIX; elsewhere only the folder's age tells
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

BACKUP_PREFIX = ".sv-backup-"
RESTORE_PREFIX = ".sv-restore-"
PREFIXES = (BACKUP_PREFIX, RESTORE_PREFIX)
OWNER_FILE = ".owner.lock"
ANCHOR_TMP_PREFIX = ".audit-anchor-"
BACKUP_MARK = b'"format": "sociaalveilig-backup"'
BACKUP_FOLDER_SETTING = "autobackup.folder"
"""The setting that names the automatic backups' folder (``services.autobackup``)."""
# A folder without an owner file was killed between its creation and its lock, or is
# being created right now: left alone for this long.
UNOWNED_GRACE_SECONDS = 120.0
NO_LOCK_STALE_SECONDS = 24 * 3600.0


class WorkFolder:
    """A temporary folder owned by this process until ``discard`` or ``release``."""

    def __init__(self, parent: Path, prefix: str) -> None:
        self.path = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
        self._fd: int | None = None
        try:
            fd = os.open(self.path / OWNER_FILE, os.O_CREAT | os.O_RDWR, 0o600)
            self._fd = fd
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.write(fd, str(os.getpid()).encode("ascii"))  # for a person looking
        except BaseException:
            self.discard()
            raise

    def release(self) -> None:
        """Give up ownership (the folder has been renamed into place or removed)."""
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None

    def drop_owner_file(self) -> None:
        """Remove the lock file before the folder becomes a store under its own name."""
        with contextlib.suppress(OSError):
            (self.path / OWNER_FILE).unlink()

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        self.release()


def is_stale(folder: Path) -> bool:
    """True when no live process owns the work folder."""
    owner = folder / OWNER_FILE
    try:
        fd = os.open(owner, os.O_RDWR)
    except FileNotFoundError:
        try:
            age = time.time() - folder.stat().st_mtime
        except OSError:
            return False
        return age > UNOWNED_GRACE_SECONDS
    except OSError:
        return False
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return False  # held: its owner is still at work
            return True
        # Without flock (Windows, where a live owner's open files cannot be removed
        # anyway) only a folder older than any backup could take counts as stale.
        return time.time() - folder.stat().st_mtime > NO_LOCK_STALE_SECONDS
    finally:
        os.close(fd)


def _old_backup_tmp(path: Path) -> bool:
    """A temporary backup tar (its first member the manifest of a Sociaal Veilig backup)
    that nobody has written to for a while."""
    try:
        if path.is_symlink() or not path.is_file():
            return False
        if time.time() - path.stat().st_mtime <= UNOWNED_GRACE_SECONDS:
            return False
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return head.startswith(b"manifest.json\0") and BACKUP_MARK in head


def clean_stale(*folders: Path) -> list[Path]:
    """Remove the work folders in ``folders`` that no live process owns; return them.
    Never fails: a folder that cannot be listed or removed is left for the next time."""
    removed: list[Path] = []
    seen: set[Path] = set()
    for folder in folders:
        try:
            key = folder.resolve()
            if key in seen or not folder.is_dir():
                continue
            seen.add(key)
            entries = list(folder.iterdir())
        except OSError:
            continue
        removed += [entry for entry in entries if _clean_entry(entry)]
    return removed


def _clean_entry(entry: Path) -> bool:
    """Remove ``entry`` when it is a leftover no live process owns; True when it is counted
    as removed (a stray anchor copy is removed silently). Never fails."""
    if entry.name.startswith(ANCHOR_TMP_PREFIX) and entry.name.endswith(".tmp"):
        # A tiny anchor copy from a kill between its write and its rename.
        with contextlib.suppress(OSError):
            if time.time() - entry.stat().st_mtime > UNOWNED_GRACE_SECONDS:
                entry.unlink()
        return False
    if entry.name.startswith(".") and entry.name.endswith(".tmp"):
        # A backup's tar from the version before, which wrote it beside the output.
        if _old_backup_tmp(entry):
            with contextlib.suppress(OSError):
                entry.unlink()
                return True
        return False
    if not entry.name.startswith(PREFIXES):
        return False
    try:
        if entry.is_symlink() or not entry.is_dir() or not is_stale(entry):
            return False
    except OSError:
        return False
    shutil.rmtree(entry, ignore_errors=True)
    return not entry.exists()
