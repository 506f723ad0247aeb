"""schema v11: the centre's change feed (PostgreSQL only)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 04:40:00

A row per changed record (type, id, its case) in ``change_feed``, written by triggers on
the tables the lists, Vandaag and the case view show, with ``pg_notify`` so each server
wakes the desks following the feed (``storage/postgres/feed.py``). A desk's store has one
writer and no feed: the SQLite schema is unchanged.
"""

from __future__ import annotations

from alembic import op

from sociaalveilig.storage.migrations import postgres_ddl
from sociaalveilig.storage.postgres import feed

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if postgres_ddl.is_postgresql():
        feed.create(op.get_bind())


def downgrade() -> None:
    if postgres_ddl.is_postgresql():
        feed.drop(op.get_bind())
