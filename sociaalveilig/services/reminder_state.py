"""What a user did with a reminder, and the sync that lists what fell due.

``ReminderState`` keeps, per user and key, what the user did (snoozed until, dismissed) and
when it fired, together with the fingerprint of the work it applied to (``reminder_rules``):
when the work changes the fingerprint changes, and the old state no longer counts. So a
dismissed reminder comes back only when its work changes, and a reminder fires once per
fingerprint, even when the computer's clock jumps back.

Catch-up: the last sync per user is kept in ``Setting``. A sync lists every reminder that
fell due since then and was not fired before: those still current (``fired``) and those
whose moment has passed meanwhile (``missed``: a visit that took place while the laptop
was closed). Nothing is skipped; each is listed once.

``ReminderState.snoozed_until`` is naive local time, ``fired_at`` naive UTC like every
``*_at`` column.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.services.context import ServiceContext, utc_to_local
from sociaalveilig.services.reminder_rules import (
    CLOCK_TOLERANCE,
    HORIZON,
    Reminder,
    ScheduledReminder,
    StateView,
    evaluate,
    format_moment,
    reminder_order,
)
from sociaalveilig.services.reminder_sources import candidate_for_key, candidates
from sociaalveilig.services.retry import retrying
from sociaalveilig.storage.models import ReminderState, Setting

MAX_SNOOZE = timedelta(days=30)
STATE_KEEP = timedelta(days=60)
"""States of reminders that no longer apply are forgotten this long after they fired."""

LAST_SYNC_PREFIX = "reminders.last_sync."


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
        return tuple(sorted(self.fired + self.missed, key=reminder_order))


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
        reminder = candidate_for_key(session, ctx, key)
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
        reminder = candidate_for_key(session, ctx, key)
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
    "ReminderSync",
    "current_reminders",
    "dismiss",
    "last_sync",
    "snooze",
    "sync",
]
