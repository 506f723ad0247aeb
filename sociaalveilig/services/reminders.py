"""Reminders: what falls due for a user, computed from the store's rows.

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
it (the planned time, the deadline, the review date...). ``ReminderState`` keeps, per user
and key, what the user did (snoozed until, dismissed) and when it fired, together with the
fingerprint it applied to: when the work changes the fingerprint changes, and the old
state no longer counts. So a dismissed reminder comes back only when its work changes, and
a reminder fires once per fingerprint, even when the computer's clock jumps back.

Catch-up: the last sync per user is kept in ``Setting``. A sync lists every reminder that
fell due since then and was not fired before: those still current (``fired``) and those
whose moment has passed meanwhile (``missed``: a visit that took place while the laptop
was closed). Nothing is skipped; each is listed once.

Times: due times are naive local time (Europe/Amsterdam), like the planned times of visits
and meetings; ``ReminderState.snoozed_until`` is local too, ``fired_at`` naive UTC like
every ``*_at`` column. Texts carry the kind, a reference, the time and the focus area, never
a resident's name, address or reason of concern: they appear in desktop notifications.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import (
    ActionStatus,
    CaseStatus,
    EscalationStatus,
    MeetingType,
    RiskLevel,
    VisitStatus,
)
from sociaalveilig.core.errors import NotFound, ValidationError
from sociaalveilig.core.i18n import QT_TR_NOOP, tr
from sociaalveilig.core.workdays import next_review, next_working_day
from sociaalveilig.services import access
from sociaalveilig.services.context import ServiceContext, local_to_utc, utc_to_local
from sociaalveilig.services.retry import retrying
from sociaalveilig.storage.models import (
    Action,
    Case,
    Escalation,
    FocusArea,
    Meeting,
    ReminderState,
    Setting,
    Visit,
)

DAY_START = time(8, 0)
"""Reminders about a day (deadline, review, "tomorrow") fall due at the start of work."""
HORIZON = timedelta(days=1)
"""How far ahead a sync plans its jobs; a re-sync every 15 minutes moves the horizon."""
VISIT_SOON = timedelta(hours=1)
MEETING_AGENDA_DAYS = 2
ESCALATION_STALE_AFTER = timedelta(days=14)
CLOCK_TOLERANCE = timedelta(minutes=2)
"""A clock this much behind the last sync has been turned back (not just a slow sync)."""
MAX_SNOOZE = timedelta(days=30)
STATE_KEEP = timedelta(days=60)
"""States of reminders that no longer apply are forgotten this long after they fired."""
LAST_SYNC_PREFIX = "reminders.last_sync."

_OPEN_ACTION = (ActionStatus.OPEN.value, ActionStatus.IN_UITVOERING.value)
_OPEN_ESCALATION = tuple(s.value for s in EscalationStatus if s.is_open)
_REVIEWED_RISKS = (RiskLevel.HOOG.value, RiskLevel.MIDDEN.value)
# Meetings that will not take place (or already did) need no agenda reminder.
_FINISHED_MEETING = ("geannuleerd", "afgelast", "vervallen", "gehouden", "afgerond")
_CLOSED = CaseStatus.AFGESLOTEN.value


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


@dataclass(frozen=True)
class ReminderSync:
    now: datetime
    since: datetime | None
    """Local time of the previous sync (None: first sync, or the clock was turned back)."""
    fired: tuple[Reminder, ...]
    missed: tuple[Reminder, ...]
    active: tuple[Reminder, ...]
    upcoming: tuple[ScheduledReminder, ...]
    clock_back: bool = False
    quiet: tuple[Reminder, ...] = ()
    """Turned back clock: reminders that became due again in the repeated hours; marked
    fired and listed in ``active``, but not announced (they were dealt with before)."""
    notice: str | None = None

    @property
    def caught_up(self) -> tuple[Reminder, ...]:
        """Every reminder this sync brought up for the first time, oldest first."""
        return tuple(sorted(self.fired + self.missed, key=_order))


def _order(reminder: Reminder) -> tuple[datetime, str]:
    return (reminder.fire_at or reminder.due_at, reminder.key)


# --------------------------------------------------------------------------- pure part


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


def _at_day_start(day: date) -> datetime:
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
            due_at=_at_day_start(start.date() - timedelta(days=1)),
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
            due_at=_at_day_start(deadline),
            expires_at=day_end,
            event_at=datetime.combine(deadline, time.min),
            all_day=True,
            **common,  # type: ignore[arg-type]
        ),
        Reminder(
            key=reminder_key(ReminderKind.ACTION_OVERDUE, action_id),
            kind=ReminderKind.ACTION_OVERDUE,
            fingerprint=fp,
            due_at=_at_day_start(deadline + timedelta(days=1)),
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
        due_at=_at_day_start(day),
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
        due_at=_at_day_start(start.date() - timedelta(days=MEETING_AGENDA_DAYS)),
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
        tuple(sorted(fired, key=_order)),
        tuple(sorted(missed, key=_order)),
        tuple(sorted(active, key=_order)),
        tuple(sorted(upcoming, key=lambda s: (s.fire_at, s.key))),
    )


def snooze_choices(reminder: Reminder, now: datetime) -> list[tuple[str, datetime]]:
    """Snooze options that still make sense for this reminder (before it expires)."""
    tomorrow = _at_day_start(now.date() + timedelta(days=1))
    next_workday = _at_day_start(next_working_day(now.date() + timedelta(days=1)))
    options = [
        (tr("15 minuten"), now + timedelta(minutes=15)),
        (tr("1 uur"), now + timedelta(hours=1)),
        (tr("Morgen 08:00"), tomorrow),
    ]
    if next_workday != tomorrow:
        options.append((tr("Volgende werkdag 08:00"), next_workday))
    options.append((tr("Over een week"), _at_day_start(now.date() + timedelta(days=7))))
    return [
        (label, moment)
        for label, moment in options
        if reminder.expires_at is None or moment < reminder.expires_at
    ]


# --------------------------------------------------------------------------- from the rows


def _visits(
    session: Session,
    ctx: ServiceContext,
    lo: datetime,
    hi: datetime,
    object_id: str | None,
) -> list[Reminder]:
    stmt = (
        select(
            Visit.id,
            Visit.planned_start,
            Visit.planned_end,
            Visit.case_id,
            Case.reference,
            FocusArea.name,
            Visit.city,
        )
        .outerjoin(Case, Case.id == Visit.case_id)
        .outerjoin(FocusArea, FocusArea.id == Case.focus_area_id)
        .where(Visit.status == VisitStatus.GEPLAND.value, access.visit_scope(ctx))
    )
    if object_id is not None:
        stmt = stmt.where(Visit.id == object_id)
    else:
        stmt = stmt.where(
            or_(
                and_(Visit.planned_start > lo, Visit.planned_start <= hi + timedelta(days=2)),
                Visit.planned_end <= hi,
            )
        )
    result: list[Reminder] = []
    for visit_id, start, end, case_id, case_ref, area, city in session.execute(stmt):
        result.extend(visit_reminders(visit_id, start, end, case_id, case_ref, area or city))
    return result


def _actions(
    session: Session,
    ctx: ServiceContext,
    hi: datetime,
    object_id: str | None,
) -> list[Reminder]:
    stmt = (
        select(
            Action.id,
            Action.reference,
            Action.deadline,
            Case.id,
            Case.reference,
            FocusArea.name,
            Case.status,
            Case.closed_at,
        )
        .join(Case, Case.id == Action.case_id)
        .outerjoin(FocusArea, FocusArea.id == Case.focus_area_id)
        .where(Action.status.in_(_OPEN_ACTION), access.action_scope(ctx))
    )
    if object_id is not None:
        stmt = stmt.where(Action.id == object_id)
    else:
        stmt = stmt.where(or_(Action.deadline <= hi.date(), Case.status == _CLOSED))
    result: list[Reminder] = []
    for action_id, ref, deadline, case_id, case_ref, area, status, closed_at in session.execute(
        stmt
    ):
        closed = None
        if status == _CLOSED:
            closed = utc_to_local(closed_at) if closed_at is not None else _at_day_start(deadline)
        result.extend(action_reminders(action_id, ref, deadline, case_id, case_ref, area, closed))
    return result


def _reviews(
    session: Session,
    ctx: ServiceContext,
    hi: datetime,
    object_id: str | None,
) -> list[Reminder]:
    stmt = (
        select(
            Case.id,
            Case.reference,
            Case.risk_level,
            Case.next_review,
            Case.created_at,
            Case.last_progress_at,
            FocusArea.name,
        )
        .outerjoin(FocusArea, FocusArea.id == Case.focus_area_id)
        .where(Case.status != _CLOSED, access.case_work_scope(ctx))
    )
    if object_id is not None:
        stmt = stmt.where(Case.id == object_id)
    else:
        stmt = stmt.where(
            or_(
                Case.next_review <= hi.date(),
                and_(Case.next_review.is_(None), Case.risk_level.in_(_REVIEWED_RISKS)),
            )
        )
    result: list[Reminder] = []
    for case_id, ref, risk, review, created, progress, area in session.execute(stmt):
        started = utc_to_local(progress or created).date()
        day = review_date(review, risk, started)
        if day is not None:
            result.append(review_reminder(case_id, ref, area, risk, day))
    return result


def _escalations(
    session: Session,
    ctx: ServiceContext,
    hi: datetime,
    object_id: str | None,
) -> list[Reminder]:
    stmt = (
        select(
            Escalation.id,
            Escalation.reference,
            Escalation.status,
            Escalation.status_changed_at,
            Case.id,
            Case.reference,
            FocusArea.name,
        )
        .join(Case, Case.id == Escalation.case_id)
        .outerjoin(FocusArea, FocusArea.id == Case.focus_area_id)
        .where(Escalation.status.in_(_OPEN_ESCALATION), access.case_work_scope(ctx))
    )
    if object_id is not None:
        stmt = stmt.where(Escalation.id == object_id)
    else:
        stmt = stmt.where(Escalation.status_changed_at <= local_to_utc(hi - ESCALATION_STALE_AFTER))
    return [
        escalation_reminder(esc_id, ref, status, utc_to_local(changed), case_id, case_ref, area)
        for esc_id, ref, status, changed, case_id, case_ref, area in session.execute(stmt)
    ]


def _meetings(
    session: Session,
    ctx: ServiceContext,
    lo: datetime,
    hi: datetime,
    object_id: str | None,
) -> list[Reminder]:
    stmt = (
        select(Meeting.id, Meeting.meeting_type, Meeting.starts_at, FocusArea.name)
        .outerjoin(FocusArea, FocusArea.id == Meeting.focus_area_id)
        .where(
            Meeting.agenda_sent_at.is_(None),
            Meeting.status.not_in(_FINISHED_MEETING),
            access.agenda_reminder_scope(ctx),
        )
    )
    if object_id is not None:
        stmt = stmt.where(Meeting.id == object_id)
    else:
        stmt = stmt.where(
            Meeting.starts_at > lo,
            Meeting.starts_at <= hi + timedelta(days=MEETING_AGENDA_DAYS + 1),
        )
    return [
        meeting_reminder(meeting_id, meeting_type, start, area)
        for meeting_id, meeting_type, start, area in session.execute(stmt)
    ]


def candidates(session: Session, ctx: ServiceContext, lo: datetime, hi: datetime) -> list[Reminder]:
    """Every reminder of the acting user that can matter between ``lo`` and ``hi``
    (local): due before ``hi`` and not expired before ``lo``."""
    return [
        *_visits(session, ctx, lo, hi, None),
        *_actions(session, ctx, hi, None),
        *_reviews(session, ctx, hi, None),
        *_escalations(session, ctx, hi, None),
        *_meetings(session, ctx, lo, hi, None),
    ]


def _candidate_for_key(session: Session, ctx: ServiceContext, key: str) -> Reminder:
    kind, object_id = parse_key(key)
    now = ctx.clock.now()
    builders = {
        "visit": lambda: _visits(session, ctx, now, now, object_id),
        "action": lambda: _actions(session, ctx, now, object_id),
        "case": lambda: _reviews(session, ctx, now, object_id),
        "escalation": lambda: _escalations(session, ctx, now, object_id),
        "meeting": lambda: _meetings(session, ctx, now, now, object_id),
    }
    for reminder in builders[kind.object_type]():
        if reminder.key == key:
            return reminder
    raise NotFound(
        tr(
            "Deze herinnering geldt niet meer: het werk is intussen afgerond of gewijzigd. "
            "Ververs de lijst."
        )
    )


# --------------------------------------------------------------------------- states


def _load_states(session: Session, user_id: str) -> dict[str, ReminderState]:
    rows = session.execute(select(ReminderState).where(ReminderState.user_id == user_id))
    return {row.reminder_key: row for row in rows.scalars()}


def _view(row: ReminderState) -> StateView:
    return StateView(row.fingerprint, bool(row.dismissed), row.snoozed_until, row.fired_at)


def _state_for(
    session: Session, rows: dict[str, ReminderState], user_id: str, reminder: Reminder
) -> ReminderState:
    """The user's state row for this reminder, reset when the work changed."""
    row = rows.get(reminder.key)
    if row is None:
        row = ReminderState(
            user_id=user_id,
            reminder_key=reminder.key,
            fingerprint=reminder.fingerprint,
            dismissed=False,
            snoozed_until=None,
            fired_at=None,
        )
        session.add(row)
        rows[reminder.key] = row
    elif row.fingerprint != reminder.fingerprint:
        row.fingerprint = reminder.fingerprint
        row.dismissed = False
        row.snoozed_until = None
        row.fired_at = None
    return row


