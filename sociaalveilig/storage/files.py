"""Writing files so that a failure never leaves a half-written one behind."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.storage.output_guard import check_output_file


def fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def os_reason(exc: OSError) -> str:
    """The reason of a file-system error in the users' language."""
    reasons = {
        errno.ENOSPC: tr("de schijf is vol"),
        errno.EDQUOT: tr("de schijfruimte (quotum) is op"),
        errno.EACCES: tr("geen schrijfrechten"),
        errno.EPERM: tr("geen schrijfrechten"),
        errno.EROFS: tr("de schijf is alleen-lezen"),
        errno.EIO: tr("leesfout of schrijffout van de schijf"),
        errno.ENOENT: tr("de map bestaat niet"),
        errno.EISDIR: tr("dit is een map"),
    }
    if exc.errno in reasons:
        return reasons[exc.errno]
    return exc.strerror or type(exc).__name__


def write_error(path: Path, exc: OSError) -> ValidationError:
    reason = os_reason(exc)
    return ValidationError(
        tr("Kan {path} niet schrijven: {reason}. Kies een andere plek of maak ruimte vrij.").format(
            path=path, reason=reason
        ),
        field="out",
    )


@contextlib.contextmanager
def atomic_output(
    path: Path,
    mode: int = 0o600,
    staging: Path | None = None,
    check: Callable[[Path], None] | None = None,
) -> Iterator[BinaryIO]:
    """Yield a temporary file beside ``path``; on success it is fsynced and renamed over
    ``path``, on any failure it is removed and ``path`` is left as it was. ``staging``: a
    folder on the same file system to make the temporary file in instead (a backup's
    work folder, which is cleaned up when a killed run leaves it behind).

    ``path`` passes the output guard first (never a store's file, a device or a link out of
    its folder), and again right before the rename, in case it changed meanwhile.
    ``check``: called with the written, fsynced temporary file before it is put in place
    (a backup read back whole); whatever it raises leaves ``path`` as it was."""
    path = check_output_file(Path(path))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError(
            tr("De map {folder} bestaat niet. Kies een bestaande map.").format(folder=folder),
            field="out",
        )
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix="." + path.name + ".", suffix=".tmp", dir=staging or folder
        )
    except OSError as exc:
        raise write_error(path, exc) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if check is not None:
            check(tmp)
        os.chmod(tmp, mode)
        if check_output_file(path) != path:
            raise ValidationError(
                tr("{path} is veranderd tijdens het schrijven. Probeer het opnieuw.").format(
                    path=path
                ),
                field="out",
            )
        os.replace(tmp, path)
        fsync_dir(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise write_error(path, exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_bytes_atomic(path: Path, data: bytes) -> None:
    with atomic_output(path) as fh:
        fh.write(data)


def write_text_atomic(path: Path, text: str, bom: bool = False) -> None:
    """UTF-8 text; ``bom`` for CSV that Dutch Excel opens correctly."""
    write_bytes_atomic(path, (("\ufeff" if bom else "") + text).encode("utf-8"))


def write_with(path: Path, producer: Callable[[BinaryIO], None]) -> None:
    with atomic_output(path) as fh:
        producer(fh)


MAX_IMPORT_BYTES = 50 * 1000 * 1000
"""An import file larger than this is refused before it is read: a signal CSV of 50 MB holds
well over 100,000 rows, and reading ``/dev/zero`` must not exhaust memory."""


def read_input_file(path: Path, limit: int = MAX_IMPORT_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    ``OSError`` when it cannot be opened (the caller words that); ``ValidationError`` for a
    device, FIFO, socket or folder, or a file over the limit. Opened without blocking, so a
    FIFO with no writer is refused instead of waiting forever."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValidationError(
                tr("{path} is geen gewoon bestand. Geef een CSV-bestand op.").format(path=path),
                field="file",
            )
        too_big = ValidationError(
            tr(
                "{path} is groter dan {mb} MB. Splits het in kleinere bestanden en importeer "
                "die na elkaar."
            ).format(path=path, mb=limit // 1_000_000),
            field="file",
        )
        if info.st_size > limit:
            raise too_big
        # A regular file can still grow while it is read: never read more than the limit.
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(limit + 1)
        if len(data) > limit:
            raise too_big
        return data
    finally:
        os.close(fd)
