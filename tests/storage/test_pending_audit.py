"""pending-audit.jsonl is plain text beside the store: what it may bring into the chain.

Each forgery from the issue's reproduction is written into the file as an editor would,
then the beheerder signs in (which merges the file) and the chain, the viewer, the export
and ``verify`` are checked.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from sociaalveilig.core.errors import AuthenticationError
from sociaalveilig.services import auditlog, maintenance
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.setup import login
from sociaalveilig.storage import audit
from sociaalveilig.storage.models import AuditEntry
from sociaalveilig.storage.sqlite.store import Store, record_event
from tests.conftest import ADMIN, ADMIN_PASSPHRASE

PENDING = "pending-audit.jsonl"
REJECTED = "pending-audit.rejected.jsonl"


def _line(**fields: object) -> str:
    return json.dumps(fields)


def _recent() -> str:
    return (datetime.now(UTC) - timedelta(hours=1)).isoformat()


def _write(store_dir: Path, *lines: str) -> None:
    with open(store_dir / PENDING, "a", encoding="utf-8") as fh:
        for line in lines:
            fh.write(line + "\n")


def _entries(ctx: ServiceContext) -> list[AuditEntry]:
    with ctx.unit() as session:
        return list(session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars())


def _rejections(entries: list[AuditEntry]) -> list[AuditEntry]:
    return [e for e in entries if e.action == "pending_rejected"]


def _sign_in_and_check(store_dir: Path) -> ServiceContext:
    """Sign in (merging the file); the chain and the whole store still verify."""
    ctx = login(store_dir, ADMIN, ADMIN_PASSPHRASE)
    assert maintenance.verify(ctx).ok
    assert not (store_dir / PENDING).exists()
    return ctx


def test_a_forged_export_by_the_manager_is_not_chained_in(store_dir: Path) -> None:
    forged = _line(at=_recent(), username="manager", action="export", outcome="ok")
    _write(store_dir, forged)
    ctx = _sign_in_and_check(store_dir)
    try:
        entries = _entries(ctx)
        assert not [e for e in entries if e.action == "export"]
        rejected = _rejections(entries)
        assert len(rejected) == 1
        assert rejected[0].purpose is not None
        assert rejected[0].purpose.startswith("geweigerde regels: 1;")
        assert rejected[0].outcome == "denied"
        # Set aside for the beheerder to look at, not lost and not chained.
        assert "export" in (store_dir / REJECTED).read_text(encoding="utf-8")
    finally:
        ctx.store.close()


def test_a_time_at_the_end_of_the_calendar_is_refused_and_the_viewer_stays_fine(
    store_dir: Path,
) -> None:
    _write(
        store_dir,
        _line(at="9999-12-31T23:59:59+00:00", username=ADMIN, action="login", outcome="failed"),
        _line(at="1999-01-01T00:00:00+00:00", username=ADMIN, action="login", outcome="failed"),
        _line(at="2026-01-01T00:00:00", username=ADMIN, action="login", outcome="failed"),
    )
    ctx = _sign_in_and_check(store_dir)
    try:
        entries = _entries(ctx)
        assert all(not e.at.startswith(("9999", "1999")) for e in entries)
        assert _rejections(entries)[0].purpose.startswith("geweigerde regels: 3;")  # type: ignore[union-attr]
        page = auditlog.query_audit(ctx)
        assert page.rows
        _, count = auditlog.export_audit_csv(ctx)
        assert count == len(entries) + 1  # and the viewing just before
    finally:
        ctx.store.close()


def test_an_entry_already_in_the_chain_at_the_end_of_the_calendar_does_not_break_the_viewer(
    admin_ctx: ServiceContext,
) -> None:
    # A store merged by an older version may hold one: the viewer must still open.
    with admin_ctx.unit() as session:
        audit.append(
            session,
            audit.AuditEvent(username=ADMIN, role="-", action="login", outcome="failed"),
            at=datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC),
        )
    page = auditlog.query_audit(admin_ctx)
    assert page.rows[0].at_utc.startswith("9999")
    # Its local time would overflow: shown in UTC (services/auditlog.py, _local).
    assert page.rows[0].at == datetime(9999, 12, 31, 23, 59, 59)


def test_over_long_text_is_refused(store_dir: Path) -> None:
    long_name = "x" * 5000
    _write(
        store_dir,
        _line(at=_recent(), username=long_name, action="login", outcome="failed"),
        _line(at=_recent(), username=ADMIN, action="login", outcome="failed" + "!" * 600),
        "{" + "a" * 2_000_000,  # one huge line without an end
    )
    ctx = _sign_in_and_check(store_dir)
    try:
        entries = _entries(ctx)
        assert all(len(e.username) <= 80 and len(e.outcome) <= 20 for e in entries)
        assert not [e for e in entries if "xxxxxxxxxx" in e.username]
        assert _rejections(entries)
        assert (store_dir / REJECTED).stat().st_size < 10_000  # bounded, not the 2 MB
    finally:
        ctx.store.close()


@pytest.mark.parametrize(
    "forged",
    [
        _line(at="2026-01-01T00:00:00+00:00", username=ADMIN, action="purge", outcome="ok"),
        _line(at="2026-01-01T00:00:00+00:00", username=ADMIN, action="login", outcome="ok",
              purpose="inzage"),
        _line(at="2026-01-01T00:00:00+00:00", username=ADMIN, action="login", outcome="gelukt"),
        "geen json",
        json.dumps(["login", ADMIN]),
    ],
    ids=["unknown-action", "unknown-field", "unknown-outcome", "not-json", "not-an-object"],
)
def test_anything_but_a_known_event_is_refused(store_dir: Path, forged: str) -> None:
    _write(store_dir, forged)
    ctx = _sign_in_and_check(store_dir)
    try:
        entries = _entries(ctx)
        assert not [e for e in entries if e.action == "purge" or e.outcome == "gelukt"]
        assert len(_rejections(entries)) == 1
    finally:
        ctx.store.close()


def test_a_passphrase_typed_as_user_name_never_lands_on_disk(store_dir: Path) -> None:
    secret = "Mijn-Geheime-Zin-Q7X"
    with pytest.raises(AuthenticationError):
        Store.open(store_dir, secret, ADMIN_PASSPHRASE)
    with pytest.raises(AuthenticationError):
        login(store_dir, secret, ADMIN_PASSPHRASE)
    pending = (store_dir / PENDING).read_text(encoding="utf-8")
    assert secret not in pending and secret.lower() not in pending
    assert "(onbekende gebruiker)" in pending
    ctx = _sign_in_and_check(store_dir)
    try:
        entries = _entries(ctx)
        failed = [e for e in entries if e.outcome == "failed"]
        assert len(failed) == 2
        assert {e.username for e in failed} == {"(onbekende gebruiker)"}
        assert not [e for e in entries if secret.lower() in e.username.lower()]
    finally:
        ctx.store.close()
    for path in store_dir.iterdir():
        if path.is_file():
            assert secret.lower().encode() not in path.read_bytes().lower()


def test_a_name_from_an_older_file_is_neutralised_at_the_merge(store_dir: Path) -> None:
    # Written verbatim by the version before: an unknown name is not chained in as typed.
    _write(store_dir, _line(at=_recent(), username="wachtwoord123", action="login",
                            outcome="failed"))
    ctx = _sign_in_and_check(store_dir)
    try:
        entries = _entries(ctx)
        assert not [e for e in entries if e.username == "wachtwoord123"]
        assert [e for e in entries if e.username == "(onbekende gebruiker)"]
        assert not _rejections(entries)
    finally:
        ctx.store.close()


def test_real_events_before_sign_in_are_chained_in_and_marked(store_dir: Path) -> None:
    record_event(store_dir, ADMIN, "login_throttled", "denied")
    record_event(store_dir, ADMIN, "passwd")
    with pytest.raises(AuthenticationError):
        login(store_dir, ADMIN, "verkeerd-wachtwoord-xyz")
    ctx = _sign_in_and_check(store_dir)
    try:
        entries = _entries(ctx)
        before = [e for e in entries if e.role == "-" and e.username == ADMIN]
        assert {(e.action, e.outcome) for e in before} == {
            ("login_throttled", "denied"),
            ("passwd", "ok"),
            ("login", "failed"),
        }
        # A reader can tell them apart from what the store itself recorded.
        assert all(e.purpose and "vóór aanmelden" in e.purpose for e in before)
        assert not _rejections(entries)
        rows = auditlog.query_audit(ctx, auditlog.AuditFilter(actions=("login_throttled",))).rows
        assert rows and rows[0].action_label == "Aanmelden tijdelijk geblokkeerd"
    finally:
        ctx.store.close()


def test_the_number_of_entries_is_bounded(store_dir: Path) -> None:
    line = _line(at=_recent(), username=ADMIN, action="login", outcome="failed")
    _write(store_dir, *([line] * 5003))
    ctx = _sign_in_and_check(store_dir)
    try:
        entries = _entries(ctx)
        assert len([e for e in entries if e.outcome == "failed"]) == 5000
        assert _rejections(entries)[0].purpose.startswith("geweigerde regels: 3;")  # type: ignore[union-attr]
    finally:
        ctx.store.close()


def test_the_export_escapes_every_text_column(admin_ctx: ServiceContext) -> None:
    with admin_ctx.unit() as session:
        audit.append(
            session,
            audit.AuditEvent(
                username=ADMIN,
                role="=rol",
                action="=HYPERLINK(\"http://voorbeeld.invalid\")",
                object_type="+x",
                person_ref="@p",
                outcome="-1+1",
            ),
        )
    text, _ = auditlog.export_audit_csv(admin_ctx)
    for row in csv.reader(io.StringIO(text), delimiter=";"):
        for cell in row:
            assert not (len(cell) > 1 and cell[0] in "=+-@"), row
