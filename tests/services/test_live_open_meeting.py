"""The open meeting's detail after another desk changed agenda items the window does not
show (``services/live.open_meeting_update``): the detail when one of them is on the
meeting now, audited as opening it; nothing (and nothing logged) when none is; refused
as opening the meeting is to whom may not read it."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from sociaalveilig.core.enums import MeetingType, Role
from sociaalveilig.core.errors import AccessDenied
from sociaalveilig.services import live, meeting_agenda, meeting_planning
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage.models import AuditEntry
from tests.conftest import ActorFactory
from tests.services.seed_casework import HEERLEN, KERKRADE, make_case, partner_id

POLICE = "Politie Limburg"


def _meeting(ctx: ServiceContext, day: int, area: str = KERKRADE) -> str:
    return meeting_planning.plan_meeting(
        ctx, area, MeetingType.FL, datetime(2026, 4, day, 10, 30),
        "Coördinatiecentrum Hoensbroek", [partner_id(ctx, POLICE)],
    ).meeting_id


def _meeting_views(admin: ServiceContext, meeting_id: str) -> int:
    with admin.unit() as session:
        return int(
            session.execute(
                select(func.count()).select_from(AuditEntry).where(
                    AuditEntry.object_type == "meeting",
                    AuditEntry.object_id == meeting_id,
                    AuditEntry.action == "view",
                )
            ).scalar_one()
        )


def test_the_detail_comes_only_when_an_item_is_on_the_open_meeting(
    admin_ctx: ServiceContext, coordinator_ctx: ServiceContext
) -> None:
    shown = _meeting(coordinator_ctx, 15)
    other = _meeting(coordinator_ctx, 22)
    elsewhere = meeting_agenda.add_agenda_item(
        coordinator_ctx, other, case_id=make_case(coordinator_ctx, number=1)
    ).items[0].item_id
    logged = _meeting_views(admin_ctx, shown)

    assert live.open_meeting_update(coordinator_ctx, shown, [elsewhere, "onbekend"]) is None
    assert _meeting_views(admin_ctx, shown) == logged  # nothing shown, nothing logged

    added = meeting_agenda.add_agenda_item(
        coordinator_ctx, shown, case_id=make_case(coordinator_ctx, number=2)
    )
    logged = _meeting_views(admin_ctx, shown)
    detail = live.open_meeting_update(
        coordinator_ctx, shown, [elsewhere, added.items[0].item_id]
    )

    assert detail == meeting_agenda.get_meeting(coordinator_ctx, shown)
    assert _meeting_views(admin_ctx, shown) == logged + 2  # this answer and the check's


def test_a_meeting_out_of_reach_is_refused_whatever_the_items(
    coordinator_ctx: ServiceContext, make_actor: ActorFactory
) -> None:
    heerlen = _meeting(coordinator_ctx, 15, HEERLEN)
    outsider = make_actor(Role.WIJKAGENT, username="wijkagent-kerkrade", areas=[KERKRADE])
    with pytest.raises(AccessDenied):
        live.open_meeting_update(outsider, heerlen, [])
    manager = make_actor(Role.MANAGER, username="manager")
    with pytest.raises(AccessDenied):
        live.open_meeting_update(manager, heerlen, [])
