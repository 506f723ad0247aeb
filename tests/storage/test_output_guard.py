"""The output guard at the root (issue 15, item 1): ``atomic_output`` (and so every writer
over it) never writes a store's file or into a store's folder, never over a device, FIFO or
socket, never through a symlink out of the chosen folder; the refusal is a ValidationError
(exit 4) and nothing is written. Also the bounded reader of an import file (item 8)."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest

from sociaalveilig.core.errors import ValidationError
from sociaalveilig.storage.files import (
    atomic_output,
    read_input_file,
    write_bytes_atomic,
    write_text_atomic,
)
from sociaalveilig.storage.keyslots import KEYSLOT_FILENAME
from sociaalveilig.storage.output_guard import check_output_file, check_restore_folder
from sociaalveilig.storage.sqlite.store import DB_FILENAME


def fake_store(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / DB_FILENAME).write_bytes(b"versleuteld")
    (folder / KEYSLOT_FILENAME).write_text("{}")
    return folder


def char_device(folder: Path) -> Path:
    """A character device to write at. As root, a null device of the test's own: were the
    guard broken, the test must not replace the system's /dev/null (as the tester saw)."""
    if os.geteuid() != 0:
        return Path("/dev/null")  # not writable for others: the guard's refusal is what shows
    node = folder / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    return node


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def refused(path: Path) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        write_text_atomic(path, "datum;bron\r\n")
    assert info.value.exit_code == 4
    assert "\n" not in info.value.message
    return info.value


@pytest.mark.parametrize(
    "name",
    [
        DB_FILENAME,
        KEYSLOT_FILENAME,
        DB_FILENAME + "-wal",
        DB_FILENAME + "-shm",
        "pending-audit.jsonl",
        "export.csv",  # any other name in a store's folder too
    ],
)
def test_nothing_is_written_in_a_store_folder(tmp_path: Path, name: str) -> None:
    store = fake_store(tmp_path / "opslag")
    before = snapshot(store)
    error = refused(store / name)
    assert "opslag" in error.message
    assert snapshot(store) == before
    assert sorted(p.name for p in store.iterdir()) == sorted(before)  # no temp file left


def test_a_store_with_only_its_key_slots_left_is_still_a_store(tmp_path: Path) -> None:
    store = tmp_path / "opslag"
    store.mkdir()
    (store / KEYSLOT_FILENAME).write_text("{}")
    refused(store / DB_FILENAME)
    refused(store / "x.csv")


def test_nor_in_a_folder_inside_a_store(tmp_path: Path) -> None:
    store = fake_store(tmp_path / "opslag")
    (store / "sub").mkdir()
    refused(store / "sub" / "export.csv")
    assert list((store / "sub").iterdir()) == []


@pytest.mark.parametrize(
    "name", [DB_FILENAME, KEYSLOT_FILENAME.upper(), DB_FILENAME + "-wal", ".sv-backup-x"]
)
def test_store_file_names_are_refused_in_any_folder(tmp_path: Path, name: str) -> None:
    refused(tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_link_into_a_store_is_refused(tmp_path: Path) -> None:
    store = fake_store(tmp_path / "opslag")
    (tmp_path / "snelkoppeling").symlink_to(store, target_is_directory=True)
    before = snapshot(store)
    refused(tmp_path / "snelkoppeling" / "export.csv")
    assert snapshot(store) == before


def test_devices_fifos_and_sockets_are_refused(tmp_path: Path) -> None:
    null = char_device(tmp_path)
    error = refused(null)
    assert "gewoon bestand" in error.message
    assert null.is_char_device()

    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    refused(fifo)
    assert fifo.is_fifo()

    sock_path = tmp_path / "s.sock"
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(sock_path))
        refused(sock_path)
        assert sock_path.is_socket()
    finally:
        sock.close()


def test_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "map").mkdir()
    refused(tmp_path / "map")
    assert (tmp_path / "map").is_dir()


