"""schema v4: the signal list's order in an index of its own; a partner's agenda signals

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
that are about a signal. Indexes only: no data changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_signals_received", "signals", ["received_at", "reference", "id"])
    op.create_index(
        "ix_agenda_items_meeting_signal",
        "agenda_items",
        ["meeting_id", "signal_id"],
        sqlite_where=sa.text("signal_id IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_agenda_items_meeting_signal", table_name="agenda_items")
    op.drop_index("ix_signals_received", table_name="signals")
