"""The audit anchor: a database older than the state it last reached is refused.

The reproduction of the issue: an older copy of the database file, a deleted write-ahead
log, one flipped byte in a WAL frame, and an audit chain rewritten with the data key all
used to open as a valid store with ``verify`` exiting 0.
"""

from __future__ import annotations

import io
import json
import shutil
import tarfile
from pathlib import Path

import pytest
from sqlalchemy import delete, select, text

from sociaalveilig.cli import run
from sociaalveilig.core.errors import StoreDamaged
from sociaalveilig.reports import api as report_api
from sociaalveilig.services import auditlog, maintenance
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.setup import context_for, lock, login
from sociaalveilig.storage import audit
from sociaalveilig.storage.models import AuditEntry, AuditHead, Partner, Setting
from sociaalveilig.storage.sqlite.store import DB_FILENAME, Store
from tests.conftest import _TEMPLATE_KEY, ADMIN, ADMIN_PASSPHRASE
from tests.reports.pdftext import text as pdf_text

ANCHOR = "audit-anchor.json"
OLDER = "ouder dan de laatst bekende stand"


def _open(folder: Path) -> Store:
    return Store.open_with_key(folder, bytearray(_TEMPLATE_KEY["key"]))


def _work(ctx: ServiceContext, name: str) -> None:
    """One unit of real work with its audit entry."""
    with ctx.unit() as session:
        partner = Partner(name=name, source_type="zorg")
        session.add(partner)
        session.flush()
        ctx.audit(session, "create", "partner", partner.id)


