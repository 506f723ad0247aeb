"""The audit viewer: filters and paging in the database, its own viewing logged, the chain
check visible, and the noodknop entries with their reasons. Names are fictional."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, text

from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import AccessDenied, ValidationError
from sociaalveilig.services import access, auditlog, cases
from sociaalveilig.services.auditlog import AuditFilter
from sociaalveilig.services.context import FixedClock, ServiceContext
from sociaalveilig.storage.models import AuditEntry
from tests.conftest import ActorFactory, lift_append_only
from tests.services.test_retention import add_case, add_person

HEERLEN = "Heerlen Noord (incl. Hoensbroek)"


@pytest.fixture
def case_ref(admin_ctx: ServiceContext) -> tuple[str, str]:
    with admin_ctx.unit() as s:
        person = add_person(s, "Fenna Fictief")
        case = add_case(s, persons=((person, "bewoner"),))
        return case.reference, person.reference


def test_a_case_view_shows_up_in_the_viewer_at_once(
    admin_ctx: ServiceContext, coordinator_ctx: ServiceContext, case_ref: tuple[str, str]
) -> None:
    ref, person_ref = case_ref
    cases.get_case(coordinator_ctx, ref)
    page = auditlog.query_audit(admin_ctx, AuditFilter(actions=("view",)), limit=5)
    newest = page.rows[0]
    assert (newest.username, newest.action, newest.object_type, newest.object_id) == (
        "coordinator",
        "view",
        "case",
        ref,
    )
    assert newest.person_ref == person_ref
    assert newest.role_label == "Coördinator"
    assert newest.at == datetime(2026, 4, 15, 10, 0)  # local time, as the clock says
    # And per person: the same view, found by the person's reference.
    by_person = auditlog.query_audit(admin_ctx, AuditFilter(person_ref=person_ref.lower()))
    assert [r.entry_id for r in by_person.rows] == [newest.entry_id]


def test_viewing_the_log_is_itself_logged(admin_ctx: ServiceContext) -> None:
    first = auditlog.query_audit(admin_ctx, AuditFilter(username=" BEHEER ", actions=("login",)))
    assert [r.action for r in first.rows] == ["login"]
    # (The template store was made at the real time, later than the test clock: the
    # period keeps its entries out of this newest-first view.)
    second = auditlog.query_audit(admin_ctx, AuditFilter(date_to=date(2026, 4, 15)))
    top = second.rows[0]
    assert (top.action, top.object_type, top.username) == ("view", "audit_log", "beheer")
    assert top.purpose == "filter: gebruiker=beheer; acties=login"
    # A query never returns its own entry: the first query's entry is the newest here.
    assert top.entry_id > max(r.entry_id for r in first.rows)


def test_filters_per_user_action_period_and_outcome(
    admin_ctx: ServiceContext, make_actor: ActorFactory, clock: FixedClock
) -> None:
    anna = make_actor(Role.COORDINATOR, username="anna")
    bert = make_actor(Role.WIJKAGENT, username="bert")
    for day, who, action, outcome in (
        (1, anna, "view", "ok"),
        (2, bert, "view", "denied"),
        (3, anna, "print", "ok"),
        (4, bert, "export", "ok"),
    ):
        clock.set(datetime(2026, 3, day, 23, 30))  # late evening: the UTC date is earlier
        with who.unit() as s:
            who.audit(s, action, "case", f"C-2026-0000{day}", outcome=outcome)
    clock.set(datetime(2026, 4, 15, 10, 0))

    def ids(filt: AuditFilter) -> list[str | None]:
        return [r.object_id for r in auditlog.query_audit(admin_ctx, filt).rows]

    assert ids(AuditFilter(username="anna")) == ["C-2026-00003", "C-2026-00001"]
    assert ids(AuditFilter(actions=("view", "print"), date_to=date(2026, 3, 31))) == [
        "C-2026-00003",
        "C-2026-00002",
        "C-2026-00001",
    ]
    # Local days, inclusive: 23:30 on 2 March is still 2 March.
    assert ids(AuditFilter(date_from=date(2026, 3, 2), date_to=date(2026, 3, 3))) == [
        "C-2026-00003",
        "C-2026-00002",
    ]
    assert ids(AuditFilter(outcome="denied")) == ["C-2026-00002"]
    assert ids(AuditFilter(object_id="C-2026-00004")) == ["C-2026-00004"]
    assert ids(AuditFilter(username="bert", actions=("print",))) == []
    with pytest.raises(ValidationError) as exc:
        auditlog.query_audit(
            admin_ctx, AuditFilter(date_from=date(2026, 3, 5), date_to=date(2026, 3, 1))
        )
    assert exc.value.field == "date_to"


def test_paging_newest_first_without_gaps_or_repeats(
    admin_ctx: ServiceContext, clock: FixedClock
) -> None:
    # 230 entries, many sharing the same second: the cursor must break ties by id.
    with admin_ctx.unit() as s:
        for i in range(230):
            if i % 50 == 0:
                clock.advance(timedelta(seconds=1))
            admin_ctx.audit(s, "view", "case", f"X-{i:03d}")
    filt = AuditFilter(object_id=None, actions=("view",), date_from=date(2026, 4, 15))
    seen: list[int] = []
    cursor = None
    pages = 0
    while True:
        page = auditlog.query_audit(admin_ctx, filt, cursor=cursor, limit=100)
        pages += 1
        seen.extend(r.entry_id for r in page.rows if r.object_type == "case")
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert pages == 3
    assert len(seen) == 230 == len(set(seen))
    assert seen == sorted(seen, reverse=True)
    count, capped = auditlog.count_audit(admin_ctx, AuditFilter(object_id="X-007"))
    assert (count, capped) == (1, False)


def test_count_is_capped(admin_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auditlog, "COUNT_CAP", 3)
    with admin_ctx.unit() as s:
        for _ in range(5):
            admin_ctx.audit(s, "view", "case", "C-1")
    assert auditlog.count_audit(admin_ctx, AuditFilter(object_id="C-1")) == (3, True)


def test_export_csv_with_filter_is_logged_and_safe(
    admin_ctx: ServiceContext, make_actor: ActorFactory
) -> None:
    wijkagent = make_actor(Role.WIJKAGENT, username="wim", areas=[HEERLEN])
    with wijkagent.unit() as s:
        wijkagent.audit(s, "emergency_access", "case", "C-2026-00009", purpose="=HYPERLINK(1)")
    data, n = auditlog.export_audit_csv(admin_ctx, filt=AuditFilter(username="wim"))
    rows = list(csv.reader(io.StringIO(data), delimiter=";"))
    assert rows[0][0] == "id" and n == 1 and len(rows) == 2
    assert rows[1][2] == "wim" and rows[1][8] == "'=HYPERLINK(1)"
    with admin_ctx.unit() as s:
        entry = (
            s.execute(
                select(AuditEntry)
                .where(AuditEntry.action == "export")
                .order_by(AuditEntry.id.desc())
            )
            .scalars()
            .first()
        )
    assert entry is not None and entry.object_type == "audit_log"
    assert entry.purpose == "filter: gebruiker=wim"


def test_export_per_person_keeps_the_cli_signature(
    admin_ctx: ServiceContext, coordinator_ctx: ServiceContext, case_ref: tuple[str, str]
) -> None:
    ref, person_ref = case_ref
    cases.get_case(coordinator_ctx, ref)
    data, n = auditlog.export_audit_csv(admin_ctx, person_ref=person_ref)
    assert n == 1 and person_ref in data


def test_chain_check_ok_then_broken(admin_ctx: ServiceContext) -> None:
    status = auditlog.verify_audit_chain(admin_ctx)
    assert status.ok and status.first_broken_id is None
    assert "in orde" in status.message
    with admin_ctx.unit() as s:
        victim = s.execute(select(AuditEntry.id).order_by(AuditEntry.id).limit(1)).scalar_one()
        # Tampering as an attacker with the key would: around the append-only trigger.
        lift_append_only(s, "audit_log", "update")
        s.execute(text("UPDATE audit_log SET username = 'iemand' WHERE id = :id"), {"id": victim})
    status = auditlog.verify_audit_chain(admin_ctx)
    assert not status.ok and status.first_broken_id == victim
    assert f"regel {victim}" in status.message
    with admin_ctx.unit() as s:
        last = s.execute(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).scalar_one()
    assert (last.action, last.object_type, last.outcome) == ("verify", "audit_log", "failed")


def test_emergency_access_is_logged_with_its_reason(
    admin_ctx: ServiceContext, make_actor: ActorFactory, case_ref: tuple[str, str]
) -> None:
    ref, _ = case_ref  # in Kerkrade Oost
    outsider = make_actor(Role.WIJKAGENT, username="wout", areas=[HEERLEN])
    with pytest.raises(AccessDenied):
        cases.get_case(outsider, ref)
    reason = "Acute melding, collega Kerkrade niet bereikbaar"
    detail = cases.get_case(outsider, ref, purpose=reason)
    assert detail.emergency_access
    listed = access.list_emergency_access(admin_ctx)
    assert [(e.username, e.reference, e.purpose) for e in listed] == [("wout", ref, reason)]
    rows = auditlog.query_audit(admin_ctx, AuditFilter(actions=("emergency_access",))).rows
    assert [(r.username, r.object_id, r.purpose) for r in rows] == [("wout", ref, reason)]
    assert rows[0].action_label == "Noodknop"
    denied = auditlog.query_audit(admin_ctx, AuditFilter(username="wout", outcome="denied"))
    assert [r.object_id for r in denied.rows] == [ref]


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.MANAGER, Role.WIJKAGENT])
def test_only_the_beheerder_reads_the_log(make_actor: ActorFactory, role: Role) -> None:
    ctx = make_actor(role)
    for call in (
        lambda: auditlog.query_audit(ctx),
        lambda: auditlog.export_audit_csv(ctx),
        lambda: auditlog.verify_audit_chain(ctx),
        lambda: auditlog.count_audit(ctx),
    ):
        with pytest.raises(AccessDenied):
            call()


def test_filter_lists(admin_ctx: ServiceContext) -> None:
    actions = dict(auditlog.audit_actions(admin_ctx))
    assert actions["login"] == "Aanmelden"
    assert "beheer" in auditlog.audit_usernames(admin_ctx)
