"""Partner organisations (police, housing corporations, care, municipal teams).

The beheerder adds, renames, deactivates and reactivates them; every user reads the list
for pickers (owner of an action, partners of a meeting or a visit). A partner is never
deleted: actions, visits and meetings keep pointing at it, so it is deactivated instead
and no longer offered in pickers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import Role, Source
from sociaalveilig.core.errors import NotFound, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.services.actions import require_role
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.versions import check_version, refuses_stale
from sociaalveilig.storage.models import Partner, User

MAX_NAME = 120
OBJ_PARTNER = "partner"


@dataclass(frozen=True)
class PartnerInfo:
    partner_id: str
    name: str
    source_type: Source
    """The kind of source its signals have (politie, woningcorporatie, gemeente, ...)."""
    active: bool
    version: int
    """The stored version: an edit sends it back as ``expected_version``."""

    @property
    def source_label(self) -> str:
        return self.source_type.label


def _info(partner: Partner) -> PartnerInfo:
    try:
        source = Source(partner.source_type)
    except ValueError:
        source = Source.ANDERS
    return PartnerInfo(partner.id, partner.name, source, partner.active, partner.version)


def _clean_name(session: Session, name: str, exclude_id: str | None = None) -> str:
    text = " ".join((name or "").split())
    if not text:
        raise ValidationError(tr("Geef de naam van de organisatie."), field="name")
    if len(text) > MAX_NAME:
        raise ValidationError(
            tr("De naam is te lang ({n} tekens); maximaal {max}.").format(
                n=len(text), max=MAX_NAME
            ),
            field="name",
        )
    stmt = select(Partner.id).where(func.lower(Partner.name) == text.lower())
    if exclude_id is not None:
        stmt = stmt.where(Partner.id != exclude_id)
    if session.execute(stmt).first() is not None:
        raise ValidationError(
            tr("Er is al een organisatie met de naam '{name}'. Kies een andere naam.").format(
                name=text
            ),
            field="name",
        )
    return text


def _parse_source(value: Source | str) -> Source:
    try:
        return Source(value)
    except ValueError:
        raise ValidationError(
            tr("Onbekend soort bron '{value}'. Kies uit: {options}.").format(
                value=value, options=", ".join(s.value for s in Source)
            ),
            field="source_type",
        ) from None


def _load(session: Session, partner_id: str) -> Partner:
    partner = session.get(Partner, partner_id)
    if partner is None:
        raise NotFound(tr("Organisatie niet gevonden."))
    return partner


@retrying
def list_partners(ctx: ServiceContext, include_inactive: bool = False) -> list[PartnerInfo]:
    """Partner organisations by name (active ones only unless asked); for every role."""
    with ctx.unit() as session:
        stmt = select(Partner).order_by(func.lower(Partner.name))
        if not include_inactive:
            stmt = stmt.where(Partner.active.is_(True))
        return [_info(p) for p in session.execute(stmt).scalars()]


def partner_choices(ctx: ServiceContext) -> list[tuple[str, str]]:
    """(id, name) of the active partners, for pickers."""
    return [(p.partner_id, p.name) for p in list_partners(ctx)]


@retrying
def add_partner(ctx: ServiceContext, name: str, source_type: Source | str) -> PartnerInfo:
    require_role(ctx, Role.BEHEERDER)
    source = _parse_source(source_type)
    with ctx.unit() as session:
        partner = Partner(name=_clean_name(session, name), source_type=str(source), active=True)
        session.add(partner)
        session.flush()
        ctx.audit(session, "create", OBJ_PARTNER, partner.id)
        return _info(partner)


def _load_for_change(
    ctx: ServiceContext, session: Session, partner_id: str, expected_version: int | None
) -> Partner:
    partner = _load(session, partner_id)
    check_version(
        ctx, session, partner, expected_version, OBJ_PARTNER, partner.id, tr("Deze partner")
    )
    return partner


@retrying
@refuses_stale
def rename_partner(
    ctx: ServiceContext, partner_id: str, new_name: str, *, expected_version: int | None = None
) -> PartnerInfo:
    require_role(ctx, Role.BEHEERDER)
    with ctx.unit() as session:
        partner = _load_for_change(ctx, session, partner_id, expected_version)
        partner.name = _clean_name(session, new_name, exclude_id=partner.id)
        session.flush()
        ctx.audit(session, "update", OBJ_PARTNER, partner.id)
        return _info(partner)


@retrying
@refuses_stale
def set_partner_source(
    ctx: ServiceContext,
    partner_id: str,
    source_type: Source | str,
    *,
    expected_version: int | None = None,
) -> PartnerInfo:
    require_role(ctx, Role.BEHEERDER)
    source = _parse_source(source_type)
    with ctx.unit() as session:
        partner = _load_for_change(ctx, session, partner_id, expected_version)
        partner.source_type = str(source)
        session.flush()
        ctx.audit(session, "update", OBJ_PARTNER, partner.id)
        return _info(partner)


@retrying
@refuses_stale
def deactivate_partner(
    ctx: ServiceContext, partner_id: str, *, expected_version: int | None = None
) -> PartnerInfo:
    """No longer offered in pickers; refused while active users still belong to it."""
    require_role(ctx, Role.BEHEERDER)
    with ctx.unit() as session:
        partner = _load_for_change(ctx, session, partner_id, expected_version)
        if not partner.active:
            raise ValidationError(
                tr("{name} is al niet actief.").format(name=partner.name), field="partner_id"
            )
        users = session.execute(
            select(func.count())
            .select_from(User)
            .where(User.partner_id == partner.id, User.active.is_(True))
        ).scalar_one()
        if users:
            raise ValidationError(
                tr(
                    "{name} heeft nog {n} actieve gebruiker(s). Zet die eerst op non-actief of "
                    "verplaats ze naar een andere organisatie."
                ).format(name=partner.name, n=users),
                field="partner_id",
            )
        partner.active = False
        session.flush()
        ctx.audit(session, "update", OBJ_PARTNER, partner.id)
        return _info(partner)


@retrying
@refuses_stale
def reactivate_partner(
    ctx: ServiceContext, partner_id: str, *, expected_version: int | None = None
) -> PartnerInfo:
    require_role(ctx, Role.BEHEERDER)
    with ctx.unit() as session:
        partner = _load_for_change(ctx, session, partner_id, expected_version)
        if partner.active:
            raise ValidationError(
                tr("{name} is al actief.").format(name=partner.name), field="partner_id"
            )
        partner.active = True
        session.flush()
        ctx.audit(session, "update", OBJ_PARTNER, partner.id)
        return _info(partner)


__all__ = [
    "PartnerInfo",
    "add_partner",
    "deactivate_partner",
    "list_partners",
    "partner_choices",
    "reactivate_partner",
    "rename_partner",
    "set_partner_source",
]


def check_active_partners(session: Session, partner_ids: Iterable[str], missing: str) -> list[str]:
    """The chosen partner organisations, each once and in order; ``missing`` (Dutch) when
    none is chosen, a refusal when one is unknown or no longer active."""
    unique = list(dict.fromkeys(p for p in partner_ids if p))
    if not unique:
        raise ValidationError(missing, field="partner_ids")
    known = set(
        session.execute(
            select(Partner.id).where(Partner.id.in_(unique), Partner.active.is_(True))
        ).scalars()
    )
    if len(known) != len(unique):
        raise ValidationError(
            tr("Een gekozen partner is onbekend of niet meer actief. Kies opnieuw."),
            field="partner_ids",
        )
    return unique
