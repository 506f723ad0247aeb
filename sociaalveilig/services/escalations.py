"""Escalation (opschaling) of a case, and afschaling back to the local meeting.

The coordinator escalates a case to the ZVH Parkstad, the RIEC Limburg, the persoonsgerichte
aanpak / Preventie met Gezag (only for persons up to 27) or Veilig Thuis, always with a
reason. The escalation moves through aangemeld → in behandeling → teruggelegd / afgesloten
(``core/workflow.py``), each change in the status history and ``status_changed_at`` kept
so stale escalations can be reminded of. The case is ``opgeschaald`` while any escalation
of it is open and returns to ``in behandeling`` when the last one ends; after afschaling
it is proposed for the agenda of its next local meeting (see ``agenda_proposals.propose_agenda``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import CaseStatus, EscalationStatus, EscalationTarget, Role
from sociaalveilig.core.errors import NotFound, ValidationError
from sociaalveilig.core.escalation import (
    ZvhCriteria,
    check_escalation_request,
    check_unmet_criteria_reason,
)
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.workflow import WorkflowKind, check_transition
from sociaalveilig.services import access
from sociaalveilig.services.actions import (
    OBJ_ESCALATION,
    load_case,
    local_time,
    record_status_change,
    require_role,
    set_case_status,
    utc_naive,
    work_unit,
)
from sociaalveilig.services.cases import zvh_of
from sociaalveilig.services.context import ServiceContext, utc_to_local
from sociaalveilig.services.refs import RefKind, next_reference
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.versions import check_version, refuses_stale, set_unversioned
from sociaalveilig.storage import row_scope
from sociaalveilig.storage.models import Case, CasePerson, Escalation, FocusArea, Person

MAX_REASON = 4000
MAX_EXTERNAL_REFERENCE = 80
STALE_AFTER = timedelta(days=14)
"""An open escalation without a status change for this long is reminded of (issue 5)."""

_ESCALATORS = (Role.COORDINATOR,)
_READERS = (Role.COORDINATOR, Role.WIJKAGENT)
OPEN_STATUSES = tuple(s for s in EscalationStatus if s.is_open)


@dataclass(frozen=True)
class EscalationRow:
    escalation_id: str
    reference: str
    case_id: str
    case_reference: str
    area: str | None
    target: EscalationTarget
    reason: str
    external_reference: str | None
    status: EscalationStatus
    created_at: datetime
    """Local time."""
    status_changed_at: datetime
    """Local time of the last status change (creation counts as one)."""
    closed_at: datetime | None
    version: int
    """The stored version: an edit sends it back as ``expected_version``."""

    @property
    def target_label(self) -> str:
        return self.target.label

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def is_open(self) -> bool:
        return self.status.is_open


def _rows(session: Session, escalations: Sequence[Escalation]) -> list[EscalationRow]:
    if not escalations:
        return []
    cases = {
        case_id: (ref, area)
        for case_id, ref, area in session.execute(
            select(Case.id, Case.reference, FocusArea.name)
            .outerjoin(FocusArea, FocusArea.id == Case.focus_area_id)
            .where(Case.id.in_({e.case_id for e in escalations}))
        ).tuples()
    }
    return [
        EscalationRow(
            escalation_id=e.id,
            reference=e.reference,
            case_id=e.case_id,
            case_reference=cases[e.case_id][0],
            area=cases[e.case_id][1],
            target=EscalationTarget(e.target),
            reason=e.reason,
            external_reference=e.external_reference,
            status=EscalationStatus(e.status),
            created_at=utc_to_local(e.created_at),
            status_changed_at=utc_to_local(e.status_changed_at),
            closed_at=local_time(e.closed_at),
            version=e.version,
        )
        for e in escalations
    ]


def _parse_target(value: EscalationTarget | str) -> EscalationTarget:
    try:
        return EscalationTarget(value)
    except ValueError:
        raise ValidationError(
            tr("Onbekend doel '{value}' voor opschaling. Kies uit: {options}.").format(
                value=value, options=", ".join(t.label for t in EscalationTarget)
            ),
            field="doel",
        ) from None


def _clean_external(value: str | None) -> str | None:
    text = (value or "").strip() or None
    if text is not None and len(text) > MAX_EXTERNAL_REFERENCE:
        raise ValidationError(
            tr("Het externe kenmerk is te lang ({n} tekens); maximaal {max}.").format(
                n=len(text), max=MAX_EXTERNAL_REFERENCE
            ),
            field="external_reference",
        )
    return text


def _youngest_birth_year(session: Session, case_id: str) -> int | None:
    return session.execute(
        select(func.max(Person.birth_year))
        .join(CasePerson, CasePerson.person_id == Person.id)
        .where(CasePerson.case_id == case_id)
    ).scalar_one_or_none()


def _open_count(session: Session, case_id: str) -> int:
    return session.execute(
        select(func.count())
        .select_from(Escalation)
        .where(
            Escalation.case_id == case_id,
            Escalation.status.in_([str(s) for s in OPEN_STATUSES]),
        )
    ).scalar_one()


@retrying
def escalate(
    ctx: ServiceContext,
    case_id: str,
    target: EscalationTarget | str,
    reason: str,
    external_reference: str | None = None,
    unmet_criteria_reason: str | None = None,
) -> EscalationRow:
    """Escalate a case (coordinator). The case becomes ``opgeschaald``. To the ZVH while
    the case's recorded criteria are not met, ``unmet_criteria_reason`` says why; it is
    refused without one, and kept in the escalation's reason, its history and the audit."""
    require_role(ctx, *_ESCALATORS)
    goal = _parse_target(target)
    with work_unit(ctx) as session:
        case = load_case(session, ctx, case_id)
        if case.status == CaseStatus.AFGESLOTEN:
            raise ValidationError(
                tr("Casus {ref} is afgesloten; heropen haar eerst om op te schalen.").format(
                    ref=case.reference
                ),
                field="case_id",
            )
        check_escalation_request(
            goal,
            reason or "",
            ctx.clock.now().date(),
            _youngest_birth_year(session, case.id) if goal is EscalationTarget.PGA else None,
        )
        unmet_line = check_unmet_criteria_reason(goal, zvh_of(case), unmet_criteria_reason)
        text = reason.strip()
        if unmet_line is not None:
            text = f"{text}\n{unmet_line}"
        if len(text) > MAX_REASON:
            raise ValidationError(
                tr("De reden is te lang ({n} tekens); maximaal {max}.").format(
                    n=len(text), max=MAX_REASON
                ),
                field="reden",
            )
        duplicate = session.execute(
            select(Escalation.reference).where(
                Escalation.case_id == case.id,
                Escalation.target == str(goal),
                Escalation.status.in_([str(s) for s in OPEN_STATUSES]),
            )
        ).scalar()
        if duplicate is not None:
            raise ValidationError(
                tr("Casus {ref} is al opgeschaald naar {target} ({esc}).").format(
                    ref=case.reference, target=goal.label, esc=duplicate
                ),
                field="doel",
            )
        now = utc_naive(ctx)
        escalation = Escalation(
            reference=next_reference(session, RefKind.ESCALATION, ctx.clock.now().year),
            case_id=case.id,
            target=str(goal),
            reason=text,
            external_reference=_clean_external(external_reference),
            status=str(EscalationStatus.AANGEMELD),
            created_at=now,
            status_changed_at=now,
        )
        session.add(escalation)
        session.flush()
        record_status_change(
            session, ctx, OBJ_ESCALATION, escalation.id, None, EscalationStatus.AANGEMELD, text
        )
        set_case_status(
            session,
            ctx,
            case,
            CaseStatus.OPGESCHAALD,
            tr("Opgeschaald naar {target} ({ref}).").format(
                target=goal.label, ref=escalation.reference
            ),
        )
        set_unversioned(session, case, last_progress_at=now)
        ctx.audit(session, "create", OBJ_ESCALATION, escalation.reference)
        if unmet_line is not None:
            ctx.audit(
                session,
                "escalate_criteria_unmet",
                OBJ_ESCALATION,
                escalation.reference,
                purpose="ZVH-criteria niet vervuld; reden in de opschaling",
            )
        return _rows(session, [escalation])[0]


