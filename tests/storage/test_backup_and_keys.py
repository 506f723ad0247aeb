"""Backup/restore, passphrase change, and damaged or tampered stores."""

from __future__ import annotations

import hashlib
import io
import tarfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sociaalveilig.core.errors import AuthenticationError, StoreDamaged, ValidationError
from sociaalveilig.services import maintenance
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.setup import change_passphrase, login
from sociaalveilig.storage.models import AuditEntry, Partner
from sociaalveilig.storage.sqlite.store import DB_FILENAME, Store
from tests.conftest import ADMIN, ADMIN_PASSPHRASE


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_restore_gives_the_same_rows(admin_ctx: ServiceContext, tmp_path: Path) -> None:
    with admin_ctx.unit() as s:
        s.add(Partner(name="Woonstichting Voorbeeld", source_type="woningcorporatie"))
    out = tmp_path / "backup.svbak"
    info = maintenance.backup(admin_ctx, out)
    assert info.size == out.stat().st_size > 0
    target = maintenance.restore(out, tmp_path / "restored", ADMIN, ADMIN_PASSPHRASE)
    restored = login(target, ADMIN, ADMIN_PASSPHRASE)
    try:
        with restored.unit() as s:
            names = set(s.execute(select(Partner.name)).scalars())
        assert "Woonstichting Voorbeeld" in names
        assert maintenance.verify(restored).ok
    finally:
        restored.store.close()
    with admin_ctx.unit() as s:
        actions = list(s.execute(select(AuditEntry.action)).scalars())
    assert "backup" in actions


def test_backup_is_encrypted(admin_ctx: ServiceContext, tmp_path: Path) -> None:
    with admin_ctx.unit() as s:
        s.add(Partner(name="MARKER-ZWJ7Q-Organisatie", source_type="zorg"))
    out = tmp_path / "b.svbak"
    maintenance.backup(admin_ctx, out)
    assert b"MARKER-ZWJ7Q" not in out.read_bytes()
    assert b"SQLite format 3" not in out.read_bytes()


def test_damaged_backup_is_refused(admin_ctx: ServiceContext, tmp_path: Path) -> None:
    out = tmp_path / "b.svbak"
    maintenance.backup(admin_ctx, out)
    data = bytearray(out.read_bytes())
    with tarfile.open(fileobj=io.BytesIO(bytes(data))) as tar:
        member = tar.getmember(DB_FILENAME)
        offset = member.offset_data + member.size // 2
    data[offset] ^= 0xFF
    bad = tmp_path / "bad.svbak"
    bad.write_bytes(bytes(data))
    with pytest.raises(StoreDamaged):
        maintenance.restore(bad, tmp_path / "r", ADMIN, ADMIN_PASSPHRASE)
    assert not (tmp_path / "r").exists()
    junk = tmp_path / "junk.svbak"
    junk.write_bytes(b"dit is geen back-up")
    with pytest.raises(StoreDamaged):
        maintenance.restore(junk, tmp_path / "r2", ADMIN, ADMIN_PASSPHRASE)


def test_backup_to_missing_folder_leaves_nothing(admin_ctx: ServiceContext, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        maintenance.backup(admin_ctx, tmp_path / "bestaat-niet" / "b.svbak")


def test_backup_write_failure_leaves_no_file_and_store_intact(
    admin_ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from sociaalveilig.storage import files

    def refuse(src: object, dst: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    out_dir = tmp_path / "out"
    out_dir.mkdir()
    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(ValidationError, match="niet schrijven"):
        maintenance.backup(admin_ctx, out_dir / "b.svbak")
    monkeypatch.undo()
    assert list(out_dir.iterdir()) == []
    assert maintenance.verify(admin_ctx).ok


def test_passphrase_change_leaves_database_untouched(store_dir: Path) -> None:
    db = store_dir / DB_FILENAME
    before = _digest(db)
    new = "een-heel-nieuw-wachtwoord-42"
    change_passphrase(store_dir, ADMIN, ADMIN_PASSPHRASE, new)
    assert _digest(db) == before
    with pytest.raises(AuthenticationError):
        Store.open(store_dir, ADMIN, ADMIN_PASSPHRASE)
    ctx = login(store_dir, ADMIN, new)
    try:
        with ctx.unit() as s:
            actions = list(s.execute(select(AuditEntry.action, AuditEntry.outcome)).tuples())
        assert ("passwd", "ok") in actions
        assert ("login", "failed") in actions  # the old passphrase, tried above
    finally:
        ctx.store.close()


def test_wrong_passphrase_changes_no_store_file_and_is_logged(store_dir: Path) -> None:
    files = {p.name: _digest(p) for p in store_dir.iterdir()}
    with pytest.raises(AuthenticationError):
        login(store_dir, ADMIN, "helemaal-verkeerd-wachtwoord")
    with pytest.raises(AuthenticationError):
        login(store_dir, "niemand", ADMIN_PASSPHRASE)
    for name, digest in files.items():
        assert _digest(store_dir / name) == digest
    ctx = login(store_dir, ADMIN, ADMIN_PASSPHRASE)
    try:
        with ctx.unit() as s:
            failed = s.scalar(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.outcome == "failed")
            )
        assert failed == 2
    finally:
        ctx.store.close()


def test_tampered_key_slot_is_refused(store_dir: Path) -> None:
    path = store_dir / "keyslots.json"
    path.write_text(path.read_text().replace('"user"', '"usr"', 1))
    with pytest.raises((StoreDamaged, AuthenticationError)):
        login(store_dir, ADMIN, ADMIN_PASSPHRASE)


def test_truncated_database_is_reported_damaged(store_dir: Path) -> None:
    db = store_dir / DB_FILENAME
    db.write_bytes(db.read_bytes()[:100])
    with pytest.raises(StoreDamaged):
        login(store_dir, ADMIN, ADMIN_PASSPHRASE)


@pytest.mark.parametrize("page_no", [2, 10, 40, 80, -2])
def test_tampered_page_is_found_by_verify(store_dir: Path, page_no: int) -> None:
    db = store_dir / DB_FILENAME
    data = bytearray(db.read_bytes())
    page = 4096
    pages = len(data) // page
    assert pages > 80
    data[(page_no % pages) * page + 100] ^= 0x01
    db.write_bytes(bytes(data))
    try:
        ctx = login(store_dir, ADMIN, ADMIN_PASSPHRASE)
    except StoreDamaged:
        return  # the damaged page was needed at login: refused, also fine
    try:
        assert not maintenance.verify(ctx).ok
    finally:
        ctx.store.close()


def test_recovery_code_opens_the_store(store_dir: Path, recovery_code: str) -> None:
    store = Store.open_with_recovery(store_dir, recovery_code.lower().replace("-", " "))
    store.close()
    with pytest.raises(AuthenticationError):
        Store.open_with_recovery(store_dir, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")


@pytest.mark.parametrize(
    ("code", "dutch"),
    [
        (28, "de schijf is vol"),
        (30, "alleen-lezen"),
        (5, "schrijffout"),
        (13, "geen schrijfrechten"),
    ],
)
def test_file_errors_are_explained_in_dutch(code: int, dutch: str, tmp_path: Path) -> None:
    from sociaalveilig.storage.files import write_error

    error = write_error(tmp_path / "x.pdf", OSError(code, "English system text"))
    assert dutch in error.message
    assert "English" not in error.message
