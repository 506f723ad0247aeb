"""The rows a window asks for after a change (``services/live.signal_update`` /
``case_update``): under the list's own filter and the user's need-to-know, with their
place in the list, and the ids that no longer belong; through the centre's server too."""

from __future__ import annotations

import pytest

from sociaalveilig.core.enums import Role, SignalStatus
from sociaalveilig.services import live, search
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.search import CaseQuery, SignalQuery
from tests.conftest import ActorFactory
from tests.services.seed_casework import HEERLEN, KERKRADE, area_id, make_case, make_signal

pytestmark = pytest.mark.parametrize("backend", ["postgresql", "centre"], indirect=True)


def test_signal_rows_come_under_the_lists_filter_with_their_place(
    admin_ctx: ServiceContext, make_actor: ActorFactory
) -> None:
    coordinator = make_actor(Role.COORDINATOR)
    kept = make_signal(admin_ctx, number=1)
    handled = make_signal(admin_ctx, number=2, status=SignalStatus.AFGEHANDELD)
    query = SignalQuery(statuses=(SignalStatus.GEROUTEERD.value,))
    update = live.signal_update(coordinator, query, [kept, handled, "onbekend-id"])
    assert [row.signal_id for row in update.rows] == [kept]
    assert set(update.gone) == {handled, "onbekend-id"}
    order = search.signal_ids(coordinator, query)
    assert update.positions == (order.index(kept),)


def test_a_wijkagent_gets_no_row_outside_its_areas(
    admin_ctx: ServiceContext, make_actor: ActorFactory
) -> None:
    wijkagent = make_actor(Role.WIJKAGENT, areas=[KERKRADE])
    own = make_signal(admin_ctx, area=KERKRADE, number=3)
    elsewhere = make_signal(admin_ctx, area=HEERLEN, postcode="6411 AA", number=4)
    update = live.signal_update(wijkagent, SignalQuery(), [own, elsewhere])
    assert [row.signal_id for row in update.rows] == [own]
    assert update.gone == (elsewhere,)


def test_case_rows_and_the_cases_that_left_the_list(
    admin_ctx: ServiceContext, make_actor: ActorFactory
) -> None:
    wijkagent = make_actor(Role.WIJKAGENT, areas=[KERKRADE])
    ours = make_case(admin_ctx, area=KERKRADE, number=5)
    theirs = make_case(admin_ctx, area=HEERLEN, postcode="6411 AA", number=6)
    query = CaseQuery(area_ids=(area_id(admin_ctx, KERKRADE),))
    update = live.case_update(wijkagent, query, [ours, theirs])
    assert [row.case_id for row in update.rows] == [ours] and update.gone == (theirs,)
    assert update.positions == (search.case_ids(wijkagent, query).index(ours),)
