"""One simulated desk of the load suite: a process that signs in to the centre and works.

Each desk is a user of one role (and, for a wijkagent, one area) who runs a weighted mix
of the real service calls through ``connect(...)`` for a bounded time, as the window
would: first pages of the lists, searches, opening a case, registering a signal,
importing a small CSV, moving an action's deadline (on actions every coordinator shares,
so designed conflicts happen). It writes what it measured and its **ledger** to a JSON
file: every write with a token of its own (in the description, the import's row or the
history's reason), and whether the desk saw it committed or cannot know (the answer was
lost: a cut, a killed server). The driver checks the ledger against the database.

A call that fails with ``StoreUnavailable`` (exit 6: the centre away for a moment) is
pressed again, as a user would: a read until it answers; a write as a **new** write with
a new token (the lost one stays in the ledger as unknown, and may be in the database at
most once).
"""

from __future__ import annotations

import json
import random
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from sociaalveilig.core.errors import (
    AuthenticationError,
    ConflictError,
    SociaalVeiligError,
    StoreUnavailable,
)
from sociaalveilig.services import actions, cases, imports, search, signals, users, worklist
from sociaalveilig.services.remote import connect, end_session
from sociaalveilig.services.signal_intake import NO_CASE, SignalInput
from sociaalveilig.services.versions import StaleEdit

RETRY_PAUSE_S = 0.2
"""A user pressing again after the unreachable bar: soon, not in a tight loop."""
GIVE_UP_S = 180.0
"""A read that has not answered after this long (the centre down for good) is an error."""

MIX: dict[str, dict[str, int]] = {
    # Per role the kinds of work and how often, from what each role does in a day.
    "coordinator": {"list_signals": 20, "list_cases": 12, "today": 8, "search": 10,
                    "open_case": 12, "register_signal": 8, "import_csv": 2,
                    "move_deadline": 6},
    "wijkagent": {"list_signals": 20, "list_cases": 10, "today": 10, "search": 10,
                  "open_case": 12, "register_signal": 10},
    "partner": {"list_cases": 20, "today": 10, "open_case": 10},
    # A manager sees figures and pseudonymised case lists (no signals, no Vandaag); a
    # beheerder no case content at all (services/access.py): the users' list is theirs.
    "manager": {"list_cases": 10},
    "beheerder": {"list_users": 10},
}
WRITES = ("register_signal", "import_csv", "move_deadline")
LIST_KINDS = ("list_signals", "list_cases", "today", "list_users")
IMPORT_HEADER = "datum;bron;organisatie;categorie;postcode;huisnummer;toevoeging;straat;" \
                "plaats;omschrijving;urgentie;melder"


@dataclass
class DeskPlan:
    username: str
    role: str
    server_url: str
    seconds: float
    seed: int
    out: str
    shared_actions: list[str] = field(default_factory=list)
    think_s: float = 0.0
    """The user's mean pause between two calls (0: back to back, a saturation run)."""
    passphrase: str = field(default="", repr=False)
    """Given on stdin (``main``), not written into the plan file."""


