"""The load-and-fault suite's short version (``make load`` runs the long one).

Four desks (separate processes: two coordinators, a wijkagent, a partner) work for 20 s
through the proxy on two server processes while a server is killed three times,
PostgreSQL restarts once and the network is cut once. Every kind of the mix is made (a
desk begins with one of each), the edits of shared records too: a deadline moved, an
action completed by its partner, a visit's outcome, the minutes of an agenda item. The
two coordinators open with a duel on one action (both read it, both save after the
other has read it), so a designed conflict is certain. Afterwards every committed write
must be in the database exactly once and whole, every refused one not at all, no
reference twice, each shared record's version and history as the ledgers say, the audit
chain verified, no job claimed or run twice. What is asserted is what was kept, not how
fast.

Below it, the checks themselves: each must catch the fault it is there for (a checker
that passes everything would make the run above prove nothing), and the desk's way of
editing: read, think, save with the version read, and after a refusal read again.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from bench import load_checks, load_desk
from bench.load import RunSpec, fault_schedule, run_load
from sociaalveilig.core.enums import ActionStatus, VisitStatus
from sociaalveilig.core.errors import StaleEdit
from sociaalveilig.services.context import FixedClock
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
    # The duel: one of the two coordinators' saves was refused, and it left nothing.
    assert summary["conflicts_by_kind"].get(load_desk.DUEL, 0) >= 1
    ledger = [e for n in range(spec.desks)
              for e in json.loads((tmp_path / f"desk{n:02d}.json").read_text())["ledger"]]
    assert {e["kind"] for e in ledger} >= set(load_desk.EDITS)
    assert any(e["outcome"] == "conflict" for e in ledger)


class FakeConnection:
    """Answers the checker's queries from lists, as the database would: the token
    columns from ``values``, a record's version and the length of its history."""

    def __init__(self, values: list[str], version: int = 0, lines: int = 0) -> None:
        self.values = values
        self.version = version
        self.lines = lines
        self.asked = ""

    def execute(self, statement: Any, params: Any = None) -> Any:
        self.asked = str(statement)
        return self

    def scalars(self) -> list[str]:
        return self.values

    def scalar_one(self) -> int:
        return self.version if self.asked.startswith("SELECT version") else self.lines


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
        {"kind": "move_deadline", "token": "f", "outcome": "committed", "record": "actions:a1"},
        {"kind": "move_deadline", "token": "g", "outcome": "unknown", "record": "actions:a1"})
    start = {"actions:a1": (5, 2)}

    assert load_checks.check_records(FakeConnection([], 7, 4), outcomes, start) == []
    failed = load_checks.check_records(FakeConnection([], 8, 4), outcomes, start)
    assert failed and "version moved 3" in failed[0]


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
    from sociaalveilig.core.errors import StoreUnavailable

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
                       "record": "actions:a1", "noop": True})

    assert load_checks.check_ledgers(FakeConnection([]), outcomes) == []
    assert load_checks.check_records(FakeConnection([], 5, 3), outcomes,
                                     {"actions:a1": (5, 3)}) == []
    assert load_checks.check_ledgers(FakeConnection(["lastproef h"]), outcomes) != []


# --------------------------------------------------------------------------- the new kinds


@pytest.mark.parametrize(("kind", "column"), [
    ("visit_outcome", "Lastproef uitkomst {token}"),
    ("complete_action", "Lastproef afgerond {token}"),
    ("minutes", "Lastproef besluit {token}"),
])
def test_an_edit_of_a_shared_record_missing_or_twice_is_caught(kind: str, column: str) -> None:
    outcomes = ledger({"kind": kind, "token": "aaaa", "outcome": "committed"},
                      {"kind": kind, "token": "bbbb", "outcome": "committed"},
                      {"kind": kind, "token": "cccc", "outcome": "committed"})
    rows = [column.format(token=t) for t in ("aaaa", "aaaa", "cccc")]  # bbbb lost

    failed = load_checks.check_ledgers(FakeConnection(rows), outcomes)

    assert len(failed) == 2
    assert any("aaaa" in line and "found 2" in line for line in failed)
    assert any("bbbb" in line and "found 0" in line for line in failed)
    assert kind in load_checks.QUERIES


