from __future__ import annotations

from datetime import date, datetime

import pytest

from sociaalveilig.core.enums import (
    ActionStatus,
    ActionType,
    CaseStatus,
    RiskLevel,
    Role,
    SignalStatus,
    Urgency,
    VisitOutcome,
)
from sociaalveilig.core.errors import AccessDenied
from sociaalveilig.services.actions import ActionInput, change_action_status, create_action
from sociaalveilig.services.context import FixedClock, ServiceContext
from sociaalveilig.services.visits import VisitInput, plan_visit, record_outcome
from sociaalveilig.services.worklist import (
    TriageReason,
    WorkKind,
    due_this_week,
    handling_due_date,
    new_signals_to_triage,
    overdue,
    review_date,
    today_overview,
)
from tests.conftest import TEST_NOW, ActorFactory
from tests.services.seed_casework import HEERLEN, KERKRADE, make_case, make_signal, partner_id

WOCO = "Woningcorporatie"
POLICE = "Politie Limburg"


def test_handling_terms_and_review_dates() -> None:
    # Received Thursday 2 April 2026, term 2 working days: Good Friday, the weekend and
    # Easter Monday are skipped; Tuesday 7 April is the first working day, Wednesday 8 the due.
    assert handling_due_date(date(2026, 4, 2), 2) == date(2026, 4, 8)
    # Received Friday 24 April, term 1: Monday 27 April is King's Day → Tuesday 28 April.
    assert handling_due_date(date(2026, 4, 24), 1) == date(2026, 4, 28)
    assert review_date(date(2026, 4, 13), RiskLevel.HOOG) == date(2026, 4, 28)  # 27th: King's Day
    assert review_date(date(2026, 4, 15), RiskLevel.MIDDEN) == date(2026, 5, 13)
    assert review_date(date(2026, 4, 15), RiskLevel.LAAG) is None


class World:
    """A fixed set of work around Wednesday 15 April 2026 10:00 (week ends Sunday 19th)."""

    def __init__(self, ctx: ServiceContext, clock: FixedClock) -> None:
        sig = make_signal
        self.s_overdue5 = sig(ctx, due_date=date(2026, 4, 10), number=1)
        self.s_overdue1 = sig(ctx, due_date=date(2026, 4, 14), number=2, status=SignalStatus.NIEUW)
        sig(ctx, due_date=date(2026, 4, 10), number=3, status=SignalStatus.AFGEHANDELD)
        # Linked to a case: the term has ended (the case's review and actions carry it).
        self.s_linked = sig(ctx, due_date=date(2026, 4, 8), number=7, status=SignalStatus.GEKOPPELD)
        self.s_today = sig(ctx, due_date=date(2026, 4, 15), number=4)
        self.s_friday = sig(ctx, due_date=date(2026, 4, 17), number=5)
        sig(ctx, due_date=date(2026, 4, 20), number=6)  # next week
        self.s_heerlen = sig(ctx, due_date=date(2026, 4, 9), area=HEERLEN, postcode="6411 AB")

        self.case = make_case(ctx, number=10)
        self.c_review_overdue = make_case(ctx, number=11, next_review=date(2026, 4, 13))
        self.c_review_week = make_case(ctx, number=12, next_review=date(2026, 4, 18))
        make_case(ctx, number=13, next_review=date(2026, 4, 1), status=CaseStatus.AFGESLOTEN)
        make_case(ctx, number=14, next_review=date(2026, 4, 30))

        woco, police = partner_id(ctx, WOCO), partner_id(ctx, POLICE)

        def action(owner: str, deadline: date) -> str:
            inp = ActionInput(ActionType.CONTROLE, owner, deadline, "Controle")
            return create_action(ctx, self.case, inp).action_id

        def visit(start: datetime, partners: tuple[str, ...]) -> str:
            inp = VisitInput(
                self.case,
                partners,
                start,
                start.replace(hour=start.hour + 1),
                "Gesprek",
                joint=len(partners) > 1,
            )
            return plan_visit(ctx, inp).visit_id

        clock.set(datetime(2026, 4, 1, 8, 0))
        self.a_overdue = action(woco, date(2026, 4, 10))
        done = action(woco, date(2026, 4, 12))
        change_action_status(ctx, done, ActionStatus.AFGEROND)
        self.a_police_overdue = action(police, date(2026, 4, 13))
        self.a_week = action(woco, date(2026, 4, 16))
        action(woco, date(2026, 4, 30))
        self.v_missing = visit(datetime(2026, 4, 14, 10, 0), (woco, police))
        self.v_today = visit(datetime(2026, 4, 15, 14, 0), (police,))
        self.v_tomorrow = visit(datetime(2026, 4, 16, 9, 0), (woco,))
        visit(datetime(2026, 4, 21, 9, 0), (woco,))
        v_done = visit(datetime(2026, 4, 13, 9, 0), (woco,))
        clock.set(datetime(2026, 4, 13, 11, 0))
        record_outcome(ctx, v_done, VisitOutcome.UITGEVOERD, "Gesproken")
        clock.set(TEST_NOW)


@pytest.fixture
def world(coordinator_ctx: ServiceContext, clock: FixedClock) -> World:
    return World(coordinator_ctx, clock)


def _ids(items: list) -> list[tuple[WorkKind, str, int]]:  # type: ignore[type-arg]
    return [(i.kind, i.object_id, i.overdue_days) for i in items]


