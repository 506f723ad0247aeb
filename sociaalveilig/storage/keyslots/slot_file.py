"""The key-slot file: the store's data key, wrapped once per user plus one recovery slot.

The data key is 32 random bytes and is the SQLCipher raw key. Each slot derives a
key-encryption key from a secret (a user's passphrase or the beheerder's recovery code)
with Argon2id and wraps the data key with AES-256-GCM, using the slot's header (every slot
field except the ciphertext, as canonical JSON) as associated data. Tampering with any
header field therefore makes unwrapping fail.

File format (``keyslots.json``, UTF-8 JSON, mode 0o600)::

    {
      "format": "sociaalveilig-keyslots",
      "version": 1,
      "slots": [
        {
          "ciphertext": "<b64, 48 bytes: wrapped data key + GCM tag>",
          "created": "2026-01-31T12:00:00+00:00",
          "kdf": {"iterations": 3, "lanes": 4, "memory_kib": 65536,
                  "name": "argon2id", "salt": "<b64, 16..64 bytes>", "version": 19},
          "kind": "user" | "recovery",
          "nonce": "<b64, 12 bytes>",
          "slot_id": "<uuid4 hex>",
          "user": "<lowercase name>" | null,
          "version": 1,
          "must_change": true      (only present when set: the user must choose a new one)
        }, ...
      ]
    }

Everything read from the file is checked before use: the KDF never runs with parameters
outside fixed bounds, so a hostile file cannot make the program allocate absurd memory or
spin for hours. Any defect raises :class:`StoreDamaged` with one Dutch line; a wrong
passphrase or unknown user raises :class:`AuthenticationError` with one message for both.

Secrets (passphrases, recovery codes, keys) never appear in messages or reprs, and slot
objects never hold them. Python cannot guarantee that immutable copies (``str``, ``bytes``)
are erased; keys are handed out as ``bytearray`` so callers can :func:`wipe` them.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
import secrets
import tempfile
import unicodedata
import uuid
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final, Literal

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from sociaalveilig.core.errors import (
    AuthenticationError,
    NotFound,
    StoreDamaged,
    ValidationError,
)
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.passphrases import passphrase_score, weak_passphrase_problem
from sociaalveilig.storage.keyslot_lock import keyslot_lock

__all__ = [
    "DATA_KEY_BYTES",
    "DEFAULT_KDF",
    "KEYSLOT_FILENAME",
    "MIN_PASSPHRASE_LENGTH",
    "KdfParams",
    "KeySlot",
    "KeySlotFile",
    "check_passphrase_policy",
    "format_recovery_code",
    "generate_data_key",
    "generate_recovery_code",
    "normalise_recovery_code",
    "normalise_user_name",
    "passphrase_strength",
    "wipe",
]

KEYSLOT_FILENAME: Final = "keyslots.json"
FILE_FORMAT: Final = "sociaalveilig-keyslots"
FILE_VERSION: Final = 1
SLOT_VERSION: Final = 1

DATA_KEY_BYTES: Final = 32
KEK_BYTES: Final = 32
NONCE_BYTES: Final = 12
GCM_TAG_BYTES: Final = 16
CIPHERTEXT_BYTES: Final = DATA_KEY_BYTES + GCM_TAG_BYTES
SALT_BYTES: Final = 16
MIN_SALT_BYTES: Final = 16
MAX_SALT_BYTES: Final = 64

KDF_NAME: Final = "argon2id"
KDF_VERSION: Final = 0x13  # Argon2 version 1.3, the one ``cryptography`` implements
# Bounds on the parameters read from a slot, checked before the KDF runs. The header is
# authenticated only after the KDF (by AES-GCM), so an edited file can make one unlock attempt
# cost up to the maximum before the tampering shows: the maxima are what an office desktop can
# give without trouble, with headroom above the default (64 MiB, 3 passes, 4 lanes) for a
# stronger future default: at most 1 GiB, 10 passes (a few seconds at 1 GiB) and 8 lanes.
MIN_MEMORY_KIB: Final = 65536  # 64 MiB
MAX_MEMORY_KIB: Final = 1048576  # 1 GiB
MIN_ITERATIONS: Final = 3
MAX_ITERATIONS: Final = 10
MIN_LANES: Final = 1
MAX_LANES: Final = 8

MIN_PASSPHRASE_LENGTH: Final = 12
MAX_PASSPHRASE_LENGTH: Final = 1024
MAX_USER_NAME_LENGTH: Final = 64
MAX_FILE_BYTES: Final = 1024 * 1024
FILE_MODE: Final = 0o600

# Crockford base32: digits and capitals without I, L, O and U.
RECOVERY_ALPHABET: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_CODE_LENGTH: Final = 32
RECOVERY_GROUP: Final = 4
# Look-alikes a person may type when reading a printed code (Crockford decoding rules).
_RECOVERY_LOOKALIKES: Final = {"O": "0", "I": "1", "L": "1"}
_RECOVERY_SEPARATORS: Final = frozenset("- \t\r\n\u00a0\u2010\u2011\u2012\u2013\u2014")

SlotKind = Literal["user", "recovery"]
_SLOT_FIELDS: Final = frozenset(
    {"version", "slot_id", "kind", "user", "kdf", "nonce", "created", "ciphertext"}
)
# Optional, and in the header only when true: slots written before it keep their header bytes.
_MUST_CHANGE: Final = "must_change"
_KDF_FIELDS: Final = frozenset({"name", "version", "memory_kib", "iterations", "lanes", "salt"})
_FILE_FIELDS: Final = frozenset({"format", "version", "slots"})
_SLOT_ID_RE: Final = re.compile(r"[0-9a-f]{32}", re.ASCII)
_CREATED_RE: Final = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?\+00:00", re.ASCII
)


# --------------------------------------------------------------------------- messages


def _auth_failed() -> AuthenticationError:
    # One message for an unknown user and a wrong passphrase: no user enumeration.
    return AuthenticationError(tr("Onbekende gebruiker of onjuist wachtwoord."))


def _recovery_failed() -> AuthenticationError:
    return AuthenticationError(tr("De herstelcode klopt niet."))


def _damaged(name: str, detail: str) -> StoreDamaged:
    return StoreDamaged(
        tr("Het sleutelbestand {name} is beschadigd: {detail}. Herstel de map uit een back-up.")
        .format(name=name, detail=detail)
    )


class _Defect(Exception):
    """Internal: a defect found while parsing; turned into StoreDamaged with the file name."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


