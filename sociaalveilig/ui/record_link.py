"""A link to one record in the window: what "open this" means for a row on Vandaag, a
reminder or a timeline entry.

``MainWindow.show_record(link)`` opens the page that holds the record, on the right week or
month, with the record selected and scrolled to: a visit in Huisbezoeken at the week of the
visit, a meeting in Overleggen at its month, an escalation in Opschalingen, a case (its
review or one of its actions) in the case view, a signal in its own window. A page asks for
it with ``Page.show_record_requested``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sociaalveilig.services.reminder_rules import Reminder
from sociaalveilig.services.worklist import WorkItem, WorkKind


class RecordKind(StrEnum):
    SIGNAL = "signal"
    CASE = "case"
    ACTION = "action"
    REVIEW = "review"
    VISIT = "visit"
    MEETING = "meeting"
    ESCALATION = "escalation"


@dataclass(frozen=True)
class RecordLink:
    kind: RecordKind
    object_id: str
    case_id: str | None = None
    day: date | None = None
    """For a visit or a meeting: the day it is planned (the week or month to show)."""


_WORK_KINDS = {
    WorkKind.SIGNAL: RecordKind.SIGNAL,
    WorkKind.ACTION: RecordKind.ACTION,
    WorkKind.REVIEW: RecordKind.REVIEW,
    WorkKind.VISIT: RecordKind.VISIT,
}

_REMINDER_TYPES = {
    "visit": RecordKind.VISIT,
    "action": RecordKind.ACTION,
    "case": RecordKind.REVIEW,
    "escalation": RecordKind.ESCALATION,
    "meeting": RecordKind.MEETING,
}


def link_for_work(item: WorkItem) -> RecordLink:
    day = item.due_at.date() if item.due_at is not None else item.due
    return RecordLink(_WORK_KINDS[item.kind], item.object_id, item.case_id, day)


def link_for_reminder(reminder: Reminder) -> RecordLink:
    return RecordLink(
        _REMINDER_TYPES[reminder.kind.object_type],
        reminder.object_id,
        reminder.case_id,
        reminder.event_at.date(),
    )


__all__ = ["RecordKind", "RecordLink", "link_for_reminder", "link_for_work"]
