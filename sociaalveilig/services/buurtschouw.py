"""Buurtschouw: a walk through a neighbourhood checking heel, schoon and veilig.

The wijkagent or the coordinator plans a walk in a focus area with a route, takes a printed
pack along (route, open signals of the area by street, the checklist), and enters the
findings afterwards; each finding can become a signal with source *buurtschouw*, which is
routed like any other signal, and the walk's action list shows what became of them.

The checklist is data (``CHECKLIST``): the heel/schoon/veilig items of DOMAIN.md and the
four CPTED principles, each with a suggested category of the default taxonomy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import MeetingType, Role, SignalStatus, Source, Urgency
from sociaalveilig.core.errors import NotFound, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.postcode import normalise_postcode
from sociaalveilig.services import access
from sociaalveilig.services.actions import (
    OBJ_BUURTSCHOUW,
    ActionRow,
    RefusedAccess,
    require_role,
    resolve_area,
    rows_for,
    utc_naive,
    work_unit,
)
from sociaalveilig.services.audit_objects import OBJ_FOCUS_AREA
from sociaalveilig.services.context import ServiceContext, utc_to_local
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.signal_intake import NO_CASE, SignalInput
from sociaalveilig.services.signal_records import OPEN_SIGNAL_STATUSES
from sociaalveilig.services.signals import register_signal_row
from sociaalveilig.services.versions import check_version, refuses_stale
from sociaalveilig.storage.models import (
    Action,
    Buurtschouw,
    BuurtschouwFinding,
    Case,
    Category,
    FocusArea,
    Signal,
)

MAX_TEXT = 4000
OBJ_FINDING = "finding"
_WALKERS = (Role.COORDINATOR, Role.WIJKAGENT)


# --------------------------------------------------------------------------- checklist


class ChecklistGroup(StrEnum):
    HEEL = "heel"
    SCHOON = "schoon"
    VEILIG = "veilig"
    CPTED = "cpted"

    @property
    def label(self) -> str:
        return {
            ChecklistGroup.HEEL: tr("Heel"),
            ChecklistGroup.SCHOON: tr("Schoon"),
            ChecklistGroup.VEILIG: tr("Veilig"),
            ChecklistGroup.CPTED: tr("CPTED: veilig door ontwerp"),
        }[self]


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    group: ChecklistGroup
    category_code: str
    """The suggested category of a signal made from a finding on this item."""

    @property
    def label(self) -> str:
        return _checklist_texts()[self.code][0]

    @property
    def hint(self) -> str:
        """What to look at, for the printed pack."""
        return _checklist_texts()[self.code][1]


def _checklist_texts() -> dict[str, tuple[str, str]]:
    """Label and hint per item, read through ``tr`` at the moment they are shown."""
    return {
        "heel-bestrating": (
            tr("Bestrating en stoepen"),
            tr("Losliggende tegels, gaten, opdrukkende boomwortels."),
        ),
        "heel-straatmeubilair": (
            tr("Straatmeubilair"),
            tr("Bankjes, hekken, paaltjes, bushokjes, borden."),
        ),
        "heel-speelplekken": (
            tr("Speelplekken"),
            tr("Speeltoestellen, ondergrond, omheining."),
        ),
        "heel-verlichting": (
            tr("Verlichting, ook in achterpaden"),
            tr("Kapotte of ontbrekende lampen, donkere achterpaden en brandgangen."),
        ),
        "schoon-zwerfafval": (
            tr("Zwerfafval"),
            tr("Rommel op straat, in het groen en langs paden."),
        ),
        "schoon-afvalbakken": (
            tr("Afvalbakken en containers"),
            tr("Vol, kapot of met afval ernaast."),
        ),
        "schoon-graffiti": (
            tr("Graffiti en bekladding"),
            tr("Bekladde gevels, bushokjes, kasten."),
        ),
        "schoon-dumpingen": (
            tr("Illegale dumpingen"),
            tr("Grofvuil, bouwafval, vaten of zakken op straat of in het groen."),
        ),
        "veilig-zichtlijnen": (
            tr("Zichtlijnen"),
            tr("Hoge hagen, overhangend groen, donkere hoeken, onoverzichtelijke paden."),
        ),
        "veilig-hangplekken": (
            tr("Hangplekken"),
            tr("Plekken waar groepen samenkomen en overlast geven."),
        ),
        "veilig-verkeer": (
            tr("Verkeersveiligheid"),
            tr("Hardrijden, gevaarlijk oversteken, foutparkeren."),
        ),
        "veilig-inbraak": (
            tr("Inbraakgevoelige plekken"),
            tr("Slecht hang- en sluitwerk, onverlichte achterkanten, klimmogelijkheden."),
        ),
        "cpted-natuurlijk-toezicht": (
            tr("Natuurlijk toezicht"),
            tr("Zien en gezien worden: ramen aan de straat, levendige plekken."),
        ),
        "cpted-toegangscontrole": (
            tr("Toegangscontrole"),
            tr("Afsluitbare achterpaden, poorten, ongewenste doorsteken."),
        ),
        "cpted-territoriale-versterking": (
            tr("Territoriale versterking"),
            tr("Duidelijk wat privé en wat openbaar is, en wie waarvoor zorgt."),
        ),
        "cpted-onderhoud": (
            tr("Onderhoud"),
            tr("Verwaarlozing en achterstallig herstel (gebroken ruiten, leegstand)."),
        ),
    }


_H, _S, _V, _C = (
    ChecklistGroup.HEEL,
    ChecklistGroup.SCHOON,
    ChecklistGroup.VEILIG,
    ChecklistGroup.CPTED,
)

# The checklist of DOMAIN.md in walking order: heel, schoon, veilig, then the four CPTED
# principles; each with the category a signal from it gets by default.
CHECKLIST: tuple[ChecklistItem, ...] = (
    ChecklistItem("heel-bestrating", _H, "WO-OPR"),
    ChecklistItem("heel-straatmeubilair", _H, "WO-OPR"),
    ChecklistItem("heel-speelplekken", _H, "WO-OPR"),
    ChecklistItem("heel-verlichting", _H, "VE-PLEK"),
    ChecklistItem("schoon-zwerfafval", _S, "WO-VER"),
    ChecklistItem("schoon-afvalbakken", _S, "WO-VER"),
    ChecklistItem("schoon-graffiti", _S, "WO-VER"),
    ChecklistItem("schoon-dumpingen", _S, "WO-VER"),
    ChecklistItem("veilig-zichtlijnen", _V, "VE-PLEK"),
    ChecklistItem("veilig-hangplekken", _V, "OP-JEUGD"),
    ChecklistItem("veilig-verkeer", _V, "WO-OPR"),
    ChecklistItem("veilig-inbraak", _V, "VE-CRIM"),
    ChecklistItem("cpted-natuurlijk-toezicht", _C, "VE-PLEK"),
    ChecklistItem("cpted-toegangscontrole", _C, "VE-PLEK"),
    ChecklistItem("cpted-territoriale-versterking", _C, "WO-OPR"),
    ChecklistItem("cpted-onderhoud", _C, "WO-VER"),
)

CHECKLIST_BY_CODE: dict[str, ChecklistItem] = {item.code: item for item in CHECKLIST}


def checklist_item(code: str) -> ChecklistItem:
    item = CHECKLIST_BY_CODE.get((code or "").strip().lower())
    if item is None:
        raise ValidationError(
            tr("Onbekend punt van de checklist '{code}'. Kies uit: {options}.").format(
                code=code, options=", ".join(i.code for i in CHECKLIST)
            ),
            field="item",
        )
    return item


# --------------------------------------------------------------------------- results


class WalkStatus(StrEnum):
    GEPLAND = "gepland"
    GELOPEN = "gelopen"
    AFGEROND = "afgerond"

    @property
    def label(self) -> str:
        return {
            WalkStatus.GEPLAND: tr("Gepland"),
            WalkStatus.GELOPEN: tr("Gelopen"),
            WalkStatus.AFGEROND: tr("Afgerond"),
        }[self]


@dataclass(frozen=True)
class WalkInfo:
    walk_id: str
    area_id: str
    area: str
    walk_date: date
    route: str | None
    status: WalkStatus
    finding_count: int
    version: int
    """The stored version: an edit sends it back as ``expected_version``."""


@dataclass(frozen=True)
class FindingInfo:
    finding_id: str
    walk_id: str
    item: ChecklistItem
    category_code: str | None
    street: str | None
    postcode: str | None
    house_number: int | None
    description: str
    signal_id: str | None
    signal_reference: str | None


@dataclass(frozen=True)
class WalkActionRow:
    """One finding of a walk and what became of it."""

    finding: FindingInfo
    signal_status: SignalStatus | None
    case_id: str | None
    case_reference: str | None
    actions: tuple[ActionRow, ...]


@dataclass(frozen=True)
class PackSignal:
    category_code: str
    category_name: str
    received: date


@dataclass(frozen=True)
class StreetSignals:
    street: str
    signals: tuple[PackSignal, ...]


@dataclass(frozen=True)
class BuurtschouwPackData:
    """What the printed pack holds. No names, no house numbers, no descriptions: only
    signals of the physical living environment, by street, with category and date."""

    area: str
    walk_date: date
    route: str | None
    streets: tuple[StreetSignals, ...]
    checklist: tuple[ChecklistItem, ...]
    groups: tuple[ChecklistGroup, ...]


# --------------------------------------------------------------------------- helpers


def _check_area_access(ctx: ServiceContext, area: FocusArea, object_id: str | None) -> None:
    require_role(ctx, *_WALKERS)
    if access.outside_own_areas(ctx, area.id):
        raise RefusedAccess(
            tr("Focusgebied {area} is niet een van uw gebieden.").format(area=area.name),
            # A walk by its id; without a walk (planning one, the pack) the focus area.
            OBJ_BUURTSCHOUW if object_id else OBJ_FOCUS_AREA,
            object_id or area.id,
        )


def _load_walk(
    session: Session, ctx: ServiceContext, walk_id: str
) -> tuple[Buurtschouw, FocusArea]:
    walk = session.get(Buurtschouw, walk_id)
    if walk is None:
        raise NotFound(tr("Buurtschouw niet gevonden."))
    area = session.get(FocusArea, walk.focus_area_id)
    assert area is not None
    _check_area_access(ctx, area, walk.id)
    return walk, area


def _walk_info(session: Session, walk: Buurtschouw, area: FocusArea) -> WalkInfo:
    count = session.execute(
        select(func.count())
        .select_from(BuurtschouwFinding)
        .where(BuurtschouwFinding.buurtschouw_id == walk.id)
    ).scalar_one()
    return WalkInfo(
        walk.id,
        area.id,
        area.name,
        walk.walk_date,
        walk.route,
        WalkStatus(walk.status),
        count,
        walk.version,
    )


def _finding_info(session: Session, finding: BuurtschouwFinding) -> FindingInfo:
    ref = (
        session.execute(select(Signal.reference).where(Signal.id == finding.signal_id)).scalar()
        if finding.signal_id
        else None
    )
    return FindingInfo(
        finding_id=finding.id,
        walk_id=finding.buurtschouw_id,
        item=CHECKLIST_BY_CODE[finding.checklist_item],
        category_code=finding.category_code,
        street=finding.street,
        postcode=finding.postcode,
        house_number=finding.house_number,
        description=finding.description,
        signal_id=finding.signal_id,
        signal_reference=ref,
    )


def _clean_text(value: str | None, field: str, missing: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(missing, field=field)
    if len(text) > MAX_TEXT:
        raise ValidationError(
            tr("De tekst is te lang ({n} tekens); maximaal {max}.").format(
                n=len(text), max=MAX_TEXT
            ),
            field=field,
        )
    return text


def _house_number(value: int | str | None) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if number <= 0:
        raise ValidationError(
            tr("Huisnummer '{value}' is geen positief getal.").format(value=value),
            field="house_number",
        )
    return number


# --------------------------------------------------------------------------- services


@retrying
def plan_buurtschouw(
    ctx: ServiceContext, area: str, walk_date: date, route: str | None
) -> WalkInfo:
    """Plan a walk in a focus area (area id, name or unique start of it) on a date."""
    require_role(ctx, *_WALKERS)
    with work_unit(ctx) as session:
        area_row = resolve_area(session, area)
        _check_area_access(ctx, area_row, None)
        if walk_date < ctx.clock.now().date():
            raise ValidationError(
                tr("De datum {day} ligt in het verleden. Kies vandaag of later.").format(
                    day=walk_date.strftime("%d-%m-%Y")
                ),
                field="walk_date",
            )
        text = (route or "").strip() or None
        if text is not None and len(text) > MAX_TEXT:
            raise ValidationError(
                tr("De route is te lang ({n} tekens); maximaal {max}.").format(
                    n=len(text), max=MAX_TEXT
                ),
                field="route",
            )
        walk = Buurtschouw(
            focus_area_id=area_row.id,
            walk_date=walk_date,
            route=text,
            status=str(WalkStatus.GEPLAND),
            created_by=ctx.actor.user_id,
            created_at=utc_naive(ctx),
        )
        session.add(walk)
        session.flush()
        ctx.audit(session, "create", OBJ_BUURTSCHOUW, walk.id)
        return _walk_info(session, walk, area_row)


@retrying
def list_buurtschouwen(
    ctx: ServiceContext, area: str | None = None, from_date: date | None = None
) -> list[WalkInfo]:
    """Walks in the actor's areas (all for the coordinator), by date."""
    require_role(ctx, *_WALKERS)
    with work_unit(ctx) as session:
        stmt = select(Buurtschouw, FocusArea).join(
            FocusArea, FocusArea.id == Buurtschouw.focus_area_id
        )
        stmt = stmt.where(access.buurtschouw_scope(ctx))
        if area is not None:
            stmt = stmt.where(Buurtschouw.focus_area_id == resolve_area(session, area).id)
        if from_date is not None:
            stmt = stmt.where(Buurtschouw.walk_date >= from_date)
        rows = session.execute(stmt.order_by(Buurtschouw.walk_date, Buurtschouw.id)).tuples()
        return [_walk_info(session, walk, area_row) for walk, area_row in rows]


