from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, time

import pytest

from sociaalveilig.core.csvimport import (
    COLUMNS,
    ImportResult,
    RowError,
    format_errors,
    parse_signal_csv,
    rejects_csv,
)
from sociaalveilig.core.enums import Source, Urgency
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.taxonomy import DEFAULT_CATEGORIES, category_lookup

NOW = datetime(2026, 3, 10, 14, 30)
LOOKUP = category_lookup(DEFAULT_CATEGORIES)
HEADER = ";".join(COLUMNS)
GOOD = (
    "05-03-2026 09:15;politie;Politie Limburg;WO-OVL;6411ab;12;a;Akerstraat;Heerlen;"
    "Geluidsoverlast 's nachts;hoog;anoniem"
)


def parse(text: str, *, now: datetime = NOW, encoding: str = "utf-8") -> ImportResult:
    return parse_signal_csv(text.encode(encoding), LOOKUP, now)


def csv_text(*rows: str, header: str = HEADER) -> str:
    return "\r\n".join([header, *rows]) + "\r\n"


def only_error(result: ImportResult) -> RowError:
    assert len(result.errors) == 1, result.errors
    return result.errors[0]


# --- the happy path --------------------------------------------------------------------


def test_valid_row_is_typed() -> None:
    result = parse(csv_text(GOOD))
    assert result.ok and result.errors == []
    assert result.delimiter == ";"
    assert result.header == list(COLUMNS)
    (row,) = result.rows
    assert row.line == 2
    assert row.occurred_on == date(2026, 3, 5)
    assert row.occurred_time == time(9, 15)
    assert row.occurred_at == datetime(2026, 3, 5, 9, 15)
    assert row.source is Source.POLITIE
    assert row.organisation == "Politie Limburg"
    assert row.category == "WO-OVL"
    assert row.postcode == "6411 AB"
    assert row.house_number == 12
    assert row.addition == "a"
    assert row.street == "Akerstraat"
    assert row.place == "Heerlen"
    assert row.description == "Geluidsoverlast 's nachts"
    assert row.urgency is Urgency.HOOG
    assert row.reporter is None


def test_minimal_columns_defaults() -> None:
    text = "datum,bron,categorie,postcode,huisnummer,omschrijving\n" \
           "2026-03-01,Bewoner,woonoverlast,6431 BX,3,Hond blaft\n"
    result = parse(text)
    assert result.ok
    assert result.delimiter == ","
    (row,) = result.rows
    assert row.occurred_on == date(2026, 3, 1) and row.occurred_time is None
    assert row.occurred_at == datetime(2026, 3, 1)
    assert row.source is Source.BEWONER
    assert row.category == "WO-OVL"
    assert row.urgency is Urgency.NORMAAL
    assert row.reporter is None and row.addition is None and row.organisation is None


def test_header_case_spaces_and_order_do_not_matter() -> None:
    text = " Omschrijving ; HUISNUMMER;Postcode ;categorie;Bron;DATUM;Melder;extra kolom\n" \
           "Zwerfvuil;7;6462 AA;Vervuiling en verloedering;gemeente;1-3-2026;J. Jansen;x\n"
    result = parse(text)
    assert result.ok, result.errors
    row = result.rows[0]
    assert row.category == "WO-VER"
    assert row.reporter == "J. Jansen"
    assert row.occurred_on == date(2026, 3, 1)
    assert result.header[-1] == "extra kolom"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("10-03-2026", (date(2026, 3, 10), None)),
        ("2026-03-10", (date(2026, 3, 10), None)),
        ("2026-3-9", (date(2026, 3, 9), None)),
        ("9-3-2026 8:05", (date(2026, 3, 9), time(8, 5))),
        ("10-03-2026 14:30", (date(2026, 3, 10), time(14, 30))),  # exactly now
        ("2026-03-10 14:29:59", (date(2026, 3, 10), time(14, 29, 59))),
        ("29-02-2024", (date(2024, 2, 29), None)),
    ],
)
def test_date_formats(value: str, expected: tuple[date, time | None]) -> None:
    result = parse(csv_text(f"{value};bewoner;;WO-OVL;6411AB;1;;;;x;;"))
    assert result.ok, result.errors
    row = result.rows[0]
    assert (row.occurred_on, row.occurred_time) == expected


