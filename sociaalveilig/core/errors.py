"""Exceptions that carry a one-line Dutch message for the user, and the CLI exit code."""

from __future__ import annotations


class SociaalVeiligError(Exception):
    """Base for expected failures: ``str(exc)`` is the one line a user reads."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(SociaalVeiligError):
    exit_code = 2


class AuthenticationError(SociaalVeiligError):
    """Wrong user or passphrase, or a recovery code that does not fit."""

    exit_code = 3


class ValidationError(SociaalVeiligError):
    """Invalid input; nothing was changed. ``field`` names the offending field."""

    exit_code = 4

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ConflictError(ValidationError):
    """The change clashes with what is stored (a duplicate, a broken reference); nothing
    was changed. The database refused it, so the input, not the store, is at fault."""


class AccessDenied(SociaalVeiligError):
    """The acting user's role or scope does not allow this."""

    exit_code = 4


class NotFound(SociaalVeiligError):
    exit_code = 4


class StoreDamaged(SociaalVeiligError):
    """The store, a key slot, a backup or the audit chain is damaged or tampered with."""

    exit_code = 5


class StoreUnavailable(SociaalVeiligError):
    """The centre's database cannot be reached (down, wrong address, refused)."""

    exit_code = 6


class StoreLocked(SociaalVeiligError):
    """The store is locked; unlock first."""

    exit_code = 3


class SignInThrottled(AuthenticationError):
    """Too many failed sign-ins for this name: the next try must wait ``seconds``."""

    def __init__(self, message: str, seconds: int) -> None:
        super().__init__(message)
        self.seconds = seconds


class PassphraseChangeRequired(AuthenticationError):
    """The passphrase was right, but a beheerder set it: the user must choose a new one
    before working (``passwd``, or the unlock dialog's form)."""


class SessionEnded(AuthenticationError):
    """The desk's session at the centre expired (idle, maximum age) or was ended (signed
    out, or by a beheerder): sign in again."""
