"""The key-slot file: the store's data key, wrapped once per user plus one recovery slot.

A package by responsibility; what callers import from ``sociaalveilig.storage.keyslots``
is re-exported here, so they need not know which module holds it.
"""

from sociaalveilig.storage.keyslots.slot_file import (
    DATA_KEY_BYTES,
    DEFAULT_KDF,
    KEYSLOT_FILENAME,
    MAX_ITERATIONS,
    MAX_LANES,
    MAX_MEMORY_KIB,
    MIN_ITERATIONS,
    MIN_LANES,
    MIN_MEMORY_KIB,
    MIN_PASSPHRASE_LENGTH,
    KdfParams,
    KeySlot,
    KeySlotFile,
    check_passphrase_policy,
    format_recovery_code,
    generate_data_key,
    generate_recovery_code,
    normalise_recovery_code,
    normalise_user_name,
    passphrase_strength,
    wipe,
)

__all__ = [
    "DATA_KEY_BYTES",
    "DEFAULT_KDF",
    "KEYSLOT_FILENAME",
    "MAX_ITERATIONS",
    "MAX_LANES",
    "MAX_MEMORY_KIB",
    "MIN_ITERATIONS",
    "MIN_LANES",
    "MIN_MEMORY_KIB",
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