def test_urgency_and_source_any_case() -> None:
    result = parse(csv_text("01-03-2026;WONINGCORPORATIE;;zv-zorg;6411AB;1;;;;x;AcUuT;Piet"))
    assert result.ok
    row = result.rows[0]
    assert row.source is Source.WONINGCORPORATIE
    assert row.urgency is Urgency.ACUUT
    assert row.category == "ZV-ZORG"
    assert row.reporter == "Piet"


@pytest.mark.parametrize("reporter", ["", "  ", "anoniem", "Anoniem", " ANONIEM "])
def test_anonymous_reporter(reporter: str) -> None:
    result = parse(csv_text(f"01-03-2026;bewoner;;WO-OVL;6411AB;1;;;;x;;{reporter}"))
    assert result.rows[0].reporter is None


def test_aware_now_is_converted() -> None:
    # whatever the local time zone, 12:00 UTC on 10 March is still 9-11 March locally
    aware = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    past = parse(csv_text("09-03-2026;bewoner;;WO-OVL;6411AB;1;;;;x;;"), now=aware)
    assert past.ok
    future = parse(csv_text("12-03-2026;bewoner;;WO-OVL;6411AB;1;;;;x;;"), now=aware)
    assert "toekomst" in only_error(future).reason


# --- file-level problems: one ValidationError -------------------------------------------


def test_not_utf8() -> None:
    text = csv_text(GOOD.replace("Akerstraat", "Caféstraat"))
    with pytest.raises(ValidationError) as info:
        parse(text, encoding="latin-1")
    assert info.value.message.startswith("Het bestand is geen UTF-8: ")
    assert "regel 2" in info.value.message
    assert "0xE9" in info.value.message
    assert info.value.exit_code == 4


def test_utf16_is_not_utf8() -> None:
    with pytest.raises(ValidationError, match="geen UTF-8"):
        parse_signal_csv(csv_text(GOOD).encode("utf-16"), LOOKUP, NOW)


def test_bom_is_accepted() -> None:
    data = b"\xef\xbb\xbf" + csv_text(GOOD).encode()
    result = parse_signal_csv(data, LOOKUP, NOW)
    assert result.ok
    assert result.header[0] == "datum"
    assert result.rows[0].line == 2


def test_missing_required_columns_are_named() -> None:
    header = "datum;bron;organisatie;categorie;huisnummer;straat"
    with pytest.raises(ValidationError) as info:
        parse(csv_text("01-03-2026;bewoner;;WO-OVL;1;x", header=header))
    message = info.value.message
    assert "ontbreken" in message
    missing_part = message.split(":")[1].split(".")[0]
    assert missing_part.strip() == "postcode, omschrijving"
    assert info.value.field == "kopregel"


def test_header_without_delimiter() -> None:
    with pytest.raises(ValidationError, match="scheidingsteken"):
        parse("datum\tbron\tcategorie\n")


@pytest.mark.parametrize("data", [b"", b"   \r\n\r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n"])
def test_empty_file(data: bytes) -> None:
    with pytest.raises(ValidationError, match="leeg"):
        parse_signal_csv(data, LOOKUP, NOW)


def test_duplicate_column() -> None:
    with pytest.raises(ValidationError, match="'postcode' staat meer dan eens"):
        parse(csv_text(header=HEADER + ";Postcode"))


def test_duplicate_column_message_is_one_line() -> None:
    with pytest.raises(ValidationError) as info:
        parse(csv_text(header=HEADER + ';"Post\ncode";"post\ncode"'))
    assert "'post code' staat meer dan eens" in info.value.message
    assert "\n" not in info.value.message


def test_nul_bytes() -> None:
    with pytest.raises(ValidationError, match="NUL") as info:
        parse_signal_csv(csv_text(GOOD).encode().replace(b"Akerstraat", b"Aker\x00"), LOOKUP, NOW)
    assert "regel 2" in info.value.message


def test_unclosed_quote_names_the_line() -> None:
    text = csv_text(GOOD, '01-03-2026;bewoner;;WO-OVL;6411AB;1;;;;"open quote;;', GOOD)
    with pytest.raises(ValidationError) as info:
        parse(text)
    assert info.value.message.startswith("Regel 3: de CSV-opmaak klopt niet")
    assert "aanhalingsteken" in info.value.message


