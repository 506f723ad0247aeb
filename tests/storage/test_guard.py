"""The columns' rules (storage/guard.py): what PostgreSQL refuses is refused first, the same
on both databases, with a Dutch line naming the field, and nothing is written."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import String, Text, func, insert, select

from sociaalveilig.core import csvimport
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.services import (
    access,
    escalations,
    imports,
    meeting_minutes,
    meeting_planning,
    partners,
    signal_intake,
    signal_records,
    users,
)
from sociaalveilig.services import signals as sv
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.signal_intake import NO_CASE, SignalInput
from sociaalveilig.storage import guard
from sociaalveilig.storage.models import (
    Action,
    AuditEntry,
    Base,
    BuurtschouwFinding,
    CasePerson,
    Category,
    Escalation,
    Meeting,
    Partner,
    Person,
    RoutingRule,
    Signal,
    SignalPerson,
    User,
)

# The same refusals on both stores: PostgreSQL would refuse these values itself.
pytestmark = pytest.mark.both_stores

SIGNAL = SignalInput(
    received_at=datetime(2026, 4, 14, 9, 30),
    source="politie",
    category="WO-OVL",
    postcode="6463 ab",
    house_number=12,
    street="Fictiefstraat",
    city="Kerkrade",
    description="Fictieve melding: harde muziek tot diep in de nacht.",
)


def count(ctx: ServiceContext, model: type[Base]) -> int:
    with ctx.read_unit() as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def written(ctx: ServiceContext) -> tuple[int, int, int, int]:
    return (count(ctx, Signal), count(ctx, User), count(ctx, Partner), count(ctx, AuditEntry))


# --------------------------------------------------------------------------- through services


def test_a_display_name_longer_than_its_column_is_refused_and_no_user_made(
    admin_ctx: ServiceContext,
) -> None:
    before = written(admin_ctx)
    with pytest.raises(ValidationError) as caught:
        users.add_user(
            admin_ctx, "fictief", "coordinator", "een-lang-wachtwoord-1234", "N" * 121
        )
    assert caught.value.message == (
        "De tekst bij 'weergavenaam' is te lang: ten hoogste 120 tekens."
    )
    assert caught.value.field == "display_name"
    assert written(admin_ctx) == before
    assert not admin_ctx.store.credentials.has_user("fictief")


def test_a_nul_character_is_refused_and_no_signal_written(
    coordinator_ctx: ServiceContext,
) -> None:
    # SQLite keeps a NUL inside a text; PostgreSQL refuses the whole statement.
    before = written(coordinator_ctx)
    with pytest.raises(ValidationError) as caught:
        sv.register_signal(
            coordinator_ctx, replace(SIGNAL, description="Fictief\x00verhaal"), NO_CASE
        )
    assert "'omschrijving'" in caught.value.message and "NUL" in caught.value.message
    assert written(coordinator_ctx) == before


def test_a_street_longer_than_its_column_is_refused_by_the_intake(
    coordinator_ctx: ServiceContext,
) -> None:
    # The intake's own limit was 200 for every short text; the column holds 120.
    before = written(coordinator_ctx)
    with pytest.raises(ValidationError) as caught:
        sv.register_signal(coordinator_ctx, replace(SIGNAL, street="s" * 121), NO_CASE)
    assert "straat is te lang: 121 tekens, hoogstens 120" in caught.value.message
    assert written(coordinator_ctx) == before
    sv.register_signal(coordinator_ctx, replace(SIGNAL, street="s" * 120), NO_CASE)
    assert count(coordinator_ctx, Signal) == before[0] + 1


def test_an_import_row_with_a_too_long_place_is_named_by_its_line(
    coordinator_ctx: ServiceContext,
) -> None:
    header = "datum;bron;categorie;postcode;huisnummer;plaats;omschrijving"
    rows = ["14-04-2026;politie;WO-OVL;6463AB;12;Kerkrade;Fictief", f"14-04-2026;politie;"
            f"WO-OVL;6463AB;14;{'p' * 81};Fictief"]
    data = "\n".join([header, *rows]).encode()
    outcome = imports.import_signals(coordinator_ctx, data, skip_invalid=False)
    assert outcome.imported == 0
    assert [(e.line, e.reason) for e in outcome.errors] == [
        (3, "plaats is te lang: 81 tekens, hoogstens 80")
    ]
    assert count(coordinator_ctx, Signal) == 0


# --------------------------------------------------------------------------- each rule


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda: Partner(name="Fictief", source_type="zorg", active=1, version=1),
            "Bij 'actief' hoort ja of nee.",
        ),
        (
            lambda: Partner(name="Fictief", source_type="zorg", active="ja", version=1),
            "Bij 'actief' hoort ja of nee.",
        ),
        (
            lambda: Category(
                code="XX-FICT", name="Fictief", main_category="Fictief", meeting="FL",
                term_days="5", active=True, version=1,
            ),
            "Bij 'termijn in werkdagen' hoort een geheel getal.",
        ),
        (
            lambda: Category(
                code="XX-FICT", name="Fictief", main_category="Fictief", meeting="FL",
                term_days=True, active=True, version=1,
            ),
            "Bij 'termijn in werkdagen' hoort een geheel getal.",
        ),
        (
            lambda: Person(
                reference="P-2026-900001", name="Fictief", birth_year=2**31,
                created_at=datetime(2026, 4, 1), version=1,
            ),
            "Het getal bij 'geboortejaar' is te groot: ten hoogste 2.147.483.647.",
        ),
        (
            lambda: Person(
                reference="P-2026-900001", name="Fictief", birth_year=1970,
                created_at=datetime(2026, 4, 1, tzinfo=UTC), version=1,
            ),
            "De tijd bij 'created_at' heeft een tijdzone; de opslag bewaart tijden zonder zone.",
        ),
        (
            lambda: Person(
                reference="P-2026-900001", name="Fictief", created_at=date(2026, 4, 1),
                version=1,
            ),
            "Bij 'created_at' hoort een datum met tijd.",
        ),
        (
            lambda: Person(
                reference="P-2026-900001", name="Fictief", created_at="2026-04-01 10:00",
                version=1,
            ),
            "Bij 'created_at' hoort een datum met tijd.",
        ),
        (
            lambda: RoutingRule(
                position=99, name="r" * 121, target="coordinator", active=True, version=1
            ),
            "De tekst bij 'naam' is te lang: ten hoogste 120 tekens.",
        ),
        (
            lambda: RoutingRule(position=99, name=42, target="coordinator", version=1),
            "Bij 'naam' hoort tekst.",
        ),
    ],
)
def test_each_rule_refuses_before_the_database_sees_the_row(
    admin_ctx: ServiceContext, make: object, message: str
) -> None:
    before = written(admin_ctx)
    with pytest.raises(ValidationError) as caught, admin_ctx.unit() as session:
        session.add(make())  # type: ignore[operator]
        admin_ctx.audit(session, "fictief")
    assert caught.value.message == message
    assert written(admin_ctx) == before


def test_a_date_column_refuses_a_time_and_a_changed_row_is_checked_in_what_changed(
    coordinator_ctx: ServiceContext,
) -> None:
    detail = sv.register_signal(coordinator_ctx, SIGNAL, NO_CASE)
    with coordinator_ctx.unit() as session:
        row = session.execute(select(Signal).where(Signal.id == detail.signal_id)).scalar_one()
        version = row.version
    with pytest.raises(ValidationError) as caught, coordinator_ctx.unit() as session:
        row = session.get_one(Signal, detail.signal_id)
        row.due_date = datetime(2026, 5, 1, 17, 0)  # type: ignore[assignment]
    assert caught.value.message == "Bij 'due_date' hoort een datum zonder tijd."
    with pytest.raises(ValidationError) as caught, coordinator_ctx.unit() as session:
        row = session.get_one(Signal, detail.signal_id)
        row.urgency = "spoed"
    assert caught.value.message == (
        "De waarde bij 'urgentie' is niet toegestaan; kies een van: laag, normaal, hoog, acuut."
    )
    with coordinator_ctx.read_unit() as session:
        row = session.get_one(Signal, detail.signal_id)
        assert (row.version, row.urgency, row.due_date) == (
            version, detail.urgency.value, detail.due_date
        )


def test_a_bulk_insert_through_the_session_is_checked_too(
    coordinator_ctx: ServiceContext,
) -> None:
    with pytest.raises(ValidationError) as caught, coordinator_ctx.unit() as session:
        session.execute(
            insert(Escalation.__table__),
            [
                {
                    "id": "f" * 32, "version": 1, "reference": "E-2026-90001",
                    "case_id": "c" * 32, "target": "zvh", "reason": "Fictief",
                    "status": "weggezet", "created_at": datetime(2026, 4, 1),
                    "status_changed_at": datetime(2026, 4, 1),
                }
            ],
        )
    assert "'status'" in caught.value.message and "aangemeld" in caught.value.message
    assert count(coordinator_ctx, Escalation) == 0


# --------------------------------------------------------------------------- limits vs columns


def _length(column: object) -> int | None:
    kind = column.type  # type: ignore[attr-defined]
    assert isinstance(kind, String)
    return kind.length


# (the service's own limit, the columns its value is written to)
SERVICE_LIMITS: list[tuple[str, int, list[object]]] = [
    ("csvimport straat", csvimport.TEXT_LIMITS["straat"],
     [Signal.street, BuurtschouwFinding.street]),
    ("csvimport plaats", csvimport.TEXT_LIMITS["plaats"], [Signal.city]),
    ("csvimport organisatie", csvimport.TEXT_LIMITS["organisatie"], [Signal.organisation]),
    ("csvimport melder", csvimport.TEXT_LIMITS["melder"], [Signal.reporter]),
    ("csvimport toevoeging", csvimport.MAX_ADDITION, [Signal.addition]),
    ("omschrijving", csvimport.MAX_DESCRIPTION, [Signal.description]),
    ("betrokkene naam", signal_intake.MAX_PERSON_NAME, [Person.name]),
    ("betrokkene rol", signal_intake.MAX_PERSON_ROLE, [CasePerson.role, SignalPerson.role]),
    ("partnernaam", partners.MAX_NAME, [Partner.name]),
    ("extern kenmerk", escalations.MAX_EXTERNAL_REFERENCE, [Escalation.external_reference]),
    ("reden van opschaling", escalations.MAX_REASON, [Escalation.reason]),
    ("reden van inzage", access.MAX_PURPOSE, [AuditEntry.purpose]),
    ("locatie overleg", meeting_planning.MAX_LOCATION, [Meeting.location]),
    ("besluit", meeting_minutes.MAX_DECISION, [Action.description]),
    ("reden statuswijziging", signal_records.MAX_REASON, [Signal.route_reason]),
]


@pytest.mark.parametrize(("what", "limit", "columns"), SERVICE_LIMITS)
def test_no_service_accepts_more_than_its_column_holds(
    what: str, limit: int, columns: list[object]
) -> None:
    for column in columns:
        length = _length(column)
        assert length is None or limit <= length, (what, column, limit, length)


def test_every_short_text_limit_of_the_intake_has_its_column() -> None:
    assert set(csvimport.TEXT_LIMITS) == {"straat", "plaats", "organisatie", "melder"}
    assert csvimport.MAX_HOUSE_NUMBER <= guard.INT_MAX


def test_unbounded_texts_are_text_columns() -> None:
    for column in (Signal.description, Escalation.reason, Action.description):
        assert isinstance(column.type, Text)
