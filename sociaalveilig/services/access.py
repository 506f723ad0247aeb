"""Need-to-know, enforced in the services (AVG: data minimisation, purpose limitation).

Who sees which cases and signals, as SQLAlchemy where-clauses that every list, search,
export and detail view applies, so a list can never show what the detail would refuse:

- **coördinator**: everything;
- **wijkagent**: cases and signals in the focus areas assigned to them (and the signals
  they registered themselves);
- **partner**: cases on the agenda of a meeting the partner organisation takes part in,
  cases with an action owned by the partner, the signals of those cases, signals on the
  agenda of its meetings, and signals its user registered;
- **manager**: case summaries only, pseudonymised (initials, no descriptions); no signals;
- **beheerder**: configuration only; no case content at all.

The other kinds of record follow from these, and every service asks this module (no
scope logic elsewhere):

- **visits** (``visit_scope``): the coördinator every visit; a wijkagent the visits of the
  cases in their focus areas (the case scope) plus the visits their own organisation takes
  part in, when they belong to one; a partner the visits its organisation takes part in;
  manager and beheerder none. The week planner, the visit's detail, the worklist, the
  reminders and the calendar export all use this one set (a "my work" view may narrow it
  to the user's own organisation, ``own_organisation_visits``, but never widen it);
- **actions** (``action_scope``): a partner those its organisation owns; the coördinator and
  a wijkagent the actions of the cases in their scope; manager and beheerder none;
- **meetings** (``meeting_scope``): the coördinator all, a wijkagent those of their focus
  areas, a partner those its organisation takes part in; manager and beheerder none. The
  meeting list, the detail, the case's meetings and the calendar export use it;
- **reminders**: visits and actions as above; reviews and escalations of the cases in
  ``case_work_scope`` (a partner only the cases it leads as casusregisseur); an agenda
  still to send (``agenda_reminder_scope``) only the coördinator, who prepares it;
- **calendar items**: ``visit_scope`` and ``meeting_scope``, the same sets as the lists.

Opening a case outside one's scope takes a reason: the "noodknop". It is allowed for the
roles that do case work (coördinator, wijkagent, partner) and logged as ``emergency_access``
with the reason; the beheerder reviews these in a separate list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, Select, exists, false, or_, select, true, union_all
from sqlalchemy.orm import Session, aliased

from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import AccessDenied, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.services.context import LOCAL_ZONE, ServiceContext
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.users import require_role
from sociaalveilig.storage.models import (
    Action,
    AgendaItem,
    AuditEntry,
    Buurtschouw,
    Case,
    Meeting,
    MeetingPartner,
    Signal,
    Visit,
    VisitPartner,
)

EMERGENCY_ACTION = "emergency_access"
MAX_PURPOSE = 200
EMERGENCY_ROLES = frozenset({Role.COORDINATOR, Role.WIJKAGENT, Role.PARTNER})


# --------------------------------------------------------------------------- scopes


def partner_case_ids(partner_id: str) -> Select[tuple[str | None]]:
    """Ids of the cases a partner organisation may see (see the module text); an id may
    come more than once (``IN`` and a set do not mind, and a UNION would sort both halves
    to drop the repeats, a large share of the statement's time on a big region). Read
    from indexes alone: the partner's meetings, their agendas' cases, its actions' cases
    (schema v3)."""
    on_agenda = (
        select(AgendaItem.case_id)
        .join(MeetingPartner, MeetingPartner.meeting_id == AgendaItem.meeting_id)
        .where(MeetingPartner.partner_id == partner_id, AgendaItem.case_id.is_not(None))
    )
    owns_action = select(Action.case_id).where(Action.owner_partner_id == partner_id)
    return select(union_all(on_agenda, owns_action).subquery().c[0])


def partner_agenda_items(partner_id: str) -> ColumnElement[bool]:
    """Where-clause on ``AgendaItem``: the agenda items a partner organisation sees, on
    screen and in its printed copy alike (one rule, so the two cannot disagree). A partner
    sees the cases (and signals) on the agenda of every meeting it takes part in; a
    meeting it does not take part in shows it nothing."""
    return AgendaItem.meeting_id.in_(
        select(MeetingPartner.meeting_id).where(MeetingPartner.partner_id == partner_id)
    )


def _own_signals(user_id: str) -> ColumnElement[bool]:
    """The signals the user registered, as a set of ids: the list indexes hold the id but
    not the author, so testing ``created_by`` row by row read the table for every signal
    outside the rest of the scope. ``ix_signals_created_by`` finds the user's own rows."""
    mine = aliased(Signal)
    # ``id || ''``: an expression, not the column, so SQLite cannot answer the scope's OR
    # with one index per term (a "MULTI-INDEX OR" that read every signal in the scope from
    # the table before sorting), and walks the list index as it did when this term was
    # ``created_by = ?``.
    return Signal.id.concat("").in_(select(mine.id).where(mine.created_by == user_id))


def _partner_agenda_signal_ids(partner_id: str) -> Select[tuple[str | None]]:
    return (
        select(AgendaItem.signal_id)
        .join(MeetingPartner, MeetingPartner.meeting_id == AgendaItem.meeting_id)
        .where(MeetingPartner.partner_id == partner_id, AgendaItem.signal_id.is_not(None))
    )


def case_scope(ctx: ServiceContext) -> ColumnElement[bool]:
    """Where-clause on ``Case``: the cases the acting user may list and open."""
    actor = ctx.actor
    if actor.role in (Role.COORDINATOR, Role.MANAGER):
        return true()
    if actor.role is Role.WIJKAGENT:
        if not actor.area_ids:
            return false()
        return Case.focus_area_id.in_(sorted(actor.area_ids))
    if actor.role is Role.PARTNER and actor.partner_id:
        return Case.id.in_(partner_case_ids(actor.partner_id))
    return false()


def sees_every_signal(ctx: ServiceContext) -> bool:
    """Whether the acting user may list every signal (``signal_scope`` is no filter)."""
    return ctx.actor.role is Role.COORDINATOR


def signal_scope_parts(ctx: ServiceContext) -> tuple[ColumnElement[bool], ...]:
    """A wijkagent's signal scope as narrow parts whose union is exactly ``signal_scope``
    (tested; keep the two in step): their area, the area's cases wherever their signals
    are, and their own signals, each on one column of ``signals``. A store may read a
    list part by part, each through its own index (``StoreSeam.plans``). () for other
    users: a partner's cases are too many for that to pay (docs/performance.md)."""
    actor = ctx.actor
    if actor.role is not Role.WIJKAGENT:
        return ()
    own = Signal.created_by == actor.user_id
    if not actor.area_ids:
        return (own,)
    areas = sorted(actor.area_ids)
    return (
        Signal.focus_area_id.in_(areas),
        Signal.case_id.in_(select(Case.id).where(Case.focus_area_id.in_(areas))),
        own,
    )


def signal_scope(ctx: ServiceContext) -> ColumnElement[bool]:
    """Where-clause on ``Signal``: the signals the acting user may list and open."""
    actor = ctx.actor
    if sees_every_signal(ctx):
        return true()
    own = _own_signals(actor.user_id)
    if actor.role is Role.WIJKAGENT:
        if not actor.area_ids:
            return own
        areas = sorted(actor.area_ids)
        return or_(
            Signal.focus_area_id.in_(areas),
            Signal.case_id.in_(select(Case.id).where(Case.focus_area_id.in_(areas))),
            own,
        )
    if actor.role is Role.PARTNER and actor.partner_id:
        return or_(
            Signal.case_id.in_(partner_case_ids(actor.partner_id)),
            Signal.id.in_(_partner_agenda_signal_ids(actor.partner_id)),
            own,
        )
    return false()


# --------------------------------------------------------------------------- case work


def own_organisation_visits(partner_id: str) -> ColumnElement[bool]:
    """Where-clause on ``Visit``: the visits the organisation ``partner_id`` takes part in."""
    return Visit.id.in_(select(VisitPartner.visit_id).where(VisitPartner.partner_id == partner_id))


def visit_scope(ctx: ServiceContext) -> ColumnElement[bool]:
    """Where-clause on ``Visit``: the visits the acting user may list, open, be reminded of
    and put in their calendar (see the module text)."""
    actor = ctx.actor
    if actor.role is Role.COORDINATOR:
        return true()
    if actor.role is Role.WIJKAGENT:
        by_case = Visit.case_id.in_(select(Case.id).where(case_scope(ctx)))
        if actor.partner_id:
            return or_(by_case, own_organisation_visits(actor.partner_id))
        return by_case
    if actor.role is Role.PARTNER and actor.partner_id:
        return own_organisation_visits(actor.partner_id)
    return false()


def action_scope(ctx: ServiceContext) -> ColumnElement[bool]:
    """Where-clause on ``Action``: the actions the acting user may list, open and be
    reminded of: a partner those its organisation owns, the coördinator and a wijkagent
    those of the cases in their scope."""
    actor = ctx.actor
    if actor.role is Role.COORDINATOR:
        return true()
    if actor.role is Role.WIJKAGENT:
        return Action.case_id.in_(select(Case.id).where(case_scope(ctx)))
    if actor.role is Role.PARTNER and actor.partner_id:
        return Action.owner_partner_id == actor.partner_id
    return false()


def meeting_scope(ctx: ServiceContext) -> ColumnElement[bool]:
    """Where-clause on ``Meeting``: the meetings the acting user may list and open (and
    export to a calendar): the coördinator all, a wijkagent those of their focus areas, a
    partner those its organisation takes part in."""
    actor = ctx.actor
    if actor.role is Role.COORDINATOR:
        return true()
    if actor.role is Role.WIJKAGENT:
        return Meeting.focus_area_id.in_(sorted(actor.area_ids))
    if actor.role is Role.PARTNER and actor.partner_id:
        return Meeting.id.in_(
            select(MeetingPartner.meeting_id).where(MeetingPartner.partner_id == actor.partner_id)
        )
    return false()


def case_work_scope(ctx: ServiceContext) -> ColumnElement[bool]:
    """Where-clause on ``Case``: the cases whose reviews and escalations the acting user
    follows up (worklist, reminders): the coördinator and a wijkagent the cases in their
    scope, a partner the cases it leads (casusregisseur)."""
    actor = ctx.actor
    if actor.role in (Role.COORDINATOR, Role.WIJKAGENT):
        return case_scope(ctx)
    if actor.role is Role.PARTNER and actor.partner_id:
        return Case.lead_partner_id == actor.partner_id
    return false()


def agenda_reminder_scope(ctx: ServiceContext) -> ColumnElement[bool]:
    """Where-clause on ``Meeting``: the meetings whose agenda the acting user is reminded to
    send; preparing and sending the agenda is the coördinator's work."""
    return true() if ctx.actor.role is Role.COORDINATOR else false()


def partner_view(ctx: ServiceContext) -> str | None:
    """The organisation whose need-to-know limits what the acting user sees inside a case,
    a meeting or an action they may open (another organisation's action descriptions and
    notes, the decisions of meetings it did not attend, the visits it did not go on, are
    left out): a partner user's own organisation (``""`` for a partner account without
    one: then nobody's); None for the other roles, who see it all."""
    if ctx.actor.role is Role.PARTNER:
        return ctx.actor.partner_id or ""
    return None


def sees_details_of(viewer: str | None, owner_partner_id: str | None) -> bool:
    """Whether a viewer (``partner_view``, or the organisation a partner's copy is made
    for) sees the description and notes of work owned by ``owner_partner_id``: everyone
    who is no partner, and a partner its own organisation's work."""
    return viewer is None or owner_partner_id == viewer


def sees_reporter(ctx: ServiceContext, created_by: str | None) -> bool:
    """Whether the acting user sees who reported a signal registered by ``created_by``:
    those who may need to ask back (coördinator, police); a partner organisation working
    the case has no need to know, unless its user registered the signal."""
    return ctx.actor.role is not Role.PARTNER or created_by == ctx.actor.user_id


def may_get_copy_of(ctx: ServiceContext, partner_id: str | None) -> bool:
    """Whether the acting user may have a partner's copy of a meeting (agenda or minutes)
    made for ``partner_id``: a partner user only its own organisation's; the coördinator
    any (who takes part in the meeting is the caller's question)."""
    return ctx.actor.role is not Role.PARTNER or partner_id == ctx.actor.partner_id


def outside_own_areas(ctx: ServiceContext, focus_area_id: str | None) -> bool:
    """Whether ``focus_area_id`` lies outside the acting user's focus areas: only ever for a
    wijkagent (the other roles are not bound to areas; which roles may do a thing at all is
    ``require_role``'s question). Planning a walk, preparing a meeting, printing a walk's
    pack or an area's figures, making a case of a signal there all ask this."""
    return ctx.actor.role is Role.WIJKAGENT and focus_area_id not in ctx.actor.area_ids


def prepares_meeting(ctx: ServiceContext, focus_area_id: str | None) -> bool:
    """Whether the acting user may prepare (plan, move, fill the agenda of) a meeting of
    ``focus_area_id``: the coördinator any, a wijkagent those of their focus areas (the
    role itself is checked with ``require_role``)."""
    return not outside_own_areas(ctx, focus_area_id)


def buurtschouw_scope(ctx: ServiceContext) -> ColumnElement[bool]:
    """Where-clause on ``Buurtschouw``: the walks the acting user may list: a wijkagent
    those of their focus areas, the coördinator all (other roles do not walk:
    ``require_role``)."""
    if ctx.actor.role is Role.WIJKAGENT:
        return Buurtschouw.focus_area_id.in_(sorted(ctx.actor.area_ids))
    return true()


def changes_case(ctx: ServiceContext, session: Session, case: Case) -> bool:
    """Whether the acting user may change ``case`` and plan work on it (status, risk,
    actions, visits): the coördinator any, a wijkagent those in their scope; a partner
    and the others none."""
    if ctx.actor.role is Role.COORDINATOR:
        return True
    if ctx.actor.role is Role.WIJKAGENT:
        return _in_scope(session, Case.id == case.id, case_scope(ctx))
    return False


def reviews_case(ctx: ServiceContext, case: Case) -> bool:
    """Whether the acting user may record a review of ``case`` they may open: a partner
    only the cases it leads (casusregisseur); the coördinator and a wijkagent any."""
    if ctx.actor.role is Role.PARTNER:
        return ctx.actor.partner_id is not None and case.lead_partner_id == ctx.actor.partner_id
    return True


def sees_case(ctx: ServiceContext, session: Session, case_id: str | None) -> bool:
    """Whether the case ``case_id`` lies in ``case_scope`` (without the noodknop)."""
    return case_id is not None and _in_scope(session, Case.id == case_id, case_scope(ctx))


def sees_visit(ctx: ServiceContext, session: Session, visit_id: str) -> bool:
    """Whether the visit ``visit_id`` lies in ``visit_scope``."""
    return _in_scope(session, Visit.id == visit_id, visit_scope(ctx))


def sees_action(ctx: ServiceContext, session: Session, action_id: str) -> bool:
    """Whether the action ``action_id`` lies in ``action_scope``."""
    return _in_scope(session, Action.id == action_id, action_scope(ctx))


def sees_meeting(ctx: ServiceContext, session: Session, meeting_id: str) -> bool:
    """Whether the meeting ``meeting_id`` lies in ``meeting_scope``."""
    return _in_scope(session, Meeting.id == meeting_id, meeting_scope(ctx))


# --------------------------------------------------------------------------- roles


def is_pseudonymised(ctx: ServiceContext) -> bool:
    """Whether case data is shown to this user with initials and without descriptions."""
    return ctx.actor.role is Role.MANAGER


def refuse_beheerder(ctx: ServiceContext) -> None:
    """A beheerder manages the program, not the cases: no case content."""
    if ctx.actor.role is Role.BEHEERDER:
        raise AccessDenied(
            tr(
                "Een beheerder ziet geen casusinhoud. Werkt u met casussen, log dan in met een "
                "account met de rol coördinator."
            )
        )


def require_signal_reader(ctx: ServiceContext) -> None:
    """Signals (lists and details) are for the roles doing case work."""
    refuse_beheerder(ctx)
    if ctx.actor.role is Role.MANAGER:
        raise AccessDenied(
            tr(
                "Een manager ziet cijfers en gepseudonimiseerde casusoverzichten, geen losse "
                "signalen."
            )
        )


_PARTICLES = frozenset(
    {"de", "den", "der", "van", "von", "het", "ten", "ter", "te", "in", "op", "'t", "'s", "la"}
)
_WORD = re.compile(r"[^\W\d_]", re.UNICODE)


def initials(name: str) -> str:
    """A name as initials (``"Anna de Verzonnen"`` → ``"A.d.V."``): a pseudonymised view."""
    parts: list[str] = []
    for word in name.replace("-", " ").split():
        letter = _WORD.search(word)
        if letter is None:
            continue
        char = letter.group(0)
        parts.append((char.lower() if word.lower() in _PARTICLES else char.upper()) + ".")
    return "".join(parts) or "?"


# --------------------------------------------------------------------------- checks


@dataclass(frozen=True)
class Access:
    """How a case or signal is opened: in scope, by emergency access, or pseudonymised."""

    emergency: bool
    pseudonymised: bool
    purpose: str | None


def _clean_purpose(purpose: str | None) -> str | None:
    if purpose is None or not purpose.strip():
        return None
    text = " ".join(purpose.split())
    if len(text) > MAX_PURPOSE:
        raise ValidationError(
            tr(
                "De reden is te lang: {length} tekens, hoogstens {limit}. Vat hem korter samen."
            ).format(length=len(text), limit=MAX_PURPOSE),
            field="doel",
        )
    return text


def _in_scope(session: Session, key: ColumnElement[bool], scope: ColumnElement[bool]) -> bool:
    """Whether the row picked by ``key`` lies in ``scope``. An empty scope (a wijkagent
    without focus areas) is ``false()``, and SQLAlchemy folds ``key & false()`` to a bare
    ``0 = 1`` without a table, which SQLite refuses; so that case is answered here."""
    if scope.compare(false()):
        return False
    return bool(session.execute(select(exists().where(key & scope))).scalar())


def _outside_scope(
    ctx: ServiceContext,
    session: Session,
    object_type: str,
    reference: str,
    purpose: str | None,
) -> Access:
    reason = _clean_purpose(purpose)
    if ctx.actor.role not in EMERGENCY_ROLES:
        raise AccessDenied(
            tr("{reference} valt buiten wat u mag inzien.").format(reference=reference)
        )
    if reason is None:
        raise AccessDenied(
            tr(
                "{reference} valt buiten uw werkgebied. Wilt u het toch openen, geef dan een "
                "reden op (noodknop); dat wordt vastgelegd en gecontroleerd."
            ).format(reference=reference)
        )
    ctx.audit(session, EMERGENCY_ACTION, object_type, reference, purpose=reason)
    return Access(emergency=True, pseudonymised=False, purpose=reason)


def check_case_access(
    ctx: ServiceContext, session: Session, case: Case, purpose: str | None = None
) -> Access:
    """Whether the acting user may open ``case``; AccessDenied otherwise.

    Outside the user's scope a reason (noodknop) opens it, logged here as
    ``emergency_access`` with the reason. A refusal rolls the caller's unit back; the
    caller logs it in a unit of its own (``log_refusal``)."""
    refuse_beheerder(ctx)
    if ctx.actor.role is Role.MANAGER:
        return Access(emergency=False, pseudonymised=True, purpose=_clean_purpose(purpose))
    if _in_scope(session, Case.id == case.id, case_scope(ctx)):
        return Access(emergency=False, pseudonymised=False, purpose=_clean_purpose(purpose))
    return _outside_scope(ctx, session, "case", case.reference, purpose)


def check_signal_access(
    ctx: ServiceContext, session: Session, signal: Signal, purpose: str | None = None
) -> Access:
    """As ``check_case_access``, for one signal."""
    require_signal_reader(ctx)
    if _in_scope(session, Signal.id == signal.id, signal_scope(ctx)):
        return Access(emergency=False, pseudonymised=False, purpose=_clean_purpose(purpose))
    return _outside_scope(ctx, session, "signal", signal.reference, purpose)


@retrying
def log_refusal(ctx: ServiceContext, object_type: str, reference: str | None) -> None:
    """Note a refused view in the audit log (in its own unit: the refused one rolled back)."""
    with ctx.unit() as session:
        ctx.audit(session, "view", object_type, reference, outcome="denied")


# --------------------------------------------------------------------------- noodknop list


@dataclass(frozen=True)
class EmergencyAccess:
    at: datetime
    """Local time (Europe/Amsterdam), naive."""
    username: str
    role: str
    object_type: str | None
    reference: str | None
    purpose: str | None


def _local(stamp: str) -> datetime:
    moment = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    return moment.astimezone(LOCAL_ZONE).replace(tzinfo=None)


@retrying
def list_emergency_access(ctx: ServiceContext) -> list[EmergencyAccess]:
    """Every use of the noodknop, newest first (beheerder only); the viewing is logged."""
    require_role(ctx, Role.BEHEERDER)
    with ctx.unit() as session:
        rows = session.execute(
            select(AuditEntry)
            .where(AuditEntry.action == EMERGENCY_ACTION)
            .order_by(AuditEntry.id.desc())
        ).scalars()
        result = [
            EmergencyAccess(
                at=_local(e.at),
                username=e.username,
                role=e.role,
                object_type=e.object_type,
                reference=e.object_id,
                purpose=e.purpose,
            )
            for e in rows
        ]
        ctx.audit(session, "view", "emergency_list", None)
    return result
