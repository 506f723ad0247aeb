"""One simulated desk of the load suite: a process that signs in to the centre and works.

Each desk is a user of one role (and, for a wijkagent, one area) who runs a weighted mix
of the real service calls through ``connect(...)`` for a bounded time, as the window
would: first pages of the lists, searches, opening a case, registering a signal,
importing a small CSV, and the edits of records other users edit too
(``bench/load_shared.py``): moving an action's deadline (coordinators), completing an
action (the partner that owns it), recording a home visit's outcome (coordinators and
the area's wijkagent), writing the minutes of an agenda item (coordinators). A desk
begins with one call of each kind of its mix, so that a short run covers them all.

An edit is made as a person makes it: the desk reads the record, thinks (``think_s``, or
a pause drawn per edit), then saves with the version it read. Another user's save in
between makes the centre refuse it (``StaleEdit``): a **designed conflict**, counted per
kind and noted in the ledger as such (it must have left nothing behind); like a user, the
desk then reads the record again and, where there is still something to do, saves anew.

The desk writes what it measured and its **ledger** to a JSON file: every write with a
token of its own (in the description, the import's rows, the history's reason, the
visit's notes, the decision and its actions), and whether the desk saw it committed,
refused (conflict) or cannot know (the answer was lost: a cut, a killed server). The
driver checks the ledger against the database (``bench/load_checks.py``).

A call that fails with ``StoreUnavailable`` (exit 6: the centre away for a moment) is
pressed again, as a user would: a read until it answers; a write as a **new** write with
a new token (the lost one stays in the ledger as unknown, and may be in the database at
most once).
"""

from __future__ import annotations

import functools
import json
import random
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from sociaalveilig.core.enums import ActionType, VisitOutcome, VisitStatus
from sociaalveilig.core.errors import (
    AuthenticationError,
    ConflictError,
    SociaalVeiligError,
    StoreUnavailable,
)
from sociaalveilig.services import (
    actions,
    cases,
    imports,
    meeting_agenda,
    meeting_minutes,
    partners,
    search,
    signals,
    users,
    visits,
    worklist,
)
from sociaalveilig.services.remote import connect, end_session
from sociaalveilig.services.signal_intake import NO_CASE, SignalInput
from sociaalveilig.services.versions import StaleEdit

RETRY_PAUSE_S = 0.2
"""A user pressing again after the unreachable bar: soon, not in a tight loop."""
GIVE_UP_S = 180.0
"""A read that has not answered after this long (the centre down for good) is an error."""
EDIT_PAUSE_S = (0.5, 3.0)
"""Between reading a record and saving the edit, when the run has no think time: the
moments a person takes to read the screen and type (drawn per edit)."""
AGAIN = 1
"""After a conflict the desk reads the record again and saves anew at most this often."""
DUEL_WAIT_S = 600.0
"""How long a coordinator waits for the others to have read the duel action."""
FRONT = 3
"""The records at the top of a list a desk picks from (``bench/load_shared.py``)."""
LIST_DAYS_BACK = 3
"""The planned visits listed: from this many days back (the shared ones are two days
old) up to today."""

MIX: dict[str, dict[str, int]] = {
    # Per role the kinds of work and how often, from what each role does in a day.
    "coordinator": {"list_signals": 20, "list_cases": 12, "today": 8, "search": 10,
                    "open_case": 12, "register_signal": 8, "import_csv": 2,
                    "move_deadline": 6, "visit_outcome": 5, "minutes": 6},
    "wijkagent": {"list_signals": 20, "list_cases": 10, "today": 10, "search": 10,
                  "open_case": 12, "register_signal": 10, "visit_outcome": 6},
    "partner": {"list_cases": 20, "today": 10, "open_case": 10, "complete_action": 6},
    # A manager sees figures and pseudonymised case lists (no signals, no Vandaag); a
    # beheerder no case content at all (services/access.py): the users' list is theirs.
    "manager": {"list_cases": 10},
    "beheerder": {"list_users": 10},
}
EDITS = ("move_deadline", "complete_action", "visit_outcome", "minutes")
"""Edits of shared records: read, think, save with the version read."""
WRITES = ("register_signal", "import_csv", *EDITS)
LIST_KINDS = ("list_signals", "list_cases", "today", "list_users")
IMPORT_HEADER = "datum;bron;organisatie;categorie;postcode;huisnummer;toevoeging;straat;" \
                "plaats;omschrijving;urgentie;melder"
