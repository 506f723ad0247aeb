"""tools/pgcluster.py: the throw-away PostgreSQL cluster ``make test`` runs pytest in."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools import pgcluster


def test_usage_without_a_command_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert pgcluster.main(["run"]) == 2
    assert "usage" in capsys.readouterr().err


def test_missing_binaries_for_an_ordinary_user_is_one_line_saying_how(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(pgcluster, "find_bindir", lambda: None)
    monkeypatch.setattr(pgcluster.os, "geteuid", lambda: 1000)
    monkeypatch.delenv(pgcluster.SKIP_VARIABLE, raising=False)
    assert pgcluster.run([sys.executable, "-c", "raise SystemExit(0)"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "apt-get install postgresql postgresql-contrib" in err


def test_sv_no_postgres_runs_the_command_without_a_cluster_and_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr(pgcluster, "find_bindir", lambda: None)
    monkeypatch.setattr(pgcluster.os, "geteuid", lambda: 1000)
    monkeypatch.setenv(pgcluster.SKIP_VARIABLE, "1")
    monkeypatch.delenv(pgcluster.URL_VARIABLE, raising=False)
    seen = tmp_path / "url"
    code = pgcluster.run([
        sys.executable, "-c",
        f"import os, pathlib; pathlib.Path({str(seen)!r}).write_text("
        f"os.environ.get({pgcluster.URL_VARIABLE!r}, '-')); raise SystemExit(3)",
    ])
    assert code == 3 and seen.read_text() == "-"
    assert "NOT run" in capsys.readouterr().err


def test_a_real_cluster_serves_the_command_and_is_removed_afterwards(tmp_path: Path) -> None:
    bindir = pgcluster.find_bindir()
    if bindir is None:  # never in CI: .ci/run installs the server
        assert os.environ.get("CI") != "true"
        pytest.skip("no PostgreSQL server binaries on this machine")
    out = tmp_path / "out"
    script = (
        "import os, pathlib, psycopg\n"
        f"url = os.environ[{pgcluster.URL_VARIABLE!r}]\n"
        "with psycopg.connect(url) as c:\n"
        "    v = c.execute('SHOW fsync').fetchone()[0]\n"
        "    d = c.execute('SHOW data_directory').fetchone()[0]\n"
        f"pathlib.Path({str(out)!r}).write_text(url + ' ' + v + ' ' + d)\n"
        "raise SystemExit(7)\n"
    )
    assert pgcluster.run([sys.executable, "-c", script]) == 7  # the command's own code
    url, fsync, data_directory = out.read_text().split(" ")
    assert url.startswith("postgresql://") and "@127.0.0.1:" in url
    assert fsync == "off"
    assert not Path(data_directory).exists()  # stopped and removed


def test_a_termination_stops_a_command_that_ignores_ctrl_c_and_removes_the_cluster(
    tmp_path: Path,
) -> None:
    """A command started in the background ignores SIGINT: on SIGTERM (CI's end, a killed
    make) the run must still stop it and remove the cluster."""
    if pgcluster.find_bindir() is None:  # never in CI: .ci/run installs the server
        assert os.environ.get("CI") != "true"
        pytest.skip("no PostgreSQL server binaries on this machine")
    ready = tmp_path / "ready"
    script = (
        "import os, pathlib, signal, time, psycopg\n"
        "signal.signal(signal.SIGINT, signal.SIG_IGN)\n"
        f"with psycopg.connect(os.environ[{pgcluster.URL_VARIABLE!r}]) as c:\n"
        "    d = c.execute('SHOW data_directory').fetchone()[0]\n"
        f"pathlib.Path({str(ready)!r}).write_text(d)\n"
        "time.sleep(600)\n"
    )
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "SV_PGCLUSTER_GRACE": "1"}
    runner = subprocess.Popen(
        [sys.executable, "-m", "tools.pgcluster", "run", "--", sys.executable, "-c", script],
        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(1200):  # until the command holds the cluster (or the run ended)
            if ready.exists() or runner.poll() is not None:
                break
            with contextlib.suppress(subprocess.TimeoutExpired):
                runner.wait(timeout=0.1)
        assert ready.exists(), "the command never reached the cluster"
        runner.terminate()
        assert runner.wait(timeout=120) == 130
    finally:
        if runner.poll() is None:
            runner.kill()
    assert not Path(ready.read_text()).exists()  # stopped and removed
