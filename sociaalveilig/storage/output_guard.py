"""One guard for every path a user chooses to write to.

An export, report, backup, rejects file, audit export or calendar file is written where the
user says. A careless or hostile path must never replace a file of a store (a CSV over the
encrypted database would leave plaintext and no database; a PDF over the key-slot file
loses every key, the recovery slot included), never a device, FIFO or socket, and never go
through a symbolic link to somewhere the user did not choose. ``storage.files`` asks this
guard before it writes anything, so each writer is covered at the root; callers that read
or log data first ask it early too, so a refusal comes before any work.

Every refusal is a ``ValidationError``: one Dutch line saying why and what to do (exit 4),
and nothing is written.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.storage.keyslots import KEYSLOT_FILENAME
from sociaalveilig.storage.sqlite.store import DB_FILENAME, PENDING_AUDIT_FILENAME

STORE_MARKERS = (DB_FILENAME, KEYSLOT_FILENAME)
"""A folder holding either of these is a store (also one whose database went missing)."""

RESERVED_NAMES = frozenset(
    name.casefold()
    for name in (
        DB_FILENAME,
        DB_FILENAME + "-wal",
        DB_FILENAME + "-shm",
        DB_FILENAME + "-journal",
        KEYSLOT_FILENAME,
        PENDING_AUDIT_FILENAME,
    )
)
"""The names of a store's own files, refused in any folder: a file by such a name would
make its folder look like a store, or be taken for one of its parts."""

RESERVED_PREFIXES = (".sv-backup-", ".sv-restore-", ".keyslots-")
"""The temporary names the backup, the restore and the key-slot writer use."""


def _refuse(message: str) -> ValidationError:
    return ValidationError(message, field="out")


def is_reserved_name(name: str) -> bool:
    folded = name.casefold()
    return folded in RESERVED_NAMES or folded.startswith(RESERVED_PREFIXES)


def is_store_folder(folder: Path) -> bool:
    # lexists: a dangling link named like the key-slot file still marks a store.
    return any(os.path.lexists(folder / name) for name in STORE_MARKERS)


def enclosing_store(folder: Path) -> Path | None:
    """The store folder that ``folder`` is or lies in (after resolving links), or None."""
    real = Path(os.path.realpath(folder))
    for candidate in (real, *real.parents):
        if is_store_folder(candidate):
            return candidate
    return None


def _refuse_store_folder(store: Path) -> ValidationError:
    return _refuse(
        tr(
            "De map {folder} is een Sociaal Veilig-opslag; daarin wordt niets anders "
            "geschreven. Kies een map buiten de opslag."
        ).format(folder=store)
    )


def check_output_file(path: Path) -> Path:
    """The file to write for the user's ``path``; ``ValidationError`` when it may not be.

    Refused: a name of a store's own files, a folder that is (or lies in) a store, an
    existing folder, device, FIFO or socket, and a symbolic link that leads out of its own
    folder or onto any of these. A link to a file beside it is followed: its target is
    returned, so the link stays a link.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    store = enclosing_store(folder)
    if store is not None:  # first: another name in the same folder would not help
        raise _refuse_store_folder(store)
    if is_reserved_name(path.name):
        raise _refuse(
            tr(
                "{name} is de naam van een bestand van de opslag; die wordt nooit "
                "overschreven. Kies een andere bestandsnaam."
            ).format(name=path.name)
        )
    if not os.path.lexists(path):
        return path
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        target = Path(os.path.realpath(path))
        if target.parent != Path(os.path.realpath(folder)) or is_reserved_name(target.name):
            raise _refuse(
                tr(
                    "{path} is een snelkoppeling (symlink) naar {target}, buiten de gekozen "
                    "map. Kies een gewoon bestand in de map zelf."
                ).format(path=path, target=target)
            )
        if not os.path.lexists(target):
            return target
        path, info = target, os.lstat(target)
    if stat.S_ISDIR(info.st_mode):
        raise _refuse(
            tr("{path} is een map. Geef een bestandsnaam op in die map.").format(path=path)
        )
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(
            tr(
                "{path} is geen gewoon bestand (maar een apparaat, pijp of socket). Kies een "
                "gewone bestandsnaam."
            ).format(path=path)
        )
    return path


def check_restore_folder(to: Path) -> None:
    """Refuse a restore into a link, or into a folder that is or lies in a store (the one
    in use among them: its folder holds its database and key slots)."""
    to = Path(to)
    if os.path.islink(to):
        raise _refuse(
            tr(
                "De doelmap {path} is een snelkoppeling (symlink). Geef de echte map op, of "
                "een nieuwe map."
            ).format(path=to)
        )
    if is_reserved_name(to.name):
        raise _refuse(
            tr("{name} is de naam van een bestand van de opslag. Kies een andere map.").format(
                name=to.name
            )
        )
    store = enclosing_store(to if os.path.lexists(to) else to.parent)
    if store is not None:
        raise _refuse_store_folder(store)