def test_a_minute_in_part_is_caught() -> None:
    """A decision with two actions is three rows: all of them, or (unknown) none."""
    outcomes = ledger(
        {"kind": "minutes", "token": "whole", "outcome": "committed", "rows": 3},
        {"kind": "minutes", "token": "part", "outcome": "committed", "rows": 3},
        {"kind": "minutes", "token": "lost", "outcome": "unknown", "rows": 3},
        {"kind": "minutes", "token": "none", "outcome": "unknown", "rows": 2})
    rows = ["Lastproef besluit whole", "Lastproef besluit whole actie 1",
            "Lastproef besluit whole actie 2",
            "Lastproef besluit part",  # the decision without its actions
            "Lastproef besluit lost actie 1", "Lastproef besluit lost actie 2"]  # no decision

    failed = load_checks.check_ledgers(FakeConnection(rows), outcomes)

    assert len(failed) == 2
    assert any("part" in line and "found 1 of 3" in line for line in failed)
    assert any("lost" in line and "found 2 rows" in line for line in failed)


def test_a_refused_write_that_is_there_all_the_same_is_caught() -> None:
    outcomes = ledger(
        {"kind": "visit_outcome", "token": "kept", "outcome": "conflict",
         "record": "visits:v1"},
        {"kind": "visit_outcome", "token": "gone", "outcome": "conflict",
         "record": "visits:v1"})

    failed = load_checks.check_ledgers(
        FakeConnection(["Lastproef uitkomst kept"]), outcomes)

    assert len(failed) == 1 and "kept" in failed[0] and "conflict" in failed[0]


def test_a_record_moved_by_a_refused_edit_is_caught() -> None:
    """One outcome committed, one refused: the visit's version and history move once."""
    outcomes = ledger(
        {"kind": "visit_outcome", "token": "won", "outcome": "committed",
         "record": "visits:v1"},
        {"kind": "visit_outcome", "token": "lost", "outcome": "conflict",
         "record": "visits:v1"})
    start = {"visits:v1": (1, 1)}

    assert load_checks.check_records(FakeConnection([], 2, 2), outcomes, start) == []
    twice = load_checks.check_records(FakeConnection([], 3, 3), outcomes, start)
    assert len(twice) == 2 and "version moved 2" in twice[0] and "history moved 2" in twice[1]
    # A history line too few (an outcome whose status line is missing) shows as well.
    short = load_checks.check_records(FakeConnection([], 2, 1), outcomes, start)
    assert len(short) == 1 and "history moved 0" in short[0]


def test_an_unknown_edit_found_must_have_moved_the_record() -> None:
    outcomes = ledger({"kind": "complete_action", "token": "u", "outcome": "unknown",
                       "record": "actions:a1"})
    load_checks.check_ledgers(FakeConnection(["Lastproef afgerond u"]), outcomes)  # found

    failed = load_checks.check_records(FakeConnection([], 4, 2), outcomes,
                                       {"actions:a1": (4, 2)})

    assert len(failed) == 2  # the completion is there, but neither version nor line moved


class FakeAction:
    def __init__(self, version: int, status: ActionStatus = ActionStatus.OPEN) -> None:
        self.action_id = "a1"
        self.version = version
        self.status = status
        self.deadline = date(2026, 12, 20)


def _desk(monkeypatch: pytest.MonkeyPatch, **plan: Any) -> load_desk.Desk:
    monkeypatch.setattr(load_desk, "RETRY_PAUSE_S", 0.0)
    desk = load_desk.Desk(load_desk.DeskPlan("d", "coordinator", "http://127.0.0.1:1",
                                             1.0, 1, "unused", **plan))
    desk.ctx = type("Ctx", (), {"clock": FixedClock(datetime(2026, 12, 7, 9, 0))})()
    return desk


def test_an_edit_reads_thinks_then_saves_with_the_version_it_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    steps: list[str] = []
    desk = _desk(monkeypatch, shared_actions=["a1"])

    def get_action(_ctx: Any, _action_id: str) -> FakeAction:
        steps.append("read")
        return FakeAction(version=4)

    def move(_ctx: Any, action_id: str, day: date, reason: str,
             expected_version: int) -> FakeAction:
        steps.append(f"save {expected_version}")
        moved = FakeAction(version=5)
        moved.deadline = day
        return moved

    def list_actions(_ctx: Any) -> list[FakeAction]:
        steps.append("list")
        return [FakeAction(version=4)]

    monkeypatch.setattr(load_desk.actions, "list_actions", list_actions)
    monkeypatch.setattr(load_desk.actions, "get_action", get_action)
    monkeypatch.setattr(load_desk.actions, "change_action_deadline", move)
    monkeypatch.setattr(desk, "_think", lambda: steps.append("think"))

    desk._edit("move_deadline")

    assert steps == ["list", "read", "think", "save 4"]
    [entry] = desk.ledger
    assert entry["outcome"] == "committed" and entry["record"] == "actions:a1"