@retrying
def list_findings(ctx: ServiceContext, walk_id: str) -> list[FindingInfo]:
    with work_unit(ctx) as session:
        walk, _ = _load_walk(session, ctx, walk_id)
        findings = session.execute(
            select(BuurtschouwFinding)
            .where(BuurtschouwFinding.buurtschouw_id == walk.id)
            .order_by(BuurtschouwFinding.street, BuurtschouwFinding.id)
        ).scalars()
        ctx.audit(session, "view", OBJ_BUURTSCHOUW, walk.id)
        return [_finding_info(session, f) for f in findings]


@retrying
def add_finding(
    ctx: ServiceContext,
    walk_id: str,
    item: str,
    description: str,
    street: str | None = None,
    postcode: str | None = None,
    house_number: int | str | None = None,
    category_code: str | None = None,
) -> FindingInfo:
    """Record a finding of a walk on a checklist item at a street (or postcode). The
    category defaults to the item's suggestion."""
    check = checklist_item(item)
    with work_unit(ctx) as session:
        walk, _ = _load_walk(session, ctx, walk_id)
        if walk.status == WalkStatus.AFGEROND:
            raise ValidationError(
                tr("Deze buurtschouw is afgerond; er kunnen geen bevindingen meer bij."),
                field="walk_id",
            )
        if walk.walk_date > ctx.clock.now().date():
            raise ValidationError(
                tr("De buurtschouw is gepland op {day}; leg bevindingen vast na het lopen.").format(
                    day=walk.walk_date.strftime("%d-%m-%Y")
                ),
                field="walk_id",
            )
        text = _clean_text(description, "description", tr("Beschrijf wat u zag."))
        street_text = " ".join((street or "").split()) or None
        code = normalise_postcode(postcode) if postcode and postcode.strip() else None
        if street_text is None and code is None:
            raise ValidationError(
                tr("Waar was het? Geef de straat of de postcode van de bevinding."),
                field="street",
            )
        if street_text is not None and len(street_text) > 120:
            raise ValidationError(tr("De straatnaam is te lang."), field="street")
        category = (category_code or check.category_code).strip().upper()
        known = session.execute(
            select(Category.code).where(Category.code == category, Category.active.is_(True))
        ).scalar()
        if known is None:
            raise ValidationError(
                tr("Onbekende categorie '{code}'. Kies een categorie uit de lijst.").format(
                    code=category
                ),
                field="category_code",
            )
        finding = BuurtschouwFinding(
            buurtschouw_id=walk.id,
            checklist_item=check.code,
            category_code=category,
            postcode=code,
            house_number=_house_number(house_number),
            street=street_text,
            description=text,
        )
        session.add(finding)
        if walk.status == WalkStatus.GEPLAND:
            walk.status = str(WalkStatus.GELOPEN)
        session.flush()
        ctx.audit(session, "create", OBJ_FINDING, finding.id)
        return _finding_info(session, finding)


