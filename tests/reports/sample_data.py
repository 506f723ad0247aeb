"""Fictional data for the report tests and the sample renders (tools/render_report_samples.py).

Written straight into the store with the ORM so the report tests do not depend on the
case-work services' inputs. Every name, address and text here is made up.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import (
    ActionStatus,
    ActionType,
    CaseStatus,
    EscalationStatus,
    EscalationTarget,
    MeetingType,
    RiskLevel,
    SignalStatus,
    Source,
    Urgency,
    VisitStatus,
)
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.refs import RefKind, next_reference
from sociaalveilig.storage.models import (
    Action,
    AgendaItem,
    Buurtschouw,
    Case,
    CasePerson,
    Category,
    Escalation,
    FocusArea,
    Meeting,
    MeetingPartner,
    Partner,
    Person,
    Signal,
    StatusChange,
    Visit,
    VisitPartner,
)

HEERLEN = "Heerlen Noord (incl. Hoensbroek)"
KERKRADE = "Kerkrade Oost"
WONEN = "Woningcorporatie"
POLITIE = "Politie Limburg"
HANDHAVING = "Gemeente – handhaving"
ZORG = "Zorg en hulpverlening"

PERSON_A = "Fenna Verzonnen"
PERSON_B = "Joost van Denkbeeld"
OTHER_PERSON = "Mirthe Fictief"
DESCRIPTION_MARK = "Geluidsoverlast tot diep in de nacht bij Fictiefhof"
DECISION_MARK = "Gezamenlijk huisbezoek woningcorporatie en wijkteam inplannen"
OTHER_DECISION = "Politie voert integrale controle uit op Proefpad"
OTHER_ACTION_NOTE = "Notitie politie: patroon van bezoekers in de avond"


@dataclass(frozen=True)
class Sample:
    case_ref: str
    case_id: str
    other_case_ref: str
    meeting_id: str
    signal_only_ref: str
    partners: dict[str, str]
    """Partner name → id."""
    person_refs: tuple[str, ...]


def _ids(session: Session) -> tuple[dict[str, str], dict[str, str], dict[str, FocusArea]]:
    partners = dict(session.execute(select(Partner.name, Partner.id)).tuples().all())
    categories = dict(session.execute(select(Category.code, Category.id)).tuples().all())
    areas = {a.name: a for a in session.execute(select(FocusArea)).scalars()}
    return partners, categories, areas


def _case(
    session: Session,
    area: FocusArea,
    street: str,
    number: int,
    postcode: str,
    city: str,
    created: datetime,
    lead: str | None,
    risk: RiskLevel = RiskLevel.HOOG,
    status: CaseStatus = CaseStatus.IN_BEHANDELING,
    summary: str | None = None,
) -> Case:
    c = Case(
        reference=next_reference(session, RefKind.CASE, created.year),
        status=status.value,
        risk_level=risk.value,
        postcode=postcode,
        house_number=number,
        addition=None,
        street=street,
        city=city,
        address_key=f"{postcode.replace(' ', '')}-{number}",
        municipality_id=area.municipality_id,
        focus_area_id=area.id,
        lead_partner_id=lead,
        summary=summary,
        next_review=created.date() + timedelta(days=28),
        created_at=created,
    )
    session.add(c)
    session.flush()
    return c


def _signal(
    session: Session,
    *,
    received: datetime,
    source: Source,
    category_id: str,
    area: FocusArea | None,
    street: str,
    number: int,
    postcode: str,
    description: str,
    organisation: str | None = None,
    case: Case | None = None,
    status: SignalStatus = SignalStatus.GEKOPPELD,
    reporter: str | None = None,
) -> Signal:
    s = Signal(
        reference=next_reference(session, RefKind.SIGNAL, received.year),
        received_at=received,
        source=source.value,
        organisation=organisation,
        category_id=category_id,
        postcode=postcode,
        house_number=number,
        street=street,
        city="Heerlen",
        address_key=f"{postcode.replace(' ', '')}-{number}",
        municipality_id=area.municipality_id if area else None,
        focus_area_id=area.id if area else None,
        description=description,
        urgency=Urgency.NORMAAL.value,
        reporter=reporter,
        status=status.value,
        case_id=case.id if case else None,
        created_at=received,
    )
    session.add(s)
    session.flush()
    return s


def _person(session: Session, case: Case, name: str, year: int, role: str) -> Person:
    p = Person(
        reference=next_reference(session, RefKind.PERSON, 2026),
        name=name,
        birth_year=year,
        created_at=datetime(2026, 2, 1),
    )
    session.add(p)
    session.flush()
    session.add(CasePerson(case_id=case.id, person_id=p.id, role=role))
    return p


def _action(
    session: Session,
    case: Case,
    owner: str,
    kind: ActionType,
    deadline: date,
    status: ActionStatus = ActionStatus.OPEN,
    item: AgendaItem | None = None,
    description: str | None = None,
    completed: datetime | None = None,
) -> Action:
    a = Action(
        reference=next_reference(session, RefKind.ACTION, 2026),
        case_id=case.id,
        agenda_item_id=item.id if item else None,
        action_type=kind.value,
        owner_partner_id=owner,
        deadline=deadline,
        status=status.value,
        description=description,
        created_at=datetime(2026, 3, 10, 9),
        completed_at=completed,
    )
    session.add(a)
    session.flush()
    return a


def build_sample(ctx: ServiceContext) -> Sample:
    """One rich case in Heerlen Noord with persons, signals, a meeting with decisions,
    actions, visits and an escalation; a second case and a signal-only item on the same
    agenda that belong to other partners."""
    with ctx.unit() as session:
        partners, cats, areas = _ids(session)
        heerlen = areas[HEERLEN]
        c = _case(
            session, heerlen, "Fictiefhof", 12, "6419 AB", "Heerlen",
            datetime(2026, 2, 3, 9, 30), partners[WONEN],
            summary="Aanhoudende woonoverlast en zorgen om de bewoners; huurachterstand.",
        )
        person_a = _person(session, c, PERSON_A, 1978, "bewoner")
        person_b = _person(session, c, PERSON_B, 2004, "bewoner")
        signals = [
            (datetime(2026, 2, 2, 22, 15), Source.BEWONER, "WO-OVL", None, DESCRIPTION_MARK),
            (datetime(2026, 2, 10, 8, 0), Source.WONINGCORPORATIE, "ZV-SCHULD", WONEN,
             "Huurachterstand van drie maanden; bewoner reageert niet op brieven."),
            (datetime(2026, 2, 21, 14, 5), Source.POLITIE, "WO-OVL", POLITIE,
             "Melding ruzie in de woning, geen aangifte."),
            (datetime(2026, 3, 2, 11, 0), Source.ZORG, "ZV-ZORG", ZORG,
             "Wijkverpleging maakt zich zorgen over de hygiëne in huis."),
        ]
        for received, source, code, org, text in signals:
            _signal(session, received=received, source=source, category_id=cats[code],
                    area=heerlen, street="Fictiefhof", number=12, postcode="6419 AB",
                    description=text, organisation=org, case=c, reporter="Melder Anoniem")

        other = _case(
            session, heerlen, "Proefpad", 3, "6419 CD", "Heerlen",
            datetime(2026, 3, 1, 10), partners[POLITIE], risk=RiskLevel.MIDDEN,
        )
        _person(session, other, OTHER_PERSON, 1990, "bewoner")
        _signal(session, received=datetime(2026, 2, 28, 20), source=Source.POLITIE,
                category_id=cats["OP-DRUGS"], area=heerlen, street="Proefpad", number=3,
                postcode="6419 CD", description="Veel loop naar woning, vermoeden handel.",
                organisation=POLITIE, case=other)
        loose = _signal(session, received=datetime(2026, 3, 5, 9), source=Source.GEMEENTE,
                        category_id=cats["WO-VER"], area=heerlen, street="Testlaan",
                        number=40, postcode="6419 EF",
                        description="Afval naast containers, herhaaldelijk.",
                        organisation=HANDHAVING, status=SignalStatus.GEROUTEERD)

        meeting = Meeting(
            focus_area_id=heerlen.id,
            meeting_type=MeetingType.FL.value,
            starts_at=datetime(2026, 3, 12, 13, 30),
            location="Voormalig politiebureau Hoensbroek",
            status="gehouden",
        )
        session.add(meeting)
        session.flush()
        for name in (WONEN, POLITIE, HANDHAVING, ZORG):
            session.add(MeetingPartner(meeting_id=meeting.id, partner_id=partners[name]))
        item1 = AgendaItem(meeting_id=meeting.id, position=1, case_id=c.id, reason="review",
                           decision=DECISION_MARK, decided_at=datetime(2026, 3, 12, 13, 50))
        item2 = AgendaItem(meeting_id=meeting.id, position=2, case_id=other.id, reason="routed",
                           decision=OTHER_DECISION, decided_at=datetime(2026, 3, 12, 14, 5))
        item3 = AgendaItem(meeting_id=meeting.id, position=3, signal_id=loose.id,
                           reason="routed", decision="Handhaving legt contact met beheerder.")
        session.add_all([item1, item2, item3])
        session.flush()

        _action(session, c, partners[WONEN], ActionType.GEZAMENLIJK_HUISBEZOEK,
                date(2026, 3, 26), ActionStatus.AFGEROND, item1,
                "Huisbezoek samen met het wijkteam.", datetime(2026, 3, 24, 15))
        _action(session, c, partners[ZORG], ActionType.HULPVERLENINGSTRAJECT,
                date(2026, 4, 10), ActionStatus.IN_UITVOERING, item1,
                "Aanmelding bij schuldhulp en wijkverpleging.")
        _action(session, other, partners[POLITIE], ActionType.INTEGRALE_CONTROLE,
                date(2026, 4, 20), ActionStatus.OPEN, item2, OTHER_ACTION_NOTE)

        v1 = Visit(case_id=c.id, planned_start=datetime(2026, 3, 20, 10),
                   planned_end=datetime(2026, 3, 20, 11), postcode="6419 AB", house_number=12,
                   street="Fictiefhof", city="Heerlen", purpose="Kennismaken en afspraken maken",
                   joint=True, status=VisitStatus.NIEMAND_THUIS.value,
                   created_at=datetime(2026, 3, 13, 9))
        v2 = Visit(case_id=c.id, planned_start=datetime(2026, 3, 24, 14),
                   planned_end=datetime(2026, 3, 24, 15), postcode="6419 AB", house_number=12,
                   street="Fictiefhof", city="Heerlen", purpose="Tweede poging huisbezoek",
                   joint=True, status=VisitStatus.UITGEVOERD.value,
                   outcome_notes="Bewoners thuis; afspraken over schuldhulp gemaakt.",
                   created_at=datetime(2026, 3, 20, 12))
        session.add_all([v1, v2])
        session.flush()
        for v in (v1, v2):
            for name in (WONEN, "Gemeente – wijkteam"):
                session.add(VisitPartner(visit_id=v.id, partner_id=partners[name]))

        session.add(
            Escalation(
                reference=next_reference(session, RefKind.ESCALATION, 2026),
                case_id=c.id,
                target=EscalationTarget.ZVH.value,
                reason="Problemen op meerdere leefgebieden en overlast voor de buurt.",
                external_reference="ZVH-2026-0417",
                status=EscalationStatus.AANGEMELD.value,
                created_at=datetime(2026, 4, 1, 9),
                status_changed_at=datetime(2026, 4, 1, 9),
            )
        )
        c.zvh_multiple_domains = True
        c.zvh_behaviour = True
        c.zvh_chain_cooperation = True
        c.zvh_local_safety = True

        session.add(
            Buurtschouw(
                focus_area_id=heerlen.id,
                walk_date=date(2026, 4, 22),
                route="Fictiefhof\nProefpad\nTestlaan\nVoorbeeldplein",
                status="gepland",
                created_at=datetime(2026, 4, 1, 9),
            )
        )
        return Sample(
            case_ref=c.reference,
            case_id=c.id,
            other_case_ref=other.reference,
            meeting_id=meeting.id,
            signal_only_ref=loose.reference,
            partners=partners,
            person_refs=(person_a.reference, person_b.reference),
        )


STREETS = ("Fictiefhof", "Proefpad", "Testlaan", "Voorbeeldplein", "Denkbeeldweg", "Verzinsel")


def build_region(
    ctx: ServiceContext, signals: int, start: date, end: date, seed: int = 7,
    areas: tuple[str, ...] | None = None,
) -> int:
    """Spread ``signals`` fictional signals over ``[start, end)`` and the focus areas, with
    cases (some closed), handled signals, actions, visits and escalations. Returns the
    number of signals written."""
    rng = random.Random(seed)
    days = (end - start).days
    with ctx.unit() as session:
        partners, cats, all_areas = _ids(session)
        pool = [all_areas[a] for a in areas] if areas else list(all_areas.values())
        weights = [max(a.residents, 1) for a in pool]
        codes = list(cats)
        sources = [s for s in Source if s is not Source.ANDERS]
        owners = list(partners.values())
        for fte, area in zip((2.0, 9.0, 3.0, 2.0, 1.0, 1.0, 1.0, 0.0), pool, strict=False):
            area.wijkagent_fte = fte
        for n in range(signals):
            area = rng.choices(pool, weights)[0]
            received = datetime.combine(start, datetime.min.time()) + timedelta(
                days=rng.randrange(days), hours=rng.randrange(7, 22), minutes=rng.randrange(60)
            )
            street = rng.choice(STREETS)
            case = None
            status = SignalStatus.GEROUTEERD
            roll = rng.random()
            if roll < 0.3:
                closed = rng.random() < 0.5
                case = _case(session, area, street, n % 90 + 1, "6419 AB", "Heerlen",
                             received + timedelta(days=1), rng.choice(owners),
                             risk=rng.choice(list(RiskLevel)),
                             status=CaseStatus.AFGESLOTEN if closed else CaseStatus.OPEN)
                if closed:
                    case.closed_at = received + timedelta(days=rng.randrange(3, 90))
                status = SignalStatus.GEKOPPELD
            elif roll < 0.55 or (
                (end - received.date()).days > 60 and rng.random() < 0.85
            ):
                status = SignalStatus.AFGEHANDELD
            s = _signal(session, received=received, source=rng.choice(sources),
                        category_id=cats[rng.choice(codes)], area=area, street=street,
                        number=n % 90 + 1, postcode="6419 AB",
                        description=f"Fictieve melding {n}", case=case, status=status)
            if status is SignalStatus.AFGEHANDELD:
                session.add(StatusChange(object_type="signal", object_id=s.id,
                                         from_status="gerouteerd", to_status="afgehandeld",
                                         at=received + timedelta(days=rng.randrange(1, 40))))
            if case is not None:
                deadline = received.date() + timedelta(days=rng.randrange(5, 40))
                done = rng.random() < 0.6
                _action(session, case, rng.choice(owners), rng.choice(list(ActionType)),
                        deadline, ActionStatus.AFGEROND if done else ActionStatus.OPEN,
                        completed=datetime.combine(deadline, datetime.min.time())
                        + timedelta(days=rng.randrange(-5, 6)) if done else None)
                if rng.random() < 0.5:
                    planned = received + timedelta(days=rng.randrange(2, 20))
                    session.add(Visit(case_id=case.id, planned_start=planned,
                                      planned_end=planned + timedelta(hours=1),
                                      postcode="6419 AB", house_number=1, purpose="Bezoek",
                                      joint=False, status=rng.choice(list(VisitStatus)).value,
                                      created_at=received))
                if rng.random() < 0.15:
                    session.add(Escalation(
                        reference=next_reference(session, RefKind.ESCALATION, received.year),
                        case_id=case.id, target=rng.choice(list(EscalationTarget)).value,
                        reason="Fictief", status=EscalationStatus.AANGEMELD.value,
                        created_at=received + timedelta(days=3),
                        status_changed_at=received + timedelta(days=3)))
        return signals
