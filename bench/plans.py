"""The list and search workload per list, for comparing ways of reading a list.

``python -m bench.plans [--runs N] [--out FILE]`` times, on the benchmark's region, each of
the workload's 8 lists and 8 searches (``bench.run``) as the window reads it: the first
page (``search.signal_head``) and the whole id list (``search.signal_ids``), as the
coordinator, a wijkagent of one focus area and a partner organisation (the users of
``bench.run.measure_role_lists``). It prints the median per list and writes them as JSON,
so two ways (two checkouts, or the planner with and without statistics) can be compared
list by list: docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sqlalchemy import select

from bench.generate import COORDINATOR, PASSPHRASE, RegionSpec, clock, ensure_region
from bench.run import SEARCHES, list_queries, median, stopwatch
from sociaalveilig.core.enums import Role
from sociaalveilig.services import search
from sociaalveilig.services.context import Actor, ServiceContext
from sociaalveilig.services.setup import login
from sociaalveilig.storage.models import FocusArea, Partner, new_id


def users(ctx: ServiceContext) -> dict[str, ServiceContext]:
    with ctx.unit() as session:
        area_ids = list(session.execute(select(FocusArea.id).order_by(FocusArea.name)).scalars())
        partner_id = session.execute(
            select(Partner.id).where(Partner.active.is_(True)).order_by(Partner.name)
        ).scalars().first()
    actors = {
        "wijkagent": Actor(new_id(), "bench-wijkagent", "Wijkagent (bench)", Role.WIJKAGENT,
                           None, frozenset(area_ids[:1])),
        "partner": Actor(new_id(), "bench-partner", "Partner (bench)", Role.PARTNER,
                         partner_id, frozenset()),
    }
    return {"coordinator": ctx, **{r: ServiceContext(ctx.store, a, clock())
                                   for r, a in actors.items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.plans", description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    region = ensure_region(RegionSpec(), name="region")
    ctx = login(region.folder, COORDINATOR, PASSPHRASE, clock())
    figures: dict[str, dict[str, float]] = {}
    try:
        with ctx.unit() as session:
            area_ids = list(
                session.execute(select(FocusArea.id).order_by(FocusArea.name)).scalars())
        lists = [(f"list{i}", q) for i, q in enumerate(list_queries(area_ids))]
        lists += [(f"search:{text}", search.SignalQuery(text=text)) for text in SEARCHES]
        for role, as_user in users(ctx).items():
            for name, q in lists:
                heads, wholes = [], []
                for _ in range(args.runs):
                    with stopwatch() as elapsed:
                        search.signal_head(as_user, q)
                    heads.append(elapsed() * 1000)
                    with stopwatch() as elapsed:
                        search.signal_ids(as_user, q, log_view=False)
                    wholes.append(elapsed() * 1000)
                key = f"{role} {name}"
                figures[key] = {"head_ms": round(median(heads), 1),
                                "whole_ms": round(median(wholes), 1)}
                print(f"{key:<40} head {median(heads):7.1f} ms   whole {median(wholes):7.1f} ms",
                      flush=True)
    finally:
        ctx.store.close()
    if args.out is not None:
        args.out.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
