"""The key derivation: Argon2id's parameters, their fixed bounds, and the run itself.

Parameters read from a slot are checked against the bounds before Argon2id runs, so a
hostile file cannot make the program allocate absurd memory or spin for hours.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from sociaalveilig.core.errors import StoreDamaged
from sociaalveilig.core.i18n import tr
from sociaalveilig.storage.keyslots.messages import KEYSLOT_FILENAME, _damaged

KEK_BYTES: Final = 32
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
