"""schema v4: the signal list's indexes: its order alone; status and category with the list's
columns; a partner's agenda signals

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 17:00:00

The list index holds every column the signal list filters on (43 MB on the benchmark
region of 200,000 signals): more than a connection's page cache (32 MiB), so a walk over
all of it read and decrypted every page again, each time. The coordinator's whole list,
a period and a text need only the order (received, reference, id): ``ix_signals_received``
holds just that (16 MB), stays in the cache, and a text's matches are checked against its
walk instead of each being read from the table to sort them.

A partner also sees the signals on the agendas of its meetings; finding them read every
agenda item of those meetings from the table (36 ms a statement on the region):
``ix_agenda_items_meeting_signal`` (meeting_id, signal_id), partial, holds the few items
that are about a signal.

The status and category indexes hold the list's columns and the scope's behind their own
(``ix_signals_status_due``: status, due date; ``ix_signals_category_list``, replacing the
category alone): a list of one status or category reads its own rows, sorts them and never
a table page; a partner's or wijkagent's list of a status they see nothing of read the
whole list index (0.2-0.3 s), and the coordinator's whole list of a status or category
walked it (5,400 pages decrypted again each time). Indexes only: no data changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


# The columns a list sorts on and its result, then the need-to-know scope's columns.
_LIST_TAIL = ["received_at", "reference", "id", "focus_area_id", "case_id"]


def upgrade() -> None:
    op.create_index("ix_signals_received", "signals", ["received_at", "reference", "id"])
    op.drop_index("ix_signals_status_due", table_name="signals")
    op.create_index("ix_signals_status_due", "signals", ["status", "due_date", *_LIST_TAIL])
    op.drop_index("ix_signals_category_id", table_name="signals")
    op.create_index("ix_signals_category_list", "signals", ["category_id", *_LIST_TAIL])
    op.create_index(
        "ix_agenda_items_meeting_signal",
        "agenda_items",
        ["meeting_id", "signal_id"],
        sqlite_where=sa.text("signal_id IS NOT NULL"),
        postgresql_where=sa.text("signal_id IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_signals_category_list", table_name="signals")
    op.create_index("ix_signals_category_id", "signals", ["category_id"])
    op.drop_index("ix_signals_status_due", table_name="signals")
    op.create_index("ix_signals_status_due", "signals", ["status", "due_date"])
    op.drop_index("ix_agenda_items_meeting_signal", table_name="agenda_items")
    op.drop_index("ix_signals_received", table_name="signals")
