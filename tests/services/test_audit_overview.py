"""The audit viewer's first page: its count and the chain check agree (one moment of the
log), and an odd stored entry does not stop the viewer."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sociaalveilig.core.workdays import DATE_YEARS
from sociaalveilig.services import auditlog
from sociaalveilig.services.auditlog import AuditFilter
from sociaalveilig.storage import audit as audit_store


def test_count_and_chain_check_agree(admin_ctx, coordinator_ctx) -> None:
    with coordinator_ctx.unit() as session:
        for n in range(5):
            coordinator_ctx.audit(session, "print", "case", f"C-2026-{n:05d}")
    first = auditlog.open_audit_log(admin_ctx, limit=3)
    assert first.chain.ok
    assert first.count == first.chain.entries
    assert not first.capped
    # The reading logged itself (verify and view) after it read: a second look sees
    # exactly those two entries more, in both numbers.
    second = auditlog.open_audit_log(admin_ctx, limit=3)
    assert second.count == second.chain.entries == first.count + 2
    readings = auditlog.open_audit_log(admin_ctx, AuditFilter(object_id=None, actions=("verify",)))
    assert readings.count == 2


def test_without_a_check_the_total_still_counts_every_entry(admin_ctx) -> None:
    checked = auditlog.open_audit_log(admin_ctx, limit=3)
    assert checked.chain is not None and checked.total == checked.chain.entries
    quick = auditlog.open_audit_log(admin_ctx, limit=3, verify=False)
    assert quick.chain is None
    assert quick.total == quick.count == checked.total + 2  # the check's verify and view


def test_filtered_count_counts_the_matches(admin_ctx, coordinator_ctx) -> None:
    with coordinator_ctx.unit() as session:
        for n in range(4):
            coordinator_ctx.audit(session, "print", "case", f"C-2026-{n:05d}")
    overview = auditlog.open_audit_log(admin_ctx, AuditFilter(actions=("print",)), limit=2)
    assert overview.count == 4 and len(overview.page.rows) == 2
    assert overview.chain.entries > overview.count


def test_an_entry_at_the_end_of_the_calendar_does_not_stop_the_viewer(admin_ctx) -> None:
    with admin_ctx.unit() as session:
        audit_store.append(
            session,
            audit_store.AuditEvent(username="beheer", role="beheerder", action="login"),
            at=datetime(9999, 12, 31, 23, 30, tzinfo=UTC),
        )
    page = auditlog.query_audit(admin_ctx, limit=5)
    odd = page.rows[0]
    assert odd.at_utc.startswith("9999-12-31")
    assert odd.at == datetime(9999, 12, 31, 23, 30)  # shown in UTC: local would overflow
    # A period up to the last day a date field allows (ui/dutch.py), on both stores.
    last_day = date(DATE_YEARS[1], 12, 31)
    last = auditlog.query_audit(admin_ctx, AuditFilter(date_to=last_day), limit=5)
    assert last.rows and not any(row.at_utc.startswith("9999") for row in last.rows)
    later = auditlog.query_audit(admin_ctx, AuditFilter(date_from=last_day), limit=5)
    assert [row.at_utc[:10] for row in later.rows] == ["9999-12-31"]