def test_overdue_lists_exactly_the_overdue_work(
    coordinator_ctx: ServiceContext, world: World
) -> None:
    w = world
    assert _ids(overdue(coordinator_ctx)) == [
        (WorkKind.SIGNAL, w.s_heerlen, 6),
        (WorkKind.SIGNAL, w.s_overdue5, 5),
        (WorkKind.ACTION, w.a_overdue, 5),
        (WorkKind.ACTION, w.a_police_overdue, 2),
        (WorkKind.REVIEW, w.c_review_overdue, 2),
        (WorkKind.SIGNAL, w.s_overdue1, 1),
        (WorkKind.VISIT, w.v_missing, 1),
    ]
    assert w.s_linked not in [i.object_id for i in overdue(coordinator_ctx)]
    kerkrade_only = overdue(coordinator_ctx, area_id="Kerkrade")
    assert w.s_heerlen not in [i.object_id for i in kerkrade_only]
    assert len(kerkrade_only) == 6
    titles = " ".join(i.title for i in overdue(coordinator_ctx))
    assert "uitkomst vastleggen" in titles
    assert "controle door Woningcorporatie" in titles


def test_due_this_week(coordinator_ctx: ServiceContext, world: World) -> None:
    w = world
    assert [(i.kind, i.object_id) for i in due_this_week(coordinator_ctx)] == [
        (WorkKind.SIGNAL, w.s_today),
        (WorkKind.VISIT, w.v_today),
        (WorkKind.ACTION, w.a_week),
        (WorkKind.VISIT, w.v_tomorrow),
        (WorkKind.SIGNAL, w.s_friday),
        (WorkKind.REVIEW, w.c_review_week),
    ]
    assert all(i.overdue_days == 0 for i in due_this_week(coordinator_ctx))


def test_worklists_follow_the_clock(
    coordinator_ctx: ServiceContext, world: World, clock: FixedClock
) -> None:
    clock.set(datetime(2026, 4, 16, 8, 0))
    late = {i.object_id: i.overdue_days for i in overdue(coordinator_ctx)}
    assert late[world.s_today] == 1
    assert late[world.v_today] == 1  # yesterday's visit without an outcome
    assert world.v_tomorrow not in late


def test_per_user_scope(
    coordinator_ctx: ServiceContext, world: World, make_actor: ActorFactory
) -> None:
    w = world
    woco = make_actor(Role.PARTNER, partner=WOCO)
    assert _ids(overdue(woco)) == [
        (WorkKind.ACTION, w.a_overdue, 5),
        (WorkKind.VISIT, w.v_missing, 1),
    ]
    assert [i.object_id for i in due_this_week(woco)] == [w.a_week, w.v_tomorrow]
    heerlen = make_actor(Role.WIJKAGENT, areas=[HEERLEN])
    assert [i.object_id for i in overdue(heerlen)] == [w.s_heerlen]
    # A police wijkagent: "my work" is the police's actions and visits in own areas.
    agent = make_actor(Role.WIJKAGENT, areas=[KERKRADE], partner=POLICE)
    mine = {i.object_id for i in overdue(agent) if i.kind in (WorkKind.ACTION, WorkKind.VISIT)}
    assert mine == {w.a_police_overdue, w.v_missing}
    team = {
        i.object_id
        for i in overdue(agent, user_scope=False)
        if i.kind in (WorkKind.ACTION, WorkKind.VISIT)
    }
    assert team == {w.a_overdue, w.a_police_overdue, w.v_missing}
    with pytest.raises(AccessDenied):
        overdue(make_actor(Role.MANAGER))


def test_new_signals_to_triage(coordinator_ctx: ServiceContext, make_actor: ActorFactory) -> None:
    ctx = coordinator_ctx
    new = make_signal(
        ctx,
        status=SignalStatus.NIEUW,
        route_target=None,
        number=1,
        received_at=datetime(2026, 4, 14, 8, 0),
    )
    acute = make_signal(
        ctx,
        urgency=Urgency.ACUUT,
        route_target="coordinator",
        number=2,
        category="ZV-HG",
        received_at=datetime(2026, 4, 15, 7, 0),
    )
    make_signal(ctx, number=3)  # routed to a meeting: not for triage
    unknown = make_signal(
        ctx, area=None, postcode="1012 AB", number=4, received_at=datetime(2026, 4, 13, 8, 0)
    )
    make_signal(
        ctx,
        urgency=Urgency.ACUUT,
        route_target="coordinator",
        number=5,
        status=SignalStatus.GEKOPPELD,
        case_id=make_case(ctx, number=5),
    )
    items = new_signals_to_triage(ctx)
    assert [(t.signal_id, t.reason) for t in items] == [
        (acute, TriageReason.ACUUT),
        (unknown, TriageReason.MUNICIPALITY_UNKNOWN),
        (new, TriageReason.NIEUW),
    ]
    assert items[0].category == "Vermoeden huiselijk geweld of kindermishandeling"
    overview = today_overview(ctx)
    assert [t.signal_id for t in overview.to_triage] == [acute, unknown, new]
    with pytest.raises(AccessDenied):
        new_signals_to_triage(make_actor(Role.PARTNER, partner=WOCO))


def test_titles_hold_no_names(coordinator_ctx: ServiceContext) -> None:
    ctx = coordinator_ctx
    make_case(ctx, next_review=date(2026, 4, 1), persons=(("Anna Verzonnen", 1980),))
    make_signal(ctx, due_date=date(2026, 4, 1), reporter="Bert Bedacht")
    items = overdue(ctx) + due_this_week(ctx)
    assert {i.kind for i in items} == {WorkKind.SIGNAL, WorkKind.REVIEW}
    text = " ".join(f"{i.title} {i.reference}" for i in items)
    assert "Verzonnen" not in text and "Bedacht" not in text
    assert "Fictiefstraat" in text
