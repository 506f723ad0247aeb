"""schema v10: the centre's scheduled job runs (PostgreSQL only)

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-07 03:30:00

Several server processes run one centre; each scheduled job (the retention purge, ...)
must run once per due moment whichever process gets there first. A row per (job, due
moment), inserted with ``ON CONFLICT DO NOTHING``, is the claim: the one process whose
insert went in runs the job (storage/postgres/jobs.py). A desk runs its own jobs in its
window's scheduler and has one writer: the SQLite schema is unchanged.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sociaalveilig.storage.migrations import postgres_ddl

revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if not postgres_ddl.is_postgresql():
        return
    op.create_table(
        "job_runs",
        sa.Column("job", sa.String(length=40), nullable=False),
        sa.Column("due", sa.DateTime(), nullable=False),
        sa.Column("runner", sa.String(length=120), nullable=False),
        sa.Column("claimed_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint("job", "due", name="pk_job_runs"),
    )


def downgrade() -> None:
    if postgres_ddl.is_postgresql():
        op.drop_table("job_runs")
