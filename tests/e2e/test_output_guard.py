"""Issue 15, item 1: an output path can never destroy the store. The tester's reproductions
through ``sociaalveilig-admin`` (exit 4, one Dutch line, the store's files byte for byte as
they were, nothing imported), and the same refusal on the services the window saves through
(reports, the audit export, the calendar file, the subject-access export)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text

from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.reports import api
from sociaalveilig.reports.api import subject_access_export
from sociaalveilig.services import auditlog, calendar_export
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage.files import write_text_atomic
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, ActorFactory
from tests.e2e.test_cli_store import ROWS, Result, add_coordinator, as_coord, cli, write_csv
from tests.storage.test_output_guard import char_device

STORE_FILES = ("sociaalveilig.db", "keyslots.json")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def as_admin(store: Path, *args: str) -> Result:
    return cli(store, *args, stdin=ADMIN_PASSPHRASE + "\n", user=ADMIN)


def assert_refused(result: Result, store: Path, before: dict[str, bytes]) -> None:
    assert result.code == 4, (result.out, result.err)
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "opslag" in lines[0] or "snelkoppeling" in lines[0] or "bestand" in lines[0]
    assert snapshot(store) == before


def signal_count(store: Path, tmp_path: Path) -> int:
    out = tmp_path / "telling.csv"
    result = as_coord(store, "export", "signals", str(out))
    assert result.code == 0, result.err
    return len(out.read_text(encoding="utf-8-sig").splitlines()) - 1


@pytest.mark.parametrize("what", ["signals", "cases"])
@pytest.mark.parametrize("name", STORE_FILES)
def test_export_over_a_store_file_is_refused(
    store_dir: Path, tmp_path: Path, what: str, name: str
) -> None:
    add_coordinator(store_dir)
    before = snapshot(store_dir)
    result = as_coord(store_dir, "export", what, str(store_dir / name))
    assert_refused(result, store_dir, before)


def test_management_report_over_the_key_slots_is_refused(store_dir: Path) -> None:
    before = snapshot(store_dir)
    result = as_admin(
        store_dir, "report", "management", "--period", "2025", "--out",
        str(store_dir / "keyslots.json"),
    )
    assert_refused(result, store_dir, before)
    # The same report to an ordinary place is written.
    ok = as_admin(
        store_dir, "report", "management", "--period", "2025", "--out",
        str(store_dir.parent / "cijfers.pdf"),
    )
    assert ok.code == 0, ok.err


def test_rejects_over_the_key_slots_refuse_the_whole_import(
    store_dir: Path, tmp_path: Path
) -> None:
    add_coordinator(store_dir)
    bad = write_csv(tmp_path / "fout.csv", [ROWS[0], "14-04-2026;politie;;WO-OVL;12AB;7;;;;T;;"])
    before = snapshot(store_dir)
    result = as_coord(
        store_dir, "import", "signals", str(bad), "--skip-invalid", "--rejects",
        str(store_dir / "keyslots.json"),
    )
    assert_refused(result, store_dir, before)
    assert signal_count(store_dir, tmp_path) == 0  # the good row was not imported either


def test_backup_over_the_live_database_is_refused(store_dir: Path) -> None:
    before = snapshot(store_dir)
    result = as_admin(store_dir, "backup", str(store_dir / "sociaalveilig.db"))
    assert_refused(result, store_dir, before)
    assert not [p for p in store_dir.iterdir() if p.name.startswith(".sv-backup-")]


def test_audit_export_into_the_store_folder_is_refused(store_dir: Path) -> None:
    before = snapshot(store_dir)
    result = as_admin(store_dir, "audit", "export", str(store_dir / "audit.csv"))
    assert_refused(result, store_dir, before)
    assert not (store_dir / "audit.csv").exists()


def test_export_to_a_device_fifo_or_link_out_is_refused(store_dir: Path, tmp_path: Path) -> None:
    add_coordinator(store_dir)
    before = snapshot(store_dir)
    null = char_device(tmp_path)
    result = as_coord(store_dir, "export", "signals", str(null))
    assert_refused(result, store_dir, before)
    assert null.is_char_device()

    fifo = tmp_path / "pijp.csv"
    os.mkfifo(fifo)
    assert_refused(as_coord(store_dir, "export", "signals", str(fifo)), store_dir, before)
    assert fifo.is_fifo()

    out = tmp_path / "uit"
    out.mkdir()
    (out / "export.csv").symlink_to(store_dir / "sociaalveilig.db")
    result = as_coord(store_dir, "export", "signals", str(out / "export.csv"))
    assert_refused(result, store_dir, before)
    assert (out / "export.csv").is_symlink()


def test_restore_never_targets_a_store(store_dir: Path, tmp_path: Path) -> None:
    backup = tmp_path / "kopie.svbackup"
    made = as_admin(store_dir, "backup", str(backup))
    assert made.code == 0, made.err
    before = snapshot(store_dir)
    for target in (store_dir, store_dir / "hersteld"):
        result = as_admin(store_dir, "restore", str(backup), "--to", str(target))
        assert_refused(result, store_dir, before)
    assert not (store_dir / "hersteld").exists()


def test_restore_to_a_link_to_an_empty_folder_is_exit_4(store_dir: Path, tmp_path: Path) -> None:
    backup = tmp_path / "kopie.svbackup"
    assert as_admin(store_dir, "backup", str(backup)).code == 0
    empty = tmp_path / "leeg"
    empty.mkdir()
    link = tmp_path / "link"
    link.symlink_to(empty, target_is_directory=True)
    result = as_admin(store_dir, "restore", str(backup), "--to", str(link))
    assert result.code == 4, result.err
    assert len(result.err.strip().splitlines()) == 1 and "snelkoppeling" in result.err
    assert link.is_symlink() and list(empty.iterdir()) == []
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".sv-restore-")]


# ------------------------------------------------------------- the window's save paths
# The store is open here and logs each refusal, so its database and journal change; its
# files stay the same ones, its key slots byte for byte.


def assert_intact(ctx: ServiceContext, store: Path, before: dict[str, bytes]) -> None:
    assert sorted(p.name for p in store.iterdir()) == sorted(before)
    assert (store / "keyslots.json").read_bytes() == before["keyslots.json"]
    with ctx.unit() as session:  # the database is still the encrypted store
        assert session.execute(text("SELECT count(*) FROM audit_log")).scalar_one() > 0


@pytest.fixture
def manager_ctx(make_actor: ActorFactory) -> ServiceContext:
    return make_actor(Role.MANAGER, username="manager")


def test_report_save_path_into_the_store_is_refused(
    manager_ctx: ServiceContext, store_dir: Path
) -> None:
    before = snapshot(store_dir)
    for name in (*STORE_FILES, "rapport.pdf"):
        with pytest.raises(ValidationError):
            api.management_report(manager_ctx, "2026Q1", None, store_dir / name)
    assert_intact(manager_ctx, store_dir, before)


def test_audit_export_save_path_into_the_store_is_refused(
    admin_ctx: ServiceContext, store_dir: Path
) -> None:
    data, _count = auditlog.export_audit_csv(admin_ctx)
    before = snapshot(store_dir)
    with pytest.raises(ValidationError):
        write_text_atomic(store_dir / "keyslots.json", data, bom=True)
    assert_intact(admin_ctx, store_dir, before)


def test_calendar_and_subject_access_into_the_store_are_refused(
    coordinator_ctx: ServiceContext, store_dir: Path, tmp_path: Path
) -> None:
    before = snapshot(store_dir)
    with pytest.raises(ValidationError):
        calendar_export.export_calendar(coordinator_ctx, store_dir / "sociaalveilig.db")
    with pytest.raises(ValidationError):
        subject_access_export(
            coordinator_ctx, "P-2026-00001", tmp_path / "inzage.pdf", store_dir / "inzage.json"
        )
    assert not (tmp_path / "inzage.pdf").exists()
    assert_intact(coordinator_ctx, store_dir, before)
