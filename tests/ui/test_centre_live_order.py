"""Live lists on a centre, the finish: rows that come in above the view leave the rows in
view where they are; a row whose sort value changed moves to its place; the week of home
visits follows in place; and a desk that fell behind the feed reloads each open list once
(a real server on 127.0.0.1 over a cloned database; conditions waited on with a bound)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from PySide6.QtCore import Qt

from sociaalveilig.core.enums import CaseStatus, SignalStatus
from sociaalveilig.services import remote, search, setup, signal_outcomes, signals, visits
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.signal_intake import NO_CASE
from sociaalveilig.services.visits import VisitInput
from sociaalveilig.storage.models import Case, Partner
from sociaalveilig.storage.postgres import feed
from tests.ui.centre_kit import COORDINATOR, PASSPHRASE, SECOND, CentreDesk
from tests.ui.test_centre_live import BOUND_MS, _signal

from sociaalveilig.ui.main_window import MainWindow
from sociaalveilig.ui.models.signals import COL_STATUS
from sociaalveilig.ui.pages.base import Page
from sociaalveilig.ui.pages.signals import SignalsPage
from sociaalveilig.ui.pages.visits import VisitsPage


def _following(desks: CentreDesk, window: MainWindow) -> None:
    follower = window.live_feed.follower
    assert follower is not None and follower.started.wait(BOUND_MS / 1000)


def _from_the_other_desk(desks: CentreDesk, work: Callable[[ServiceContext], Any]) -> Any:
    other = remote.connect(desks.server.url, SECOND, PASSPHRASE)
    try:
        return work(other)
    finally:
        remote.end_session(other)


def _signals_page(desks: CentreDesk, window: MainWindow) -> SignalsPage:
    page = desks.go(window, "Signalen")
    assert isinstance(page, SignalsPage)
    desks.qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() > 40,
                          timeout=BOUND_MS)
    return page


def test_a_signal_arriving_above_the_view_leaves_the_rows_in_view_where_they_are(
    desks: CentreDesk,
) -> None:
    desks.fill_demo(60)
    window = desks.open_window(COORDINATOR)
    page = _signals_page(desks, window)
    model, view = page.model, page.view
    _following(desks, window)
    view.verticalScrollBar().setValue(15)
    desks.wait_idle()
    top = view.rowAt(0)
    first, shown = model.ids[top], model.row_object(top)
    assert top > 0 and shown is not None
    view.select_row(top + 2)
    view.verticalScrollBar().setValue(15)
    chosen = model.ids[top + 2]

    made = _from_the_other_desk(
        desks, lambda c: signals.register_signal(c, _signal("Bovenstraat"), NO_CASE)
    )

    desks.qtbot.waitUntil(lambda: made.signal_id in model.ids, timeout=BOUND_MS)
    assert model.ids.index(made.signal_id) < view.rowAt(0)  # it came in above the view
    assert view.rowAt(0) == top + 1
    assert model.ids[view.rowAt(0)] == first and model.row_object(view.rowAt(0)) is shown
    assert model.ids[view.current_row()] == chosen


def test_a_signal_whose_status_changed_elsewhere_moves_to_its_place_under_the_sort(
    desks: CentreDesk,
) -> None:
    desks.fill_demo(60)
    window = desks.open_window(COORDINATOR)
    page = _signals_page(desks, window)
    model = page.model
    view = page.view
    view.sortByColumn(COL_STATUS, Qt.SortOrder.AscendingOrder)
    desks.qtbot.waitUntil(lambda: model.query.sort == "status" and not model.loading,
                          timeout=BOUND_MS)
    desks.wait_idle()
    _following(desks, window)
    local = setup.context_for(desks.server.store, COORDINATOR)
    assert model.ids == search.signal_ids(local, model.query, log_view=False)
    routed = [
        key for key in model.ids
        if search.signal_rows(local, [key])[0].status is SignalStatus.GEROUTEERD
    ]
    moving = routed[0]
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    before = model.ids.index(moving)

    _from_the_other_desk(
        desks,
        lambda c: signal_outcomes.handle_signal(c, moving, "Fictief: opgelost na gesprek."),
    )

    expected = search.signal_ids(local, model.query, log_view=False)
    assert expected.index(moving) != before
    desks.qtbot.waitUntil(lambda: model.ids.index(moving) == expected.index(moving),
                          timeout=BOUND_MS)
    assert model.ids == expected and resets == []
    row = model.row_object(model.ids.index(moving))
    assert row is not None and row.status is SignalStatus.AFGEHANDELD


def _plan(ctx: ServiceContext, case_id: str, partners: tuple[str, str], start: datetime,
          purpose: str) -> visits.VisitRow:
    return visits.plan_visit(
        ctx,
        VisitInput(case_id=case_id, partner_ids=partners, start=start,
                   end=start + timedelta(minutes=45), purpose=purpose),
    )


def test_a_visit_planned_elsewhere_appears_in_the_open_week_in_place(desks: CentreDesk) -> None:
    desks.fill_demo(30)
    with desks.server.store.read_unit() as session:
        case_id = session.execute(
            select(Case.id).where(Case.status != CaseStatus.AFGESLOTEN.value)
            .order_by(Case.reference).limit(1)
        ).scalar_one()
        partners = tuple(session.execute(
            select(Partner.id).order_by(Partner.name).limit(2)
        ).scalars())
    tomorrow = (datetime.now() + timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
    local = setup.context_for(desks.server.store, COORDINATOR)
    early = _plan(local, case_id, partners, tomorrow.replace(hour=8), "Fictief: eerste bezoek")
    late = _plan(local, case_id, partners, tomorrow.replace(hour=15), "Fictief: laatste bezoek")

    window = desks.open_window(COORDINATOR)
    page = desks.go(window, "Huisbezoeken")
    assert isinstance(page, VisitsPage)
    page.show_week_of(tomorrow.date(), late.visit_id)
    desks.qtbot.waitUntil(lambda: page.model.position_of(late.visit_id) is not None
                          and page.selected_visit() is not None, timeout=BOUND_MS)
    desks.wait_idle()
    _following(desks, window)
    objects = {v.visit_id: v for v in page.model.visits()}
    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(1))
    row, column = page.model.position_of(late.visit_id) or (-1, -1)
    # The demo data may have visits of its own on that day, between the two.
    early_row, early_column = page.model.position_of(early.visit_id) or (-1, -1)
    assert early_column == column and early_row < row

    made = _from_the_other_desk(
        desks,
        lambda c: _plan(c, case_id, partners, tomorrow.replace(hour=11), "Fictief: tussendoor"),
    )

    desks.qtbot.waitUntil(lambda: page.model.position_of(made.visit_id) is not None,
                          timeout=BOUND_MS)
    made_row, made_column = page.model.position_of(made.visit_id) or (-1, -1)
    assert made_column == column and early_row < made_row <= row  # at its time
    day = [page.model.visit_at(r, column) for r in range(early_row, row + 2)]
    starts = [visit.start for visit in day if visit is not None]
    assert len(starts) == len(day) and starts == sorted(starts)  # the day in time order
    assert page.model.position_of(late.visit_id) == (row + 1, column)
    assert resets == []
    assert all(page.model.visit_at(*(page.model.position_of(k) or (-1, -1))) is v
               for k, v in objects.items())
    selected = page.selected_visit()
    assert selected is not None and selected.visit_id == late.visit_id


def test_a_desk_that_fell_behind_the_feed_reloads_each_open_list_once(
    desks: CentreDesk,
) -> None:
    desks.fill_demo(30)
    window = desks.open_window(COORDINATOR)
    opened = ("Casussen", "Huisbezoeken", "Opschalingen", "Overleggen", "Signalen")
    pages: dict[str, Page] = {title: desks.go(window, title) for title in opened}
    signals_page = pages["Signalen"]
    assert isinstance(signals_page, SignalsPage)
    desks.qtbot.waitUntil(lambda: signals_page.model.complete, timeout=BOUND_MS)
    _following(desks, window)
    reloads = {title: 0 for title in opened}
    for title, page in pages.items():
        original = page.refresh

        def counted(title: str = title, original: Callable[[], None] = original) -> None:
            reloads[title] += 1
            original()

        page.refresh = counted  # type: ignore[method-assign]
    batches = window.live_feed.batches

    # The centre is away for a while; meanwhile another desk works and the feed is pruned
    # past this desk's place in it.
    desks.server.stop()
    local = setup.context_for(desks.server.store, SECOND)
    made = [
        signals.register_signal(local, _signal(street), NO_CASE).signal_id
        for street in ("Achterstraat", "Voorstraat")
    ]
    with desks.server.store.unit() as session:
        assert feed.prune(session, datetime.now(UTC) + timedelta(days=1)) > 0
    desks.server.start()

    desks.qtbot.waitUntil(lambda: window.live_feed.batches > batches, timeout=BOUND_MS)
    desks.qtbot.waitUntil(lambda: all(m in signals_page.model.ids for m in made),
                          timeout=BOUND_MS)
    desks.wait_idle()
    assert window.live_feed.batches == batches + 1  # the one "reload"
    assert reloads["Signalen"] == 1
    for title in opened[:-1]:  # the hidden ones: once, when shown again
        assert reloads[title] == 0
        desks.go(window, title)
        assert reloads[title] == 1, title
    desks.go(window, "Signalen")
    assert reloads == {title: 1 for title in opened}