@retrying
@refuses_stale
def finish_buurtschouw(
    ctx: ServiceContext, walk_id: str, *, expected_version: int | None = None
) -> WalkInfo:
    """Close the walk once its findings are entered."""
    with work_unit(ctx) as session:
        walk, area = _load_walk(session, ctx, walk_id)
        check_version(
            ctx,
            session,
            walk,
            expected_version,
            OBJ_BUURTSCHOUW,
            walk.id,
            tr("Deze buurtschouw"),
        )
        if walk.status == WalkStatus.AFGEROND:
            raise ValidationError(tr("Deze buurtschouw is al afgerond."), field="walk_id")
        if walk.walk_date > ctx.clock.now().date():
            raise ValidationError(tr("De buurtschouw moet nog gelopen worden."), field="walk_id")
        walk.status = str(WalkStatus.AFGEROND)
        ctx.audit(session, "update", OBJ_BUURTSCHOUW, walk.id)
        session.flush()
        return _walk_info(session, walk, area)


@retrying
def finding_to_signal(
    ctx: ServiceContext,
    finding_id: str,
    postcode: str | None = None,
    house_number: int | str | None = None,
    urgency: Urgency | str = Urgency.NORMAAL,
    case_choice: str = NO_CASE,
) -> FindingInfo:
    """Make a signal with source buurtschouw from a finding (routed like any signal) and
    link the finding to it, in one unit of work. A signal needs a postcode and house
    number: give them here when the finding has none (the nearest address)."""
    with work_unit(ctx) as session:
        finding = session.get(BuurtschouwFinding, finding_id)
        if finding is None:
            raise NotFound(tr("Bevinding niet gevonden."))
        walk, _ = _load_walk(session, ctx, finding.buurtschouw_id)
        if finding.signal_id is not None:
            raise ValidationError(
                tr("Van deze bevinding is al een signaal gemaakt."), field="finding_id"
            )
        code = postcode if postcode and postcode.strip() else finding.postcode
        number = _house_number(house_number) or finding.house_number
        if not code:
            raise ValidationError(
                tr(
                    "Een signaal heeft een adres nodig: geef de postcode van de dichtstbijzijnde "
                    "woning."
                ),
                field="postcode",
            )
        if number is None:
            raise ValidationError(
                tr(
                    "Een signaal heeft een adres nodig: geef het huisnummer van de "
                    "dichtstbijzijnde woning."
                ),
                field="house_number",
            )
        item = CHECKLIST_BY_CODE[finding.checklist_item]
        now = ctx.clock.now()
        received = (
            now if walk.walk_date >= now.date() else datetime.combine(walk.walk_date, time(12))
        )
        inp = SignalInput(
            received_at=received,
            source=Source.BUURTSCHOUW.value,
            category=finding.category_code or item.category_code,
            postcode=code,
            house_number=number,
            street=finding.street,
            description=tr("Buurtschouw {day}, {item}: {text}").format(
                day=walk.walk_date.strftime("%d-%m-%Y"),
                item=item.label.lower(),
                text=finding.description,
            )[:MAX_TEXT],
            urgency=str(urgency),
            reporter=None,
        )
        # One unit of work: the signal and the finding's link to it are stored together,
        # or neither is.
        signal = register_signal_row(ctx, session, inp, case_choice)
        finding.signal_id = signal.id
        finding.postcode = signal.postcode
        finding.house_number = signal.house_number
        session.flush()
        ctx.audit(session, "update", OBJ_FINDING, finding.id)
        return _finding_info(session, finding)


