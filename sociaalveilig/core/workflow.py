"""Allowed status transitions, as tables (workflow as data).

Read the tables to know the process:

- **Signal**: a new signal is routed to a meeting (or the coordinator), linked to a case, or
  rejected. A wrong link is undone (back to routed or new); a rejection can be reconsidered.
  A linked signal is handled when its case is dealt with.
- **Case**: open → in behandeling → opgeschaald / afgesloten. Afschaling brings an escalated
  case back to in behandeling. A closed case can be reopened.
- **Action**: open → in uitvoering → afgerond / vervallen; a small action may be done
  straight away.
- **Home visit**: gepland → uitgevoerd / niemand thuis / geweigerd / geannuleerd. All four
  outcomes are final for that visit: "niemand thuis" leads to a *new* planned visit, so each
  attempt keeps its own record.
- **Escalation**: aangemeld → in behandeling → teruggelegd (afschaling back to the local
  meeting) / afgesloten. The receiving partner may also hand it back or close it at intake.

Every change is appended to a history by the services; nothing here touches storage.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from sociaalveilig.core.enums import (
    ActionStatus,
    CaseStatus,
    EscalationStatus,
    SignalStatus,
    VisitStatus,
)
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.i18n import tr


class WorkflowKind(StrEnum):
    SIGNAL = "signaal"
    CASE = "casus"
    ACTION = "actie"
    VISIT = "huisbezoek"
    ESCALATION = "opschaling"

    @property
    def label(self) -> str:
        return {
            WorkflowKind.SIGNAL: tr("signaal"),
            WorkflowKind.CASE: tr("casus"),
            WorkflowKind.ACTION: tr("actie"),
            WorkflowKind.VISIT: tr("huisbezoek"),
            WorkflowKind.ESCALATION: tr("opschaling"),
        }[self]


S = SignalStatus
C = CaseStatus
A = ActionStatus
V = VisitStatus
E = EscalationStatus

ALLOWED_TRANSITIONS: Mapping[WorkflowKind, Mapping[StrEnum, frozenset[StrEnum]]] = {
    WorkflowKind.SIGNAL: {
        S.NIEUW: frozenset({S.GEROUTEERD, S.GEKOPPELD, S.AFGEWEZEN}),
        S.GEROUTEERD: frozenset({S.GEKOPPELD, S.AFGEWEZEN, S.AFGEHANDELD}),
        S.GEKOPPELD: frozenset({S.GEROUTEERD, S.NIEUW, S.AFGEHANDELD}),
        S.AFGEWEZEN: frozenset({S.NIEUW}),
        S.AFGEHANDELD: frozenset(),
    },
    WorkflowKind.CASE: {
        C.OPEN: frozenset({C.IN_BEHANDELING, C.OPGESCHAALD, C.AFGESLOTEN}),
        C.IN_BEHANDELING: frozenset({C.OPGESCHAALD, C.AFGESLOTEN}),
        C.OPGESCHAALD: frozenset({C.IN_BEHANDELING, C.AFGESLOTEN}),
        C.AFGESLOTEN: frozenset({C.HEROPEND}),
        C.HEROPEND: frozenset({C.IN_BEHANDELING, C.OPGESCHAALD, C.AFGESLOTEN}),
    },
    WorkflowKind.ACTION: {
        A.OPEN: frozenset({A.IN_UITVOERING, A.AFGEROND, A.VERVALLEN}),
        A.IN_UITVOERING: frozenset({A.AFGEROND, A.VERVALLEN}),
        A.AFGEROND: frozenset(),
        A.VERVALLEN: frozenset(),
    },
    WorkflowKind.VISIT: {
        V.GEPLAND: frozenset({V.UITGEVOERD, V.NIEMAND_THUIS, V.GEWEIGERD, V.GEANNULEERD}),
        V.UITGEVOERD: frozenset(),
        V.NIEMAND_THUIS: frozenset(),
        V.GEWEIGERD: frozenset(),
        V.GEANNULEERD: frozenset(),
    },
    WorkflowKind.ESCALATION: {
        E.AANGEMELD: frozenset({E.IN_BEHANDELING, E.TERUGGELEGD, E.AFGESLOTEN}),
        E.IN_BEHANDELING: frozenset({E.TERUGGELEGD, E.AFGESLOTEN}),
        E.TERUGGELEGD: frozenset(),
        E.AFGESLOTEN: frozenset(),
    },
}

STATUS_TYPES: Mapping[WorkflowKind, type[StrEnum]] = {
    WorkflowKind.SIGNAL: SignalStatus,
    WorkflowKind.CASE: CaseStatus,
    WorkflowKind.ACTION: ActionStatus,
    WorkflowKind.VISIT: VisitStatus,
    WorkflowKind.ESCALATION: EscalationStatus,
}

INITIAL_STATUS: Mapping[WorkflowKind, StrEnum] = {
    WorkflowKind.SIGNAL: SignalStatus.NIEUW,
    WorkflowKind.CASE: CaseStatus.OPEN,
    WorkflowKind.ACTION: ActionStatus.OPEN,
    WorkflowKind.VISIT: VisitStatus.GEPLAND,
    WorkflowKind.ESCALATION: EscalationStatus.AANGEMELD,
}


def status_label(status: StrEnum) -> str:
    """The Dutch display text of any status."""
    label = getattr(status, "label", None)
    return label if isinstance(label, str) else str(status)


def _coerce(kind: WorkflowKind, status: StrEnum | str) -> StrEnum:
    status_type = STATUS_TYPES[kind]
    try:
        return status_type(status)
    except ValueError:
        options = ", ".join(status_label(member) for member in status_type)
        raise ValidationError(
            tr("Onbekende status '{status}' voor een {kind}; mogelijk: {options}.").format(
                status=status, kind=kind.label, options=options
            ),
            field="status",
        ) from None


def _ordered(kind: WorkflowKind, statuses: frozenset[StrEnum]) -> tuple[StrEnum, ...]:
    """Statuses in the order of their enum (the process order), for stable messages."""
    return tuple(member for member in STATUS_TYPES[kind] if member in statuses)


def allowed_next(kind: WorkflowKind, current: StrEnum | str) -> tuple[StrEnum, ...]:
    """The statuses a record of ``kind`` may move to from ``current``, in process order."""
    status = _coerce(kind, current)
    return _ordered(kind, ALLOWED_TRANSITIONS[kind][status])


def is_final(kind: WorkflowKind, status: StrEnum | str) -> bool:
    """Whether no transition leads out of ``status``."""
    return not allowed_next(kind, status)


def check_transition(kind: WorkflowKind, current: StrEnum | str, new: StrEnum | str) -> None:
    """Raise ValidationError (field ``status``) unless ``current`` → ``new`` is allowed.

    The message names the allowed next statuses by their labels, or says that the current
    status is final.
    """
    old_status = _coerce(kind, current)
    new_status = _coerce(kind, new)
    if new_status in ALLOWED_TRANSITIONS[kind][old_status]:
        return
    options = allowed_next(kind, old_status)
    if new_status == old_status:
        intro = tr("De status is al '{status}'.").format(status=status_label(old_status))
    else:
        intro = tr("Een {kind} kan niet van '{old}' naar '{new}'.").format(
            kind=kind.label, old=status_label(old_status), new=status_label(new_status)
        )
    if options:
        hint = tr("Toegestaan vanuit '{old}': {options}.").format(
            old=status_label(old_status),
            options=", ".join(f"'{status_label(option)}'" for option in options),
        )
    else:
        hint = tr("'{old}' is een eindstatus; er is geen volgende status.").format(
            old=status_label(old_status)
        )
    raise ValidationError(f"{intro} {hint}", field="status")
