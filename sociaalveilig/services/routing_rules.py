"""Routing rules: the beheerder lists, adds, changes, reorders and switches off the
ordered rules that send a signal to a meeting or the coordinator, and tests a route.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import (
    Role,
    RouteTarget,
    Source,
    Urgency,
)
from sociaalveilig.core.errors import NotFound, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.postcode import match_focus_area
from sociaalveilig.core.routing import RoutingDecision
from sociaalveilig.services.context import (
    ServiceContext,
)
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.signal_intake import (
    IntakeTables,
)
from sociaalveilig.services.users import require_role
from sociaalveilig.services.versions import check_version, refuses_stale, set_unversioned
from sociaalveilig.storage.models import (
    FocusArea,
    RoutingRule,
)

# --------------------------------------------------------------------------- routing rules


@dataclass(frozen=True)
class RuleView:
    rule_id: str
    position: int
    name: str
    category: str | None
    main_category: str | None
    focus_area: str | None
    source: Source | None
    urgency: Urgency | None
    target: RouteTarget
    active: bool
    version: int
    """The stored version: an edit sends it back as ``expected_version``."""


@dataclass(frozen=True, kw_only=True)
class RuleInput:
    """A routing rule as the beheerder edits it; empty conditions match anything."""

    rule_id: str | None = None
    """None: a new rule, added at the end."""
    name: str
    category: str | None = None
    """A category code or name."""
    main_category: str | None = None
    focus_area: str | None = None
    """A focus area name or unique start of one."""
    source: str | None = None
    urgency: str | None = None
    target: str
    active: bool = True


def _rule_view(row: RoutingRule, areas: dict[str, str]) -> RuleView:
    return RuleView(
        rule_id=row.id,
        position=row.position,
        name=row.name,
        category=row.category_code,
        main_category=row.main_category,
        focus_area=areas.get(row.focus_area_id) if row.focus_area_id else None,
        source=Source(row.source) if row.source else None,
        urgency=Urgency(row.urgency) if row.urgency else None,
        target=RouteTarget(row.target),
        active=row.active,
        version=row.version,
    )


def _areas(session: Session) -> dict[str, str]:
    return dict(session.execute(select(FocusArea.id, FocusArea.name)).tuples().all())


@retrying
def list_rules(ctx: ServiceContext) -> list[RuleView]:
    """All routing rules in the order they are tried (inactive ones included)."""
    require_role(ctx, Role.BEHEERDER, Role.COORDINATOR)
    with ctx.unit() as session:
        areas = _areas(session)
        rows = session.execute(
            select(RoutingRule).order_by(RoutingRule.position, RoutingRule.id)
        ).scalars()
        return [_rule_view(r, areas) for r in rows]


def _choice(
    text: str | None, kind: type[Source] | type[Urgency] | type[RouteTarget], field_name: str
) -> str | None:
    if text is None or not str(text).strip():
        return None
    value = str(text).strip().lower()
    try:
        return kind(value).value
    except ValueError:
        raise ValidationError(
            tr("{field} '{value}' is onbekend; kies uit {options}.").format(
                field=field_name, value=text, options=", ".join(m.value for m in kind)
            ),
            field=field_name,
        ) from None


def _check_version(
    ctx: ServiceContext, session: Session, row: RoutingRule, expected_version: int | None
) -> None:
    check_version(
        ctx, session, row, expected_version, "routing_rule", row.id, tr("Deze routeringsregel")
    )


@retrying
@refuses_stale
def save_rule(
    ctx: ServiceContext, rule: RuleInput, *, expected_version: int | None = None
) -> RuleView:
    """Add a routing rule (at the end) or change one (beheerder); a change names the
    version it was based on (``expected_version``), a new rule none."""
    require_role(ctx, Role.BEHEERDER)
    name = " ".join((rule.name or "").split())
    if not name:
        raise ValidationError(tr("Geef de regel een naam."), field="naam")
    if len(name) > 120:
        raise ValidationError(tr("De naam is te lang (hoogstens 120 tekens)."), field="naam")
    target = _choice(rule.target, RouteTarget, "doel")
    if target is None:
        raise ValidationError(
            tr("Kies waar de regel het signaal heen stuurt: {options}.").format(
                options=", ".join(t.value for t in RouteTarget)
            ),
            field="doel",
        )
    source = _choice(rule.source, Source, "bron")
    urgency = _choice(rule.urgency, Urgency, "urgentie")
    with ctx.unit() as session:
        tables = IntakeTables.load(session)
        category_code = None
        if rule.category and rule.category.strip():
            category_code = tables.lookup.get(" ".join(rule.category.split()).casefold())
            if category_code is None:
                raise ValidationError(
                    tr(
                        "Categorie '{value}' is onbekend; kies een code of naam uit de lijst."
                    ).format(value=rule.category),
                    field="categorie",
                )
        main_category = None
        if rule.main_category and rule.main_category.strip():
            mains = {
                c.main_category.casefold(): c.main_category for c in tables.categories.values()
            }
            main_category = mains.get(rule.main_category.strip().casefold())
            if main_category is None:
                raise ValidationError(
                    tr("Hoofdcategorie '{value}' is onbekend; kies uit {options}.").format(
                        value=rule.main_category, options=", ".join(sorted(mains.values()))
                    ),
                    field="hoofdcategorie",
                )
        area_id = None
        if rule.focus_area and rule.focus_area.strip():
            by_name = {n: i for i, n in tables.areas.items()}
            area_id = by_name[match_focus_area(rule.focus_area, list(by_name))]
        if rule.rule_id:
            row = session.get(RoutingRule, rule.rule_id)
            if row is None:
                raise NotFound(tr("Deze routeringsregel bestaat niet (meer)."))
            _check_version(ctx, session, row, expected_version)
            action = "update"
        else:
            # max()+1: safe under SQLite's write lock, held from the unit's start; on
            # PostgreSQL two rules made at once may share a position, which ties their
            # order (no constraint) until the beheerder moves one.
            last = session.execute(select(func.max(RoutingRule.position))).scalar() or 0
            row = RoutingRule(position=int(last) + 1)
            session.add(row)
            action = "create"
        row.name = name
        row.category_code = category_code
        row.main_category = main_category
        row.focus_area_id = area_id
        row.source = source
        row.urgency = urgency
        row.target = target
        row.active = rule.active
        session.flush()
        ctx.audit(session, action, "routing_rule", row.id)
        return _rule_view(row, tables.areas)


@retrying
@refuses_stale
def move_rule(
    ctx: ServiceContext, rule_id: str, new_position: int, *, expected_version: int | None = None
) -> list[RuleView]:
    """Put a rule at ``new_position`` (1 = tried first); the others shift, positions stay
    1..n without gaps. Returns the new order."""
    require_role(ctx, Role.BEHEERDER)
    with ctx.unit() as session:
        rows = list(
            session.execute(
                select(RoutingRule).order_by(RoutingRule.position, RoutingRule.id)
            ).scalars()
        )
        moving = next((r for r in rows if r.id == rule_id), None)
        if moving is None:
            raise NotFound(tr("Deze routeringsregel bestaat niet (meer)."))
        _check_version(ctx, session, moving, expected_version)
        if not 1 <= new_position <= len(rows):
            raise ValidationError(
                tr("Positie {n} kan niet; kies 1 tot en met {last}.").format(
                    n=new_position, last=len(rows)
                ),
                field="positie",
            )
        rows.remove(moving)
        rows.insert(new_position - 1, moving)
        for index, row in enumerate(rows, start=1):
            if row is moving:
                moving.position = index
            elif row.position != index:
                # The others only shift: no edit of theirs, so no new version.
                set_unversioned(session, row, position=index)
        session.flush()
        ctx.audit(session, "move", "routing_rule", rule_id)
        areas = _areas(session)
        return [_rule_view(r, areas) for r in rows]


@retrying
@refuses_stale
def deactivate_rule(
    ctx: ServiceContext, rule_id: str, *, expected_version: int | None = None
) -> RuleView:
    """Switch a rule off (it keeps its place, so it can be switched on again)."""
    require_role(ctx, Role.BEHEERDER)
    with ctx.unit() as session:
        row = session.get(RoutingRule, rule_id)
        if row is None:
            raise NotFound(tr("Deze routeringsregel bestaat niet (meer)."))
        _check_version(ctx, session, row, expected_version)
        row.active = False
        session.flush()
        ctx.audit(session, "deactivate", "routing_rule", rule_id)
        return _rule_view(row, _areas(session))


@retrying
def test_route(
    ctx: ServiceContext,
    category: str,
    focus_area: str | None,
    source: str,
    urgency: str = Urgency.NORMAAL.value,
) -> RoutingDecision:
    """The beheerder's test box: where would such a signal go, and by which rule?"""
    require_role(ctx, Role.BEHEERDER, Role.COORDINATOR)
    source_value = _choice(source, Source, "bron")
    if source_value is None:
        raise ValidationError(tr("Kies een bron."), field="bron")
    urgency_value = _choice(urgency, Urgency, "urgentie") or Urgency.NORMAAL.value
    with ctx.unit() as session:
        tables = IntakeTables.load(session)
        code = tables.lookup.get(" ".join((category or "").split()).casefold())
        if code is None:
            raise ValidationError(
                tr("Categorie '{value}' is onbekend; kies een code of naam uit de lijst.").format(
                    value=category
                ),
                field="categorie",
            )
        area = None
        if focus_area and focus_area.strip():
            area = match_focus_area(focus_area, list(tables.areas.values()))
        return tables.route(code, area, Source(source_value), Urgency(urgency_value))


test_route.__test__ = False  # type: ignore[attr-defined]  # not a pytest test
