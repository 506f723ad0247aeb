"""Generate a region of ten years of work for the benchmark (fictional, deterministic).

200,000 signals, 40,000 cases, 100,000 actions, 60,000 visits, with the persons, meetings,
agenda items, escalations, status history and audit entries that work leaves behind,
spread over the focus areas and the rest of Parkstad, the sources and the categories the
way a real region's work is spread: more signals in the large focus areas, a growing number
of signals over the years, most signals from police and the municipality, old cases
closed and recent ones open, one very large case.

The rows are written with bulk Core inserts (one ``executemany`` per table chunk) into a
store made by ``services.setup.create_store``, so the schema, the seeded reference
data, the key slots (real Argon2id parameters) and the triggers (full-text index,
append-only history) are the program's own. The same rows, from the same seed, can be
written into a plain SQLite file for the cost-of-encryption comparison (``bench.plain``).

Everything is fictional: names and streets are made of invented parts.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import time as clock_time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, insert, select, update
from sqlalchemy.orm import Session

from sociaalveilig.core.enums import (
    ActionStatus,
    ActionType,
    CaseStatus,
    EscalationStatus,
    EscalationTarget,
    RiskLevel,
    Role,
    SignalStatus,
    Source,
    Urgency,
    VisitStatus,
)
from sociaalveilig.core.workdays import add_working_days
from sociaalveilig.services.context import FixedClock, ServiceContext, local_to_utc
from sociaalveilig.services.refs import RefKind, format_reference
from sociaalveilig.services.signal_intake import IntakeTables
from sociaalveilig.services.signal_records import address_key
from sociaalveilig.storage import audit
from sociaalveilig.storage.models import (
    Action,
    AgendaItem,
    AuditEntry,
    AuditHead,
    Case,
    CasePerson,
    Counter,
    Escalation,
    Meeting,
    MeetingPartner,
    Partner,
    Person,
    Signal,
    SignalPerson,
    StatusChange,
    User,
    Visit,
    VisitPartner,
)
from sociaalveilig.storage.sqlite.maintenance import refresh_statistics

WORK_DIR = Path(__file__).resolve().parent / "work"
PASSPHRASE = "bench-wachtwoord-regio-2026"
ADMIN = "beheer"
COORDINATOR = "coordinator"
# The benchmark's "today": the region's ten years end here (local time).
NOW_LOCAL = datetime(2026, 11, 27, 16, 0)
MANIFEST = "region.json"
FORMAT_VERSION = 3  # raise when the generated content changes, so caches are rebuilt


@dataclass(frozen=True)
class RegionSpec:
    signals: int = 200_000
    cases: int = 40_000
    actions: int = 100_000
    visits: int = 60_000
    years: int = 10
    linked_share: float = 0.6
    """Share of the signals that belong to a case."""
    large_case_signals: int = 400
    large_case_actions: int = 80
    large_case_visits: int = 40
    audit_views_per_case: int = 2
    """Besides one entry per created record: case views (every view is logged)."""
    seed: int = 20261128

    @classmethod
    def small(cls) -> RegionSpec:
        """A region a hundredth the size, for a quick check of the benchmark itself."""
        return cls(signals=2_000, cases=400, actions=1_000, visits=600,
                   large_case_signals=60, large_case_actions=12, large_case_visits=8)


# --------------------------------------------------------------------------- fictional parts

FIRST_NAMES = (
    "Anke", "Bram", "Carla", "Daan", "Els", "Fenna", "Gijs", "Hanna", "Ilse", "Joost",
    "Kim", "Lars", "Mila", "Noor", "Otto", "Pien", "Quinten", "Roos", "Sem", "Tess",
    "Ufuk", "Vera", "Wout", "Yara", "Zeno", "Amira", "Bilal", "Chantal", "Dewi", "Emre",
)
SURNAME_STEMS = (
    "Mergel", "Schacht", "Kolen", "Vlier", "Heuvel", "Wind", "Mijn", "Steen", "Graaf",
    "Brook", "Loon", "Weide", "Linden", "Esch", "Kamp", "Mulder",
)
SURNAME_ENDS = ("hoven", "kamp", "rade", "veld", "dorp", "berg", "mans", "stra", "beek", "wier")
STREET_STEMS = (
    "Mergel", "Schacht", "Kolen", "Vlier", "Heuvel", "Windmolen", "Mijnwerker", "Steenkool",
    "Graven", "Brook", "Lindeboom", "Esdoorn", "Kastanje", "Akker", "Beuken", "Lijster",
    "Merel", "Spechten", "Zwaluw", "Koekoek", "Kievit", "Reiger", "Wilgen", "Populier",
)
STREET_ENDS = ("straat", "weg", "laan", "hof", "plein", "pad", "singel", "erf")
PHRASES: dict[str, tuple[str, ...]] = {
    "WO-OVL": ("geluidsoverlast van buren tot laat in de nacht", "harde muziek en ruzie",
               "blaffende honden en geschreeuw", "overlast door bezoekers van de woning"),
    "WO-VER": ("afval naast de containers", "vervuilde achtertuin met ongedierte",
               "zwerfvuil in de brandgang", "stankoverlast uit de woning"),
    "WO-PAND": ("pand staat al maanden leeg", "kapotte ramen en dichtgetimmerde deur",
                "verwaarloosde gevel, losse dakpannen"),
    "WO-OPR": ("kapotte straatverlichting in de achterom", "losliggende stoeptegels",
               "vernield speeltoestel", "overhangend groen belemmert het zicht"),
    "OP-JEUGD": ("groep jongeren hangt elke avond bij het speelveld", "jongeren op scooters",
                 "vuurwerk en intimidatie van voorbijgangers"),
    "OP-DRUGS": ("handel vanuit geparkeerde auto", "veel kort bezoek aan de woning",
                 "drugsgebruik in de portiek"),
    "OP-VERWARD": ("bewoner loopt verward over straat", "dreigend gedrag naar buren",
                   "bewoner roept 's nachts en lijkt de weg kwijt"),
    "OM-HENNEP": ("sterke hennepgeur uit de woning", "ramen altijd afgeplakt, warmte op het dak",
                  "vermoeden hennepkwekerij op zolder"),
    "OM-VERHUUR": ("veel wisselende bewoners op één adres", "overbewoning, matrassen in de kelder",
                   "kamers per week verhuurd"),
    "OM-OVERIG": ("winkel zonder klanten maar met veel geld", "dure auto's bij leegstaand pand",
                  "vermoeden witwassen via vastgoed"),
    "ZV-ZORG": ("zorgen om oudere bewoner die vereenzaamt", "bewoner komt niet meer buiten",
                "post stapelt zich op, gordijnen dicht"),
    "ZV-HG": ("geschreeuw en gehuil van kinderen", "buren horen regelmatig slaan",
              "vermoeden huiselijk geweld, politie eerder ter plaatse"),
    "ZV-SCHULD": ("huurachterstand van drie maanden", "energie dreigt te worden afgesloten",
                  "deurwaarder meerdere keren aan de deur"),
    "ZV-JEUGD": ("kind vaak alleen thuis", "jongere spijbelt en hangt op straat",
                 "zorgen over verzorging van de kinderen"),
    "VE-CRIM": ("inbraak in de schuur", "vernieling van auto's in de straat",
                "fietsendiefstal bij het station"),
    "VE-PLEK": ("donkere onderdoorgang, mensen voelen zich onveilig", "onoverzichtelijke hoek",
                "hangplek zonder toezicht"),
}
CONTEXT_PHRASES = (
    "Melder wil anoniem blijven.", "Eerder gemeld, situatie is verergerd.",
    "Buurtbewoners bevestigen dit.", "Speelt vooral in het weekend.",
    "Wijkagent is op de hoogte.", "Woningcorporatie heeft de huurder aangeschreven.",
    "Foto's zijn beschikbaar bij de melder.", "Gesprek met bewoner leverde weinig op.",
)

SOURCE_WEIGHTS = {
    Source.POLITIE: 30, Source.GEMEENTE: 20, Source.WONINGCORPORATIE: 18, Source.BEWONER: 15,
    Source.ZORG: 10, Source.BUURTSCHOUW: 4, Source.BUURTBIJEENKOMST: 1, Source.ANDERS: 2,
}
CATEGORY_WEIGHTS = {
    "WO-OVL": 16, "WO-VER": 11, "WO-PAND": 3, "WO-OPR": 8, "OP-JEUGD": 9, "OP-DRUGS": 7,
    "OP-VERWARD": 5, "OM-HENNEP": 3, "OM-VERHUUR": 3, "OM-OVERIG": 2, "ZV-ZORG": 9,
    "ZV-HG": 4, "ZV-SCHULD": 6, "ZV-JEUGD": 4, "VE-CRIM": 7, "VE-PLEK": 3,
}
URGENCY_WEIGHTS = {Urgency.LAAG: 15, Urgency.NORMAAL: 60, Urgency.HOOG: 20, Urgency.ACUUT: 5}
ESCALATION_WEIGHTS = {
    EscalationTarget.ZVH: 50, EscalationTarget.RIEC: 20, EscalationTarget.PGA: 15,
    EscalationTarget.VEILIG_THUIS: 15,
}
ACTION_TYPES = tuple(ActionType)


def weighted(rng: random.Random, weights: dict[Any, int]) -> Callable[[], Any]:
    keys = list(weights)
    cum: list[float] = []
    total = 0.0
    for key in keys:
        total += weights[key]
        cum.append(total)

    def pick() -> Any:
        import bisect

        return keys[bisect.bisect_left(cum, rng.random() * total)]

    return pick


# --------------------------------------------------------------------------- reference data


@dataclass
class RefData:
    """The seeded reference data of one database (its ids differ per database)."""

    tables: IntakeTables
    partner_ids: list[str]
    partner_types: dict[str, str]
    coordinator_id: str
    user_ids: list[str]
    area_ids: list[str]

    @classmethod
    def load(cls, session: Session) -> RefData:
        tables = IntakeTables.load(session)
        partners = session.execute(select(Partner.id, Partner.source_type)).tuples().all()
        users = dict(session.execute(select(User.username, User.id)).tuples().all())
        return cls(
            tables=tables,
            partner_ids=[p for p, _ in partners],
            partner_types=dict(partners),
            coordinator_id=users[COORDINATOR],
            user_ids=list(users.values()),
            area_ids=sorted(tables.areas),
        )


@dataclass
class Address:
    postcode: str
    house_number: int
    addition: str | None
    street: str
    city: str
    municipality_id: str | None
    area_id: str | None

    @property
    def key(self) -> str:
        return address_key(self.postcode, self.house_number, self.addition)


@dataclass
class Rows:
    """Rows per table, in insert order."""

    by_table: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    audit: list[tuple[datetime, audit.AuditEvent]] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)
    large_case_ref: str = ""

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.by_table[table].append(row)

    def count(self, table: str) -> int:
        return len(self.by_table.get(table, []))


# --------------------------------------------------------------------------- the generator


class RegionBuilder:
    def __init__(self, spec: RegionSpec, ref: RefData, now_local: datetime = NOW_LOCAL) -> None:
        self.spec = spec
        self.ref = ref
        self.rng = random.Random(spec.seed)
        self.now_local = now_local
        self.now_utc = local_to_utc(now_local)
        self.start_local = now_local - timedelta(days=round(365.25 * spec.years))
        self.rows = Rows()
        self._ref_numbers: dict[str, int] = defaultdict(int)
        self._route_cache: dict[tuple[str, str | None, str, str], Any] = {}
        self.pick_source = weighted(self.rng, SOURCE_WEIGHTS)
        self.pick_category = weighted(self.rng, CATEGORY_WEIGHTS)
        self.pick_urgency = weighted(self.rng, URGENCY_WEIGHTS)
        self.pick_target = weighted(self.rng, ESCALATION_WEIGHTS)
        self._streets: dict[str, list[str]] = {}
        self._addresses = self._address_pool()

    # ------------------------------------------------------------------ helpers

    def new_id(self) -> str:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4).hex

    def reference(self, kind: RefKind, year: int) -> str:
        name = f"{kind.value}-{year:04d}"
        self._ref_numbers[name] += 1
        return format_reference(kind, year, self._ref_numbers[name])

    def moment(self, low: datetime | None = None, high: datetime | None = None) -> datetime:
        """A local moment in [low, high]; without bounds, over the ten years with a growing
        number of signals (density rising linearly: twice as many in the last year as in
        the first)."""
        low = low or self.start_local
        high = high or self.now_local
        span = (high - low).total_seconds()
        if span <= 0:
            return low
        u = self.rng.random()
        # Inverse of a linear density rising from 1 to 2 over the interval.
        fraction = (math.sqrt(1 + 3 * u) - 1)
        return low + timedelta(seconds=span * fraction)

    def office_hours(self, moment: datetime) -> datetime:
        return moment.replace(hour=self.rng.randint(8, 18), minute=self.rng.randint(0, 59),
                              second=self.rng.randint(0, 59), microsecond=0)

    def person_name(self) -> str:
        rng = self.rng
        return (f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAME_STEMS)}"
                f"{rng.choice(SURNAME_ENDS)}")

    def _address_pool(self) -> list[Address]:
        """Addresses weighted towards the focus areas (by residents) and the big towns."""
        rng = self.rng
        tables = self.ref.tables
        residents = {a: 0 for a in tables.areas}
        from sociaalveilig.core.postcode import FOCUS_AREAS

        by_name = {name: area_id for area_id, name in tables.areas.items()}
        for area in FOCUS_AREAS:
            residents[by_name[area.name]] = area.residents
        pc4s = [code for code in tables.postcodes if len(code) == 4]
        area_pc4s: dict[str | None, list[str]] = defaultdict(list)
        for code in pc4s:
            area_pc4s[tables.postcodes[code][1]].append(code)
        pool: list[Address] = []
        size = max(2000, self.spec.signals // 4)
        focus_share = 0.7
        area_total = sum(residents.values())
        for area_id, count in residents.items():
            n = round(size * focus_share * count / area_total)
            for _ in range(n):
                pool.append(self._address(rng.choice(area_pc4s[area_id])))
        others = area_pc4s[None]
        for _ in range(size - len(pool)):
            pool.append(self._address(rng.choice(others)))
        return pool

    def _address(self, pc4: str) -> Address:
        rng = self.rng
        municipality_id, area_id = self.ref.tables.postcodes[pc4]
        letters = "ABCDEFGHJKLMNPRTVWXZ"
        postcode = f"{pc4} {rng.choice(letters)}{rng.choice(letters)}"
        street = self._street_for(pc4)
        addition = rng.choice((None,) * 12 + ("A", "B", "2", "bis"))
        return Address(
            postcode=postcode,
            house_number=rng.randint(1, 240),
            addition=addition,
            street=street,
            city=self.ref.tables.municipalities.get(municipality_id, "Parkstad"),
            municipality_id=municipality_id,
            area_id=area_id,
        )

    def _street_for(self, pc4: str) -> str:
        streets = self._streets
        if pc4 not in streets:
            rng = random.Random(f"{self.spec.seed}-{pc4}")
            streets[pc4] = [
                f"{rng.choice(STREET_STEMS)}{rng.choice(STREET_ENDS)}" for _ in range(12)
            ]
        return self.rng.choice(streets[pc4])

    def description(self, category: str) -> str:
        rng = self.rng
        parts = [rng.choice(PHRASES[category]).capitalize() + "."]
        for _ in range(rng.randint(0, 3)):
            parts.append(rng.choice(CONTEXT_PHRASES))
        return " ".join(parts)

    def status(self, object_type: str, object_id: str, old: str | None, new: str,
               at: datetime, reason: str | None = None) -> None:
        self.rows.add("status_history", {
            "object_type": object_type, "object_id": object_id, "from_status": old,
            "to_status": new, "at": at, "user_id": self.ref.coordinator_id, "reason": reason,
        })

    def log(self, at_utc: datetime, action: str, object_type: str, object_id: str,
            person_ref: str | None = None) -> None:
        self.rows.audit.append((at_utc, audit.AuditEvent(
            username=COORDINATOR, role=Role.COORDINATOR.value, action=action,
            object_type=object_type, object_id=object_id, person_ref=person_ref,
        )))

    def route(self, category: str, area_id: str | None, source: Source,
              urgency: Urgency) -> Any:
        key = (category, area_id, source.value, urgency.value)
        if key not in self._route_cache:
            area = self.ref.tables.areas.get(area_id) if area_id else None
            self._route_cache[key] = self.ref.tables.route(category, area, source, urgency)
        return self._route_cache[key]

    def due(self, category: str, received: datetime) -> date:
        term = self.ref.tables.categories[category].term_days
        return add_working_days(received.date(), term)

    # ------------------------------------------------------------------ build

    def build(self) -> Rows:
        spec = self.spec
        cases = self._cases()
        self._persons(cases)
        n_linked = max(len(cases), round(spec.signals * spec.linked_share))
        per_case = self._spread(n_linked, cases, spec.large_case_signals, minimum=1)
        signal_plan: list[tuple[datetime, dict[str, Any] | None]] = []
        for case, n in zip(cases, per_case, strict=True):
            window_end = case["_end"]
            signal_plan.append((case["_created_local"] - timedelta(minutes=30), case))
            for _ in range(n - 1):
                signal_plan.append((self.moment(case["_created_local"], window_end), case))
        for _ in range(spec.signals - len(signal_plan)):
            signal_plan.append((self.moment(), None))
        signal_plan.sort(key=lambda item: item[0])
        for received, case in signal_plan:
            self._signal(received, case)
        self._actions(cases)
        self._visits(cases)
        self._meetings(cases)
        self._escalations(cases)
        for case in cases:
            for key in [k for k in case if k.startswith("_")]:
                del case[key]
        self.rows.counters = dict(self._ref_numbers)
        return self.rows

    @staticmethod
    def _spread(total: int, cases: list[dict[str, Any]], large: int, minimum: int) -> list[int]:
        """``total`` items over the cases: the large case (the first) gets ``large``, the
        rest a heavy-tailed share each (most cases few, some many), at least ``minimum``."""
        rest = max(0, total - large - minimum * (len(cases) - 1))
        weights = [case["_weight"] for case in cases[1:]]
        weight_sum = sum(weights) or 1.0
        counts = [large] + [minimum + int(rest * w / weight_sum) for w in weights]
        shortfall = total - sum(counts)
        i = 1
        while shortfall > 0 and len(cases) > 1:
            counts[i] += 1
            shortfall -= 1
            i = i % (len(cases) - 1) + 1
        return counts

    def _cases(self) -> list[dict[str, Any]]:
        rng = self.rng
        spec = self.spec
        created = sorted(self.moment() for _ in range(spec.cases))
        # The large case: a long-running one, opened eight years ago, still open.
        created[0] = self.start_local + timedelta(days=730)
        cases: list[dict[str, Any]] = []
        for i, moment in enumerate(created):
            moment = self.office_hours(moment)
            address = rng.choice(self._addresses)
            closed: datetime | None = None
            if i != 0:
                duration = timedelta(days=min(900.0, rng.lognormvariate(math.log(120), 0.8)))
                if moment + duration < self.now_local:
                    closed = self.office_hours(moment + duration)
            if closed is not None:
                status = CaseStatus.AFGESLOTEN
            else:
                status = rng.choices(
                    (CaseStatus.OPEN, CaseStatus.IN_BEHANDELING, CaseStatus.OPGESCHAALD,
                     CaseStatus.HEROPEND), (30, 58, 9, 3))[0]
            if i == 0:
                status = CaseStatus.IN_BEHANDELING
            risk = rng.choices((RiskLevel.LAAG, RiskLevel.MIDDEN, RiskLevel.HOOG),
                               (50, 35, 15))[0]
            if i == 0:
                risk = RiskLevel.HOOG
            case_id = self.new_id()
            created_utc = local_to_utc(moment)
            review = None
            if closed is None and risk is not RiskLevel.LAAG:
                review = self.now_local.date() + timedelta(days=rng.randint(-10, 28))
            row: dict[str, Any] = {
                "id": case_id, "version": 1,
                "reference": self.reference(RefKind.CASE, moment.year),
                "status": status.value, "risk_level": risk.value,
                "postcode": address.postcode, "house_number": address.house_number,
                "addition": address.addition, "street": address.street, "city": address.city,
                "address_key": address.key, "municipality_id": address.municipality_id,
                "focus_area_id": address.area_id,
                "lead_partner_id": rng.choice(self.ref.partner_ids),
                "summary": self.description(self.pick_category()),
                "next_review": review, "created_at": created_utc,
                "created_by": self.ref.coordinator_id,
                "closed_at": local_to_utc(closed) if closed else None,
                "last_progress_at": local_to_utc(closed or self.moment(moment)),
                "zvh_multiple_domains": rng.random() < 0.1, "zvh_behaviour": rng.random() < 0.1,
                "zvh_chain_cooperation": rng.random() < 0.1,
                "zvh_family_or_surroundings": rng.random() < 0.1,
                "zvh_local_safety": rng.random() < 0.05,
                "_created_local": moment, "_end": closed or self.now_local,
                "_address": address, "_weight": rng.paretovariate(1.6),
                "_actions": [], "_persons": [],
            }
            cases.append(row)
            self.rows.add("cases", row)
            self.status("case", case_id, None, CaseStatus.OPEN.value, created_utc)
            if status is not CaseStatus.OPEN:
                later = self.moment(moment, closed or self.now_local)
                self.status("case", case_id, CaseStatus.OPEN.value,
                            CaseStatus.IN_BEHANDELING.value, local_to_utc(later))
            if closed is not None:
                self.status("case", case_id, CaseStatus.IN_BEHANDELING.value,
                            CaseStatus.AFGESLOTEN.value, local_to_utc(closed), "Afgerond")
            self.log(created_utc, "create", "case", row["reference"])
            for _ in range(spec.audit_views_per_case):
                self.log(local_to_utc(self.moment(moment)), "view", "case", row["reference"])
        self.rows.large_case_ref = cases[0]["reference"]
        return cases

    def _persons(self, cases: list[dict[str, Any]]) -> None:
        rng = self.rng
        roles = ("bewoner", "huurder", "eigenaar", "gezinslid", "betrokkene")
        for i, case in enumerate(cases):
            n = 6 if i == 0 else rng.choices((0, 1, 2, 3), (15, 50, 25, 10))[0]
            for _ in range(n):
                person_id = self.new_id()
                created = case["_created_local"]
                ref = self.reference(RefKind.PERSON, created.year)
                self.rows.add("persons", {
                    "id": person_id, "version": 1, "reference": ref,
                    "name": self.person_name(), "birth_year": rng.randint(1935, 2012),
                    "created_at": case["created_at"],
                })
                self.rows.add("case_persons", {
                    "case_id": case["id"], "person_id": person_id, "role": rng.choice(roles),
                })
                case["_persons"].append(person_id)
                self.log(case["created_at"], "create", "person", ref, person_ref=ref)

    def _signal(self, received: datetime, case: dict[str, Any] | None) -> None:
        rng = self.rng
        received = received.replace(microsecond=0)
        category = self.pick_category()
        source: Source = self.pick_source()
        urgency: Urgency = self.pick_urgency()
        address: Address = case["_address"] if case else rng.choice(self._addresses)
        decision = self.route(category, address.area_id, source, urgency)
        signal_id = self.new_id()
        registered = received + timedelta(minutes=rng.randint(2, 600))
        if registered > self.now_local:
            registered = self.now_local
        received_utc = local_to_utc(received)
        registered_utc = local_to_utc(registered)
        age_days = (self.now_local - received).days
        if case is not None:
            status = SignalStatus.GEKOPPELD
        elif age_days < 20:
            status = rng.choices((SignalStatus.NIEUW, SignalStatus.GEROUTEERD), (1, 4))[0]
        else:
            status = rng.choices(
                (SignalStatus.AFGEHANDELD, SignalStatus.AFGEWEZEN, SignalStatus.GEROUTEERD),
                (75, 12, 13))[0]
        reporter = None if rng.random() < 0.45 else self.person_name()
        row = {
            "id": signal_id, "version": 1,
            "reference": self.reference(RefKind.SIGNAL, registered.year),
            "received_at": received_utc, "source": source.value,
            "organisation": None, "category_id": self.ref.tables.categories[category].id,
            "postcode": address.postcode, "house_number": address.house_number,
            "addition": address.addition, "street": address.street, "city": address.city,
            "address_key": address.key, "municipality_id": address.municipality_id,
            "focus_area_id": address.area_id, "description": self.description(category),
            "urgency": urgency.value, "reporter": reporter, "status": status.value,
            "case_id": case["id"] if case else None, "routing_rule_id": decision.rule_id,
            "route_target": decision.target.value, "route_reason": decision.reason,
            "due_date": self.due(category, received), "created_at": registered_utc,
            "created_by": self.ref.coordinator_id, "reporter_anonymised_at": None,
        }
        self.rows.add("signals", row)
        self.status("signal", signal_id, None, SignalStatus.NIEUW.value, registered_utc)
        self.status("signal", signal_id, SignalStatus.NIEUW.value,
                    SignalStatus.GEROUTEERD.value, registered_utc, decision.reason)
        if status in (SignalStatus.GEKOPPELD, SignalStatus.AFGEHANDELD, SignalStatus.AFGEWEZEN):
            done = registered + timedelta(days=min(age_days, rng.randint(0, 40)))
            self.status("signal", signal_id, SignalStatus.GEROUTEERD.value, status.value,
                        local_to_utc(min(done, self.now_local)))
        if case is not None and case["_persons"] and received <= case["_created_local"]:
            for person_id in case["_persons"]:
                self.rows.add("signal_persons", {
                    "signal_id": signal_id, "person_id": person_id, "role": "betrokkene",
                })
        self.log(registered_utc, "create", "signal", row["reference"])

    def _actions(self, cases: list[dict[str, Any]]) -> None:
        rng = self.rng
        per_case = self._spread(self.spec.actions, cases, self.spec.large_case_actions,
                                minimum=0)
        for case, n in zip(cases, per_case, strict=True):
            for _ in range(n):
                created = self.office_hours(self.moment(case["_created_local"], case["_end"]))
                deadline = add_working_days(created.date(), rng.randint(5, 40))
                overdue_for = (self.now_local.date() - deadline).days
                if overdue_for > 30 or case["closed_at"] is not None:
                    status = rng.choices((ActionStatus.AFGEROND, ActionStatus.VERVALLEN,
                                          ActionStatus.OPEN), (85, 10, 5))[0]
                    if case["closed_at"] is not None and status is ActionStatus.OPEN:
                        status = ActionStatus.AFGEROND
                else:
                    status = rng.choices((ActionStatus.OPEN, ActionStatus.IN_UITVOERING,
                                          ActionStatus.AFGEROND), (40, 35, 25))[0]
                completed = None
                if status is ActionStatus.AFGEROND:
                    finish = datetime.combine(deadline, time(12)) + timedelta(
                        days=rng.randint(-20, 12))
                    completed = min(max(finish, created), self.now_local)
                action_id = self.new_id()
                created_utc = local_to_utc(created)
                row = {
                    "id": action_id, "version": 1,
                    "reference": self.reference(RefKind.ACTION, created.year),
                    "case_id": case["id"], "agenda_item_id": None,
                    "action_type": rng.choice(ACTION_TYPES).value,
                    "owner_partner_id": rng.choice(self.ref.partner_ids),
                    "deadline": deadline, "status": status.value,
                    "description": rng.choice(PHRASES[self.pick_category()]).capitalize(),
                    "created_at": created_utc,
                    "completed_at": local_to_utc(completed) if completed else None,
                }
                self.rows.add("actions", row)
                case["_actions"].append(row)
                self.status("action", action_id, None, ActionStatus.OPEN.value, created_utc)
                if status is not ActionStatus.OPEN:
                    self.status("action", action_id, ActionStatus.OPEN.value, status.value,
                                row["completed_at"] or created_utc)
                self.log(created_utc, "create", "action", row["reference"])

    def _visits(self, cases: list[dict[str, Any]]) -> None:
        rng = self.rng
        with_case = round(self.spec.visits * 0.92)
        per_case = self._spread(with_case, cases, self.spec.large_case_visits, minimum=0)
        plan: list[tuple[dict[str, Any] | None, Address]] = []
        for case, n in zip(cases, per_case, strict=True):
            plan.extend((case, case["_address"]) for _ in range(n))
        for _ in range(self.spec.visits - len(plan)):
            plan.append((None, rng.choice(self._addresses)))
        last_failed: dict[str, str] = {}
        for case, address in plan:
            if case is not None:
                end = min(case["_end"] + timedelta(days=14), self.now_local + timedelta(days=21))
                day = self.moment(case["_created_local"], end)
            else:
                day = self.moment(None, self.now_local + timedelta(days=21))
            start_day = add_working_days(day.date(), 0) if day.weekday() < 5 else \
                add_working_days(day.date(), 1)
            start = datetime.combine(start_day, time(rng.randint(9, 15), rng.choice((0, 30))))
            if start > self.now_local:
                status = VisitStatus.GEPLAND
            else:
                status = rng.choices(
                    (VisitStatus.UITGEVOERD, VisitStatus.NIEMAND_THUIS, VisitStatus.GEWEIGERD,
                     VisitStatus.GEANNULEERD), (75, 15, 3, 7))[0]
            visit_id = self.new_id()
            action_id = None
            if case is not None and case["_actions"] and rng.random() < 0.3:
                action_id = rng.choice(case["_actions"])["id"]
            follow_up = None
            if case is not None and case["id"] in last_failed:
                follow_up = last_failed.pop(case["id"])
            if case is not None and status is VisitStatus.NIEMAND_THUIS:
                last_failed[case["id"]] = visit_id
            created_utc = local_to_utc(min(start - timedelta(days=rng.randint(1, 14)),
                                           self.now_local))
            self.rows.add("visits", {
                "id": visit_id, "version": 1, "case_id": case["id"] if case else None,
                "action_id": action_id, "planned_start": start,
                "planned_end": start + timedelta(minutes=rng.choice((30, 45, 60, 90))),
                "postcode": address.postcode, "house_number": address.house_number,
                "addition": address.addition, "street": address.street, "city": address.city,
                "purpose": rng.choice(("Kennismaken en situatie bekijken",
                                       "Gezamenlijk huisbezoek na overleg",
                                       "Controle woning", "Vervolgbezoek")),
                "joint": rng.random() < 0.6, "status": status.value,
                "outcome_notes": ("Gesprek gevoerd, afspraken gemaakt."
                                  if status is VisitStatus.UITGEVOERD else None),
                "follow_up_of": follow_up, "created_at": created_utc,
            })
            for partner_id in rng.sample(self.ref.partner_ids, rng.randint(1, 3)):
                self.rows.add("visit_partners", {"visit_id": visit_id, "partner_id": partner_id})
            self.status("visit", visit_id, None, VisitStatus.GEPLAND.value, created_utc)
            if status is not VisitStatus.GEPLAND:
                self.status("visit", visit_id, VisitStatus.GEPLAND.value, status.value,
                            local_to_utc(start + timedelta(hours=1)))
            self.log(created_utc, "create", "visit", visit_id)

    def _meetings(self, cases: list[dict[str, Any]]) -> None:
        """Fortnightly meetings per focus area and type; cases on the agenda when they
        start and at their reviews."""
        rng = self.rng
        meetings: dict[tuple[str, str], list[tuple[datetime, str]]] = defaultdict(list)
        first = self.start_local.date()
        first += timedelta(days=(1 - first.weekday()) % 7)  # Tuesdays
        for area_id in self.ref.area_ids:
            for offset, meeting_type in ((0, "fysieke_leefomgeving"), (7, "achter_de_voordeur")):
                day = first + timedelta(days=offset)
                while datetime.combine(day, time(10)) < self.now_local + timedelta(days=28):
                    starts = datetime.combine(day, time(10))
                    meeting_id = self.new_id()
                    held = starts < self.now_local
                    self.rows.add("meetings", {
                        "id": meeting_id, "version": 1, "focus_area_id": area_id,
                        "meeting_type": meeting_type, "starts_at": starts,
                        "location": "Centrum Sociaal Veilig, Hoensbroek",
                        "status": "gehouden" if held else "gepland",
                        "agenda_sent_at": local_to_utc(starts - timedelta(days=3)),
                    })
                    for partner_id in rng.sample(self.ref.partner_ids, 4):
                        self.rows.add("meeting_partners", {
                            "meeting_id": meeting_id, "partner_id": partner_id})
                    meetings[(area_id, meeting_type)].append((starts, meeting_id))
                    day += timedelta(days=14)
        import bisect

        for i, case in enumerate(cases):
            area_id = case["focus_area_id"]
            if area_id is None:
                continue
            kind = rng.choice(("fysieke_leefomgeving", "achter_de_voordeur"))
            series = meetings[(area_id, kind)]
            starts = [s for s, _ in series]
            moment = case["_created_local"]
            end = case["_end"]
            items = 40 if i == 0 else rng.randint(1, 4)
            for n in range(items):
                k = bisect.bisect_left(starts, moment)
                if k >= len(series) or series[k][0] > end + timedelta(days=14):
                    break
                starts_at, meeting_id = series[k]
                held = starts_at < self.now_local
                self.rows.add("agenda_items", {
                    "id": self.new_id(), "version": 1, "meeting_id": meeting_id,
                    "position": n + 1, "case_id": case["id"], "signal_id": None,
                    "reason": "routed" if n == 0 else "review",
                    "decision": ("Casusregisseur plant gezamenlijk huisbezoek; "
                                 "terug op de agenda bij de evaluatie.") if held else None,
                    "decided_at": local_to_utc(starts_at + timedelta(hours=1)) if held else None,
                })
                moment = starts_at + timedelta(days=rng.choice((14, 28, 56)))

    def _escalations(self, cases: list[dict[str, Any]]) -> None:
        rng = self.rng
        for i, case in enumerate(cases):
            n = 2 if i == 0 else (1 if rng.random() < 0.02 else 0)
            for _ in range(n):
                target: EscalationTarget = self.pick_target()
                created = self.office_hours(self.moment(case["_created_local"], case["_end"]))
                closed = case["closed_at"] is not None
                status = EscalationStatus.AFGESLOTEN if closed else rng.choice(
                    (EscalationStatus.AANGEMELD, EscalationStatus.IN_BEHANDELING))
                created_utc = local_to_utc(created)
                changed = case["closed_at"] or created_utc
                esc_id = self.new_id()
                row = {
                    "id": esc_id, "version": 1,
                    "reference": self.reference(RefKind.ESCALATION, created.year),
                    "case_id": case["id"], "target": target.value,
                    "reason": "Problemen op meerdere leefgebieden; ketensamenwerking nodig.",
                    "external_reference": None, "status": status.value,
                    "created_at": created_utc, "status_changed_at": changed,
                    "closed_at": case["closed_at"] if closed else None,
                }
                self.rows.add("escalations", row)
                self.status("escalation", esc_id, None, EscalationStatus.AANGEMELD.value,
                            created_utc)
                self.log(created_utc, "create", "escalation", row["reference"])


# --------------------------------------------------------------------------- writing

# Tables in foreign-key order.
INSERT_ORDER: tuple[tuple[str, Table], ...] = (
    ("cases", Case.__table__),  # type: ignore[arg-type]
    ("persons", Person.__table__),  # type: ignore[arg-type]
    ("case_persons", CasePerson.__table__),  # type: ignore[arg-type]
    ("signals", Signal.__table__),  # type: ignore[arg-type]
    ("signal_persons", SignalPerson.__table__),  # type: ignore[arg-type]
    ("meetings", Meeting.__table__),  # type: ignore[arg-type]
    ("meeting_partners", MeetingPartner.__table__),  # type: ignore[arg-type]
    ("agenda_items", AgendaItem.__table__),  # type: ignore[arg-type]
    ("actions", Action.__table__),  # type: ignore[arg-type]
    ("visits", Visit.__table__),  # type: ignore[arg-type]
    ("visit_partners", VisitPartner.__table__),  # type: ignore[arg-type]
    ("escalations", Escalation.__table__),  # type: ignore[arg-type]
    ("status_history", StatusChange.__table__),  # type: ignore[arg-type]
)
CHUNK = 10_000


def _chunks(
    rows: Sequence[dict[str, Any]], size: int = CHUNK
) -> Iterable[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def write_rows(engine: Engine, rows: Rows, tables: Iterable[str] | None = None) -> None:
    """Bulk Core inserts, one transaction per table (``executemany`` in chunks)."""
    wanted = set(tables) if tables is not None else None
    for name, table in INSERT_ORDER:
        if wanted is not None and name not in wanted:
            continue
        data = rows.by_table.get(name, [])
        if not data:
            continue
        with engine.begin() as conn:
            for chunk in _chunks(data):
                conn.execute(insert(table), list(chunk))


def write_audit(engine: Engine, rows: Rows) -> int:
    """Append the audit entries in time order, hash-chained onto the current head, exactly
    as ``storage.audit.append`` would have; then move the head."""
    entries = sorted(rows.audit, key=lambda item: item[0])
    with engine.begin() as conn:
        head = conn.execute(select(AuditHead.last_id, AuditHead.last_hash)).one()
        last_id, prev = int(head[0]), str(head[1])
        batch: list[dict[str, Any]] = []
        table = AuditEntry.__table__
        for at, event in entries:
            last_id += 1
            stamp = audit.utc_stamp(at)
            digest = audit.entry_hash(prev, stamp, event)
            batch.append({
                "id": last_id, "at": stamp, "username": event.username, "role": event.role,
                "action": event.action, "object_type": event.object_type,
                "object_id": event.object_id, "person_ref": event.person_ref,
                "purpose": event.purpose, "outcome": event.outcome, "prev_hash": prev,
                "hash": digest,
            })
            prev = digest
            if len(batch) >= CHUNK:
                conn.execute(insert(table), batch)  # type: ignore[arg-type]
                batch = []
        if batch:
            conn.execute(insert(table), batch)  # type: ignore[arg-type]
        conn.execute(update(AuditHead).where(AuditHead.id == 1)
                     .values(last_id=last_id, last_hash=prev))
    return len(entries)


def write_counters(engine: Engine, rows: Rows) -> None:
    with engine.begin() as conn:
        existing = dict(conn.execute(select(Counter.name, Counter.value)).tuples().all())
        for name, value in rows.counters.items():
            if name in existing:
                conn.execute(update(Counter).where(Counter.name == name)
                             .values(value=max(value, existing[name])))
            else:
                conn.execute(insert(Counter).values(name=name, value=value))


def populate(engine: Engine, session_factory: Callable[[], Any], spec: RegionSpec) -> Rows:
    """Generate the region for the database behind ``engine`` and write it."""
    with session_factory() as session:
        ref = RefData.load(session)
    rows = RegionBuilder(spec, ref).build()
    write_rows(engine, rows)
    write_audit(engine, rows)
    write_counters(engine, rows)
    return rows


# --------------------------------------------------------------------------- the cached region


@dataclass(frozen=True)
class Region:
    folder: Path
    """The encrypted store folder."""
    plain_file: Path
    """The plain SQLite file with the same rows (bench only; see bench.plain)."""
    spec: RegionSpec
    counts: dict[str, int]
    large_case: str
    generated_seconds: float

    @property
    def manifest_path(self) -> Path:
        return self.folder.parent / MANIFEST


def _manifest_matches(path: Path, spec: RegionSpec) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("format") != FORMAT_VERSION or data.get("spec") != asdict(spec):
        return None
    return data if isinstance(data, dict) else None


def sync_schema(engine: Engine) -> list[str]:
    """Keep a cached region's indexes equal to the models'.

    The first migration builds the schema from the models, so an index added to
    ``storage/models.py`` appears in every new store; a region generated before that gets it
    here instead of being generated again (half an hour). Indexes the models do not have
    (experiments) are dropped. The planner's statistics are taken as the program takes
    them after a load (``maintenance.refresh_statistics``, the full ``ANALYZE``) when
    there are none yet or an index changed. Returns what changed."""
    from sociaalveilig.storage.models import Base

    changed: list[str] = []
    with engine.begin() as conn:
        existing = {
            str(name) for (name,) in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        }
        wanted: set[str] = set()
        for table in Base.metadata.sorted_tables:
            for index in table.indexes:
                name = str(index.name)
                wanted.add(name)
                columns = [str(c.name) for c in index.columns]
                if name in existing:
                    have = [str(r[2]) for r in conn.exec_driver_sql(
                        f'PRAGMA index_info("{name}")')]  # names from the schema itself
                    if have == columns:
                        continue
                    conn.exec_driver_sql(f'DROP INDEX "{name}"')
                    changed.append(f"~{name}")
                index.create(conn)
                changed.append(f"+{name}")
        for name in sorted(existing - wanted):
            conn.exec_driver_sql(f'DROP INDEX "{name}"')  # names from the schema itself
            changed.append(f"-{name}")
        has_stats = conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").scalar()
        stale = bool(changed) or not has_stats or not conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_stat1").scalar()
    if stale:
        refresh_statistics(engine, full=True)
        changed.append("+sqlite_stat1")
    engine.dispose()
    return changed


def clock() -> FixedClock:
    return FixedClock(NOW_LOCAL)


def add_bench_users(ctx: ServiceContext) -> None:
    """The coordinator who works the region (a key slot of their own: real KDF)."""
    from sociaalveilig.services.users import add_user

    add_user(ctx, COORDINATOR, Role.COORDINATOR.value, PASSPHRASE, "Coördinator Bench")


def ensure_region(spec: RegionSpec = RegionSpec(), work: Path = WORK_DIR, *,
                  name: str = "region", log: Callable[[str], None] = print) -> Region:
    """The region under ``work/name``, generated when missing or out of date."""
    from bench import plain
    from sociaalveilig.services.setup import create_store

    base = work / name
    manifest = base / MANIFEST
    data = _manifest_matches(manifest, spec)
    folder, plain_file = base / "store", base / "plain.db"
    if data is not None and folder.is_dir() and plain_file.is_file():
        from sociaalveilig.services.setup import login

        ctx = login(folder, ADMIN, PASSPHRASE, clock())
        try:
            changed = sync_schema(ctx.store.engine)
        finally:
            ctx.store.close()
        engine = plain.make_plain_engine(plain_file)
        try:
            changed += sync_schema(engine)
        finally:
            engine.dispose()
        if changed:
            log("cached region brought in line with the models: " + ", ".join(changed))
        return Region(folder, plain_file, spec, data["counts"], data["large_case"],
                      data["generated_seconds"])
    log(f"generating the region in {base} (once; cached for later runs)...")
    if base.exists():
        shutil.rmtree(base)
    base.mkdir(parents=True)
    started = clock_time.perf_counter()
    ctx, _code = create_store(folder, ADMIN, PASSPHRASE, "Beheerder Bench", clock=clock())
    try:
        add_bench_users(ctx)
        rows = populate(ctx.store.engine, ctx.store._sessions, spec)
    finally:
        ctx.store.close()
    log(f"  encrypted store written in {clock_time.perf_counter() - started:.0f} s")
    engine = plain.create_plain_copy_schema(plain_file)
    try:
        plain.add_plain_users(engine)
        populate(engine, lambda: Session(engine), spec)
    finally:
        engine.dispose()
    seconds = clock_time.perf_counter() - started
    counts = {name: len(items) for name, items in rows.by_table.items()}
    counts["audit_log"] = len(rows.audit)
    manifest.write_text(json.dumps({
        "format": FORMAT_VERSION, "spec": asdict(spec), "counts": counts,
        "large_case": rows.large_case_ref, "generated_seconds": round(seconds, 1),
    }, indent=2), encoding="utf-8")
    log(f"  region ready in {seconds:.0f} s: " + ", ".join(
        f"{counts.get(k, 0):,} {k}" for k in ("signals", "cases", "actions", "visits")))
    return Region(folder, plain_file, spec, counts, rows.large_case_ref, round(seconds, 1))
