from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.maintenance import verify
from sociaalveilig.storage import audit
from sociaalveilig.storage.models import AuditEntry


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
    with pytest.raises(DBAPIError, match="append-only"), admin_ctx.unit() as session:
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
        session.execute(text("DROP TRIGGER audit_log_no_update"))
        session.execute(text(f"UPDATE audit_log SET username = 'iemand' WHERE id = {target_id}"))
    report = verify(admin_ctx)
    assert not report.ok
    assert report.first_broken_audit_id == target_id
    assert str(target_id) in report.lines[0]


def test_removed_tail_entry_breaks_verify(admin_ctx: ServiceContext) -> None:
    _append_some(admin_ctx, 3)
    with admin_ctx.unit() as session:
        session.execute(text("DROP TRIGGER audit_log_no_delete"))
        session.execute(text("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)"))
    assert not verify(admin_ctx).ok


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
