"""Lists that stay current on a centre: what one desk changes appears in another desk's
open list and open case, in place, without anyone pressing anything (a real server on
127.0.0.1 over a cloned database; the other desk's windows follow the change feed)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from sociaalveilig.services import actions, centre, remote, signals, users
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.signal_intake import NO_CASE, SignalInput
from sociaalveilig.storage.models import Action, Partner
from tests.conftest import ADMIN, ADMIN_PASSPHRASE
from tests.ui.centre_kit import COORDINATOR, PASSPHRASE, SECOND, CentreDesk, CentreServer

from sociaalveilig.ui.live_feed import LiveFeed
from sociaalveilig.ui.models.lazy import IdRole
from sociaalveilig.ui.pages.cases import CasesPage
from sociaalveilig.ui.pages.signals import SignalsPage
from sociaalveilig.ui.pages.today import TodayPage

BOUND_MS = 20_000
PARTNER = "partner-wonen"
PARTNER_PASSPHRASE = "partner-eigen-wachtwoord-5"


def _signal(street: str, urgency: str = "normaal") -> SignalInput:
    return SignalInput(
        urgency=urgency,
        received_at=datetime.now().replace(second=0, microsecond=0) - timedelta(minutes=1),
        source="politie",
        category="WO-OVL",
        postcode="6463 ab",
        house_number=12,
        street=street,
        city="Kerkrade",
        description="Fictieve melding: harde muziek tot diep in de nacht.",
    )


def test_a_signal_registered_by_one_desk_appears_in_place_in_anothers_open_list(
    desks: CentreDesk,
) -> None:
    desks.fill_demo(30)
    window = desks.open_window(COORDINATOR)
    page = desks.go(window, "Signalen")
    assert isinstance(page, SignalsPage)
    model = page.model
    desks.qtbot.waitUntil(lambda: model.complete and model.rowCount() > 5, timeout=BOUND_MS)
    assert window.live_feed.follower is not None
    assert window.live_feed.follower.started.wait(BOUND_MS / 1000)
    page.view.select_row(3)
    chosen = model.data(model.index(3, 0), IdRole)
    before = {model.ids[r]: model.row_object(r) for r in range(model.rowCount())}
    assert all(row is not None for row in before.values())
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    fetched = list(model.fetched_pages)

    other = remote.connect(desks.server.url, SECOND, PASSPHRASE)
    try:
        made = signals.register_signal(other, _signal("Nieuwestraat"), NO_CASE)
    finally:
        remote.end_session(other)

    desks.qtbot.waitUntil(lambda: made.signal_id in model.ids, timeout=BOUND_MS)
    assert model.rowCount() == len(before) + 1
    assert resets == [] and model.fetched_pages == fetched  # nothing reloaded
    new_row = model.ids.index(made.signal_id)
    assert model.row_object(new_row) is not None  # its row came with the change
    # The other rows are the same objects as before, and the same record stays selected.
    assert all(model.row_object(model.ids.index(key)) is row for key, row in before.items())
    selected = page.view.selectionModel().selectedRows()
    assert [model.data(index, IdRole) for index in selected] == [chosen]


def test_an_acute_signal_from_another_desk_shows_on_vandaag(desks: CentreDesk) -> None:
    window = desks.open_window(COORDINATOR)
    page = desks.go(window, "Vandaag")
    assert isinstance(page, TodayPage)
    assert window.live_feed.follower is not None
    assert window.live_feed.follower.started.wait(BOUND_MS / 1000)

    other = remote.connect(desks.server.url, SECOND, PASSPHRASE)
    try:
        made = signals.register_signal(other, _signal("Spoedstraat", "acuut"), NO_CASE)
    finally:
        remote.end_session(other)

    desks.qtbot.waitUntil(
        lambda: made.signal_id in {item.signal_id for item in page.triage_model.rows},
        timeout=BOUND_MS,
    )


def test_an_action_completed_by_a_partner_shows_on_the_coordinators_open_case(
    desks: CentreDesk, centre_server: CentreServer
) -> None:
    desks.fill_demo(30)
    with centre_server.store.read_unit() as session:
        action_id, case_id, partner_id = session.execute(
            select(Action.id, Action.case_id, Action.owner_partner_id)
            .where(Action.status == "open")
            .order_by(Action.reference)
            .limit(1)
        ).one()
        partner_name = session.execute(
            select(Partner.name).where(Partner.id == partner_id)
        ).scalar_one()
    admin = centre.centre_login(centre_server.store.url, ADMIN, ADMIN_PASSPHRASE)
    try:
        users.add_user(admin, PARTNER, "partner", "door-beheer-gezet-wachtwoord-3",
                       partner=partner_name)
    finally:
        admin.store.close()
    centre.change_passphrase(
        centre_server.store.url, PARTNER, "door-beheer-gezet-wachtwoord-3", PARTNER_PASSPHRASE
    )

    window = desks.open_window(COORDINATOR)
    page = desks.go(window, "Casussen")
    assert isinstance(page, CasesPage)
    window.open_case(case_id)
    view = page.case_view
    desks.qtbot.waitUntil(
        lambda: view.detail is not None and view.detail.case_id == case_id, timeout=BOUND_MS
    )
    assert window.live_feed.follower is not None
    assert window.live_feed.follower.started.wait(BOUND_MS / 1000)
    shown = view.detail
    assert shown is not None

    partner = remote.connect(desks.server.url, PARTNER, PARTNER_PASSPHRASE)
    try:
        actions.complete_action(partner, action_id, "Fictief: gesprek gevoerd, afspraken gemaakt.")
    finally:
        remote.end_session(partner)

    desks.qtbot.waitUntil(
        lambda: view.detail is not shown and view.detail is not None
        and len(view.detail.timeline) > len(shown.timeline),
        timeout=BOUND_MS,
    )
    assert view.detail is not None and view.detail.case_id == case_id


def test_a_desk_on_its_own_store_follows_no_feed(admin_ctx: ServiceContext) -> None:
    feed = LiveFeed()
    feed.follow(admin_ctx)  # one writer: nothing to hear
    assert feed.follower is None
