"""Signal import and export: all-or-nothing, --skip-invalid with rejects, every kind of bad
row with its line number, routing and conservative linking, no plaintext in the store
folder, and an export that imports again cleanly."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sociaalveilig.core.enums import Role, RouteTarget, SignalStatus
from sociaalveilig.core.errors import AccessDenied, ValidationError
from sociaalveilig.services import exports, imports, signal_records
from sociaalveilig.services import signals as sv
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.signal_intake import NEW_CASE, SignalInput
from sociaalveilig.storage.models import AuditEntry, Signal, StatusChange
from tests.conftest import ActorFactory

HEADER = (
    "datum;bron;organisatie;categorie;postcode;huisnummer;toevoeging;straat;plaats;"
    "omschrijving;urgentie;melder"
)
GOOD = [
    "14-04-2026 09:30;politie;;WO-OVL;6463 ab;12;;Fictiefstraat;Kerkrade;Harde muziek;normaal;",
    "2026-04-13;woningcorporatie;Woonstichting Voorbeeld;zorgen om bewoner;6431BC;5;a;"
    "Proefweg;Hoensbroek;Bewoner niet gezien;hoog;anoniem",
    "01-04-2026 22:15;bewoner;;VE-PLEK;9999 ZZ;3;;;Ergens;Donkere steeg;laag;Melder Fictief",
]


def csv_bytes(*rows: str, header: str = HEADER) -> bytes:
    return ("\r\n".join([header, *rows]) + "\r\n").encode("utf-8")


def count_signals(ctx: ServiceContext) -> int:
    with ctx.unit() as session:
        return int(session.execute(select(func.count()).select_from(Signal)).scalar_one())


def test_good_file_is_imported_routed_and_dated(coordinator_ctx: ServiceContext) -> None:
    outcome = imports.import_signals(coordinator_ctx, csv_bytes(*GOOD), skip_invalid=False)
    assert outcome.imported == 3 and outcome.errors == [] and outcome.rejects_csv is None
    assert (outcome.first_reference, outcome.last_reference) == ("S-2026-000001", "S-2026-000003")
    first = signal_records.get_signal(coordinator_ctx, "S-2026-000001")
    assert first.postcode == "6463 AB" and first.focus_area == "Kerkrade Oost"
    assert first.route_target is RouteTarget.FYSIEKE_LEEFOMGEVING
    assert first.route_reason and "WO-OVL" in first.route_reason
    assert first.due_date == date(2026, 4, 29)  # 10 working days, Koningsdag skipped
    assert first.status is SignalStatus.GEROUTEERD and first.case_id is None
    second = signal_records.get_signal(coordinator_ctx, "S-2026-000002")
    assert second.category_code == "ZV-ZORG" and second.reporter is None
    assert second.organisation == "Woonstichting Voorbeeld" and second.addition == "a"
    assert second.route_target is RouteTarget.ACHTER_DE_VOORDEUR
    third = signal_records.get_signal(coordinator_ctx, "S-2026-000003")
    assert third.municipality_unknown and third.reporter == "Melder Fictief"
    assert [(h.from_status, h.to_status) for h in first.history] == [
        (None, "nieuw"),
        ("nieuw", "gerouteerd"),
    ]
    with coordinator_ctx.unit() as session:
        entries = (
            session.execute(select(AuditEntry).where(AuditEntry.action == "import")).scalars().all()
        )
    assert [(e.object_id, e.purpose, e.outcome) for e in entries] == [
        ("S-2026-000001..S-2026-000003", "aantal: 3; afgekeurd: 0", "ok")
    ]


def test_linking_on_import_is_conservative(coordinator_ctx: ServiceContext) -> None:
    open_case = sv.register_signal(
        coordinator_ctx,
        SignalInput(
            received_at=datetime(2026, 4, 1, 9, 0),
            source="politie",
            category="WO-OVL",
            postcode="6463AB",
            house_number=12,
            description="Eerder signaal",
        ),
        NEW_CASE,
    )
    outcome = imports.import_signals(coordinator_ctx, csv_bytes(*GOOD), skip_invalid=False)
    assert outcome.linked == 1
    linked = signal_records.get_signal(coordinator_ctx, "S-2026-000002")
    assert linked.case_id == open_case.case_id and linked.status is SignalStatus.GEKOPPELD
    assert "C-2026-00001" in (linked.history[-1].reason or "")
    # Another address (even the same postcode, another number) gets no case.
    assert signal_records.get_signal(coordinator_ctx, "S-2026-000004").case_id is None


def test_one_bad_row_and_nothing_is_imported(coordinator_ctx: ServiceContext) -> None:
    bad = "14-04-2026;politie;;WO-OVL;12AB;7;;;;Tekst;;"
    outcome = imports.import_signals(
        coordinator_ctx, csv_bytes(GOOD[0], bad, GOOD[1]), skip_invalid=False
    )
    assert outcome.imported == 0
    assert [e.line for e in outcome.errors] == [3]
    assert outcome.error_lines[0].startswith("regel 3: postcode '12AB'")
    assert count_signals(coordinator_ctx) == 0
    with coordinator_ctx.unit() as session:
        assert session.execute(select(func.count()).select_from(StatusChange)).scalar_one() == 0
        refused = session.execute(
            select(AuditEntry).where(AuditEntry.action == "import")
        ).scalar_one()
    assert refused.outcome == "invalid"
    # Nothing was numbered either: the next signal still gets the first reference.
    imports.import_signals(coordinator_ctx, csv_bytes(GOOD[0]), skip_invalid=False)
    assert signal_records.get_signal(coordinator_ctx, "S-2026-000001").postcode == "6463 AB"


def test_skip_invalid_imports_the_good_rows_and_returns_rejects(
    coordinator_ctx: ServiceContext,
) -> None:
    bad = "14-04-2026;politie;;WO-OVL;6463AB;7;;;;;;"
    outcome = imports.import_signals(
        coordinator_ctx, csv_bytes(GOOD[0], bad, GOOD[1]), skip_invalid=True
    )
    assert outcome.imported == 2
    assert [e.line for e in outcome.errors] == [3]
    assert outcome.rejects_csv is not None
    rejects = list(csv.reader(io.StringIO(outcome.rejects_csv), delimiter=";"))
    assert rejects[0][-1] == "fout" and rejects[1][-1] == "omschrijving is leeg"
    assert rejects[1][4] == "6463AB"
    assert count_signals(coordinator_ctx) == 2


def test_each_kind_of_bad_row_is_named_with_its_line(coordinator_ctx: ServiceContext) -> None:
    rows = [
        GOOD[0],  # line 2
        "15-04-2026 10:01;politie;;WO-OVL;6463AB;1;;;;Toekomst;;",  # 3 future
        "14-04-2026;politie;;GEEN-CAT;6463AB;1;;;;Onbekende categorie;;",  # 4
        "14-04-2026;politie;;WO-OVL;64634AB;1;;;;Postcode fout;;",  # 5
        "14-04-2026;politie;;WO-OVL;6463AB;1;;;;;;",  # 6 empty description
        "14-04-2026;politie;;WO-OVL;6463AB;1;;;;" + "x" * 4001 + ";;",  # 7 too long
        "14-04-2026;politie;;WO-OVL;6463AB;12a;;;;Huisnummer;;",  # 8
        "14-04-2026;buurman;;WO-OVL;6463AB;1;;;;Bron;;",  # 9
        "14-04-2026;politie;;WO-OVL;6463AB;1;;;;Urgentie;spoed;",  # 10
        "31-02-2026;politie;;WO-OVL;6463AB;1;;;;Datum;;",  # 11
    ]
    outcome = imports.import_signals(coordinator_ctx, csv_bytes(*rows), skip_invalid=False)
    assert outcome.imported == 0
    by_line = {e.line: e.reason for e in outcome.errors}
    assert sorted(by_line) == list(range(3, 12))
    assert "toekomst" in by_line[3]
    assert "categorie 'GEEN-CAT'" in by_line[4]
    assert "postcode '64634AB'" in by_line[5]
    assert by_line[6] == "omschrijving is leeg"
    assert "te lang: 4001 tekens" in by_line[7]
    assert "huisnummer '12a'" in by_line[8]
    assert "bron 'buurman'" in by_line[9]
    assert "urgentie 'spoed'" in by_line[10]
    assert "datum '31-02-2026'" in by_line[11]
    assert [line.split(":")[0] for line in outcome.error_lines] == [
        f"regel {n}" for n in range(3, 12)
    ]
    assert count_signals(coordinator_ctx) == 0


def test_file_level_problems_raise(coordinator_ctx: ServiceContext) -> None:
    with pytest.raises(ValidationError) as err:
        imports.import_signals(
            coordinator_ctx, b"datum;bron\n14-04-2026;politie\n", skip_invalid=False
        )
    assert "ontbreken" in err.value.message
    latin = csv_bytes("14-04-2026;politie;;WO-OVL;6463AB;1;;;;Café;;").replace(
        "é".encode(), b"\xe9"
    )
    with pytest.raises(ValidationError) as err:
        imports.import_signals(coordinator_ctx, latin, skip_invalid=True)
    assert "UTF-8" in err.value.message
    assert count_signals(coordinator_ctx) == 0


def test_import_roles(make_actor: ActorFactory, admin_ctx: ServiceContext) -> None:
    for role in (Role.WIJKAGENT, Role.MANAGER):
        with pytest.raises(AccessDenied):
            imports.import_signals(make_actor(role), csv_bytes(*GOOD), skip_invalid=False)
    assert imports.import_signals(admin_ctx, csv_bytes(*GOOD), skip_invalid=False).imported == 3


def test_a_bulk_import_numbers_every_row(coordinator_ctx: ServiceContext) -> None:
    rows = [
        f"{1 + n % 28:02d}-03-2026 {n % 24:02d}:{n % 60:02d};gemeente;;WO-VER;"
        f"64{31 + n % 3}AB;{1 + n % 300};;Proefweg;Hoensbroek;Zwerfvuil nummer {n};;"
        for n in range(2000)
    ]
    outcome = imports.import_signals(coordinator_ctx, csv_bytes(*rows), skip_invalid=False)
    assert outcome.imported == 2000
    assert outcome.last_reference == "S-2026-002000"
    with coordinator_ctx.unit() as session:
        refs = session.execute(select(Signal.reference).order_by(Signal.reference)).scalars().all()
        history = session.execute(select(func.count()).select_from(StatusChange)).scalar_one()
    assert refs == [f"S-2026-{n:06d}" for n in range(1, 2001)]
    assert history == 4000
    found = signal_records.get_signal(coordinator_ctx, "S-2026-001235")
    assert found.description == "Zwerfvuil nummer 1234"


def test_imported_marker_is_not_in_any_file_of_the_store(
    coordinator_ctx: ServiceContext, store_dir: Path
) -> None:
    marker = "MERKTEKEN" + uuid.uuid4().hex.upper()
    row = (
        f"14-04-2026 09:30;politie;{marker};WO-OVL;6463AB;12;;{marker}straat;Kerkrade;"
        f"Omschrijving {marker} fictief;normaal;{marker}"
    )
    outcome = imports.import_signals(coordinator_ctx, csv_bytes(row), skip_invalid=False)
    assert outcome.imported == 1
    # The marker is in the store (readable through the key) ...
    found = signal_records.get_signal(coordinator_ctx, "S-2026-000001")
    assert marker in found.description

    def scan() -> list[str]:
        hits = []
        needles = [marker.encode("utf-8"), marker.encode("utf-16-le"), marker.lower().encode()]
        for path in sorted(store_dir.rglob("*")):
            if path.is_file():
                data = path.read_bytes()
                if any(n in data for n in needles):
                    hits.append(path.name)
        return hits

    # ... but not in any file, neither while open (WAL) nor after locking.
    assert (store_dir / "sociaalveilig.db-wal").exists()
    assert scan() == []
    coordinator_ctx.store.close()
    assert scan() == []
    names = {p.name for p in store_dir.iterdir()}
    assert {"sociaalveilig.db", "keyslots.json"} <= names
    assert not (store_dir / "sociaalveilig.db").read_bytes().startswith(b"SQLite format 3")


def test_export_imports_again_cleanly(coordinator_ctx: ServiceContext) -> None:
    tricky = (
        '12-04-2026 08:05;zorg;;OP-VERWARD;6361AA;9;bis;"Straat; met puntkomma";Nuth;'
        '"Regel een\r\nregel twee met ""aanhalingstekens"" en ; puntkomma";acuut;'
    )
    imports.import_signals(coordinator_ctx, csv_bytes(*GOOD, tricky), skip_invalid=False)
    text, count = exports.export_signals(coordinator_ctx)
    assert count == 4
    first = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert list(first[0].keys()) == list(exports.SIGNAL_COLUMNS)
    assert {r["id"] for r in first} == {f"S-2026-00000{n}" for n in range(1, 5)}
    assert all(r["status"] == "gerouteerd" for r in first)

    again = imports.import_signals(coordinator_ctx, text.encode("utf-8"), skip_invalid=False)
    assert again.errors == [] and again.imported == 4
    text2, count2 = exports.export_signals(coordinator_ctx)
    assert count2 == 8
    rows = list(csv.DictReader(io.StringIO(text2), delimiter=";"))
    by_ref = {r["id"]: r for r in rows}
    columns = [c for c in exports.SIGNAL_COLUMNS if c not in ("id", "casus", "status")]
    # The copies were numbered in the order of the first export.
    originals = first
    copies = sorted(
        (r for r in rows if r["id"] not in {o["id"] for o in originals}), key=lambda r: r["id"]
    )
    for original, copy in zip(originals, copies, strict=True):
        assert [original[c] for c in columns] == [copy[c] for c in columns]
        assert by_ref[copy["id"]]
    assert any("regel twee" in r["omschrijving"] for r in copies)


def test_export_applies_need_to_know(
    coordinator_ctx: ServiceContext, make_actor: ActorFactory, admin_ctx: ServiceContext
) -> None:
    imports.import_signals(coordinator_ctx, csv_bytes(*GOOD), skip_invalid=False)
    sv.register_signal(
        coordinator_ctx,
        SignalInput(
            received_at=datetime(2026, 4, 2, 9, 0),
            source="politie",
            category="WO-OVL",
            postcode="6463AB",
            house_number=30,
            description="Met casus",
        ),
        NEW_CASE,
    )
    agent = make_actor(Role.WIJKAGENT, areas=["Kerkrade Oost"])
    text, count = exports.export_signals(agent)
    assert count == 2 and "Hoensbroek" not in text
    cases_text, case_count = exports.export_cases(agent)
    rows = list(csv.DictReader(io.StringIO(cases_text), delimiter=";"))
    assert case_count == 1 and rows[0]["id"] == "C-2026-00001"
    assert rows[0]["focusgebied"] == "Kerkrade Oost" and rows[0]["signalen"] == "1"
    assert list(rows[0].keys()) == list(exports.CASE_COLUMNS)
    for ctx in (admin_ctx, make_actor(Role.MANAGER)):
        with pytest.raises(AccessDenied):
            exports.export_signals(ctx)
        with pytest.raises(AccessDenied):
            exports.export_cases(ctx)
    with coordinator_ctx.unit() as session:
        logged = (
            session.execute(
                select(AuditEntry.object_type, AuditEntry.purpose).where(
                    AuditEntry.action == "export"
                )
            )
            .tuples()
            .all()
        )
    assert sorted(logged) == [("case_list", "aantal: 1"), ("signal_list", "aantal: 2")]


@pytest.mark.desk_store
def test_the_file_is_parsed_before_the_write_lock_is_taken(
    coordinator_ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the CSV is parsed, another desk can still write (BEGIN IMMEDIATE succeeds at
    once); the import itself then writes everything in one transaction."""
    from sociaalveilig.core import csvimport
    from sociaalveilig.storage.sqlite.engine import connect_keyed
    from sociaalveilig.storage.sqlite.store import DB_FILENAME

    real_parse = csvimport.parse_signal_csv
    others_wrote: list[bool] = []

    def parse_while_another_writes(*args: object, **kwargs: object) -> object:
        store = coordinator_ctx.store
        conn = connect_keyed(store.folder / DB_FILENAME, store.data_key())  # another desk
        try:
            conn.execute("PRAGMA busy_timeout = 100")
            conn.execute("BEGIN IMMEDIATE")  # 'database is locked' if the import held it
            conn.execute("ROLLBACK")
            others_wrote.append(True)
        finally:
            conn.close()
        return real_parse(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(csvimport, "parse_signal_csv", parse_while_another_writes)
    outcome = imports.import_signals(coordinator_ctx, csv_bytes(*GOOD), skip_invalid=False)
    assert others_wrote == [True]
    assert outcome.imported == 3 and count_signals(coordinator_ctx) == 3


def test_a_meldcode_signal_is_raised_to_hoog_on_import(coordinator_ctx: ServiceContext) -> None:
    """The Meldcode asks at least 'hoog' for a suspicion of domestic violence or child abuse;
    a file that says 'normaal' does not lower that (before, it was stored as 'normaal')."""
    rows = [
        "14-04-2026 09:30;politie;;ZV-HG;6463 ab;12;;Fictiefstraat;Kerkrade;Geschreeuw;normaal;",
        "14-04-2026 09:40;politie;;ZV-HG;6463 ab;14;;Fictiefstraat;Kerkrade;Ruzie;acuut;",
    ]
    outcome = imports.import_signals(coordinator_ctx, csv_bytes(*rows), skip_invalid=False)
    assert outcome.imported == 2
    raised = signal_records.get_signal(coordinator_ctx, "S-2026-000001")
    assert raised.urgency.value == "hoog"
    kept = signal_records.get_signal(coordinator_ctx, "S-2026-000002")
    assert kept.urgency.value == "acuut"
    with coordinator_ctx.unit() as session:
        reasons = list(
            session.execute(
                select(StatusChange.reason)
                .join(Signal, Signal.id == StatusChange.object_id)
                .where(Signal.reference == "S-2026-000001")
            ).scalars()
        )
    assert any(r and r.startswith("Meldcode: urgentie bij de import verhoogd") for r in reasons)
