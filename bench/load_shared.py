"""The records the load suite's desks share and edit, set up before the run (``bench/load.py``).

A real day's edits land on records several users look at: a partner completes an action
while a coordinator moves its deadline, two coordinators write the minutes of one meeting,
a coordinator and the area's wijkagent record the outcome of the same home visit. So the
driver sets those records up front, through the services:

- per partner organisation of a partner desk, open **actions** it owns (the partner desk
  completes them, the coordinators move their deadlines);
- per focus area, **planned home visits** on its open cases, planned yesterday for a
  moment already past (an outcome is recorded only after the visit), for the coordinators
  and the area's wijkagenten;
- per focus area, a **meeting** held yesterday with open cases of the area on its agenda
  and no decision yet, for the coordinators (the chair) to write the minutes of;
- one **duel action**: every coordinator reads it, waits until all have read it, then
  moves its deadline, so that every run has a designed conflict for certain.

The pools grow with the run (desks times seconds): a pool that runs dry only makes its
kind idle, never an error.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

DAYS_BACK = 2
"""The set-up's clock stands this far back: meetings and visits planned "then" for a
moment that has passed by the time the desks work (their outcome or minutes need that)."""
FRONT = 3
"""How many records at the top of a list a user picks from (the desks work their lists
from the top, as people do: that is where two users meet)."""


@dataclass
class SharedRecords:
    partner_actions: dict[str, list[str]] = field(default_factory=dict)
    """Partner id -> the open actions the set-up gave it."""
    visits: dict[str, list[str]] = field(default_factory=dict)
    """Focus area id -> its planned visits whose moment has passed."""
    items: dict[str, list[str]] = field(default_factory=dict)
    """Meeting id -> its agenda items without a decision."""
    duel_action: str = ""
    partner_of: dict[str, str] = field(default_factory=dict)
    area_of: dict[str, str] = field(default_factory=dict)
    coordinators: int = 0

    def coordinator_actions(self, others: list[str]) -> list[str]:
        """The actions the coordinators move deadlines of: the partners' first, taken in
        turn (so the top of the list is where the partners work too), then ``others``."""
        pools = list(self.partner_actions.values())
        mixed = [pool[i] for i in range(max(map(len, pools), default=0))
                 for pool in pools if i < len(pool)]
        return mixed + [a for a in others if a not in mixed]

    def plan_fields(self, username: str, role: str) -> dict[str, Any]:
        """What one desk gets in its plan (``DeskPlan``'s fields with defaults)."""
        if role == "coordinator":
            pools = list(self.visits.values())
            visits = [pool[i] for i in range(max(map(len, pools), default=0))
                      for pool in pools if i < len(pool)]
            return {"visits": visits, "meetings": list(self.items),
                    "duel_action": self.duel_action, "duel_size": self.coordinators}
        if role == "wijkagent":
            return {"visits": list(self.visits.get(self.area_of.get(username, ""), []))}
        if role == "partner":
            return {"partner_actions": list(
                self.partner_actions.get(self.partner_of.get(username, ""), []))}
        return {}

    def keys(self, coordinator_actions: list[str]) -> list[str]:
        """Every shared record as ``table:id`` (the checks compare them before and after)."""
        actions = dict.fromkeys([*coordinator_actions, self.duel_action,
                                 *(a for p in self.partner_actions.values() for a in p)])
        return ([f"actions:{a}" for a in actions if a]
                + [f"visits:{v}" for pool in self.visits.values() for v in pool]
                + [f"agenda_items:{i}" for pool in self.items.values() for i in pool])


def pool_size(desks: int, seconds: float) -> int:
    return max(6, math.ceil(desks * seconds / 250))


def set_up(ctx: Any, users: list[tuple[str, str]], desks: int, seconds: float,
           log: Any = print) -> SharedRecords:
    """Create the shared records through the services, as the first coordinator desk's
    user (``ctx``: the centre's beheerder, as ``prepare`` has it)."""
    from sociaalveilig.core.enums import ActionType, MeetingType
    from sociaalveilig.services import actions, meeting_agenda, meeting_planning, visits
    from sociaalveilig.services.context import FixedClock, ServiceContext

    records = SharedRecords()
    coordinators = [name for name, role in users if role == "coordinator"]
    records.coordinators = len(coordinators)
    if not coordinators:
        return records
    size = pool_size(desks, seconds)
    actors, partners, open_cases = _centre(ctx, users)
    for name, role in users:
        actor = actors[name]
        if role == "partner" and actor is not None and actor.partner_id:
            records.partner_of[name] = actor.partner_id
        if role == "wijkagent" and actor is not None and actor.area_ids:
            records.area_of[name] = sorted(actor.area_ids)[0]
    chair = actors[coordinators[0]]
    assert chair is not None
    now = ServiceContext(ctx.store, chair)
    then_moment = now.clock.now().replace(second=0, microsecond=0) - timedelta(days=DAYS_BACK)
    then = ServiceContext(ctx.store, chair, FixedClock(then_moment))
    every_case = [c for pool in open_cases.values() for c in pool]
    if not every_case:
        raise RuntimeError("the demo data has no open case to share")
    deadline = now.clock.now().date() + timedelta(days=30)

    def new_action(owner: str, n: int) -> str:
        row = actions.create_action(now, every_case[n % len(every_case)], actions.ActionInput(
            ActionType.CONTROLE, owner, deadline, "Lastproef gedeelde actie (fictief)"))
        return row.action_id

    n = 0
    for partner in dict.fromkeys(records.partner_of.values()):
        records.partner_actions[partner] = [new_action(partner, n + i) for i in range(size)]
        n += size
    records.duel_action = new_action(partners[0], n)

    for area, cases in open_cases.items():
        if not cases:
            continue
        records.visits[area] = [visits.plan_visit(then, visits.VisitInput(
            case_id=cases[i % len(cases)], partner_ids=[partners[i % len(partners)]],
            start=_visit_start(then_moment, i), end=_visit_start(then_moment, i)
            + timedelta(minutes=45), purpose="Lastproef huisbezoek (fictief)"),
            confirm_clash=True).visit_id for i in range(size)]
        meeting = meeting_planning.plan_meeting(
            then, area, MeetingType.FL, then_moment + timedelta(hours=1),
            "Lastproef (fictief)", partners[:2])
        items: list[str] = []
        for case_id in cases[:size]:
            detail = meeting_agenda.add_agenda_item(now, meeting.meeting_id, case_id=case_id)
            items = [i.item_id for i in detail.items]
        records.items[meeting.meeting_id] = items
    log(f"  shared records: {sum(map(len, records.partner_actions.values()))} partner "
        f"actions, {sum(map(len, records.visits.values()))} visits, "
        f"{sum(map(len, records.items.values()))} agenda items, one duel action")
    return records


def _centre(ctx: Any, users: list[tuple[str, str]]) -> tuple[
        dict[str, Any], list[str], dict[str, list[str]]]:
    """The desk users as actors, the active partners, and each focus area's open cases."""
    from sqlalchemy import select

    from sociaalveilig.core.enums import CaseStatus
    from sociaalveilig.services.setup import actor_for
    from sociaalveilig.storage.models import Case, FocusArea, Partner

    with ctx.unit() as session:
        actors = {name: actor_for(session, name) for name, _ in users}
        partners = sorted(session.execute(
            select(Partner.id).where(Partner.active.is_(True))).scalars())
        areas = sorted(session.execute(select(FocusArea.id)).scalars())
        open_cases: dict[str, list[str]] = {area: [] for area in areas}
        for case_id, area in session.execute(
                select(Case.id, Case.focus_area_id)
                .where(Case.status != str(CaseStatus.AFGESLOTEN),
                       Case.focus_area_id.is_not(None))
                .order_by(Case.id)).tuples():
            open_cases[area].append(case_id)
    return actors, partners, open_cases


def _visit_start(then: datetime, n: int) -> datetime:
    # An hour after the set-up's moment, 10 minutes apart: all passed by the run.
    return then + timedelta(hours=1, minutes=10 * n)
