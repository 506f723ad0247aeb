"""The store file's SQLCipher page format: new stores get 8 KiB pages with HMAC-SHA256,
stores made with SQLCipher's defaults (the schema fixtures) still open, back up and
restore in their own format, and trying the wrong format first loses nothing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from sociaalveilig.core.errors import StoreDamaged
from sociaalveilig.services import maintenance
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.setup import login
from sociaalveilig.storage.sqlite.engine import (
    LEGACY_FORMAT,
    PAGE_FORMAT,
    FormatMemo,
    PageFormat,
    connect_keyed,
    raw_key_pragma,
)
from sociaalveilig.storage.sqlite.store import DB_FILENAME
from tools.make_schema_fixture import FIXTURE_PASSPHRASE, FIXTURE_USER, FIXTURES


def _reads_as(path: Path, key: bytearray, page_format: PageFormat) -> bool:
    """Whether a bare SQLCipher connection with ``page_format`` can read the file."""
    conn = sqlcipher.connect(str(path))
    try:
        conn.execute(raw_key_pragma(key))
        for pragma in page_format.pragmas:
            conn.execute(pragma)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher.DatabaseError:
        return False
    finally:
        conn.close()


def test_a_new_store_has_8k_pages_authenticated_with_sha256(admin_ctx: ServiceContext) -> None:
    store = admin_ctx.store
    assert store.page_format is PAGE_FORMAT
    key = store.data_key()
    db = store.folder / DB_FILENAME
    with store.engine.connect() as conn:
        assert int(conn.exec_driver_sql("PRAGMA page_size").scalar()) == 8192
        assert conn.exec_driver_sql("PRAGMA cipher_hmac_algorithm").scalar() == "HMAC_SHA256"
    store.engine.dispose()  # the log merged into the file
    assert db.stat().st_size % 8192 == 0
    assert _reads_as(db, key, PAGE_FORMAT)
    assert not _reads_as(db, key, LEGACY_FORMAT)  # SQLCipher's defaults cannot read it


def _legacy_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "legacy"
    shutil.copytree(FIXTURES / "store_v2", folder)
    return folder


def test_a_store_in_sqlcipher_default_format_opens_backs_up_and_restores(
    tmp_path: Path,
) -> None:
    folder = _legacy_copy(tmp_path)
    ctx = login(folder, FIXTURE_USER, FIXTURE_PASSPHRASE)
    try:
        assert ctx.store.page_format is LEGACY_FORMAT
        key = ctx.store.data_key()
        out = tmp_path / "legacy.svbak"
        maintenance.backup(ctx, out)
    finally:
        ctx.store.close()
    restored = tmp_path / "restored"
    maintenance.restore(out, restored, FIXTURE_USER, FIXTURE_PASSPHRASE)
    # The copy kept the store's own format, page for page.
    assert _reads_as(restored / DB_FILENAME, key, LEGACY_FORMAT)
    ctx = login(restored, FIXTURE_USER, FIXTURE_PASSPHRASE)
    try:
        assert ctx.store.page_format is LEGACY_FORMAT
        assert maintenance.verify(ctx).ok
    finally:
        ctx.store.close()


def test_trying_the_new_format_on_an_old_store_keeps_its_unmerged_log(tmp_path: Path) -> None:
    """A legacy store left with committed pages only in its -wal file (a crash) is first
    tried as the new format; that attempt fails on page 1 and must not merge, truncate or
    delete the log, so the committed rows are still there when the old format opens it."""
    folder = _legacy_copy(tmp_path)
    ctx = login(folder, FIXTURE_USER, FIXTURE_PASSPHRASE)
    key = ctx.store.data_key()
    ctx.store.close()
    conn = connect_keyed(folder / DB_FILENAME, key, FormatMemo(LEGACY_FORMAT))
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE crash_probe (n INTEGER)")
    conn.executemany("INSERT INTO crash_probe VALUES (?)", [(i,) for i in range(500)])
    conn.commit()
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for name in os.listdir(folder):  # copied while the writer is alive: as after a kill
        shutil.copyfile(folder / name, crashed / name)
    conn.close()
    wal = crashed / (DB_FILENAME + "-wal")
    assert wal.stat().st_size > 0
    memo = FormatMemo()
    reopened = connect_keyed(crashed / DB_FILENAME, key, memo)
    try:
        assert memo.page_format is LEGACY_FORMAT
        assert reopened.execute("SELECT count(*) FROM crash_probe").fetchone()[0] == 500
        assert reopened.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        reopened.close()


def test_a_file_no_format_can_read_is_reported_damaged(
    admin_ctx: ServiceContext, tmp_path: Path
) -> None:
    key = admin_ctx.store.data_key()
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(8192 * 4))
    with pytest.raises(StoreDamaged, match="beschadigd"):
        connect_keyed(junk, key)
    # A real store under another key: the same one-line answer, nothing written.
    other = bytearray(os.urandom(32))
    before = (admin_ctx.store.folder / DB_FILENAME).read_bytes()
    with pytest.raises(StoreDamaged):
        connect_keyed(admin_ctx.store.folder / DB_FILENAME, other)
    assert (admin_ctx.store.folder / DB_FILENAME).read_bytes() == before


def test_an_old_store_is_tried_as_the_new_format_only_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sociaalveilig.storage.sqlite import engine as engine_module

    tried: list[str] = []
    real_open_as = engine_module._open_as

    def counting(path: Path, key: bytearray, page_format: PageFormat) -> object:
        tried.append(page_format.name)
        return real_open_as(path, key, page_format)

    monkeypatch.setattr(engine_module, "_open_as", counting)
    ctx = login(_legacy_copy(tmp_path), FIXTURE_USER, FIXTURE_PASSPHRASE)
    try:
        held = [ctx.store.engine.connect() for _ in range(3)]  # three pooled connections
        for conn in held:
            conn.close()
    finally:
        ctx.store.close()
    assert tried.count(PAGE_FORMAT.name) == 1
    assert tried.count(LEGACY_FORMAT.name) >= 3
