"""Map low-level failures (SQLCipher, PostgreSQL, the file system) to the user's one-line
message.

Each database error is told as what it is: a damaged or tampered store (restore a backup),
a full disk or a busy store (try again), a change the database refuses (the input clashes:
exit 4), a centre that cannot be reached (exit 6), a change that lost a race with another
writer and was retried in vain (exit 4), or a programming error (a bug: None, so the caller
reports an internal error). PostgreSQL's errors are told apart by their SQLSTATE, read from
the driver's exception without importing the driver.
"""

from __future__ import annotations

import errno

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm.exc import StaleDataError

from sociaalveilig.core.errors import (
    ConflictError,
    SociaalVeiligError,
    StoreDamaged,
    StoreUnavailable,
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


# SQLSTATEs (PostgreSQL, appendix A) of a transaction that lost a race with another one:
# running it again from the start is the cure.
SERIALIZATION_FAILURE = "40001"
DEADLOCK_DETECTED = "40P01"
TRANSIENT_STATES = frozenset({SERIALIZATION_FAILURE, DEADLOCK_DETECTED})
# The server going away or refusing new sessions: no such database, admin/crash shutdown,
# cannot connect now, too many connections.
_UNAVAILABLE_STATES = frozenset({"3D000", "57P01", "57P02", "57P03", "53300"})
# Waiting for a lock or a statement took longer than the server allows.
_BUSY_STATES = frozenset({"55P03", "57014"})


def conflict_message() -> str:
    return tr("Iemand anders wijzigde dit tegelijk; probeer het opnieuw.")


def sqlstate(exc: BaseException) -> str | None:
    """The SQLSTATE of a PostgreSQL driver error (psycopg 3 ``sqlstate``, psycopg 2
    ``pgcode``), under SQLAlchemy's wrapper; None for anything else."""
    inner = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    state = getattr(inner, "sqlstate", None) or getattr(inner, "pgcode", None)
    return state if isinstance(state, str) else None


def is_transient(exc: BaseException) -> bool:
    """Whether ``exc`` (or what it was raised from) is a serialization failure or a
    deadlock: the unit of work may succeed when run again."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if sqlstate(current) in TRANSIENT_STATES:
            return True
        current = current.__cause__ or current.__context__
    return False


def _is_postgres_driver_error(inner: BaseException) -> bool:
    return type(inner).__module__.split(".")[0] in ("psycopg", "psycopg2")


def _unavailable() -> StoreUnavailable:
    return StoreUnavailable(
        tr(
            "De database van het centrum is niet bereikbaar; er is niets gewijzigd. "
            "Controleer de verbinding of vraag de beheerder of de server draait."
        )
    )


def _classify_postgres_error(exc: BaseException, inner: BaseException) -> SociaalVeiligError | None:
    state = sqlstate(inner)
    if state in TRANSIENT_STATES:
        return ConflictError(conflict_message())
    if state is None:
        # No SQLSTATE: the driver never reached the server (refused, no route, closed).
        lost = isinstance(exc, DBAPIError) and exc.connection_invalidated
        if lost or type(inner).__name__ in ("OperationalError", "InterfaceError"):
            return _unavailable()
        return None
    if state.startswith(("08", "28")) or state in _UNAVAILABLE_STATES:
        return _unavailable()
    if state.startswith("23"):
        return ConflictError(
            tr(
                "De wijziging botst met wat al is opgeslagen (bijvoorbeeld iets dat al bestaat); "
                "er is niets gewijzigd. Controleer de invoer en probeer het opnieuw."
            )
        )
    if state == "53100":
        return _disk_full()
    if state in _BUSY_STATES:
        return ValidationError(
            tr(
                "De database van het centrum is bezet; er is niets gewijzigd. "
                "Probeer het zo opnieuw."
            )
        )
    if state.startswith("22"):
        # storage/guard.py refuses such values first; one that slips past is still input.
        return ValidationError(
            tr(
                "Een waarde past niet in de database (te lang of van de verkeerde soort); "
                "er is niets gewijzigd. Controleer de invoer."
            )
        )
    if state.startswith("XX"):
        return _damaged()
    return None


def classify_exception(exc: BaseException) -> SociaalVeiligError | None:
    """A user-facing error for a known low-level failure, or None for a real bug."""
    inner: BaseException = exc
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        inner = exc.orig
    if isinstance(inner, StaleDataError):
        # A versioned row changed or vanished under the unit (another writer won).
        return ConflictError(conflict_message())
    if isinstance(inner, sqlcipher.DatabaseError):
        return _classify_database_error(inner)
    if _is_postgres_driver_error(inner):
        return _classify_postgres_error(exc, inner)
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
