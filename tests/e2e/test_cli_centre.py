"""The command line on a centre that cannot be reached: exit 6, one Dutch line, never the
password of the connection URL (DESIGN.md's exit codes)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from sociaalveilig import cli
from sociaalveilig.storage.postgres.store import PgStore


def test_an_unreachable_centre_is_exit_6_in_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def on_the_centre(env: object) -> int:
        PgStore.open("postgresql://sv:geheim-wachtwoord@127.0.0.1:1/centrum")
        return 0

    monkeypatch.setattr(cli, "cmd_verify", on_the_centre)
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(["--store", str(tmp_path), "verify"], stdout=out, stderr=err)
    lines = err.getvalue().splitlines()
    assert code == 6
    assert len(lines) == 1 and "niet bereikbaar" in lines[0] and "127.0.0.1:1" in lines[0]
    assert "geheim" not in err.getvalue() + out.getvalue()
