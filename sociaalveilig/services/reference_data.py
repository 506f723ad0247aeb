"""Reference data the beheerder keeps: focus areas (read), categories with their handling
terms, and the postcode table (PC4 or PC6 → municipality and focus area).

Category codes never change (DESIGN.md): a category is renamed, moved to another meeting,
given another term or retired, never recoded. A new term applies to signals received from
then on; existing due dates stay as they were set. None of this is personal data, so lists
are not audit-logged; every change is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import MeetingType, Role
from sociaalveilig.core.errors import NotFound, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.postcode import match_focus_area, normalise_postcode
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.users import require_role
from sociaalveilig.services.versions import check_version, refuses_stale
from sociaalveilig.storage.models import Category, FocusArea, Municipality, Postcode

MAX_TERM_DAYS = 250
_CODE = re.compile(r"[A-Z][A-Z0-9]{0,9}(-[A-Z0-9]{1,10})?")
_PC4 = re.compile(r"[1-9][0-9]{3}")


@dataclass(frozen=True)
class AreaInfo:
    area_id: str
    name: str
    municipality: str
    residents: int
    wijkagent_fte: float


@dataclass(frozen=True)
class CategoryInfo:
    category_id: str
    code: str
    name: str
    main_category: str
    meeting: MeetingType
    term_days: int
    """Handling term in working days."""
    active: bool
    version: int
    """The stored version: an edit sends it back as ``expected_version``."""

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})"


@dataclass(frozen=True, kw_only=True)
class CategoryInput:
    code: str
    """An existing code changes that category; a new code adds one."""
    name: str
    main_category: str
    meeting: MeetingType | str
    term_days: int
    active: bool = True


@dataclass(frozen=True)
class PostcodeInfo:
    code: str
    """``6411`` (PC4) or ``6411 AB`` (PC6)."""
    municipality: str
    focus_area: str | None

    @property
    def is_pc6(self) -> bool:
        return len(self.code) > 4


# --------------------------------------------------------------------------- focus areas


@retrying
def list_focus_areas(ctx: ServiceContext) -> list[AreaInfo]:
    """The focus areas by name, for every role (names and figures, no personal data)."""
    with ctx.unit() as session:
        municipalities = _municipalities(session)
        rows = session.execute(select(FocusArea).order_by(FocusArea.name)).scalars()
        return [
            AreaInfo(
                a.id,
                a.name,
                municipalities.get(a.municipality_id, "?"),
                a.residents,
                a.wijkagent_fte,
            )
            for a in rows
        ]


@retrying
def list_municipalities(ctx: ServiceContext) -> list[str]:
    with ctx.unit() as session:
        return sorted(_municipalities(session).values())


def _municipalities(session: Session) -> dict[str, str]:
    return dict(session.execute(select(Municipality.id, Municipality.name)).tuples().all())


# --------------------------------------------------------------------------- categories


def _category_info(row: Category) -> CategoryInfo:
    return CategoryInfo(
        row.id,
        row.code,
        row.name,
        row.main_category,
        MeetingType[row.meeting],
        row.term_days,
        row.active,
        row.version,
    )


@retrying
def list_categories(ctx: ServiceContext, include_inactive: bool = False) -> list[CategoryInfo]:
    """Categories by main category and name; retired ones only when asked."""
    with ctx.unit() as session:
        stmt = select(Category).order_by(Category.main_category, Category.name)
        if not include_inactive:
            stmt = stmt.where(Category.active.is_(True))
        return [_category_info(c) for c in session.execute(stmt).scalars()]


def _meeting(value: MeetingType | str) -> MeetingType:
    if isinstance(value, MeetingType):
        return value
    text = str(value).strip()
    for member in MeetingType:
        if text.upper() == member.name or text.lower() == member.value:
            return member
    raise ValidationError(
        tr("Onbekend overleg '{value}'; kies FL (fysieke leefomgeving) of AV (achter de "
           "voordeur).").format(value=value),
        field="overleg",
    )


def _text(value: str, field: str, limit: int, missing: str) -> str:
    text = " ".join((value or "").split())
    if not text:
        raise ValidationError(missing, field=field)
    if len(text) > limit:
        raise ValidationError(
            tr("Te lang ({n} tekens); hoogstens {max}.").format(n=len(text), max=limit),
            field=field,
        )
    return text


@retrying
@refuses_stale
def save_category(
    ctx: ServiceContext, inp: CategoryInput, *, expected_version: int | None = None
) -> CategoryInfo:
    """Change a category (by its code) or add a new one (beheerder); a change names the
    version it was based on (``expected_version``), a new category none."""
    require_role(ctx, Role.BEHEERDER)
    code = (inp.code or "").strip().upper()
    if not _CODE.fullmatch(code):
        raise ValidationError(
            tr("Code '{value}' kan niet: gebruik hoofdletters en cijfers met hoogstens één "
               "streepje, zoals WO-OVL.").format(value=inp.code),
            field="code",
        )
    name = _text(inp.name, "naam", 120, tr("Geef de categorie een naam."))
    main = _text(inp.main_category, "hoofdcategorie", 80, tr("Geef de hoofdcategorie op."))
    meeting = _meeting(inp.meeting)
    if not 1 <= int(inp.term_days) <= MAX_TERM_DAYS:
        raise ValidationError(
            tr("De behandeltermijn is {n} werkdagen; kies 1 tot en met {max}.").format(
                n=inp.term_days, max=MAX_TERM_DAYS
            ),
            field="termijn",
        )
    with ctx.unit() as session:
        row = session.execute(select(Category).where(Category.code == code)).scalar_one_or_none()
        duplicate = session.execute(
            select(Category.code).where(
                func.lower(Category.name) == name.casefold(), Category.code != code
            )
        ).scalar()
        if duplicate is not None:
            raise ValidationError(
                tr("Categorie {code} heet al '{name}'; kies een andere naam.").format(
                    code=duplicate, name=name
                ),
                field="naam",
            )
        action = "update"
        if row is not None:
            check_version(
                ctx, session, row, expected_version, "category", code, tr("Deze categorie")
            )
        else:
            row = Category(code=code)
            session.add(row)
            action = "create"
        row.name = name
        row.main_category = main
        row.meeting = meeting.name
        row.term_days = int(inp.term_days)
        row.active = inp.active
        session.flush()
        ctx.audit(session, action, "category", code)
        return _category_info(row)


# --------------------------------------------------------------------------- postcodes


def _postcode_key(text: str) -> str:
    """``6411`` or ``6411AB`` (the stored form) from any spelling; ValidationError else."""
    compact = re.sub(r"\s+", "", text or "").upper()
    if _PC4.fullmatch(compact):
        return compact
    return normalise_postcode(compact).replace(" ", "")


def _display(code: str) -> str:
    return code if len(code) == 4 else f"{code[:4]} {code[4:]}"


@retrying
def list_postcodes(ctx: ServiceContext) -> list[PostcodeInfo]:
    """The postcode table in order (beheerder)."""
    require_role(ctx, Role.BEHEERDER)
    with ctx.unit() as session:
        municipalities = _municipalities(session)
        areas = dict(session.execute(select(FocusArea.id, FocusArea.name)).tuples().all())
        rows = session.execute(select(Postcode).order_by(Postcode.code)).scalars()
        return [
            PostcodeInfo(
                _display(p.code),
                municipalities.get(p.municipality_id, "?"),
                areas.get(p.focus_area_id) if p.focus_area_id else None,
            )
            for p in rows
        ]


@retrying
def set_postcode(
    ctx: ServiceContext, code: str, municipality: str, focus_area: str | None
) -> PostcodeInfo:
    """Add or change one entry: a PC4 for a whole area, or a PC6 where a PC4 is split.
    The focus area must lie in the municipality. Applies to signals registered from now on."""
    require_role(ctx, Role.BEHEERDER)
    key = _postcode_key(code)
    with ctx.unit() as session:
        by_name = {name: mid for mid, name in _municipalities(session).items()}
        municipality_id = by_name.get((municipality or "").strip())
        if municipality_id is None:
            raise ValidationError(
                tr("Onbekende gemeente '{value}'; kies uit: {options}.").format(
                    value=municipality, options=", ".join(sorted(by_name))
                ),
                field="gemeente",
            )
        area_row = None
        if focus_area and focus_area.strip():
            names = list(session.execute(select(FocusArea.name)).scalars())
            name = match_focus_area(focus_area, names)
            area_row = session.execute(
                select(FocusArea).where(FocusArea.name == name)
            ).scalar_one()
            if area_row.municipality_id != municipality_id:
                raise ValidationError(
                    tr("Focusgebied {area} ligt niet in {municipality}.").format(
                        area=area_row.name, municipality=municipality
                    ),
                    field="focusgebied",
                )
        row = session.get(Postcode, key)
        action = "update"
        if row is None:
            row = Postcode(code=key)
            session.add(row)
            action = "create"
        row.municipality_id = municipality_id
        row.focus_area_id = area_row.id if area_row is not None else None
        session.flush()
        ctx.audit(session, action, "postcode", key)
        return PostcodeInfo(
            _display(key), municipality, area_row.name if area_row is not None else None
        )


@retrying
def remove_postcode(ctx: ServiceContext, code: str) -> None:
    """Take an entry out of the table; its addresses then fall back to the PC4 entry, or
    to municipality 'onbekend' for the coordinator to check."""
    require_role(ctx, Role.BEHEERDER)
    key = _postcode_key(code)
    with ctx.unit() as session:
        row = session.get(Postcode, key)
        if row is None:
            raise NotFound(
                tr("Postcode {code} staat niet in de tabel.").format(code=_display(key))
            )
        session.delete(row)
        ctx.audit(session, "delete", "postcode", key)


__all__ = [
    "AreaInfo",
    "CategoryInfo",
    "CategoryInput",
    "PostcodeInfo",
    "list_categories",
    "list_focus_areas",
    "list_municipalities",
    "list_postcodes",
    "remove_postcode",
    "save_category",
    "set_postcode",
]
