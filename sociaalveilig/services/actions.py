"""Actions (acties / interventies): agreed steps on a case with an owner partner and a deadline.

An action is created on a case (from the minutes of a meeting, or directly by the
coordinator or the wijkagent of the area), moves through the action workflow of
``core/workflow.py`` with every change appended to the status history, and becomes overdue
when its deadline passes while it is still open. A partner sees and updates the actions
assigned to its own organisation.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import ActionStatus, ActionType, CaseStatus, Role
from sociaalveilig.core.errors import AccessDenied, NotFound, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.postcode import match_focus_area
from sociaalveilig.core.workflow import WorkflowKind, check_transition
from sociaalveilig.services import access, audit_objects
from sociaalveilig.services.cases import set_case_status_row
from sociaalveilig.services.context import ServiceContext, today, utc_to_local
from sociaalveilig.services.refs import RefKind, next_reference
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.signal_records import find_case
from sociaalveilig.services.versions import check_version, refuses_stale, set_unversioned
from sociaalveilig.storage import row_scope
from sociaalveilig.storage.models import (
    Action,
    Case,
    FocusArea,
    Partner,
    Signal,
    StatusChange,
)

MAX_DESCRIPTION = 4000

# Who may create actions and change them (a partner only its own organisation's actions).
_PLANNERS = (Role.COORDINATOR, Role.WIJKAGENT)


# --------------------------------------------------------------------------- shared helpers
# Used by the other case-work services (meetings, visits, escalations, worklist, buurtschouw).

# The object type names (``audit_objects.py``), re-exported for the case-work services.
OBJ_CASE = audit_objects.OBJ_CASE
OBJ_ACTION = audit_objects.OBJ_ACTION
OBJ_VISIT = audit_objects.OBJ_VISIT
OBJ_ESCALATION = audit_objects.OBJ_ESCALATION
OBJ_MEETING = audit_objects.OBJ_MEETING
OBJ_AGENDA_ITEM = audit_objects.OBJ_AGENDA_ITEM
OBJ_BUURTSCHOUW = audit_objects.OBJ_BUURTSCHOUW


def utc_naive(ctx: ServiceContext) -> datetime:
    """Now in naive UTC, as the ``*_at`` columns hold it."""
    return ctx.clock.utcnow().replace(tzinfo=None)


def record_status_change(
    session: Session,
    ctx: ServiceContext,
    object_type: str,
    object_id: str,
    old: StrEnum | str | None,
    new: StrEnum | str,
    reason: str | None,
) -> None:
    """Append one line to the status history (never edited)."""
    session.add(
        StatusChange(
            object_type=object_type,
            object_id=object_id,
            from_status=str(old) if old is not None else None,
            to_status=str(new),
            at=utc_naive(ctx),
            user_id=ctx.actor.user_id,
            reason=(reason or "").strip() or None,
        )
    )


def set_case_status(
    session: Session, ctx: ServiceContext, case: Case, new: CaseStatus, reason: str
) -> None:
    """Move a case along the case workflow inside the caller's unit (``cases.py`` keeps the
    history, progress and the side effects of closing); no-op when already there."""
    if case.status == new:
        return
    set_case_status_row(ctx, session, case, new, reason)


def resolve_area(session: Session, area: str) -> FocusArea:
    """A focus area by id, name or unique start of its name (ValidationError otherwise)."""
    row = session.get(FocusArea, area)
    if row is not None:
        return row
    names = list(session.execute(select(FocusArea.name)).scalars())
    name = match_focus_area(area, names)
    return session.execute(select(FocusArea).where(FocusArea.name == name)).scalar_one()


def start_handling(session: Session, ctx: ServiceContext, case: Case, reason: str) -> None:
    """An open or reopened case on which work is agreed is now being handled."""
    if case.status in (CaseStatus.OPEN, CaseStatus.HEROPEND):
        set_case_status(session, ctx, case, CaseStatus.IN_BEHANDELING, reason)


def require_role(ctx: ServiceContext, *roles: Role) -> None:
    if ctx.actor.role not in roles:
        raise AccessDenied(
            tr("Dit mag alleen een {roles}; u bent {role}.").format(
                roles=" of ".join(r.label.lower() for r in roles),
                role=ctx.actor.role.label.lower(),
            )
        )


class RefusedAccess(AccessDenied):
    """AccessDenied that remembers what was refused, so ``work_unit`` can log it after
    the refused unit has rolled back.

    ``as_missing``: the user hears exactly what a missing record would give (``NotFound``
    with its message), so that guessing ids tells nothing about other organisations' work;
    the refusal is still logged with the record it concerned."""

    def __init__(
        self, message: str, object_type: str, reference: str | None, *, as_missing: bool = False
    ) -> None:
        super().__init__(message)
        self.object_type = object_type
        self.reference = reference
        self.as_missing = as_missing


def hidden_record(missing_message: str, object_type: str, reference: str | None) -> RefusedAccess:
    """A refusal that reads as ``NotFound(missing_message)``: for a record the user has no
    way to know of (another organisation's action, visit or meeting), where no noodknop
    applies."""
    return RefusedAccess(missing_message, object_type, reference, as_missing=True)


@contextmanager
def work_unit(ctx: ServiceContext, purpose: str | None = None) -> Iterator[Session]:
    """``ctx.unit(purpose)``, plus an audit entry for a refused view (in a unit of its
    own)."""
    try:
        with ctx.unit(purpose) as session:
            yield session
    except RefusedAccess as exc:
        access.log_refusal(ctx, exc.object_type, exc.reference)
        if exc.as_missing:
            raise NotFound(exc.message) from None
        raise


def load_case(session: Session, ctx: ServiceContext, case_id: str) -> Case:
    """The case (by id or reference), if it exists and the actor may open it."""
    case = find_case(session, case_id)
    try:
        access.check_case_access(ctx, session, case)
    except AccessDenied as exc:
        raise RefusedAccess(str(exc), OBJ_CASE, case.reference) from exc
    return case


def local_time(moment: datetime | None) -> datetime | None:
    """A stored naive UTC time as naive local time (None stays None)."""
    return utc_to_local(moment) if moment is not None else None


@dataclass(frozen=True)
class ActionInput:
    """An action as entered in the minutes or on the case screen."""

    action_type: ActionType | str
    owner_partner_id: str | None
    deadline: date | None
    description: str | None = None


@dataclass(frozen=True)
class ActionRow:
    action_id: str
    reference: str
    case_id: str
    case_reference: str
    action_type: ActionType
    owner_partner_id: str
    owner_name: str
    deadline: date
    status: ActionStatus
    description: str | None
    """None when the viewer is a partner and the action belongs to another partner."""
    agenda_item_id: str | None
    created_at: datetime
    completed_at: datetime | None
    overdue_days: int
    """Calendar days past the deadline while still open; 0 when not overdue."""
    version: int
    """The stored version: an edit sends it back as ``expected_version``."""

    @property
    def type_label(self) -> str:
        return self.action_type.label

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def is_overdue(self) -> bool:
        return self.overdue_days > 0


def _parse_type(value: ActionType | str) -> ActionType:
    try:
        return ActionType(value)
    except ValueError:
        options = ", ".join(t.label for t in ActionType)
        raise ValidationError(
            tr("Onbekend actietype '{value}'. Kies uit: {options}.").format(
                value=value, options=options
            ),
            field="action_type",
        ) from None


def _first_signal_date(session: Session, case_id: str) -> date | None:
    first = session.execute(
        select(func.min(Signal.received_at)).where(Signal.case_id == case_id)
    ).scalar_one_or_none()
    return first.date() if first is not None else None


def validate_action(
    session: Session, ctx: ServiceContext, case: Case, inp: ActionInput, label: str = ""
) -> tuple[ActionType, Partner, date]:
    """Check an action for ``case`` without saving anything.

    ``label`` prefixes messages when several actions are checked at once ("Actie 2: ...").
    """
    prefix = f"{label}: " if label else ""
    if case.status == CaseStatus.AFGESLOTEN:
        raise ValidationError(
            prefix
            + tr(
                "Casus {ref} is afgesloten; een actie kan daar niet meer bij. Heropen de "
                "casus eerst."
            ).format(ref=case.reference),
            field="case_id",
        )
    action_type = _parse_type(inp.action_type)
    if not inp.owner_partner_id:
        raise ValidationError(
            prefix + tr("Kies een eigenaar: de partnerorganisatie die de actie uitvoert."),
            field="owner_partner_id",
        )
    owner = session.get(Partner, inp.owner_partner_id)
    if owner is None or not owner.active:
        raise ValidationError(
            prefix + tr("De gekozen eigenaar is geen actieve partnerorganisatie. Kies een andere."),
            field="owner_partner_id",
        )
    if inp.deadline is None:
        raise ValidationError(
            prefix + tr("Geef een deadline: de datum waarop de actie klaar moet zijn."),
            field="deadline",
        )
    deadline = inp.deadline
    if isinstance(deadline, datetime):
        deadline = deadline.date()
    now_date = today(ctx.clock)
    if deadline < now_date:
        raise ValidationError(
            prefix
            + tr("De deadline {deadline} ligt in het verleden. Kies vandaag of later.").format(
                deadline=deadline.strftime("%d-%m-%Y")
            ),
            field="deadline",
        )
    first = _first_signal_date(session, case.id)
    if first is not None and deadline < first:
        raise ValidationError(
            prefix
            + tr(
                "De deadline {deadline} ligt vóór het eerste signaal van de casus "
                "({first}). Kies een latere datum."
            ).format(deadline=deadline.strftime("%d-%m-%Y"), first=first.strftime("%d-%m-%Y")),
            field="deadline",
        )
    if inp.description is not None and len(inp.description) > MAX_DESCRIPTION:
        raise ValidationError(
            prefix
            + tr("De omschrijving is te lang ({n} tekens); maximaal {max}.").format(
                n=len(inp.description), max=MAX_DESCRIPTION
            ),
            field="description",
        )
    return action_type, owner, deadline


def insert_action(
    session: Session,
    ctx: ServiceContext,
    case: Case,
    inp: ActionInput,
    agenda_item_id: str | None = None,
    label: str = "",
) -> Action:
    """Validate and add one action inside the caller's unit of work (no commit)."""
    action_type, owner, deadline = validate_action(session, ctx, case, inp, label)
    now = utc_naive(ctx)
    action = Action(
        reference=next_reference(session, RefKind.ACTION, ctx.clock.now().year),
        case_id=case.id,
        agenda_item_id=agenda_item_id,
        action_type=str(action_type),
        owner_partner_id=owner.id,
        deadline=deadline,
        status=str(ActionStatus.OPEN),
        description=(inp.description or "").strip() or None,
        created_at=now,
    )
    session.add(action)
    session.flush()
    record_status_change(session, ctx, OBJ_ACTION, action.id, None, ActionStatus.OPEN, None)
    start_handling(session, ctx, case, tr("Actie {ref} afgesproken.").format(ref=action.reference))
    ctx.audit(session, "create", OBJ_ACTION, action.reference)
    return action


def _row(session: Session, ctx: ServiceContext, action: Action) -> ActionRow:
    case_ref = session.execute(select(Case.reference).where(Case.id == action.case_id)).scalar_one()
    owner_name = session.execute(
        select(Partner.name).where(Partner.id == action.owner_partner_id)
    ).scalar_one()
    return make_action_row(ctx, action, case_ref, owner_name)


def make_action_row(
    ctx: ServiceContext,
    action: Action,
    case_ref: str,
    owner_name: str,
    viewer_partner_id: str | None = None,
) -> ActionRow:
    """The row for an action. Another partner's description is left out when the viewer is
    a partner: the acting partner user, or ``viewer_partner_id`` for a partner's copy."""
    status = ActionStatus(action.status)
    now_date = today(ctx.clock)
    overdue = (now_date - action.deadline).days if status.is_open else 0
    viewer = viewer_partner_id
    if viewer is None:
        viewer = access.partner_view(ctx)
    hide = not access.sees_details_of(viewer, action.owner_partner_id)
    return ActionRow(
        action_id=action.id,
        reference=action.reference,
        case_id=action.case_id,
        case_reference=case_ref,
        action_type=ActionType(action.action_type),
        owner_partner_id=action.owner_partner_id,
        owner_name=owner_name,
        deadline=action.deadline,
        status=status,
        description=None if hide else action.description,
        agenda_item_id=action.agenda_item_id,
        created_at=utc_to_local(action.created_at),
        completed_at=local_time(action.completed_at),
        overdue_days=max(overdue, 0),
        version=action.version,
    )


def rows_for(session: Session, ctx: ServiceContext, actions: Sequence[Action]) -> list[ActionRow]:
    """Rows for several actions with two lookups (case references, partner names)."""
    if not actions:
        return []
    case_ids = {a.case_id for a in actions}
    refs = dict(
        session.execute(select(Case.id, Case.reference).where(Case.id.in_(case_ids))).tuples().all()
    )
    names = dict(session.execute(select(Partner.id, Partner.name)).tuples().all())
    return [make_action_row(ctx, a, refs[a.case_id], names[a.owner_partner_id]) for a in actions]


@retrying
def create_action(ctx: ServiceContext, case_id: str, inp: ActionInput) -> ActionRow:
    """Add an action to a case (coordinator, or the wijkagent of the case's area)."""
    require_role(ctx, *_PLANNERS)
    with work_unit(ctx) as session:
        case = load_case(session, ctx, case_id)
        action = insert_action(session, ctx, case, inp)
        return _row(session, ctx, action)


def _load_action(session: Session, ctx: ServiceContext, action_id: str) -> Action:
    row_scope.named(session, action_id)
    action = session.get(Action, action_id)
    if action is None:
        raise NotFound(tr("Actie niet gevonden."))
    if ctx.actor.role is Role.PARTNER:
        if not access.sees_action(ctx, session, action.id):
            if access.sees_case(ctx, session, action.case_id):
                # On a case the partner works on, the action shows in outline: say why.
                raise RefusedAccess(
                    tr("Deze actie is aan een andere organisatie toegewezen; u kunt haar niet "
                       "zien."),
                    OBJ_ACTION,
                    action.reference,
                )
            raise hidden_record(tr("Actie niet gevonden."), OBJ_ACTION, action.reference)
    else:
        load_case(session, ctx, action.case_id)
    return action


def _check_version(
    ctx: ServiceContext, session: Session, action: Action, expected_version: int | None
) -> None:
    check_version(
        ctx, session, action, expected_version, OBJ_ACTION, action.reference, tr("Deze actie")
    )


@retrying
def get_action(ctx: ServiceContext, action_id: str) -> ActionRow:
    # The same roles as the action list: a manager sees case outlines, not actions.
    require_role(ctx, *_PLANNERS, Role.PARTNER)
    with work_unit(ctx) as session:
        action = _load_action(session, ctx, action_id)
        ctx.audit(session, "view", OBJ_ACTION, action.reference)
        return _row(session, ctx, action)


@retrying
@refuses_stale
def change_action_status(
    ctx: ServiceContext,
    action_id: str,
    new_status: ActionStatus | str,
    reason: str | None = None,
    *,
    expected_version: int | None = None,
) -> ActionRow:
    """Move an action along the workflow; the change goes into the status history.

    Cancelling (vervallen) needs a reason. The owner partner may update its own actions.
    """
    require_role(ctx, *_PLANNERS, Role.PARTNER)
    with work_unit(ctx) as session:
        action = _load_action(session, ctx, action_id)
        _check_version(ctx, session, action, expected_version)
        check_transition(WorkflowKind.ACTION, action.status, new_status)
        target = ActionStatus(new_status)
        if target is ActionStatus.VERVALLEN and not (reason or "").strip():
            raise ValidationError(tr("Geef een reden waarom de actie vervalt."), field="reason")
        if reason is not None and len(reason.strip()) > MAX_DESCRIPTION:
            raise ValidationError(
                tr("De toelichting is te lang ({n} tekens); maximaal {max}.").format(
                    n=len(reason.strip()), max=MAX_DESCRIPTION
                ),
                field="reason",
            )
        old = ActionStatus(action.status)
        action.status = str(target)
        now = utc_naive(ctx)
        if target is ActionStatus.AFGEROND:
            action.completed_at = now
            case = session.get(Case, action.case_id)
            if case is not None:
                set_unversioned(session, case, last_progress_at=now)
        record_status_change(session, ctx, OBJ_ACTION, action.id, old, target, reason)
        ctx.audit(session, "update", OBJ_ACTION, action.reference)
        session.flush()
        return _row(session, ctx, action)


def complete_action(
    ctx: ServiceContext, action_id: str, result: str, *, expected_version: int | None = None
) -> ActionRow:
    """Mark an action done with a short result (required: the loop is closed with what
    came of it); the result goes into the history and the case's timeline."""
    if not (result or "").strip():
        raise ValidationError(
            tr("Schrijf in een paar woorden wat de actie heeft opgeleverd."), field="result"
        )
    return change_action_status(
        ctx, action_id, ActionStatus.AFGEROND, result, expected_version=expected_version
    )


@retrying
@refuses_stale
def change_action_deadline(
    ctx: ServiceContext,
    action_id: str,
    deadline: date,
    reason: str | None = None,
    *,
    expected_version: int | None = None,
) -> ActionRow:
    """Move the deadline of an open action (same rules as a new action).

    With a reason the move goes into the action's history (the case's timeline shows it):
    a line from the status to the same status, its reason naming the old and new date."""
    require_role(ctx, *_PLANNERS)
    with work_unit(ctx) as session:
        action = _load_action(session, ctx, action_id)
        _check_version(ctx, session, action, expected_version)
        if not ActionStatus(action.status).is_open:
            raise ValidationError(
                tr("Actie {ref} is {status}; de deadline kan niet meer veranderen.").format(
                    ref=action.reference, status=ActionStatus(action.status).label.lower()
                ),
                field="deadline",
            )
        case = session.get(Case, action.case_id)
        assert case is not None
        _, _, checked = validate_action(
            session,
            ctx,
            case,
            ActionInput(action.action_type, action.owner_partner_id, deadline, action.description),
        )
        if reason is not None:
            why = reason.strip()
            if not why:
                raise ValidationError(
                    tr("Geef een reden waarom de deadline verschuift."), field="reason"
                )
            if len(why) > MAX_DESCRIPTION:
                raise ValidationError(
                    tr("De reden is te lang ({n} tekens); maximaal {max}.").format(
                        n=len(why), max=MAX_DESCRIPTION
                    ),
                    field="reason",
                )
            if checked != action.deadline:
                note = tr("Deadline {old} → {new}: {reason}").format(
                    old=action.deadline.strftime("%d-%m-%Y"),
                    new=checked.strftime("%d-%m-%Y"),
                    reason=why,
                )
                status = ActionStatus(action.status)
                record_status_change(session, ctx, OBJ_ACTION, action.id, status, status, note)
        action.deadline = checked
        ctx.audit(session, "update", OBJ_ACTION, action.reference)
        session.flush()
        return _row(session, ctx, action)


@retrying
def list_actions(
    ctx: ServiceContext,
    case_id: str | None = None,
    owner_partner_id: str | None = None,
    open_only: bool = True,
) -> list[ActionRow]:
    """Actions by deadline. A partner sees its own organisation's actions only."""
    require_role(ctx, *_PLANNERS, Role.PARTNER)
    with work_unit(ctx) as session:
        stmt = select(Action).order_by(Action.deadline, Action.reference)
        if (
            ctx.actor.role is Role.PARTNER
            and owner_partner_id is not None
            and owner_partner_id != ctx.actor.partner_id
        ):
            raise AccessDenied(tr("U ziet alleen de acties van uw eigen organisatie."))
        stmt = stmt.where(access.action_scope(ctx))
        case_ref: str | None = None
        if case_id is not None:
            # By id or reference, like every case argument; logged by the reference. A
            # partner gets an empty list for an unknown case, as for one without its actions.
            case: Case | None
            if ctx.actor.role is Role.PARTNER:
                try:
                    case = find_case(session, case_id)
                except NotFound:
                    case = None
            else:
                case = load_case(session, ctx, case_id)
            case_ref = case.reference if case is not None else None
            stmt = stmt.where(Action.case_id == (case.id if case is not None else case_id))
        if owner_partner_id is not None:
            stmt = stmt.where(Action.owner_partner_id == owner_partner_id)
        if open_only:
            stmt = stmt.where(Action.status.in_([str(s) for s in ActionStatus if s.is_open]))
        actions = list(session.execute(stmt).scalars())
        ctx.audit(session, "view", "action_list", case_ref)
        return rows_for(session, ctx, actions)


__all__ = [
    "ActionInput",
    "ActionRow",
    "change_action_deadline",
    "change_action_status",
    "complete_action",
    "create_action",
    "get_action",
    "insert_action",
    "list_actions",
    "make_action_row",
    "rows_for",
    "validate_action",
]