def _load(session: Session, ctx: ServiceContext, escalation_id: str) -> Escalation:
    row_scope.named(session, escalation_id)
    escalation = session.get(Escalation, escalation_id)
    if escalation is None:
        escalation = session.execute(
            select(Escalation).where(Escalation.reference == escalation_id.strip().upper())
        ).scalar_one_or_none()
    if escalation is None:
        raise NotFound(tr("Opschaling niet gevonden."))
    load_case(session, ctx, escalation.case_id)
    return escalation


@retrying
def get_escalation(ctx: ServiceContext, escalation_id: str) -> EscalationRow:
    require_role(ctx, *_READERS)
    with work_unit(ctx) as session:
        escalation = _load(session, ctx, escalation_id)
        ctx.audit(session, "view", OBJ_ESCALATION, escalation.reference)
        return _rows(session, [escalation])[0]


@retrying
@refuses_stale
def change_escalation_status(
    ctx: ServiceContext,
    escalation_id: str,
    new_status: EscalationStatus | str,
    note: str | None = None,
    external_reference: str | None = None,
    *,
    expected_version: int | None = None,
) -> EscalationRow:
    """Record the receiving partner's progress. Teruggelegd (afschaling) needs a note;
    when the last open escalation of a case ends, the case is back in behandeling."""
    require_role(ctx, *_ESCALATORS)
    with work_unit(ctx) as session:
        escalation = _load(session, ctx, escalation_id)
        check_version(
            ctx,
            session,
            escalation,
            expected_version,
            OBJ_ESCALATION,
            escalation.reference,
            tr("Deze opschaling"),
        )
        check_transition(WorkflowKind.ESCALATION, escalation.status, new_status)
        target = EscalationStatus(new_status)
        text = (note or "").strip() or None
        if target is EscalationStatus.TERUGGELEGD and text is None:
            raise ValidationError(
                tr(
                    "Geef bij afschaling een toelichting voor het lokale overleg: wat is er "
                    "gedaan en wat moet het overleg nu oppakken?"
                ),
                field="note",
            )
        if text is not None and len(text) > MAX_REASON:
            raise ValidationError(
                tr("De toelichting is te lang ({n} tekens); maximaal {max}.").format(
                    n=len(text), max=MAX_REASON
                ),
                field="note",
            )
        if external_reference is not None:
            escalation.external_reference = _clean_external(external_reference)
        old = escalation.status
        now = utc_naive(ctx)
        escalation.status = str(target)
        escalation.status_changed_at = now
        if not target.is_open:
            escalation.closed_at = now
        record_status_change(session, ctx, OBJ_ESCALATION, escalation.id, old, target, text)
        case = session.get(Case, escalation.case_id)
        assert case is not None
        if not target.is_open:
            set_unversioned(session, case, last_progress_at=now)
            session.flush()
            if _open_count(session, case.id) == 0 and case.status == CaseStatus.OPGESCHAALD:
                reason = (
                    tr("Afgeschaald vanuit {target} ({ref}).")
                    if target is EscalationStatus.TERUGGELEGD
                    else tr("Opschaling naar {target} afgesloten ({ref}).")
                ).format(target=EscalationTarget(escalation.target).label, ref=escalation.reference)
                set_case_status(session, ctx, case, CaseStatus.IN_BEHANDELING, reason)
        ctx.audit(session, "update", OBJ_ESCALATION, escalation.reference)
        session.flush()
        return _rows(session, [escalation])[0]


