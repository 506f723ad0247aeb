"""Who may sign in to a single desk: ``storage.seam.Credentials`` over the key-slot file.

A passphrase unwraps the data key; adding or resetting a user wraps it again under the new
passphrase (the database file is untouched). The user's own change is checked like a
sign-in (``store.guarded_unlock``: the key-slot lock, the throttle, the pending audit).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sociaalveilig.storage.keyslots import KeySlotFile, wipe


class KeySlotCredentials:
    """The key slots of one unlocked store; ``data_key`` gives a copy of its data key."""

    def __init__(
        self, folder: Path, keyslots: KeySlotFile, data_key: Callable[[], bytearray]
    ) -> None:
        self._folder = folder
        self._keyslots = keyslots
        self._data_key = data_key

    def has_user(self, name: str) -> bool:
        return self._keyslots.has_user(name)

    def add_user(self, name: str, passphrase: str) -> None:
        key = self._data_key()
        try:
            self._keyslots.add_user(name, passphrase, key)
        finally:
            wipe(key)

    def set_user(self, name: str, passphrase: str, *, must_change: bool) -> None:
        key = self._data_key()
        try:
            self._keyslots.set_user(name, passphrase, key, must_change=must_change)
        finally:
            wipe(key)

    def remove_user(self, name: str) -> None:
        self._keyslots.remove_user(name)

    def must_change(self, name: str) -> bool:
        return self._keyslots.must_change(name)

    def change_passphrase(self, name: str, old: str, new: str) -> None:
        # Imported here: ``store`` builds this class, so a module-level import would loop.
        from sociaalveilig.storage.sqlite.store import guarded_unlock

        keyslots = self._keyslots
        guarded_unlock(self._folder, name, lambda: keyslots.change_passphrase(name, old, new))