class Desk:
    def __init__(self, plan: DeskPlan) -> None:
        self.plan = plan
        self.rng = random.Random(plan.seed)
        self.latencies: dict[str, list[float]] = {}
        self.ledger: list[dict[str, Any]] = []
        self.conflicts = 0
        self.unavailable = 0
        self.errors: list[str] = []
        self.case_ids: list[str] = []
        self.ctx: Any = None

    # ------------------------------------------------------------------ the loop

    def run(self) -> dict[str, Any]:
        self.ctx = self._retry_read("sign_in", lambda: connect(
            self.plan.server_url, self.plan.username, self.plan.passphrase))
        # Signed in (Argon2id on the server: seconds with 25 at once); the driver starts
        # the faults when every desk is at work.
        Path(self.plan.out + ".ready").touch()
        deadline = time.monotonic() + self.plan.seconds
        weights = MIX[self.plan.role]
        kinds, counts = list(weights), list(weights.values())
        try:
            while time.monotonic() < deadline:
                kind = self.rng.choices(kinds, counts)[0]
                if kind in WRITES:
                    self._write(kind)
                else:
                    self._retry_read(kind, getattr(self, "_" + kind))
                if self.plan.think_s > 0:
                    time.sleep(self.rng.expovariate(1.0 / self.plan.think_s))
        finally:
            end_session(self.ctx)
        return {"username": self.plan.username, "role": self.plan.role,
                "latencies": self.latencies, "ledger": self.ledger,
                "conflicts": self.conflicts, "unavailable": self.unavailable,
                "errors": self.errors}

    def _timed(self, kind: str, call: Any) -> Any:
        started = time.perf_counter()
        result = call()
        self.latencies.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
        return result

    def _retry_read(self, kind: str, call: Any) -> Any:
        given_up = time.monotonic() + GIVE_UP_S
        while True:
            try:
                return self._timed(kind, call)
            except StoreUnavailable:
                self.unavailable += 1
                if time.monotonic() > given_up:
                    self.errors.append(f"{kind}: the centre did not come back")
                    return None
                time.sleep(RETRY_PAUSE_S)
            except AuthenticationError as exc:
                # A session must survive a server's death (it lives in PostgreSQL).
                self.errors.append(f"{kind}: {type(exc).__name__}")
                return None
            except SociaalVeiligError as exc:
                self.errors.append(f"{kind}: {type(exc).__name__}: {exc}")
                return None

    def _write(self, kind: str) -> None:
        token = uuid.uuid4().hex[:16]
        entry: dict[str, Any] = {"kind": kind, "token": token}
        try:
            result = self._timed(kind, lambda: getattr(self, "_" + kind)(token, entry))
        except StoreUnavailable:
            self.unavailable += 1
            entry["outcome"] = "unknown"
            self.ledger.append(entry)
            time.sleep(RETRY_PAUSE_S)
            return
        except (StaleEdit, ConflictError):
            self.conflicts += 1  # designed: another desk saved the action first
            return
        except SociaalVeiligError as exc:
            self.errors.append(f"{kind}: {type(exc).__name__}: {exc}")
            return
        if result is False:
            return  # nothing to write on (no case, no action)
        entry["outcome"] = "committed"
        self.ledger.append(entry)

    # ------------------------------------------------------------------ the kinds

    def _list_signals(self) -> None:
        search.signal_head(self.ctx, search.SignalQuery())

    def _list_cases(self) -> None:
        ids = search.case_ids(self.ctx, search.CaseQuery())
        search.case_rows(self.ctx, ids[:50])
        if ids:
            self.case_ids = list(ids[:200])

    def _list_users(self) -> None:
        users.list_users(self.ctx)

    def _today(self) -> None:
        worklist.today_overview(self.ctx)

    def _search(self) -> None:
        words = ("straat", "Kerkrade", "geluid", "6411", "weg", "Heerlen", "overlast")
        search.signal_head(self.ctx, search.SignalQuery(text=self.rng.choice(words)))

    def _open_case(self) -> None:
        if not self.case_ids:
            self._list_cases()
        if self.case_ids:
            cases.get_case(self.ctx, self.rng.choice(self.case_ids))

    def _register_signal(self, token: str, entry: dict[str, Any]) -> object:
        now = self.ctx.clock.now()
        detail = signals.register_signal(self.ctx, SignalInput(
            received_at=(now - timedelta(minutes=5)).replace(tzinfo=None),
            source="bewoner", category="WO-OVL", postcode="6463 AB",
            house_number=self.rng.randint(1, 200), street="Fictiefstraat", city="Kerkrade",
            description=f"Lastproef melding {token}"), NO_CASE)
        entry["ref"] = getattr(detail, "reference", None)
        return detail

    def _import_csv(self, token: str, entry: dict[str, Any]) -> object:
        day = self.ctx.clock.now().strftime("%d-%m-%Y")
        rows = [f"{day};politie;;WO-OVL;6463 AB;{n};;Proefweg;Kerkrade;"
                f"Lastproef import {token} {n};normaal;" for n in (1, 2, 3)]
        data = ("\r\n".join([IMPORT_HEADER, *rows]) + "\r\n").encode("utf-8")
        entry["rows"] = len(rows)  # before the call: an unknown outcome needs it too
        return imports.import_signals(self.ctx, data, skip_invalid=False)

    def _move_deadline(self, token: str, entry: dict[str, Any]) -> object:
        if not self.plan.shared_actions:
            return False
        action_id = self.rng.choice(self.plan.shared_actions)
        row = self._retry_read("open_action", lambda: actions.get_action(self.ctx, action_id))
        if row is None:
            return False
        day = self.ctx.clock.now().date() + timedelta(days=self.rng.randint(7, 60))
        if day == row.deadline:
            # A move to the day it already has writes no history line (by design), and the
            # ledger finds a move by its line: always another day.
            day += timedelta(days=1)
        entry["action_id"] = action_id
        moved = actions.change_action_deadline(
            self.ctx, action_id, day, reason=f"lastproef {token}",
            expected_version=row.version)
        if moved.deadline == row.deadline:
            # The day was taken as the one it had (a deadline is checked and may be moved
            # by the service): nothing changed, no history line, no new version.
            entry["noop"] = True
        return moved


def main(plan_file: str) -> None:
    # The passphrase comes on stdin, never in the plan file (fictional, but the rule holds).
    plan = DeskPlan(**json.loads(Path(plan_file).read_text(encoding="utf-8")),
                    passphrase=sys.stdin.readline().rstrip("\n"))
    outcome = Desk(plan).run()
    Path(plan.out).write_text(json.dumps(outcome), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
