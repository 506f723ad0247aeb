"""A full disk during an import and during a backup: a clear error, the data as it was,
and the program usable afterwards.

Two ways to fill the disk, each test in both where it makes sense:

* a real tiny filesystem: a tmpfs of a few MiB mounted for the test (needs root or
  CAP_SYS_ADMIN; skipped elsewhere, the simulated variant then carries the proof);
* simulated: SQLite's ``PRAGMA max_page_count`` on the store's connections (the database
  cannot grow: SQLITE_FULL, as on a full disk), and ENOSPC raised by the backup's file
  writes (``storage.files``) or SQLITE_FULL on the backup's database copy.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import random
import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import event, func, select

from sociaalveilig import cli
from sociaalveilig.core.errors import SociaalVeiligError, ValidationError
from sociaalveilig.services import imports, maintenance
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage import files
from sociaalveilig.storage.errors import classify_exception
from sociaalveilig.storage.models import AuditHead, Counter, Signal
from sociaalveilig.storage.sqlite import backup as backup_module
from sociaalveilig.storage.sqlite.backup import check_store, restore_backup
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, TEST_NOW
from tests.torture.conftest import (
    OpenedStore,
    TortureReport,
    fill_up,
    resize_filesystem,
    tiny_filesystem,
)
from tests.torture.writer import HEADER

# --------------------------------------------------------------------------- helpers


def csv_bytes(n: int, tag: str, description_length: int = 60, seed: int = 1) -> bytes:
    rng = random.Random(f"{tag}-{seed}")
    lines = [HEADER]
    filler = "Uitgebreide toelichting van de melder over de situatie ter plaatse. "
    for k in range(1, n + 1):
        day = TEST_NOW.date() - timedelta(days=rng.randint(1, 200))
        text = f"Schijf {tag} rij {k} " + filler * (description_length // len(filler) + 1)
        lines.append(";".join((
            day.strftime("%d-%m-%Y"), "politie", "", "WO-OVL",
            f"64{rng.randint(11, 22)}{rng.choice('ABCDEFGH')}{rng.choice('KLMNPR')}",
            str(rng.randint(1, 300)), "", "Volle Schijfstraat", "Heerlen",
            text[:description_length], "normaal", "",
        )))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def snapshot(ctx: ServiceContext) -> tuple[Any, ...]:
    with ctx.unit() as session:
        return (
            session.execute(select(func.count()).select_from(Signal)).scalar_one(),
            tuple(session.execute(select(Counter.name, Counter.value).order_by(Counter.name))
                  .tuples().all()),
            tuple(session.execute(select(AuditHead.last_id, AuditHead.last_hash)).one()),
        )


def assert_clear_disk_full(exc: BaseException) -> str:
    """The failure reaches the user as one clear line (the CLI and the window both map
    low-level errors with ``classify_exception``)."""
    known = exc if isinstance(exc, SociaalVeiligError) else classify_exception(exc)
    assert known is not None, f"unclassified failure {type(exc).__name__}: {exc}"
    assert isinstance(known, ValidationError), known
    message = known.message
    assert "\n" not in message and message.strip()
    assert "vol" in message.lower() or "ruimte" in message.lower(), message
    return message


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_cli(folder: Path, *args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(["--store", str(folder), "--user", ADMIN, "--passphrase-stdin", *args],
                   stdin=io.StringIO(ADMIN_PASSPHRASE + "\n"), stdout=out, stderr=err)
    return code, err.getvalue()


def assert_cli_disk_full(code: int, err: str) -> None:
    assert code == 4, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    assert "vol" in err.lower() or "ruimte" in err.lower(), err


def store_ok(ctx: ServiceContext) -> None:
    report = check_store(ctx.store)
    assert report.ok, report.lines


@pytest.fixture
def ctx(opened_store: OpenedStore) -> Iterator[ServiceContext]:
    context = opened_store.context()
    yield context
    context.store.close()


# --------------------------------------------------------------------------- import


def test_import_on_a_real_full_disk(
    opened_store: OpenedStore, tmp_path: Path, torture_report: TortureReport
) -> None:
    store_kib = sum(p.stat().st_size for p in opened_store.folder.iterdir()) // 1024
    with tiny_filesystem(tmp_path / "tiny", store_kib + 1536) as tiny:
        if tiny is None:
            pytest.skip("no tmpfs mount allowed here; test_import_on_a_full_database covers it")
        local = replace(opened_store, folder=tiny / "store")
        shutil.copytree(opened_store.folder, local.folder)
        big = csv_bytes(3000, "groot", description_length=2500)
        big_file = tmp_path / "groot.csv"
        big_file.write_bytes(big)
        ctx = local.context()
        try:
            assert imports.import_signals(ctx, csv_bytes(40, "voor"), skip_invalid=False).imported
            before = snapshot(ctx)
            with pytest.raises(Exception) as info:
                imports.import_signals(ctx, big, skip_invalid=False)
            message = assert_clear_disk_full(info.value)
            assert snapshot(ctx) == before, "a failed import changed the store"
            store_ok(ctx)
            # Still usable on the still-full disk: a small import fits in the log space
            # the failed one left behind.
            assert imports.import_signals(ctx, csv_bytes(3, "na"), skip_invalid=False).imported
            after_small = snapshot(ctx)
        finally:
            ctx.store.close()
        # The same through the command line: exit 4, one line, nothing changed.
        code, err = run_cli(local.folder, "import", "signals", str(big_file))
        assert_cli_disk_full(code, err)
        ctx = local.context()
        try:
            assert snapshot(ctx)[0] == after_small[0]
            store_ok(ctx)
        finally:
            ctx.store.close()
        # Space made free: the same import now goes through.
        resize_filesystem(tiny, 64 * 1024)
        code, err = run_cli(local.folder, "import", "signals", str(big_file))
        assert code == 0, err
        ctx = local.context()
        try:
            assert snapshot(ctx)[0] == after_small[0] + 3000
            store_ok(ctx)
        finally:
            ctx.store.close()
    torture_report.add(
        f"disk full (tmpfs {store_kib + 1536} KiB): import of 3,000 rows refused with "
        f"'{message}', store unchanged and verified, small import afterwards ok, CLI exit 4 "
        "with one line, after freeing space the import succeeded"
    )


def limit_pages(ctx: ServiceContext, extra_pages: int) -> Any:
    """From now on the database may grow by ``extra_pages`` pages only (a full disk)."""
    engine = ctx.store.engine
    with ctx.unit() as session:
        pages = int(session.connection().exec_driver_sql("PRAGMA page_count").scalar_one())
    engine.dispose()

    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + extra_pages}").fetchall()

    event.listen(engine, "connect", on_connect)
    return on_connect


def lift_limit(ctx: ServiceContext, listener: Any) -> None:
    engine = ctx.store.engine
    event.remove(engine, "connect", listener)
    engine.dispose()


def test_import_on_a_full_database(ctx: ServiceContext, torture_report: TortureReport) -> None:
    assert imports.import_signals(ctx, csv_bytes(40, "voor"), skip_invalid=False).imported
    before = snapshot(ctx)
    listener = limit_pages(ctx, extra_pages=60)
    big = csv_bytes(2000, "groot", description_length=1500)
    for attempt in range(3):  # the refusal is stable, not a one-off
        with pytest.raises(Exception) as info:
            imports.import_signals(ctx, big, skip_invalid=False)
        message = assert_clear_disk_full(info.value)
        assert snapshot(ctx) == before, f"attempt {attempt} changed the store"
    # Usable while still full: small work still fits in the pages that are left.
    assert imports.import_signals(ctx, csv_bytes(2, "klein"), skip_invalid=False).imported == 2
    lift_limit(ctx, listener)
    store_ok(ctx)
    outcome = imports.import_signals(ctx, big, skip_invalid=False)
    assert outcome.imported == 2000
    assert snapshot(ctx)[0] == before[0] + 2 + 2000
    store_ok(ctx)
    torture_report.add(
        f"disk full (max_page_count): import of 2,000 rows refused 3 times with '{message}', "
        "nothing changed, small import while full ok, full import after freeing space ok, "
        "verify clean"
    )


# --------------------------------------------------------------------------- backup


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name not in keep)


def test_backup_to_a_real_full_disk(
    opened_store: OpenedStore, tmp_path: Path, torture_report: TortureReport
) -> None:
    ctx = opened_store.context()
    try:
        imports.import_signals(ctx, csv_bytes(300, "voor", description_length=400),
                               skip_invalid=False)
        db_kib = sum(p.stat().st_size for p in opened_store.folder.iterdir()) // 1024
        with tiny_filesystem(tmp_path / "tiny", 4 * db_kib + 1024) as tiny:
            if tiny is None:
                pytest.skip("no tmpfs mount allowed here; test_backup_enospc covers it")
            old = tiny / "sociaalveilig.svbak"
            maintenance.backup(ctx, old)
            old_sum = sha256(old)
            filler = fill_up(tiny, leave_kib=db_kib // 3)
            # More work since the old backup; then the backup that does not fit.
            imports.import_signals(ctx, csv_bytes(20, "tussen"), skip_invalid=False)
            before = snapshot(ctx)
            with pytest.raises(Exception) as info:
                maintenance.backup(ctx, old)
            message = assert_clear_disk_full(info.value)
            assert sha256(old) == old_sum, "the old backup was touched"
            assert leftovers(tiny, {old.name, filler.name}) == []
            # The store: unchanged but for the audit entry of the failed attempt; usable.
            assert snapshot(ctx)[:2] == before[:2]
            store_ok(ctx)
            assert imports.import_signals(ctx, csv_bytes(2, "na"), skip_invalid=False).imported
        ctx.store.close()
        # The command line says the same in one line.
        with tiny_filesystem(tmp_path / "tiny2", 4 * db_kib + 1024) as tiny:
            assert tiny is not None
            old = tiny / "oud.svbak"
            code, err = run_cli(opened_store.folder, "backup", str(old))
            assert code == 0, err
            old_sum = sha256(old)
            filler = fill_up(tiny, leave_kib=db_kib // 3)
            code, err = run_cli(opened_store.folder, "backup", str(old))
            assert_cli_disk_full(code, err)
            assert sha256(old) == old_sum
            assert leftovers(tiny, {old.name, filler.name}) == []
            filler.unlink()
            code, err = run_cli(opened_store.folder, "backup", str(old))
            assert code == 0, err
            restored = restore_backup(old, tmp_path / "restored", ADMIN, ADMIN_PASSPHRASE)
            assert (restored / "sociaalveilig.db").exists()
    finally:
        ctx.store.close()
    torture_report.add(
        f"disk full (tmpfs {4 * db_kib + 1024} KiB) during backup: refused with '{message}', "
        "old backup byte-identical, no temporary files left, store verified and usable, CLI "
        "exit 4 with one line, after freeing space the backup succeeded and restored"
    )


class _FullDiskFile:
    """A file that takes ``room`` bytes and then fails with ENOSPC, as a full disk does."""

    def __init__(self, real: Any, room: int) -> None:
        self._real = real
        self._room = room

    def write(self, data: Any) -> int:
        size = len(data)
        if size > self._room:
            if self._room:
                self._real.write(bytes(data[: self._room]))
            self._room = 0
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._room -= size
        return int(self._real.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def __enter__(self) -> _FullDiskFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._real.close()


@pytest.mark.parametrize("where", ["database-copy", "archive-start", "archive-middle"])
def test_backup_enospc(
    ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str,
    torture_report: TortureReport,
) -> None:
    imports.import_signals(ctx, csv_bytes(200, "voor", description_length=300),
                           skip_invalid=False)
    folder = tmp_path / "backups"
    folder.mkdir()
    old = folder / "sociaalveilig.svbak"
    maintenance.backup(ctx, old)
    old_sum = sha256(old)
    imports.import_signals(ctx, csv_bytes(20, "tussen"), skip_invalid=False)
    before = snapshot(ctx)
    if where == "database-copy":
        real_connect = backup_module.connect_keyed

        def full_copy(path: Path, key: bytearray, memo: Any = None) -> Any:
            conn = real_connect(path, key, memo)
            if path.parent != ctx.store.folder:
                conn.execute("PRAGMA max_page_count = 8").fetchall()
            return conn

        monkeypatch.setattr(backup_module, "connect_keyed", full_copy)
    else:
        room = 0 if where == "archive-start" else 64 * 1024
        real_fdopen = os.fdopen
        fake_os = SimpleNamespace(**{name: getattr(os, name) for name in dir(os)
                                     if not name.startswith("__")})
        fake_os.fdopen = lambda fd, *a, **k: _FullDiskFile(real_fdopen(fd, *a, **k), room)
        monkeypatch.setattr(files, "os", fake_os)
    with pytest.raises(Exception) as info:
        maintenance.backup(ctx, old)
    message = assert_clear_disk_full(info.value)
    monkeypatch.undo()
    assert sha256(old) == old_sum, "the old backup was touched"
    assert leftovers(folder, {old.name}) == []
    assert snapshot(ctx)[:2] == before[:2]
    store_ok(ctx)
    maintenance.backup(ctx, old)
    assert sha256(old) != old_sum
    torture_report.add(
        f"disk full (simulated at {where}) during backup: '{message}', old backup untouched, "
        "no leftovers, store verified, next backup ok"
    )
