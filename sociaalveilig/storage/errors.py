"""Map low-level failures (SQLCipher, the file system) to the user's one-line message.

Each database error is told as what it is: a damaged or tampered store (restore a backup),
a full disk or a busy store (try again), a change the database refuses (the input clashes:
exit 4), or a programming error (a bug: None, so the caller reports an internal error).
"""

from __future__ import annotations

import errno

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy.exc import DBAPIError

from sociaalveilig.core.errors import (
    ConflictError,
    SociaalVeiligError,
    StoreDamaged,
    ValidationError,
)
from sociaalveilig.core.i18n import tr

# SQLite primary result codes (sqlite3.h); the extended code's low byte is the primary one.
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_CONSTRAINT = 19
_SQLITE_NOTADB = 26

_DAMAGED_CODES = frozenset({_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_CANTOPEN, _SQLITE_NOTADB})

# For errors that carry no result code: the texts SQLite and SQLCipher use for damage
# (a page failing its HMAC reads as "file is not a database" or "malformed").
_DAMAGED_TEXTS = (
    "file is not a database",
    "malformed",
    "disk i/o error",
    "unable to open database",
    "hmac",
    "corrupt",
)


def _disk_full() -> ValidationError:
    return ValidationError(
        tr("De schijf is vol; er is niets gewijzigd. Maak ruimte vrij en probeer opnieuw.")
    )


def _damaged() -> StoreDamaged:
    return StoreDamaged(
        tr("De database is beschadigd of gemanipuleerd. Herstel de opslag uit een back-up.")
    )


def _classify_database_error(inner: sqlcipher.DatabaseError) -> SociaalVeiligError | None:
    code = getattr(inner, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(inner).lower()
    if isinstance(inner, sqlcipher.IntegrityError) or primary == _SQLITE_CONSTRAINT:
        return ConflictError(
            tr(
                "De wijziging botst met wat al is opgeslagen (bijvoorbeeld iets dat al bestaat); "
                "er is niets gewijzigd. Controleer de invoer en probeer het opnieuw."
            )
        )
    if primary == _SQLITE_FULL or "disk is full" in text:
        return _disk_full()
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text or "busy" in text:
        return ValidationError(
            tr("De opslag is bezet door een ander programma. Probeer het zo opnieuw.")
        )
    if primary == _SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return ValidationError(
            tr("De opslag is alleen-lezen; er is niets gewijzigd. Controleer de rechten.")
        )
    if primary in _DAMAGED_CODES or any(t in text for t in _DAMAGED_TEXTS):
        return _damaged()
    # "no such column/table", a syntax error, a misused cursor: the program is wrong, not
    # the store; telling the user to restore a backup would not help.
    return None


def classify_exception(exc: BaseException) -> SociaalVeiligError | None:
    """A user-facing error for a known low-level failure, or None for a real bug."""
    inner: BaseException = exc
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        inner = exc.orig
    if isinstance(inner, sqlcipher.DatabaseError):
        return _classify_database_error(inner)
    if isinstance(inner, OSError):
        if inner.errno == errno.ENOSPC:
            return _disk_full()
        if inner.errno in (errno.EACCES, errno.EROFS, errno.EPERM):
            return ValidationError(
                tr("Geen schrijfrechten: {path}. Kies een andere plek.").format(
                    path=inner.filename or "?"
                )
            )
    return None
