"""The minutes of a meeting: the decision on an agenda item and the actions agreed, recorded
in one unit of work.
"""

from __future__ import annotations

from collections.abc import Sequence

from sociaalveilig.core.enums import RiskLevel
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.workdays import next_review
from sociaalveilig.services.actions import (
    OBJ_AGENDA_ITEM,
    OBJ_CASE,
    OBJ_MEETING,
    ActionInput,
    insert_action,
    load_case,
    require_role,
    start_handling,
    utc_naive,
    validate_action,
    work_unit,
)
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.meeting_agenda import (
    AgendaItemInfo,
    check_item_version,
    item_infos,
    load_item,
)
from sociaalveilig.services.meeting_planning import (
    ORGANISERS,
    MeetingStatus,
    format_day,
    load_meeting,
    require_status,
)
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.signal_outcomes import OutcomeChoice, SignalOutcome, apply_outcome_row
from sociaalveilig.services.signal_records import find_signal
from sociaalveilig.services.versions import refuses_stale, set_unversioned

MAX_DECISION = 4000
DECISION_PURPOSE = "besluit overleg"
"""The purpose noted with the change of a case by a decision in the minutes."""


def _decision_text(decision_text: str) -> str:
    """The decision as stored: trimmed, not empty, not too long."""
    text = (decision_text or "").strip()
    if not text:
        raise ValidationError(
            tr("Schrijf het besluit op: wat spraken de partners af?"), field="decision_text"
        )
    if len(text) > MAX_DECISION:
        raise ValidationError(
            tr("Het besluit is te lang ({n} tekens); maximaal {max}.").format(
                n=len(text), max=MAX_DECISION
            ),
            field="decision_text",
        )
    return text


@retrying
@refuses_stale
def record_decision(
    ctx: ServiceContext,
    item_id: str,
    decision_text: str,
    actions: Sequence[ActionInput] = (),
    signal_outcome: OutcomeChoice | None = None,
    *,
    expected_version: int | None = None,
) -> AgendaItemInfo:
    """Record the decision on an agenda item and the actions agreed, in one unit of work:
    when one action is invalid, nothing is saved. The case counts as reviewed: its next
    review follows the risk cadence from the meeting date.

    On a signal item, ``signal_outcome`` says what happens to the signal (handled,
    rejected, a new case, linked; None or "blijft": it stays routed), applied in the same
    unit of work; after a new case or a link the actions go to that case."""
    require_role(ctx, *ORGANISERS)
    with work_unit(ctx) as session:
        item = load_item(session, item_id)
        meeting = load_meeting(session, item.meeting_id)
        check_item_version(ctx, session, item, expected_version)
        require_status(meeting, MeetingStatus.GEPLAND, MeetingStatus.GEHOUDEN)
        if meeting.starts_at > ctx.clock.now():
            raise ValidationError(
                tr("Het overleg begint pas {start}; leg het besluit daarna vast.").format(
                    start=meeting.starts_at.strftime("%d-%m-%Y %H:%M")
                ),
                field="decision_text",
            )
        if item.decision is not None:
            raise ValidationError(
                tr("Op dit agendapunt is al een besluit vastgelegd."), field="item_id"
            )
        text = _decision_text(decision_text)
        case = load_case(session, ctx, item.case_id) if item.case_id else None
        if signal_outcome is not None and item.signal_id is not None and case is None:
            signal = find_signal(session, item.signal_id)
            apply_outcome_row(ctx, session, signal, signal_outcome)
            if signal.case_id is not None:
                case = load_case(session, ctx, signal.case_id)
        elif signal_outcome is not None and signal_outcome.outcome is not SignalOutcome.BLIJFT:
            raise ValidationError(
                tr("Dit agendapunt gaat over een casus, niet over een los signaal."),
                field="signal_outcome",
            )
        if actions and case is None:
            raise ValidationError(
                tr("Acties horen bij een casus: koppel het signaal eerst aan een (nieuwe) casus."),
                field="actions",
            )
        if case is not None:
            # Check every action before saving any, so the message names the first bad one.
            for number, inp in enumerate(actions, start=1):
                validate_action(session, ctx, case, inp, tr("Actie {n}").format(n=number))
            for number, inp in enumerate(actions, start=1):
                insert_action(session, ctx, case, inp, item.id, tr("Actie {n}").format(n=number))
            start_handling(
                session,
                ctx,
                case,
                tr("Besproken in het overleg van {day}.").format(day=format_day(meeting.starts_at)),
            )
            set_unversioned(
                session,
                case,
                last_progress_at=utc_naive(ctx),
                next_review=next_review(meeting.starts_at.date(), RiskLevel(case.risk_level)),
            )
            ctx.audit(session, "update", OBJ_CASE, case.reference, purpose=DECISION_PURPOSE)
        item.decision = text
        item.decided_at = utc_naive(ctx)
        ctx.audit(session, "update", OBJ_AGENDA_ITEM, item.id)
        if meeting.status == MeetingStatus.GEPLAND:
            meeting.status = str(MeetingStatus.GEHOUDEN)
            ctx.audit(session, "update", OBJ_MEETING, meeting.id)
        # Only this item is returned: the rest of the agenda is neither rebuilt nor logged.
        session.flush()
        return item_infos(ctx, session, [item], None)[0]


__all__ = [
    "record_decision",
]