@retrying
def walk_action_list(ctx: ServiceContext, walk_id: str) -> list[WalkActionRow]:
    """Every finding of the walk with its signal, case and the actions on that case."""
    with work_unit(ctx) as session:
        walk, _ = _load_walk(session, ctx, walk_id)
        findings = list(
            session.execute(
                select(BuurtschouwFinding)
                .where(BuurtschouwFinding.buurtschouw_id == walk.id)
                .order_by(BuurtschouwFinding.street, BuurtschouwFinding.id)
            ).scalars()
        )
        rows = []
        for finding in findings:
            signal = session.get(Signal, finding.signal_id) if finding.signal_id else None
            case = session.get(Case, signal.case_id) if signal and signal.case_id else None
            actions: list[ActionRow] = []
            if case is not None:
                actions = rows_for(
                    session,
                    ctx,
                    list(
                        session.execute(
                            select(Action)
                            .where(Action.case_id == case.id)
                            .order_by(Action.deadline, Action.reference)
                        ).scalars()
                    ),
                )
            rows.append(
                WalkActionRow(
                    finding=_finding_info(session, finding),
                    signal_status=SignalStatus(signal.status) if signal else None,
                    case_id=case.id if case else None,
                    case_reference=case.reference if case else None,
                    actions=tuple(actions),
                )
            )
        ctx.audit(session, "view", OBJ_BUURTSCHOUW, walk.id)
        return rows