# --------------------------------------------------------------------------- key material


def generate_data_key() -> bytearray:
    """Return a new random 256-bit data key (the SQLCipher raw key)."""
    return bytearray(secrets.token_bytes(DATA_KEY_BYTES))


def wipe(buf: bytearray) -> None:
    """Overwrite ``buf`` with zeros in place (its length is unchanged)."""
    buf[:] = bytes(len(buf))


def _check_data_key(data_key: bytes | bytearray) -> None:
    if not isinstance(data_key, bytes | bytearray) or len(data_key) != DATA_KEY_BYTES:
        # A programming error, not user input: never echo the value.
        raise ValueError(f"data key must be {DATA_KEY_BYTES} bytes")


# --------------------------------------------------------------------------- passphrases


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _secret_bytes(secret: str) -> bytearray | None:
    """UTF-8 of the NFC form of ``secret``, or None when it cannot be encoded."""
    try:
        return bytearray(_nfc(secret).encode("utf-8"))
    except UnicodeEncodeError:  # lone surrogates, e.g. from a badly decoded terminal
        return None


def check_passphrase_policy(passphrase: str, user_inputs: Iterable[str] = ()) -> None:
    """Raise ValidationError (field ``passphrase``) when a new passphrase is not acceptable.

    The rule: at least 12 characters (Unicode characters after NFC normalisation; nothing
    is stripped), at most 1024, encodable as UTF-8, and not easy to guess (a zxcvbn score
    of at least 3, see core.passphrases; ``user_inputs``: the user's name and the like).
    """
    text = _nfc(passphrase)
    if len(text) < MIN_PASSPHRASE_LENGTH:
        raise ValidationError(
            tr("Het wachtwoord is te kort: gebruik minstens {n} tekens.").format(
                n=MIN_PASSPHRASE_LENGTH
            ),
            field="passphrase",
        )
    if len(text) > MAX_PASSPHRASE_LENGTH:
        raise ValidationError(
            tr("Het wachtwoord is te lang: gebruik hoogstens {n} tekens.").format(
                n=MAX_PASSPHRASE_LENGTH
            ),
            field="passphrase",
        )
    encoded = _secret_bytes(text)
    if encoded is None:
        raise ValidationError(
            tr("Het wachtwoord bevat tekens die niet kunnen worden opgeslagen."),
            field="passphrase",
        )
    wipe(encoded)
    problem = weak_passphrase_problem(text, user_inputs)
    if problem is not None:
        raise ValidationError(problem, field="passphrase")


