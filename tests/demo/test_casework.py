"""The demo as a living region: every page's service has fictional work to show, the
history keeps the services' own timing rules, and the same seed gives the same region."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from sociaalveilig import demo
from sociaalveilig.core.enums import (
    ActionStatus,
    EscalationStatus,
    EscalationTarget,
    Role,
    Source,
    VisitStatus,
)
from sociaalveilig.demo.casework import Timeline
from sociaalveilig.services import (
    actions,
    buurtschouw,
    context,
    escalations,
    meetings,
    signal_records,
    users,
    visits,
    worklist,
)
from sociaalveilig.services.context import Actor, FixedClock, ServiceContext
from sociaalveilig.services.maintenance import verify
from sociaalveilig.services.setup import context_for, create_store
from sociaalveilig.storage.models import (
    Action,
    AgendaItem,
    CasePerson,
    Escalation,
    FocusArea,
    Meeting,
    Person,
    Signal,
    SignalPerson,
    StatusChange,
    User,
    UserArea,
    Visit,
)
from sociaalveilig.storage.sqlite.store import Store
from tests.conftest import _TEMPLATE_KEY, ADMIN, ADMIN_PASSPHRASE, TEST_NOW

TODAY = TEST_NOW.date()


def _open_copy(template: Path, target: Path) -> ServiceContext:
    shutil.copytree(template, target)
    store = Store.open_with_key(target, bytearray(_TEMPLATE_KEY["key"]))
    return context_for(store, ADMIN, FixedClock(TEST_NOW))


@pytest.fixture(scope="module")
def region(
    template_store: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServiceContext]:
    """One demo store of 300 signals for the read-only checks of this module."""
    ctx = _open_copy(template_store[0], tmp_path_factory.mktemp("region") / "store")
    demo.fill_demo(ctx, 300)
    yield ctx
    ctx.store.close()


def _as(ctx: ServiceContext, username: str) -> ServiceContext:
    with ctx.unit() as session:
        user = session.execute(select(User).where(User.username == username)).scalar_one()
        areas = frozenset(
            session.execute(
                select(UserArea.focus_area_id).where(UserArea.user_id == user.id)
            ).scalars()
        )
        actor = Actor(
            user.id, user.username, user.display_name, Role(user.role), user.partner_id, areas
        )
    return ctx.with_actor(actor)


@pytest.fixture(scope="module")
def coordinator(region: ServiceContext) -> ServiceContext:
    return _as(region, demo.DEMO_WORKER)


# --------------------------------------------------------------------------- the timeline


def test_timeline_runs_events_in_time_order_and_never_after_now() -> None:
    now = datetime(2026, 4, 15, 10, 0)
    line = Timeline(now)
    seen: list[tuple[str, datetime]] = []

    def note(name: str) -> None:
        seen.append((name, line.clock.now()))
        if name == "early":
            # A follow-up for a moment already passed runs at the current moment.
            assert line.at(now - timedelta(days=9), lambda: note("late follow-up"))

    assert line.at(now - timedelta(days=2), lambda: note("middle"))
    assert line.at(now - timedelta(days=5), lambda: note("early"))
    assert line.at(now, lambda: note("now"))
    assert not line.at(now + timedelta(minutes=1), lambda: note("future"))
    line.run()
    assert seen == [
        ("early", now - timedelta(days=5)),
        ("late follow-up", now - timedelta(days=5)),
        ("middle", now - timedelta(days=2)),
        ("now", now),
    ]
    assert line.clock.now() == now


# --------------------------------------------------------------------------- every page


def test_meetings_page_has_held_and_upcoming_meetings_in_every_area(
    coordinator: ServiceContext,
) -> None:
    listed = meetings.list_meetings(
        coordinator, TODAY - timedelta(days=60), TODAY + timedelta(days=30)
    )
    assert listed
    per_area = Counter(m.area for m in listed)
    with coordinator.unit() as session:
        areas = set(session.execute(select(FocusArea.name)).scalars())
    assert set(per_area) == areas
    assert all(count >= 3 for count in per_area.values())
    statuses = Counter(m.status for m in listed)
    assert statuses[meetings.MeetingStatus.GEHOUDEN] >= 8
    assert statuses[meetings.MeetingStatus.GEANNULEERD] >= 1
    past = [m for m in listed if m.starts_at < TEST_NOW]
    upcoming = [m for m in listed if m.starts_at > TEST_NOW]
    assert {m.meeting_type for m in past} == set(meetings.MeetingType)
    assert upcoming and all(m.status is meetings.MeetingStatus.GEPLAND for m in upcoming)
    # Upcoming agendas are built from the proposals; some went out already.
    assert any(m.item_count for m in upcoming)
    assert any(m.agenda_sent_at is not None for m in upcoming)
    # A held meeting has minutes: decisions on its items, and actions with owners.
    held = [m for m in past if m.status is meetings.MeetingStatus.GEHOUDEN]
    details = [meetings.get_meeting(coordinator, m.meeting_id) for m in held]
    assert all(item.decision for d in details for item in d.items)
    agreed = [a for d in details for a in d.actions]
    assert len(agreed) >= 10
    assert all(a.owner_name and a.deadline for a in agreed)


def test_minutes_and_outcomes_respect_the_services_timing_rules(
    coordinator: ServiceContext,
) -> None:
    """History was made on a timeline: decisions after the meeting began, visit outcomes
    after the planned start, nothing after now."""
    with coordinator.unit() as session:
        decided = (
            session.execute(
                select(AgendaItem.decided_at, Meeting.starts_at)
                .join(Meeting, Meeting.id == AgendaItem.meeting_id)
                .where(AgendaItem.decided_at.is_not(None))
            )
            .tuples()
            .all()
        )
        assert decided
        for decided_at, starts_at in decided:
            assert decided_at is not None
            assert starts_at <= context.utc_to_local(decided_at) <= TEST_NOW
        outcomes = (
            session.execute(
                select(StatusChange.at, Visit.planned_start)
                .join(Visit, Visit.id == StatusChange.object_id)
                .where(
                    StatusChange.object_type == "visit",
                    StatusChange.to_status != VisitStatus.GEPLAND.value,
                )
            )
            .tuples()
            .all()
        )
        assert outcomes
        for at, planned_start in outcomes:
            assert planned_start <= context.utc_to_local(at) <= TEST_NOW
        for created_at, changed_at in session.execute(
            select(Escalation.created_at, Escalation.status_changed_at)
        ).tuples():
            assert created_at <= changed_at <= context.local_to_utc(TEST_NOW)


def test_visits_fill_the_week_planner_and_the_coming_two_weeks(
    coordinator: ServiceContext,
) -> None:
    week = visits.week_plan(coordinator, TODAY)
    assert week
    ahead = visits.visits_for_user(
        coordinator, TODAY + timedelta(days=1), TODAY + timedelta(days=14)
    )
    assert len({v.start.date() for v in ahead}) >= 5
    every = visits.visits_for_user(
        coordinator, TODAY - timedelta(days=60), TODAY + timedelta(days=30), statuses=None
    )
    statuses = Counter(v.status for v in every)
    assert statuses[VisitStatus.UITGEVOERD] and statuses[VisitStatus.GEPLAND]
    assert any(v.joint and len(v.partner_ids) >= 2 for v in every)
    # Nobody home: a new visit was planned that points back at the failed one.
    failed = {v.visit_id for v in every if v.status is VisitStatus.NIEMAND_THUIS}
    assert failed
    assert any(v.follow_up_of in failed for v in every)
    # A visit without its outcome shows on Vandaag as overdue work.
    overview = worklist.today_overview(coordinator, user_scope=False)
    assert worklist.WorkKind.VISIT in {item.kind for item in overview.overdue}


def test_actions_in_every_status_and_overdue_on_the_worklist(
    coordinator: ServiceContext,
) -> None:
    rows = actions.list_actions(coordinator, open_only=False)
    assert {r.status for r in rows} == set(ActionStatus)
    assert any(r.is_overdue for r in rows)
    overdue = worklist.overdue(coordinator, user_scope=False)
    kinds = {item.kind for item in overdue}
    assert worklist.WorkKind.ACTION in kinds
    assert worklist.WorkKind.SIGNAL in kinds


def test_escalations_to_every_target_in_several_statuses(coordinator: ServiceContext) -> None:
    rows = escalations.list_escalations(coordinator)
    assert {r.target for r in rows} == set(EscalationTarget)
    statuses = {r.status for r in rows}
    assert len(statuses) >= 3
    assert EscalationStatus.TERUGGELEGD in statuses
    # The PGA escalation concerns a young person (up to 27).
    pga = next(r for r in rows if r.target is EscalationTarget.PGA)
    with coordinator.unit() as session:
        years = (
            session.execute(
                select(Person.birth_year)
                .join(CasePerson, CasePerson.person_id == Person.id)
                .where(CasePerson.case_id == pga.case_id, Person.birth_year.is_not(None))
            )
            .scalars()
            .all()
        )
    known = [year for year in years if year is not None]
    assert known and TODAY.year - max(known) - 1 <= 27
    # The afgeschaalde case is back on the agenda of its local meeting.
    back = next(r for r in rows if r.status is EscalationStatus.TERUGGELEGD)
    with coordinator.unit() as session:
        reasons = set(
            session.execute(
                select(AgendaItem.reason).where(AgendaItem.case_id == back.case_id)
            ).scalars()
        )
    assert meetings.AgendaReason.AFSCHALING.value in reasons


def test_buurtschouwen_with_findings_that_became_signals(coordinator: ServiceContext) -> None:
    walks = buurtschouw.list_buurtschouwen(coordinator)
    assert len(walks) >= 2
    assert {w.status for w in walks} >= {
        buurtschouw.WalkStatus.AFGEROND,
        buurtschouw.WalkStatus.GEPLAND,
    }
    findings = [f for w in walks for f in buurtschouw.list_findings(coordinator, w.walk_id)]
    with_signal = [f for f in findings if f.signal_id]
    assert with_signal and len(with_signal) < len(findings)
    for finding in with_signal:
        assert finding.signal_id is not None
        signal = signal_records.get_signal(coordinator, finding.signal_id)
        assert signal.source is Source.BUURTSCHOUW
        walk = next(w for w in walks if w.walk_id == finding.walk_id)
        assert walk.walk_date <= signal.received_at.date() <= TODAY
        assert "fictieve demomelding" in signal.description


def test_users_of_each_role_and_fictional_names(region: ServiceContext) -> None:
    listed = users.list_users(region)
    roles = {u.role for u in listed}
    assert roles == set(Role)
    assert all(u.areas for u in listed if u.role is Role.WIJKAGENT)
    assert all(u.partner for u in listed if u.role is Role.PARTNER)
    with region.unit() as session:
        names = session.execute(select(Person.name)).scalars().all()
    assert names
    for name in names:
        first, _, last = name.partition(" ")
        assert name.startswith("Bewoner Fictief ") or (
            first in demo.FIRST_NAMES and last in demo.LAST_NAMES
        ), name
    assert verify(region).ok


# --------------------------------------------------------------------------- the seed


def _fingerprint(ctx: ServiceContext) -> list[list[tuple[object, ...]]]:
    """What the demo made, without the random ids."""
    with ctx.unit() as session:
        meeting_rows = session.execute(
            select(Meeting.starts_at, Meeting.meeting_type, Meeting.status)
        ).tuples()
        action_rows = session.execute(
            select(Action.reference, Action.action_type, Action.status, Action.deadline)
        ).tuples()
        visit_rows = session.execute(
            select(Visit.planned_start, Visit.status, Visit.joint)
        ).tuples()
        escalation_rows = session.execute(
            select(Escalation.reference, Escalation.target, Escalation.status)
        ).tuples()
        # Which person of the case a signal names: chosen from rows whose order the
        # random ids decided until the demo read them in reference order.
        named_rows = session.execute(
            select(Signal.reference, Person.reference, SignalPerson.role)
            .join(Signal, Signal.id == SignalPerson.signal_id)
            .join(Person, Person.id == SignalPerson.person_id)
        ).tuples()
        return [
            sorted(tuple(row) for row in rows)
            for rows in (meeting_rows, action_rows, visit_rows, escalation_rows, named_rows)
        ]


def test_the_same_seed_gives_the_same_region_and_a_second_fill_works(
    template_store: tuple[Path, str], tmp_path: Path
) -> None:
    first = _open_copy(template_store[0], tmp_path / "a")
    # A store of its own, not a copy: its areas, categories and partners have other
    # random ids, so a demo that read rows in id order would come out different.
    created, _ = create_store(tmp_path / "b", ADMIN, ADMIN_PASSPHRASE, "Beheerder Test")
    second = context_for(created.store, ADMIN, FixedClock(TEST_NOW))
    try:
        assert demo.fill_demo(first, 300) == demo.fill_demo(second, 300)
        assert _fingerprint(first) == _fingerprint(second)
        # A demo store can be filled again: new cases get their own work.
        before = len(_fingerprint(first)[3])
        demo.fill_demo(first, 48, seed=7)
        assert len(_fingerprint(first)[3]) > before
        assert verify(first).ok
    finally:
        first.store.close()
        second.store.close()