def afschalen(
    ctx: ServiceContext, escalation_id: str, note: str, *, expected_version: int | None = None
) -> EscalationRow:
    """Afschaling: the escalation goes back to the local meeting (teruggelegd); the case is
    back in behandeling and proposed for the agenda of its next meeting."""
    return change_escalation_status(
        ctx, escalation_id, EscalationStatus.TERUGGELEGD, note, expected_version=expected_version
    )


@retrying
def list_escalations(
    ctx: ServiceContext,
    status: EscalationStatus | str | None = None,
    case_id: str | None = None,
    open_only: bool = False,
    only: Sequence[str] | None = None,
) -> list[EscalationRow]:
    """Escalations in the actor's scope, newest first; ``only``: just those of these ids
    (an open list's live update, ``live.escalation_update``), under the same scope and
    audit."""
    require_role(ctx, *_READERS)
    with work_unit(ctx) as session:
        stmt = (
            select(Escalation)
            .join(Case, Case.id == Escalation.case_id)
            .where(access.case_scope(ctx))
            .order_by(Escalation.created_at.desc(), Escalation.reference.desc())
        )
        if status is not None:
            try:
                wanted = EscalationStatus(status)
            except ValueError:
                raise ValidationError(
                    tr("Onbekende status '{value}' voor een opschaling.").format(value=status),
                    field="status",
                ) from None
            stmt = stmt.where(Escalation.status == str(wanted))
        if open_only:
            stmt = stmt.where(Escalation.status.in_([str(s) for s in OPEN_STATUSES]))
        if only is not None:
            stmt = stmt.where(Escalation.id.in_(list(only)))
        case_ref: str | None = None
        if case_id is not None:
            case = load_case(session, ctx, case_id)
            case_ref = case.reference
            stmt = stmt.where(Escalation.case_id == case.id)
        rows = list(session.execute(stmt).scalars())
        ctx.audit(session, "view", "escalation_list", case_ref)
        return _rows(session, rows)


def stale_escalations(ctx: ServiceContext, after: timedelta = STALE_AFTER) -> list[EscalationRow]:
    """Open escalations whose status has not changed for ``after`` (default 14 days)."""
    cutoff = utc_naive(ctx) - after
    return [
        row
        for row in list_escalations(ctx, open_only=True)
        if row.status_changed_at <= utc_to_local(cutoff)
    ]


@retrying
def case_criteria(ctx: ServiceContext, case_id: str) -> ZvhCriteria:
    """The ZVH criteria as recorded for a case, for the escalation dialog (coordinator)."""
    require_role(ctx, *_ESCALATORS)
    with work_unit(ctx) as session:
        case = load_case(session, ctx, case_id)
        ctx.audit(session, "view_zvh_criteria", "case", case.reference)
        return zvh_of(case)


__all__ = [
    "EscalationRow",
    "afschalen",
    "case_criteria",
    "change_escalation_status",
    "escalate",
    "get_escalation",
    "list_escalations",
    "stale_escalations",
]
