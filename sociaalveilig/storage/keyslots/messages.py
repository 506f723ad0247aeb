"""The key-slot file's name and the errors it raises, each one Dutch line.

One message for an unknown user and a wrong passphrase, so a caller cannot learn which
names exist; a damaged file names itself and says to restore the folder from a backup.
"""

from __future__ import annotations

from typing import Final

from sociaalveilig.core.errors import AuthenticationError, StoreDamaged
from sociaalveilig.core.i18n import tr

KEYSLOT_FILENAME: Final = "keyslots.json"


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
