"""Double bookings (issue 14): a partner or an address with two overlapping planned visits
is refused until confirmed; nothing is planned by a refused call."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from sociaalveilig.services import visits
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.visit_clashes import VisitClash
from sociaalveilig.services.visits import VisitInput
from sociaalveilig.storage.models import AuditEntry, Visit
from tests.services.seed_casework import make_case, partner_id

POLICE = "Politie Limburg"
HOUSING = "Woningcorporatie"
CARE = "Zorg en hulpverlening"
TEN = datetime(2026, 4, 16, 10, 0)


def _inp(ctx: ServiceContext, case_id: str, start: datetime, *partners: str) -> VisitInput:
    return VisitInput(
        case_id=case_id,
        partner_ids=tuple(partner_id(ctx, p) for p in partners),
        start=start,
        end=start + timedelta(hours=1),
        purpose="Kennismaken",
        joint=len(partners) > 1,
    )


def _count(ctx: ServiceContext) -> int:
    with ctx.unit() as session:
        return session.execute(select(func.count()).select_from(Visit)).scalar_one()


def test_a_partner_booked_elsewhere_at_that_hour_is_refused_until_confirmed(
    coordinator_ctx: ServiceContext,
) -> None:
    first = make_case(coordinator_ctx, number=12)
    second = make_case(coordinator_ctx, number=40, street="Proefpad")
    visits.plan_visit(coordinator_ctx, _inp(coordinator_ctx, first, TEN, POLICE, HOUSING))
    before = _count(coordinator_ctx)
    half_past = TEN + timedelta(minutes=30)
    with pytest.raises(VisitClash) as refused:
        visits.plan_visit(coordinator_ctx, _inp(coordinator_ctx, second, half_past, POLICE))
    assert _count(coordinator_ctx) == before  # nothing half-planned
    clash = refused.value.clashes[0]
    assert clash.partners == (POLICE,) and not clash.same_address
    assert clash.start == TEN and "Fictiefstraat 12" in clash.address
    message = str(refused.value)
    assert POLICE in message and "16-04-2026 10:00" in message
    assert "Fictiefstraat" not in message  # the message may be logged: no address in it
    assert refused.value.exit_code == 4
    row = visits.plan_visit(
        coordinator_ctx, _inp(coordinator_ctx, second, half_past, POLICE), confirm_clash=True
    )
    assert _count(coordinator_ctx) == before + 1 and row.start == half_past
    with coordinator_ctx.unit() as session:
        purposes = session.execute(
            select(AuditEntry.purpose).where(
                AuditEntry.action == "create", AuditEntry.object_id == row.visit_id
            )
        ).scalars().all()
    assert purposes == ["dubbele boeking bevestigd"]


def test_the_same_address_at_that_hour_clashes_with_other_partners_too(
    coordinator_ctx: ServiceContext,
) -> None:
    case_id = make_case(coordinator_ctx)
    visits.plan_visit(coordinator_ctx, _inp(coordinator_ctx, case_id, TEN, POLICE))
    with pytest.raises(VisitClash) as refused:
        visits.plan_visit(
            coordinator_ctx, _inp(coordinator_ctx, case_id, TEN + timedelta(minutes=59), CARE)
        )
    assert refused.value.clashes[0].same_address and refused.value.clashes[0].partners == ()


def test_back_to_back_visits_and_cancelled_visits_do_not_clash(
    coordinator_ctx: ServiceContext,
) -> None:
    case_id = make_case(coordinator_ctx)
    other = make_case(coordinator_ctx, number=40, street="Proefpad")
    visits.plan_visit(coordinator_ctx, _inp(coordinator_ctx, case_id, TEN, POLICE))
    # Starts when the first ends: no overlap.
    visits.plan_visit(coordinator_ctx, _inp(coordinator_ctx, other, TEN + timedelta(hours=1),
                                            POLICE))
    # A cancelled visit no longer books its partner.
    late = visits.plan_visit(
        coordinator_ctx, _inp(coordinator_ctx, other, datetime(2026, 4, 17, 9, 0), HOUSING)
    )
    visits.cancel_visit(coordinator_ctx, late.visit_id, "Verzet door de bewoner gevraagd.")
    again = visits.plan_visit(
        coordinator_ctx, _inp(coordinator_ctx, case_id, datetime(2026, 4, 17, 9, 0), HOUSING)
    )
    assert again.start == datetime(2026, 4, 17, 9, 0)


def test_moving_a_visit_onto_a_booked_hour_asks_too_but_not_against_itself(
    coordinator_ctx: ServiceContext,
) -> None:
    case_id = make_case(coordinator_ctx)
    other = make_case(coordinator_ctx, number=40, street="Proefpad")
    visits.plan_visit(coordinator_ctx, _inp(coordinator_ctx, case_id, TEN, POLICE))
    moving = visits.plan_visit(
        coordinator_ctx, _inp(coordinator_ctx, other, datetime(2026, 4, 17, 9, 0), POLICE)
    )
    # Half an hour later overlaps its own old time only: fine.
    visits.move_visit(coordinator_ctx, moving.visit_id, datetime(2026, 4, 17, 9, 30))
    with pytest.raises(VisitClash):
        visits.move_visit(coordinator_ctx, moving.visit_id, TEN)
    assert visits.get_visit(coordinator_ctx, moving.visit_id).start == datetime(2026, 4, 17, 9, 30)
    moved = visits.move_visit(coordinator_ctx, moving.visit_id, TEN, confirm_clash=True)
    assert moved.start == TEN
