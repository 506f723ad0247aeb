"""Fictional case-work rows written straight into a test store (no services involved).

The case-work service tests (meetings, actions, visits, escalations, worklist,
buurtschouw) need cases and signals to work on; writing them here keeps those tests
independent of the signal-intake services. All names and addresses are made up.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from sociaalveilig.core.enums import CaseStatus, RiskLevel, SignalStatus, Source, Urgency
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.refs import RefKind, next_reference
from sociaalveilig.storage.models import (
    Case,
    CasePerson,
    Category,
    FocusArea,
    Partner,
    Person,
    Signal,
)

KERKRADE = "Kerkrade Oost"
HEERLEN = "Heerlen Noord (incl. Hoensbroek)"


def area_id(ctx: ServiceContext, name: str) -> str:
    with ctx.unit() as session:
        return session.execute(select(FocusArea.id).where(FocusArea.name == name)).scalar_one()


def partner_id(ctx: ServiceContext, name: str) -> str:
    with ctx.unit() as session:
        return session.execute(select(Partner.id).where(Partner.name == name)).scalar_one()


def make_case(
    ctx: ServiceContext,
    *,
    area: str | None = KERKRADE,
    postcode: str = "6461 AB",
    number: int = 12,
    street: str = "Fictiefstraat",
    city: str = "Kerkrade",
    risk: RiskLevel = RiskLevel.MIDDEN,
    status: CaseStatus = CaseStatus.OPEN,
    next_review: date | None = None,
    created_at: datetime = datetime(2026, 4, 1, 9, 0),
    persons: tuple[tuple[str, int | None], ...] = (),
    zvh_met: bool = False,
) -> str:
    """``zvh_met``: the five ZVH criteria recorded as true (an escalation to the ZVH then
    needs no reason for unmet criteria)."""
    with ctx.unit() as session:
        area_row = (
            session.execute(select(FocusArea).where(FocusArea.name == area)).scalar_one()
            if area
            else None
        )
        case = Case(
            reference=next_reference(session, RefKind.CASE, created_at.year),
            status=str(status),
            risk_level=str(risk),
            postcode=postcode,
            house_number=number,
            addition=None,
            street=street,
            city=city,
            address_key=f"{postcode.replace(' ', '')}-{number}",
            municipality_id=area_row.municipality_id if area_row else None,
            focus_area_id=area_row.id if area_row else None,
            next_review=next_review,
            created_at=created_at,
            zvh_multiple_domains=zvh_met,
            zvh_behaviour=zvh_met,
            zvh_chain_cooperation=zvh_met,
            zvh_family_or_surroundings=zvh_met,
            zvh_local_safety=zvh_met,
        )
        session.add(case)
        session.flush()
        for name, birth_year in persons:
            person = Person(
                reference=next_reference(session, RefKind.PERSON, created_at.year),
                name=name,
                birth_year=birth_year,
                created_at=created_at,
            )
            session.add(person)
            session.flush()
            session.add(CasePerson(case_id=case.id, person_id=person.id, role="bewoner"))
        return case.id


def make_signal(
    ctx: ServiceContext,
    *,
    case_id: str | None = None,
    area: str | None = KERKRADE,
    received_at: datetime = datetime(2026, 4, 2, 9, 0),
    category: str = "WO-OVL",
    source: Source = Source.POLITIE,
    route_target: str | None = "fysieke_leefomgeving",
    status: SignalStatus = SignalStatus.GEROUTEERD,
    urgency: Urgency = Urgency.NORMAAL,
    due_date: date | None = None,
    postcode: str = "6461 AB",
    number: int = 12,
    street: str | None = "Fictiefstraat",
    reporter: str | None = None,
) -> str:
    with ctx.unit() as session:
        area_row = (
            session.execute(select(FocusArea).where(FocusArea.name == area)).scalar_one()
            if area
            else None
        )
        category_id = session.execute(
            select(Category.id).where(Category.code == category)
        ).scalar_one()
        signal = Signal(
            reference=next_reference(session, RefKind.SIGNAL, received_at.year),
            received_at=received_at,
            source=str(source),
            category_id=category_id,
            postcode=postcode,
            house_number=number,
            street=street,
            city="Kerkrade",
            address_key=f"{postcode.replace(' ', '')}-{number}",
            municipality_id=area_row.municipality_id if area_row else None,
            focus_area_id=area_row.id if area_row else None,
            description="Fictieve omschrijving voor een test.",
            urgency=str(urgency),
            reporter=reporter,
            status=str(status),
            case_id=case_id,
            route_target=route_target,
            due_date=due_date,
            created_at=received_at,
        )
        session.add(signal)
        session.flush()
        return signal.id


def case_status(ctx: ServiceContext, case_id: str) -> str:
    with ctx.unit() as session:
        return session.execute(select(Case.status).where(Case.id == case_id)).scalar_one()
