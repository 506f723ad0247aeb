"""What the load suite asks the database after a run (``bench/load.py``).

The desks' ledgers against the rows: each write carries a token of its own, so a write
is found by it whatever reference the centre gave it. A write a desk saw committed must
be there exactly once and whole (an import's three rows, a decision with its actions);
one whose answer was lost (unknown) at most once and never in part; one the centre
refused as a designed conflict not at all. Every shared record (``bench/load_shared.py``:
actions, visits, agenda items) moved exactly as the ledgers say: its version and its
history (status lines; an agenda item's decision) by the committed edits plus the unknown
ones found, never by a refused one; every refusal names who changed the record. The
references of signals and cases are each used once; ``sociaalveilig-server verify``
(references, counters, audit chain) passes; ``job_runs`` has each (job, due) once, and
the centre's purge of one peildatum is audited once.

Returns the failed checks as lines (empty: all passed).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

VERIFY_TIMEOUT_S = 300


def _engine(url: str) -> Any:
    engine = create_engine(make_url(url).set(drivername="postgresql+psycopg"),
                           poolclass=NullPool)
    # The owner (the operator's tools, as these checks are) is not bound by the row
    # policies (storage/postgres/rls.py): every row counts.
    return engine


def _token_counts(connection: Any, sql: str, tokens: list[str]) -> Counter[str]:
    """How often each token occurs in the column the query reads (one row per hit)."""
    found: Counter[str] = Counter()
    if not tokens:
        return found
    for value in connection.execute(text(sql)).scalars():
        for token in tokens:
            if value and token in value:
                found[token] += 1
    return found


QUERIES = {
    "register_signal": "SELECT description FROM signals WHERE description LIKE "
                       "'Lastproef melding %'",
    "import_csv": "SELECT description FROM signals WHERE description LIKE "
                  "'Lastproef import %'",
    "move_deadline": "SELECT reason FROM status_history WHERE reason LIKE '%lastproef %'",
    "complete_action": "SELECT reason FROM status_history WHERE reason LIKE "
                       "'Lastproef afgerond %'",
    "visit_outcome": "SELECT outcome_notes FROM visits WHERE outcome_notes LIKE "
                     "'Lastproef uitkomst %'",
    # A decision and the actions agreed with it: found together, or it is a minute in part.
    "minutes": "SELECT decision FROM agenda_items WHERE decision LIKE 'Lastproef besluit %' "
               "UNION ALL SELECT description FROM actions WHERE description LIKE "
               "'Lastproef besluit %'",
}
"""Per kind of write, the column its token is written into."""

HISTORY = {
    "actions": "SELECT count(*) FROM status_history WHERE object_type = 'action' "
               "AND object_id = :id",
    "visits": "SELECT count(*) FROM status_history WHERE object_type = 'visit' "
              "AND object_id = :id",
    "agenda_items": "SELECT count(*) FROM agenda_items WHERE id = :id "
                    "AND decision IS NOT NULL",
}
"""Per kind of shared record, what an edit adds to its history: a status line (a moved
deadline, a completion, a visit's outcome), a decision on an agenda item."""


def check_ledgers(connection: Any, outcomes: list[dict[str, Any]]) -> list[str]:
    failed: list[str] = []
    ledger = [e for o in outcomes for e in o["ledger"]]
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for entry in ledger:
        by_kind.setdefault(entry["kind"], []).append(entry)
    for kind, entries in by_kind.items():
        tokens = [e["token"] for e in entries]
        counts = _token_counts(connection, QUERIES[kind], tokens)
        for entry in entries:
            n = counts.get(entry["token"], 0)
            rows = 0 if entry.get("noop") else entry.get("rows", 1)
            entry["found"] = n
            if entry["outcome"] == "committed" and n != rows:
                failed.append(f"{kind} {entry['token']}: committed, found {n} of {rows} rows")
            if entry["outcome"] == "unknown" and n not in (0, rows):
                failed.append(f"{kind} {entry['token']}: unknown outcome, found {n} rows "
                              f"(a write half done or twice)")
            if entry["outcome"] == "conflict" and n != 0:
                failed.append(f"{kind} {entry['token']}: refused as a conflict, yet found "
                              f"{n} rows")
    return failed


def _expected_moves(outcomes: list[dict[str, Any]]) -> tuple[Counter[str], Counter[str]]:
    """Per shared record (``table:id``) the edits known to be in (committed, and unknown
    ones found) and those that may be (unknown, not looked up)."""
    known: Counter[str] = Counter()
    maybe: Counter[str] = Counter()
    for outcome in outcomes:
        for entry in outcome["ledger"]:
            record = entry.get("record")
            if record is None or entry.get("noop") or entry["outcome"] == "conflict":
                continue
            if entry["outcome"] == "committed" or entry.get("found"):
                known[record] += 1
            elif "found" not in entry:
                maybe[record] += 1
    return known, maybe


def check_records(connection: Any, outcomes: list[dict[str, Any]],
                  start: dict[str, tuple[int, int]]) -> list[str]:
    """Each shared record's version and history moved by exactly the edits the ledgers
    say are in (a refused one moves nothing): an edit saved twice, lost, or saved in
    spite of a refusal shows here. Run after ``check_ledgers`` (which looks the unknown
    ones up)."""
    failed: list[str] = []
    known, maybe = _expected_moves(outcomes)
    for record, (version_before, lines_before) in start.items():
        version, lines = _state(connection, record)
        for what, moved in (("version", version - version_before),
                            ("history", lines - lines_before)):
            if not known[record] <= moved <= known[record] + maybe[record]:
                failed.append(f"{record}: {what} moved {moved}, the ledgers say "
                              f"{known[record]} edits in (and {maybe[record]} unknown)")
    return failed


def _state(connection: Any, record: str) -> tuple[int, int]:
    """A shared record's version and the length of its history."""
    table, record_id = record.split(":", 1)
    version = connection.execute(text(f"SELECT version FROM {table} WHERE id = :id"),
                                 {"id": record_id}).scalar_one()
    lines = connection.execute(text(HISTORY[table]), {"id": record_id}).scalar_one()
    return int(version), int(lines)


NAMED = "intussen gewijzigd door "
"""What a refusal of a stale save says when it names who changed the record in between
(``services/versions.py``); without a name it says "door iemand anders"."""


def check_refusals(outcomes: list[dict[str, Any]]) -> list[str]:
    """Every save refused as stale says who changed what in between (issue 19: no silent
    overwrite, and the user learns by whom): the edits of the run are all audited, so an
    anonymous refusal means the centre lost track of who made the change."""
    failed: list[str] = []
    for outcome in outcomes:
        for entry in outcome["ledger"]:
            refusal = entry.get("refusal", "")
            if refusal.startswith("StaleEdit") and NAMED not in refusal:
                failed.append(f"{entry['kind']} {entry['token']}: refused without saying "
                              f"who changed it: {refusal}")
    return failed


def check_unique(connection: Any) -> list[str]:
    failed: list[str] = []
    for table in ("signals", "cases"):
        for reference, n in connection.execute(text(
                f"SELECT reference, count(*) FROM {table} GROUP BY reference "
                "HAVING count(*) > 1")):
            failed.append(f"{table}: reference {reference} {n} times")
    for job, due, n in connection.execute(text(
            "SELECT job, due, count(*) FROM job_runs GROUP BY job, due HAVING count(*) > 1")):
        failed.append(f"job {job} for {due} claimed {n} times")
    for purpose, n in connection.execute(text(
            "SELECT purpose, count(*) FROM audit_log WHERE action = 'purge' AND "
            "object_type = 'store' AND username = 'centrum' GROUP BY purpose "
            "HAVING count(*) > 1")):
        failed.append(f"the centre's purge '{purpose}' ran {n} times")
    return failed


def check_verify(url: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "sociaalveilig.server.cli", "verify"],
        env={**os.environ, "SOCIAALVEILIG_DATABASE_URL": url},
        capture_output=True, text=True, timeout=VERIFY_TIMEOUT_S, check=False)
    if result.returncode != 0:
        last = (result.stderr.strip() or result.stdout.strip()).splitlines()[-1:]
        return [f"sociaalveilig-server verify: exit {result.returncode}: {' '.join(last)}"]
    return []


