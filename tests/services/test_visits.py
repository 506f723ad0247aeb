from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from sociaalveilig.core.enums import CaseStatus, Role, VisitOutcome, VisitStatus
from sociaalveilig.core.errors import AccessDenied, NotFound, ValidationError
from sociaalveilig.core.workflow import ALLOWED_TRANSITIONS, WorkflowKind
from sociaalveilig.services.context import FixedClock, ServiceContext
from sociaalveilig.services.visits import (
    VisitAddress,
    VisitInput,
    cancel_visit,
    get_visit,
    move_visit,
    plan_visit,
    record_outcome,
    replan_visit,
    visits_for_user,
    week_plan,
)
from sociaalveilig.storage.models import StatusChange, Visit
from tests.conftest import ActorFactory
from tests.services.seed_casework import HEERLEN, make_case, partner_id

WOCO = "Woningcorporatie"
POLICE = "Politie Limburg"
CARE = "Zorg en hulpverlening"


def _count_visits(ctx: ServiceContext) -> int:
    with ctx.unit() as session:
        return session.execute(select(func.count()).select_from(Visit)).scalar_one()


@pytest.fixture
def case_id(coordinator_ctx: ServiceContext) -> str:
    return make_case(coordinator_ctx, street="Verzonnenlaan", number=7, postcode="6462 CD")


def _inp(ctx: ServiceContext, case_id: str, **changes: object) -> VisitInput:
    values: dict[str, object] = {
        "case_id": case_id,
        "partner_ids": (partner_id(ctx, WOCO), partner_id(ctx, POLICE)),
        "start": datetime(2026, 4, 16, 10, 0),
        "end": datetime(2026, 4, 16, 11, 0),
        "purpose": "Kennismaken en de overlast bespreken.",
        "joint": True,
    }
    values.update(changes)
    return VisitInput(**values)  # type: ignore[arg-type]


def test_plan_a_joint_visit_at_the_case_address(
    coordinator_ctx: ServiceContext, case_id: str
) -> None:
    row = plan_visit(coordinator_ctx, _inp(coordinator_ctx, case_id))
    assert row.status is VisitStatus.GEPLAND
    assert row.address == VisitAddress("6462 CD", 7, None, "Verzonnenlaan", "Kerkrade")
    assert row.address.line == "Verzonnenlaan 7, 6462 CD Kerkrade"
    assert set(row.partner_names) == {WOCO, POLICE}
    assert row.joint is True
    assert row.area == "Kerkrade Oost"
    assert get_visit(coordinator_ctx, row.visit_id) == row


