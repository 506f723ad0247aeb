"""Home visits (huisbezoeken): planned, done with notes, nobody home, or refused.

A visit belongs to a case, is made by one or more partners (two or more for a joint visit),
at an address that defaults to the case's address, at a planned local time. Every attempt
keeps its own record: when nobody is home the program proposes the next working day at the
same time, and ``replan_visit`` creates a new visit that points back at the failed one.

Planned times are naive local time (Europe/Amsterdam), as people plan in; the clock's
``now()`` is local too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import CaseStatus, Role, VisitOutcome, VisitStatus
from sociaalveilig.core.errors import NotFound, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.postcode import normalise_postcode
from sociaalveilig.core.workdays import next_working_day
from sociaalveilig.core.workflow import WorkflowKind, check_transition
from sociaalveilig.services import access
from sociaalveilig.services.actions import (
    OBJ_VISIT,
    RefusedAccess,
    hidden_record,
    load_case,
    record_status_change,
    require_role,
    utc_naive,
    work_unit,
)
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.partners import check_active_partners
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.versions import check_version, refuses_stale, set_unversioned
from sociaalveilig.services.visit_clashes import check_clashes
from sociaalveilig.storage import row_scope
from sociaalveilig.storage.models import (
    Action,
    Case,
    FocusArea,
    Partner,
    Visit,
    VisitPartner,
)

MAX_PURPOSE = 4000
MAX_NOTES = 4000

_PLANNERS = (Role.COORDINATOR, Role.WIJKAGENT)
_VISIT_ROLES = (Role.COORDINATOR, Role.WIJKAGENT, Role.PARTNER)
# Outcomes after which the same visit may be tried again with a new planned visit.
_REPLANNABLE = (VisitStatus.NIEMAND_THUIS, VisitStatus.GEWEIGERD)


@dataclass(frozen=True)
class VisitAddress:
    postcode: str
    house_number: int
    addition: str | None = None
    street: str | None = None
    city: str | None = None

    @property
    def line(self) -> str:
        """``Fictiefstraat 12a, 6461 AB Kerkrade`` (parts that are missing are left out)."""
        number = f"{self.house_number}{self.addition or ''}"
        first = f"{self.street} {number}" if self.street else number
        place = f"{self.postcode} {self.city}" if self.city else self.postcode
        return f"{first}, {place}"


@dataclass(frozen=True)
class VisitInput:
    case_id: str
    partner_ids: Sequence[str]
    start: datetime
    end: datetime
    purpose: str
    address: VisitAddress | None = None
    """None: the case's address."""
    joint: bool = False
    action_id: str | None = None
    """The action (usually a gezamenlijk huisbezoek) this visit carries out, if any."""


@dataclass(frozen=True)
class VisitRow:
    visit_id: str
    case_id: str | None
    case_reference: str | None
    area: str | None
    start: datetime
    end: datetime
    address: VisitAddress
    purpose: str
    joint: bool
    partner_ids: tuple[str, ...]
    partner_names: tuple[str, ...]
    status: VisitStatus
    outcome_notes: str | None
    follow_up_of: str | None
    action_id: str | None
    version: int
    """The stored version: an edit sends it back as ``expected_version``."""

    @property
    def status_label(self) -> str:
        return self.status.label


@dataclass(frozen=True)
class OutcomeResult:
    visit: VisitRow
    proposed_start: datetime | None
    """Nobody home: the same time on the next working day, to confirm with replan_visit."""


# --------------------------------------------------------------------------- helpers


def _load_visit(session: Session, ctx: ServiceContext, visit_id: str) -> Visit:
    row_scope.named(session, visit_id)
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound(tr("Huisbezoek niet gevonden."))
    if access.sees_visit(ctx, session, visit.id):
        return visit
    if ctx.actor.role is Role.PARTNER:
        if access.sees_case(ctx, session, visit.case_id):
            # On a case the partner works on, the visit shows in outline: say why.
            raise RefusedAccess(
                tr("Uw organisatie neemt niet deel aan dit huisbezoek."), OBJ_VISIT, visit.id
            )
        raise hidden_record(tr("Huisbezoek niet gevonden."), OBJ_VISIT, visit.id)
    if visit.case_id is None:
        # No case to open with the noodknop: a visit without a case outside the scope is
        # simply not the user's to see.
        raise RefusedAccess(
            tr("Dit huisbezoek hoort niet bij uw gebieden of uw organisatie."), OBJ_VISIT, visit.id
        )
    load_case(session, ctx, visit.case_id)  # outside the scope: the noodknop or a refusal
    return visit


