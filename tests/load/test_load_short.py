"""The load-and-fault suite's short version (``make load`` runs the long one).

Four desks (separate processes, four roles) work for 20 s through the proxy on two
server processes while a server is killed three times, PostgreSQL restarts once and the
network is cut once; afterwards every committed write must be in the database exactly
once, no reference twice, the versions as the ledgers say, the audit chain verified, no
job claimed or run twice. What is asserted is what was kept, not how fast.

Below it, the checks themselves: each must catch the fault it is there for (a checker
that passes everything would make the run above prove nothing).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench import load_checks
from bench.load import RunSpec, fault_schedule, run_load
from tools import pgcluster

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def test_short_load_with_faults_keeps_every_committed_write(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    if pgcluster.find_bindir() is None:  # never in CI: .ci/run installs the server
        pytest.skip("no PostgreSQL server binaries on this machine")
    # A cluster of its own: restarting the tests' shared one would fail other tests.
    monkeypatch.delenv("SV_BENCH_DATABASE_URL", raising=False)
    spec = RunSpec(desks=4, seconds=20, servers=2, kills=3, pg_restarts=1, cuts=1,
                   demo_signals=200, seed=7)

    summary = run_load(spec, log=lambda _line: None, work=tmp_path)

    assert summary["faults"] == {"kill": 3, "pg_restart": 1, "cut": 1}
    assert summary["problems"] == [], summary["problems"][:5]
    assert summary["checks"] == [], summary["checks"][:5]
    assert summary["writes_committed"] > 0
    # The faults were felt: desks saw the centre away and pressed again.
    assert summary["unavailable_retries"] > 0
    # The servers started after each kill asked for the due jobs: claimed once each.
    assert summary["facts"]["job_runs"] >= 1


class FakeConnection:
    """Answers the checker's queries from lists, as the database would."""

    def __init__(self, values: list[str], version: int = 0) -> None:
        self.values = values
        self.version = version

    def execute(self, statement: Any, params: Any = None) -> Any:
        return self

    def scalars(self) -> list[str]:
        return self.values

    def scalar_one(self) -> int:
        return self.version


def ledger(*entries: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"ledger": list(entries)}]


def test_a_committed_write_missing_or_twice_is_caught() -> None:
    outcomes = ledger({"kind": "register_signal", "token": "aaaa", "outcome": "committed"},
                      {"kind": "register_signal", "token": "bbbb", "outcome": "committed"})
    rows = ["Lastproef melding aaaa", "Lastproef melding aaaa"]  # aaaa twice, bbbb lost

    failed = load_checks.check_ledgers(FakeConnection(rows), outcomes)

    assert any("aaaa" in line and "found 2" in line for line in failed)
    assert any("bbbb" in line and "found 0" in line for line in failed)


def test_an_unknown_write_may_be_there_once_or_not_but_not_in_part() -> None:
    outcomes = ledger(
        {"kind": "import_csv", "token": "cccc", "outcome": "unknown", "rows": 3},
        {"kind": "import_csv", "token": "dddd", "outcome": "unknown", "rows": 3},
        {"kind": "import_csv", "token": "eeee", "outcome": "unknown", "rows": 3})
    rows = [f"Lastproef import cccc {n}" for n in (1, 2, 3)] + ["Lastproef import dddd 1"]

    failed = load_checks.check_ledgers(FakeConnection(rows), outcomes)

    assert len(failed) == 1 and "dddd" in failed[0]


def test_a_version_moved_more_than_the_ledger_says_is_caught() -> None:
    outcomes = ledger(
        {"kind": "move_deadline", "token": "f", "outcome": "committed", "action_id": "a1"},
        {"kind": "move_deadline", "token": "g", "outcome": "unknown", "action_id": "a1"})

    assert load_checks.check_versions(FakeConnection([], version=7), outcomes, {"a1": 5}) == []
    failed = load_checks.check_versions(FakeConnection([], version=8), outcomes, {"a1": 5})
    assert failed and "moved 3" in failed[0]


def test_faults_fall_inside_the_run_in_the_numbers_asked() -> None:
    import random

    spec = RunSpec(seconds=100, kills=5, pg_restarts=2, cuts=3)
    events = fault_schedule(spec, random.Random(1))

    assert [kind for _, kind in events].count("kill") == 5
    assert sorted(events) == events
    assert all(10 <= at <= 90 for at, _ in events)


def test_a_desk_notes_an_import_whose_answer_was_lost_with_its_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The checker needs the rows of an unknown import too (found 3 of 3 is fine)."""
    from datetime import datetime

    from bench import load_desk
    from sociaalveilig.core.errors import StoreUnavailable
    from sociaalveilig.services.context import FixedClock

    def lost(*_args: Any, **_kwargs: Any) -> None:
        raise StoreUnavailable("Het centrum is niet bereikbaar.")

    monkeypatch.setattr(load_desk.imports, "import_signals", lost)
    monkeypatch.setattr(load_desk, "RETRY_PAUSE_S", 0.0)
    desk = load_desk.Desk(load_desk.DeskPlan("d", "coordinator", "http://127.0.0.1:1",
                                             1.0, 1, "unused"))
    desk.ctx = type("Ctx", (), {"clock": FixedClock(datetime(2026, 12, 7, 9, 0))})()

    desk._write("import_csv")

    [entry] = desk.ledger
    assert entry["outcome"] == "unknown" and entry["rows"] == 3
    rows = [f"Lastproef import {entry['token']} {n}" for n in (1, 2, 3)]
    assert load_checks.check_ledgers(FakeConnection(rows), [{"ledger": desk.ledger}]) == []


def test_a_move_that_changed_nothing_is_expected_to_leave_no_line_and_no_version() -> None:
    outcomes = ledger({"kind": "move_deadline", "token": "h", "outcome": "committed",
                       "action_id": "a1", "noop": True})

    assert load_checks.check_ledgers(FakeConnection([]), outcomes) == []
    assert load_checks.check_versions(FakeConnection([], version=5), outcomes, {"a1": 5}) == []
    assert load_checks.check_ledgers(FakeConnection(["lastproef h"]), outcomes) != []
