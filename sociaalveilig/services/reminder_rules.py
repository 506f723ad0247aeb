"""Reminder rules: what falls due for a user, computed from the work in the store.

Nothing about a reminder is stored except what the user did with it. The reminders
themselves are derived, each time, from the work in the store:

- a planned home visit: the day before at 08:00 ("morgen") and one hour before;
  a visit whose planned end has passed without an outcome is reminded of too;
- an open action: on its deadline at 08:00, and from the next day on as overdue; an open
  action on a case that was closed meanwhile asks to be finished or dropped;
- an open case: on its review date (the risk cadence of ``core/workdays``);
- an open escalation without a status change for 14 days;
- a meeting in two days whose agenda has not been sent (the coordinator's work).

Each reminder has a stable key (``kind:object id``) and a fingerprint of the work under
it (the planned time, the deadline, the review date...). What the user did with it is
kept in ``reminder_state``, together with the fingerprint it applied to: when the work
changes the fingerprint changes, and the old state no longer counts.

Times: due times are naive local time (Europe/Amsterdam), like the planned times of visits
and meetings; ``ReminderState.snoozed_until`` is local too, ``fired_at`` naive UTC like
every ``*_at`` column. Texts carry the kind, a reference, the time and the focus area, never
a resident's name, address or reason of concern: they appear in desktop notifications.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from sociaalveilig.core.enums import MeetingType, RiskLevel
from sociaalveilig.core.errors import NotFound
from sociaalveilig.core.i18n import QT_TR_NOOP, tr
from sociaalveilig.core.workdays import next_review, next_working_day

DAY_START = time(8, 0)
"""Reminders about a day (deadline, review, "tomorrow") fall due at the start of work."""

HORIZON = timedelta(days=1)
"""How far ahead a sync plans its jobs; a re-sync every 15 minutes moves the horizon."""

VISIT_SOON = timedelta(hours=1)
MEETING_AGENDA_DAYS = 2
ESCALATION_STALE_AFTER = timedelta(days=14)
CLOCK_TOLERANCE = timedelta(minutes=2)
"""A clock this much behind the last sync has been turned back (not just a slow sync)."""


class ReminderKind(StrEnum):
    VISIT_TOMORROW = "visit_tomorrow"
    VISIT_SOON = "visit_soon"
    VISIT_NO_OUTCOME = "visit_no_outcome"
    ACTION_DUE_TODAY = "action_due_today"
    ACTION_OVERDUE = "action_overdue"
    ACTION_CLOSED_CASE = "action_closed_case"
    CASE_REVIEW = "case_review"
    ESCALATION_STALE = "escalation_stale"
    MEETING_AGENDA = "meeting_agenda"

    @property
    def label(self) -> str:
        return {
            ReminderKind.VISIT_TOMORROW: tr("Huisbezoek morgen"),
            ReminderKind.VISIT_SOON: tr("Huisbezoek over een uur"),
            ReminderKind.VISIT_NO_OUTCOME: tr("Huisbezoek zonder uitkomst"),
            ReminderKind.ACTION_DUE_TODAY: tr("Actie vandaag af"),
            ReminderKind.ACTION_OVERDUE: tr("Actie over de termijn"),
            ReminderKind.ACTION_CLOSED_CASE: tr("Open actie op afgesloten casus"),
            # One word for a case review everywhere: the worklist and the meeting agenda
            # say "evaluatie" too ("beoordelen" is the triage of new signals).
            ReminderKind.CASE_REVIEW: tr("Evaluatie casus"),
            ReminderKind.ESCALATION_STALE: tr("Opschaling 14 dagen zonder wijziging"),
            ReminderKind.MEETING_AGENDA: tr("Agenda nog niet verstuurd"),
        }[self]

    @property
    def object_type(self) -> str:
        return {
            ReminderKind.VISIT_TOMORROW: "visit",
            ReminderKind.VISIT_SOON: "visit",
            ReminderKind.VISIT_NO_OUTCOME: "visit",
            ReminderKind.ACTION_DUE_TODAY: "action",
            ReminderKind.ACTION_OVERDUE: "action",
            ReminderKind.ACTION_CLOSED_CASE: "action",
            ReminderKind.CASE_REVIEW: "case",
            ReminderKind.ESCALATION_STALE: "escalation",
            ReminderKind.MEETING_AGENDA: "meeting",
        }[self]


_WEEKDAYS = (
    QT_TR_NOOP("ma"), QT_TR_NOOP("di"), QT_TR_NOOP("wo"), QT_TR_NOOP("do"), QT_TR_NOOP("vr"),
    QT_TR_NOOP("za"), QT_TR_NOOP("zo"),
)


def format_moment(moment: datetime, with_time: bool = True) -> str:
    """``do 16-04-2026 10:00``: weekday, date and (optionally) time, in Dutch."""
    day = tr(_WEEKDAYS[moment.weekday()])
    text = f"{day} {moment:%d-%m-%Y}"
    return f"{text} {moment:%H:%M}" if with_time else text


@dataclass(frozen=True)
class Reminder:
    """One reminder for one user. ``due_at`` and ``expires_at`` are naive local times;
    after ``expires_at`` the reminder no longer applies (the visit has started)."""

    key: str
    kind: ReminderKind
    fingerprint: str
    due_at: datetime
    expires_at: datetime | None
    object_id: str
    reference: str | None
    """The object's own reference (an action's A-..., an escalation's E-...), if it has one."""
    case_id: str | None
    case_reference: str | None
    area: str | None
    event_at: datetime
    """What the reminder is about: the visit's or meeting's start, the deadline..."""
    all_day: bool = False
    detail: str | None = None
    """A label that is no case content (the meeting type), shown after the kind."""
    fire_at: datetime | None = None
    """When it fires for this user: ``due_at``, or later when snoozed (set by evaluate)."""

    @property
    def object_type(self) -> str:
        return self.kind.object_type

    @property
    def title(self) -> str:
        return self.kind.label

    @property
    def text(self) -> str:
        """One line for a notification or a list: reference, area, time. No case content."""
        parts: list[str] = []
        if self.detail:
            parts.append(self.detail)
        if self.reference:
            parts.append(self.reference)
        if self.case_reference:
            parts.append(tr("casus {ref}").format(ref=self.case_reference))
        elif self.kind.object_type == "visit":
            parts.append(tr("zonder casus"))
        if self.area:
            parts.append(self.area)
        when = format_moment(self.event_at, with_time=not self.all_day)
        prefix = {
            ReminderKind.ACTION_DUE_TODAY: tr("termijn"),
            ReminderKind.ACTION_OVERDUE: tr("termijn was"),
            ReminderKind.ACTION_CLOSED_CASE: tr("casus afgesloten op"),
            ReminderKind.CASE_REVIEW: tr("evaluatie"),
            ReminderKind.ESCALATION_STALE: tr("laatste wijziging"),
        }.get(self.kind)
        parts.append(f"{prefix} {when}" if prefix else when)
        return " · ".join(parts)

    @property
    def advice(self) -> str:
        """What to do about it, in one sentence (for the list in Vandaag)."""
        return {
            ReminderKind.VISIT_TOMORROW: tr("Bereid het huisbezoek voor met de partners."),
            ReminderKind.VISIT_SOON: tr("Het huisbezoek begint over een uur."),
            ReminderKind.VISIT_NO_OUTCOME: tr(
                "Het geplande tijdstip is voorbij: leg de uitkomst vast of plan opnieuw."
            ),
            ReminderKind.ACTION_DUE_TODAY: tr("De termijn van deze actie verloopt vandaag."),
            ReminderKind.ACTION_OVERDUE: tr(
                "Rond de actie af, verleng de termijn of laat hem vervallen."
            ),
            ReminderKind.ACTION_CLOSED_CASE: tr(
                "De casus is afgesloten terwijl deze actie openstaat: rond hem af of laat hem "
                "vervallen."
            ),
            ReminderKind.CASE_REVIEW: tr(
                "Zet de casus op de agenda of leg de evaluatie vast."
            ),
            ReminderKind.ESCALATION_STALE: tr("Vraag de stand van zaken na bij de ketenpartner."),
            ReminderKind.MEETING_AGENDA: tr(
                "Stel de agenda vast en verstuur hem naar de partners."
            ),
        }[self.kind]