def test_huge_field() -> None:
    text = csv_text(GOOD, "01-03-2026;bewoner;;WO-OVL;6411AB;1;;;;" + "x" * 200_000 + ";;")
    with pytest.raises(ValidationError, match=r"Regel 3: .*langer dan"):
        parse(text)


def test_header_only_gives_empty_result() -> None:
    result = parse(csv_text())
    assert result.rows == [] and result.errors == [] and result.ok


# --- row problems: line number and reason ---------------------------------------------------


def row_with(**changes: str) -> str:
    values = dict(zip(COLUMNS, GOOD.split(";"), strict=True))
    values.update(changes)
    return ";".join(values[c] for c in COLUMNS)


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"datum": "11-03-2026"}, "datum '11-03-2026' ligt in de toekomst"),
        ({"datum": "10-03-2026 14:31"}, "datum '10-03-2026 14:31' ligt in de toekomst"),
        ({"datum": "31-02-2026"}, "datum '31-02-2026' is geen geldige datum"),
        ({"datum": "03/05/2026"}, "datum '03/05/2026' is geen geldige datum"),
        ({"datum": "05-03-2026 25:00"}, "datum '05-03-2026 25:00' is geen geldige datum"),
        ({"datum": "01-01-0999"}, "datum '01-01-0999' ligt vóór 1900"),
        ({"datum": ""}, "datum ontbreekt"),
        ({"bron": "facebook"}, "bron 'facebook' is onbekend; kies uit politie, woningcorporatie"),
        ({"bron": ""}, "bron ontbreekt"),
        ({"categorie": "Lawaai"}, "categorie 'Lawaai' is onbekend"),
        ({"categorie": ""}, "categorie ontbreekt"),
        ({"postcode": "12AB"}, "postcode '12AB' is geen geldige Nederlandse postcode"),
        ({"postcode": "6411 SS"}, "postcode '6411 SS' is geen geldige Nederlandse postcode"),
        ({"postcode": ""}, "postcode ontbreekt"),
        ({"huisnummer": "0"}, "huisnummer '0' is geen positief geheel getal"),
        ({"huisnummer": "-3"}, "huisnummer '-3' is geen positief geheel getal"),
        ({"huisnummer": "12a"}, "huisnummer '12a' is geen positief geheel getal"),
        ({"huisnummer": "1.5"}, "huisnummer '1.5' is geen positief geheel getal"),
        ({"huisnummer": ""}, "huisnummer ontbreekt"),
        ({"toevoeging": "a/b"}, "toevoeging 'a/b' mag alleen letters en cijfers bevatten"),
        ({"toevoeging": "abcdefg"}, "toevoeging 'abcdefg' mag alleen letters en cijfers"),
        ({"omschrijving": ""}, "omschrijving is leeg"),
        ({"omschrijving": "   "}, "omschrijving is leeg"),
        ({"omschrijving": "x" * 4001}, "omschrijving is te lang: 4001 tekens, hoogstens 4000"),
        (
            {"urgentie": "spoed"},
            "urgentie 'spoed' is onbekend; kies uit laag, normaal, hoog, acuut",
        ),
        ({"melder": "m" * 161}, "melder is te lang: 161 tekens, hoogstens 160"),
    ],
)
def test_bad_row_reason_and_line(changes: dict[str, str], reason: str) -> None:
    text = csv_text(GOOD, GOOD, row_with(**changes), GOOD)
    result = parse(text)
    error = only_error(result)
    assert error.line == 4
    assert error.reason.startswith(reason), error.reason
    assert [row.line for row in result.rows] == [2, 3, 5]
    assert error.raw["bron"] == row_with(**changes).split(";")[1]


def test_description_of_exactly_4000_is_fine() -> None:
    result = parse(csv_text(row_with(omschrijving="y" * 4000)))
    assert result.ok
    assert len(result.rows[0].description) == 4000


def test_several_problems_in_one_row_are_all_named() -> None:
    result = parse(csv_text(row_with(postcode="12AB", categorie="Lawaai", omschrijving="")))
    reason = only_error(result).reason
    assert reason == (
        "categorie 'Lawaai' is onbekend; gebruik een code of naam uit de categorielijst "
        "(bijvoorbeeld WO-OVL of Woonoverlast); postcode '12AB' is geen geldige Nederlandse "
        "postcode (vier cijfers en twee letters, zoals 6411 AB); omschrijving is leeg"
    )


