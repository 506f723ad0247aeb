"""The centre's sign-in sessions: one row per session, in PostgreSQL (migration 0007).

A desk signed in to the centre holds a random token; the server keeps only its SHA-256, so
a copy of the database (a backup, a replica) holds nothing that signs anybody in. Every
server process reads and writes the same rows: any number of them can serve one centre,
and a session ended on one is ended on all.

The table exists on PostgreSQL only, as ``user_credentials`` does: a desk has no server.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Index,
    MetaData,
    String,
    Table,
)

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
