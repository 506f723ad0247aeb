"""schema v7: the centre's sign-in sessions (PostgreSQL only)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 03:30:00

A desk signed in to the centre's server holds a token; the server keeps its SHA-256 and
the session's times in ``server_sessions`` (storage/postgres/sessions.py), so that any
number of server processes serve one centre and a session ended on one is ended on all.
A desk's store (SQLite) has no server: its schema is unchanged by this revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sociaalveilig.storage.migrations import postgres_ddl

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if not postgres_ddl.is_postgresql():
        return
    op.create_table(
        "server_sessions",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("end_reason", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_server_sessions_user_id_users"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_server_sessions"),
        sa.UniqueConstraint("token_sha256", name="uq_server_sessions_token_sha256"),
    )
    op.create_index("ix_server_sessions_user_id", "server_sessions", ["user_id"])


def downgrade() -> None:
    if postgres_ddl.is_postgresql():
        op.drop_index("ix_server_sessions_user_id", table_name="server_sessions")
        op.drop_table("server_sessions")