def _check_version(
    ctx: ServiceContext, session: Session, visit: Visit, expected_version: int | None
) -> None:
    check_version(
        ctx, session, visit, expected_version, OBJ_VISIT, visit.id, tr("Dit huisbezoek")
    )


def _rows(session: Session, visits: Sequence[Visit]) -> list[VisitRow]:
    if not visits:
        return []
    ids = [v.id for v in visits]
    names = dict(session.execute(select(Partner.id, Partner.name)).tuples().all())
    partners: dict[str, list[str]] = {}
    for visit_id, partner in session.execute(
        select(VisitPartner.visit_id, VisitPartner.partner_id).where(VisitPartner.visit_id.in_(ids))
    ).tuples():
        partners.setdefault(visit_id, []).append(partner)
    case_ids = {v.case_id for v in visits if v.case_id}
    cases = {
        case_id: (ref, area)
        for case_id, ref, area in session.execute(
            select(Case.id, Case.reference, FocusArea.name)
            .outerjoin(FocusArea, FocusArea.id == Case.focus_area_id)
            .where(Case.id.in_(case_ids))
        ).tuples()
    }
    rows = []
    for v in visits:
        ref, area = cases.get(v.case_id or "", (None, None))
        partner_ids = tuple(sorted(partners.get(v.id, []), key=lambda p: names.get(p, p)))
        rows.append(
            VisitRow(
                visit_id=v.id,
                case_id=v.case_id,
                case_reference=ref,
                area=area,
                start=v.planned_start,
                end=v.planned_end,
                address=VisitAddress(v.postcode, v.house_number, v.addition, v.street, v.city),
                purpose=v.purpose,
                joint=v.joint,
                partner_ids=partner_ids,
                partner_names=tuple(names.get(p, p) for p in partner_ids),
                status=VisitStatus(v.status),
                outcome_notes=v.outcome_notes,
                follow_up_of=v.follow_up_of,
                action_id=v.action_id,
                version=v.version,
            )
        )
    return rows


def _row(session: Session, visit: Visit) -> VisitRow:
    return _rows(session, [visit])[0]


def _fmt(moment: datetime) -> str:
    return moment.strftime("%d-%m-%Y %H:%M")


def _check_times(ctx: ServiceContext, start: datetime, end: datetime) -> None:
    now = ctx.clock.now()
    if start < now:
        raise ValidationError(
            tr("Het begin {start} ligt in het verleden. Plan het huisbezoek na {now}.").format(
                start=_fmt(start), now=_fmt(now)
            ),
            field="start",
        )
    if end <= start:
        raise ValidationError(
            tr(
                "Het einde {end} ligt niet na het begin {start}. Kies een later eindtijdstip."
            ).format(end=_fmt(end), start=_fmt(start)),
            field="end",
        )


def _check_partners(session: Session, partner_ids: Sequence[str], joint: bool) -> list[str]:
    unique = check_active_partners(
        session,
        partner_ids,
        tr("Kies ten minste één partnerorganisatie die het huisbezoek aflegt."),
    )
    if joint and len(unique) < 2:
        raise ValidationError(
            tr(
                "Een gezamenlijk huisbezoek heeft ten minste twee partners. Voeg een partner "
                "toe of maak er een gewoon huisbezoek van."
            ),
            field="partner_ids",
        )
    return unique


def _check_address(address: VisitAddress | None, case: Case) -> VisitAddress:
    if address is None:
        address = VisitAddress(
            case.postcode, case.house_number, case.addition, case.street, case.city
        )
    if not address.postcode or not str(address.postcode).strip():
        raise ValidationError(
            tr("Het huisbezoek heeft geen adres: vul postcode en huisnummer in."),
            field="address",
        )
    postcode = normalise_postcode(address.postcode)
    try:
        number = int(address.house_number)
    except (TypeError, ValueError):
        number = 0
    if number <= 0:
        raise ValidationError(
            tr("Het huisbezoek heeft geen geldig huisnummer: vul een positief getal in."),
            field="address",
        )
    return VisitAddress(
        postcode,
        number,
        (address.addition or "").strip() or None,
        (address.street or "").strip() or None,
        (address.city or "").strip() or None,
    )


