"""A signal carried to its end: handled (with a short result), rejected (with a reason),
made into a new case (the signal is that case's first signal) or linked to a case.

Each step is one unit of work: the workflow table (``core/workflow.py``) decides whether it
is allowed from the signal's status, the step is appended to the signal's history and
audit-logged. Linking itself lives in ``signal_linking.move_signal``; this module adds the steps
that had no entry point of their own, and the one the minutes of a meeting apply
(``apply_outcome_row``) inside the meeting's own unit of work.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.orm import Session

from sociaalveilig.core.enums import SignalStatus, Urgency
from sociaalveilig.core.errors import AccessDenied, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.workflow import WorkflowKind, check_transition
from sociaalveilig.services import access
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.signal_linking import (
    CASE_WORK_ROLES,
    _case_for_link,
    _signal_for_change,
    link_signal_row,
)
from sociaalveilig.services.signal_records import SignalDetail, _detail, append_status, check_reason
from sociaalveilig.services.signals import initial_risk, new_case_row
from sociaalveilig.services.users import require_role
from sociaalveilig.services.versions import refuses_stale
from sociaalveilig.storage.models import Case, Signal


class SignalOutcome(StrEnum):
    """What happens to a signal at the end of its road (also a minutes decision's choice)."""

    AFGEHANDELD = "afgehandeld"
    AFGEWEZEN = "afgewezen"
    NIEUWE_CASUS = "nieuwe-casus"
    KOPPELEN = "koppelen"
    BLIJFT = "blijft"
    """Nothing changes: the signal stays routed (a meeting's default)."""

    @property
    def label(self) -> str:
        return {
            SignalOutcome.AFGEHANDELD: tr("Afgehandeld, met resultaat"),
            SignalOutcome.AFGEWEZEN: tr("Afgewezen, met reden"),
            SignalOutcome.NIEUWE_CASUS: tr("Nieuwe casus van dit signaal"),
            SignalOutcome.KOPPELEN: tr("Koppelen aan een casus"),
            SignalOutcome.BLIJFT: tr("Blijft gerouteerd"),
        }[self]


@dataclass(frozen=True)
class OutcomeChoice:
    """A chosen outcome with its text (result or reason) and, for linking, the case."""

    outcome: SignalOutcome
    text: str = ""
    case_reference: str = ""


def _check_status(signal: Signal, new: SignalStatus) -> None:
    check_transition(WorkflowKind.SIGNAL, signal.status, new)


def _finish(
    ctx: ServiceContext, session: Session, signal: Signal, new: SignalStatus, text: str
) -> None:
    _check_status(signal, new)
    old = signal.status
    signal.status = new.value
    append_status(ctx, session, "signal", signal.id, old, new.value, text)
    session.flush()
    ctx.audit(session, "status", "signal", signal.reference)


def handle_row(ctx: ServiceContext, session: Session, signal: Signal, result: str) -> None:
    """Mark a stored signal afgehandeld with its result (in the caller's unit of work)."""
    text = check_reason(result, tr("het afhandelen (het resultaat)"))
    _finish(
        ctx,
        session,
        signal,
        SignalStatus.AFGEHANDELD,
        tr("Afgehandeld: {result}").format(result=text),
    )


def reject_row(ctx: ServiceContext, session: Session, signal: Signal, reason: str) -> None:
    """Mark a stored signal afgewezen with the reason (in the caller's unit of work)."""
    text = check_reason(reason, tr("het afwijzen"))
    _finish(
        ctx, session, signal, SignalStatus.AFGEWEZEN, tr("Afgewezen: {reason}").format(reason=text)
    )


def case_from_signal_row(
    ctx: ServiceContext, session: Session, signal: Signal, reason: str
) -> Case:
    """A new open case at the signal's address, with this signal as its first signal
    (linked; its persons become the case's). In the caller's unit of work."""
    if signal.case_id is not None:
        raise ValidationError(
            tr(
                "Signaal {ref} hoort al bij een casus; ontkoppel het eerst als er een nieuwe "
                "casus moet komen."
            ).format(ref=signal.reference),
            field="casus",
        )
    _check_status(signal, SignalStatus.GEKOPPELD)
    if access.outside_own_areas(ctx, signal.focus_area_id):
        raise AccessDenied(
            tr(
                "Dit adres ligt buiten uw focusgebieden; vraag de coördinator de casus te "
                "maken."
            )
        )
    case = new_case_row(
        ctx,
        session,
        signal,
        signal,
        initial_risk(Urgency(signal.urgency)),
        tr("Gemaakt van signaal {ref}.").format(ref=signal.reference),
    )
    link_signal_row(ctx, session, signal, case, reason.strip() or None)
    return case


def apply_outcome_row(
    ctx: ServiceContext, session: Session, signal: Signal, choice: OutcomeChoice
) -> None:
    """Apply one chosen outcome to a stored signal (the minutes of a meeting)."""
    if choice.outcome is SignalOutcome.BLIJFT:
        return
    require_role(ctx, *CASE_WORK_ROLES)
    if choice.outcome is SignalOutcome.AFGEHANDELD:
        handle_row(ctx, session, signal, choice.text)
    elif choice.outcome is SignalOutcome.AFGEWEZEN:
        reject_row(ctx, session, signal, choice.text)
    elif choice.outcome is SignalOutcome.NIEUWE_CASUS:
        case_from_signal_row(ctx, session, signal, choice.text)
    else:
        reference = choice.case_reference.strip()
        if not reference:
            raise ValidationError(
                tr("Vul de referentie in van de casus om het signaal aan te koppelen (C-…)."),
                field="casus",
            )
        case = _case_for_link(ctx, session, reference)
        _check_status(signal, SignalStatus.GEKOPPELD)
        link_signal_row(ctx, session, signal, case, choice.text.strip() or None)


# --------------------------------------------------------------------------- use cases


@retrying
@refuses_stale
def handle_signal(
    ctx: ServiceContext, signal_id: str, result: str, *, expected_version: int | None = None
) -> SignalDetail:
    """Afgehandeld, with a short result (coordinator or wijkagent)."""
    require_role(ctx, *CASE_WORK_ROLES)
    with ctx.unit() as session:
        signal = _signal_for_change(ctx, session, signal_id, expected_version)
        handle_row(ctx, session, signal, result)
        session.flush()
        return _detail(ctx, session, signal)


@retrying
@refuses_stale
def reject_signal(
    ctx: ServiceContext, signal_id: str, reason: str, *, expected_version: int | None = None
) -> SignalDetail:
    """Afgewezen, with a reason (coordinator or wijkagent)."""
    require_role(ctx, *CASE_WORK_ROLES)
    with ctx.unit() as session:
        signal = _signal_for_change(ctx, session, signal_id, expected_version)
        reject_row(ctx, session, signal, reason)
        session.flush()
        return _detail(ctx, session, signal)


@retrying
@refuses_stale
def case_from_signal(
    ctx: ServiceContext,
    signal_id: str,
    reason: str = "",
    *,
    expected_version: int | None = None,
) -> SignalDetail:
    """A new case made from this signal; the signal is linked to it as its first signal.
    The returned detail names the new case (``case_id``, ``case_reference``)."""
    require_role(ctx, *CASE_WORK_ROLES)
    with ctx.unit() as session:
        signal = _signal_for_change(ctx, session, signal_id, expected_version)
        case_from_signal_row(ctx, session, signal, reason)
        session.flush()
        return _detail(ctx, session, signal)


__all__ = [
    "OutcomeChoice",
    "SignalOutcome",
    "apply_outcome_row",
    "case_from_signal",
    "handle_signal",
    "reject_signal",
]
