"""The reference lists the forms choose from: focus areas, categories, partners.

Loaded once per context through the services (off the GUI thread, by the page) and kept
as frozen tuples; nothing here is case content, so keeping it across a lock is harmless,
but pages drop it on lock anyway.
"""

from __future__ import annotations

from dataclasses import dataclass

from sociaalveilig.core import postcode, taxonomy
from sociaalveilig.core.enums import MeetingType
from sociaalveilig.core.services.context import ServiceContext


@dataclass(frozen=True)
class AreaChoice:
    area_id: str | None
    name: str


@dataclass(frozen=True)
class CategoryChoice:
    code: str
    name: str
    main_category: str
    meeting: MeetingType | None

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})"


@dataclass(frozen=True)
class PartnerChoice:
    partner_id: str
    name: str


@dataclass(frozen=True)
class Choices:
    areas: tuple[AreaChoice, ...] = ()
    categories: tuple[CategoryChoice, ...] = ()
    partners: tuple[PartnerChoice, ...] = ()

    def area_name(self, area_id: str | None) -> str | None:
        return next((a.name for a in self.areas if a.area_id == area_id), None)

    def partner_name(self, partner_id: str | None) -> str | None:
        return next((p.name for p in self.partners if p.partner_id == partner_id), None)

    @property
    def main_categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.main_category for c in self.categories))


def _meeting(value: object) -> MeetingType | None:
    if isinstance(value, MeetingType):
        return value
    text = str(value or "")
    for member in MeetingType:
        if text in (member.name, member.value):
            return member
    return None


def load_areas(ctx: ServiceContext) -> tuple[AreaChoice, ...]:
    try:
        from sociaalveilig.core.services import partners
    except ImportError:
        return tuple(AreaChoice(None, a.name) for a in postcode.FOCUS_AREAS)

    return tuple(
        AreaChoice(_first(a, "area_id", "focus_area_id", "id"), a.name)
        for a in partners.list_focus_areas(ctx)
    )


def load_categories(ctx: ServiceContext) -> tuple[CategoryChoice, ...]:
    from sociaalveilig.core.services import signals

    service = getattr(signals, "list_categories", None)
    if service is None:
        return tuple(
            CategoryChoice(c.code, c.name, c.main_category, c.meeting)
            for c in taxonomy.DEFAULT_CATEGORIES
        )
    return tuple(
        CategoryChoice(c.code, c.name, c.main_category, _meeting(getattr(c, "meeting", None)))
        for c in service(ctx)
        if getattr(c, "active", True)
    )


def load_partners(ctx: ServiceContext) -> tuple[PartnerChoice, ...]:
    try:
        from sociaalveilig.core.services import partners
    except ImportError:
        return ()

    return tuple(
        PartnerChoice(_first(p, "partner_id", "id"), p.name)
        for p in partners.list_partners(ctx)
        if getattr(p, "active", True)
    )


def _first(obj: object, *names: str) -> str:
    for name in names:
        value = getattr(obj, name, None)
        if value is not None:
            return str(value)
    raise AttributeError(names[0])


def load_choices(ctx: ServiceContext) -> Choices:
    """Everything the forms need (runs on a worker thread)."""
    return Choices(
        areas=load_areas(ctx), categories=load_categories(ctx), partners=load_partners(ctx)
    )
