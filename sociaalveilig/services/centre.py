"""Creating a centre (PostgreSQL) and signing in to it: the counterpart of ``setup`` for a
store that is a server database instead of a folder."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import (
    AccessDenied,
    AuthenticationError,
    SignInThrottled,
    ValidationError,
)
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
from sociaalveilig.storage.keyslots import (
    check_passphrase_policy,
    generate_recovery_code,
    normalise_user_name,
)
from sociaalveilig.storage.models import User
from sociaalveilig.storage.postgres import sessions
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
    slow down guessing from one address.

    Failures are counted per name and per address in the database, shared by every server
    process (storage/postgres/throttle.py): a try that comes too soon is refused with
    ``SignInThrottled`` (exit 3) saying when to try again, without checking the
    passphrase, and logged as ``login_throttled``."""
    name = normalise_user_name(username) if username.strip() else username
    now = clock.utcnow().astimezone(UTC).replace(tzinfo=None)
    refusal = store.signin_throttle.refusal(name, address, now)
    if refusal is not None:
        with store.unit() as session:
            _log_throttled(session, name, clock)
        raise throttled(refusal.seconds)
    try:
        store.pg_credentials.check(name, passphrase, throttled=False)
    except AuthenticationError:
        store.signin_throttle.failed(name, address, now)
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
        store.signin_throttle.failed(name, address, now)
        raise AuthenticationError(tr("Onbekende gebruiker of onjuist wachtwoord."))
    store.signin_throttle.succeeded(name)
    return actor


def throttled(seconds: int) -> SignInThrottled:
    """The one line for a sign-in that must wait: the same whether the name or the
    address was counted (it says nothing about which names exist)."""
    if seconds < 120:
        message = tr(
            "Te veel mislukte aanmeldpogingen; probeer het over {n} seconden opnieuw."
        ).format(n=seconds)
    else:
        message = tr(
            "Te veel mislukte aanmeldpogingen; probeer het over {n} minuten opnieuw."
        ).format(n=(seconds + 59) // 60)
    return SignInThrottled(message, seconds)


def _log_throttled(session: Session, name: str, clock: Clock) -> None:
    audit.append(
        session,
        audit.AuditEvent(username=name, role="-", action="login_throttled", outcome="denied"),
        at=clock.utcnow(),
    )


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
    done), never with either passphrase. Every session the user still has ends: whoever
    knew the old passphrase may be signed in with it."""
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
            user_id = (
                session.execute(select(User.id).where(User.username == name)).scalar_one_or_none()
                if outcome == "ok"
                else None
            )
            if user_id is not None and sessions.end_for_user(
                session.connection(), user_id, "passwd", datetime.now(UTC).replace(tzinfo=None)
            ):
                audit.append(
                    session,
                    audit.AuditEvent(
                        username=name, role="-", action="end_sessions",
                        object_type="user", object_id=user_id,
                    ),
                    at=clock.utcnow(),
                )


@retrying
def new_recovery_code(ctx: ServiceContext) -> str:
    """Make the centre's recovery code (``sociaalveilig-server init``): only its hash is
    kept; the code is returned to be shown once. Any earlier code opens nothing any more.
    A beheerder's work, audited."""
    store = ctx.store
    if not isinstance(store, PgStore) or ctx.actor.role is not Role.BEHEERDER:
        raise AccessDenied(tr("Alleen een beheerder van het centrum maakt een herstelcode."))
    code = generate_recovery_code()
    with ctx.unit() as session:
        store.recovery.replace(session, code)
        ctx.audit(session, "recovery_code", "store", None)
    return code


@retrying
def recover(
    url: str, username: str, code: str, new_passphrase: str, clock: Clock | None = None
) -> str:
    """A beheerder of the centre who forgot the passphrase regains access with the
    recovery code: the new passphrase and a new recovery code in one unit (the code used
    opens nothing any more). Returns the new code, to be shown once. A code that does not
    fit is exit 3, counted against the name like a failed sign-in (throttle.py)."""
    clock = clock or SystemClock()
    name = normalise_user_name(username)
    check_passphrase_policy(new_passphrase, (name,))
    store = PgStore.open(url)
    try:
        return _recover_on(store, name, code, new_passphrase, clock)
    finally:
        store.close()


@retrying
def _recover_on(store: PgStore, name: str, code: str, new_passphrase: str, clock: Clock) -> str:
    now = clock.utcnow().astimezone(UTC).replace(tzinfo=None)
    refusal = store.signin_throttle.refusal(name, None, now)
    if refusal is not None:
        with store.unit() as session:
            _log_throttled(session, name, clock)
        raise throttled(refusal.seconds)
    wrong = AuthenticationError(
        tr("De herstelcode klopt niet, of {user} is geen actieve beheerder.").format(user=name)
    )
    new_code = generate_recovery_code()
    with store.unit() as session:
        actor = actor_for(session, name)
        try:
            fits = store.recovery.matches(session, code)
        except ValidationError:  # a mistyped code is a wrong code
            fits = False
        if fits and actor is not None and actor.role is Role.BEHEERDER:
            store.pg_credentials.set_user_in(session, name, new_passphrase, must_change=False)
            store.recovery.replace(session, new_code)
            ServiceContext(store, actor, clock).audit(session, "recover", "user", actor.user_id)
            wrong_code = False
        else:
            wrong_code = True
    if wrong_code:
        store.signin_throttle.failed(name, None, now)
        with store.unit() as session:
            audit.append(
                session,
                audit.AuditEvent(username=name, role="-", action="recover", outcome="failed"),
                at=clock.utcnow(),
            )
        raise wrong
    store.signin_throttle.succeeded(name)
    return new_code
