"""Creating a centre (PostgreSQL) and signing in to it: the counterpart of ``setup`` for a
store that is a server database instead of a folder."""

from __future__ import annotations

from sociaalveilig.core.errors import AuthenticationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.usernames import check_new_user_name
from sociaalveilig.services.context import Clock, ServiceContext, SystemClock
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
def centre_login(
    url: str, username: str, passphrase: str, clock: Clock | None = None
) -> ServiceContext:
    """Sign in to a centre: exit 3 on a wrong name or passphrase (audited), 6 when the
    server cannot be reached."""
    clock = clock or SystemClock()
    name = normalise_user_name(username) if username.strip() else username
    store = PgStore.open(url)
    try:
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
                ctx = ServiceContext(store, actor, clock)
                ctx.audit(session, "login", "user", actor.user_id)
        if actor is None:
            raise AuthenticationError(tr("Onbekende gebruiker of onjuist wachtwoord."))
    except BaseException:
        store.close()
        raise
    return ctx


@retrying
def change_passphrase(
    url: str, username: str, old: str, new: str, clock: Clock | None = None
) -> None:
    """A user's own new passphrase before signing in (``passwd``, a passphrase the
    beheerder set). Checking the old one is a sign-in attempt: slowed down and counted
    like one. Logged in the audit chain (failed or done), never with either passphrase."""
    clock = clock or SystemClock()
    name = normalise_user_name(username) if username.strip() else username
    store = PgStore.open(url)
    try:
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
    finally:
        store.close()
