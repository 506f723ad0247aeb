"""schema v2: the signal list's covering indexes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 04:20:00

The signal list walks one index in its default order and evaluates every filter there
(``ix_signals_list``); the index it replaces (received_at, reference, id) and the single
``received_at`` index are prefixes of it. ``status`` becomes (status, due_date) so open
signals past their date are counted from the index alone (the single due_date index goes:
every use of it is for open signals). The area index (focus_area_id,
received_at) gets the list's columns too, so a list of one area reads only that area's part
of an index (the narrow focus_area_id index stays: counting an area reads it). Indexes
only: no data changes.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

LIST_COLUMNS = [
    "received_at",
    "reference",
    "id",
    "status",
    "source",
    "focus_area_id",
    "category_id",
    "urgency",
    "due_date",
    "case_id",
]


AREA_COLUMNS = ["focus_area_id", *(c for c in LIST_COLUMNS if c != "focus_area_id")]


def upgrade() -> None:
    op.drop_index("ix_signals_received_list", table_name="signals")
    op.drop_index("ix_signals_received_at", table_name="signals")
    op.drop_index("ix_signals_status", table_name="signals")
    op.drop_index("ix_signals_area_received", table_name="signals")
    op.drop_index("ix_signals_due_date", table_name="signals")
    op.create_index("ix_signals_list", "signals", LIST_COLUMNS, unique=False)
    op.create_index("ix_signals_area_received", "signals", AREA_COLUMNS, unique=False)
    op.create_index("ix_signals_status_due", "signals", ["status", "due_date"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_signals_status_due", table_name="signals")
    op.drop_index("ix_signals_area_received", table_name="signals")
    op.drop_index("ix_signals_list", table_name="signals")
    op.create_index("ix_signals_due_date", "signals", ["due_date"], unique=False)
    op.create_index(
        "ix_signals_area_received", "signals", ["focus_area_id", "received_at"], unique=False
    )
    op.create_index("ix_signals_status", "signals", ["status"], unique=False)
    op.create_index("ix_signals_received_at", "signals", ["received_at"], unique=False)
    op.create_index(
        "ix_signals_received_list", "signals", ["received_at", "reference", "id"], unique=False
    )
