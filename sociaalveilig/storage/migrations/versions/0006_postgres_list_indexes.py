"""schema v6: the centre's list indexes (PostgreSQL only)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 02:00:00

A list in address order was sorted whole on PostgreSQL: a year's signals (25,000 on the
benchmark's region) read and sorted for one page. The index in ``postgres_ddl`` holds that
order, so the page is read from its start. The desk's store (SQLite) gets nothing: its
schema is unchanged by this revision.
"""

from __future__ import annotations

from sociaalveilig.storage.migrations import postgres_ddl

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if postgres_ddl.is_postgresql():
        postgres_ddl.create_list_indexes()


def downgrade() -> None:
    if postgres_ddl.is_postgresql():
        postgres_ddl.drop_list_indexes()
