"""What the load suite asks the database after a run (``bench/load.py``).

The desks' ledgers against the rows: each write carries a token of its own, so a write
is found by it whatever reference the centre gave it. A write a desk saw committed must
be there exactly once; one whose answer was lost (unknown) at most once. The references
of signals and cases are each used once; every shared action's version moved by exactly
the committed moves (plus at most the unknown ones); ``sociaalveilig-server verify``
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


def check_ledgers(connection: Any, outcomes: list[dict[str, Any]]) -> list[str]:
    failed: list[str] = []
    ledger = [e for o in outcomes for e in o["ledger"]]
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for entry in ledger:
        by_kind.setdefault(entry["kind"], []).append(entry)
    queries = {
        "register_signal": "SELECT description FROM signals WHERE description LIKE "
                           "'Lastproef melding %'",
        "import_csv": "SELECT description FROM signals WHERE description LIKE "
                      "'Lastproef import %'",
        "move_deadline": "SELECT reason FROM status_history WHERE reason LIKE '%lastproef %'",
    }
    for kind, entries in by_kind.items():
        tokens = [e["token"] for e in entries]
        counts = _token_counts(connection, queries[kind], tokens)
        for entry in entries:
            n = counts.get(entry["token"], 0)
            rows = 0 if entry.get("noop") else entry.get("rows", 1)
            if entry["outcome"] == "committed" and n != rows:
                failed.append(f"{kind} {entry['token']}: committed, found {n} of {rows} rows")
            entry["found"] = n
            if entry["outcome"] == "unknown" and n not in (0, rows):
                failed.append(f"{kind} {entry['token']}: unknown outcome, found {n} rows "
                              f"(a write half done or twice)")
    return failed


def check_versions(connection: Any, outcomes: list[dict[str, Any]],
                   start_versions: dict[str, int]) -> list[str]:
    """Each shared action's version moved by the committed moves, and at most the unknown
    ones more: a move saved twice or lost shows here."""
    failed: list[str] = []
    committed: Counter[str] = Counter()
    unknown: Counter[str] = Counter()
    for outcome in outcomes:
        for entry in outcome["ledger"]:
            if entry["kind"] == "move_deadline" and "action_id" in entry \
                    and not entry.get("noop"):
                (committed if entry["outcome"] == "committed" else unknown)[
                    entry["action_id"]] += 1
    for action_id, before in start_versions.items():
        now = connection.execute(text("SELECT version FROM actions WHERE id = :id"),
                                 {"id": action_id}).scalar_one()
        moved = now - before
        if not committed[action_id] <= moved <= committed[action_id] + unknown[action_id]:
            failed.append(f"action {action_id}: version moved {moved}, ledger says "
                          f"{committed[action_id]} committed and {unknown[action_id]} unknown")
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


def action_versions(url: str, action_ids: list[str]) -> dict[str, int]:
    engine = _engine(url)
    try:
        with engine.connect() as connection:
            return {a: connection.execute(text("SELECT version FROM actions WHERE id = :id"),
                                          {"id": a}).scalar_one() for a in action_ids}
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
              start_versions: dict[str, int]) -> tuple[list[str], dict[str, int]]:
    """The failed checks (empty: all passed) and the facts."""
    engine = _engine(url)
    try:
        with engine.connect() as connection:
            failed = check_ledgers(connection, outcomes)
            failed += check_versions(connection, outcomes, start_versions)
            failed += check_unique(connection)
            found = facts(connection)
    finally:
        engine.dispose()
    return failed + check_verify(url), found
