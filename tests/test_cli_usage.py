"""Usage errors: exit 2, one Dutch line on stderr, nothing else."""

from __future__ import annotations

import io

import pytest

from sociaalveilig.cli import run


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["frobnicate"], "ongeldige keuze"),
        (["report", "case"], "deze argumenten ontbreken"),
        (["demo", "--signals", "x"], "ongeldige waarde"),
        (["verify", "--extra"], "onbekende argumenten"),
        ([], "Geef een opdracht"),
    ],
)
def test_usage_errors_are_one_dutch_line(argv: list[str], expected: str, tmp_path: object) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = run(["--store", str(tmp_path), *argv], stdin=io.StringIO(""), stdout=out, stderr=err)
    assert code == 2
    lines = err.getvalue().strip().splitlines()
    assert len(lines) == 1
    assert expected in lines[0]
    assert "Traceback" not in err.getvalue()
    assert out.getvalue() == ""


def test_passphrase_is_never_an_argument(tmp_path: object) -> None:
    err = io.StringIO()
    code = run(["--store", str(tmp_path), "--passphrase", "geheim", "verify"], stderr=err)
    assert code == 2


def test_no_terminal_and_no_stdin_flag_is_a_usage_error(tmp_path: object) -> None:
    err = io.StringIO()
    code = run(
        ["--store", str(tmp_path), "init", "--user", "beheer"], stdin=io.StringIO(""), stderr=err
    )
    assert code == 2
    assert "--passphrase-stdin" in err.getvalue()
