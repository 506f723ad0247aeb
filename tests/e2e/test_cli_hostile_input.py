"""Issue 15, item 8: hostile input gets the contract's exit code and one line, never exit 1.
A backup whose manifest is nested 100,000 deep is damaged (5); an import file that is a
device, a FIFO or too big is invalid input (4); ``purge --as-of ""`` is a usage error (2),
not a purge as of today; and with exit 5 SQLCipher's own log lines stay off stderr."""

from __future__ import annotations

import io
import os
import tarfile
from pathlib import Path

import pytest

from sociaalveilig.storage import files
from tests.conftest import ADMIN, ADMIN_PASSPHRASE
from tests.e2e.test_cli_store import (
    COORD,
    COORD_PASSPHRASE,
    ROWS,
    Result,
    _subprocess,
    add_coordinator,
    as_coord,
    cli,
    write_csv,
)


def as_admin(store: Path, *args: str) -> Result:
    return cli(store, *args, stdin=ADMIN_PASSPHRASE + "\n", user=ADMIN)


def one_line(result: Result, code: int) -> str:
    assert result.code == code, (result.out, result.err)
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    return lines[0]


def _tar_with_manifest(path: Path, manifest: bytes) -> Path:
    with tarfile.open(path, mode="w") as tar:
        for name, data in (
            ("manifest.json", manifest),
            ("sociaalveilig.db", b"\x00" * 4096),
            ("keyslots.json", b"{}"),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def test_a_manifest_nested_100000_deep_is_a_damaged_backup(
    store_dir: Path, tmp_path: Path
) -> None:
    depth = 100_000
    hostile = _tar_with_manifest(tmp_path / "diep.svbackup", b"[" * depth + b"]" * depth)
    target = tmp_path / "hersteld"
    line = one_line(as_admin(store_dir, "restore", str(hostile), "--to", str(target)), 5)
    assert "beschadigd" in line
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".sv-restore-")]


def test_an_import_file_that_is_a_device_or_fifo_is_refused(
    store_dir: Path, tmp_path: Path
) -> None:
    add_coordinator(store_dir)
    line = one_line(as_coord(store_dir, "import", "signals", "/dev/zero"), 4)
    assert "/dev/zero" in line and "gewoon bestand" in line

    fifo = tmp_path / "pijp.csv"
    os.mkfifo(fifo)  # no writer: the import must not wait for one
    one_line(as_coord(store_dir, "import", "signals", str(fifo)), 4)


def test_an_import_file_over_the_limit_is_refused(
    store_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_coordinator(store_dir)
    good = write_csv(tmp_path / "signalen.csv", ROWS)
    size = good.stat().st_size
    # The bound is 50 MB; a smaller one here keeps the test file small.
    original = files.read_input_file
    with monkeypatch.context() as patch:
        patch.setattr(files, "read_input_file", lambda path: original(path, limit=size - 1))
        line = one_line(as_coord(store_dir, "import", "signals", str(good)), 4)
    assert "groter dan" in line
    assert as_coord(store_dir, "import", "signals", str(good)).code == 0
    assert files.MAX_IMPORT_BYTES == 50_000_000


def test_purge_with_an_empty_as_of_is_a_usage_error(store_dir: Path) -> None:
    result = as_admin(store_dir, "purge", "--as-of", "")
    line = one_line(result, 2)
    assert "--as-of" in line
    assert result.out == ""  # no purge ran
    blank = as_admin(store_dir, "purge", "--as-of", "   ")
    one_line(blank, 2)


def test_a_damaged_store_prints_exactly_one_line_in_a_real_process(store_dir: Path) -> None:
    add_coordinator(store_dir)
    db = store_dir / "sociaalveilig.db"
    data = bytearray(db.read_bytes())
    for i in range(100, 140):  # inside the first page: its HMAC fails on the first read
        data[i] ^= 0xFF
    db.write_bytes(bytes(data))
    proc = _subprocess(store_dir, "--user", COORD, "verify", stdin=COORD_PASSPHRASE + "\n")
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 5, err
    lines = err.decode().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("sociaalveilig-admin: ") and "ERROR CORE" not in lines[0]


def test_a_mistyped_store_folder_is_a_usage_error_not_damage(tmp_path: Path) -> None:
    """Without --user the CLI looks up the only user; a folder with no store in it was told
    to restore a backup (exit 5), as if a real store had lost its key slots."""
    missing = tmp_path / "opslg"
    result = cli(missing, "verify", stdin=ADMIN_PASSPHRASE + "\n", user=None)
    line = one_line(result, 2)
    assert "Geen opslag gevonden in" in line and "init" in line
    assert not missing.exists()
