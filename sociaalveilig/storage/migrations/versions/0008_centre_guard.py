"""schema v8: the centre's walls (PostgreSQL only)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 03:30:00

The runtime role the server's units act as (``storage/postgres/roles.py``: no ownership,
the audit log insert-only), row-level security on the case work as a second line behind
``services/access.py`` (``storage/postgres/rls.py``), and the failed sign-ins counted per
user and per address (``storage/postgres/throttle.py``), and the hash of the recovery code
``sociaalveilig-server init`` prints (``storage/postgres/recovery.py``). Creating the role needs
CREATEROLE (or a superuser). The desk's store (SQLite) gets nothing: its schema is
unchanged by this revision.
"""

from __future__ import annotations

from alembic import op

from sociaalveilig.storage.migrations import postgres_ddl
from sociaalveilig.storage.postgres import recovery, rls, roles, throttle

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if not postgres_ddl.is_postgresql():
        return
    role = roles.create_runtime_role(op.get_bind())
    # Granted to the runtime role by its default privileges (roles.grant_runtime).
    throttle.create_table(op.get_bind())
    recovery.create_table(op.get_bind())
    rls.create_policies(op.get_bind(), roles.all_role(role), roles.partner_role(role))


def downgrade() -> None:
    if postgres_ddl.is_postgresql():
        rls.drop_policies(op.get_bind())
        throttle.failures_table.drop(op.get_bind())
        recovery.recovery_table.drop(op.get_bind())
        roles.drop_runtime_role(op.get_bind())