def _prune(
    session: Session,
    rows: dict[str, ReminderState],
    current: set[str],
    now: datetime,
    utc_now: datetime,
) -> None:
    """Forget states of reminders whose work is gone or long past (a deleted visit, a held
    meeting): not current, fired over ``STATE_KEEP`` ago and not snoozed into the future.
    Reminders without an end (overdue work, reviews, stale escalations) stay current as
    long as their work is open, so their states are kept."""
    for key, row in list(rows.items()):
        if key in current:
            continue
        if row.fired_at is not None and row.fired_at > utc_now - STATE_KEEP:
            continue
        if row.snoozed_until is not None and row.snoozed_until > now:
            continue
        session.delete(row)
        del rows[key]


def _last_sync_key(user_id: str) -> str:
    return LAST_SYNC_PREFIX + user_id


def _read_last_sync(session: Session, user_id: str) -> datetime | None:
    setting = session.get(Setting, _last_sync_key(user_id))
    if setting is None:
        return None
    try:
        moment = datetime.fromisoformat(setting.value)
    except ValueError:
        return None  # a damaged value: start again as on a first sync
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _write_last_sync(session: Session, user_id: str, moment: datetime) -> None:
    key = _last_sync_key(user_id)
    setting = session.get(Setting, key)
    value = moment.astimezone(UTC).isoformat()
    if setting is None:
        session.add(Setting(key=key, value=value))
    else:
        setting.value = value


