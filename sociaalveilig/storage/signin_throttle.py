"""Slowing down sign-in after failures, per user name, across processes.

The first few failures cost nothing extra; after that each next try must wait, twice as
long each time, up to ``MAX_DELAY_SECONDS``. A successful sign-in clears the count. The
counts live in ``signin-attempts.json`` in the store folder, read and written under the
key-slot lock (storage.keyslot_lock), so the window, the command line and a second window
all count together.

The file holds no names: each entry is keyed by a hash of the normalised name typed. Anyone
who can write the store folder can delete the file; the brake is against guessing through
the program, not against an attacker who already holds the files (Argon2id is that brake).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Final

FILENAME: Final = "signin-attempts.json"
FREE_FAILURES: Final = 3
FIRST_DELAY_SECONDS: Final = 2
MAX_DELAY_SECONDS: Final = 30
# Names typed that never signed in stay in the file; the oldest go beyond this many.
MAX_ENTRIES: Final = 256
_MAX_FILE_BYTES: Final = 256 * 1024

# The wall clock (seconds since the epoch): the count must hold across processes and
# restarts, which a monotonic clock cannot. Tests replace it.
clock: Callable[[], float] = time.time

_Entries = dict[str, tuple[int, float]]


def _key(name: str) -> str:
    return hashlib.sha256(("sociaalveilig-signin:" + name).encode("utf-8", "replace")).hexdigest()


def delay_after(failures: int) -> int:
    """Seconds the next try must wait after ``failures`` failures in a row."""
    if failures < FREE_FAILURES:
        return 0
    return int(min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (failures - FREE_FAILURES)))


def _read(folder: Path) -> _Entries:
    """The counts on disk; a missing or unreadable file counts as none (never a crash)."""
    try:
        with (folder / FILENAME).open("rb") as handle:
            raw = handle.read(_MAX_FILE_BYTES + 1)
        data = json.loads(raw.decode("utf-8"))
        entries: _Entries = {}
        for key, value in data["failures"].items():
            count, last = value
            if isinstance(key, str) and type(count) is int and isinstance(last, int | float):
                entries[key] = (count, float(last))
        return entries
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _write(folder: Path, entries: _Entries) -> None:
    """Replace the file atomically; a read-only folder leaves the counts as they were."""
    newest = sorted(entries.items(), key=lambda item: item[1][1], reverse=True)[:MAX_ENTRIES]
    data = json.dumps({"version": 1, "failures": {k: [c, t] for k, (c, t) in newest}})
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".signin-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), 0o600)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, folder / FILENAME)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            with suppress(OSError):
                os.unlink(tmp)


def seconds_to_wait(folder: Path, name: str) -> int:
    """Whole seconds before ``name`` may try again (0: now). Call under the key-slot lock."""
    count, last = _read(folder).get(_key(name), (0, 0.0))
    delay = delay_after(count)
    if delay == 0:
        return 0
    elapsed = clock() - last
    if elapsed < 0:  # the clock was set back: wait the delay, not until the old time
        return delay
    return max(0, math.ceil(delay - elapsed))


def note_failure(folder: Path, name: str) -> None:
    entries = _read(folder)
    count, _ = entries.get(_key(name), (0, 0.0))
    entries[_key(name)] = (count + 1, clock())
    _write(folder, entries)


def note_success(folder: Path, name: str) -> None:
    entries = _read(folder)
    if entries.pop(_key(name), None) is not None:
        _write(folder, entries)
