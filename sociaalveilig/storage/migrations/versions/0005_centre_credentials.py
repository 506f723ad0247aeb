"""schema v5: the centre's credentials (PostgreSQL only)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 01:00:00

On the centre (PostgreSQL) users sign in with a passphrase checked against an Argon2id
hash in ``user_credentials`` (storage/postgres/credentials.py). A desk's store (SQLite)
keeps its users' secrets in the key slots beside the database, which must unwrap the data
key before the database can be read at all: it gets no such table, and its schema is
unchanged by this revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sociaalveilig.storage.migrations import postgres_ddl

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if not postgres_ddl.is_postgresql():
        return
    op.create_table(
        "user_credentials",
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("salt", sa.LargeBinary(length=32), nullable=False),
        sa.Column("memory_kib", sa.Integer(), nullable=False),
        sa.Column("iterations", sa.Integer(), nullable=False),
        sa.Column("lanes", sa.Integer(), nullable=False),
        sa.Column("passphrase_hash", sa.LargeBinary(length=64), nullable=False),
        sa.Column("must_change", sa.Boolean(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", sa.DateTime(), nullable=True),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("username", name="pk_user_credentials"),
    )


def downgrade() -> None:
    if postgres_ddl.is_postgresql():
        op.drop_table("user_credentials")
