"""Demo case work: the fictional region comes alive.

After the demo has made cases and signals (``demo/base.py``), this step adds the work people do
with them, through the services only and as the people who would do it: a coordinator,
wijkagenten/BOA with their focus areas, partner users and a manager. It plans and holds
meetings (agendas from the program's proposals, decisions and actions in the minutes),
moves actions through every status (some left overdue), plans home visits over the past
weeks and the coming two weeks (done, nobody home and planned again, refused, outcome not
yet recorded), escalates cases to each target (one afgeschaald back to the local meeting)
and walks buurtschouwen whose findings become signals.

The services refuse to plan in the past and to record what has not happened yet, so the
history is made on a **timeline**: every event runs with a clock of its own set to the
event's moment, in time order, and nothing is done after *now* (what lies ahead stays
planned). The caller's clock is never moved. Everything is repeatable with the demo's seed.

The demo users have no key slot, like the demo's own coordinator: they exist so owners,
areas, partners and the audit log look like a working region, and cannot log in. (Users who
can log in are added by a beheerder with ``users.add_user``, which needs a passphrase.)
"""

from __future__ import annotations

from collections.abc import Callable

from sociaalveilig.core.i18n import tr
from sociaalveilig.demo.base import DemoRun
from sociaalveilig.demo.casework_cast import ensure_demo_users
from sociaalveilig.demo.casework_escalations import EscalationWork
from sociaalveilig.demo.casework_meetings import MeetingWork
from sociaalveilig.demo.casework_walks import WalkWork


class CaseworkDemo(MeetingWork, EscalationWork, WalkWork):
    """Schedules the region's case work on a timeline and runs it (see the module text)."""

    def fill(self) -> None:
        self.load()
        if not self.areas:
            return
        self.schedule_meetings()
        if self.run.case_ids:
            self.schedule_escalations()
            self.schedule_visits()
        self.schedule_walks()
        self.timeline.run()

    def summary(self) -> str:
        t = self.tally
        return tr(
            "{meetings} overleggen, {actions} acties, {visits} huisbezoeken, "
            "{escalations} opschalingen, {walks} buurtschouwen, {users} demogebruikers "
            "(zonder wachtwoord)"
        ).format(
            meetings=t.meetings,
            actions=t.actions,
            visits=t.visits,
            escalations=t.escalations,
            walks=t.walks,
            users=t.users,
        )


def add_casework(run: DemoRun) -> None:
    """Demo step: users of each role, then the region's case work on a timeline."""
    cast = ensure_demo_users(run)
    work = CaseworkDemo(run, cast)
    work.fill()
    run.lines.append(work.summary())


CASEWORK_STEPS: list[Callable[[DemoRun], None]] = [add_casework]
"""The steps this module adds to the demo, in order."""


def demo_step(run: DemoRun) -> None:
    """The case-work step, listed in ``demo.DEMO_STEPS``."""
    for step in CASEWORK_STEPS:
        step(run)


__all__ = [
    "CASEWORK_STEPS",
    "CaseworkDemo",
    "add_casework",
    "demo_step",
]
