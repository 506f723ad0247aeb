"""Clearly fictional demo data (``sociaalveilig-admin demo``, ``make demo``): the data itself.

Every name, street and text is made up and says so: persons are called things like
"Anna Verzonnen" or "Bewoner Fictief 12", streets "Voorbeeldstraat" and "Fictieflaan",
partners "Woonstichting Voorbeeld". Data is spread over the eight focus areas (and some
addresses outside them), all sources and categories, with cases of varying risk and status.

This module holds the first steps (``BASE_STEPS``: partners, cases, signals, the persons
linked to signals) and what every step works with (``DemoRun``); ``demo/__init__.py`` lists
all steps explicitly and runs them (``fill_demo``). A step takes the ``DemoRun``, acts
through the services as ``run.worker`` (a demo coordinator), with ``run.rng`` for
repeatable choices and ``run.case_ids`` / ``run.partners`` to work on; it may add a line
to ``run.lines`` for the summary.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import Table, func, insert, select, update
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import (
    CaseStatus,
    RiskLevel,
    Role,
    SignalStatus,
    Source,
    Urgency,
)
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.core.postcode import default_pc4_table
from sociaalveilig.core.workdays import next_review
from sociaalveilig.services.audit_objects import OBJ_CASE_LIST, OBJ_SIGNAL_LIST
from sociaalveilig.services.context import Actor, ServiceContext, local_to_utc, stored_now
from sociaalveilig.services.imports import store_signals
from sociaalveilig.services.refs import RefKind, reserve_references
from sociaalveilig.services.signal_intake import IntakeTables, NewSignal
from sociaalveilig.services.signal_records import address_key
from sociaalveilig.services.users import require_role
from sociaalveilig.storage.models import (
    Base,
    Case,
    CasePerson,
    Partner,
    Person,
    Setting,
    Signal,
    SignalPerson,
    StatusChange,
    User,
    new_id,
)

DEMO_SETTING = "demo_store"
DEMO_WORKER = "demo-coordinator"
MAX_DEMO_SIGNALS = 500_000

DEMO_PARTNERS: tuple[tuple[str, Source], ...] = (
    ("Woonstichting Voorbeeld", Source.WONINGCORPORATIE),
    ("Wooncorporatie Denkbeeld", Source.WONINGCORPORATIE),
    ("Zorggroep Fictief", Source.ZORG),
    ("Stichting Welzijn Verzonnen", Source.ZORG),
    ("Buurtnetwerk Proefwijk", Source.ANDERS),
)
FIRST_NAMES = (
    "Anna",
    "Bram",
    "Cor",
    "Dewi",
    "Eva",
    "Finn",
    "Gerda",
    "Hamza",
    "Ilse",
    "Joost",
    "Karin",
    "Lars",
    "Mila",
    "Noah",
    "Olga",
    "Piet",
    "Rosa",
    "Sem",
    "Tineke",
    "Youssef",
)
LAST_NAMES = (
    "Verzonnen",
    "Fictief",
    "Voorbeeld",
    "Denkbeeld",
    "Proefhuis",
    "Testmans",
    "de Bedacht",
    "van Nergenshuizen",
    "Oefenaar",
    "Schijnbaar",
)
STREETS = (
    "Voorbeeldstraat",
    "Fictieflaan",
    "Proefweg",
    "Denkbeeldhof",
    "Verzonnenpad",
    "Oefenplein",
    "Nepstraat",
    "Droomdreef",
    "Schijnsingel",
    "Bedachtlaan",
)
CITY_OF = {
    "Heerlen": "Heerlen",
    "Kerkrade": "Kerkrade",
    "Brunssum": "Brunssum",
    "Landgraaf": "Landgraaf",
    "Simpelveld": "Simpelveld",
    "Voerendaal": "Voerendaal",
    "Beekdaelen": "Nuth",
}
TEXTS: dict[str, tuple[str, ...]] = {
    "WO-OVL": ("Harde muziek tot laat in de nacht", "Ruzie en geschreeuw in het trappenhuis"),
    "WO-VER": ("Vuilniszakken naast de container", "Tuin vol afval en ongedierte"),
    "WO-PAND": ("Woning lijkt al maanden leeg te staan", "Dichtgetimmerde ramen, post stapelt op"),
    "WO-OPR": ("Kapotte straatverlichting in de achterom", "Losliggende stoeptegels bij speeltuin"),
    "OP-JEUGD": ("Groep jongeren hangt rond bij het winkelcentrum", "Vuurwerk en intimidatie"),
    "OP-DRUGS": ("Veel kort bezoek aan de voordeur", "Dealen bij het speelveld"),
    "OP-VERWARD": ("Bewoner loopt verward op straat", "Buurvrouw praat tegen denkbeeldige mensen"),
    "OM-HENNEP": ("Sterke hennepgeur uit de kelder", "Ramen altijd afgeplakt, warme dakpannen"),
    "OM-VERHUUR": ("Veel wisselende bewoners in één woning", "Matrassen op zolder, veel namen"),
    "OM-OVERIG": ("Winkel zonder klanten met dure auto's voor de deur", "Contante aankopen"),
    "ZV-ZORG": ("Bewoner is sterk vermagerd en komt niet meer buiten", "Zorgen om oudere buurman"),
    "ZV-HG": ("Geschreeuw en gehuil van kinderen", "Vrouw met blauwe plekken gezien"),
    "ZV-SCHULD": ("Huurachterstand van vier maanden", "Afsluiting energie dreigt"),
    "ZV-JEUGD": ("Kind is vaak 's nachts alleen op straat", "Jongere spijbelt al weken"),
    "VE-CRIM": ("Inbraak in schuur", "Vernielingen aan geparkeerde auto's"),
    "VE-PLEK": ("Donkere steeg waar bewoners zich onveilig voelen", "Onoverzichtelijke oversteek"),
}
SOURCE_WEIGHTS: tuple[tuple[Source, int], ...] = (
    (Source.POLITIE, 25),
    (Source.WONINGCORPORATIE, 20),
    (Source.GEMEENTE, 20),
    (Source.ZORG, 15),
    (Source.BEWONER, 12),
    (Source.BUURTSCHOUW, 5),
    (Source.BUURTBIJEENKOMST, 2),
    (Source.ANDERS, 1),
)


@dataclass
class DemoRun:
    """What the demo steps share."""

    ctx: ServiceContext
    """The user who runs the demo."""
    worker: ServiceContext
    """A coordinator context for steps that act through the services."""
    rng: random.Random
    n_signals: int
    partners: dict[str, str] = field(default_factory=dict)
    """Partner name → id (the demo partners and the store's own)."""
    case_ids: list[str] = field(default_factory=list)
    signal_ids: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)