# --------------------------------------------------------------------------- services


@retrying
def sync(ctx: ServiceContext, horizon: timedelta = HORIZON) -> ReminderSync:
    """Fire what is due for the acting user, list what was missed since the last sync,
    and return the jobs to plan. Called at unlock (catch-up), by every job, every 15
    minutes and after work changed. One unit of work."""
    user_id = ctx.actor.user_id
    with ctx.unit() as session:
        now = ctx.clock.now()
        utc_now = ctx.clock.utcnow()
        last = _read_last_sync(session, user_id)
        clock_back = last is not None and utc_now < last - CLOCK_TOLERANCE
        last_local = None if last is None else utc_to_local(last)
        since = None if clock_back else last_local
        lo = min(since, now) if since is not None else now
        rows = _load_states(session, user_id)
        found = candidates(session, ctx, lo, now + horizon)
        evaluation = evaluate(
            found, {key: _view(row) for key, row in rows.items()}, now, since, horizon
        )
        fired_at = utc_now.astimezone(UTC).replace(tzinfo=None)
        for reminder in evaluation.fired + evaluation.missed:
            row = _state_for(session, rows, user_id, reminder)
            row.fired_at = fired_at
        _prune(session, rows, {r.key for r in found}, now, fired_at)
        _write_last_sync(session, user_id, utc_now)
        notice = None
        if clock_back and last_local is not None:
            notice = tr(
                "De klok van deze computer is teruggezet: de vorige controle was om {then}, "
                "nu is het {now}. Herinneringen die al gemeld zijn, worden niet opnieuw "
                "gemeld; controleer de datum en tijd van de computer."
            ).format(then=format_moment(last_local), now=format_moment(now))
        return ReminderSync(
            now=now,
            since=since,
            fired=() if clock_back else evaluation.fired,
            missed=evaluation.missed,
            active=evaluation.active,
            upcoming=evaluation.upcoming,
            clock_back=clock_back,
            notice=notice,
            quiet=evaluation.fired if clock_back else (),
        )


