from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.desk import store_folder
from sociaalveilig.services.maintenance import verify
from sociaalveilig.storage import audit
from sociaalveilig.storage.models import AuditEntry
from tests.conftest import lift_append_only

# The audit chain is the same on both stores (the PostgreSQL trigger refuses like SQLite's).
pytestmark = pytest.mark.both_stores


def _check(ctx: ServiceContext) -> tuple[bool, int | None]:
    """Whether the store's check passes, and the first broken audit entry: the desk's whole
    ``verify`` (file, cipher pages and chain), or the chain on the centre."""
    if store_folder(ctx) is not None:
        report = verify(ctx)
        return report.ok, report.first_broken_audit_id
    with ctx.read_unit() as session:
        chain = audit.verify_chain(session)
    return chain.ok, chain.first_broken_id


def _append_some(ctx: ServiceContext, n: int) -> None:
    with ctx.unit() as session:
        for i in range(n):
            ctx.audit(session, "view", "case", f"case{i}", person_ref=f"P-2026-{i:05d}")


def test_chain_verifies_after_appends(admin_ctx: ServiceContext) -> None:
    _append_some(admin_ctx, 5)
    with admin_ctx.unit() as session:
        report = audit.verify_chain(session)
    assert report.ok
    assert report.entries >= 7  # init, user_add, login, + 5


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_log SET outcome = 'failed' WHERE id = 1",
        "DELETE FROM audit_log WHERE id = 1",
        "UPDATE status_history SET reason = 'x'",
        "DELETE FROM audit_head",
    ],
)
def test_log_is_append_only(admin_ctx: ServiceContext, statement: str) -> None:
    _append_some(admin_ctx, 1)
    # On the centre the runtime role's privileges refuse the audit log's changes before
    # the trigger would (tests/server/test_guard_role.py).
    refused = "append-only|permission denied"
    with pytest.raises(DBAPIError, match=refused), admin_ctx.unit() as session:
        session.execute(
            text(
                "INSERT INTO status_history (object_type, object_id, to_status, at) "
                "VALUES ('case', 'x', 'open', '2026-01-01 00:00:00')"
            )
        )
        session.execute(text(statement))


def test_forged_entry_breaks_verify(admin_ctx: ServiceContext) -> None:
    _append_some(admin_ctx, 4)
    with admin_ctx.unit() as session:
        target = (
            session.execute(select(AuditEntry).where(AuditEntry.action == "view")).scalars().first()
        )
        assert target is not None
        target_id = target.id
        # A forger with the key drops the trigger, rewrites the row, and restores it.
        lift_append_only(session, "audit_log", "update")
        session.execute(text(f"UPDATE audit_log SET username = 'iemand' WHERE id = {target_id}"))
    assert _check(admin_ctx) == (False, target_id)
    if store_folder(admin_ctx) is not None:
        assert str(target_id) in verify(admin_ctx).lines[0]


def test_removed_tail_entry_breaks_verify(admin_ctx: ServiceContext) -> None:
    _append_some(admin_ctx, 3)
    with admin_ctx.unit() as session:
        lift_append_only(session, "audit_log", "delete")
        session.execute(text("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)"))
    assert not _check(admin_ctx)[0]


def test_entries_hold_no_content(admin_ctx: ServiceContext) -> None:
    with admin_ctx.unit() as session:
        columns = set(
            session.execute(select(AuditEntry)).scalars().first().__table__.columns.keys()
        )  # type: ignore[union-attr]
    assert columns == {
        "id",
        "at",
        "username",
        "role",
        "action",
        "object_type",
        "object_id",
        "person_ref",
        "purpose",
        "outcome",
        "prev_hash",
        "hash",
    }