DemoStep = Callable[[DemoRun], None]


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _fictional_name(rng: random.Random, n: int) -> str:
    if n % 7 == 0:
        return f"Bewoner Fictief {n}"
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _addresses(rng: random.Random) -> Callable[[], tuple[str, int, str | None, str, str]]:
    """A generator of fictional addresses: mostly in the focus areas, some elsewhere in
    Parkstad and a few outside the postcode table."""
    table = default_pc4_table()
    in_areas = sorted(pc for pc, (_, area) in table.items() if area)
    elsewhere = sorted(pc for pc, (_, area) in table.items() if not area)

    def make() -> tuple[str, int, str | None, str, str]:
        roll = rng.random()
        if roll < 0.75:
            pc = rng.choice(in_areas)
        elif roll < 0.97:
            pc = rng.choice(elsewhere)
        else:
            pc = rng.choice((9901, 9902, 5011))
        municipality = table.get(pc, ("Onbekend", None))[0]
        letters = rng.choice("ABCDEGHJKLMNPRTVWXZ") + rng.choice("ABCDEGHJKLMNPRTVWXZ")
        addition = rng.choice((None, None, None, None, "a", "b", "2"))
        return (
            f"{pc} {letters}",
            rng.randrange(1, 180),
            addition,
            rng.choice(STREETS),
            CITY_OF.get(municipality, "Fictiefdorp"),
        )

    return make


# --------------------------------------------------------------------------- steps


def add_partners(run: DemoRun) -> None:
    with run.ctx.unit() as session:
        existing = dict(session.execute(select(Partner.name, Partner.id)).tuples().all())
        for name, source in DEMO_PARTNERS:
            if name not in existing:
                partner = Partner(name=name, source_type=source.value, active=True)
                session.add(partner)
                session.flush()
                existing[name] = partner.id
                run.ctx.audit(session, "create", "partner", partner.id)
        run.partners = existing


