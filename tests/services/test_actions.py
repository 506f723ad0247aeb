from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from sociaalveilig.core.enums import ActionStatus, ActionType, CaseStatus, Role
from sociaalveilig.core.errors import AccessDenied, ValidationError
from sociaalveilig.core.workflow import ALLOWED_TRANSITIONS, WorkflowKind
from sociaalveilig.services.actions import (
    ActionInput,
    change_action_deadline,
    change_action_status,
    create_action,
    get_action,
    list_actions,
)
from sociaalveilig.services.context import FixedClock, ServiceContext
from sociaalveilig.storage.models import Action, StatusChange
from tests.conftest import ActorFactory
from tests.services.seed_casework import (
    HEERLEN,
    KERKRADE,
    case_status,
    make_case,
    make_signal,
    partner_id,
)

WOCO = "Woningcorporatie"
POLICE = "Politie Limburg"


def _count_actions(ctx: ServiceContext) -> int:
    with ctx.unit() as session:
        return session.execute(select(func.count()).select_from(Action)).scalar_one()


@pytest.fixture
def case_id(coordinator_ctx: ServiceContext) -> str:
    cid = make_case(coordinator_ctx)
    make_signal(coordinator_ctx, case_id=cid, received_at=datetime(2026, 4, 2, 9, 0))
    return cid


def _inp(ctx: ServiceContext, **changes: object) -> ActionInput:
    values: dict[str, object] = {
        "action_type": ActionType.GEZAMENLIJK_HUISBEZOEK,
        "owner_partner_id": partner_id(ctx, WOCO),
        "deadline": date(2026, 4, 30),
        "description": "Samen langsgaan en afspraken maken.",
    }
    values.update(changes)
    return ActionInput(**values)  # type: ignore[arg-type]


