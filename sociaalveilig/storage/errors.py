"""Map low-level failures (SQLCipher, the file system) to the user's one-line message."""

from __future__ import annotations

import errno

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy.exc import DBAPIError

from sociaalveilig.core.errors import SociaalVeiligError, StoreDamaged, ValidationError
from sociaalveilig.core.i18n import tr


def classify_exception(exc: BaseException) -> SociaalVeiligError | None:
    """A user-facing error for a known low-level failure, or None for a real bug."""
    inner: BaseException = exc
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        inner = exc.orig
    if isinstance(inner, sqlcipher.DatabaseError):
        text = str(inner).lower()
        if "disk is full" in text or "database or disk is full" in text:
            return ValidationError(
                tr("De schijf is vol; er is niets gewijzigd. Maak ruimte vrij en probeer opnieuw.")
            )
        if "locked" in text or "busy" in text:
            return ValidationError(
                tr("De opslag is bezet door een ander programma. Probeer het zo opnieuw.")
            )
        if "readonly" in text or "read-only" in text:
            return ValidationError(
                tr("De opslag is alleen-lezen; er is niets gewijzigd. Controleer de rechten.")
            )
        return StoreDamaged(
            tr("De database is beschadigd of gemanipuleerd. Herstel de opslag uit een back-up.")
        )
    if isinstance(inner, OSError):
        if inner.errno == errno.ENOSPC:
            return ValidationError(
                tr("De schijf is vol; er is niets gewijzigd. Maak ruimte vrij en probeer opnieuw.")
            )
        if inner.errno in (errno.EACCES, errno.EROFS, errno.EPERM):
            return ValidationError(
                tr("Geen schrijfrechten: {path}. Kies een andere plek.").format(
                    path=inner.filename or "?"
                )
            )
    return None
