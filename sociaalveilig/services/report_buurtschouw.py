"""The data of a buurtschouw pack: the walk's route, the open signals per street and the
checklist to fill in on paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import CaseStatus, MeetingType, Role
from sociaalveilig.core.errors import AccessDenied
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.postcode import match_focus_area
from sociaalveilig.services import access
from sociaalveilig.services.access import signal_scope
from sociaalveilig.services.audit_objects import OBJ_BUURTSCHOUW, OBJ_FOCUS_AREA
from sociaalveilig.services.buurtschouw import CHECKLIST, ChecklistGroup
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.report_shared import PrintMeta, as_local, local_today, print_meta
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.signal_records import OPEN_SIGNAL_STATUSES
from sociaalveilig.services.users import require_role
from sociaalveilig.storage.models import (
    Buurtschouw,
    Case,
    Category,
    FocusArea,
    Municipality,
    Signal,
)


@dataclass(frozen=True)
class ChecklistLine:
    code: str
    """The checklist item's code, as the findings entry in the window knows it."""
    label: str
    hint: str


@dataclass(frozen=True)
class ChecklistSection:
    title: str
    items: tuple[ChecklistLine, ...]


def buurtschouw_checklist() -> tuple[ChecklistSection, ...]:
    """Heel, schoon, veilig and the four CPTED principles: the items of the buurtschouw
    service, so the paper matches the findings entered afterwards."""
    return tuple(
        ChecklistSection(
            group.label,
            tuple(
                ChecklistLine(item.code, item.label, item.hint)
                for item in CHECKLIST
                if item.group is group
            ),
        )
        for group in ChecklistGroup
    )


@dataclass(frozen=True)
class StreetSignals:
    street: str
    signals: tuple[tuple[date, str], ...]
    """(received date, category name) per open signal; no names, no house numbers."""


@dataclass(frozen=True)
class BuurtschouwPackData:
    meta: PrintMeta
    area_id: str
    area: str
    municipality: str
    walk_date: date
    planned_walk_id: str | None
    route: tuple[str, ...]
    route_from_signals: bool
    """True when no route was planned and the street list is built from open signals."""
    streets: tuple[StreetSignals, ...]
    checklist: tuple[ChecklistSection, ...]


def resolve_area(session: Session, text: str) -> FocusArea:
    names = list(session.execute(select(FocusArea.name).order_by(FocusArea.name)).scalars())
    name = match_focus_area(text, names)
    return session.execute(select(FocusArea).where(FocusArea.name == name)).scalar_one()


def _split_route(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    parts = re.split(r"[\n;]+|,(?=\s*\D)", text)
    return tuple(p.strip(" -•\t") for p in parts if p.strip(" -•\t"))


_OPEN_SIGNAL = tuple(status.value for status in OPEN_SIGNAL_STATUSES)


@retrying
def buurtschouw_pack_data(
    ctx: ServiceContext, area: str, walk_date: date | None = None
) -> BuurtschouwPackData:
    """The walk preparation pack: route, open physical signals by street (category and date
    only), the checklist. Coordinator, or a wijkagent for an own focus area."""
    require_role(ctx, Role.COORDINATOR, Role.WIJKAGENT)
    with ctx.unit() as session:
        fa = resolve_area(session, area)
        if access.outside_own_areas(ctx, fa.id):
            raise AccessDenied(
                tr("Focusgebied {area} is niet aan u toegewezen; vraag de coördinator om het "
                   "pakket.").format(area=fa.name)
            )
        today = local_today(ctx)
        walk = _planned_walk(session, fa.id, walk_date, today)
        day = walk_date or (walk.walk_date if walk else today)
        # Only the physical living environment: residents walk along, so what happens behind
        # the front door never goes into this pack.
        rows = session.execute(
            select(Signal.street, Signal.postcode, Signal.received_at, Category.name)
            .join(Category, Category.id == Signal.category_id)
            .outerjoin(Case, Case.id == Signal.case_id)
            .where(
                Signal.focus_area_id == fa.id,
                Category.meeting == MeetingType.FL.name,
                Signal.status.in_(_OPEN_SIGNAL),
                signal_scope(ctx),
                or_(Signal.case_id.is_(None), Case.status != CaseStatus.AFGESLOTEN.value),
            )
            .order_by(Signal.street, Signal.received_at)
        ).tuples()
        by_street: dict[str, list[tuple[date, str]]] = {}
        for street, postcode, received, category in rows:
            key = street.strip() if street and street.strip() else tr("Postcode {pc}").format(
                pc=postcode
            )
            seen = (as_local(received) or received).date()
            by_street.setdefault(key, []).append((seen, category))
        streets = tuple(
            StreetSignals(name, tuple(items)) for name, items in sorted(by_street.items())
        )
        route = _split_route(walk.route) if walk else ()
        from_signals = not route
        if from_signals:
            route = tuple(
                s.street for s in sorted(streets, key=lambda s: (-len(s.signals), s.street))
            )
        municipality = session.execute(
            select(Municipality.name).where(Municipality.id == fa.municipality_id)
        ).scalar_one()
        ctx.audit(
            session,
            "print",
            OBJ_BUURTSCHOUW if walk else OBJ_FOCUS_AREA,
            walk.id if walk else fa.id,
            purpose=tr("buurtschouwpakket {area} {day}").format(area=fa.name, day=day.isoformat()),
        )
        return BuurtschouwPackData(
            meta=print_meta(ctx),
            area_id=fa.id,
            area=fa.name,
            municipality=municipality,
            walk_date=day,
            planned_walk_id=walk.id if walk else None,
            route=route,
            route_from_signals=from_signals,
            streets=streets,
            checklist=buurtschouw_checklist(),
        )


def _planned_walk(
    session: Session, area_id: str, walk_date: date | None, today: date
) -> Buurtschouw | None:
    stmt = select(Buurtschouw).where(Buurtschouw.focus_area_id == area_id)
    if walk_date is not None:
        stmt = stmt.where(Buurtschouw.walk_date == walk_date)
    else:
        stmt = stmt.where(Buurtschouw.walk_date >= today).order_by(Buurtschouw.walk_date)
    return session.execute(stmt.limit(1)).scalar_one_or_none()