def test_plan_at_another_address(coordinator_ctx: ServiceContext, case_id: str) -> None:
    address = VisitAddress(" 6463ef ", 3, "a", "Andere Weg", "Kerkrade")
    row = plan_visit(coordinator_ctx, _inp(coordinator_ctx, case_id, address=address))
    assert row.address == VisitAddress("6463 EF", 3, "a", "Andere Weg", "Kerkrade")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"start": datetime(2026, 4, 15, 9, 0), "end": datetime(2026, 4, 15, 9, 30)}, "start"),
        ({"end": datetime(2026, 4, 16, 9, 0)}, "end"),
        ({"end": datetime(2026, 4, 16, 10, 0)}, "end"),
        ({"address": VisitAddress("", 0)}, "address"),
        ({"address": VisitAddress("6462 CD", 0)}, "address"),
        ({"address": VisitAddress("1234", 5)}, "postcode"),
        ({"partner_ids": ()}, "partner_ids"),
        ({"partner_ids": ("0" * 32,)}, "partner_ids"),
        ({"purpose": "  "}, "purpose"),
    ],
)
def test_bad_visits_are_refused(
    coordinator_ctx: ServiceContext, case_id: str, changes: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as err:
        plan_visit(coordinator_ctx, _inp(coordinator_ctx, case_id, **changes))
    assert err.value.field == field
    assert _count_visits(coordinator_ctx) == 0


def test_joint_visit_with_one_partner_is_refused(
    coordinator_ctx: ServiceContext, case_id: str
) -> None:
    one = (partner_id(coordinator_ctx, WOCO),)
    with pytest.raises(ValidationError) as err:
        plan_visit(coordinator_ctx, _inp(coordinator_ctx, case_id, partner_ids=one))
    assert err.value.field == "partner_ids"
    assert "twee partners" in str(err.value)
    # The same partner twice is still one partner.
    with pytest.raises(ValidationError):
        plan_visit(coordinator_ctx, _inp(coordinator_ctx, case_id, partner_ids=one * 2))
    assert _count_visits(coordinator_ctx) == 0
    row = plan_visit(coordinator_ctx, _inp(coordinator_ctx, case_id, partner_ids=one, joint=False))
    assert row.joint is False


def test_no_visit_on_a_closed_case(coordinator_ctx: ServiceContext) -> None:
    closed = make_case(coordinator_ctx, status=CaseStatus.AFGESLOTEN)
    with pytest.raises(ValidationError) as err:
        plan_visit(coordinator_ctx, _inp(coordinator_ctx, closed))
    assert err.value.field == "case_id"


def _to_status(ctx: ServiceContext, visit_id: str, status: VisitStatus) -> None:
    if status is VisitStatus.GEANNULEERD:
        cancel_visit(ctx, visit_id, "bewoner verhuisd")
    elif status is not VisitStatus.GEPLAND:
        record_outcome(ctx, visit_id, VisitOutcome(status.value), "aantekening")


TARGETS = [s for s in VisitStatus if s is not VisitStatus.GEPLAND]


@pytest.mark.parametrize("start", list(VisitStatus))
@pytest.mark.parametrize("target", TARGETS)
def test_every_visit_transition_through_the_service(
    coordinator_ctx: ServiceContext,
    case_id: str,
    clock: FixedClock,
    start: VisitStatus,
    target: VisitStatus,
) -> None:
    row = plan_visit(coordinator_ctx, _inp(coordinator_ctx, case_id))
    clock.set(datetime(2026, 4, 16, 11, 0))
    _to_status(coordinator_ctx, row.visit_id, start)
    if target in ALLOWED_TRANSITIONS[WorkflowKind.VISIT][start]:
        _to_status(coordinator_ctx, row.visit_id, target)
        assert get_visit(coordinator_ctx, row.visit_id).status is target
        with coordinator_ctx.unit() as session:
            history = session.execute(
                select(StatusChange.from_status, StatusChange.to_status)
                .where(StatusChange.object_id == row.visit_id)
                .order_by(StatusChange.id)
            ).all()
        assert history == [(None, "gepland"), ("gepland", target.value)]
    else:
        with pytest.raises(ValidationError) as err:
            _to_status(coordinator_ctx, row.visit_id, target)
        assert err.value.field == "status"
        assert get_visit(coordinator_ctx, row.visit_id).status is start


def test_outcome_before_the_visit_is_refused(coordinator_ctx: ServiceContext, case_id: str) -> None:
    row = plan_visit(coordinator_ctx, _inp(coordinator_ctx, case_id))
    with pytest.raises(ValidationError) as err:
        record_outcome(coordinator_ctx, row.visit_id, VisitOutcome.UITGEVOERD, "goed gesprek")
    assert err.value.field == "outcome"
    assert get_visit(coordinator_ctx, row.visit_id).status is VisitStatus.GEPLAND


def test_done_needs_notes(coordinator_ctx: ServiceContext, case_id: str, clock: FixedClock) -> None:
    row = plan_visit(coordinator_ctx, _inp(coordinator_ctx, case_id))
    clock.set(datetime(2026, 4, 16, 11, 0))
    with pytest.raises(ValidationError) as err:
        record_outcome(coordinator_ctx, row.visit_id, VisitOutcome.UITGEVOERD, "")
    assert err.value.field == "notes"
    done = record_outcome(coordinator_ctx, row.visit_id, "uitgevoerd", "Afspraken gemaakt.")
    assert done.visit.outcome_notes == "Afspraken gemaakt."
    assert done.proposed_start is None


@pytest.mark.parametrize(
    ("now", "visit_start", "expected"),
    [
        # An ordinary Wednesday: Thursday, same time.
        (datetime(2026, 4, 15, 8, 0), datetime(2026, 4, 15, 9, 30), datetime(2026, 4, 16, 9, 30)),
        # Friday 24 April: Monday 27 April is King's Day, so Tuesday 28 April.
        (datetime(2026, 4, 20, 8, 0), datetime(2026, 4, 24, 14, 0), datetime(2026, 4, 28, 14, 0)),
        # Thursday 2 April: Good Friday, the weekend and Easter Monday 6 April are skipped.
        (datetime(2026, 3, 30, 8, 0), datetime(2026, 4, 2, 14, 0), datetime(2026, 4, 7, 14, 0)),
    ],
)
def test_nobody_home_proposes_the_next_working_day(
    coordinator_ctx: ServiceContext,
    case_id: str,
    clock: FixedClock,
    now: datetime,
    visit_start: datetime,
    expected: datetime,
) -> None:
    clock.set(now)
    row = plan_visit(
        coordinator_ctx,
        _inp(coordinator_ctx, case_id, start=visit_start, end=visit_start + timedelta(hours=1)),
    )
    clock.set(visit_start + timedelta(hours=2))
    result = record_outcome(coordinator_ctx, row.visit_id, VisitOutcome.NIEMAND_THUIS)
    assert result.visit.status is VisitStatus.NIEMAND_THUIS
    assert result.proposed_start == expected
    follow = replan_visit(coordinator_ctx, row.visit_id, result.proposed_start)
    assert follow.follow_up_of == row.visit_id
    assert follow.start == expected
    assert follow.end == expected + timedelta(hours=1)
    assert set(follow.partner_ids) == set(row.partner_ids)
    assert follow.address == row.address
    assert follow.status is VisitStatus.GEPLAND


def test_outcome_recorded_late_proposes_after_today(
    coordinator_ctx: ServiceContext, case_id: str, clock: FixedClock
) -> None:
    row = plan_visit(coordinator_ctx, _inp(coordinator_ctx, case_id))
    clock.set(datetime(2026, 4, 24, 9, 0))  # Friday, a week later
    result = record_outcome(coordinator_ctx, row.visit_id, VisitOutcome.NIEMAND_THUIS)
    assert result.proposed_start == datetime(2026, 4, 28, 10, 0)


def test_replan_rules(coordinator_ctx: ServiceContext, case_id: str, clock: FixedClock) -> None:
    row = plan_visit(coordinator_ctx, _inp(coordinator_ctx, case_id))
    with pytest.raises(ValidationError) as err:
        replan_visit(coordinator_ctx, row.visit_id, datetime(2026, 4, 20, 10, 0))
    assert "Verplaats" in str(err.value)
    clock.set(datetime(2026, 4, 16, 12, 0))
    record_outcome(coordinator_ctx, row.visit_id, VisitOutcome.GEWEIGERD, "Deur niet open.")
    with pytest.raises(ValidationError) as err:
        replan_visit(coordinator_ctx, row.visit_id, datetime(2026, 4, 16, 9, 0))
    assert err.value.field == "start"
    replan_visit(coordinator_ctx, row.visit_id, datetime(2026, 4, 20, 10, 0))
    with pytest.raises(ValidationError) as err:
        replan_visit(coordinator_ctx, row.visit_id, datetime(2026, 4, 21, 10, 0))
    assert err.value.field == "visit_id"
    assert _count_visits(coordinator_ctx) == 2


def test_move_visit(coordinator_ctx: ServiceContext, case_id: str, clock: FixedClock) -> None:
    row = plan_visit(coordinator_ctx, _inp(coordinator_ctx, case_id))
    moved = move_visit(coordinator_ctx, row.visit_id, datetime(2026, 4, 17, 13, 30))
    assert (moved.start, moved.end) == (
        datetime(2026, 4, 17, 13, 30),
        datetime(2026, 4, 17, 14, 30),
    )
    with pytest.raises(ValidationError) as err:
        move_visit(coordinator_ctx, row.visit_id, datetime(2026, 4, 14, 13, 30))
    assert err.value.field == "start"
    clock.set(datetime(2026, 4, 17, 15, 0))
    record_outcome(coordinator_ctx, row.visit_id, VisitOutcome.UITGEVOERD, "Goed gesprek.")
    with pytest.raises(ValidationError):
        move_visit(coordinator_ctx, row.visit_id, datetime(2026, 4, 20, 13, 30))


def test_cancel_needs_a_reason(coordinator_ctx: ServiceContext, case_id: str) -> None:
    row = plan_visit(coordinator_ctx, _inp(coordinator_ctx, case_id))
    with pytest.raises(ValidationError) as err:
        cancel_visit(coordinator_ctx, row.visit_id, " ")
    assert err.value.field == "reason"
    assert cancel_visit(coordinator_ctx, row.visit_id, "Afgezegd").status is VisitStatus.GEANNULEERD


def test_week_plan_lists_the_week_in_time_order(
    coordinator_ctx: ServiceContext, case_id: str
) -> None:
    def plan(start: datetime) -> str:
        return plan_visit(
            coordinator_ctx,
            _inp(coordinator_ctx, case_id, start=start, end=start + timedelta(minutes=45)),
        ).visit_id

    friday = plan(datetime(2026, 4, 17, 9, 0))
    thursday = plan(datetime(2026, 4, 16, 14, 0))
    cancelled = plan(datetime(2026, 4, 16, 15, 0))
    cancel_visit(coordinator_ctx, cancelled, "Afgezegd")
    plan(datetime(2026, 4, 20, 9, 0))  # next week
    week = week_plan(coordinator_ctx, date(2026, 4, 13))
    assert [r.visit_id for r in week] == [thursday, friday]
    # Any day of the week gives the same week.
    assert week_plan(coordinator_ctx, date(2026, 4, 19)) == week
    with_cancelled = week_plan(coordinator_ctx, date(2026, 4, 13), include_cancelled=True)
    assert [r.visit_id for r in with_cancelled] == [thursday, cancelled, friday]


def test_partners_see_only_their_own_visits(
    coordinator_ctx: ServiceContext, case_id: str, make_actor: ActorFactory, clock: FixedClock
) -> None:
    shared = plan_visit(coordinator_ctx, _inp(coordinator_ctx, case_id)).visit_id
    care = plan_visit(
        coordinator_ctx,
        _inp(
            coordinator_ctx,
            case_id,
            partner_ids=(partner_id(coordinator_ctx, CARE),),
            joint=False,
        ),
        confirm_clash=True,  # the same address at the same time: a confirmed double booking
    ).visit_id
    woco = make_actor(Role.PARTNER, partner=WOCO)
    assert [r.visit_id for r in visits_for_user(woco)] == [shared]
    assert [r.visit_id for r in week_plan(woco, date(2026, 4, 13))] == [shared]
    # Another organisation's visit reads as a missing one (guessing ids tells nothing).
    with pytest.raises(NotFound, match=r"^Huisbezoek niet gevonden\.$"):
        get_visit(woco, care)
    clock.set(datetime(2026, 4, 16, 12, 0))
    with pytest.raises(NotFound, match=r"^Huisbezoek niet gevonden\.$"):
        record_outcome(woco, care, VisitOutcome.UITGEVOERD, "notitie")
    result = record_outcome(woco, shared, VisitOutcome.UITGEVOERD, "Samen gesproken.")
    assert result.visit.status is VisitStatus.UITGEVOERD
    with pytest.raises(AccessDenied):
        plan_visit(
            woco,
            _inp(
                coordinator_ctx,
                case_id,
                start=datetime(2026, 4, 20, 9, 0),
                end=datetime(2026, 4, 20, 10, 0),
            ),
        )
    outsider = make_actor(Role.WIJKAGENT, areas=[HEERLEN])
    assert visits_for_user(outsider) == []
    assert len(visits_for_user(coordinator_ctx, statuses=None)) == 2
