"""The recovery code: made, read back as a person types it, and printed.

A person reads the printed code off paper, so look-alike letters and any dashes or
spaces are accepted when it is typed in again.
"""

from __future__ import annotations

import secrets
from typing import Final

from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.i18n import tr

# Crockford base32: digits and capitals without I, L, O and U.
RECOVERY_ALPHABET: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_CODE_LENGTH: Final = 32
RECOVERY_GROUP: Final = 4
# Look-alikes a person may type when reading a printed code (Crockford decoding rules).
_RECOVERY_LOOKALIKES: Final = {"O": "0", "I": "1", "L": "1"}
_RECOVERY_SEPARATORS: Final = frozenset("- \t\r\n\u00a0\u2010\u2011\u2012\u2013\u2014")


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
