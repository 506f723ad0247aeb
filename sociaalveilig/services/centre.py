"""Creating a centre (PostgreSQL) and signing in to it: the counterpart of ``setup`` for a
store that is a server database instead of a folder."""

from __future__ import annotations

from sociaalveilig.core.errors import AuthenticationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.usernames import check_new_user_name
from sociaalveilig.services.context import Actor, Clock, ServiceContext, SystemClock
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.setup import (
    actor_for,
    first_beheerder,
    log_failed_login,
    must_change_first,
)
from sociaalveilig.storage import audit
from sociaalveilig.storage.keyslots import normalise_user_name
from sociaalveilig.storage.postgres.store import PgStore


@retrying
def create_centre(
    url: str,
    username: str,
    passphrase: str,
    display_name: str | None = None,
    clock: Clock | None = None,
) -> ServiceContext:
    """Create the schema in the empty database at ``url``, seed it as a new desk's store
    is seeded, and make its first user a beheerder. Returns the signed-in context."""
    clock = clock or SystemClock()
    name = normalise_user_name(username)
    check_new_user_name(name)
    store = PgStore.initialise(url, name, passphrase)
    return first_beheerder(store, name, display_name or username, clock)


@retrying
def sign_in(
    store: PgStore, username: str, passphrase: str, address: str | None, clock: Clock
) -> Actor:
    """Check a user's name and passphrase on an open centre store and return who signed
    in: the server's sign-in (a session follows) and ``centre_login``'s. A wrong name or
    passphrase, or a user no longer active, is ``AuthenticationError`` (exit 3) and a
    failed sign-in in the audit chain; a passphrase the beheerder set is
    ``PassphraseChangeRequired``. ``address`` is where the attempt came from (the desk's
    IP address on the server, ``None`` for a direct sign-in): never audited, only used to
    slow down guessing from one address."""
    name = normalise_user_name(username) if username.strip() else username
    try:
        store.pg_credentials.check(name, passphrase)
    except AuthenticationError:
        with store.unit() as session:
            log_failed_login(session, name, clock)
        raise
    if store.credentials.must_change(name):
        raise must_change_first()
    with store.unit() as session:
        actor = actor_for(session, name)
        if actor is None:
            log_failed_login(session, name, clock)
        else:
            ServiceContext(store, actor, clock).audit(session, "login", "user", actor.user_id)
    if actor is None:
        raise AuthenticationError(tr("Onbekende gebruiker of onjuist wachtwoord."))
    return actor


@retrying
def centre_login(
    url: str, username: str, passphrase: str, clock: Clock | None = None
) -> ServiceContext:
    """Sign in to a centre's database directly (the server's own commands, tests): exit 3
    on a wrong name or passphrase (audited), 6 when the database cannot be reached."""
    clock = clock or SystemClock()
    store = PgStore.open(url)
    try:
        actor = sign_in(store, username, passphrase, None, clock)
    except BaseException:
        store.close()
        raise
    return ServiceContext(store, actor, clock)


@retrying
def change_passphrase(
    url: str, username: str, old: str, new: str, clock: Clock | None = None
) -> None:
    """A user's own new passphrase before signing in, directly on the centre's database
    (``change_own_passphrase`` on a store opened for it)."""
    store = PgStore.open(url)
    try:
        change_own_passphrase(store, username, old, new, clock or SystemClock())
    finally:
        store.close()


@retrying
def change_own_passphrase(
    store: PgStore, username: str, old: str, new: str, clock: Clock
) -> None:
    """A user's own new passphrase before signing in (``passwd``, a passphrase the
    beheerder set), on an open centre store (the server's). Checking the old one is a
    sign-in attempt: slowed down and counted like one. Logged in the audit chain (failed or
    done), never with either passphrase."""
    name = normalise_user_name(username) if username.strip() else username
    outcome = "failed"
    try:
        store.credentials.change_passphrase(name, old, new)
        outcome = "ok"
    finally:
        with store.unit() as session:
            audit.append(
                session,
                audit.AuditEvent(username=name, role="-", action="passwd", outcome=outcome),
                at=clock.utcnow(),
            )