@dataclass(frozen=True)
class StateView:
    """What the user did with a reminder (a ``ReminderState`` row)."""

    fingerprint: str
    dismissed: bool = False
    snoozed_until: datetime | None = None
    fired_at: datetime | None = None


@dataclass(frozen=True)
class ScheduledReminder:
    """A job to plan: at ``fire_at`` (local) the reminder ``key`` falls due."""

    key: str
    fire_at: datetime


@dataclass(frozen=True)
class Evaluation:
    fired: tuple[Reminder, ...]
    """Due now, not fired before: to notify (and mark fired)."""
    missed: tuple[Reminder, ...]
    """Fell due since the last sync and passed meanwhile without being fired."""
    active: tuple[Reminder, ...]
    """Everything due now and not dismissed or snoozed: the list in Vandaag."""
    upcoming: tuple[ScheduledReminder, ...]
    """Fire times within the horizon: the scheduler's jobs."""


def reminder_order(reminder: Reminder) -> tuple[datetime, str]:
    return (reminder.fire_at or reminder.due_at, reminder.key)


def fingerprint(*parts: object) -> str:
    text = "|".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def reminder_key(kind: ReminderKind, object_id: str) -> str:
    return f"{kind.value}:{object_id}"


def parse_key(key: str) -> tuple[ReminderKind, str]:
    kind_text, _, object_id = key.partition(":")
    try:
        kind = ReminderKind(kind_text)
    except ValueError:
        raise NotFound(tr("Onbekende herinnering.")) from None
    if not object_id:
        raise NotFound(tr("Onbekende herinnering."))
    return kind, object_id


