"""schema v3: the need-to-know scope of partners and wijkagenten from indexes alone

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 15:00:00

A partner may see the cases on the agendas of its meetings and the cases it owns an action
on; a wijkagent and a partner also see the signals they registered themselves. Each list
statement builds those sets anew; on the benchmark's region (a partner in two thirds of the
meetings) that read 42,000 agenda items and 16,600 actions from the table each time, about
0.3 s per statement. The indexes below hold what the sets need, so they are read from the
index alone: a partner's meetings (partner_id, meeting_id), an agenda's cases (meeting_id,
case_id; replaces meeting_id alone), a partner's actions with their cases
(owner_partner_id, case_id; replaces owner_partner_id alone) and a user's own signals
(created_by: a user's few own signals are then read from the table, the rest of the list
never is). Indexes only: no data changes.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_meeting_partners_partner", "meeting_partners", ["partner_id", "meeting_id"]
    )
    op.drop_index("ix_agenda_items_meeting_id", table_name="agenda_items")
    op.create_index("ix_agenda_items_meeting_case", "agenda_items", ["meeting_id", "case_id"])
    op.drop_index("ix_actions_owner_partner_id", table_name="actions")
    op.create_index("ix_actions_owner_case", "actions", ["owner_partner_id", "case_id"])
    op.create_index("ix_signals_created_by", "signals", ["created_by"])


def downgrade() -> None:
    op.drop_index("ix_signals_created_by", table_name="signals")
    op.drop_index("ix_actions_owner_case", table_name="actions")
    op.create_index("ix_actions_owner_partner_id", "actions", ["owner_partner_id"])
    op.drop_index("ix_agenda_items_meeting_case", table_name="agenda_items")
    op.create_index("ix_agenda_items_meeting_id", "agenda_items", ["meeting_id"])
    op.drop_index("ix_meeting_partners_partner", table_name="meeting_partners")