def passphrase_strength(passphrase: str, user_inputs: Iterable[str] = ()) -> int:
    """A strength estimate from 0 to 4, for a hint in the window: zxcvbn's score
    (core.passphrases), and 0 whenever the length rule is not met. The policy asks 3."""
    length = len(_nfc(passphrase))
    if not MIN_PASSPHRASE_LENGTH <= length <= MAX_PASSPHRASE_LENGTH:
        return 0
    return passphrase_score(_nfc(passphrase), user_inputs)


# --------------------------------------------------------------------------- user names


def normalise_user_name(user: str) -> str:
    """Return the stored form of a user name (NFKC, case-folded, trimmed) or raise
    ValidationError. NFKC folds width and compatibility forms (``ｂｅｈｅｅｒ`` is
    ``beheer``); look-alikes from other scripts are refused where a name is made
    (core.usernames)."""
    name = unicodedata.normalize("NFKC", user).casefold().strip()
    if not name:
        raise ValidationError(tr("Vul een gebruikersnaam in."), field="user")
    if len(name) > MAX_USER_NAME_LENGTH:
        raise ValidationError(
            tr("De gebruikersnaam is te lang: gebruik hoogstens {n} tekens.").format(
                n=MAX_USER_NAME_LENGTH
            ),
            field="user",
        )
    if any(unicodedata.category(c).startswith("C") for c in name):
        raise ValidationError(
            tr("De gebruikersnaam bevat ongeldige tekens (zoals regeleinden)."), field="user"
        )
    return name


def _stored_name_ok(name: str) -> bool:
    """Whether a slot's user name is a stored form: today's (NFKC, case-folded) or the one
    slots were written with before (NFC, lower case), so an older store never reads as
    damaged for a name such as ``straße``."""
    if _lookup_name(name) == name:
        return True
    legacy = _nfc(name).strip().lower()
    return legacy == name and _lookup_name(name) is not None


def _lookup_name(user: str) -> str | None:
    try:
        return normalise_user_name(user)
    except ValidationError:
        return None


# --------------------------------------------------------------------------- recovery code


def generate_recovery_code() -> str:
    """Return a new recovery code, formatted (8 groups of 4 separated by '-')."""
    raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_CODE_LENGTH))
    return format_recovery_code(raw)


def normalise_recovery_code(code: str) -> str:
    """Return the 32 bare upper-case characters of a recovery code as typed by a person.

    Any case, with or without dashes or spaces; O is read as 0 and I and L as 1.
    Raises ValidationError when the result is not 32 characters of the alphabet.
    """
    chars: list[str] = []
    for c in code.upper():
        if c in _RECOVERY_SEPARATORS:
            continue
        chars.append(_RECOVERY_LOOKALIKES.get(c, c))
    bare = "".join(chars)
    if len(bare) != RECOVERY_CODE_LENGTH or any(c not in RECOVERY_ALPHABET for c in bare):
        raise ValidationError(
            tr(
                "De herstelcode is onvolledig of bevat ongeldige tekens: een herstelcode "
                "heeft 32 letters en cijfers in 8 groepjes van 4."
            ),
            field="recovery_code",
        )
    return bare


def format_recovery_code(code: str) -> str:
    """Return a recovery code as printed: ``XXXX-XXXX-...`` (8 groups of 4)."""
    bare = normalise_recovery_code(code)
    return "-".join(
        bare[i : i + RECOVERY_GROUP] for i in range(0, RECOVERY_CODE_LENGTH, RECOVERY_GROUP)
    )


