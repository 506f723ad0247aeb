"""Signal linking: proposing a case for a signal, linking it to a case, moving it to
another case, unlinking it, and moving a signal along its workflow (with a reason).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import (
    CaseStatus,
    Role,
    SignalStatus,
)
from sociaalveilig.core.errors import AccessDenied, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.workflow import WorkflowKind, check_transition
from sociaalveilig.services import access
from sociaalveilig.services.context import (
    ServiceContext,
)
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.signal_intake import (
    PersonInput,
)
from sociaalveilig.services.signal_records import (
    OPEN_CASE_STATUSES,
    SignalDetail,
    _detail,
    append_status,
    check_reason,
    find_case,
    find_signal,
    format_address,
    normalise_name,
)
from sociaalveilig.services.users import require_role
from sociaalveilig.services.versions import check_version, refuses_stale
from sociaalveilig.storage.models import (
    Case,
    CasePerson,
    Person,
    Signal,
    SignalPerson,
)

CASE_WORK_ROLES = (Role.COORDINATOR, Role.WIJKAGENT)

def attach_signal_persons(session: Session, signal_id: str, case_id: str) -> None:
    """The persons of a signal become persons of the case it is linked to."""
    known = set(
        session.execute(select(CasePerson.person_id).where(CasePerson.case_id == case_id))
        .scalars()
        .all()
    )
    for link in session.execute(
        select(SignalPerson).where(SignalPerson.signal_id == signal_id)
    ).scalars():
        if link.person_id not in known:
            session.add(CasePerson(case_id=case_id, person_id=link.person_id, role=link.role))
            known.add(link.person_id)


# --------------------------------------------------------------------------- proposals


@dataclass(frozen=True)
class LinkProposal:
    case_id: str
    reference: str
    status: CaseStatus
    address: str
    on_address: bool
    """Proposed because the case is at the same address."""
    on_person: str | None
    """Proposed because a person of the case has the same name and birth year: that
    person's reference."""
    explanation: str


def link_proposals(
    ctx: ServiceContext,
    session: Session,
    key: str,
    persons: Sequence[PersonInput],
) -> list[LinkProposal]:
    """Open cases at the same address, then open cases with a person of the same name and
    birth year; only cases the acting user may see."""
    scope = access.case_scope(ctx)
    open_statuses = [s.value for s in OPEN_CASE_STATUSES]
    found: dict[str, LinkProposal] = {}
    for case in session.execute(
        select(Case)
        .where(Case.address_key == key, Case.status.in_(open_statuses), scope)
        .order_by(Case.created_at.desc())
    ).scalars():
        found[case.id] = LinkProposal(
            case_id=case.id,
            reference=case.reference,
            status=CaseStatus(case.status),
            address=_case_address(case),
            on_address=True,
            on_person=None,
            explanation=tr("Open casus {ref} op hetzelfde adres.").format(ref=case.reference),
        )
    for person in persons:
        if person.birth_year is None:
            continue
        wanted = normalise_name(person.name)
        rows = session.execute(
            select(Case, Person)
            .join(CasePerson, CasePerson.case_id == Case.id)
            .join(Person, Person.id == CasePerson.person_id)
            .where(
                Person.birth_year == person.birth_year,
                Case.status.in_(open_statuses),
                scope,
            )
            .order_by(Case.created_at.desc())
        ).tuples()
        for case, known in rows:
            if normalise_name(known.name) != wanted:
                continue
            explanation = tr(
                "Open casus {ref} met een betrokkene met dezelfde naam en hetzelfde "
                "geboortejaar ({person})."
            ).format(ref=case.reference, person=known.reference)
            previous = found.get(case.id)
            if previous is not None:
                if previous.on_person is None:
                    found[case.id] = LinkProposal(
                        previous.case_id,
                        previous.reference,
                        previous.status,
                        previous.address,
                        previous.on_address,
                        known.reference,
                        previous.explanation + " " + explanation,
                    )
                continue
            found[case.id] = LinkProposal(
                case_id=case.id,
                reference=case.reference,
                status=CaseStatus(case.status),
                address=_case_address(case),
                on_address=False,
                on_person=known.reference,
                explanation=explanation,
            )
    return list(found.values())


def _case_address(case: Case) -> str:
    return format_address(case.street, case.house_number, case.addition, case.postcode, case.city)


# --------------------------------------------------------------------------- link


def _require_case_work(ctx: ServiceContext) -> None:
    require_role(ctx, *CASE_WORK_ROLES)


def _case_for_link(ctx: ServiceContext, session: Session, id_or_ref: str) -> Case:
    case = find_case(session, id_or_ref)
    if not CaseStatus(case.status).is_open:
        raise ValidationError(
            tr(
                "Casus {ref} is afgesloten. Heropen de casus eerst, of kies een andere of een "
                "nieuwe casus."
            ).format(ref=case.reference),
            field="casus",
        )
    if (
        ctx.actor.role is not Role.COORDINATOR
        and not session.execute(
            select(func.count()).select_from(Case).where(Case.id == case.id, access.case_scope(ctx))
        ).scalar()
    ):
        raise AccessDenied(
            tr(
                "Casus {ref} valt buiten uw werkgebied; vraag de coördinator het signaal te "
                "koppelen."
            ).format(ref=case.reference)
        )
    return case


