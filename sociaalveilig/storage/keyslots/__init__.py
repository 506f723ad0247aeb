"""The key-slot file: the store's data key, wrapped once per user plus one recovery slot.

A package by responsibility: the file format and its checks (``slot_format``), the KDF
parameters and their bounds (``kdf``), wrapping and unwrapping (``wrapping``), recovery
codes (``recovery_code``), the passphrase policy (``passphrase_policy``), user names
(``user_names``) and the file of one store folder (``slot_file``). What callers import from
``sociaalveilig.storage.keyslots`` is re-exported here, so they need not know which module
holds it.
"""

from sociaalveilig.storage.keyslots.kdf import (
    DEFAULT_KDF,
    MAX_ITERATIONS,
    MAX_LANES,
    MAX_MEMORY_KIB,
    MIN_ITERATIONS,
    MIN_LANES,
    MIN_MEMORY_KIB,
    KdfParams,
)
from sociaalveilig.storage.keyslots.key_material import DATA_KEY_BYTES, generate_data_key, wipe
from sociaalveilig.storage.keyslots.messages import KEYSLOT_FILENAME
from sociaalveilig.storage.keyslots.passphrase_policy import (
    MIN_PASSPHRASE_LENGTH,
    check_passphrase_policy,
    passphrase_strength,
)
from sociaalveilig.storage.keyslots.recovery_code import (
    format_recovery_code,
    generate_recovery_code,
    normalise_recovery_code,
)
from sociaalveilig.storage.keyslots.slot_file import KeySlotFile
from sociaalveilig.storage.keyslots.slot_format import KeySlot
from sociaalveilig.storage.keyslots.user_names import normalise_user_name

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