def test_create_action_numbers_it_and_starts_handling_the_case(
    coordinator_ctx: ServiceContext, case_id: str
) -> None:
    row = create_action(coordinator_ctx, case_id, _inp(coordinator_ctx))
    assert row.reference == "A-2026-00001"
    assert row.status is ActionStatus.OPEN
    assert row.owner_name == WOCO
    assert row.deadline == date(2026, 4, 30)
    assert row.overdue_days == 0
    assert case_status(coordinator_ctx, case_id) == CaseStatus.IN_BEHANDELING
    with coordinator_ctx.unit() as session:
        history = session.execute(
            select(
                StatusChange.object_type, StatusChange.from_status, StatusChange.to_status
            ).order_by(StatusChange.id)
        ).all()
    assert ("action", None, "open") in history
    assert ("case", "open", "in_behandeling") in history


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"owner_partner_id": None}, "owner_partner_id"),
        ({"owner_partner_id": "0" * 32}, "owner_partner_id"),
        ({"deadline": None}, "deadline"),
        ({"deadline": date(2026, 4, 14)}, "deadline"),
        ({"action_type": "koffie drinken"}, "action_type"),
        ({"description": "x" * 4001}, "description"),
    ],
)
def test_bad_action_is_refused_naming_the_field(
    coordinator_ctx: ServiceContext, case_id: str, changes: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as err:
        create_action(coordinator_ctx, case_id, _inp(coordinator_ctx, **changes))
    assert err.value.field == field
    assert _count_actions(coordinator_ctx) == 0
    assert case_status(coordinator_ctx, case_id) == CaseStatus.OPEN


def test_deadline_before_the_first_signal_is_refused(coordinator_ctx: ServiceContext) -> None:
    cid = make_case(coordinator_ctx)
    # A signal dated after today (the clock of a desk that was set back) still sets the floor.
    make_signal(coordinator_ctx, case_id=cid, received_at=datetime(2026, 4, 20, 8, 0))
    with pytest.raises(ValidationError) as err:
        create_action(coordinator_ctx, cid, _inp(coordinator_ctx, deadline=date(2026, 4, 17)))
    assert err.value.field == "deadline"
    assert "eerste signaal" in str(err.value)
    row = create_action(coordinator_ctx, cid, _inp(coordinator_ctx, deadline=date(2026, 4, 20)))
    assert row.deadline == date(2026, 4, 20)


def test_no_action_on_a_closed_case(coordinator_ctx: ServiceContext) -> None:
    cid = make_case(coordinator_ctx, status=CaseStatus.AFGESLOTEN)
    with pytest.raises(ValidationError) as err:
        create_action(coordinator_ctx, cid, _inp(coordinator_ctx))
    assert err.value.field == "case_id"
    assert "afgesloten" in str(err.value)
    assert _count_actions(coordinator_ctx) == 0


def _drive_to(ctx: ServiceContext, action_id: str, status: ActionStatus) -> None:
    if status is not ActionStatus.OPEN:
        change_action_status(ctx, action_id, status, reason="stap in de test")


TRANSITIONS = list(itertools.product(ActionStatus, ActionStatus))


@pytest.mark.parametrize(("start", "target"), TRANSITIONS)
def test_every_action_transition_through_the_service(
    coordinator_ctx: ServiceContext, case_id: str, start: ActionStatus, target: ActionStatus
) -> None:
    row = create_action(coordinator_ctx, case_id, _inp(coordinator_ctx))
    _drive_to(coordinator_ctx, row.action_id, start)
    allowed = target in ALLOWED_TRANSITIONS[WorkflowKind.ACTION][start]
    if allowed:
        after = change_action_status(coordinator_ctx, row.action_id, target, reason="test")
        assert after.status is target
        assert (after.completed_at is not None) == (target is ActionStatus.AFGEROND)
        with coordinator_ctx.unit() as session:
            last = (
                session.execute(
                    select(StatusChange)
                    .where(StatusChange.object_id == row.action_id)
                    .order_by(StatusChange.id.desc())
                )
                .scalars()
                .first()
            )
            assert last is not None
            assert (last.from_status, last.to_status) == (start.value, target.value)
            assert last.user_id == coordinator_ctx.actor.user_id
    else:
        with pytest.raises(ValidationError) as err:
            change_action_status(coordinator_ctx, row.action_id, target, reason="test")
        assert err.value.field == "status"
        assert get_action(coordinator_ctx, row.action_id).status is start


def test_cancelling_needs_a_reason(coordinator_ctx: ServiceContext, case_id: str) -> None:
    row = create_action(coordinator_ctx, case_id, _inp(coordinator_ctx))
    with pytest.raises(ValidationError) as err:
        change_action_status(coordinator_ctx, row.action_id, ActionStatus.VERVALLEN, "  ")
    assert err.value.field == "reason"
    assert get_action(coordinator_ctx, row.action_id).status is ActionStatus.OPEN


def test_partner_sees_and_updates_only_its_own_actions(
    coordinator_ctx: ServiceContext, case_id: str, make_actor: ActorFactory
) -> None:
    own = create_action(coordinator_ctx, case_id, _inp(coordinator_ctx))
    other = create_action(
        coordinator_ctx,
        case_id,
        _inp(coordinator_ctx, owner_partner_id=partner_id(coordinator_ctx, POLICE)),
    )
    woco = make_actor(Role.PARTNER, partner=WOCO)
    rows = list_actions(woco)
    assert [r.action_id for r in rows] == [own.action_id]
    assert rows[0].description == "Samen langsgaan en afspraken maken."
    change_action_status(woco, own.action_id, ActionStatus.IN_UITVOERING)
    with pytest.raises(AccessDenied):
        change_action_status(woco, other.action_id, ActionStatus.AFGEROND)
    with pytest.raises(AccessDenied):
        list_actions(woco, owner_partner_id=partner_id(coordinator_ctx, POLICE))
    assert get_action(coordinator_ctx, other.action_id).status is ActionStatus.OPEN


def test_wijkagent_works_only_in_own_areas(
    coordinator_ctx: ServiceContext, case_id: str, make_actor: ActorFactory
) -> None:
    outsider = make_actor(Role.WIJKAGENT, areas=[HEERLEN])
    with pytest.raises(AccessDenied):
        create_action(outsider, case_id, _inp(coordinator_ctx))
    local = make_actor(Role.WIJKAGENT, areas=[KERKRADE])
    row = create_action(local, case_id, _inp(coordinator_ctx))
    assert [r.action_id for r in list_actions(local)] == [row.action_id]
    assert list_actions(outsider) == []


def test_manager_and_beheerder_do_not_plan_actions(
    admin_ctx: ServiceContext, case_id: str, make_actor: ActorFactory
) -> None:
    with pytest.raises(AccessDenied):
        create_action(admin_ctx, case_id, _inp(admin_ctx))
    with pytest.raises(AccessDenied):
        list_actions(make_actor(Role.MANAGER))


def test_overdue_days_and_open_only(
    coordinator_ctx: ServiceContext, case_id: str, clock: FixedClock
) -> None:
    late = create_action(
        coordinator_ctx, case_id, _inp(coordinator_ctx, deadline=date(2026, 4, 20))
    )
    done = create_action(
        coordinator_ctx, case_id, _inp(coordinator_ctx, deadline=date(2026, 4, 17))
    )
    change_action_status(coordinator_ctx, done.action_id, ActionStatus.AFGEROND)
    clock.advance(timedelta(days=10))  # 25 April
    rows = list_actions(coordinator_ctx, case_id=case_id)
    assert [(r.action_id, r.overdue_days) for r in rows] == [(late.action_id, 5)]
    everything = list_actions(coordinator_ctx, case_id=case_id, open_only=False)
    assert {r.action_id: r.overdue_days for r in everything} == {
        late.action_id: 5,
        done.action_id: 0,
    }


def test_deadline_can_move_but_not_into_the_past(
    coordinator_ctx: ServiceContext, case_id: str
) -> None:
    row = create_action(coordinator_ctx, case_id, _inp(coordinator_ctx))
    moved = change_action_deadline(coordinator_ctx, row.action_id, date(2026, 5, 8))
    assert moved.deadline == date(2026, 5, 8)
    with pytest.raises(ValidationError) as err:
        change_action_deadline(coordinator_ctx, row.action_id, date(2026, 4, 1))
    assert err.value.field == "deadline"
    assert get_action(coordinator_ctx, row.action_id).deadline == date(2026, 5, 8)