def _check_text(value: str | None, field: str, limit: int, missing: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(missing, field=field)
    if len(text) > limit:
        raise ValidationError(
            tr("De tekst is te lang ({n} tekens); maximaal {max}.").format(n=len(text), max=limit),
            field=field,
        )
    return text


def _add_visit(
    session: Session,
    ctx: ServiceContext,
    case: Case,
    partner_ids: Sequence[str],
    start: datetime,
    end: datetime,
    address: VisitAddress,
    purpose: str,
    joint: bool,
    action_id: str | None,
    follow_up_of: str | None,
    confirm_clash: bool = False,
) -> Visit:
    clashes = check_clashes(
        session, partner_ids, address.postcode, address.house_number, address.addition,
        start, end, confirm_clash,
    )
    visit = Visit(
        case_id=case.id,
        action_id=action_id,
        planned_start=start,
        planned_end=end,
        postcode=address.postcode,
        house_number=address.house_number,
        addition=address.addition,
        street=address.street,
        city=address.city,
        purpose=purpose,
        joint=joint,
        status=str(VisitStatus.GEPLAND),
        follow_up_of=follow_up_of,
        created_at=utc_naive(ctx),
    )
    session.add(visit)
    session.flush()
    for partner in partner_ids:
        session.add(VisitPartner(visit_id=visit.id, partner_id=partner))
    record_status_change(session, ctx, OBJ_VISIT, visit.id, None, VisitStatus.GEPLAND, None)
    ctx.audit(session, "create", OBJ_VISIT, visit.id, purpose=_clash_purpose(clashes))
    session.flush()
    return visit


def _clash_purpose(clashes: Sequence[object]) -> str | None:
    """The audit log notes that a double booking was confirmed (not with what)."""
    return tr("dubbele boeking bevestigd") if clashes else None


# --------------------------------------------------------------------------- services


@retrying
def plan_visit(ctx: ServiceContext, inp: VisitInput, confirm_clash: bool = False) -> VisitRow:
    """Plan a home visit (coordinator, or the wijkagent of the case's area). A partner or
    the address already booked at that time is refused (``VisitClash``) unless
    ``confirm_clash``."""
    require_role(ctx, *_PLANNERS)
    with work_unit(ctx) as session:
        case = load_case(session, ctx, inp.case_id)
        if case.status == CaseStatus.AFGESLOTEN:
            raise ValidationError(
                tr(
                    "Casus {ref} is afgesloten; heropen haar eerst om een huisbezoek te plannen."
                ).format(ref=case.reference),
                field="case_id",
            )
        # In the order the form asks: the time first, then the partners.
        _check_times(ctx, inp.start, inp.end)
        partners = _check_partners(session, inp.partner_ids, inp.joint)
        address = _check_address(inp.address, case)
        purpose = _check_text(
            inp.purpose, "purpose", MAX_PURPOSE, tr("Geef het doel van het huisbezoek.")
        )
        if inp.action_id is not None:
            action = session.get(Action, inp.action_id)
            if action is None or action.case_id != case.id:
                raise ValidationError(
                    tr("De gekozen actie hoort niet bij casus {ref}.").format(ref=case.reference),
                    field="action_id",
                )
        visit = _add_visit(
            session,
            ctx,
            case,
            partners,
            inp.start,
            inp.end,
            address,
            purpose,
            inp.joint,
            inp.action_id,
            None,
            confirm_clash,
        )
        return _row(session, visit)


@retrying
def get_visit(ctx: ServiceContext, visit_id: str) -> VisitRow:
    require_role(ctx, *_VISIT_ROLES)
    with work_unit(ctx) as session:
        visit = _load_visit(session, ctx, visit_id)
        ctx.audit(session, "view", OBJ_VISIT, visit.id)
        return _row(session, visit)


def proposed_new_start(planned: datetime, today: date) -> datetime:
    """The next working day after the failed visit (or after today, when the outcome is
    recorded later), at the same time of day."""
    base = max(planned.date(), today)
    day = next_working_day(base + timedelta(days=1))
    return datetime.combine(day, planned.time())


@retrying
@refuses_stale
def record_outcome(
    ctx: ServiceContext,
    visit_id: str,
    outcome: VisitOutcome | str,
    notes: str | None = None,
    *,
    expected_version: int | None = None,
) -> OutcomeResult:
    """Record how a visit went: done (notes required), nobody home (a new date is proposed),
    or refused. Partners taking part may record it too."""
    require_role(ctx, *_VISIT_ROLES)
    try:
        result = VisitOutcome(outcome)
    except ValueError:
        raise ValidationError(
            tr("Onbekende uitkomst '{value}'. Kies uit: {options}.").format(
                value=outcome, options=", ".join(o.label for o in VisitOutcome)
            ),
            field="outcome",
        ) from None
    with work_unit(ctx) as session:
        visit = _load_visit(session, ctx, visit_id)
        _check_version(ctx, session, visit, expected_version)
        check_transition(WorkflowKind.VISIT, visit.status, result.status)
        now = ctx.clock.now()
        if visit.planned_start > now:
            raise ValidationError(
                tr(
                    "Het huisbezoek is gepland op {start}; leg de uitkomst vast als het bezoek "
                    "is geweest."
                ).format(start=_fmt(visit.planned_start)),
                field="outcome",
            )
        text = (notes or "").strip() or None
        if result is VisitOutcome.UITGEVOERD and text is None:
            raise ValidationError(
                tr("Beschrijf kort hoe het huisbezoek ging: de aantekeningen zijn verplicht."),
                field="notes",
            )
        if text is not None and len(text) > MAX_NOTES:
            raise ValidationError(
                tr("De aantekeningen zijn te lang ({n} tekens); maximaal {max}.").format(
                    n=len(text), max=MAX_NOTES
                ),
                field="notes",
            )
        old = visit.status
        visit.status = str(result.status)
        visit.outcome_notes = text
        record_status_change(session, ctx, OBJ_VISIT, visit.id, old, result.status, None)
        if result is VisitOutcome.UITGEVOERD and visit.case_id:
            case = session.get(Case, visit.case_id)
            if case is not None:
                set_unversioned(session, case, last_progress_at=utc_naive(ctx))
        ctx.audit(session, "update", OBJ_VISIT, visit.id)
        session.flush()
        proposal = (
            proposed_new_start(visit.planned_start, now.date()) if result.needs_new_visit else None
        )
        return OutcomeResult(_row(session, visit), proposal)


@retrying
def replan_visit(
    ctx: ServiceContext,
    visit_id: str,
    new_start: datetime,
    new_end: datetime | None = None,
    confirm_clash: bool = False,
) -> VisitRow:
    """Plan the follow-up of a visit where nobody was home (or entry was refused): a new
    visit with the same partners, address and purpose, pointing back at the first."""
    require_role(ctx, *_PLANNERS)
    with work_unit(ctx) as session:
        original = _load_visit(session, ctx, visit_id)
        status = VisitStatus(original.status)
        if status not in _REPLANNABLE:
            hint = (
                tr("Verplaats een gepland huisbezoek in plaats van het opnieuw te plannen.")
                if status is VisitStatus.GEPLAND
                else tr("Plan zo nodig een nieuw huisbezoek.")
            )
            raise ValidationError(
                tr("Een huisbezoek met status '{status}' wordt niet opnieuw gepland.").format(
                    status=status.label
                )
                + " "
                + hint,
                field="visit_id",
            )
        existing = session.execute(
            select(Visit.id).where(Visit.follow_up_of == original.id)
        ).first()
        if existing is not None:
            raise ValidationError(
                tr("Voor dit huisbezoek is al een nieuw bezoek gepland; verplaats dat bezoek."),
                field="visit_id",
            )
        duration = original.planned_end - original.planned_start
        end = new_end if new_end is not None else new_start + duration
        _check_times(ctx, new_start, end)
        if original.case_id is None:
            raise ValidationError(tr("Dit huisbezoek hoort bij geen casus."), field="visit_id")
        case = load_case(session, ctx, original.case_id)
        if case.status == CaseStatus.AFGESLOTEN:
            raise ValidationError(
                tr("Casus {ref} is afgesloten; heropen haar eerst.").format(ref=case.reference),
                field="case_id",
            )
        partners = list(
            session.execute(
                select(VisitPartner.partner_id).where(VisitPartner.visit_id == original.id)
            ).scalars()
        )
        visit = _add_visit(
            session,
            ctx,
            case,
            partners,
            new_start,
            end,
            VisitAddress(
                original.postcode,
                original.house_number,
                original.addition,
                original.street,
                original.city,
            ),
            original.purpose,
            original.joint,
            original.action_id,
            original.id,
            confirm_clash,
        )
        return _row(session, visit)


@retrying
@refuses_stale
def move_visit(
    ctx: ServiceContext,
    visit_id: str,
    new_start: datetime,
    new_end: datetime | None = None,
    confirm_clash: bool = False,
    *,
    expected_version: int | None = None,
) -> VisitRow:
    """Move a planned visit to another time (keeping its length unless an end is given)."""
    require_role(ctx, *_PLANNERS)
    with work_unit(ctx) as session:
        visit = _load_visit(session, ctx, visit_id)
        _check_version(ctx, session, visit, expected_version)
        if visit.status != VisitStatus.GEPLAND:
            raise ValidationError(
                tr(
                    "Alleen een gepland huisbezoek kan verplaatst worden; dit is '{status}'."
                ).format(status=VisitStatus(visit.status).label),
                field="visit_id",
            )
        end = (
            new_end
            if new_end is not None
            else new_start + (visit.planned_end - visit.planned_start)
        )
        _check_times(ctx, new_start, end)
        partners = session.execute(
            select(VisitPartner.partner_id).where(VisitPartner.visit_id == visit.id)
        ).scalars()
        clashes = check_clashes(
            session, list(partners), visit.postcode, visit.house_number, visit.addition,
            new_start, end, confirm_clash, exclude_visit_id=visit.id,
        )
        visit.planned_start = new_start
        visit.planned_end = end
        ctx.audit(session, "update", OBJ_VISIT, visit.id, purpose=_clash_purpose(clashes))
        session.flush()
        return _row(session, visit)


@retrying
@refuses_stale
def cancel_visit(
    ctx: ServiceContext, visit_id: str, reason: str, *, expected_version: int | None = None
) -> VisitRow:
    """Cancel a planned visit; the reason goes into the history."""
    require_role(ctx, *_PLANNERS)
    with work_unit(ctx) as session:
        visit = _load_visit(session, ctx, visit_id)
        _check_version(ctx, session, visit, expected_version)
        check_transition(WorkflowKind.VISIT, visit.status, VisitStatus.GEANNULEERD)
        text = _check_text(
            reason, "reason", MAX_NOTES, tr("Geef een reden waarom het huisbezoek vervalt.")
        )
        old = visit.status
        visit.status = str(VisitStatus.GEANNULEERD)
        record_status_change(session, ctx, OBJ_VISIT, visit.id, old, VisitStatus.GEANNULEERD, text)
        ctx.audit(session, "update", OBJ_VISIT, visit.id)
        session.flush()
        return _row(session, visit)


@retrying
def _list(
    ctx: ServiceContext,
    start: datetime | None,
    end: datetime | None,
    statuses: Sequence[VisitStatus] | None,
    own_partner_only: bool,
    audit_name: str,
    only: Sequence[str] | None = None,
) -> list[VisitRow]:
    require_role(ctx, *_VISIT_ROLES)
    with work_unit(ctx) as session:
        stmt = select(Visit).where(access.visit_scope(ctx))
        if start is not None:
            stmt = stmt.where(Visit.planned_start >= start)
        if end is not None:
            stmt = stmt.where(Visit.planned_start < end)
        if statuses is not None:
            stmt = stmt.where(Visit.status.in_([str(s) for s in statuses]))
        if only is not None:
            stmt = stmt.where(Visit.id.in_(list(only)))
        if own_partner_only and ctx.actor.partner_id:
            stmt = stmt.where(access.own_organisation_visits(ctx.actor.partner_id))
        visits = list(session.execute(stmt.order_by(Visit.planned_start, Visit.id)).scalars())
        ctx.audit(session, "view", audit_name, None)
        return _rows(session, visits)


@retrying
def week_plan(
    ctx: ServiceContext,
    monday: date,
    include_cancelled: bool = False,
    only: Sequence[str] | None = None,
) -> list[VisitRow]:
    """Every visit in the week of ``monday`` (any day of the week is taken to its Monday),
    in time order, for the week planner; ``only``: just those of these ids (an open
    week's live update, ``live.visit_update``), under the same scope and audit."""
    first = monday - timedelta(days=monday.weekday())
    start = datetime.combine(first, time())
    statuses = (
        None if include_cancelled else [s for s in VisitStatus if s is not VisitStatus.GEANNULEERD]
    )
    return _list(ctx, start, start + timedelta(days=7), statuses, False, "visit_week", only)


@retrying
def visits_for_user(
    ctx: ServiceContext,
    from_date: date | None = None,
    to_date: date | None = None,
    statuses: Sequence[VisitStatus] | None = (VisitStatus.GEPLAND,),
) -> list[VisitRow]:
    """The visits of the acting user: those of their own organisation when they belong to
    one, otherwise every visit in their scope. From today on unless ``from_date`` is given;
    ``to_date`` is inclusive. Planned visits only unless other statuses are asked for."""
    first = from_date if from_date is not None else ctx.clock.now().date()
    start = datetime.combine(first, time())
    end = datetime.combine(to_date + timedelta(days=1), time()) if to_date else None
    return _list(ctx, start, end, statuses, True, "visit_list")


__all__ = [
    "OutcomeResult",
    "VisitAddress",
    "VisitInput",
    "VisitRow",
    "cancel_visit",
    "get_visit",
    "move_visit",
    "plan_visit",
    "proposed_new_start",
    "record_outcome",
    "replan_visit",
    "visits_for_user",
    "week_plan",
]
