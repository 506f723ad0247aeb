"""The desk's side of the centre: sign in to a ``sociaalveilig-server`` and get a context
that every service function accepts.

A desk on a centre holds a ``RemoteContext`` (``remote/context.py``): the signed-in
``Actor``, a clock and an HTTP client, and no store and no database credentials. The
``@retrying`` decorator every unit-opening service function carries sends an outermost call
whose first argument is a ``RemoteContext`` to the server (``remote/client.py``), which
runs the same function as the signed-in user; its errors arrive here as the same
``core.errors`` class with the same Dutch message. So the window and the command line call
``services.x.f(ctx, ...)`` exactly as on a desk.

No PySide6 and no SQL here: this is the services layer.
"""

from __future__ import annotations

from pathlib import Path

from sociaalveilig.services.context import Clock, ServiceContext


def connect(
    server_url: str,
    username: str,
    passphrase: str,
    *,
    ca: Path | None = None,
    clock: Clock | None = None,
) -> ServiceContext:
    """Sign in to the centre at ``server_url`` and return a ``RemoteContext``.

    Errors: ``AuthenticationError`` (exit 3; also its subclasses ``SignInThrottled`` and
    ``PassphraseChangeRequired``); ``StoreUnavailable`` (exit 6: refused, timeout, DNS,
    TLS failure, a 5xx answer); ``UsageError`` (exit 2) for a URL that is neither
    ``http://`` on a loopback address nor ``https://``. ``ca`` is a PEM file with the
    centre's own certificate authority, for a centre whose certificate is not signed by a
    public one."""
    raise NotImplementedError


def change_passphrase(
    server_url: str, username: str, old: str, new: str, *, ca: Path | None = None
) -> None:
    """A user's own new passphrase, before signing in (``passwd``, or a passphrase the
    beheerder set). The same errors as ``connect``."""
    raise NotImplementedError


def end_session(ctx: ServiceContext) -> None:
    """Sign out (lock, quit): the centre ends the session. Never raises for a centre
    that cannot be reached (the session then ends by itself after the idle time)."""
    raise NotImplementedError


def is_remote(ctx: ServiceContext) -> bool:
    """Whether ``ctx`` works on a centre (through its server) rather than a local store."""
    raise NotImplementedError


def server_label(ctx: ServiceContext) -> str:
    """The centre's ``host:port``, for a status bar; empty for a local store."""
    raise NotImplementedError
