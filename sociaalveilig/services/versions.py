"""No silent overwrite: an edit names the version of the record it was based on.

Every record carries a version counter (``storage/models.py``, SQLAlchemy's
``version_id_col``), but a service loads the row fresh in its own unit: without a check,
a save based on what the user saw minutes ago would overwrite what another user changed
since (and ``@retrying`` would do the same after a serialization failure). So every editing
service function takes ``expected_version`` (the ``version`` of the dataclass the window was
filled from) and calls ``check_version`` on the row it loaded, inside its writing unit: on
the centre every writing unit first takes the audit head's lock, so two desks saving the
same version one after the other always meet here, and the second reads ``StaleEdit``.

The refusal says who changed what in between, read from the audit log (the newest change
logged on the record), and is itself logged (``refuses_stale``) in a unit of its own, as
the refused unit rolled back. Additions that cannot conflict (a new signal, a note, a new
action) take no version.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from sociaalveilig.core.enums import ActionStatus, CaseStatus, EscalationStatus, VisitStatus
from sociaalveilig.core.errors import StaleEdit
from sociaalveilig.core.i18n import QT_TR_NOOP, tr
from sociaalveilig.services.audit_objects import OBJ_ACTION, OBJ_CASE, OBJ_ESCALATION, OBJ_VISIT
from sociaalveilig.services.context import LOCAL_ZONE, ServiceContext
from sociaalveilig.services.retry import retrying
from sociaalveilig.storage.models import AuditEntry, StatusChange, User, Versioned

P = ParamSpec("P")
R = TypeVar("R")

STALE_ACTION = "stale_edit"
STALE_OUTCOME = "denied"
"""Read as "geweigerd" in the audit viewer, as other refusals."""

NOT_CHANGES = frozenset(
    {
        "view",
        "list",
        "search",
        "print",
        "export",
        "view_routing",
        "view_zvh_criteria",
        "escalation_advice",
        "emergency_access",
        "link_proposal",
        STALE_ACTION,
    }
)
"""Audit actions that read a record without changing it: never named as the change."""

MOVED_PURPOSE = "volgorde agenda"
"""The purpose logged with an agenda item another item's move or removal renumbered
(``meeting_agenda``): its version changed, and the refusal names the change as a move."""
PURPOSE_STEPS: dict[str, str] = {MOVED_PURPOSE: QT_TR_NOOP("verplaatst op de agenda")}
"""What a generic "update" logged with one of these purposes was, for the refusal."""


class VersionedRow(Protocol):
    version: int


def check_version(
    ctx: ServiceContext,
    session: Session,
    row: VersionedRow,
    expected_version: int | None,
    object_type: str,
    object_id: str,
    what: str,
) -> None:
    """Refuse with ``StaleEdit`` when ``row`` is no longer the version the edit was based
    on. ``object_type``/``object_id`` are the names the record's changes are audited
    under; ``what`` is the Dutch subject of the message ("Deze casus"). ``None`` means the
    caller holds no version (a step inside another service, the demo): nothing to check."""
    if expected_version is None or row.version == expected_version:
        return
    change = _last_change(ctx, session, object_type, object_id, getattr(row, "id", None))
    if change is None:
        message = tr(
            "{what} is intussen door iemand anders gewijzigd. Bekijk de nieuwe gegevens; "
            "uw invoer staat nog in het venster."
        ).format(what=what)
    else:
        message = tr(
            "{what} is intussen gewijzigd door {who} ({change}, {at}). Bekijk de nieuwe "
            "gegevens; uw invoer staat nog in het venster."
        ).format(what=what, who=change[0], change=change[1], at=change[2])
    raise StaleEdit(
        message,
        current_version=row.version,
        object_type=object_type,
        object_id=object_id,
    )


def _last_change(
    ctx: ServiceContext,
    session: Session,
    object_type: str,
    object_id: str,
    row_id: object = None,
) -> tuple[str, str, str] | None:
    """Who (display name), what (the audit verb, lower case; for a record with a status
    history the step it made) and when (local time) of the newest change logged on the
    record."""
    from sociaalveilig.services.audit_labels import ACTION_LABELS  # audit_labels uses users

    entry = session.execute(
        select(AuditEntry)
        .where(
            AuditEntry.object_id == object_id,
            AuditEntry.object_type == object_type,
            AuditEntry.action.not_in(NOT_CHANGES),
            AuditEntry.outcome == "ok",
        )
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    if entry is None:
        return None
    user = session.execute(
        select(User.id, User.display_name).where(User.username == entry.username)
    ).one_or_none()
    step = (
        _status_step(session, object_type, row_id, user[0], entry.at)
        if user is not None and isinstance(row_id, str)
        else None
    )
    if step is None and entry.purpose in PURPOSE_STEPS:
        step = tr(PURPOSE_STEPS[entry.purpose])
    if step is None:
        label = ACTION_LABELS.get(entry.action)
        verb = tr(label) if label else tr("gewijzigd")
        step = verb[:1].lower() + verb[1:]
    return (user[1] if user is not None else entry.username), step, _when(ctx, entry.at)


STATUSES: dict[str, type[ActionStatus | CaseStatus | EscalationStatus | VisitStatus]] = {
    OBJ_ACTION: ActionStatus,
    OBJ_CASE: CaseStatus,
    OBJ_ESCALATION: EscalationStatus,
    OBJ_VISIT: VisitStatus,
}
"""Records whose status history (``status_history``, by row id) says what a generic
"update" in the audit log was."""


def _status_step(
    session: Session, object_type: str, row_id: str, user_id: str, stamp: str
) -> str | None:
    """The status step (or an action's deadline move) the same user wrote into the
    record's history in the audited change's unit, as the refusal's "what"; None when the
    change left no such line."""
    kind = STATUSES.get(object_type)
    if kind is None:
        return None
    try:
        at = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ")
    except ValueError:
        return None
    line = session.execute(
        select(StatusChange.from_status, StatusChange.to_status)
        .where(
            StatusChange.object_type == object_type,
            StatusChange.object_id == row_id,
            StatusChange.user_id == user_id,
            StatusChange.at.between(at - SAME_UNIT, at + SAME_UNIT),
        )
        .order_by(StatusChange.id.desc())
        .limit(1)
    ).one_or_none()
    if line is None:
        return None
    old, new = line
    if old == new:
        return tr("deadline verschoven") if object_type == OBJ_ACTION else None
    try:
        label = kind(new).label
    except ValueError:
        return None
    return tr("nu {status}").format(status=label.lower())


SAME_UNIT = timedelta(seconds=5)
"""A history line and its audit entry are written in one unit with the same clock; the
margin only absorbs the two reads of it."""


def _when(ctx: ServiceContext, stamp: str) -> str:
    try:
        moment = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        return stamp
    local = moment.astimezone(LOCAL_ZONE).replace(tzinfo=None)
    if local.date() == ctx.clock.now().date():
        return local.strftime("%H:%M")
    return f"{local.day}-{local.month}-{local.year} {local:%H:%M}"


def set_unversioned(session: Session, row: Versioned, **values: object) -> None:
    """Write bookkeeping columns without a new version: a case's ``last_progress_at`` and
    ``next_review`` (they follow from work on the case, a completed action, a review or a
    meeting decision, which is no edit of the case itself), the positions of the routing
    rules that shift when another one moves. A new version would refuse the edit of a user
    who changed nothing in conflict, naming a change that was not made to that record."""
    model = type(row)
    session.execute(
        update(model)
        .where(model.id == row.id)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    for name, value in values.items():
        set_committed_value(row, name, value)


@retrying
def _log_stale(ctx: ServiceContext, exc: StaleEdit) -> None:
    """Note a refused stale save in the audit log (its own unit: the refused one rolled
    back)."""
    with ctx.unit() as session:
        ctx.audit(
            session,
            STALE_ACTION,
            exc.object_type or None,
            exc.object_id or None,
            outcome=STALE_OUTCOME,
        )


def refuses_stale(
    func: Callable[Concatenate[ServiceContext, P], R],
) -> Callable[Concatenate[ServiceContext, P], R]:
    """Around an editing service function, inside ``@retrying`` (so a desk on a centre
    sends the whole call there, and the refusal is logged once, where it happened): a
    ``StaleEdit`` is logged in a unit of its own, then passed on unchanged. The refused
    unit has rolled back by then, and the log's unit runs inside the same attempt."""

    @functools.wraps(func)
    def wrapper(ctx: ServiceContext, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(ctx, *args, **kwargs)
        except StaleEdit as exc:
            _log_stale(ctx, exc)
            raise

    return wrapper