def at_day_start(day: date) -> datetime:
    return datetime.combine(day, DAY_START)


def visit_reminders(
    visit_id: str,
    start: datetime,
    end: datetime,
    case_id: str | None,
    case_reference: str | None,
    area: str | None,
) -> list[Reminder]:
    """A planned visit: the day before, one hour before, and no outcome after its end."""
    fp = fingerprint(start.isoformat(), end.isoformat())
    common = {
        "object_id": visit_id,
        "reference": None,
        "case_id": case_id,
        "case_reference": case_reference,
        "area": area,
        "event_at": start,
        "fingerprint": fp,
    }
    return [
        Reminder(
            key=reminder_key(ReminderKind.VISIT_TOMORROW, visit_id),
            kind=ReminderKind.VISIT_TOMORROW,
            due_at=at_day_start(start.date() - timedelta(days=1)),
            # On the day itself it is no longer "tomorrow"; the one-hour reminder follows.
            expires_at=datetime.combine(start.date(), time.min),
            **common,  # type: ignore[arg-type]
        ),
        Reminder(
            key=reminder_key(ReminderKind.VISIT_SOON, visit_id),
            kind=ReminderKind.VISIT_SOON,
            due_at=start - VISIT_SOON,
            expires_at=start,
            **common,  # type: ignore[arg-type]
        ),
        Reminder(
            key=reminder_key(ReminderKind.VISIT_NO_OUTCOME, visit_id),
            kind=ReminderKind.VISIT_NO_OUTCOME,
            due_at=end,
            expires_at=None,
            **common,  # type: ignore[arg-type]
        ),
    ]


def action_reminders(
    action_id: str,
    reference: str,
    deadline: date,
    case_id: str,
    case_reference: str,
    area: str | None,
    case_closed_at: datetime | None,
) -> list[Reminder]:
    """An open action: deadline today, then overdue; on a closed case, the case's closing."""
    common = {
        "object_id": action_id,
        "reference": reference,
        "case_id": case_id,
        "case_reference": case_reference,
        "area": area,
    }
    if case_closed_at is not None:
        return [
            Reminder(
                key=reminder_key(ReminderKind.ACTION_CLOSED_CASE, action_id),
                kind=ReminderKind.ACTION_CLOSED_CASE,
                fingerprint=fingerprint(case_closed_at.isoformat()),
                due_at=case_closed_at,
                expires_at=None,
                event_at=case_closed_at,
                all_day=True,
                **common,  # type: ignore[arg-type]
            )
        ]
    fp = fingerprint(deadline.isoformat())
    day_end = datetime.combine(deadline + timedelta(days=1), time.min)
    return [
        Reminder(
            key=reminder_key(ReminderKind.ACTION_DUE_TODAY, action_id),
            kind=ReminderKind.ACTION_DUE_TODAY,
            fingerprint=fp,
            due_at=at_day_start(deadline),
            expires_at=day_end,
            event_at=datetime.combine(deadline, time.min),
            all_day=True,
            **common,  # type: ignore[arg-type]
        ),
        Reminder(
            key=reminder_key(ReminderKind.ACTION_OVERDUE, action_id),
            kind=ReminderKind.ACTION_OVERDUE,
            fingerprint=fp,
            due_at=at_day_start(deadline + timedelta(days=1)),
            expires_at=None,
            event_at=datetime.combine(deadline, time.min),
            all_day=True,
            **common,  # type: ignore[arg-type]
        ),
    ]


def review_date(next_review_date: date | None, risk: str, started: date) -> date | None:
    """The case's review date: the one set on the case, else the risk cadence from its
    start (or last progress); None for a risk level without periodic review."""
    if next_review_date is not None:
        return next_review_date
    try:
        level = RiskLevel(risk)
    except ValueError:
        return None
    return next_review(started, level)


def review_reminder(
    case_id: str, case_reference: str, area: str | None, risk: str, day: date
) -> Reminder:
    return Reminder(
        key=reminder_key(ReminderKind.CASE_REVIEW, case_id),
        kind=ReminderKind.CASE_REVIEW,
        fingerprint=fingerprint(day.isoformat(), risk),
        due_at=at_day_start(day),
        expires_at=None,
        object_id=case_id,
        reference=None,
        case_id=case_id,
        case_reference=case_reference,
        area=area,
        event_at=datetime.combine(day, time.min),
        all_day=True,
    )


