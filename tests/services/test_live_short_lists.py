"""The rows an open week of home visits, month of meetings or list of escalations asks
for after another desk's change (``services/live.visit_update`` / ``meeting_update`` /
``escalation_update``): the changed ids under the page's own filter and scope, audited as
the list's own load is, and the ids that are not in that list."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from sociaalveilig import demo
from sociaalveilig.core.enums import EscalationStatus, Role
from sociaalveilig.services import escalations, live, meeting_planning, visits
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage.models import AuditEntry
from tests.conftest import ActorFactory

FAR_BACK = date(2000, 1, 1)


def _views(admin: ServiceContext, object_type: str) -> int:
    with admin.unit() as session:
        return int(
            session.execute(
                select(func.count()).select_from(AuditEntry).where(
                    AuditEntry.object_type == object_type, AuditEntry.action == "view"
                )
            ).scalar_one()
        )


def test_visit_rows_of_the_week_shown_and_the_rest_gone(
    admin_ctx: ServiceContext, coordinator_ctx: ServiceContext
) -> None:
    demo.fill_demo(admin_ctx, 30)
    every = visits.visits_for_user(coordinator_ctx, FAR_BACK, statuses=None)
    first = min(every, key=lambda v: v.start)
    monday = first.start.date() - timedelta(days=first.start.weekday())
    week = {v.visit_id for v in visits.week_plan(coordinator_ctx, monday)}
    elsewhere = next(v.visit_id for v in every if v.visit_id not in week)
    logged = _views(admin_ctx, "visit_week")

    update = live.visit_update(coordinator_ctx, monday, [first.visit_id, elsewhere, "onbekend"])

    assert [row.visit_id for row in update.rows] == [first.visit_id]
    assert update.rows[0] == visits.get_visit(coordinator_ctx, first.visit_id)
    assert set(update.gone) == {elsewhere, "onbekend"}
    assert _views(admin_ctx, "visit_week") == logged + 1  # as the week's own load


def test_meeting_rows_under_the_month_and_type_filter(
    admin_ctx: ServiceContext, coordinator_ctx: ServiceContext
) -> None:
    demo.fill_demo(admin_ctx, 30)
    every = meeting_planning.list_meetings(coordinator_ctx, FAR_BACK, date(2100, 1, 1))
    chosen = every[0]
    first = chosen.starts_at.date().replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    other_type = next(
        (m for m in every if m.meeting_type is not chosen.meeting_type), None
    )
    ids = [chosen.meeting_id] + ([other_type.meeting_id] if other_type else [])

    update = live.meeting_update(
        coordinator_ctx, first, last, None, chosen.meeting_type, ids
    )

    assert [row.meeting_id for row in update.rows] == [chosen.meeting_id]
    assert update.gone == tuple(ids[1:])


def test_escalation_rows_under_the_status_filter_and_out_of_scope_ones_gone(
    admin_ctx: ServiceContext, coordinator_ctx: ServiceContext, make_actor: ActorFactory
) -> None:
    demo.fill_demo(admin_ctx, 30)
    every = escalations.list_escalations(coordinator_ctx)
    assert every
    chosen = every[0]
    update = live.escalation_update(coordinator_ctx, chosen.status, False, [chosen.escalation_id])
    assert update.rows == (chosen,) and update.gone == ()
    other = next(s for s in EscalationStatus if s is not chosen.status)
    update = live.escalation_update(coordinator_ctx, other, False, [chosen.escalation_id])
    assert update.rows == () and update.gone == (chosen.escalation_id,)
    # A wijkagent without the case's focus area does not get the row.
    outsider = make_actor(Role.WIJKAGENT, areas=[])
    update = live.escalation_update(outsider, None, False, [chosen.escalation_id])
    assert update.rows == () and update.gone == (chosen.escalation_id,)