@retrying
def current_reminders(ctx: ServiceContext) -> list[Reminder]:
    """What is due now for the acting user (not dismissed or snoozed); changes nothing."""
    with ctx.unit() as session:
        now = ctx.clock.now()
        rows = _load_states(session, ctx.actor.user_id)
        evaluation = evaluate(
            candidates(session, ctx, now, now),
            {key: _view(row) for key, row in rows.items()},
            now,
            None,
            timedelta(0),
        )
        return list(evaluation.active)


@retrying
def snooze(ctx: ServiceContext, key: str, until: datetime) -> Reminder:
    """Put a reminder off until ``until`` (local); it fires again then."""
    with ctx.unit() as session:
        now = ctx.clock.now()
        reminder = _candidate_for_key(session, ctx, key)
        if until <= now:
            raise ValidationError(
                tr("Kies een tijdstip na {now} om de herinnering uit te stellen.").format(
                    now=format_moment(now)
                ),
                field="until",
            )
        if until > now + MAX_SNOOZE:
            raise ValidationError(
                tr("Een herinnering kan hoogstens 30 dagen worden uitgesteld, tot {last}.").format(
                    last=format_moment(now + MAX_SNOOZE)
                ),
                field="until",
            )
        if reminder.expires_at is not None and until >= reminder.expires_at:
            raise ValidationError(
                tr(
                    "Deze herinnering vervalt op {expires}; stel hem uit tot vóór dat tijdstip."
                ).format(expires=format_moment(reminder.expires_at)),
                field="until",
            )
        rows = _load_states(session, ctx.actor.user_id)
        row = _state_for(session, rows, ctx.actor.user_id, reminder)
        row.dismissed = False
        row.snoozed_until = until
        row.fired_at = None
        ctx.audit(session, "reminder_snooze", reminder.object_type, _audit_id(reminder))
        return replace(reminder, fire_at=until)