def test_a_link_out_of_the_folder_or_onto_a_store_file_is_refused(tmp_path: Path) -> None:
    store = fake_store(tmp_path / "opslag")
    out = tmp_path / "uit"
    out.mkdir()
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (elsewhere / "doel.csv").write_text("oud")

    (out / "naar-elders.csv").symlink_to(elsewhere / "doel.csv")
    error = refused(out / "naar-elders.csv")
    assert "snelkoppeling" in error.message
    assert (elsewhere / "doel.csv").read_text() == "oud"
    assert (out / "naar-elders.csv").is_symlink()

    before = snapshot(store)
    (out / "naar-opslag.csv").symlink_to(store / DB_FILENAME)
    refused(out / "naar-opslag.csv")
    (out / "naar-sleutels.csv").symlink_to(store / KEYSLOT_FILENAME)
    refused(out / "naar-sleutels.csv")
    assert snapshot(store) == before

    (out / "naar-apparaat").symlink_to("/dev/null")
    refused(out / "naar-apparaat")


def test_a_link_to_a_file_beside_it_writes_that_file(tmp_path: Path) -> None:
    (tmp_path / "echt.csv").write_text("oud")
    (tmp_path / "link.csv").symlink_to("echt.csv")
    write_text_atomic(tmp_path / "link.csv", "nieuw")
    assert (tmp_path / "link.csv").is_symlink()
    assert (tmp_path / "echt.csv").read_text() == "nieuw"


def test_an_ordinary_file_is_still_written_and_replaced(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    write_bytes_atomic(target, b"een")
    write_bytes_atomic(target, b"twee")
    assert target.read_bytes() == b"twee"
    assert os.listdir(tmp_path) == ["export.csv"]


def test_a_target_swapped_for_a_store_file_while_writing_is_not_replaced(
    tmp_path: Path,
) -> None:
    store = fake_store(tmp_path / "opslag")
    out = tmp_path / "uit"
    out.mkdir()
    target = out / "export.csv"
    with pytest.raises(ValidationError), atomic_output(target) as fh:
        fh.write(b"csv")
        # Someone puts a link onto the store in place of the chosen file meanwhile.
        target.symlink_to(store / DB_FILENAME)
    assert (store / DB_FILENAME).read_bytes() == b"versleuteld"
    assert target.is_symlink()
    assert sorted(os.listdir(out)) == ["export.csv"]  # the temporary file is gone


def test_check_output_file_returns_the_path_to_write(tmp_path: Path) -> None:
    assert check_output_file(tmp_path / "nieuw.csv") == tmp_path / "nieuw.csv"


def test_restore_folder_checks(tmp_path: Path) -> None:
    store = fake_store(tmp_path / "opslag")
    for target in (store, store / "nieuw", store / "sub" / "nieuw"):
        with pytest.raises(ValidationError):
            check_restore_folder(target)
    empty = tmp_path / "leeg"
    empty.mkdir()
    link = tmp_path / "link"
    link.symlink_to(empty, target_is_directory=True)
    with pytest.raises(ValidationError) as info:
        check_restore_folder(link)
    assert "snelkoppeling" in info.value.message
    check_restore_folder(empty)
    check_restore_folder(tmp_path / "nieuw")


def test_read_input_file_refuses_devices_fifos_and_big_files(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as info:
        read_input_file(Path("/dev/zero"))
    assert info.value.exit_code == 4 and "gewoon bestand" in info.value.message

    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    with pytest.raises(ValidationError):
        read_input_file(fifo)  # refused at once, not waiting for a writer

    with pytest.raises(ValidationError):
        read_input_file(tmp_path)

    big = tmp_path / "groot.csv"
    big.write_bytes(b"x" * 101)
    with pytest.raises(ValidationError) as info:
        read_input_file(big, limit=100)
    assert "groter dan" in info.value.message
    assert read_input_file(big, limit=101) == b"x" * 101

    with pytest.raises(FileNotFoundError):
        read_input_file(tmp_path / "bestaat-niet.csv")