def link_signal_row(
    ctx: ServiceContext, session: Session, signal: Signal, case: Case, reason: str | None
) -> None:
    """Link a stored signal to a case: status to gekoppeld (history), persons to the case."""
    old = signal.status
    check_transition(WorkflowKind.SIGNAL, old, SignalStatus.GEKOPPELD)
    signal.case_id = case.id
    signal.status = SignalStatus.GEKOPPELD.value
    text = tr("Gekoppeld aan casus {ref}.").format(ref=case.reference)
    append_status(
        ctx,
        session,
        "signal",
        signal.id,
        old,
        SignalStatus.GEKOPPELD.value,
        f"{text} {reason}" if reason else text,
    )
    session.flush()
    attach_signal_persons(session, signal.id, case.id)
    ctx.audit(session, "link", "signal", signal.reference, purpose=None)


# --------------------------------------------------------------------------- change


def _signal_for_change(
    ctx: ServiceContext, session: Session, signal_id: str, expected_version: int | None = None
) -> Signal:
    signal = find_signal(session, signal_id)
    access.check_signal_access(ctx, session, signal)
    check_version(
        ctx, session, signal, expected_version, "signal", signal.reference, tr("Dit signaal")
    )
    return signal


@retrying
@refuses_stale
def move_signal(
    ctx: ServiceContext,
    signal_id: str,
    case_id: str,
    reason: str,
    *,
    expected_version: int | None = None,
) -> SignalDetail:
    """Link a signal to a case, or move it from one case to another (with a reason)."""
    _require_case_work(ctx)
    text = check_reason(reason, tr("het koppelen of verplaatsen"))
    with ctx.unit() as session:
        signal = _signal_for_change(ctx, session, signal_id, expected_version)
        case = _case_for_link(ctx, session, case_id)
        if signal.case_id == case.id:
            raise ValidationError(
                tr("Signaal {signal} hoort al bij casus {case}.").format(
                    signal=signal.reference, case=case.reference
                ),
                field="casus",
            )
        if signal.case_id is None:
            link_signal_row(ctx, session, signal, case, text)
        else:
            old_case = session.get(Case, signal.case_id)
            old_ref = old_case.reference if old_case else "?"
            signal.case_id = case.id
            append_status(
                ctx,
                session,
                "signal",
                signal.id,
                signal.status,
                signal.status,
                tr("Verplaatst van casus {old} naar {new}: {reason}").format(
                    old=old_ref, new=case.reference, reason=text
                ),
            )
            session.flush()
            attach_signal_persons(session, signal.id, case.id)
            ctx.audit(session, "move", "signal", signal.reference)
        session.flush()
        return _detail(ctx, session, signal)


@retrying
@refuses_stale
def unlink_signal(
    ctx: ServiceContext, signal_id: str, reason: str, *, expected_version: int | None = None
) -> SignalDetail:
    """Undo a wrong link: the signal leaves its case (back to gerouteerd, or nieuw when it
    was never routed)."""
    _require_case_work(ctx)
    text = check_reason(reason, tr("het ontkoppelen"))
    with ctx.unit() as session:
        signal = _signal_for_change(ctx, session, signal_id, expected_version)
        if signal.case_id is None:
            raise ValidationError(
                tr("Signaal {ref} is aan geen casus gekoppeld.").format(ref=signal.reference),
                field="casus",
            )
        _unlink(ctx, session, signal, text)
        return _detail(ctx, session, signal)


def _unlink(ctx: ServiceContext, session: Session, signal: Signal, reason: str) -> None:
    old_case = session.get(Case, signal.case_id) if signal.case_id else None
    new = SignalStatus.GEROUTEERD if signal.route_target else SignalStatus.NIEUW
    old = signal.status
    if old == SignalStatus.GEKOPPELD.value:
        check_transition(WorkflowKind.SIGNAL, old, new)
        signal.status = new.value
    signal.case_id = None
    append_status(
        ctx,
        session,
        "signal",
        signal.id,
        old,
        signal.status,
        tr("Losgekoppeld van casus {ref}: {reason}").format(
            ref=old_case.reference if old_case else "?", reason=reason
        ),
    )
    session.flush()
    ctx.audit(session, "unlink", "signal", signal.reference)


@retrying
@refuses_stale
def change_signal_status(
    ctx: ServiceContext,
    signal_id: str,
    new: str,
    reason: str,
    *,
    expected_version: int | None = None,
) -> SignalDetail:
    """Move a signal along its workflow; an illegal step names the allowed ones."""
    _require_case_work(ctx)
    with ctx.unit() as session:
        signal = _signal_for_change(ctx, session, signal_id, expected_version)
        check_transition(WorkflowKind.SIGNAL, signal.status, new)
        target = SignalStatus(new)
        if target is SignalStatus.GEKOPPELD:
            raise ValidationError(
                tr("Koppel het signaal aan een casus met 'koppelen'; kies daar de casus."),
                field="status",
            )
        text = check_reason(reason, tr("de statuswijziging"))
        if signal.status == SignalStatus.GEKOPPELD.value and target in (
            SignalStatus.NIEUW,
            SignalStatus.GEROUTEERD,
        ):
            old_case = session.get(Case, signal.case_id) if signal.case_id else None
            signal.case_id = None
            text = tr("Losgekoppeld van casus {ref}: {reason}").format(
                ref=old_case.reference if old_case else "?", reason=text
            )
        old = signal.status
        signal.status = target.value
        append_status(ctx, session, "signal", signal.id, old, target.value, text)
        session.flush()
        ctx.audit(session, "status", "signal", signal.reference)
        return _detail(ctx, session, signal)
