"""Reminders computed from the store's rows, with a fake clock (no sleeps).

The clock starts on Wednesday 15 April 2026, 10:00 (tests/conftest.py). Rows are written
straight into the store so these tests do not depend on the other case-work services.
All names and addresses are fictional.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from sociaalveilig.core.enums import (
    ActionStatus,
    ActionType,
    CaseStatus,
    EscalationStatus,
    EscalationTarget,
    MeetingType,
    RiskLevel,
    Role,
    VisitStatus,
)
from sociaalveilig.core.errors import NotFound, ValidationError
from sociaalveilig.services import reminder_rules, reminder_state
from sociaalveilig.services.context import FixedClock, ServiceContext, local_to_utc
from sociaalveilig.services.reminder_rules import Reminder, ReminderKind, StateView
from sociaalveilig.services.worklist import WorkKind
from sociaalveilig.storage.models import (
    Action,
    AuditEntry,
    Case,
    CasePerson,
    Escalation,
    FocusArea,
    Meeting,
    Partner,
    Person,
    ReminderState,
    Visit,
    VisitPartner,
)

HEERLEN = "Heerlen Noord (incl. Hoensbroek)"
KERKRADE = "Kerkrade Oost"
# Distinctive fictional details that must never reach a notification or a calendar.
RESIDENT_NAME = "Gerbrandina Quarkelbosch"
RESIDENT_STREET = "Zwetsloterhof"
CONCERN = "vermoedelijk verwaarloosde volière"

_counter = {"n": 900}


def _next(prefix: str) -> str:
    _counter["n"] += 1
    return f"{prefix}-2026-{_counter['n']:06d}"


def area_id(ctx: ServiceContext, name: str) -> str:
    with ctx.unit() as session:
        return session.execute(select(FocusArea.id).where(FocusArea.name == name)).scalar_one()


def partner_id(ctx: ServiceContext, name: str) -> str:
    with ctx.unit() as session:
        return session.execute(select(Partner.id).where(Partner.name == name)).scalar_one()


def add_case(
    ctx: ServiceContext,
    *,
    area: str = HEERLEN,
    risk: RiskLevel = RiskLevel.LAAG,
    status: CaseStatus = CaseStatus.OPEN,
    next_review: date | None = None,
    closed_at: datetime | None = None,
    lead_partner: str | None = None,
    created_at: datetime = datetime(2026, 4, 1, 9, 0),
) -> tuple[str, str]:
    """A case at a fictional address with a fictional resident; (id, reference)."""
    ref = _next("C")
    with ctx.unit() as session:
        area_row = session.execute(select(FocusArea).where(FocusArea.name == area)).scalar_one()
        lead = (
            session.execute(select(Partner.id).where(Partner.name == lead_partner)).scalar_one()
            if lead_partner
            else None
        )
        case = Case(
            reference=ref,
            status=str(status),
            risk_level=str(risk),
            postcode="6412AB",
            house_number=7,
            street=RESIDENT_STREET,
            city="Heerlen",
            address_key="6412AB|7|",
            municipality_id=area_row.municipality_id,
            focus_area_id=area_row.id,
            lead_partner_id=lead,
            summary=CONCERN,
            next_review=next_review,
            created_at=local_to_utc(created_at),
            closed_at=closed_at,
        )
        session.add(case)
        person = Person(reference=_next("P"), name=RESIDENT_NAME, created_at=created_at)
        session.add(person)
        session.flush()
        session.add(CasePerson(case_id=case.id, person_id=person.id, role="bewoner"))
        return case.id, ref


def add_visit(
    ctx: ServiceContext,
    case_id: str | None,
    start: datetime,
    minutes: int = 60,
    partners: tuple[str, ...] = ("Politie Limburg",),
    status: VisitStatus = VisitStatus.GEPLAND,
    action_id: str | None = None,
) -> str:
    with ctx.unit() as session:
        visit = Visit(
            case_id=case_id,
            action_id=action_id,
            planned_start=start,
            planned_end=start + timedelta(minutes=minutes),
            postcode="6412AB",
            house_number=7,
            street=RESIDENT_STREET,
            city="Heerlen",
            purpose=f"Gesprek met {RESIDENT_NAME} over {CONCERN}",
            joint=len(partners) > 1,
            status=str(status),
            created_at=datetime(2026, 4, 1, 8, 0),
        )
        session.add(visit)
        session.flush()
        for name in partners:
            pid = session.execute(select(Partner.id).where(Partner.name == name)).scalar_one()
            session.add(VisitPartner(visit_id=visit.id, partner_id=pid))
        return visit.id


def add_action(
    ctx: ServiceContext,
    case_id: str,
    deadline: date,
    owner: str = "Woningcorporatie",
    status: ActionStatus = ActionStatus.OPEN,
) -> tuple[str, str]:
    ref = _next("A")
    with ctx.unit() as session:
        owner_id = session.execute(select(Partner.id).where(Partner.name == owner)).scalar_one()
        action = Action(
            reference=ref,
            case_id=case_id,
            action_type=str(ActionType.GEZAMENLIJK_HUISBEZOEK),
            owner_partner_id=owner_id,
            deadline=deadline,
            status=str(status),
            description=CONCERN,
            created_at=datetime(2026, 4, 1, 8, 0),
        )
        session.add(action)
        session.flush()
        return action.id, ref


def add_escalation(
    ctx: ServiceContext,
    case_id: str,
    changed_local: datetime,
    status: EscalationStatus = EscalationStatus.AANGEMELD,
) -> tuple[str, str]:
    ref = _next("E")
    with ctx.unit() as session:
        escalation = Escalation(
            reference=ref,
            case_id=case_id,
            target=str(EscalationTarget.VEILIG_THUIS),
            reason=CONCERN,
            status=str(status),
            created_at=local_to_utc(changed_local),
            status_changed_at=local_to_utc(changed_local),
        )
        session.add(escalation)
        session.flush()
        return escalation.id, ref


def add_meeting(
    ctx: ServiceContext,
    start: datetime,
    area: str = HEERLEN,
    meeting_type: MeetingType = MeetingType.AV,
    agenda_sent_at: datetime | None = None,
    status: str = "gepland",
    location: str | None = "Centrum Hoensbroek, vergaderzaal 2",
) -> str:
    with ctx.unit() as session:
        aid = session.execute(select(FocusArea.id).where(FocusArea.name == area)).scalar_one()
        meeting = Meeting(
            focus_area_id=aid,
            meeting_type=str(meeting_type),
            starts_at=start,
            location=location,
            status=status,
            agenda_sent_at=agenda_sent_at,
        )
        session.add(meeting)
        session.flush()
        return meeting.id


def keys(items: tuple[Reminder, ...] | list[Reminder]) -> list[str]:
    return [r.key for r in items]


def key(kind: ReminderKind, object_id: str) -> str:
    return reminder_rules.reminder_key(kind, object_id)


# --------------------------------------------------------------------------- each kind


def test_visit_reminds_the_day_before_one_hour_before_and_after_without_outcome(
    coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    case_id, case_ref = add_case(coordinator_ctx)
    visit = add_visit(coordinator_ctx, case_id, datetime(2026, 4, 17, 14, 0))

    first = reminder_state.sync(coordinator_ctx)
    assert first.fired == () and first.missed == ()
    # The "tomorrow" job is planned for Thursday 08:00 (within the one-day horizon).
    assert [(s.key, s.fire_at) for s in first.upcoming] == [
        (key(ReminderKind.VISIT_TOMORROW, visit), datetime(2026, 4, 16, 8, 0))
    ]

    clock.set(datetime(2026, 4, 16, 7, 59))
    assert reminder_state.sync(coordinator_ctx).fired == ()
    clock.set(datetime(2026, 4, 16, 8, 0))
    due = reminder_state.sync(coordinator_ctx)
    assert keys(due.fired) == [key(ReminderKind.VISIT_TOMORROW, visit)]
    assert due.fired[0].case_reference == case_ref
    # Fired once: the next sync keeps it in the list but does not fire it again.
    again = reminder_state.sync(coordinator_ctx)
    assert again.fired == ()
    assert keys(again.active) == [key(ReminderKind.VISIT_TOMORROW, visit)]

    clock.set(datetime(2026, 4, 17, 12, 59))
    assert reminder_state.sync(coordinator_ctx).fired == ()  # "tomorrow" expired at midnight
    clock.set(datetime(2026, 4, 17, 13, 0))
    assert keys(reminder_state.sync(coordinator_ctx).fired) == [key(ReminderKind.VISIT_SOON, visit)]
    clock.set(datetime(2026, 4, 17, 15, 0))
    end = reminder_state.sync(coordinator_ctx)
    assert keys(end.fired) == [key(ReminderKind.VISIT_NO_OUTCOME, visit)]
    assert end.missed == ()


def test_action_deadline_today_then_overdue_each_once(
    coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    case_id, _ = add_case(coordinator_ctx)
    action_id, action_ref = add_action(coordinator_ctx, case_id, date(2026, 4, 16))

    assert reminder_state.sync(coordinator_ctx).fired == ()
    clock.set(datetime(2026, 4, 16, 8, 0))
    today = reminder_state.sync(coordinator_ctx)
    assert keys(today.fired) == [key(ReminderKind.ACTION_DUE_TODAY, action_id)]
    assert today.fired[0].reference == action_ref
    assert reminder_state.sync(coordinator_ctx).fired == ()

    clock.set(datetime(2026, 4, 17, 8, 0))
    overdue = reminder_state.sync(coordinator_ctx)
    assert keys(overdue.fired) == [key(ReminderKind.ACTION_OVERDUE, action_id)]
    assert keys(overdue.active) == [key(ReminderKind.ACTION_OVERDUE, action_id)]
    clock.set(datetime(2026, 4, 20, 9, 0))
    assert reminder_state.sync(coordinator_ctx).fired == ()


def test_completed_action_reminds_no_more(
    coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    case_id, _ = add_case(coordinator_ctx)
    add_action(coordinator_ctx, case_id, date(2026, 4, 10), status=ActionStatus.AFGEROND)
    clock.set(datetime(2026, 4, 20, 9, 0))
    result = reminder_state.sync(coordinator_ctx)
    assert result.fired == () and result.active == ()


def test_case_review_by_date_or_by_risk_cadence(
    coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    high_id, _ = add_case(coordinator_ctx, risk=RiskLevel.HOOG, next_review=date(2026, 4, 20))
    # No date set: medium risk, started 1 April: 28 days later is Wednesday 29 April.
    medium_id, _ = add_case(coordinator_ctx, risk=RiskLevel.MIDDEN)
    add_case(coordinator_ctx, risk=RiskLevel.LAAG)  # no periodic review
    add_case(
        coordinator_ctx,
        risk=RiskLevel.HOOG,
        next_review=date(2026, 4, 16),
        status=CaseStatus.AFGESLOTEN,
        closed_at=datetime(2026, 4, 14, 10, 0),
    )

    assert reminder_state.sync(coordinator_ctx).fired == ()
    clock.set(datetime(2026, 4, 20, 8, 0))
    fired = reminder_state.sync(coordinator_ctx).fired
    assert keys(fired) == [key(ReminderKind.CASE_REVIEW, high_id)]
    clock.set(datetime(2026, 4, 29, 8, 0))
    fired = reminder_state.sync(coordinator_ctx).fired
    assert keys(fired) == [key(ReminderKind.CASE_REVIEW, medium_id)]
    # The same word as the Vandaag worklist uses for the same thing.
    assert fired[0].title == WorkKind.REVIEW.label == "Evaluatie casus"
    assert "evaluatie wo 29-04-2026" in fired[0].text
    assert "evaluatie" in fired[0].advice
    assert not any("herbeoordel" in t.lower() for t in (fired[0].title, fired[0].text,
                                                         fired[0].advice))


def test_escalation_without_status_change_for_14_days(
    coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    case_id, _ = add_case(coordinator_ctx)
    esc_id, esc_ref = add_escalation(coordinator_ctx, case_id, datetime(2026, 4, 10, 9, 30))
    add_escalation(
        coordinator_ctx, case_id, datetime(2026, 3, 1, 9, 0), status=EscalationStatus.AFGESLOTEN
    )

    clock.set(datetime(2026, 4, 24, 9, 29))
    assert reminder_state.sync(coordinator_ctx).fired == ()
    clock.set(datetime(2026, 4, 24, 9, 30))
    fired = reminder_state.sync(coordinator_ctx).fired
    assert keys(fired) == [key(ReminderKind.ESCALATION_STALE, esc_id)]
    assert fired[0].reference == esc_ref
    # The escalation's target (Veilig Thuis) says something about the concern: not shown.
    assert "Veilig Thuis" not in fired[0].text


def test_meeting_two_days_ahead_with_agenda_not_sent(
    coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    clock.set(datetime(2026, 4, 14, 9, 0))
    unsent = add_meeting(coordinator_ctx, datetime(2026, 4, 17, 14, 0))
    add_meeting(
        coordinator_ctx,
        datetime(2026, 4, 17, 10, 0),
        meeting_type=MeetingType.FL,
        agenda_sent_at=datetime(2026, 4, 13, 12, 0),
    )
    add_meeting(coordinator_ctx, datetime(2026, 4, 17, 16, 0), status="geannuleerd")

    assert reminder_state.sync(coordinator_ctx).fired == ()
    clock.set(datetime(2026, 4, 15, 8, 0))
    fired = reminder_state.sync(coordinator_ctx).fired
    assert keys(fired) == [key(ReminderKind.MEETING_AGENDA, unsent)]
    assert "Overleg achter de voordeur" in fired[0].text
    assert HEERLEN in fired[0].text

    # Once the agenda is sent the reminder is gone.
    with coordinator_ctx.unit() as session:
        row = session.get(Meeting, unsent)
        assert row is not None
        row.agenda_sent_at = datetime(2026, 4, 15, 7, 0)
    assert reminder_state.sync(coordinator_ctx).active == ()


# --------------------------------------------------------------------------- who


def test_scope_per_role(coordinator_ctx: ServiceContext, make_actor, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    heerlen_case, _ = add_case(coordinator_ctx, area=HEERLEN, lead_partner="Woningcorporatie")
    kerkrade_case, _ = add_case(coordinator_ctx, area=KERKRADE)
    own_action, _ = add_action(coordinator_ctx, heerlen_case, date(2026, 4, 14))
    other_action, _ = add_action(
        coordinator_ctx, kerkrade_case, date(2026, 4, 14), owner="Zorg en hulpverlening"
    )
    meeting = add_meeting(coordinator_ctx, datetime(2026, 4, 16, 14, 0))

    coordinator = reminder_state.sync(coordinator_ctx)
    assert set(keys(coordinator.fired)) == {
        key(ReminderKind.ACTION_OVERDUE, own_action),
        key(ReminderKind.ACTION_OVERDUE, other_action),
        key(ReminderKind.MEETING_AGENDA, meeting),
    }

    corporation = make_actor(Role.PARTNER, partner="Woningcorporatie")
    fired = reminder_state.sync(corporation).fired
    assert keys(fired) == [key(ReminderKind.ACTION_OVERDUE, own_action)]
    officer = make_actor(Role.WIJKAGENT, areas=[KERKRADE])
    fired = reminder_state.sync(officer).fired
    assert keys(fired) == [key(ReminderKind.ACTION_OVERDUE, other_action)]
    for role in (Role.MANAGER, Role.BEHEERDER):
        assert reminder_state.sync(make_actor(role)).active == ()


def test_states_are_per_user(coordinator_ctx: ServiceContext, make_actor) -> None:  # type: ignore[no-untyped-def]
    case_id, _ = add_case(coordinator_ctx)
    action_id, _ = add_action(coordinator_ctx, case_id, date(2026, 4, 14))
    other = make_actor(Role.COORDINATOR)
    reminder_state.sync(coordinator_ctx)
    reminder_state.dismiss(coordinator_ctx, key(ReminderKind.ACTION_OVERDUE, action_id))
    assert reminder_state.sync(coordinator_ctx).active == ()
    assert keys(reminder_state.sync(other).fired) == [key(ReminderKind.ACTION_OVERDUE, action_id)]


# --------------------------------------------------------------------------- snooze and done


def test_snooze_brings_the_reminder_back_once_at_the_chosen_time(
    coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    case_id, _ = add_case(coordinator_ctx)
    action_id, _ = add_action(coordinator_ctx, case_id, date(2026, 4, 14))
    overdue = key(ReminderKind.ACTION_OVERDUE, action_id)
    assert keys(reminder_state.sync(coordinator_ctx).fired) == [overdue]

    snoozed = reminder_state.snooze(coordinator_ctx, overdue, datetime(2026, 4, 15, 11, 0))
    assert snoozed.fire_at == datetime(2026, 4, 15, 11, 0)
    result = reminder_state.sync(coordinator_ctx)
    assert result.active == () and result.fired == ()
    assert [(s.key, s.fire_at) for s in result.upcoming] == [
        (overdue, datetime(2026, 4, 15, 11, 0))
    ]
    assert reminder_state.current_reminders(coordinator_ctx) == []

    clock.set(datetime(2026, 4, 15, 10, 59))
    assert reminder_state.sync(coordinator_ctx).fired == ()
    clock.set(datetime(2026, 4, 15, 11, 0))
    assert keys(reminder_state.sync(coordinator_ctx).fired) == [overdue]
    assert reminder_state.sync(coordinator_ctx).fired == ()
    assert keys(reminder_state.current_reminders(coordinator_ctx)) == [overdue]

    with coordinator_ctx.unit() as session:
        actions = [
            e.action for e in session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()
        ]
    assert "reminder_snooze" in actions


def test_done_stays_done_until_the_work_changes(
    coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    case_id, _ = add_case(coordinator_ctx)
    action_id, _ = add_action(coordinator_ctx, case_id, date(2026, 4, 14))
    overdue = key(ReminderKind.ACTION_OVERDUE, action_id)
    reminder_state.sync(coordinator_ctx)
    reminder_state.dismiss(coordinator_ctx, overdue)

    for day in (15, 16, 20):
        clock.set(datetime(2026, 4, day, 12, 0))
        result = reminder_state.sync(coordinator_ctx)
        assert result.fired == () and result.active == ()

    # A new deadline is new work: the reminder comes back (and fires once).
    with coordinator_ctx.unit() as session:
        action = session.get(Action, action_id)
        assert action is not None
        action.deadline = date(2026, 4, 17)
    result = reminder_state.sync(coordinator_ctx)
    assert keys(result.fired) == [overdue]
    with coordinator_ctx.unit() as session:
        state = session.get(ReminderState, (coordinator_ctx.actor.user_id, overdue))
        assert state is not None and not state.dismissed


def test_snooze_refuses_bad_moments_and_stale_keys(
    coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    case_id, _ = add_case(coordinator_ctx)
    visit = add_visit(coordinator_ctx, case_id, datetime(2026, 4, 15, 10, 30))
    soon = key(ReminderKind.VISIT_SOON, visit)
    assert keys(reminder_state.sync(coordinator_ctx).fired) == [soon]

    with pytest.raises(ValidationError) as past:
        reminder_state.snooze(coordinator_ctx, soon, datetime(2026, 4, 15, 9, 0))
    assert past.value.field == "until"
    with pytest.raises(ValidationError) as late:
        reminder_state.snooze(coordinator_ctx, soon, datetime(2026, 4, 16, 8, 0))
    assert "vervalt" in late.value.message
    with pytest.raises(ValidationError):
        reminder_state.snooze(coordinator_ctx, soon, datetime(2026, 6, 1, 8, 0))
    with pytest.raises(NotFound):
        reminder_state.snooze(coordinator_ctx, "nonsense", datetime(2026, 4, 15, 10, 15))
    with pytest.raises(NotFound):
        reminder_state.dismiss(coordinator_ctx, key(ReminderKind.ACTION_OVERDUE, visit))
    # Nothing was half-saved: the reminder is still current and not snoozed.
    assert keys(reminder_state.current_reminders(coordinator_ctx)) == [soon]

    current = reminder_state.current_reminders(coordinator_ctx)[0]
    choices = reminder_rules.snooze_choices(current, clock.now())
    assert choices and all(moment < datetime(2026, 4, 15, 10, 30) for _, moment in choices)


# --------------------------------------------------------------------------- catch-up and clock


def test_catch_up_after_a_closed_week_lists_every_missed_reminder_once(
    coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    clock.set(datetime(2026, 4, 13, 17, 0))  # Monday evening: the laptop is closed
    case_id, _ = add_case(coordinator_ctx)
    visit = add_visit(coordinator_ctx, case_id, datetime(2026, 4, 15, 14, 0))
    action_id, _ = add_action(coordinator_ctx, case_id, date(2026, 4, 16))
    meeting = add_meeting(coordinator_ctx, datetime(2026, 4, 17, 10, 0))
    esc_id, _ = add_escalation(coordinator_ctx, case_id, datetime(2026, 4, 3, 12, 0))
    before = reminder_state.sync(coordinator_ctx)
    assert before.fired == ()

    clock.set(datetime(2026, 4, 20, 9, 0))  # opened again the next Monday
    catch_up = reminder_state.sync(coordinator_ctx)
    assert catch_up.since == datetime(2026, 4, 13, 17, 0)
    missed = {
        key(ReminderKind.VISIT_TOMORROW, visit),
        key(ReminderKind.VISIT_SOON, visit),
        key(ReminderKind.ACTION_DUE_TODAY, action_id),
        key(ReminderKind.MEETING_AGENDA, meeting),
    }
    still_due = {
        key(ReminderKind.VISIT_NO_OUTCOME, visit),
        key(ReminderKind.ACTION_OVERDUE, action_id),
        key(ReminderKind.ESCALATION_STALE, esc_id),
    }
    assert set(keys(catch_up.missed)) == missed
    assert set(keys(catch_up.fired)) == still_due
    listed = keys(catch_up.caught_up)
    assert len(listed) == len(set(listed)) == len(missed | still_due)
    # Oldest first: Tuesday's "visit tomorrow" leads.
    assert listed[0] == key(ReminderKind.VISIT_TOMORROW, visit)

    after = reminder_state.sync(coordinator_ctx)
    assert after.fired == () and after.missed == ()
    assert set(keys(after.active)) == still_due


def test_first_sync_lists_no_history(coordinator_ctx: ServiceContext, clock: FixedClock) -> None:
    case_id, _ = add_case(coordinator_ctx)
    add_visit(coordinator_ctx, case_id, datetime(2026, 4, 15, 9, 30), status=VisitStatus.UITGEVOERD)
    add_meeting(coordinator_ctx, datetime(2026, 4, 14, 14, 0))  # already held
    result = reminder_state.sync(coordinator_ctx)
    assert result.since is None
    assert result.missed == () and result.fired == ()


def test_clock_jumping_back_does_not_repeat_reminders(
    coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    case_id, _ = add_case(coordinator_ctx)
    action_id, _ = add_action(coordinator_ctx, case_id, date(2026, 4, 15))
    visit = add_visit(coordinator_ctx, case_id, datetime(2026, 4, 15, 10, 45))
    first = reminder_state.sync(coordinator_ctx)
    assert set(keys(first.fired)) == {
        key(ReminderKind.ACTION_DUE_TODAY, action_id),
        key(ReminderKind.VISIT_SOON, visit),
    }

    clock.set(datetime(2026, 4, 15, 8, 30))  # the clock is turned back 90 minutes
    back = reminder_state.sync(coordinator_ctx)
    assert back.clock_back
    assert back.notice is not None and "teruggezet" in back.notice
    assert back.fired == () and back.missed == ()

    # A whole day back: yesterday's "deadline today" for an action already announced as
    # overdue is not announced as new; it is only listed.
    overdue_id, _ = add_action(coordinator_ctx, case_id, date(2026, 4, 14))
    clock.set(datetime(2026, 4, 15, 10, 1))
    assert keys(reminder_state.sync(coordinator_ctx).fired) == [
        key(ReminderKind.ACTION_OVERDUE, overdue_id)
    ]
    clock.set(datetime(2026, 4, 14, 10, 0))
    day_back = reminder_state.sync(coordinator_ctx)
    assert day_back.clock_back and day_back.fired == () and day_back.missed == ()
    assert set(keys(day_back.quiet)) == {
        key(ReminderKind.ACTION_DUE_TODAY, overdue_id),
        key(ReminderKind.VISIT_TOMORROW, visit),  # the day before the visit, again
    }
    assert key(ReminderKind.ACTION_DUE_TODAY, overdue_id) in keys(day_back.active)

    clock.set(datetime(2026, 4, 15, 10, 5))  # and set right again
    forward = reminder_state.sync(coordinator_ctx)
    assert not forward.clock_back
    assert forward.fired == () and forward.missed == ()
    assert set(keys(forward.active)) == set(keys(first.fired)) | {
        key(ReminderKind.ACTION_OVERDUE, overdue_id)
    }


def test_visit_moved_into_the_past_asks_for_the_outcome(
    coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    case_id, _ = add_case(coordinator_ctx)
    visit = add_visit(coordinator_ctx, case_id, datetime(2026, 4, 16, 14, 0))
    reminder_state.sync(coordinator_ctx)
    # The visits service refuses a move into the past; an import or another desk might not.
    with coordinator_ctx.unit() as session:
        row = session.get(Visit, visit)
        assert row is not None
        row.planned_start = datetime(2026, 4, 14, 9, 0)
        row.planned_end = datetime(2026, 4, 14, 10, 0)
    result = reminder_state.sync(coordinator_ctx)
    assert keys(result.fired) == [key(ReminderKind.VISIT_NO_OUTCOME, visit)]
    assert result.missed == ()  # no "visit tomorrow" for a visit that already passed
    assert "uitkomst" in result.fired[0].advice


def test_open_action_on_a_closed_case_asks_to_finish_it(
    coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    case_id, case_ref = add_case(
        coordinator_ctx, status=CaseStatus.AFGESLOTEN, closed_at=datetime(2026, 4, 14, 8, 0)
    )
    action_id, _ = add_action(coordinator_ctx, case_id, date(2026, 4, 20))
    result = reminder_state.sync(coordinator_ctx)
    assert keys(result.fired) == [key(ReminderKind.ACTION_CLOSED_CASE, action_id)]
    assert case_ref in result.fired[0].text
    assert "afgesloten" in result.fired[0].advice
    clock.set(datetime(2026, 4, 20, 9, 0))
    later = reminder_state.sync(coordinator_ctx)
    assert later.fired == ()  # no deadline reminders for work on a closed case


def test_texts_hold_no_resident_data(coordinator_ctx: ServiceContext, clock: FixedClock) -> None:
    case_id, _ = add_case(coordinator_ctx, risk=RiskLevel.HOOG, next_review=date(2026, 4, 15))
    add_visit(coordinator_ctx, case_id, datetime(2026, 4, 15, 10, 30))
    add_visit(coordinator_ctx, case_id, datetime(2026, 4, 14, 10, 30))
    add_action(coordinator_ctx, case_id, date(2026, 4, 15))
    add_action(coordinator_ctx, case_id, date(2026, 4, 1))
    add_escalation(coordinator_ctx, case_id, datetime(2026, 3, 20, 10, 0))
    add_meeting(coordinator_ctx, datetime(2026, 4, 16, 14, 0))
    result = reminder_state.sync(coordinator_ctx)
    assert len({r.kind for r in result.fired}) == 7
    for reminder in result.fired:
        for text in (reminder.title, reminder.text, reminder.advice):
            for secret in (RESIDENT_NAME, "Quarkelbosch", RESIDENT_STREET, CONCERN, "6412"):
                assert secret not in text


def test_states_of_work_that_is_gone_are_forgotten_after_60_days(
    coordinator_ctx: ServiceContext, clock: FixedClock
) -> None:
    case_id, _ = add_case(coordinator_ctx)
    visit = add_visit(coordinator_ctx, case_id, datetime(2026, 4, 15, 10, 30))
    action_id, _ = add_action(coordinator_ctx, case_id, date(2026, 4, 14))
    reminder_state.sync(coordinator_ctx)
    reminder_state.dismiss(coordinator_ctx, key(ReminderKind.ACTION_OVERDUE, action_id))
    with coordinator_ctx.unit() as session:
        row = session.get(Visit, visit)
        assert row is not None
        row.status = str(VisitStatus.UITGEVOERD)

    def stored() -> set[str]:
        with coordinator_ctx.unit() as session:
            return set(session.execute(select(ReminderState.reminder_key)).scalars())

    clock.set(datetime(2026, 6, 1, 9, 0))
    reminder_state.sync(coordinator_ctx)
    assert key(ReminderKind.VISIT_SOON, visit) in stored()  # fired 47 days ago: kept
    clock.set(datetime(2026, 6, 20, 9, 0))
    reminder_state.sync(coordinator_ctx)
    # The visit's reminder is forgotten; the dismissed overdue action (still open) is not.
    assert stored() == {key(ReminderKind.ACTION_OVERDUE, action_id)}
    assert reminder_state.sync(coordinator_ctx).active == ()


# --------------------------------------------------------------------------- pure evaluation


def _reminder(due: datetime, expires: datetime | None = None, fp: str = "a") -> Reminder:
    return Reminder(
        key="action_overdue:x",
        kind=ReminderKind.ACTION_OVERDUE,
        fingerprint=fp,
        due_at=due,
        expires_at=expires,
        object_id="x",
        reference="A-2026-000001",
        case_id="c",
        case_reference="C-2026-000001",
        area=None,
        event_at=due,
    )


def test_evaluate_applies_a_state_only_to_its_own_fingerprint() -> None:
    now = datetime(2026, 4, 15, 10, 0)
    reminder = _reminder(datetime(2026, 4, 15, 8, 0), fp="new")
    stale = {"action_overdue:x": StateView("old", dismissed=True)}
    fired = reminder_rules.evaluate([reminder], stale, now, None).fired
    assert [r.key for r in fired] == [reminder.key]
    same = {"action_overdue:x": StateView("new", dismissed=True)}
    evaluation = reminder_rules.evaluate([reminder], same, now, None)
    assert evaluation.fired == () and evaluation.active == ()


def test_evaluate_missed_only_within_the_window() -> None:
    now = datetime(2026, 4, 20, 9, 0)
    passed = _reminder(datetime(2026, 4, 14, 8, 0), expires=datetime(2026, 4, 15, 0, 0))
    assert reminder_rules.evaluate([passed], {}, now, datetime(2026, 4, 13, 17, 0)).missed
    assert not reminder_rules.evaluate([passed], {}, now, datetime(2026, 4, 14, 9, 0)).missed
    assert not reminder_rules.evaluate([passed], {}, now, None).missed
    fired = {passed.key: StateView("a", fired_at=datetime(2026, 4, 14, 6, 0))}
    assert not reminder_rules.evaluate([passed], fired, now, datetime(2026, 4, 13, 17, 0)).missed
