"""The passphrase policy: how long a new passphrase must be and how hard to guess.

Passphrases are compared and stored in their NFC form, so the same text typed on another
keyboard or system still opens the slot.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Final

from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.passphrases import passphrase_score, weak_passphrase_problem
from sociaalveilig.storage.keyslots.key_material import wipe

MIN_PASSPHRASE_LENGTH: Final = 12
MAX_PASSPHRASE_LENGTH: Final = 1024


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
