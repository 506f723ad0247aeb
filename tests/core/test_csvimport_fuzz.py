"""Whatever bytes arrive, the import answers with an ImportResult or a ValidationError."""

from __future__ import annotations

import os
from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sociaalveilig.core.csvimport import (
    COLUMNS,
    ImportResult,
    format_errors,
    parse_signal_csv,
    rejects_csv,
)
from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.taxonomy import DEFAULT_CATEGORIES, category_lookup

EXAMPLES = int(os.environ.get("SV_FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
NOW = datetime(2026, 3, 10, 12, 0)
LOOKUP = category_lookup(DEFAULT_CATEGORIES)

VALID = (
    "\ufeff" + ";".join(COLUMNS) + "\r\n"
    "05-03-2026 09:15;politie;Politie;WO-OVL;6411ab;12;a;Akerstraat;Heerlen;Overlast;hoog;\r\n"
    '2026-03-01;bewoner;;Woonoverlast;6431 BX;3;;;;"Twee\r\nregels; met ""quotes""";;anoniem\r\n'
    "01-02-2026;zorg;;ZV-HG;6462AA;7;bis;;;Zorgen;acuut;Melder\r\n"
).encode()

# Bytes that matter to a CSV parser and to UTF-8 decoding.
INTERESTING = st.sampled_from(
    [b";", b",", b'"', b"\r", b"\n", b"\r\n", b"\x00", b"\xef\xbb\xbf", b"\xff", b"\xc3",
     b"\xe9", b" ", b"-", b":", b"0", b"9", b"a", b"Z", "é".encode(), "\u2028".encode()]
)


def check(data: bytes) -> None:
    try:
        result = parse_signal_csv(data, LOOKUP, NOW)
    except ValidationError as error:
        assert error.message and "\n" not in error.message and "\r" not in error.message
        return
    assert isinstance(result, ImportResult)
    assert result.delimiter in (";", ",")
    lines = [row.line for row in result.rows] + [error.line for error in result.errors]
    assert all(line >= 2 for line in lines)
    assert len(set(lines)) == len(lines)
    assert all(error.reason for error in result.errors)
    assert not any("\n" in error.reason or "\r" in error.reason for error in result.errors)
    for row in result.rows:
        assert row.occurred_on <= NOW.date()
        assert row.house_number > 0
        assert 0 < len(row.description) <= 4000
    # the outputs for the user work on whatever was parsed
    rejects_csv(result)
    format_errors(result.errors, limit=3)


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    check(data)


@FUZZ
@given(st.lists(INTERESTING, max_size=200).map(b"".join))
def test_random_interesting_bytes(data: bytes) -> None:
    check(data)


@FUZZ
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["insert", "delete", "replace"]),
            st.integers(min_value=0, max_value=len(VALID)),
            st.one_of(INTERESTING, st.binary(min_size=1, max_size=4)),
        ),
        max_size=8,
    )
)
def test_mutations_of_a_valid_file(edits: list[tuple[str, int, bytes]]) -> None:
    data = bytearray(VALID)
    for op, position, chunk in edits:
        position = min(position, len(data))
        if op == "insert":
            data[position:position] = chunk
        elif op == "delete":
            del data[position:position + len(chunk)]
        else:
            data[position:position + len(chunk)] = chunk
    check(bytes(data))


@FUZZ
@given(st.text(max_size=300), st.sampled_from(COLUMNS))
def test_any_text_in_any_field(value: str, column: str) -> None:
    values = {name: "" for name in COLUMNS}
    values.update(
        datum="01-03-2026", bron="bewoner", categorie="WO-OVL", postcode="6411AB",
        huisnummer="1", omschrijving="x",
    )
    values[column] = '"' + value.replace('"', '""') + '"'
    text = ";".join(COLUMNS) + "\n" + ";".join(values[name] for name in COLUMNS) + "\n"
    check(text.encode("utf-8", "surrogatepass"))


def test_valid_file_parses() -> None:
    result = parse_signal_csv(VALID, LOOKUP, NOW)
    assert result.ok, result.errors
    assert [row.line for row in result.rows] == [2, 3, 5]