def test_a_refused_edit_is_a_conflict_and_the_desk_reads_again_and_saves_anew(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    desk = _desk(monkeypatch, shared_actions=["a1"])
    versions = iter([4, 6])
    saved: list[int] = []

    def move(_ctx: Any, action_id: str, day: date, reason: str,
             expected_version: int) -> FakeAction:
        saved.append(expected_version)
        if expected_version == 4:
            raise StaleEdit("Deze actie is intussen gewijzigd.", 6, "action", "A-1")
        moved = FakeAction(version=7)
        moved.deadline = day
        return moved

    monkeypatch.setattr(load_desk.actions, "list_actions", lambda _ctx: [FakeAction(4)])
    monkeypatch.setattr(load_desk.actions, "get_action",
                        lambda _ctx, _a: FakeAction(next(versions)))
    monkeypatch.setattr(load_desk.actions, "change_action_deadline", move)
    monkeypatch.setattr(desk, "_think", lambda: None)

    desk._edit("move_deadline")

    assert saved == [4, 6]
    assert [e["outcome"] for e in desk.ledger] == ["conflict", "committed"]
    assert desk.ledger[0]["token"] != desk.ledger[1]["token"]
    assert desk.conflicts == {"move_deadline": 1}


def test_after_a_conflict_on_a_visit_done_meanwhile_the_desk_lets_it_be(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The second read shows the outcome another user recorded: nothing left to save,
    and the visit leaves the desk's list."""
    desk = _desk(monkeypatch, visits=["v1"])
    statuses = iter([VisitStatus.GEPLAND, VisitStatus.UITGEVOERD])
    calls: list[int] = []

    def get_visit(_ctx: Any, visit_id: str) -> Any:
        return type("Row", (), {"visit_id": visit_id, "version": 1,
                                "status": next(statuses)})()

    def record(*_args: Any, expected_version: int, **_kwargs: Any) -> None:
        calls.append(expected_version)
        raise StaleEdit("Dit huisbezoek is intussen gewijzigd.", 2, "visit", "v1")

    listed = iter([[type("Row", (), {"visit_id": "v1"})()], []])
    monkeypatch.setattr(load_desk.visits, "visits_for_user",
                        lambda _ctx, _first, _last: next(listed))
    monkeypatch.setattr(load_desk.visits, "get_visit", get_visit)
    monkeypatch.setattr(load_desk.visits, "record_outcome", record)
    monkeypatch.setattr(desk, "_think", lambda: None)

    desk._edit("visit_outcome")

    assert calls == [1]
    [entry] = desk.ledger
    assert entry["outcome"] == "conflict" and desk.conflicts == {"visit_outcome": 1}
    assert desk.todo["visit_outcome"] == []


def test_a_record_done_by_someone_else_leaves_the_desks_list_without_a_save(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The fresh list no longer shows a1 (completed meanwhile): the desk opens a2."""
    desk = _desk(monkeypatch, partner_actions=["a1", "a2"])
    opened: list[str] = []

    def get_action(_ctx: Any, action_id: str) -> FakeAction:
        opened.append(action_id)
        row = FakeAction(version=3)
        row.action_id = action_id
        return row

    listed = FakeAction(version=3)
    listed.action_id = "a2"
    monkeypatch.setattr(load_desk.actions, "list_actions", lambda _ctx: [listed])
    monkeypatch.setattr(load_desk.actions, "get_action", get_action)
    monkeypatch.setattr(load_desk.actions, "complete_action",
                        lambda _ctx, action_id, result, expected_version: listed)
    monkeypatch.setattr(desk, "_think", lambda: None)

    desk._edit("complete_action")

    assert opened == ["a2"]
    assert desk.todo["complete_action"] == ["a2"]
    [entry] = desk.ledger
    assert entry["record"] == "actions:a2" and entry["outcome"] == "committed"


def test_a_refusal_that_does_not_say_who_changed_the_record_is_caught() -> None:
    named = ("StaleEdit: Dit huisbezoek is intussen gewijzigd door Bureau 01 (fictief) "
             "(gewijzigd, 09:12). Bekijk de nieuwe gegevens; uw invoer staat nog in het venster.")
    anonymous = ("StaleEdit: Dit huisbezoek is intussen door iemand anders gewijzigd. Bekijk "
                 "de nieuwe gegevens; uw invoer staat nog in het venster.")
    outcomes = ledger(
        {"kind": "visit_outcome", "token": "a", "outcome": "conflict", "refusal": named},
        {"kind": "visit_outcome", "token": "b", "outcome": "conflict", "refusal": anonymous},
        {"kind": "minutes", "token": "c", "outcome": "conflict",
         "refusal": "ConflictError: Iemand anders wijzigde dit tegelijk; probeer het opnieuw."})

    failed = load_checks.check_refusals(outcomes)

    assert len(failed) == 1 and "visit_outcome b" in failed[0]
