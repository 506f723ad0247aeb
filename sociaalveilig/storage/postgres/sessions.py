"""The centre's sign-in sessions: one row per session, in PostgreSQL (migration 0007).

A desk signed in to the centre holds a random token; the server keeps only its SHA-256, so
a copy of the database (a backup, a replica) holds nothing that signs anybody in. Every
server process reads and writes the same rows: any number of them can serve one centre,
and a session ended on one is ended on all.

The table exists on PostgreSQL only, as ``user_credentials`` does: a desk has no server.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    ForeignKey,
    Index,
    MetaData,
    Row,
    String,
    Table,
    select,
    text,
    update,
)
from sqlalchemy import insert as sa_insert

metadata = MetaData()
# ``users`` is declared here only so the foreign key resolves within this metadata; the
# real table belongs to models.py's metadata and its migrations.
Table("users", metadata, Column("id", String(32), primary_key=True))

sessions_table = Table(
    "server_sessions",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("user_id", String(32), ForeignKey("users.id"), nullable=False),
    Column("address", String(64), nullable=True),
    Column("created_at", DateTime, nullable=False),
    Column("last_seen_at", DateTime, nullable=False),
    Column("ended_at", DateTime, nullable=True),
    Column("end_reason", String(20), nullable=True),
    Index("ix_server_sessions_user_id", "user_id"),
)
"""``created_at``/``last_seen_at``/``ended_at`` are naive UTC of the server's real clock
(never the services' clock, which tests move by days). ``end_reason``: ``signout``,
``idle``, ``max_age`` or ``ended`` (a beheerder ended the user's sessions)."""


def insert(
    connection: Connection,
    *,
    session_id: str,
    token_sha256: str,
    user_id: str,
    address: str | None,
    now: datetime,
) -> None:
    connection.execute(
        sa_insert(sessions_table).values(
            id=session_id,
            token_sha256=token_sha256,
            user_id=user_id,
            address=address[:64] if address else None,
            created_at=now,
            last_seen_at=now,
        )
    )


def find_live(connection: Connection, token_sha256: str) -> Row[Any] | None:
    """The session with this token that has not ended (locked for its check and touch)."""
    return connection.execute(
        select(sessions_table)
        .where(sessions_table.c.token_sha256 == token_sha256, sessions_table.c.ended_at.is_(None))
        .with_for_update()
    ).first()


_LIVE_WITH_USER = text(
    "SELECT s.id, s.user_id, s.created_at, s.last_seen_at,"
    " u.username, u.display_name, u.role, u.partner_id, u.active,"
    " ARRAY(SELECT ua.focus_area_id FROM user_areas ua WHERE ua.user_id = u.id"
    "       ORDER BY ua.focus_area_id) AS area_ids"
    " FROM server_sessions s LEFT JOIN users u ON u.id = s.user_id"
    " WHERE s.token_sha256 = :digest AND s.ended_at IS NULL"
)


def find_live_with_user(connection: Connection, token_sha256: str) -> Row[Any] | None:
    """The live session with this token and its user's row and areas, in one statement
    (this runs before every call). No row lock: a check that reads the session a moment
    before a sign-out or a beheerder's end commits lets that one call through, as if it
    had come a moment earlier; the next one finds the session ended. ``touch`` and ``end``
    change only a session that has not ended."""
    return connection.execute(_LIVE_WITH_USER, {"digest": token_sha256}).first()


def touch(connection: Connection, session_id: str, now: datetime) -> None:
    connection.execute(
        update(sessions_table)
        .where(sessions_table.c.id == session_id, sessions_table.c.ended_at.is_(None))
        .values(last_seen_at=now)
    )


def end(connection: Connection, session_id: str, reason: str, now: datetime) -> None:
    connection.execute(
        update(sessions_table)
        .where(sessions_table.c.id == session_id, sessions_table.c.ended_at.is_(None))
        .values(ended_at=now, end_reason=reason)
    )


def end_for_user(
    connection: Connection,
    user_id: str,
    reason: str,
    now: datetime,
    *,
    keep_token_sha256: str | None = None,
) -> int:
    """End every live session of a user (but the one with ``keep_token_sha256``, the
    desk's own when it changes its passphrase); returns how many ended."""
    statement = update(sessions_table).where(
        sessions_table.c.user_id == user_id, sessions_table.c.ended_at.is_(None)
    )
    if keep_token_sha256 is not None:
        statement = statement.where(sessions_table.c.token_sha256 != keep_token_sha256)
    result = connection.execute(statement.values(ended_at=now, end_reason=reason))
    return int(result.rowcount or 0)
