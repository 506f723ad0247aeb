"""User names as a key slot stores them, and the forms older stores wrote."""

from __future__ import annotations

import unicodedata
from typing import Final

from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.storage.keyslots.passphrase_policy import _nfc

MAX_USER_NAME_LENGTH: Final = 64


def normalise_user_name(user: str) -> str:
    """Return the stored form of a user name (NFKC, case-folded, trimmed) or raise
    ValidationError. NFKC folds width and compatibility forms (``beheer`` in full-width
    letters is plain ``beheer``); look-alikes from other scripts are refused where a name
    is made (core.usernames)."""
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
