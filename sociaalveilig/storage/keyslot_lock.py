"""One lock per store folder for everything that reads, changes and writes the key slots.

Every change to ``keyslots.json`` (and to the sign-in attempts beside it) is: take the
lock, read the file again, apply one change, write atomically, release. Without it two
``passwd`` at once lose one change, and a window open since the morning writes its old copy
of every slot back over a passphrase changed elsewhere.

The lock is an OS file lock (``flock`` / ``LockFileEx``) on ``.keyslots.lock`` from the
``filelock`` package: the OS drops it when a process dies, so a crash never leaves the store
locked. One lock object per folder and thread, so a thread that holds the lock may take it
again (a change inside a sign-in) without waiting on itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from filelock import FileLock, Timeout

from sociaalveilig.core.errors import UsageError
from sociaalveilig.core.i18n import tr

LOCK_FILENAME: Final = ".keyslots.lock"
# A change holds the lock for a few Argon2 runs (well under a second each); waiting much
# longer than this means another program hangs with the store open.
LOCK_TIMEOUT_SECONDS: Final = 60.0


def lock_path(folder: Path) -> Path:
    return Path(folder) / LOCK_FILENAME


@contextmanager
def keyslot_lock(folder: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the store folder's key-slot lock for the ``with`` block."""
    path = lock_path(folder)
    # is_singleton: the same object per path, so a nested take in the same thread counts up
    # instead of waiting on itself; thread_local (the default) keeps threads apart.
    lock = FileLock(str(path), is_singleton=True, mode=0o600)
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        raise UsageError(
            tr(
                "De sleutels van de opslag zijn bezet door een ander programma. Wacht even en "
                "probeer het opnieuw."
            )
        ) from None
    except OSError as exc:
        raise UsageError(
            tr(
                "De opslagmap kan niet worden vergrendeld ({reason}). Controleer de rechten "
                "van de map."
            ).format(reason=exc.strerror or type(exc).__name__)
        ) from None
    try:
        yield
    finally:
        lock.release()