@retrying
def prepare_pack_data(ctx: ServiceContext, area: str, walk_date: date) -> BuurtschouwPackData:
    """The data of the printed pack for a walk in ``area`` on ``walk_date``: the route (of a
    walk planned then, if any), the open signals of the physical living environment in the
    area by street (category and date only), and the checklist."""
    require_role(ctx, *_WALKERS)
    with work_unit(ctx) as session:
        area_row = resolve_area(session, area)
        _check_area_access(ctx, area_row, None)
        route = session.execute(
            select(Buurtschouw.route)
            .where(Buurtschouw.focus_area_id == area_row.id, Buurtschouw.walk_date == walk_date)
            .order_by(Buurtschouw.created_at.desc())
            .limit(1)
        ).scalar()
        rows = session.execute(
            select(Signal.street, Signal.postcode, Signal.received_at, Category.code, Category.name)
            .join(Category, Category.id == Signal.category_id)
            .where(
                Signal.focus_area_id == area_row.id,
                Signal.status.in_([s.value for s in OPEN_SIGNAL_STATUSES]),
                # Behind-the-front-door concerns never go on a paper taken into the street.
                Category.meeting == MeetingType.FL.name,
                access.signal_scope(ctx),
            )
        ).tuples()
        by_street: dict[str, list[PackSignal]] = {}
        for street, postcode, received_at, code, name in rows:
            key = street.strip() if street and street.strip() else postcode
            by_street.setdefault(key, []).append(
                PackSignal(code, name, utc_to_local(received_at).date())
            )
        streets = tuple(
            StreetSignals(
                street,
                tuple(sorted(signals, key=lambda s: (s.received, s.category_code))),
            )
            for street, signals in sorted(by_street.items(), key=lambda kv: kv[0].lower())
        )
        ctx.audit(session, "view", "buurtschouw_pack", area_row.id)
        return BuurtschouwPackData(
            area=area_row.name,
            walk_date=walk_date,
            route=route,
            streets=streets,
            checklist=CHECKLIST,
            groups=tuple(ChecklistGroup),
        )


__all__ = [
    "CHECKLIST",
    "BuurtschouwPackData",
    "ChecklistGroup",
    "ChecklistItem",
    "FindingInfo",
    "PackSignal",
    "StreetSignals",
    "WalkActionRow",
    "WalkInfo",
    "WalkStatus",
    "add_finding",
    "checklist_item",
    "finding_to_signal",
    "finish_buurtschouw",
    "list_buurtschouwen",
    "list_findings",
    "plan_buurtschouw",
    "prepare_pack_data",
    "walk_action_list",
]
