"""Each class of database error is told as what it is: damage (exit 5), a clash with what is
stored (exit 4), a full or busy disk (try again), or a programming error (a bug, exit 1)."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from sociaalveilig import cli
from sociaalveilig.core.errors import ConflictError, StoreDamaged, ValidationError
from sociaalveilig.storage.errors import classify_exception


@pytest.fixture
def conn() -> Iterator[sqlcipher.Connection]:
    connection = sqlcipher.connect(":memory:")
    connection.execute("CREATE TABLE person (name TEXT UNIQUE NOT NULL)")
    connection.execute("INSERT INTO person VALUES ('Fictief')")
    yield connection
    connection.close()


def _raised(conn: sqlcipher.Connection, sql: str) -> BaseException:
    with pytest.raises(sqlcipher.Error) as info:
        conn.execute(sql)
    return info.value


def test_a_unique_violation_is_a_conflict_not_damage(conn: sqlcipher.Connection) -> None:
    mapped = classify_exception(_raised(conn, "INSERT INTO person VALUES ('Fictief')"))
    assert isinstance(mapped, ConflictError)
    assert mapped.exit_code == 4
    assert "niets gewijzigd" in mapped.message
    assert "back-up" not in mapped.message


def test_a_not_null_violation_is_a_conflict(conn: sqlcipher.Connection) -> None:
    assert isinstance(
        classify_exception(_raised(conn, "INSERT INTO person VALUES (NULL)")), ConflictError
    )


@pytest.mark.parametrize(
    "sql",
    ["SELECT age FROM person", "SELECT * FROM nowhere", "SELEC name FROM person"],
    ids=["no-such-column", "no-such-table", "syntax"],
)
def test_a_programming_error_is_a_bug(conn: sqlcipher.Connection, sql: str) -> None:
    assert classify_exception(_raised(conn, sql)) is None


def test_a_closed_connection_is_a_bug() -> None:
    connection = sqlcipher.connect(":memory:")
    connection.close()
    with pytest.raises(sqlcipher.ProgrammingError) as info:
        connection.execute("SELECT 1")
    assert classify_exception(info.value) is None


def test_the_same_through_sqlalchemy(tmp_path: Path) -> None:
    engine = create_engine("sqlite://", module=sqlcipher)
    try:
        with engine.begin() as c:
            c.execute(text("CREATE TABLE t (a INTEGER UNIQUE)"))
            c.execute(text("INSERT INTO t VALUES (1)"))
        with pytest.raises(DBAPIError) as dup, engine.begin() as c:
            c.execute(text("INSERT INTO t VALUES (1)"))
        assert isinstance(classify_exception(dup.value), ConflictError)
        with pytest.raises(DBAPIError) as col, engine.begin() as c:
            c.execute(text("SELECT b FROM t"))
        assert classify_exception(col.value) is None
    finally:
        engine.dispose()


def test_a_file_that_is_not_a_database_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "kapot.db"
    path.write_bytes(b"\x13" * 8192)
    connection = sqlcipher.connect(str(path))
    try:
        connection.execute("PRAGMA key = 'fictief-sleutel'")
        with pytest.raises(sqlcipher.DatabaseError) as info:
            connection.execute("SELECT count(*) FROM sqlite_master")
    finally:
        connection.close()
    mapped = classify_exception(info.value)
    assert isinstance(mapped, StoreDamaged)
    assert mapped.exit_code == 5


@pytest.mark.parametrize(
    "message",
    ["database disk image is malformed", "disk I/O error", "hmac check failed for pgno=3"],
)
def test_damage_without_a_result_code_is_still_damage(message: str) -> None:
    assert isinstance(classify_exception(sqlcipher.DatabaseError(message)), StoreDamaged)


def test_a_full_disk_and_a_busy_store_stay_try_again() -> None:
    full = classify_exception(sqlcipher.OperationalError("database or disk is full"))
    busy = classify_exception(sqlcipher.OperationalError("database is locked"))
    for mapped in (full, busy):
        assert type(mapped) is ValidationError
        assert "back-up" not in mapped.message


def _cli_with_failing_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, sql: str
) -> tuple[int, str]:
    def failing_verify(env: object) -> int:
        conn = sqlcipher.connect(":memory:")
        conn.execute("CREATE TABLE t (a INTEGER UNIQUE)")
        conn.execute("INSERT INTO t VALUES (1)")
        conn.execute(sql)
        return 0

    monkeypatch.setattr(cli, "cmd_verify", failing_verify)
    err = io.StringIO()
    code = cli.run(["--store", str(tmp_path), "verify"], stdin=io.StringIO(""), stderr=err)
    return code, err.getvalue()


def test_cli_reports_a_conflict_with_exit_4(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    code, err = _cli_with_failing_command(monkeypatch, tmp_path, "INSERT INTO t VALUES (1)")
    assert code == 4
    assert err.count("\n") == 1
    assert "botst met wat al is opgeslagen" in err


def test_cli_reports_a_programming_error_as_an_internal_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="sociaalveilig.commandline"):
        code, err = _cli_with_failing_command(monkeypatch, tmp_path, "SELECT b FROM t")
    assert code == 1
    assert err.count("\n") == 1
    assert "Interne fout (OperationalError)" in err
    assert "Traceback" not in err and "beschadigd" not in err
    # Logged for developers: the type and where, not the message (which could hold content).
    [record] = [r for r in caplog.records if r.name == "sociaalveilig.commandline"]
    assert "OperationalError" in record.getMessage()
    assert "test_errors.py" in record.getMessage()
    assert "no such column" not in record.getMessage()