def test_physical_line_numbers_with_blank_and_multiline_rows() -> None:
    multiline = row_with(omschrijving='"regel een\r\nregel twee\r\nregel drie"')
    text = csv_text(
        GOOD,             # line 2
        "",               # line 3 blank
        multiline,        # lines 4-6
        ";;;;;;;;;;;",    # line 7 empty fields (Excel leftovers)
        row_with(postcode="12AB"),  # line 8
    )
    result = parse(text)
    assert [row.line for row in result.rows] == [2, 4]
    assert result.rows[1].description == "regel een\r\nregel twee\r\nregel drie"
    assert only_error(result).line == 8


def test_too_many_fields() -> None:
    text = csv_text(GOOD + ";onverwacht", GOOD + ";;")
    result = parse(text)
    error = only_error(result)
    assert error.line == 2
    assert "meer velden (13) dan de kopregel (12)" in error.reason
    assert result.rows[0].line == 3


def test_too_few_fields_are_empty() -> None:
    result = parse(csv_text("01-03-2026;bewoner;;WO-OVL;6411AB;1"))
    assert only_error(result).reason == "omschrijving is leeg"


def test_comma_delimiter_with_quoted_commas() -> None:
    header = ",".join(COLUMNS)
    row = '2026-03-01,zorg,,ZV-SCHULD,6371 AA,4,,,,"Huurachterstand, drie maanden",,'
    bad = '2026-03-01,zorg,,ZV-SCHULD,6371 AA,4,,,,Huurachterstand, drie maanden,,'
    result = parse(csv_text(row, bad, header=header))
    assert result.delimiter == ","
    assert result.rows[0].description == "Huurachterstand, drie maanden"
    error = only_error(result)
    assert error.line == 3
    assert "staat er een ',' in een tekst zonder aanhalingstekens?" in error.reason


def test_semicolon_header_with_commas_in_names_is_semicolon() -> None:
    assert parse(csv_text(GOOD)).delimiter == ";"


# --- rejects and messages ------------------------------------------------------------------


def test_format_errors() -> None:
    result = parse(csv_text(GOOD, row_with(postcode="12AB"), row_with(bron="x"), row_with(bron="")))
    lines = format_errors(result.errors)
    assert lines[0].startswith("regel 3: postcode '12AB' is geen geldige Nederlandse postcode")
    assert lines[1].startswith("regel 4: bron 'x' is onbekend")
    assert lines[2] == "regel 5: bron ontbreekt"
    limited = format_errors(result.errors, limit=1)
    assert len(limited) == 2
    assert limited[1] == "… en nog 2 regel(s) met fouten"
    assert format_errors(result.errors, limit=5) == lines


def test_rejects_csv_round_trip() -> None:
    bad = row_with(postcode="12AB")
    result = parse(csv_text(GOOD, bad))
    out = rejects_csv(result)
    records = list(csv.reader(io.StringIO(out, newline=""), delimiter=";"))
    assert records[0] == [*COLUMNS, "fout"]
    assert records[1][:-1] == bad.split(";")
    assert records[1][-1].startswith("postcode '12AB'")
    assert len(records) == 2
    # fix the row in the rejects file and import it again: the fout column is ignored
    fixed = out.replace("12AB", "6411 AB")
    again = parse(fixed)
    assert again.ok and again.rows[0].postcode == "6411 AB"
    # re-rejecting does not add a second fout column
    again_bad = parse(out)
    assert rejects_csv(again_bad).splitlines()[0] == ";".join([*COLUMNS, "fout"])


def test_rejects_csv_keeps_comma_delimiter_and_quotes() -> None:
    header = "datum,bron,categorie,postcode,huisnummer,omschrijving"
    result = parse(csv_text('2026-03-01,zorg,ZV-ZORG,1,1,"a, b"', header=header))
    out = rejects_csv(result)
    records = list(csv.reader(io.StringIO(out, newline="")))
    assert records[0] == [*header.split(","), "fout"]
    assert records[1][5] == "a, b"