# --------------------------------------------------------------------------- slots


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters of one slot."""

    memory_kib: int = MIN_MEMORY_KIB
    iterations: int = MIN_ITERATIONS
    lanes: int = 4

    def problem(self) -> str | None:
        """Describe (in Dutch) why these parameters are out of bounds, or None if usable."""
        checks: tuple[tuple[str, int, int, int], ...] = (
            ("memory_kib", self.memory_kib, MIN_MEMORY_KIB, MAX_MEMORY_KIB),
            ("iterations", self.iterations, MIN_ITERATIONS, MAX_ITERATIONS),
            ("lanes", self.lanes, MIN_LANES, MAX_LANES),
        )
        for name, value, low, high in checks:
            # bool is an int subclass; a real count is never True or False.
            if type(value) is not int or not low <= value <= high:
                return tr(
                    "de sleutelafleidingsparameter {name} valt buiten de grenzen {low}..{high}"
                ).format(name=name, low=low, high=high)
        return None

    def validate(self) -> None:
        """Raise StoreDamaged unless every parameter is inside the fixed bounds."""
        detail = self.problem()
        if detail is not None:
            raise _damaged(KEYSLOT_FILENAME, detail)


DEFAULT_KDF: Final = KdfParams()


@dataclass(frozen=True)
class KeySlot:
    """One wrapped copy of the data key. Holds no secret: the data key is encrypted."""

    slot_id: str
    kind: SlotKind
    user: str | None
    kdf: KdfParams
    salt: bytes = field(repr=False)
    nonce: bytes = field(repr=False)
    ciphertext: bytes = field(repr=False)
    created: str
    version: int = SLOT_VERSION
    must_change: bool = False

    def header(self) -> dict[str, Any]:
        """Every slot field except the ciphertext, as JSON-ready values."""
        header: dict[str, Any] = {
            "version": self.version,
            "slot_id": self.slot_id,
            "kind": self.kind,
            "user": self.user,
            "kdf": {
                "name": KDF_NAME,
                "version": KDF_VERSION,
                "memory_kib": self.kdf.memory_kib,
                "iterations": self.kdf.iterations,
                "lanes": self.kdf.lanes,
                "salt": _b64(self.salt),
            },
            "nonce": _b64(self.nonce),
            "created": self.created,
        }
        if self.must_change:
            header[_MUST_CHANGE] = True
        return header

    def header_bytes(self) -> bytes:
        """The associated data for AES-GCM: canonical JSON (sorted keys, no spaces)."""
        return json.dumps(
            self.header(), sort_keys=True, separators=(",", ":"), ensure_ascii=False
        ).encode("utf-8")

    def to_json(self) -> dict[str, Any]:
        data = self.header()
        data["ciphertext"] = _b64(self.ciphertext)
        return data

    def problem(self) -> str | None:
        """Describe (in Dutch) what is wrong with this slot's fields, or None."""
        detail = self.kdf.problem()
        if detail is not None:
            return detail
        if self.version != SLOT_VERSION or type(self.version) is not int:
            return tr("onbekende slotversie")
        if not isinstance(self.slot_id, str) or not _SLOT_ID_RE.fullmatch(self.slot_id):
            return tr("ongeldig slot-id")
        if self.kind == "user":
            if not isinstance(self.user, str) or not _stored_name_ok(self.user):
                return tr("ongeldige gebruikersnaam")
        elif self.kind == "recovery":
            if self.user is not None:
                return tr("een herstelslot hoort geen gebruikersnaam te hebben")
        else:
            return tr("onbekende soort slot")
        if not MIN_SALT_BYTES <= len(self.salt) <= MAX_SALT_BYTES:
            return tr("het zout heeft een ongeldige lengte")
        if len(self.nonce) != NONCE_BYTES:
            return tr("de nonce heeft een ongeldige lengte")
        if len(self.ciphertext) != CIPHERTEXT_BYTES:
            return tr("de versleutelde sleutel heeft een ongeldige lengte")
        if not isinstance(self.created, str) or not _valid_created(self.created):
            return tr("ongeldige aanmaaktijd")
        if type(self.must_change) is not bool or (self.must_change and self.kind != "user"):
            return tr("ongeldige markering voor een nieuw wachtwoord")
        return None

    @classmethod
    def from_json(cls, data: object) -> KeySlot:
        """Parse one slot; raises _Defect (internal) on any defect."""
        if not isinstance(data, dict):
            raise _Defect(tr("een slot is geen object"))
        keys = set(data)
        must_change = data.get(_MUST_CHANGE, False)
        if _MUST_CHANGE in keys:
            keys.discard(_MUST_CHANGE)
            if must_change is not True:  # written only when set: one spelling per header
                raise _Defect(tr("ongeldige markering voor een nieuw wachtwoord"))
        if keys != _SLOT_FIELDS:
            raise _Defect(_field_set_problem(keys, _SLOT_FIELDS))
        kdf = data["kdf"]
        if not isinstance(kdf, dict):
            raise _Defect(tr("veld 'kdf' is geen object"))
        kdf_keys = set(kdf)
        if kdf_keys != _KDF_FIELDS:
            raise _Defect(_field_set_problem(kdf_keys, _KDF_FIELDS))
        if kdf["name"] != KDF_NAME:
            raise _Defect(tr("onbekende sleutelafleiding"))
        if type(kdf["version"]) is not int or kdf["version"] != KDF_VERSION:
            raise _Defect(tr("onbekende versie van de sleutelafleiding"))
        params = KdfParams(
            memory_kib=kdf["memory_kib"], iterations=kdf["iterations"], lanes=kdf["lanes"]
        )
        # Bounds first: nothing else about this slot matters if it could exhaust the machine.
        detail = params.problem()
        if detail is not None:
            raise _Defect(detail)
        kind = data["kind"]
        if kind not in ("user", "recovery"):
            raise _Defect(tr("onbekende soort slot"))
        slot = cls(
            version=data["version"],
            slot_id=data["slot_id"],
            kind=kind,
            user=data["user"],
            kdf=params,
            salt=_unb64(kdf["salt"], "kdf.salt"),
            nonce=_unb64(data["nonce"], "nonce"),
            ciphertext=_unb64(data["ciphertext"], "ciphertext"),
            created=data["created"],
            must_change=must_change,
        )
        detail = slot.problem()
        if detail is not None:
            raise _Defect(detail)
        return slot