def escalation_reminder(
    escalation_id: str,
    reference: str,
    status: str,
    changed_at: datetime,
    case_id: str,
    case_reference: str,
    area: str | None,
) -> Reminder:
    """``changed_at``: local time of the last status change."""
    return Reminder(
        key=reminder_key(ReminderKind.ESCALATION_STALE, escalation_id),
        kind=ReminderKind.ESCALATION_STALE,
        fingerprint=fingerprint(status, changed_at.isoformat()),
        due_at=changed_at + ESCALATION_STALE_AFTER,
        expires_at=None,
        object_id=escalation_id,
        reference=reference,
        case_id=case_id,
        case_reference=case_reference,
        area=area,
        event_at=changed_at,
    )


def meeting_reminder(
    meeting_id: str, meeting_type: str, start: datetime, area: str | None
) -> Reminder:
    try:
        detail = MeetingType(meeting_type).label
    except ValueError:
        detail = tr("Overleg")
    return Reminder(
        key=reminder_key(ReminderKind.MEETING_AGENDA, meeting_id),
        kind=ReminderKind.MEETING_AGENDA,
        fingerprint=fingerprint(start.isoformat()),
        due_at=at_day_start(start.date() - timedelta(days=MEETING_AGENDA_DAYS)),
        expires_at=start,
        object_id=meeting_id,
        reference=None,
        case_id=None,
        case_reference=None,
        area=area,
        event_at=start,
        detail=detail,
    )


def evaluate(
    candidates: Iterable[Reminder],
    states: Mapping[str, StateView],
    now: datetime,
    since: datetime | None,
    horizon: timedelta = HORIZON,
) -> Evaluation:
    """Sort the candidates for one user at ``now`` (local).

    A state counts only for the fingerprint it was made for. Dismissed: gone. Snoozed:
    fires at ``snoozed_until``. Due and still current: active, and fired when not fired
    before. Due since ``since`` but passed meanwhile and never fired: missed.
    """
    fired: list[Reminder] = []
    missed: list[Reminder] = []
    active: list[Reminder] = []
    upcoming: list[ScheduledReminder] = []
    for candidate in candidates:
        state = states.get(candidate.key)
        if state is not None and state.fingerprint != candidate.fingerprint:
            state = None
        if state is not None and state.dismissed:
            continue
        fire_at = candidate.due_at
        if state is not None and state.snoozed_until is not None:
            fire_at = max(fire_at, state.snoozed_until)
        reminder = replace(candidate, fire_at=fire_at)
        expired = candidate.expires_at is not None and candidate.expires_at <= now
        already = state is not None and state.fired_at is not None
        if fire_at > now:
            if fire_at <= now + horizon and not (
                candidate.expires_at is not None and fire_at >= candidate.expires_at
            ):
                upcoming.append(ScheduledReminder(candidate.key, fire_at))
        elif not expired:
            active.append(reminder)
            if not already:
                fired.append(reminder)
        elif not already and since is not None and fire_at >= since:
            missed.append(reminder)
    return Evaluation(
        tuple(sorted(fired, key=reminder_order)),
        tuple(sorted(missed, key=reminder_order)),
        tuple(sorted(active, key=reminder_order)),
        tuple(sorted(upcoming, key=lambda s: (s.fire_at, s.key))),
    )


def snooze_choices(reminder: Reminder, now: datetime) -> list[tuple[str, datetime]]:
    """Snooze options that still make sense for this reminder (before it expires)."""
    tomorrow = at_day_start(now.date() + timedelta(days=1))
    next_workday = at_day_start(next_working_day(now.date() + timedelta(days=1)))
    options = [
        (tr("15 minuten"), now + timedelta(minutes=15)),
        (tr("1 uur"), now + timedelta(hours=1)),
        (tr("Morgen 08:00"), tomorrow),
    ]
    if next_workday != tomorrow:
        options.append((tr("Volgende werkdag 08:00"), next_workday))
    options.append((tr("Over een week"), at_day_start(now.date() + timedelta(days=7))))
    return [
        (label, moment)
        for label, moment in options
        if reminder.expires_at is None or moment < reminder.expires_at
    ]


__all__ = [
    "DAY_START",
    "HORIZON",
    "Evaluation",
    "Reminder",
    "ReminderKind",
    "ScheduledReminder",
    "StateView",
    "evaluate",
    "format_moment",
    "parse_key",
    "snooze_choices",
]
