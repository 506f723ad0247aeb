"""I/O errors on the backup path: the old backup stays exactly as it was.

EIO ("Input/output error", a failing disk or a pulled USB stick) is injected at every step
that writes on the backup's side: the temporary work folder, the read of the key slots, the
archive's temporary file, writes at many offsets inside the archive, its fsync and its
rename. After each failure: a clear one-line error, the old backup byte-identical (and it
still restores), no temporary files left beside it, and the store itself verified and
usable. When only the folder's fsync after the rename fails, the new backup is complete.
"""

from __future__ import annotations

import errno
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

from sociaalveilig.core.errors import SociaalVeiligError
from sociaalveilig.services import maintenance
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage import files
from sociaalveilig.storage import leftovers as leftovers_module
from sociaalveilig.storage.errors import classify_exception
from sociaalveilig.storage.sqlite import backup as backup_module
from sociaalveilig.storage.sqlite.backup import check_store, restore_backup
from tests.conftest import ADMIN, ADMIN_PASSPHRASE
from tests.torture.conftest import FULL, OpenedStore, TortureReport
from tests.torture.test_disk_full import csv_bytes


def eio(*_args: Any, **_kwargs: Any) -> Any:
    raise OSError(errno.EIO, os.strerror(errno.EIO))


def module_with(module: ModuleType, **overrides: Any) -> SimpleNamespace:
    """A stand-in for ``module`` (as seen by one module only) with some names replaced."""
    names = {name: getattr(module, name) for name in dir(module) if not name.startswith("__")}
    names.update(overrides)
    return SimpleNamespace(**names)


class FailingFile:
    """Writes ``room`` bytes, then fails with EIO."""

    def __init__(self, real: Any, room: int) -> None:
        self._real = real
        self._room = room

    def write(self, data: Any) -> int:
        if len(data) > self._room:
            if self._room:
                self._real.write(bytes(data[: self._room]))
            self._room = 0
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        self._room -= len(data)
        return int(self._real.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def __enter__(self) -> FailingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._real.close()


Injector = Callable[[pytest.MonkeyPatch], None]


def fail_write_at(offset: int) -> Injector:
    def inject(mp: pytest.MonkeyPatch) -> None:
        real_fdopen = os.fdopen
        mp.setattr(files, "os", module_with(
            os, fdopen=lambda fd, *a, **k: FailingFile(real_fdopen(fd, *a, **k), offset)))
    return inject


def injectors(backup_size: int) -> dict[str, Injector]:
    points: dict[str, Injector] = {
        "work folder": lambda mp: mp.setattr(
            leftovers_module, "tempfile", module_with(tempfile, mkdtemp=eio)),
        "key-slot read": lambda mp: mp.setattr(backup_module, "_read_keyslots", eio),
        "archive temp file": lambda mp: mp.setattr(
            files, "tempfile", module_with(tempfile, mkstemp=eio)),
        "archive fsync": lambda mp: mp.setattr(files, "os", module_with(os, fsync=eio)),
        "archive rename": lambda mp: mp.setattr(files, "os", module_with(os, replace=eio)),
    }
    steps = 24 if FULL else 6
    for i in range(steps):
        offset = (backup_size * i) // steps
        points[f"write at byte {offset}"] = fail_write_at(offset)
    return points


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def ctx(opened_store: OpenedStore) -> Iterator[ServiceContext]:
    context = opened_store.context()
    yield context
    context.store.close()


def test_io_errors_leave_the_old_backup_untouched(
    ctx: ServiceContext, tmp_path: Path, torture_report: TortureReport
) -> None:
    from sociaalveilig.services import imports

    imports.import_signals(ctx, csv_bytes(300, "oud", description_length=300),
                           skip_invalid=False)
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    old = folder / "sociaalveilig.svbak"
    maintenance.backup(ctx, old)
    old_sum = sha256(old)
    imports.import_signals(ctx, csv_bytes(50, "nieuw"), skip_invalid=False)
    points = injectors(old.stat().st_size)
    messages: set[str] = set()
    for name, inject in points.items():
        with pytest.MonkeyPatch.context() as mp:
            inject(mp)
            with pytest.raises(Exception) as info:
                maintenance.backup(ctx, old)
        exc = info.value
        known = exc if isinstance(exc, SociaalVeiligError) else classify_exception(exc)
        assert known is not None, f"{name}: unclassified {type(exc).__name__}: {exc}"
        assert known.exit_code == 4 and "\n" not in known.message, (name, known.message)
        messages.add(known.message.replace(str(old), "<backup>"))
        assert sha256(old) == old_sum, f"{name}: the old backup was touched"
        assert sorted(os.listdir(folder)) == [old.name], f"{name}: left {os.listdir(folder)}"
        report = check_store(ctx.store)
        assert report.ok, (name, report.lines)
    # The old backup is not only the same bytes: it still restores.
    restored = restore_backup(old, tmp_path / "restored", ADMIN, ADMIN_PASSPHRASE)
    assert (restored / "sociaalveilig.db").is_file()
    # A failing fsync of the folder after the rename: the new backup is whole.
    with pytest.MonkeyPatch.context() as mp:
        real_open = os.open
        refused: list[Path] = []

        def open_no_dirsync(path: Any, flags: int, *args: Any) -> int:
            if flags == os.O_RDONLY and Path(path) == folder:
                refused.append(Path(path))
                raise OSError(errno.EIO, os.strerror(errno.EIO))
            return real_open(path, flags, *args)

        mp.setattr(files, "os", module_with(os, open=open_no_dirsync))
        maintenance.backup(ctx, old)
    assert refused, "the folder fsync was never tried"
    assert sha256(old) != old_sum
    restored_new = restore_backup(old, tmp_path / "restored-new", ADMIN, ADMIN_PASSPHRASE)
    assert (restored_new / "sociaalveilig.db").is_file()
    # And the store is usable after all of it.
    assert imports.import_signals(ctx, csv_bytes(2, "daarna"), skip_invalid=False).imported == 2
    torture_report.add(
        f"I/O errors: EIO at {len(points)} points of the backup path ({', '.join(points)}); "
        f"each time a one-line error ({' | '.join(sorted(messages))}), the old backup "
        "byte-identical and restorable, no leftovers, store verified; a failing folder fsync "
        "after the rename left a complete new backup"
    )
