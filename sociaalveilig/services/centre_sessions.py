"""Sessions at the centre's server: begun at sign-in, checked on every request, ended.

A desk signed in to the centre holds a random token; the database keeps its SHA-256
(``storage/postgres/sessions.py``). A session ends after ``idle_seconds`` without a request
(the desk's own idle lock ends it sooner, by signing out), at ``max_age_seconds`` whatever
the use, on sign-out, and when a beheerder ends a user's sessions. The user behind a
session is read from the database on every request, so a deactivated user or a changed
role counts at once.

Session times are the server's real time (``now``, naive UTC), never the services' clock:
tests move that clock by days, and a session must not expire with it.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import NotFound, SessionEnded
from sociaalveilig.core.i18n import tr
from sociaalveilig.services.context import Actor, Clock, ServiceContext, SystemClock
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.users import require_role
from sociaalveilig.storage.errors import classify_exception
from sociaalveilig.storage.models import User, UserArea
from sociaalveilig.storage.postgres import sessions
from sociaalveilig.storage.postgres.store import PgStore, unreachable

IDLE_SECONDS = 15 * 60
MAX_AGE_SECONDS = 12 * 60 * 60
TOUCH_SECONDS = 60
"""``last_seen_at`` is written at most once a minute: a busy desk's every request would
otherwise be a write."""


@dataclass(frozen=True)
class SessionPolicy:
    idle_seconds: int = IDLE_SECONDS
    max_age_seconds: int = MAX_AGE_SECONDS
    touch_seconds: int = TOUCH_SECONDS


def real_utcnow() -> datetime:
    """The server's real time as the sessions' columns hold it (naive UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def ended() -> SessionEnded:
    return SessionEnded(tr("Uw sessie bij het centrum is beëindigd; meld u opnieuw aan."))


@contextmanager
def _connected(store: PgStore) -> Iterator[Connection]:
    """One transaction on the sessions table, database failures told as the store tells
    them."""
    try:
        with store.engine.begin() as connection:
            yield connection
    except DBAPIError as exc:
        told = classify_exception(exc)
        raise (told if told is not None else unreachable(store.url)) from None


@retrying
def open_session(store: PgStore, actor: Actor, address: str | None, now: datetime) -> str:
    """Begin a session for ``actor`` (just signed in); returns its token, which is
    stored nowhere but on the desk."""
    token = secrets.token_urlsafe(32)
    with _connected(store) as connection:
        sessions.insert(
            connection,
            session_id=secrets.token_hex(16),
            token_sha256=token_digest(token),
            user_id=actor.user_id,
            address=address,
            now=now,
        )
    return token


@retrying
def resume_session(
    store: PgStore, token: str, policy: SessionPolicy, now: datetime, *, touch: bool = True
) -> Actor:
    """The user acting with ``token``, read afresh; ``SessionEnded`` for a token that is
    unknown, ended, idle too long or too old, or whose user is no longer active (the
    session is then ended for good). One statement reads the session, the user and the
    user's areas (``sessions.find_live_with_user``): this runs before every call, and a
    read takes no row lock, so it costs the database no transaction id and no flush to
    disk; only a touch (at most once a minute) or an end writes. ``touch=False`` (the
    change feed, which a desk follows unattended) leaves the session's last request as it
    was, so following the feed never keeps an idle session alive."""
    reason: str | None = None
    actor: Actor | None = None
    with _connected(store) as connection:
        row = sessions.find_live_with_user(connection, token_digest(token))
        if row is None:
            raise ended()
        if now - row.last_seen_at > timedelta(seconds=policy.idle_seconds):
            reason = "idle"
        elif now - row.created_at > timedelta(seconds=policy.max_age_seconds):
            reason = "max_age"
        elif row.username is None or not row.active:  # deactivated (or removed) since
            reason = "inactive"
        else:
            actor = Actor(row.user_id, row.username, row.display_name, Role(row.role),
                          row.partner_id, frozenset(row.area_ids))
        if reason is not None:
            sessions.end(connection, row.id, reason, now)
        elif touch and now - row.last_seen_at >= timedelta(seconds=policy.touch_seconds):
            sessions.touch(connection, row.id, now)
    if actor is None:
        raise ended()
    return actor


def _active_actor(session: Session, user_id: str) -> Actor | None:
    user = session.get(User, user_id)
    if user is None or not user.active:
        return None
    areas = frozenset(
        session.execute(select(UserArea.focus_area_id).where(UserArea.user_id == user.id))
        .scalars()
    )
    return Actor(user.id, user.username, user.display_name, Role(user.role), user.partner_id,
                 areas)


@retrying
def close_session(store: PgStore, token: str, now: datetime, clock: Clock | None = None) -> None:
    """Sign out (the desk locks or quits): the session with ``token`` ends, logged in the
    audit chain as the desk's own lock is (nothing happens for an unknown one)."""
    user_id: str | None = None
    with _connected(store) as connection:
        row = sessions.find_live(connection, token_digest(token))
        if row is not None:
            sessions.end(connection, row.id, "signout", now)
            user_id = row.user_id
    if user_id is None:
        return
    with store.unit() as session:
        actor = _active_actor(session, user_id)
        if actor is not None:
            ctx = ServiceContext(store, actor, clock or SystemClock())
            ctx.audit(session, "lock", "user", actor.user_id)


def end_other_sessions(ctx: ServiceContext, session: Session, reason: str) -> int:
    """In ``session`` (the caller's unit): end every session of the acting user at the
    centre but the one the call came with (``ctx.session_digest``); returns how many.
    Nothing on a desk's own store, which has no sessions."""
    if ctx.store.capabilities.dialect != "postgresql":
        return 0
    return sessions.end_for_user(
        session.connection(), ctx.actor.user_id, reason, real_utcnow(),
        keep_token_sha256=ctx.session_digest,
    )


@retrying
def end_sessions(ctx: ServiceContext, username: str) -> int:
    """A beheerder ends every session of ``username`` at the centre (a lost laptop, a
    colleague who left); their desks must sign in again. Returns how many ended; on a
    desk's own store there are none. Audited."""
    require_role(ctx, Role.BEHEERDER)
    with ctx.unit() as session:
        user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
        if user is None:
            raise NotFound(tr("Gebruiker {user} bestaat niet.").format(user=username))
        count = 0
        if ctx.store.capabilities.dialect == "postgresql":
            count = sessions.end_for_user(session.connection(), user.id, "ended", real_utcnow())
        ctx.audit(session, "end_sessions", "user", user.id)
    return count