def _audit_id(reminder: Reminder) -> str:
    """How the audit log names the reminder's object: its own reference (action,
    escalation), the case reference for a review, the id for a visit or meeting."""
    if reminder.reference:
        return reminder.reference
    if reminder.object_type == "case" and reminder.case_reference:
        return reminder.case_reference
    return reminder.object_id


@retrying
def dismiss(ctx: ServiceContext, key: str) -> None:
    """Mark a reminder done: it stays away until its work changes."""
    with ctx.unit() as session:
        reminder = _candidate_for_key(session, ctx, key)
        rows = _load_states(session, ctx.actor.user_id)
        row = _state_for(session, rows, ctx.actor.user_id, reminder)
        row.dismissed = True
        row.snoozed_until = None
        if row.fired_at is None:
            row.fired_at = ctx.clock.utcnow().astimezone(UTC).replace(tzinfo=None)
        ctx.audit(session, "reminder_done", reminder.object_type, _audit_id(reminder))


@retrying
def last_sync(ctx: ServiceContext) -> datetime | None:
    """Local time of the acting user's last reminder sync."""
    with ctx.unit() as session:
        last = _read_last_sync(session, ctx.actor.user_id)
        return None if last is None else utc_to_local(last)


__all__ = [
    "DAY_START",
    "HORIZON",
    "Evaluation",
    "Reminder",
    "ReminderKind",
    "ReminderSync",
    "ScheduledReminder",
    "StateView",
    "candidates",
    "current_reminders",
    "dismiss",
    "evaluate",
    "format_moment",
    "last_sync",
    "parse_key",
    "snooze",
    "snooze_choices",
    "sync",
]
