"""The data key itself: made at random, checked for size, wiped after use."""

from __future__ import annotations

import secrets
from typing import Final

DATA_KEY_BYTES: Final = 32


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