def _status_path(rng: random.Random, risk: RiskLevel) -> list[CaseStatus]:
    roll = rng.random()
    if roll < 0.35:
        return [CaseStatus.OPEN]
    if roll < 0.75:
        return [CaseStatus.OPEN, CaseStatus.IN_BEHANDELING]
    if roll < 0.82 and risk is RiskLevel.HOOG:
        return [CaseStatus.OPEN, CaseStatus.IN_BEHANDELING, CaseStatus.OPGESCHAALD]
    return [CaseStatus.OPEN, CaseStatus.IN_BEHANDELING, CaseStatus.AFGESLOTEN]


def add_cases(run: DemoRun) -> None:
    """Cases at fictional addresses, with persons, risk levels, statuses and lead partners."""
    rng = run.rng
    n_cases = max(1, run.n_signals // 6) if run.n_signals else 0
    if not n_cases:
        return
    make_address = _addresses(rng)
    now_local = run.ctx.clock.now()
    now = stored_now(run.ctx)
    user_id = run.worker.actor.user_id
    partner_ids = list(run.partners.values())
    with run.ctx.unit() as session:
        tables = IntakeTables.load(session)
        year = now_local.year
        refs = reserve_references(session, RefKind.CASE, year, n_cases)
        cases: list[dict[str, object]] = []
        history: list[dict[str, object]] = []
        persons: list[dict[str, object]] = []
        links: list[dict[str, object]] = []
        person_refs = reserve_references(session, RefKind.PERSON, year, n_cases * 3)
        person_n = 0
        for ref in refs:
            postcode, number, addition, street, city = make_address()
            place = tables.place(postcode)
            risk = rng.choices(
                (RiskLevel.LAAG, RiskLevel.MIDDEN, RiskLevel.HOOG), weights=(50, 35, 15)
            )[0]
            created_local = now_local - timedelta(
                days=rng.randrange(1, 365), minutes=rng.randrange(600)
            )
            created = local_to_utc(created_local)
            path = _status_path(rng, risk)
            case_id = new_id()
            last = path[-1]
            step_at = created
            for old, new in zip([None, *path[:-1]], path, strict=True):
                history.append(
                    {
                        "object_type": "case",
                        "object_id": case_id,
                        "from_status": old.value if old else None,
                        "to_status": new.value,
                        "at": step_at,
                        "user_id": user_id,
                        "reason": None if old is None else tr("Fictieve demostap."),
                    }
                )
                step_at = min(now, step_at + timedelta(days=rng.randrange(1, 20)))
            review_from = (now_local - timedelta(days=rng.randrange(0, 30))).date()
            cases.append(
                {
                    "id": case_id,
                    "version": 1,
                    "reference": ref,
                    "status": last.value,
                    "risk_level": risk.value,
                    "postcode": postcode,
                    "house_number": number,
                    "addition": addition,
                    "street": street,
                    "city": city,
                    "address_key": address_key(postcode, number, addition),
                    "municipality_id": place.municipality_id,
                    "focus_area_id": place.focus_area_id,
                    "lead_partner_id": rng.choice(partner_ids) if rng.random() < 0.7 else None,
                    "summary": tr("Fictieve demo-casus: {street} {n}.").format(
                        street=street, n=number
                    ),
                    "next_review": (
                        None if last is CaseStatus.AFGESLOTEN else next_review(review_from, risk)
                    ),
                    "created_at": created,
                    "created_by": user_id,
                    "closed_at": step_at if last is CaseStatus.AFGESLOTEN else None,
                    "last_progress_at": step_at if len(path) > 1 else None,
                    "zvh_multiple_domains": risk is RiskLevel.HOOG,
                    "zvh_behaviour": risk is RiskLevel.HOOG and rng.random() < 0.7,
                    "zvh_chain_cooperation": risk is not RiskLevel.LAAG and rng.random() < 0.5,
                    "zvh_family_or_surroundings": rng.random() < 0.3,
                    "zvh_local_safety": rng.random() < 0.2,
                }
            )
            for _ in range(rng.choice((0, 1, 1, 2, 3))):
                person_id = new_id()
                persons.append(
                    {
                        "id": person_id,
                        "version": 1,
                        "reference": person_refs[person_n],
                        "name": _fictional_name(rng, person_n + 1),
                        "birth_year": rng.randrange(1940, 2012) if rng.random() < 0.85 else None,
                        "created_at": created,
                    }
                )
                person_n += 1
                links.append(
                    {
                        "case_id": case_id,
                        "person_id": person_id,
                        "role": rng.choice(("bewoner", "huurder", "betrokkene", "kind")),
                    }
                )
            run.case_ids.append(case_id)
        session.execute(insert(_table(Case)), cases)
        session.execute(insert(_table(StatusChange)), history)
        if persons:
            session.execute(insert(_table(Person)), persons)
            session.execute(insert(_table(CasePerson)), links)
        run.ctx.audit(
            session,
            "demo",
            OBJ_CASE_LIST,
            f"{refs[0]}..{refs[-1]}",
            purpose=tr("aantal: {n}").format(n=len(refs)),
        )
    run.lines.append(
        tr("{cases} casussen met {persons} betrokkenen").format(cases=n_cases, persons=person_n)
    )


def add_signals(run: DemoRun) -> None:
    """Signals over the past year: many at the addresses of cases (linked to the open
    ones), the rest elsewhere; older loose signals mostly handled or rejected."""
    rng = run.rng
    if not run.n_signals:
        return
    make_address = _addresses(rng)
    now_local = run.ctx.clock.now()
    sources = [s for s, _ in SOURCE_WEIGHTS]
    weights = [w for _, w in SOURCE_WEIGHTS]
    with run.ctx.unit() as session:
        tables = IntakeTables.load(session)
        codes = sorted(c for c, row in tables.categories.items() if row.active)
        case_addresses = (
            session.execute(
                select(Case.postcode, Case.house_number, Case.addition, Case.street, Case.city)
            )
            .tuples()
            .all()
        )
        batch: list[NewSignal] = []
        for n in range(run.n_signals):
            if case_addresses and rng.random() < 0.6:
                postcode, number, addition, street, city = rng.choice(case_addresses)
            else:
                postcode, number, addition, street, city = make_address()
            code = rng.choice(codes)
            text = rng.choice(TEXTS.get(code, ("Fictieve melding",)))
            received = now_local - timedelta(minutes=rng.randrange(30, 365 * 24 * 60))
            batch.append(
                NewSignal(
                    received_at=received.replace(second=0, microsecond=0),
                    source=rng.choices(sources, weights)[0],
                    organisation=None,
                    category=code,
                    postcode=postcode,
                    house_number=number,
                    addition=addition,
                    street=street,
                    city=city,
                    description=tr("{text} (fictieve demomelding {n}).").format(text=text, n=n + 1),
                    urgency=rng.choices(
                        (Urgency.LAAG, Urgency.NORMAAL, Urgency.HOOG, Urgency.ACUUT),
                        weights=(15, 60, 20, 5),
                    )[0],
                    reporter=f"Melder Fictief {n + 1}" if rng.random() < 0.2 else None,
                )
            )
        stored = store_signals(run.worker, session, tables, batch)
        run.signal_ids.extend(stored.signal_ids)
        _settle_old_signals(run, session, stored.signal_ids, batch)
        run.ctx.audit(
            session,
            "demo",
            OBJ_SIGNAL_LIST,
            f"{stored.references[0]}..{stored.references[-1]}" if stored.references else None,
            purpose=tr("aantal: {n}").format(n=len(stored.references)),
        )
    run.lines.append(tr("{n} signalen").format(n=run.n_signals))


def _settle_old_signals(
    run: DemoRun, session: Session, ids: list[str], batch: list[NewSignal]
) -> None:
    """Loose signals older than two months: nearly all handled, some rejected; one in
    twenty left open, so Vandaag shows a few long-forgotten ones, not a wall of them."""
    cutoff = run.ctx.clock.now() - timedelta(days=60)
    linked = (
        set(session.execute(select(Signal.id).where(Signal.case_id.is_not(None))).scalars())
        if ids
        else set()
    )
    now = stored_now(run.worker)
    history: list[dict[str, object]] = []
    by_status: dict[str, list[str]] = {}
    for signal_id, signal in zip(ids, batch, strict=True):
        if signal_id in linked or signal.received_at > cutoff or run.rng.random() < 0.05:
            continue
        new = SignalStatus.AFGEWEZEN if run.rng.random() < 0.15 else SignalStatus.AFGEHANDELD
        by_status.setdefault(new.value, []).append(signal_id)
        history.append(
            {
                "object_type": "signal",
                "object_id": signal_id,
                "from_status": SignalStatus.GEROUTEERD.value,
                "to_status": new.value,
                "at": now,
                "user_id": run.worker.actor.user_id,
                "reason": tr("Fictieve demostap."),
            }
        )
    for status, chunk_ids in by_status.items():
        for start in range(0, len(chunk_ids), 500):
            session.execute(
                update(Signal)
                .where(Signal.id.in_(chunk_ids[start : start + 500]))
                .values(status=status, version=Signal.version + 1)
                .execution_options(synchronize_session=False)
            )
    if history:
        session.execute(insert(_table(StatusChange)), history)


def link_signal_persons(run: DemoRun) -> None:
    """Some linked signals name a person of their case."""
    with run.ctx.unit() as session:
        members: dict[str, list[tuple[str, str]]] = {}
        # Ordered by references: the row order must not depend on the random ids, or the
        # same seed would give another region.
        for case_id, person_id, role in session.execute(
            select(CasePerson.case_id, CasePerson.person_id, CasePerson.role)
            .join(Person, Person.id == CasePerson.person_id)
            .order_by(Person.reference, CasePerson.role)
        ).tuples():
            members.setdefault(case_id, []).append((person_id, role))
        rows: list[dict[str, object]] = []
        wanted = set(run.signal_ids)
        for signal_id, linked_case in session.execute(
            select(Signal.id, Signal.case_id)
            .where(Signal.case_id.is_not(None))
            .order_by(Signal.reference)
        ).tuples():
            if signal_id in wanted and linked_case in members and run.rng.random() < 0.5:
                person_id, role = run.rng.choice(members[linked_case or ""])
                rows.append({"signal_id": signal_id, "person_id": person_id, "role": role})
        if rows:
            session.execute(insert(_table(SignalPerson)), rows)


BASE_STEPS: tuple[DemoStep, ...] = (add_partners, add_cases, add_signals, link_signal_persons)
"""The first steps, in order; each writes in a unit of its own."""


# --------------------------------------------------------------------------- entry point


def _worker(ctx: ServiceContext) -> ServiceContext:
    """The coordinator the demo acts as: the user, or a demo coordinator without a key slot
    (it cannot log in) when a beheerder fills the demo."""
    if ctx.actor.role is Role.COORDINATOR:
        return ctx
    with ctx.unit() as session:
        user = session.execute(
            select(User).where(User.username == DEMO_WORKER)
        ).scalar_one_or_none()
        if user is None:
            user = User(
                username=DEMO_WORKER,
                display_name=tr("Demo-coördinator (fictief)"),
                role=Role.COORDINATOR.value,
                active=True,
                created_at=stored_now(ctx),
            )
            session.add(user)
            session.flush()
            ctx.audit(session, "user_add", "user", user.id)
        actor = Actor(user.id, user.username, user.display_name, Role.COORDINATOR)
    return ctx.with_actor(actor)


def _check_demo_store(ctx: ServiceContext) -> None:
    """Fictional data goes only into an empty store or one that is already a demo."""
    with ctx.unit() as session:
        marked = session.get(Setting, DEMO_SETTING)
        if marked is None:
            signals = session.execute(select(func.count()).select_from(Signal)).scalar_one()
            cases = session.execute(select(func.count()).select_from(Case)).scalar_one()
            if signals or cases:
                raise ValidationError(
                    tr(
                        "Deze opslag bevat al echte gegevens; demogegevens horen in een "
                        "nieuwe, lege opslag. Maak er een met 'init' in een andere map."
                    ),
                    field="store",
                )
            session.add(Setting(key=DEMO_SETTING, value="1"))


def run_steps(
    ctx: ServiceContext, n_signals: int, seed: int, steps: Sequence[DemoStep]
) -> str:
    """Run ``steps`` in order on a new or demo store; returns a one-line Dutch summary."""
    require_role(ctx, Role.BEHEERDER, Role.COORDINATOR)
    if not 0 <= n_signals <= MAX_DEMO_SIGNALS:
        raise ValidationError(
            tr("Het aantal demosignalen moet tussen 0 en {max} liggen.").format(
                max=MAX_DEMO_SIGNALS
            ),
            field="signals",
        )
    _check_demo_store(ctx)
    run = DemoRun(ctx=ctx, worker=_worker(ctx), rng=random.Random(seed), n_signals=n_signals)
    for step in steps:
        step(run)
    details = "; ".join(run.lines) if run.lines else tr("geen signalen")
    return tr("Fictieve demogegevens toegevoegd: {details}.").format(details=details)
