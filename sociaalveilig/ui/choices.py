"""The reference lists the forms choose from: focus areas, categories, partners.

Loaded once per context through the services (off the GUI thread, by the page) and kept
as frozen tuples; nothing here is case content, so keeping it across a lock is harmless,
but pages drop it on lock anyway.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sociaalveilig.core.enums import MeetingType
from sociaalveilig.services import partners, reference_data
from sociaalveilig.services.context import ServiceContext


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


def load_areas(ctx: ServiceContext) -> tuple[AreaChoice, ...]:
    return tuple(AreaChoice(a.area_id, a.name) for a in reference_data.list_focus_areas(ctx))


def load_categories(ctx: ServiceContext) -> tuple[CategoryChoice, ...]:
    return tuple(
        CategoryChoice(c.code, c.name, c.main_category, c.meeting)
        for c in reference_data.list_categories(ctx)
    )


def load_partners(ctx: ServiceContext) -> tuple[PartnerChoice, ...]:
    return tuple(PartnerChoice(p.partner_id, p.name) for p in partners.list_partners(ctx))


def load_choices(ctx: ServiceContext) -> Choices:
    """Everything the forms need (runs on a worker thread)."""
    return Choices(
        areas=load_areas(ctx), categories=load_categories(ctx), partners=load_partners(ctx)
    )


def first_own_area(areas: Sequence[AreaChoice], ctx: ServiceContext | None) -> str | None:
    """The name of the first of the user's own focus areas in ``areas`` (a wijkagent's
    default for a buurtschouw), or None for a user without areas of their own."""
    if ctx is None or not ctx.actor.area_ids:
        return None
    return next((a.name for a in areas if a.area_id in ctx.actor.area_ids), None)
