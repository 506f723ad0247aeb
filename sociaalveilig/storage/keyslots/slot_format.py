"""The key-slot file's format: one slot, the file as a whole, and the checks on both.

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
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final, Literal

from sociaalveilig.core.i18n import tr
from sociaalveilig.storage.keyslots.kdf import (
    KDF_NAME,
    KDF_VERSION,
    MAX_SALT_BYTES,
    MIN_SALT_BYTES,
    KdfParams,
)
from sociaalveilig.storage.keyslots.key_material import DATA_KEY_BYTES
from sociaalveilig.storage.keyslots.messages import _Defect
from sociaalveilig.storage.keyslots.user_names import _stored_name_ok

FILE_FORMAT: Final = "sociaalveilig-keyslots"
FILE_VERSION: Final = 1
SLOT_VERSION: Final = 1
NONCE_BYTES: Final = 12
GCM_TAG_BYTES: Final = 16
CIPHERTEXT_BYTES: Final = DATA_KEY_BYTES + GCM_TAG_BYTES
MAX_FILE_BYTES: Final = 1024 * 1024

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
        detail = self._owner_problem()
        if detail is not None:
            return detail
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

    def _owner_problem(self) -> str | None:
        """A user slot names a valid user; a recovery slot names no one."""
        if self.kind == "user":
            if not isinstance(self.user, str) or not _stored_name_ok(self.user):
                return tr("ongeldige gebruikersnaam")
            return None
        if self.kind == "recovery":
            if self.user is not None:
                return tr("een herstelslot hoort geen gebruikersnaam te hebben")
            return None
        return tr("onbekende soort slot")

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


def _load_json(raw: bytes) -> Any:
    """The file's bytes as JSON, bounded in size; raises _Defect with a Dutch description."""
    if not raw:
        raise _Defect(tr("het bestand is leeg"))
    if len(raw) > MAX_FILE_BYTES:
        raise _Defect(tr("het bestand is veel te groot"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _Defect(tr("het bestand is geen UTF-8-tekst")) from None
    try:
        return json.loads(text, object_pairs_hook=_reject_duplicate_keys)
    except _Defect:
        raise
    except (ValueError, RecursionError):  # JSONDecodeError, over-long numbers, deep nesting
        raise _Defect(tr("de inhoud is geen geldige JSON (afgebroken of verminkt)")) from None


def _parse(raw: bytes) -> list[KeySlot]:
    """Parse the file's bytes; raises _Defect with a Dutch description."""
    data = _load_json(raw)
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
