"""sociaalveilig-server backup, restore, verify and upgrade on a real PostgreSQL centre."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from sociaalveilig.storage.models import AuditEntry
from sociaalveilig.storage.postgres import backup as pg_backup
from sociaalveilig.storage.postgres.integrity import row_counts
from tests.server.conftest import plain_engine, run_server, table_count

BACKUP_PASSPHRASE = "back-up-wachtwoord-centrum-2026"


run = run_server
_engine = plain_engine
_table_count = table_count


def _counts(url: str) -> dict[str, int]:
    engine = _engine(url)
    try:
        with engine.connect() as connection:
            return row_counts(connection)
    finally:
        engine.dispose()


def _actions(url: str) -> list[str]:
    engine = _engine(url)
    try:
        with engine.connect() as connection:
            return list(
                connection.execute(select(AuditEntry.action).order_by(AuditEntry.id)).scalars()
            )
    finally:
        engine.dispose()


@pytest.fixture
def backup_file(pg_database: str, tmp_path: Path) -> Path:
    out = tmp_path / "centrum.svcb"
    code, said, err = run("backup", str(out), "--database", pg_database, "--passphrase-stdin",
                          stdin=BACKUP_PASSPHRASE + "\n")
    assert (code, err) == (0, "")
    assert "Back-up geschreven en gecontroleerd" in said
    return out


def test_backup_restore_brings_back_the_whole_centre(
    pg_database: str, backup_file: Path, empty_database: str
) -> None:
    assert stat.S_IMODE(os.stat(backup_file).st_mode) == 0o600
    assert b"audit_log" not in backup_file.read_bytes()  # encrypted, not a plain dump
    assert [p.name for p in backup_file.parent.iterdir()] == [backup_file.name]
    before = _counts(pg_database)

    code, said, err = run("restore", str(backup_file), "--database", empty_database,
                          "--passphrase-stdin", stdin=BACKUP_PASSPHRASE + "\n")
    assert (code, err) == (0, "")
    assert "teruggezet en gecontroleerd" in said
    after = _counts(empty_database)
    # The same rows. The source's last entry (the backup, logged once it was made) is
    # not in the backup; the copy's last is the restore.
    assert after == before
    source = _actions(pg_database)
    assert source[-1] == "backup"
    assert _actions(empty_database) == [*source[:-1], "restore"]

    code, said, err = run("verify", "--database", empty_database)
    assert (code, err) == (0, "")
    assert "Centrum in orde" in said


def test_rows_of_the_audit_log_out_of_id_order_on_disk_still_make_the_chain(
    pg_database: str, empty_database: str, tmp_path: Path
) -> None:
    engine = _engine(pg_database)
    try:
        with engine.begin() as connection:
            # An unchanged update writes the row anew at the end of the table: COPY then
            # reads the first entry last. The chain itself is untouched.
            connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update"))
            connection.execute(text(
                "UPDATE audit_log SET username = username WHERE id = 1"
            ))
            connection.execute(text("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update"))
            first_on_disk = connection.execute(
                text("SELECT id FROM audit_log ORDER BY ctid LIMIT 1")
            ).scalar_one()
    finally:
        engine.dispose()
    assert first_on_disk != 1
    out = tmp_path / "centrum.svcb"
    code, said, err = run("backup", str(out), "--database", pg_database, "--passphrase-stdin",
                          stdin=BACKUP_PASSPHRASE + "\n")
    assert (code, err) == (0, "")
    code, said, err = run("restore", str(out), "--database", empty_database,
                          "--passphrase-stdin", stdin=BACKUP_PASSPHRASE + "\n")
    assert (code, err) == (0, "")
    assert "teruggezet en gecontroleerd" in said


def test_a_wrong_passphrase_or_a_damaged_file_changes_nothing(
    backup_file: Path, empty_database: str, tmp_path: Path
) -> None:
    code, _, err = run("restore", str(backup_file), "--database", empty_database,
                       "--passphrase-stdin", stdin="een-ander-wachtwoord-99\n")
    assert code == 3
    assert "wachtwoord van de back-up klopt niet" in err
    damaged = tmp_path / "kapot.svcb"
    data = bytearray(backup_file.read_bytes())
    data[len(data) // 2] ^= 0x40
    damaged.write_bytes(bytes(data))
    code, _, err = run("restore", str(damaged), "--database", empty_database,
                       "--passphrase-stdin", stdin=BACKUP_PASSPHRASE + "\n")
    assert code == 5
    assert "beschadigd of gemanipuleerd" in err
    assert _table_count(empty_database) == 0


def test_restore_refuses_a_database_that_is_not_empty(
    backup_file: Path, pg_database: str
) -> None:
    before = _counts(pg_database)
    code, _, err = run("restore", str(backup_file), "--database", pg_database,
                       "--passphrase-stdin", stdin=BACKUP_PASSPHRASE + "\n")
    assert code == 4
    assert "niet leeg" in err
    assert _counts(pg_database) == before


def test_backup_never_overwrites_without_force(pg_database: str, tmp_path: Path) -> None:
    out = tmp_path / "centrum.svcb"
    out.write_bytes(b"vorige back-up")
    args = ("backup", str(out), "--database", pg_database, "--passphrase-stdin")
    code, _, err = run(*args, stdin=BACKUP_PASSPHRASE + "\n")
    assert code == 4
    assert "--force" in err
    assert out.read_bytes() == b"vorige back-up"
    code, _, err = run(*args, "--force", stdin=BACKUP_PASSPHRASE + "\n")
    assert (code, err) == (0, "")
    assert out.read_bytes()[:8] == b"SVCENTR1"


def test_backup_refuses_the_clusters_data_directory(pg_database: str) -> None:
    engine = _engine(pg_database)
    try:
        with engine.connect() as connection:
            data_dir = Path(str(connection.execute(text("SHOW data_directory")).scalar()))
    finally:
        engine.dispose()
    before = sorted(p.name for p in data_dir.iterdir())
    code, _, err = run("backup", str(data_dir / "base" / "b.svcb"), "--database", pg_database,
                       "--passphrase-stdin", stdin=BACKUP_PASSPHRASE + "\n")
    assert code == 4
    assert "datamap" in err
    assert sorted(p.name for p in data_dir.iterdir()) == before
    assert not (data_dir / "base" / "b.svcb").exists()


def test_a_missing_pg_dump_and_an_unreachable_server_are_one_line_each(
    pg_database: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "b.svcb"
    with monkeypatch.context() as patch:
        patch.setattr(pg_backup.shutil, "which", lambda name: None)
        patch.setattr(pg_backup.glob, "glob", lambda pattern: [])
        code, _, err = run("backup", str(out), "--database", pg_database,
                           "--passphrase-stdin", stdin=BACKUP_PASSPHRASE + "\n")
    assert code == 4
    assert err.count("\n") == 1 and "pg_dump is niet gevonden" in err
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, _, err = run("backup", str(out), "--database",
                       f"postgresql://niemand:geheim@127.0.0.1:{port}/centrum",
                       "--passphrase-stdin", stdin=BACKUP_PASSPHRASE + "\n")
    assert code == 6
    assert "niet bereikbaar" in err and "geheim" not in err
    assert not out.exists()


def test_verify_finds_a_changed_audit_row(pg_database: str) -> None:
    code, said, _ = run("verify", "--database", pg_database)
    assert code == 0
    engine = _engine(pg_database)
    try:
        with engine.begin() as connection:  # as a superuser who lifts the trigger would
            connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update"))
            first = connection.execute(select(func.min(AuditEntry.id))).scalar_one()
            connection.execute(
                text("UPDATE audit_log SET username = 'iemand' WHERE id = :id"), {"id": first}
            )
            connection.execute(text("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update"))
    finally:
        engine.dispose()
    code, said, err = run("verify", "--database", pg_database)
    assert code == 5
    assert f"auditketen gebroken bij regel {first}" in said
    assert "beschadigd of gemanipuleerd" in err


def test_verify_finds_a_trigger_left_off_and_a_counter_set_back(pg_database: str) -> None:
    engine = _engine(pg_database)
    try:
        with engine.begin() as connection:
            connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_delete"))
            connection.execute(text("INSERT INTO counters (name, value) VALUES ('S-2026', 1)"))
            connection.execute(text("UPDATE counters SET value = 0 WHERE name = 'S-2026'"))
    finally:
        engine.dispose()
    code, said, _ = run("verify", "--database", pg_database)
    assert code == 5
    assert "audit_log_no_delete" in said


def test_upgrade_says_when_there_is_nothing_to_do_and_refuses_an_empty_database(
    pg_database: str, empty_database: str
) -> None:
    code, said, _ = run("upgrade", "--database", pg_database)
    assert code == 0 and "al actueel" in said
    code, _, err = run("upgrade", "--database", empty_database)
    assert code == 4 and "init" in err
    assert _table_count(empty_database) == 0


def test_a_backup_of_a_tampered_centre_is_refused_and_not_written(
    pg_database: str, tmp_path: Path
) -> None:
    engine = _engine(pg_database)
    try:
        with engine.begin() as connection:
            connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update"))
            connection.execute(text("UPDATE audit_log SET outcome = 'failed' WHERE id = 1"))
            connection.execute(text("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update"))
    finally:
        engine.dispose()
    out = tmp_path / "centrum.svcb"
    code, _, err = run("backup", str(out), "--database", pg_database, "--passphrase-stdin",
                       stdin=BACKUP_PASSPHRASE + "\n")
    assert code == 5
    assert "auditketen in de back-up is gebroken bij regel 1" in err
    assert list(tmp_path.iterdir()) == []
    engine = _engine(pg_database)
    try:
        with engine.connect() as connection:
            last = connection.execute(
                select(AuditEntry.action, AuditEntry.outcome).order_by(AuditEntry.id.desc())
            ).first()
    finally:
        engine.dispose()
    assert tuple(last) == ("backup", "failed")


def test_a_backup_from_a_newer_program_is_refused_before_anything_changes(
    backup_file: Path, empty_database: str, pg_database: str, tmp_path: Path
) -> None:
    data = backup_file.read_bytes()
    header = data.index(b'"schema":"') + len(b'"schema":"')
    end = data.index(b'"', header)
    newer = tmp_path / "nieuwer.svcb"
    # Same length, so the header stays the size its length field says.
    newer.write_bytes(data[:header] + b"9" * (end - header) + data[end:])
    code, _, err = run("restore", str(newer), "--database", empty_database,
                       "--passphrase-stdin", stdin=BACKUP_PASSPHRASE + "\n")
    assert code == 4
    assert "nieuwere versie" in err
    assert _table_count(empty_database) == 0
    engine = _engine(pg_database)
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    finally:
        engine.dispose()
    code, _, err = run("upgrade", "--database", pg_database)
    assert code == 4
    assert "nieuwere versie" in err