def _field_set_problem(found: set[str], expected: frozenset[str]) -> str:
    missing = sorted(expected - found)
    if missing:
        return tr("veld '{name}' ontbreekt").format(name=missing[0])
    return tr("onbekend veld in een slot")


def _valid_created(value: str) -> bool:
    if not _CREATED_RE.fullmatch(value):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(value: object, name: str) -> bytes:
    if not isinstance(value, str) or not value.isascii():
        raise _Defect(tr("veld '{name}' is geen geldige base64").format(name=name))
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise _Defect(tr("veld '{name}' is geen geldige base64").format(name=name)) from None
    if _b64(raw) != value:  # one spelling per value: the header must be reproducible
        raise _Defect(tr("veld '{name}' is geen geldige base64").format(name=name))
    return raw


# --------------------------------------------------------------------------- wrapping


def _derive_kek(secret: bytearray, salt: bytes, params: KdfParams) -> bytes:
    """Run Argon2id, after checking the parameters (never with unchecked values)."""
    params.validate()
    if not MIN_SALT_BYTES <= len(salt) <= MAX_SALT_BYTES:
        raise _damaged(KEYSLOT_FILENAME, tr("het zout heeft een ongeldige lengte"))
    kdf = Argon2id(
        salt=bytes(salt),
        length=KEK_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    try:
        # The stubs ask for bytes; the passphrase already exists as an immutable str anyway.
        return kdf.derive(bytes(secret))
    except MemoryError:
        # In bounds, but more than this computer can give (up to 1 GiB is allowed).
        raise StoreDamaged(
            tr(
                "Het sleutelbestand {name} vraagt meer geheugen ({mib} MiB) dan deze computer "
                "beschikbaar heeft. Open de map op een computer met meer geheugen."
            ).format(name=KEYSLOT_FILENAME, mib=params.memory_kib // 1024)
        ) from None


def _wrap(
    data_key: bytes | bytearray,
    secret: bytearray,
    *,
    kind: SlotKind,
    user: str | None,
    kdf: KdfParams,
    slot_id: str | None = None,
    must_change: bool = False,
) -> KeySlot:
    """Make a slot wrapping ``data_key`` under ``secret`` (fresh salt and nonce)."""
    _check_data_key(data_key)
    slot = KeySlot(
        slot_id=slot_id or uuid.uuid4().hex,
        kind=kind,
        user=user,
        kdf=kdf,
        salt=secrets.token_bytes(SALT_BYTES),
        nonce=secrets.token_bytes(NONCE_BYTES),
        ciphertext=bytes(CIPHERTEXT_BYTES),  # placeholder; not part of the header
        created=_now(),
        must_change=must_change,
    )
    kek = _derive_kek(secret, slot.salt, kdf)
    ciphertext = AESGCM(kek).encrypt(slot.nonce, data_key, slot.header_bytes())
    return replace(slot, ciphertext=ciphertext)


def _unwrap(slot: KeySlot, secret: bytearray) -> bytearray | None:
    """The data key in ``slot``, or None when the secret (or the header) does not fit."""
    detail = slot.problem()
    if detail is not None:
        raise _damaged(KEYSLOT_FILENAME, detail)
    kek = _derive_kek(secret, slot.salt, slot.kdf)
    try:
        plain = AESGCM(kek).decrypt(slot.nonce, slot.ciphertext, slot.header_bytes())
    except InvalidTag:
        return None
    key = bytearray(plain)
    del plain
    return key


def _dummy_derive(secret: bytearray | None) -> None:
    """Spend the time of one unwrap, so an unknown user answers as slowly as a known one."""
    material = secret if secret is not None else bytearray(b"\x00")
    with suppress(Exception):
        _derive_kek(material, bytes(SALT_BYTES), DEFAULT_KDF)


# --------------------------------------------------------------------------- the file


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


def _wrap_secret(
    data_key: bytes | bytearray,
    secret: str,
    *,
    kind: SlotKind,
    user: str | None,
    kdf: KdfParams,
    slot_id: str | None = None,
    must_change: bool = False,
) -> KeySlot:
    encoded = _secret_bytes(secret)
    if encoded is None:  # pragma: no cover - the policy check refuses these first
        raise ValidationError(
            tr("Het wachtwoord bevat tekens die niet kunnen worden opgeslagen."),
            field="passphrase",
        )
    try:
        return _wrap(
            data_key,
            encoded,
            kind=kind,
            user=user,
            kdf=kdf,
            slot_id=slot_id,
            must_change=must_change,
        )
    finally:
        wipe(encoded)


def _slots_problem(slots: tuple[KeySlot, ...]) -> str | None:
    """Describe what is wrong with the set of slots as a whole, or None."""
    for index, slot in enumerate(slots, start=1):
        detail = slot.problem()
        if detail is not None:
            return tr("slot {n}: {detail}").format(n=index, detail=detail)
    ids = [s.slot_id for s in slots]
    if len(set(ids)) != len(ids):
        return tr("twee slots hebben hetzelfde slot-id")
    names = [s.user for s in slots if s.kind == "user"]
    if len(set(names)) != len(names):
        return tr("een gebruiker heeft meer dan één slot")
    if not names:
        return tr("er is geen slot voor een gebruiker")
    recovery = sum(1 for s in slots if s.kind == "recovery")
    if recovery == 0:
        return tr("het herstelslot ontbreekt")
    if recovery > 1:
        return tr("er is meer dan één herstelslot")
    return None


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Defect(tr("een veld komt twee keer voor"))
        result[key] = value
    return result


def _parse(raw: bytes) -> list[KeySlot]:
    """Parse the file's bytes; raises _Defect with a Dutch description."""
    if not raw:
        raise _Defect(tr("het bestand is leeg"))
    if len(raw) > MAX_FILE_BYTES:
        raise _Defect(tr("het bestand is veel te groot"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _Defect(tr("het bestand is geen UTF-8-tekst")) from None
    try:
        data = json.loads(text, object_pairs_hook=_reject_duplicate_keys)
    except _Defect:
        raise
    except (ValueError, RecursionError):  # JSONDecodeError, over-long numbers, deep nesting
        raise _Defect(tr("de inhoud is geen geldige JSON (afgebroken of verminkt)")) from None
    if not isinstance(data, dict) or data.get("format") != FILE_FORMAT:
        raise _Defect(tr("de formaatmarkering ontbreekt of klopt niet"))
    if type(data.get("version")) is not int or data["version"] != FILE_VERSION:
        raise _Defect(tr("onbekende bestandsversie"))
    if set(data) != _FILE_FIELDS:
        raise _Defect(_field_set_problem(set(data), _FILE_FIELDS))
    items = data["slots"]
    if not isinstance(items, list):
        raise _Defect(tr("veld 'slots' is geen lijst"))
    slots: list[KeySlot] = []
    for index, item in enumerate(items, start=1):
        try:
            slots.append(KeySlot.from_json(item))
        except _Defect as defect:
            raise _Defect(tr("slot {n}: {detail}").format(n=index, detail=defect.detail)) from None
    detail = _slots_problem(tuple(slots))
    if detail is not None:
        raise _Defect(detail)
    return slots


def _serialise(slots: tuple[KeySlot, ...]) -> bytes:
    document = {
        "format": FILE_FORMAT,
        "version": FILE_VERSION,
        "slots": [slot.to_json() for slot in slots],
    }
    return (json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode(
        "utf-8"
    )


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