def record_states(url: str, records: list[str]) -> dict[str, tuple[int, int]]:
    """Each shared record's version and history length before the run."""
    engine = _engine(url)
    try:
        with engine.connect() as connection:
            return {record: _state(connection, record) for record in records}
    finally:
        engine.dispose()


def facts(connection: Any) -> dict[str, int]:
    """What the run left behind that the checks looked at (for the report)."""
    return {
        "job_runs": connection.execute(text("SELECT count(*) FROM job_runs")).scalar_one(),
        "centre_purges": connection.execute(text(
            "SELECT count(*) FROM audit_log WHERE action = 'purge' AND object_type = 'store' "
            "AND username = 'centrum'")).scalar_one(),
        "audit_entries": connection.execute(text("SELECT count(*) FROM audit_log"))
        .scalar_one(),
    }


def check_all(url: str, outcomes: list[dict[str, Any]],
              start: dict[str, tuple[int, int]]) -> tuple[list[str], dict[str, int]]:
    """The failed checks (empty: all passed) and the facts."""
    engine = _engine(url)
    try:
        with engine.connect() as connection:
            failed = check_ledgers(connection, outcomes)
            failed += check_records(connection, outcomes, start)
            failed += check_refusals(outcomes)
            failed += check_unique(connection)
            found = facts(connection)
    finally:
        engine.dispose()
    return failed + check_verify(url), found