def _verify_cli(folder: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(
        ["--store", str(folder), "--passphrase-stdin", "--user", ADMIN, "verify"],
        stdin=io.StringIO(ADMIN_PASSPHRASE + "\n"),
        stdout=out,
        stderr=err,
    )
    assert "Traceback" not in err.getvalue()
    return code, err.getvalue()


def _copy_store(source: Path, target: Path, with_wal: bool) -> None:
    target.mkdir()
    for path in source.iterdir():
        if path.name.endswith("-shm") or (path.name.endswith("-wal") and not with_wal):
            continue
        if path.is_file():
            shutil.copyfile(path, target / path.name)


def _head(folder: Path) -> tuple[int, str]:
    document = json.loads((folder / ANCHOR).read_text())
    return document["last_id"], document["last_hash"]


def test_the_anchor_follows_every_committed_audit_write(admin_ctx: ServiceContext) -> None:
    folder = admin_ctx.store.folder
    _work(admin_ctx, "Zorgpartner Voorbeeld")
    assert _head(folder) == admin_ctx.store.chain_head()
    with admin_ctx.unit() as session:  # a unit without audit leaves it as it is
        session.add(Partner(name="Stil Voorbeeld", source_type="zorg"))
    with admin_ctx.unit() as session:
        assert _head(folder)[0] == session.execute(select(AuditHead.last_id)).scalar_one()


def test_an_older_copy_of_the_database_is_refused_at_sign_in_and_by_verify(
    store_dir: Path, tmp_path: Path
) -> None:
    older = tmp_path / "older"
    older.mkdir()
    for path in store_dir.glob(DB_FILENAME + "*"):
        shutil.copyfile(path, older / path.name)
    ctx = login(store_dir, ADMIN, ADMIN_PASSPHRASE)
    _work(ctx, "Werk dat verdwijnt")
    lock(ctx)
    for path in store_dir.glob(DB_FILENAME + "*"):
        path.unlink()
    for path in older.iterdir():
        shutil.copyfile(path, store_dir / path.name)
    with pytest.raises(StoreDamaged, match=OLDER):
        login(store_dir, ADMIN, ADMIN_PASSPHRASE)
    code, err = _verify_cli(store_dir)
    assert code == 5
    assert OLDER in err and "Zet de laatste back-up terug" in err and "beheerder" in err
    assert len(err.strip().splitlines()) == 1


def test_a_deleted_write_ahead_log_is_noticed(admin_ctx: ServiceContext, tmp_path: Path) -> None:
    folder = admin_ctx.store.folder
    _work(admin_ctx, "Werk in het logbestand")
    assert (folder / (DB_FILENAME + "-wal")).stat().st_size > 0
    victim = tmp_path / "zonder-wal"
    _copy_store(folder, victim, with_wal=False)
    with pytest.raises(StoreDamaged, match=OLDER):
        _open(victim)


def test_a_flipped_byte_in_a_wal_frame_is_noticed(
    admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    folder = admin_ctx.store.folder
    _work(admin_ctx, "Eerste werk")
    _work(admin_ctx, "Laatste werk")
    victim = tmp_path / "wal-beschadigd"
    _copy_store(folder, victim, with_wal=True)
    wal = victim / (DB_FILENAME + "-wal")
    data = bytearray(wal.read_bytes())
    data[-100] ^= 0x01  # inside the last frame: the last commit
    wal.write_bytes(bytes(data))
    # SQLite drops the frame (its checksum fails) and the commit with it: no error of
    # its own, only the anchor tells.
    with pytest.raises(StoreDamaged, match=OLDER):
        _open(victim)


def _rewrite_chain(ctx: ServiceContext) -> None:
    """What a user of the desk can do with the data key: triggers dropped, an entry
    changed, every hash after it recomputed (plain SHA-256 needs no key), the head moved."""
    with ctx.unit() as session:
        session.execute(text("DROP TRIGGER audit_log_no_update"))
        session.execute(text("UPDATE audit_log SET username = 'iemand' WHERE id = 2"))
        prev = audit.GENESIS_HASH
        for entry in session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars():
            event = audit.AuditEvent(
                entry.username, entry.role, entry.action, entry.object_type, entry.object_id,
                entry.person_ref, entry.purpose, entry.outcome,
            )
            digest = audit.entry_hash(prev, entry.at, event)
            session.execute(
                text("UPDATE audit_log SET prev_hash = :p, hash = :h WHERE id = :i"),
                {"p": prev, "h": digest, "i": entry.id},
            )
            prev = digest
        session.execute(text("UPDATE audit_head SET last_hash = :h"), {"h": prev})
        assert audit.verify_chain(session).ok  # the chain alone no longer tells


def test_a_chain_rewritten_with_the_data_key_is_noticed(admin_ctx: ServiceContext) -> None:
    _work(admin_ctx, "Voorbeeld")
    _rewrite_chain(admin_ctx)
    report = maintenance.verify(admin_ctx)
    assert not report.ok
    assert "auditketen past niet" in report.lines[0]
    folder = admin_ctx.store.folder
    admin_ctx.store.close()
    with pytest.raises(StoreDamaged, match="auditketen past niet"):
        _open(folder)


def test_the_beheerders_chain_check_reports_a_rewritten_chain(admin_ctx: ServiceContext) -> None:
    _work(admin_ctx, "Voorbeeld")
    assert auditlog.verify_audit_chain(admin_ctx).ok
    _rewrite_chain(admin_ctx)
    status = auditlog.verify_audit_chain(admin_ctx)
    assert not status.ok
    assert "auditketen past niet" in status.message
    # Work goes on after the rewrite (the check itself is logged): the anchor stays on the
    # old head instead of adopting the rewritten chain.
    _work(admin_ctx, "Na het herschrijven")
    assert not auditlog.verify_audit_chain(admin_ctx).ok
    folder = admin_ctx.store.folder
    admin_ctx.store.close()
    with pytest.raises(StoreDamaged, match="auditketen past niet"):
        _open(folder)


def test_an_edited_anchor_file_is_refused(store_dir: Path) -> None:
    document = json.loads((store_dir / ANCHOR).read_text())
    document["last_id"] = 1
    (store_dir / ANCHOR).write_text(json.dumps(document))
    with pytest.raises(StoreDamaged, match="ankerbestand"):
        _open(store_dir)


def test_a_deleted_anchor_file_is_refused(store_dir: Path) -> None:
    (store_dir / ANCHOR).unlink()
    with pytest.raises(StoreDamaged, match="ontbreekt"):
        _open(store_dir)


def test_a_store_from_before_the_anchor_gets_one(store_dir: Path) -> None:
    store = _open(store_dir)
    with store.unit() as session:
        session.execute(delete(Setting).where(Setting.key == "audit.anchor"))
    store.close()
    (store_dir / ANCHOR).unlink()
    store = _open(store_dir)
    try:
        assert _head(store_dir) == store.chain_head()
    finally:
        store.close()
    _open(store_dir).close()


def test_an_anchor_behind_the_database_is_no_alarm_and_catches_up(
    admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    # The crash window: the unit committed, the process died before the anchor moved.
    folder = admin_ctx.store.folder
    saved = tmp_path / "anker"
    shutil.copyfile(folder / ANCHOR, saved)
    _work(admin_ctx, "Na het anker")
    head = admin_ctx.store.chain_head()
    admin_ctx.store.close()
    shutil.copyfile(saved, folder / ANCHOR)
    assert _head(folder) != head
    store = _open(folder)
    try:
        assert _head(folder) == head
        assert maintenance.check_store(store).ok
    finally:
        store.close()


def test_a_backup_carries_the_anchor_and_its_line_shows_the_head(
    store_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "b.svbackup"
    stdout, err = io.StringIO(), io.StringIO()
    code = run(
        ["--store", str(store_dir), "--passphrase-stdin", "--user", ADMIN, "backup", str(out)],
        stdin=io.StringIO(ADMIN_PASSPHRASE + "\n"),
        stdout=stdout,
        stderr=err,
    )
    assert code == 0, err.getvalue()
    with tarfile.open(out) as tar:
        source = tar.extractfile("manifest.json")
        assert source is not None
        manifest = json.loads(source.read())
    anchor_doc = manifest["audit_anchor"]
    last_id, last_hash = anchor_doc["last_id"], anchor_doc["last_hash"]
    assert f"Auditketen tot regel {last_id}, kenmerk {last_hash[:12]}." in stdout.getvalue()
    store = _open(store_dir)
    try:
        with store.unit() as session:
            stored = session.execute(
                select(AuditEntry.hash).where(AuditEntry.id == last_id)
            ).scalar_one()
        assert stored == last_hash
    finally:
        store.close()
    target = maintenance.restore(out, tmp_path / "teruggezet", ADMIN, ADMIN_PASSPHRASE)
    assert _head(target)[0] == last_id
    ctx = login(target, ADMIN, ADMIN_PASSPHRASE)
    try:
        assert maintenance.verify(ctx).ok
    finally:
        ctx.store.close()


def test_a_backup_with_a_forged_anchor_is_not_restored(
    admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    out = tmp_path / "b.svbackup"
    maintenance.backup(admin_ctx, out)
    with tarfile.open(out) as tar:
        members = {m.name: tar.extractfile(m).read() for m in tar.getmembers()}  # type: ignore[union-attr]
    manifest = json.loads(members["manifest.json"])
    manifest["audit_anchor"]["last_id"] -= 1
    members["manifest.json"] = json.dumps(manifest).encode()
    forged = tmp_path / "vervalst.svbackup"
    with tarfile.open(forged, "w") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    with pytest.raises(StoreDamaged, match="auditanker"):
        maintenance.restore(forged, tmp_path / "r", ADMIN, ADMIN_PASSPHRASE)
    assert not (tmp_path / "r").exists()


def test_the_management_report_prints_the_audit_head(
    admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    out = report_api.management_report(admin_ctx, "2026Q1", None, tmp_path / "m.pdf")
    printed = pdf_text(out)
    assert "Auditketen bij afdruk: regel" in printed
    after = printed.split("Auditketen bij afdruk: regel ", 1)[1]
    number, rest = after.split(", kenmerk ", 1)
    with admin_ctx.unit() as session:
        stored = session.execute(
            select(AuditEntry).where(AuditEntry.id == int(number))
        ).scalar_one()
        assert stored.action == "print" and stored.object_type == "management_report"
        assert rest.startswith(stored.hash[:12])


def test_context_for_needs_no_anchor_write(admin_ctx: ServiceContext) -> None:
    # A second context on the open store shares the anchor (no second writer state).
    other = context_for(admin_ctx.store, ADMIN)
    _work(other, "Via tweede context")
    assert _head(admin_ctx.store.folder) == admin_ctx.store.chain_head()
