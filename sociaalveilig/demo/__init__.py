"""Clearly fictional demo data (``sociaalveilig-admin demo``, ``make demo``, the window's
demo store), kept out of the production services.

The steps are listed here, explicitly and in order: a new step is a function taking the
``DemoRun`` and is added to ``DEMO_STEPS``. ``base`` makes partners, cases and signals;
``casework`` (with its parts ``casework_*``, one per kind of work) adds the work people do
with them (meetings, actions, visits, escalations, buurtschouwen). Only the CLI and
``app.py`` import this package (tests/test_layering.py).
"""

from __future__ import annotations

from sociaalveilig.demo import base, casework
from sociaalveilig.demo.base import (
    DEMO_SETTING,
    DEMO_WORKER,
    FIRST_NAMES,
    LAST_NAMES,
    MAX_DEMO_SIGNALS,
    STREETS,
    DemoRun,
    DemoStep,
)
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.retry import retrying

DEMO_STEPS: tuple[DemoStep, ...] = (*base.BASE_STEPS, casework.demo_step)
"""Every step of the demo, in the order they run."""

DEMO_SEED = 20260415


@retrying
def fill_demo(ctx: ServiceContext, n_signals: int, seed: int = DEMO_SEED) -> str:
    """Fill the store with fictional data; returns a one-line Dutch summary. On a centre the
    server runs it (``@retrying`` sends the call there), for a beheerder or coordinator,
    into a centre that is new or already a demo."""
    summary = base.run_steps(ctx, n_signals, seed, DEMO_STEPS)
    # A store that was empty a moment ago: the planner's statistics describe nothing yet.
    ctx.store.maintenance.refresh_statistics()
    return summary


__all__ = [
    "DEMO_SETTING",
    "DEMO_STEPS",
    "DEMO_WORKER",
    "FIRST_NAMES",
    "LAST_NAMES",
    "MAX_DEMO_SIGNALS",
    "STREETS",
    "DemoRun",
    "DemoStep",
    "fill_demo",
]
