"""Demo buurtschouwen: planned, walked, and their findings made into signals.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from functools import partial

from sociaalveilig.core.i18n import tr
from sociaalveilig.core.postcode import default_pc4_table
from sociaalveilig.core.workdays import next_working_day
from sociaalveilig.demo.base import STREETS
from sociaalveilig.demo.casework_base import CaseworkBase
from sociaalveilig.services import buurtschouw
from sociaalveilig.services.context import ServiceContext


def _findings() -> tuple[tuple[str, str], ...]:
    """(checklist item, what the walkers saw), all made up."""
    return (
        ("heel-verlichting", tr("Drie lantaarnpalen in het achterpad doen het niet")),
        ("schoon-dumpingen", tr("Grofvuil en matrassen gedumpt naast de containers")),
        ("veilig-hangplekken", tr("Hangplek bij het bankje achter de flat, veel peuken")),
        ("cpted-natuurlijk-toezicht", tr("Hoge haag ontneemt het zicht op het pad naar school")),
        ("schoon-graffiti", tr("Bekladde gevel van de garageboxen")),
        ("heel-bestrating", tr("Losliggende tegels bij de ingang van de speeltuin")),
    )


class WalkWork(CaseworkBase):
    """Buurtschouwen: planned, walked, and their findings made into signals."""

    def schedule_walks(self) -> None:
        """Three buurtschouwen by the demo's wijkagenten: one three weeks ago (finished,
        findings turned into signals), one last week (findings still being entered into
        signals) and one in ten days (planned)."""
        today = self.now.date()
        plans: list[tuple[ServiceContext, str, date, int, int, bool]] = []
        for number, officer in enumerate(self.wijkagenten[:2]):
            own = [area for area in self.areas if area[0] in officer.actor.area_ids]
            if not own:
                continue
            if number == 0:
                walk_day = self._working_day_before(today - timedelta(days=21))
                plans.append((officer, own[0][0], walk_day, 4, 3, True))
                if len(own) > 1:
                    walk_day = self._working_day_before(today - timedelta(days=6))
                    plans.append((officer, own[1][0], walk_day, 3, 2, False))
            else:
                walk_day = next_working_day(today + timedelta(days=10))
                plans.append((officer, own[0][0], walk_day, 0, 0, False))
        for officer, area_id, walk_day, findings, to_signal, finish in plans:
            planned = min(
                self._day_at(walk_day - timedelta(days=10), time(10)),
                self.now - timedelta(hours=2),
            )
            holder: dict[str, str] = {}
            self.timeline.at(planned, partial(self._plan_walk, officer, area_id, walk_day, holder))
            if findings:
                self.timeline.at(
                    self._day_at(walk_day, time(15)),
                    partial(self._walk_findings, officer, area_id, holder, findings, to_signal),
                )
            if finish:
                self.timeline.at(
                    self._day_at(next_working_day(walk_day + timedelta(days=1)), time(10)),
                    partial(self._finish_walk, officer, holder),
                )

    def _plan_walk(
        self, officer: ServiceContext, area_id: str, walk_day: date, holder: dict[str, str]
    ) -> None:
        streets = self.rng.sample(STREETS, 3)
        walk = buurtschouw.plan_buurtschouw(
            officer,
            area_id,
            walk_day,
            tr("Start bij de wijkpost, via {a} en {b} naar {c} (fictieve route).").format(
                a=streets[0], b=streets[1], c=streets[2]
            ),
        )
        holder["walk_id"] = walk.walk_id
        self.tally.walks += 1

    def _walk_findings(
        self,
        officer: ServiceContext,
        area_id: str,
        holder: dict[str, str],
        count: int,
        to_signal: int,
    ) -> None:
        area_name = dict(self.areas)[area_id]
        pc4s = sorted(pc for pc, (_, area) in default_pc4_table().items() if area == area_name)
        letters = "ABCDEGHJKLMNPRTVWXZ"
        for index, (item, seen) in enumerate(self.rng.sample(_findings(), count)):
            postcode = (
                f"{self.rng.choice(pc4s)} {self.rng.choice(letters)}{self.rng.choice(letters)}"
                if pc4s
                else None
            )
            finding = buurtschouw.add_finding(
                officer,
                holder["walk_id"],
                item,
                tr("{seen} (fictieve demomelding).").format(seen=seen),
                street=self.rng.choice(STREETS),
                postcode=postcode,
                house_number=self.rng.randrange(1, 120),
            )
            if index < to_signal and postcode is not None:
                buurtschouw.finding_to_signal(officer, finding.finding_id)

    def _finish_walk(self, officer: ServiceContext, holder: dict[str, str]) -> None:
        buurtschouw.finish_buurtschouw(officer, holder["walk_id"])
