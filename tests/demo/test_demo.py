"""The demo: clearly fictional data spread over areas, sources and categories, a store that
verifies clean afterwards, and steps listed explicitly."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import func, select

from sociaalveilig import demo
from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import AccessDenied, ValidationError
from sociaalveilig.demo import base, casework
from sociaalveilig.services import search, signal_intake, signal_records
from sociaalveilig.services import signals as sv
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.maintenance import verify
from sociaalveilig.storage.models import (
    BuurtschouwFinding,
    Case,
    CasePerson,
    Category,
    FocusArea,
    Partner,
    Person,
    Signal,
    SignalPerson,
    User,
)
from tests.conftest import ActorFactory

# Signals made from the findings of the demo's buurtschouwen come on top of the N asked.
_NOT_FROM_A_WALK = Signal.id.not_in(
    select(BuurtschouwFinding.signal_id).where(BuurtschouwFinding.signal_id.is_not(None))
)


def test_demo_fills_fictional_data_everywhere(
    admin_ctx: ServiceContext, make_actor: ActorFactory
) -> None:
    summary = demo.fill_demo(admin_ctx, 400)
    assert summary.startswith("Fictieve demogegevens toegevoegd")
    assert "400 signalen" in summary
    with admin_ctx.unit() as session:
        # N demo signals, plus the findings of the demo buurtschouwen turned into signals.
        assert (
            session.execute(
                select(func.count()).select_from(Signal).where(_NOT_FROM_A_WALK)
            ).scalar_one()
            == 400
        )
        n_cases = session.execute(select(func.count()).select_from(Case)).scalar_one()
        assert n_cases == 400 // 6
        areas = set(
            session.execute(
                select(FocusArea.name).join(Signal, Signal.focus_area_id == FocusArea.id)
            ).scalars()
        )
        assert len(areas) == 8
        assert (
            session.execute(
                select(func.count()).select_from(Signal).where(Signal.focus_area_id.is_(None))
            ).scalar_one()
            > 0
        )
        sources = Counter(session.execute(select(Signal.source)).scalars())
        assert len(sources) >= 6
        categories = set(
            session.execute(
                select(Category.code).join(Signal, Signal.category_id == Category.id)
            ).scalars()
        )
        assert len(categories) >= 14
        risks = set(session.execute(select(Case.risk_level)).scalars())
        assert risks == {"laag", "midden", "hoog"}
        statuses = set(session.execute(select(Case.status)).scalars())
        assert {"open", "in_behandeling", "afgesloten"} <= statuses
        signal_statuses = set(session.execute(select(Signal.status)).scalars())
        assert {"gerouteerd", "gekoppeld", "afgehandeld"} <= signal_statuses
        partners = set(session.execute(select(Partner.name)).scalars())
        assert {"Woonstichting Voorbeeld", "Zorggroep Fictief"} <= partners
        names = list(session.execute(select(Person.name)).scalars())
        assert names
        for name in names:
            assert name.startswith("Bewoner Fictief ") or any(
                name.endswith(" " + last) for last in demo.LAST_NAMES
            ), name
        assert session.execute(select(func.count()).select_from(CasePerson)).scalar_one() == len(
            names
        )
        assert session.execute(select(func.count()).select_from(SignalPerson)).scalar_one() > 0
        descriptions = session.execute(select(Signal.description)).scalars().all()
        assert all("fictieve demomelding" in d for d in descriptions)
        worker = session.execute(select(User).where(User.username == demo.DEMO_WORKER)).scalar_one()
        assert worker.role == "coordinator"
    # The store is sound (foreign keys, cipher, audit chain) and the services read it.
    assert verify(admin_ctx).ok
    coordinator = make_actor(Role.COORDINATOR)
    ids = search.signal_ids(coordinator, search.SignalQuery())
    with admin_ctx.unit() as session:
        total = session.execute(select(func.count()).select_from(Signal)).scalar_one()
    assert len(ids) == total >= 400
    detail = signal_records.get_signal(coordinator, ids[0])
    assert detail.route_reason
    assert search.count_signals(coordinator, search.SignalQuery(overdue=True)) > 0


def test_demo_only_goes_into_an_empty_or_demo_store(
    coordinator_ctx: ServiceContext, make_actor: ActorFactory
) -> None:
    assert "30 signalen" in demo.fill_demo(coordinator_ctx, 30)
    # Again on the same demo store: fine.
    demo.fill_demo(coordinator_ctx, 12)
    with coordinator_ctx.unit() as session:
        assert (
            session.execute(
                select(func.count()).select_from(Signal).where(_NOT_FROM_A_WALK)
            ).scalar_one()
            == 42
        )
        # A coordinator fills the demo as itself: no extra demo user.
        assert (
            session.execute(
                select(func.count()).select_from(User).where(User.username == demo.DEMO_WORKER)
            ).scalar_one()
            == 0
        )
    with pytest.raises(AccessDenied):
        demo.fill_demo(make_actor(Role.MANAGER), 10)
    with pytest.raises(ValidationError):
        demo.fill_demo(coordinator_ctx, -1)


def test_demo_refuses_a_store_with_real_data(coordinator_ctx: ServiceContext) -> None:
    from datetime import datetime

    sv.register_signal(
        coordinator_ctx,
        signal_intake.SignalInput(
            received_at=datetime(2026, 4, 14, 9, 0),
            source="politie",
            category="WO-OVL",
            postcode="6463AB",
            house_number=1,
            description="Een echt signaal",
        ),
        signal_intake.NO_CASE,
    )
    with pytest.raises(ValidationError) as err:
        demo.fill_demo(coordinator_ctx, 10)
    assert "echte gegevens" in err.value.message


def test_the_steps_are_listed_explicitly_and_run_in_order(
    coordinator_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No module search: the list names every step, the case work last.
    assert (*base.BASE_STEPS, casework.demo_step) == demo.DEMO_STEPS
    seen: list[int] = []

    def extra_step(run: demo.DemoRun) -> None:
        seen.append(len(run.case_ids))
        assert run.worker.actor.role is Role.COORDINATOR
        run.lines.append("3 fictieve overleggen")

    monkeypatch.setattr(demo, "DEMO_STEPS", (*base.BASE_STEPS, extra_step))
    summary = demo.fill_demo(coordinator_ctx, 24)
    assert seen == [4]
    assert summary.endswith("3 fictieve overleggen.")


def test_a_broken_step_is_not_skipped_quietly(
    coordinator_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_step(run: demo.DemoRun) -> None:
        raise ImportError("a step whose module cannot load")

    monkeypatch.setattr(demo, "DEMO_STEPS", (broken_step,))
    with pytest.raises(ImportError):
        demo.fill_demo(coordinator_ctx, 0)
