"""What should be on a meeting's agenda and is not yet: signals routed to the meeting, cases
due for review, open escalations and cases just afgeschaald, one proposal per case.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import (
    CaseStatus,
    EscalationStatus,
    EscalationTarget,
    MeetingType,
    RiskLevel,
    SignalStatus,
)
from sociaalveilig.core.i18n import tr
from sociaalveilig.services.actions import work_unit
from sociaalveilig.services.context import ServiceContext, local_to_utc, utc_to_local
from sociaalveilig.services.meeting_agenda import (
    REASON_PRIORITY,
    AgendaProposal,
    AgendaReason,
    category_names,
)
from sociaalveilig.services.meeting_planning import (
    MeetingStatus,
    check_preparer,
    format_day,
    load_meeting,
)
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.signal_records import format_address
from sociaalveilig.storage.models import AgendaItem, Case, Category, Escalation, Meeting, Signal


def _case_meeting_types(session: Session, case_ids: set[str]) -> dict[str, set[str]]:
    """Per case, the meeting types its signals were routed to (or whose category they
    belong to when routed to the coordinator); empty when the case has no signals."""
    result: dict[str, set[str]] = {case_id: set() for case_id in case_ids}
    if not case_ids:
        return result
    category_meeting = dict(session.execute(select(Category.id, Category.meeting)).tuples().all())
    for case_id, target, category_id in session.execute(
        select(Signal.case_id, Signal.route_target, Signal.category_id).where(
            Signal.case_id.in_(case_ids)
        )
    ).tuples():
        if case_id is None:
            continue
        kind: MeetingType | None = None
        if target in {t.value for t in MeetingType}:
            kind = MeetingType(target)
        else:
            code = category_meeting.get(category_id)
            if code is not None and code in MeetingType.__members__:
                kind = MeetingType[code]
        if kind is not None:
            result[case_id].add(kind.value)
    return result


def _discussed_since(session: Session, case_id: str, since_local: datetime) -> bool:
    """Whether the case is on the agenda of a (not cancelled) meeting at or after a time."""
    return (
        session.execute(
            select(AgendaItem.id)
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(
                AgendaItem.case_id == case_id,
                Meeting.starts_at >= since_local,
                Meeting.status != str(MeetingStatus.GEANNULEERD),
            )
            .limit(1)
        ).first()
        is not None
    )


def _last_discussed(session: Session, case_ids: set[str]) -> dict[str, datetime]:
    """Per case, the start of the latest (not cancelled) meeting with the case on its
    agenda, as naive UTC so that it compares with ``Signal.received_at``."""
    result: dict[str, datetime] = {}
    ids = sorted(case_ids)
    for start in range(0, len(ids), 500):
        for case_id, latest in session.execute(
            select(AgendaItem.case_id, func.max(Meeting.starts_at))
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(
                AgendaItem.case_id.in_(ids[start : start + 500]),
                Meeting.status != str(MeetingStatus.GEANNULEERD),
            )
            .group_by(AgendaItem.case_id)
        ).tuples():
            if case_id is not None and latest is not None:
                result[case_id] = local_to_utc(latest)
    return result


@dataclass
class _Draft:
    """A proposal being collected (one per case, or per signal without a case)."""

    case: Case | None
    signal: Signal | None
    reasons: list[AgendaReason] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)


@dataclass
class _Collected:
    """The proposals found so far for one meeting, and what its agenda already holds."""

    cases_here: set[str]
    signals_here: set[str]
    drafts: dict[str, _Draft] = field(default_factory=dict)

    def add(
        self,
        key: str,
        reason: AgendaReason,
        sentence: str,
        case: Case | None,
        signal: Signal | None,
    ) -> None:
        draft = self.drafts.setdefault(key, _Draft(case=case, signal=signal))
        if reason not in draft.reasons:
            draft.reasons.append(reason)
        draft.sentences.append(sentence)
        if draft.signal is None:
            draft.signal = signal


def _open_case() -> ColumnElement[bool]:
    return Case.status != str(CaseStatus.AFGESLOTEN)


@retrying
def propose_agenda(ctx: ServiceContext, meeting_id: str) -> list[AgendaProposal]:
    """What should be on this meeting's agenda and is not yet: signals routed to this area
    and meeting type not yet on an agenda, cases whose review falls on or before the
    meeting, cases with an open escalation, and cases afgeschaald since they were last
    discussed. One proposal per case (a signal without a case on its own), weightiest
    reason first."""
    with work_unit(ctx) as session:
        meeting = load_meeting(session, meeting_id)
        check_preparer(ctx, meeting)
        on_this = session.execute(
            select(AgendaItem.case_id, AgendaItem.signal_id).where(
                AgendaItem.meeting_id == meeting.id
            )
        ).all()
        found = _Collected(
            cases_here={c for c, _ in on_this if c}, signals_here={s for _, s in on_this if s}
        )
        _collect_routed_signals(session, meeting, found)
        _collect_case_work(session, meeting, found)
        proposals = _proposals(found)
        ctx.audit(session, "view", "agenda_proposals", meeting.id)
        return proposals


def _collect_routed_signals(session: Session, meeting: Meeting, found: _Collected) -> None:
    """Signals routed to this meeting, not yet on any agenda: neither as a signal item nor
    through their case being on the agenda of a meeting after they came in."""
    kind = MeetingType(meeting.meeting_type)
    categories = category_names(session)
    # The last check compares a meeting's local start with a UTC receipt time, so it runs
    # below, after converting (``_last_discussed``), not in SQL.
    signal_rows = session.execute(
        select(Signal, Case)
        .outerjoin(Case, Case.id == Signal.case_id)
        .where(
            Signal.focus_area_id == meeting.focus_area_id,
            Signal.route_target == kind.route_target.value,
            Signal.status.in_([SignalStatus.GEROUTEERD.value, SignalStatus.GEKOPPELD.value]),
            Signal.received_at <= local_to_utc(meeting.starts_at),
            ~Signal.id.in_(
                select(AgendaItem.signal_id)
                .join(Meeting, Meeting.id == AgendaItem.meeting_id)
                .where(
                    AgendaItem.signal_id.is_not(None),
                    Meeting.status != str(MeetingStatus.GEANNULEERD),
                )
            ),
            or_(Signal.case_id.is_(None), _open_case()),
        )
        .order_by(Signal.received_at)
    ).tuples().all()
    last_discussed = _last_discussed(
        session, {linked.id for _, linked in signal_rows if linked is not None}
    )
    for signal, linked in signal_rows:
        if signal.id in found.signals_here or (
            linked is not None and linked.id in found.cases_here
        ):
            continue
        discussed = last_discussed.get(linked.id) if linked is not None else None
        if discussed is not None and discussed >= signal.received_at:
            continue  # the case was (or will be) discussed after this signal came in
        found.add(
            linked.id if linked is not None else f"signal:{signal.id}",
            AgendaReason.ROUTED,
            tr("Signaal {ref} ({category}) van {day} is naar dit overleg gerouteerd.").format(
                ref=signal.reference,
                category=categories.get(signal.category_id, "?"),
                day=format_day(utc_to_local(signal.received_at)),
            ),
            linked,
            signal,
        )


def _collect_case_work(session: Session, meeting: Meeting, found: _Collected) -> None:
    """Cases of this area: reviews due, open escalations, afschaling."""
    area_cases = Case.focus_area_id == meeting.focus_area_id
    review_rows = list(
        session.execute(
            select(Case).where(
                area_cases,
                _open_case(),
                Case.next_review.is_not(None),
                Case.next_review <= meeting.starts_at.date(),
            )
        ).scalars()
    )
    escalation_rows = list(
        session.execute(
            select(Escalation, Case)
            .join(Case, Case.id == Escalation.case_id)
            .where(
                area_cases,
                _open_case(),
                or_(
                    Escalation.status.in_([s.value for s in EscalationStatus if s.is_open]),
                    Escalation.status == EscalationStatus.TERUGGELEGD.value,
                ),
            )
            .order_by(Escalation.reference)
        ).tuples()
    )
    kind = MeetingType(meeting.meeting_type)
    case_ids = {c.id for c in review_rows} | {c.id for _, c in escalation_rows}
    types = _case_meeting_types(session, case_ids)

    def fits(case: Case) -> bool:
        wanted = types.get(case.id, set())
        return case.id not in found.cases_here and (not wanted or kind.value in wanted)

    for case in review_rows:
        if not fits(case):
            continue
        assert case.next_review is not None
        found.add(
            case.id,
            AgendaReason.REVIEW,
            tr("Evaluatie gepland op {day} (risico {risk}).").format(
                day=format_day(case.next_review), risk=RiskLevel(case.risk_level).label.lower()
            ),
            case,
            None,
        )
    for escalation, case in escalation_rows:
        if fits(case):
            _collect_escalation(session, escalation, case, found)


def _collect_escalation(
    session: Session, escalation: Escalation, case: Case, found: _Collected
) -> None:
    """An open escalation of a case, or one laid back (afgeschaald) at the local meeting
    that has not been discussed since."""
    target = EscalationTarget(escalation.target).label
    status = EscalationStatus(escalation.status)
    if status.is_open:
        found.add(
            case.id,
            AgendaReason.ESCALATION,
            tr("Opschaling {ref} naar {target} loopt ({status}).").format(
                ref=escalation.reference, target=target, status=status.label.lower()
            ),
            case,
            None,
        )
        return
    changed = utc_to_local(escalation.status_changed_at)
    if _discussed_since(session, case.id, changed):
        return
    found.add(
        case.id,
        AgendaReason.AFSCHALING,
        tr(
            "Opschaling {ref} naar {target} is op {day} teruggelegd bij het lokale overleg."
        ).format(ref=escalation.reference, target=target, day=format_day(changed)),
        case,
        None,
    )


def _proposals(found: _Collected) -> list[AgendaProposal]:
    """The collected drafts as proposals, weightiest reason first."""
    proposals = []
    for draft in found.drafts.values():
        reasons = sorted(draft.reasons, key=REASON_PRIORITY.__getitem__)
        found_case, found_signal = draft.case, draft.signal
        place = found_case if found_case is not None else found_signal
        assert place is not None
        proposals.append(
            AgendaProposal(
                reason=reasons[0],
                reasons=tuple(reasons),
                case_id=found_case.id if found_case else None,
                case_reference=found_case.reference if found_case else None,
                signal_id=found_signal.id if found_signal else None,
                signal_reference=found_signal.reference if found_signal else None,
                address=format_address(
                    place.street,
                    place.house_number,
                    place.addition,
                    place.postcode,
                    place.city,
                ),
                explanation=" ".join(draft.sentences),
            )
        )
    proposals.sort(
        key=lambda p: (
            REASON_PRIORITY[p.reason], p.case_reference or "~", p.signal_reference or ""
        )
    )
    return proposals


__all__ = [
    "propose_agenda",
]
