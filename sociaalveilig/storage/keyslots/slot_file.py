"""The key-slot file of one store folder: reading, checking, and changing it safely.

The data key is 32 random bytes and is the SQLCipher raw key. Each slot derives a
key-encryption key from a secret (a user's passphrase or the beheerder's recovery code)
with Argon2id and wraps the data key with AES-256-GCM (keyslots.wrapping); the format and
its checks are in keyslots.slot_format. Any defect raises :class:`StoreDamaged` with one
Dutch line; a wrong passphrase or unknown user raises :class:`AuthenticationError` with one
message for both.

Secrets (passphrases, recovery codes, keys) never appear in messages or reprs, and slot
objects never hold them. Python cannot guarantee that immutable copies (``str``, ``bytes``)
are erased; keys are handed out as ``bytearray`` so callers can :func:`wipe` them.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path
from typing import Final

from sociaalveilig.core.errors import NotFound, StoreDamaged, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.storage.keyslot_lock import keyslot_lock
from sociaalveilig.storage.keyslots.kdf import DEFAULT_KDF, KdfParams
from sociaalveilig.storage.keyslots.key_material import _check_data_key, wipe
from sociaalveilig.storage.keyslots.messages import (
    _auth_failed,
    _damaged,
    _Defect,
    _recovery_failed,
)
from sociaalveilig.storage.keyslots.passphrase_policy import (
    _nfc,
    _secret_bytes,
    check_passphrase_policy,
)
from sociaalveilig.storage.keyslots.recovery_code import (
    generate_recovery_code,
    normalise_recovery_code,
)
from sociaalveilig.storage.keyslots.slot_format import (
    MAX_FILE_BYTES,
    KeySlot,
    _parse,
    _serialise,
    _slots_problem,
)
from sociaalveilig.storage.keyslots.user_names import _lookup_name, normalise_user_name
from sociaalveilig.storage.keyslots.wrapping import _dummy_derive, _unwrap, _wrap_secret

FILE_MODE: Final = 0o600


class KeySlotFile:
    """The key-slot file of one store folder (``<store>/keyslots.json``).

    Methods that change slots take the store folder's lock (storage.keyslot_lock), read the
    file again, apply their one change to what is on disk now and write the file atomically
    before the object changes: a change made by another process since this object was
    loaded is never written over, and the object and the file agree even when writing fails.
    """

    def __init__(self, path: Path, slots: Iterable[KeySlot]) -> None:
        self._path = Path(path)
        self._slots: tuple[KeySlot, ...] = tuple(slots)
        detail = _slots_problem(self._slots)
        if detail is not None:
            raise _damaged(self._path.name, detail)

    def __repr__(self) -> str:
        return f"KeySlotFile(path={str(self._path)!r}, users={self.users()!r})"

    @property
    def path(self) -> Path:
        return self._path

    @property
    def slots(self) -> tuple[KeySlot, ...]:
        return self._slots

    # ---- reading and writing

    @classmethod
    def load(cls, path: Path) -> KeySlotFile:
        """Read and check the file at ``path``; raises StoreDamaged on any defect."""
        path = Path(path)
        name = path.name
        try:
            with path.open("rb") as handle:
                raw = handle.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            raise StoreDamaged(
                tr("Het sleutelbestand {name} ontbreekt. Herstel de map uit een back-up.").format(
                    name=name
                )
            ) from None
        except OSError as exc:
            raise StoreDamaged(
                tr(
                    "Het sleutelbestand {name} kan niet worden gelezen ({reason}). "
                    "Controleer de rechten van de map."
                ).format(name=name, reason=exc.strerror or type(exc).__name__)
            ) from None
        try:
            slots = _parse(raw)
        except _Defect as defect:
            raise _damaged(name, defect.detail) from None
        return cls(path, slots)

    def save(self) -> None:
        """Write the file atomically (temp file, fsync, rename, fsync folder), mode 0o600."""
        with keyslot_lock(self._path.parent):
            _atomic_write(self._path, _serialise(self._slots))

    def _commit(self, slots: tuple[KeySlot, ...]) -> None:
        detail = _slots_problem(slots)
        if detail is not None:  # a bug in this module; never write such a file
            raise RuntimeError(f"refusing to write inconsistent key slots: {detail}")
        _atomic_write(self._path, _serialise(slots))
        self._slots = slots

    def _mutate(self, change: Callable[[KeySlotFile], tuple[KeySlot, ...]]) -> None:
        """Lock, read the file again, apply one change, write atomically, unlock.

        ``change`` gets this object holding the slots as they are on disk now, never an
        older copy: a change made elsewhere since this object was loaded is kept.
        """
        with keyslot_lock(self._path.parent):
            self._slots = KeySlotFile.load(self._path)._slots
            self._commit(change(self))

    def refresh(self) -> None:
        """Read the slots from disk again (another process may have changed them)."""
        with keyslot_lock(self._path.parent):
            self._slots = KeySlotFile.load(self._path)._slots

    @classmethod
    def create(
        cls,
        path: Path,
        data_key: bytearray,
        user: str,
        passphrase: str,
        kdf: KdfParams = DEFAULT_KDF,
    ) -> tuple[KeySlotFile, str]:
        """Write a new file with one user slot and a recovery slot.

        Returns the file and the recovery code, formatted for printing (shown once).
        Refuses (ValidationError) when a key-slot file already exists at ``path``; the
        store folder (``path.parent``) must exist.
        """
        path = Path(path)
        _check_data_key(data_key)
        if kdf.problem() is not None:
            raise ValueError("KDF parameters out of bounds")
        name = normalise_user_name(user)
        check_passphrase_policy(passphrase, (name,))
        refusal = ValidationError(
            tr("In deze map staat al een sleutelbestand ({name}); er is niets gewijzigd.")
            .format(name=path.name),
            field="store",
        )
        if path.exists():  # before spending two Argon2 runs; checked again under the lock
            raise refusal
        user_slot = _wrap_secret(data_key, passphrase, kind="user", user=name, kdf=kdf)
        code = generate_recovery_code()
        recovery_slot = _wrap_secret(
            data_key, normalise_recovery_code(code), kind="recovery", user=None, kdf=kdf
        )
        slots = (user_slot, recovery_slot)
        with keyslot_lock(path.parent):
            if path.exists():
                raise refusal
            _atomic_write(path, _serialise(slots))
        return cls(path, slots), code

    # ---- queries

    def users(self) -> list[str]:
        """The user names that have a slot, sorted (stored in lower case)."""
        return sorted(s.user for s in self._slots if s.kind == "user" and s.user is not None)

    def has_user(self, user: str) -> bool:
        name = _lookup_name(user)
        return name is not None and self._user_slot(name) is not None

    def _user_slot(self, name: str) -> KeySlot | None:
        for slot in self._slots:
            if slot.kind == "user" and slot.user == name:
                return slot
        return None

    def _recovery_slot(self) -> KeySlot:
        for slot in self._slots:
            if slot.kind == "recovery":
                return slot
        raise _damaged(self._path.name, tr("het herstelslot ontbreekt"))  # pragma: no cover

    # ---- unlocking

    def unlock(self, user: str, passphrase: str) -> bytearray:
        """Return the data key for ``user``.

        AuthenticationError (one message) when the user is unknown or the passphrase wrong.
        """
        secret = _secret_bytes(passphrase)
        try:
            name = _lookup_name(user)
            slot = self._user_slot(name) if name is not None else None
            if slot is None or secret is None:
                _dummy_derive(secret)
                raise _auth_failed()
            key = _unwrap(slot, secret)
        finally:
            if secret is not None:
                wipe(secret)
        if key is None:
            raise _auth_failed()
        return key

    def unlock_recovery(self, code: str) -> bytearray:
        """Return the data key from the recovery slot.

        ValidationError when ``code`` is not shaped like a recovery code;
        AuthenticationError when it is, but does not fit.
        """
        secret = bytearray(normalise_recovery_code(code).encode("ascii"))
        try:
            key = _unwrap(self._recovery_slot(), secret)
        finally:
            wipe(secret)
        if key is None:
            raise _recovery_failed()
        return key

    def must_change(self, user: str) -> bool:
        """Whether a beheerder set this user's passphrase and the user must choose a new one."""
        name = _lookup_name(user)
        slot = self._user_slot(name) if name is not None else None
        return slot is not None and slot.must_change

    # ---- changes (each: lock, read again, change one thing, write, unlock)

    def add_user(
        self, user: str, passphrase: str, data_key: bytearray, must_change: bool = False
    ) -> None:
        """Add a slot for a new user; ValidationError when the user already has one."""
        _check_data_key(data_key)
        name = normalise_user_name(user)
        check_passphrase_policy(passphrase, (name,))

        def refuse_duplicate(current: KeySlotFile) -> None:
            if current._user_slot(name) is not None:
                raise ValidationError(
                    tr("De gebruiker {user} bestaat al.").format(user=name), field="user"
                )

        self.refresh()
        refuse_duplicate(self)  # before the Argon2 run; again under the lock below
        slot = _wrap_secret(
            data_key,
            passphrase,
            kind="user",
            user=name,
            kdf=self._default_kdf(),
            must_change=must_change,
        )

        def change(current: KeySlotFile) -> tuple[KeySlot, ...]:
            refuse_duplicate(current)
            return (*current._slots, slot)

        self._mutate(change)

    def set_user(
        self, user: str, passphrase: str, data_key: bytearray, must_change: bool = False
    ) -> None:
        """Give ``user`` a slot with this passphrase, replacing the slot they have (one
        change: there is no moment without a slot for them)."""
        _check_data_key(data_key)
        name = normalise_user_name(user)
        check_passphrase_policy(passphrase, (name,))
        slot = _wrap_secret(
            data_key,
            passphrase,
            kind="user",
            user=name,
            kdf=self._default_kdf(),
            must_change=must_change,
        )

        def change(current: KeySlotFile) -> tuple[KeySlot, ...]:
            old = current._user_slot(name)
            if old is None:
                return (*current._slots, slot)
            return tuple(slot if s is old else s for s in current._slots)

        self._mutate(change)

    def remove_user(self, user: str) -> None:
        """Remove a user's slot. The last user slot cannot be removed."""
        name = _lookup_name(user)

        def change(current: KeySlotFile) -> tuple[KeySlot, ...]:
            slot = current._user_slot(name) if name is not None else None
            if name is None or slot is None:
                raise NotFound(
                    tr("De gebruiker {user} bestaat niet.").format(user=name)
                    if name is not None
                    else tr("Deze gebruiker bestaat niet.")
                )
            if len(current.users()) <= 1:
                raise ValidationError(
                    tr("De laatste gebruiker kan niet worden verwijderd."), field="user"
                )
            return tuple(s for s in current._slots if s is not slot)

        self._mutate(change)

    def change_passphrase(self, user: str, old_passphrase: str, new_passphrase: str) -> None:
        """Check the old passphrase and rewrap that user's slot only (new salt and nonce);
        clears a beheerder's "must change" mark."""
        name = normalise_user_name(user)
        check_passphrase_policy(new_passphrase, (name,))
        if _nfc(new_passphrase) == _nfc(old_passphrase):
            # Also what keeps a beheerder-set passphrase from being "changed" into itself.
            raise ValidationError(
                tr("Het nieuwe wachtwoord is gelijk aan het huidige. Kies een ander wachtwoord."),
                field="passphrase",
            )

        def change(current: KeySlotFile) -> tuple[KeySlot, ...]:
            key = current.unlock(name, old_passphrase)
            try:
                old = current._user_slot(name)
                assert old is not None  # unlock succeeded
                new = _wrap_secret(
                    key, new_passphrase, kind="user", user=name, kdf=old.kdf, slot_id=old.slot_id
                )
            finally:
                wipe(key)
            return tuple(new if s is old else s for s in current._slots)

        self._mutate(change)

    def reset_with_recovery(self, code: str, user: str, new_passphrase: str) -> None:
        """With the recovery code, give ``user`` a new passphrase (adding the slot if needed)."""
        self._recover(code, user, new_passphrase, new_code=False)

    def recover(self, code: str, user: str, new_passphrase: str) -> str:
        """With the recovery code, give ``user`` a new passphrase and replace the recovery
        slot, in one write: the code used no longer opens anything. Returns the new code,
        formatted (shown once)."""
        new_code = self._recover(code, user, new_passphrase, new_code=True)
        assert new_code is not None
        return new_code

    def _recover(self, code: str, user: str, new_passphrase: str, new_code: bool) -> str | None:
        name = normalise_user_name(user)
        check_passphrase_policy(new_passphrase, (name,))
        fresh = generate_recovery_code() if new_code else None

        def change(current: KeySlotFile) -> tuple[KeySlot, ...]:
            key = current.unlock_recovery(code)
            try:
                old = current._user_slot(name)
                kdf = old.kdf if old is not None else current._default_kdf()
                new = _wrap_secret(
                    key,
                    new_passphrase,
                    kind="user",
                    user=name,
                    kdf=kdf,
                    slot_id=old.slot_id if old is not None else None,
                )
                recovery = current._recovery_slot()
                if fresh is not None:
                    recovery = _wrap_secret(
                        key,
                        normalise_recovery_code(fresh),
                        kind="recovery",
                        user=None,
                        kdf=recovery.kdf,
                    )
            finally:
                wipe(key)
            kept = tuple(s for s in current._slots if s is not old and s.kind != "recovery")
            return (*kept, new, recovery)

        self._mutate(change)
        return fresh

    def new_recovery_code(self, data_key: bytearray) -> str:
        """Replace the recovery slot; returns the new code, formatted (shown once)."""
        _check_data_key(data_key)
        code = generate_recovery_code()

        def change(current: KeySlotFile) -> tuple[KeySlot, ...]:
            old = current._recovery_slot()
            new = _wrap_secret(
                data_key, normalise_recovery_code(code), kind="recovery", user=None, kdf=old.kdf
            )
            return tuple(new if s is old else s for s in current._slots)

        self._mutate(change)
        return code

    def _default_kdf(self) -> KdfParams:
        """Parameters for a brand-new slot (a rewrapped slot keeps its own)."""
        return DEFAULT_KDF


def _atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, never a mix."""
    directory = path.parent
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".keyslots-", suffix=".tmp", dir=directory)
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), FILE_MODE)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise StoreDamaged(
            tr(
                "Het sleutelbestand {name} kon niet worden opgeslagen ({reason}); het bestaande "
                "bestand is ongewijzigd. Controleer de schijfruimte en de rechten van de map."
            ).format(name=path.name, reason=exc.strerror or type(exc).__name__)
        ) from None
    finally:
        if tmp_name is not None:
            with suppress(OSError):
                os.unlink(tmp_name)
    # The new file is in place; making the rename durable is best effort from here on.
    with suppress(OSError):
        _fsync_directory(directory)


def _fsync_directory(directory: Path) -> None:
    """Make the rename durable (POSIX; Windows cannot open a folder for fsync)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
