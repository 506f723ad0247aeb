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

import contextlib
from pathlib import Path

from sociaalveilig.core.errors import SociaalVeiligError, StoreUnavailable
from sociaalveilig.core.i18n import tr
from sociaalveilig.services.context import Actor, Clock, ServiceContext, SystemClock
from sociaalveilig.services.remote.client import CentreClient
from sociaalveilig.services.remote.context import RemoteContext

__all__ = [
    "RemoteContext",
    "change_passphrase",
    "connect",
    "end_session",
    "is_remote",
    "server_label",
    "sign_in_with",
]


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
    client = CentreClient.for_url(server_url, ca)
    try:
        return sign_in_with(client, username, passphrase, clock or SystemClock())
    except BaseException:
        client.close()
        raise


def change_passphrase(
    server_url: str, username: str, old: str, new: str, *, ca: Path | None = None
) -> None:
    """A user's own new passphrase, before signing in (``passwd``, or a passphrase the
    beheerder set). The same errors as ``connect``."""
    client = CentreClient.for_url(server_url, ca)
    try:
        client.request("POST", "/passphrase", {"username": username, "old": old, "new": new})
    finally:
        client.close()


def end_session(ctx: ServiceContext) -> None:
    """Sign out (lock, quit): the centre ends the session. Never raises for a centre
    that cannot be reached (the session then ends by itself after the idle time)."""
    if not isinstance(ctx, RemoteContext):
        return
    token = ctx.forget_token()
    try:
        if token is not None:
            # Already ended (expired, a beheerder) or unreachable: nothing left to end.
            with contextlib.suppress(SociaalVeiligError):
                ctx.client.request("DELETE", "/session", token=token)
    finally:
        ctx.client.close()


def is_remote(ctx: ServiceContext) -> bool:
    """Whether ``ctx`` works on a centre (through its server) rather than a local store."""
    return isinstance(ctx, RemoteContext)


def server_label(ctx: ServiceContext) -> str:
    """The centre's ``host:port``, for a status bar; empty for a local store."""
    return ctx.label if isinstance(ctx, RemoteContext) else ""


def sign_in_with(
    client: CentreClient, username: str, passphrase: str, clock: Clock
) -> RemoteContext:
    """``connect`` over a client already made (tests give one that serves the app in
    process)."""
    answer = client.request("POST", "/session", {"username": username, "passphrase": passphrase})
    actor, token = answer.get("actor"), answer.get("token")
    if not isinstance(actor, Actor) or not isinstance(token, str) or not token:
        raise StoreUnavailable(
            tr("Het centrum {server} gaf een onverwacht antwoord. Meld dit bij de functioneel "
               "beheerder.").format(server=client.label)
        )
    return RemoteContext(actor, clock, client, token)