DUEL = "duel"
"""The conflicts of the opening duel are counted under this name, apart from the mix's."""


@dataclass
class DeskPlan:
    username: str
    role: str
    server_url: str
    seconds: float
    seed: int
    out: str
    shared_actions: list[str] = field(default_factory=list)
    """Actions whose deadline this (coordinator's) desk moves."""
    think_s: float = 0.0
    """The user's mean pause between two calls (0: back to back, a saturation run)."""
    partner_actions: list[str] = field(default_factory=list)
    """Actions of this (partner's) desk's organisation that it completes."""
    visits: list[str] = field(default_factory=list)
    """Planned visits, their moment passed, whose outcome this desk may record."""
    meetings: list[str] = field(default_factory=list)
    """Meetings held whose minutes this (coordinator's) desk writes."""
    duel_action: str = ""
    """The action every coordinator reads, then moves once all have read it."""
    duel_size: int = 0
    """How many desks take part in the duel."""
    passphrase: str = field(default="", repr=False)
    """Given on stdin (``main``), not written into the plan file."""


@dataclass(frozen=True)
class Edit:
    """A record read for an edit: what to save it with."""

    record_id: str
    version: int
    row: Any


class Desk:
    def __init__(self, plan: DeskPlan) -> None:
        self.plan = plan
        self.rng = random.Random(plan.seed)
        self.latencies: dict[str, list[float]] = {}
        self.ledger: list[dict[str, Any]] = []
        self.conflicts: dict[str, int] = {}
        self.unavailable = 0
        self.errors: list[str] = []
        self.case_ids: list[str] = []
        # The shared records this desk still sees something to do on, in list order.
        self.todo: dict[str, list[str]] = {
            "move_deadline": list(plan.shared_actions),
            "complete_action": list(plan.partner_actions),
            "visit_outcome": list(plan.visits),
            "minutes": list(plan.meetings),
        }
        self.partner_ids: list[str] | None = None
        self.ctx: Any = None

    # ------------------------------------------------------------------ the loop

    def run(self) -> dict[str, Any]:
        self.ctx = self._retry_read("sign_in", lambda: connect(
            self.plan.server_url, self.plan.username, self.plan.passphrase))
        try:
            # The duel before the ready mark: no fault can take its certain conflict away.
            if self.plan.duel_action and self.plan.duel_size > 1:
                self._duel()
            # Signed in (Argon2id on the server: seconds with 25 at once); the driver
            # starts the faults when every desk is at work.
            Path(self.plan.out + ".ready").touch()
            deadline = time.monotonic() + self.plan.seconds
            weights = MIX[self.plan.role]
            kinds, counts = list(weights), list(weights.values())
            first_round = self.rng.sample(kinds, len(kinds))
            while time.monotonic() < deadline:
                kind = first_round.pop() if first_round else self.rng.choices(kinds, counts)[0]
                if kind in EDITS:
                    self._edit(kind)
                elif kind in WRITES:
                    self._write(kind)
                else:
                    self._retry_read(kind, getattr(self, "_" + kind))
                if self.plan.think_s > 0:
                    time.sleep(self.rng.expovariate(1.0 / self.plan.think_s))
        finally:
            end_session(self.ctx)
        return {"username": self.plan.username, "role": self.plan.role,
                "latencies": self.latencies, "ledger": self.ledger,
                "conflicts": sum(self.conflicts.values()),
                "conflicts_by_kind": self.conflicts, "unavailable": self.unavailable,
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
        self._save(kind, entry, lambda: getattr(self, "_" + kind)(token, entry))

    def _save(self, kind: str, entry: dict[str, Any], call: Callable[[], object],
              conflict_kind: str | None = None) -> bool:
        """Make the write and note it in the ledger; True when it was refused as a
        designed conflict (the caller may read again and retry)."""
        try:
            result = self._timed(kind, call)
        except StoreUnavailable:
            self.unavailable += 1
            entry["outcome"] = "unknown"
            self.ledger.append(entry)
            time.sleep(RETRY_PAUSE_S)
            return False
        except (StaleEdit, ConflictError) as exc:
            # Designed: another desk saved the record first. Refused, so nothing of it
            # may be in the database (the checks look).
            name = conflict_kind or kind
            self.conflicts[name] = self.conflicts.get(name, 0) + 1
            entry["outcome"] = "conflict"
            # Who changed what in between (a fictional desk user's name): for reading
            # the run afterwards, e.g. how often a partner's completion was the cause.
            entry["refusal"] = f"{type(exc).__name__}: {exc}"
            self.ledger.append(entry)
            return True
        except SociaalVeiligError as exc:
            self.errors.append(f"{kind}: {type(exc).__name__}: {exc}")
            return False
        if result is False:
            return False  # nothing to write on (no case)
        entry["outcome"] = "committed"
        self.ledger.append(entry)
        return False

    def _edit(self, kind: str) -> None:
        """Read a shared record, think, save with the version read; after a conflict read
        again and, if there is still something to do, save anew (with a new token)."""
        read: Callable[[], Edit | None] = getattr(self, "_read_" + kind)
        save: Callable[[Edit, str, dict[str, Any]], object] = getattr(self, "_save_" + kind)
        for _attempt in range(1 + AGAIN):
            edit = read()
            if edit is None:
                return  # nothing (left) to do: done by someone else, or the pool is empty
            self._think()
            token = uuid.uuid4().hex[:16]
            entry: dict[str, Any] = {"kind": kind, "token": token,
                                     "record": edit.record_id}
            if not self._save(kind, entry, functools.partial(save, edit, token, entry)):
                return

    def _think(self) -> None:
        if self.plan.think_s > 0:
            time.sleep(self.rng.expovariate(1.0 / self.plan.think_s))
        else:
            time.sleep(self.rng.uniform(*EDIT_PAUSE_S))

    def _pick(self, kind: str) -> str | None:
        todo = self.todo[kind]
        return self.rng.choice(todo[:FRONT]) if todo else None

    def _done_with(self, kind: str, record: str) -> None:
        if record in self.todo[kind]:
            self.todo[kind].remove(record)

    # ------------------------------------------------------------------ the duel

    def _duel(self) -> None:
        """Every coordinator reads the duel action, waits until all have read it, then
        moves its deadline with the version read: one save wins, the others are refused.
        Before the faults begin, so that the conflict is certain in every run."""
        action_id = self.plan.duel_action
        row = self._retry_read("open_action", lambda: actions.get_action(self.ctx, action_id))
        if row is None:
            return
        folder = Path(self.plan.out).parent
        (folder / f"duel-{self.plan.username}").touch()
        bound = time.monotonic() + DUEL_WAIT_S
        while len(list(folder.glob("duel-*"))) < self.plan.duel_size:
            if time.monotonic() > bound:
                self.errors.append("duel: the other coordinators did not read the action")
                return
            time.sleep(0.05)
        token = uuid.uuid4().hex[:16]
        entry: dict[str, Any] = {"kind": "move_deadline", "token": token,
                                 "record": f"actions:{action_id}", "duel": True}
        self._save("move_deadline", entry, lambda: self._save_move_deadline(
            Edit(f"actions:{action_id}", row.version, row), token, entry), DUEL)

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

    # An edit kind is a pair: ``_read_<kind>`` looks at the list, opens a record from its
    # top (None: nothing to do) and ``_save_<kind>`` saves the change with its version.

    def _still_to_do(self, kind: str, listed: Any, key: str) -> bool:
        """Keep on the desk's list what the fresh list still shows (the rest was done by
        someone else meanwhile); False when the list did not come."""
        if listed is None:
            return False
        ids = {getattr(row, key) for row in listed}
        self.todo[kind] = [r for r in self.todo[kind] if r in ids]
        return True

    def _read_action(self, kind: str) -> Edit | None:
        if not self.todo[kind] or not self._still_to_do(kind, self._retry_read(
                "list_actions", lambda: actions.list_actions(self.ctx)), "action_id"):
            return None
        while (action_id := self._pick(kind)) is not None:
            row = self._retry_read("open_action",
                                   lambda a=action_id: actions.get_action(self.ctx, a))
            if row is None:
                return None
            if row.status.is_open:
                return Edit(f"actions:{action_id}", row.version, row)
            self._done_with(kind, action_id)  # completed meanwhile: off the list
        return None

    def _read_move_deadline(self) -> Edit | None:
        return self._read_action("move_deadline")

    def _save_move_deadline(self, edit: Edit, token: str, entry: dict[str, Any]) -> object:
        row = edit.row
        day = self.ctx.clock.now().date() + timedelta(days=self.rng.randint(7, 60))
        if day == row.deadline:
            # A move to the day it already has writes no history line (by design), and the
            # ledger finds a move by its line: always another day.
            day += timedelta(days=1)
        entry["action_id"] = row.action_id
        moved = actions.change_action_deadline(
            self.ctx, row.action_id, day, reason=f"lastproef {token}",
            expected_version=edit.version)
        if moved.deadline == row.deadline:
            # The day was taken as the one it had (a deadline is checked and may be moved
            # by the service): nothing changed, no history line, no new version.
            entry["noop"] = True
        return moved

    def _read_complete_action(self) -> Edit | None:
        return self._read_action("complete_action")

    def _save_complete_action(self, edit: Edit, token: str, entry: dict[str, Any]) -> object:
        entry["action_id"] = edit.row.action_id
        return actions.complete_action(self.ctx, edit.row.action_id,
                                       f"Lastproef afgerond {token}",
                                       expected_version=edit.version)

    def _read_visit_outcome(self) -> Edit | None:
        today = self.ctx.clock.now().date()
        if not self.todo["visit_outcome"] or not self._still_to_do(
                "visit_outcome", self._retry_read("list_visits", lambda: visits.visits_for_user(
                    self.ctx, today - timedelta(days=LIST_DAYS_BACK), today)), "visit_id"):
            return None
        while (visit_id := self._pick("visit_outcome")) is not None:
            row = self._retry_read("open_visit",
                                   lambda v=visit_id: visits.get_visit(self.ctx, v))
            if row is None:
                return None
            if row.status is VisitStatus.GEPLAND:
                return Edit(f"visits:{visit_id}", row.version, row)
            self._done_with("visit_outcome", visit_id)
        return None

    def _save_visit_outcome(self, edit: Edit, token: str, entry: dict[str, Any]) -> object:
        outcome = self.rng.choices(list(VisitOutcome), (6, 2, 1))[0]
        entry["visit_id"] = edit.row.visit_id
        entry["status"] = str(outcome.status)
        return visits.record_outcome(self.ctx, edit.row.visit_id, outcome,
                                     f"Lastproef uitkomst {token}",
                                     expected_version=edit.version)

    def _read_minutes(self) -> Edit | None:
        while (meeting_id := self._pick("minutes")) is not None:
            detail = self._retry_read("open_meeting",
                                      lambda m=meeting_id: meeting_agenda.get_meeting(
                                          self.ctx, m))
            if detail is None:
                return None
            open_items = [i for i in detail.items if i.decision is None]
            if open_items:
                item = self.rng.choice(open_items[:FRONT])
                return Edit(f"agenda_items:{item.item_id}", item.version, item)
            self._done_with("minutes", meeting_id)  # every item decided: the next meeting
        return None

    def _save_minutes(self, edit: Edit, token: str, entry: dict[str, Any]) -> object:
        """The decision on one agenda item with 0-2 actions agreed: one unit, so the
        decision and its actions are there all together or not at all."""
        item = edit.row
        n_actions = self.rng.randint(0, 2)
        deadline = self.ctx.clock.now().date() + timedelta(days=self.rng.randint(7, 30))
        agreed = [actions.ActionInput(ActionType.HULPVERLENINGSTRAJECT, self._owner(item),
                                      deadline, f"Lastproef besluit {token} actie {n}")
                  for n in range(1, n_actions + 1)]
        entry["item_id"] = item.item_id
        entry["rows"] = 1 + n_actions  # the decision and its actions
        return meeting_minutes.record_decision(
            self.ctx, item.item_id, f"Lastproef besluit {token}", agreed,
            expected_version=edit.version)

    def _owner(self, item: Any) -> str | None:
        """An owner for an agreed action: a partner already working on the case."""
        owners = [a.owner_partner_id for a in item.actions]
        return owners[0] if owners else self._any_partner()

    def _any_partner(self) -> str | None:
        if self.partner_ids is None:
            rows = self._retry_read("list_partners", lambda: partners.list_partners(self.ctx))
            self.partner_ids = [p.partner_id for p in rows or [] if p.active]
        return self.rng.choice(self.partner_ids) if self.partner_ids else None


def main(plan_file: str) -> None:
    # The passphrase comes on stdin, never in the plan file (fictional, but the rule holds).
    plan = DeskPlan(**json.loads(Path(plan_file).read_text(encoding="utf-8")),
                    passphrase=sys.stdin.readline().rstrip("\n"))
    outcome = Desk(plan).run()
    Path(plan.out).write_text(json.dumps(outcome), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
