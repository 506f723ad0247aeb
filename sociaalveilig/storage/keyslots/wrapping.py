"""Wrapping the data key in a slot and unwrapping it again (AES-256-GCM under a key
derived from the secret, the slot's header as associated data)."""

from __future__ import annotations

import secrets
import uuid
from contextlib import suppress
from dataclasses import replace

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.storage.keyslots.kdf import DEFAULT_KDF, SALT_BYTES, KdfParams, _derive_kek
from sociaalveilig.storage.keyslots.key_material import _check_data_key, wipe
from sociaalveilig.storage.keyslots.messages import KEYSLOT_FILENAME, _damaged
from sociaalveilig.storage.keyslots.passphrase_policy import _secret_bytes
from sociaalveilig.storage.keyslots.slot_format import (
    CIPHERTEXT_BYTES,
    NONCE_BYTES,
    KeySlot,
    SlotKind,
    _now,
)


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
