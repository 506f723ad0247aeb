from __future__ import annotations

import pytest

from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.postcode import (
    DEFAULT_MUNICIPALITIES,
    FOCUS_AREAS,
    default_pc4_table,
    is_valid_postcode,
    match_focus_area,
    normalise_postcode,
    pc4,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6411ab", "6411 AB"),
        (" 6411 AB ", "6411 AB"),
        ("6411AB", "6411 AB"),
        ("6411  aB", "6411 AB"),
        ("6 4 1 1 a b", "6411 AB"),
        ("6431\tBX", "6431 BX"),
        ("9999 ZZ", "9999 ZZ"),
        ("1000 AA", "1000 AA"),
    ],
)
def test_normalise_accepts_any_case_and_spacing(text: str, expected: str) -> None:
    assert normalise_postcode(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "12AB",
        "0411 AB",
        "6411",
        "6411 A",
        "6411 ABC",
        "64111 AB",
        "6411 SA",
        "6411 sd",
        "6411ss",
        "6411-AB",
        "AB 6411",
        "6411 Å B",
        "٦٤١١ AB",  # Arabic-Indic digits are digits to Python, not in a postcode
    ],
)
def test_normalise_refuses_non_postcodes(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalise_postcode(text)
    assert info.value.field == "postcode"
    assert "geen geldige Nederlandse postcode" in info.value.message
    assert not is_valid_postcode(text)


def test_message_quotes_the_input() -> None:
    with pytest.raises(ValidationError, match="'12AB'"):
        normalise_postcode(" 12AB ")


def test_pc4() -> None:
    assert pc4("6411 AB") == 6411
    assert pc4("6431bx") == 6431
    with pytest.raises(ValidationError):
        pc4("nonsense")


def test_municipalities_and_focus_areas_from_domain() -> None:
    assert set(DEFAULT_MUNICIPALITIES) == {
        "Beekdaelen", "Brunssum", "Heerlen", "Kerkrade", "Landgraaf", "Simpelveld", "Voerendaal",
    }
    assert len(FOCUS_AREAS) == 8
    assert sum(area.residents for area in FOCUS_AREAS) == 112_000
    by_name = {area.name: area for area in FOCUS_AREAS}
    assert by_name["Heerlen Noord (incl. Hoensbroek)"].residents == 56_000
    assert by_name["Ubachsberg"].municipality == "Voerendaal"
    assert all(area.municipality in DEFAULT_MUNICIPALITIES for area in FOCUS_AREAS)


def test_default_pc4_table_matches_design() -> None:
    table = default_pc4_table()
    expected: dict[str, set[int]] = {
        "Heerlen": set(range(6411, 6423)) | {6431, 6432, 6433},
        "Kerkrade": set(range(6460, 6472)),
        "Brunssum": set(range(6441, 6447)),
        "Landgraaf": {6371, 6372, 6373, 6374},
        "Simpelveld": {6351, 6369},
        "Voerendaal": {6343, 6367},
        "Beekdaelen": {6333, 6336, 6361, 6362, 6363, 6436, 6437, 6438, 6439, 6440, 6447, 6451},
    }
    got: dict[str, set[int]] = {}
    for number, (municipality, _) in table.items():
        got.setdefault(municipality, set()).add(number)
    assert got == expected
    assert 6423 not in table and 6430 not in table  # outside the table: municipality unknown


def test_default_focus_areas() -> None:
    table = default_pc4_table()
    assert table[6431] == ("Heerlen", "Heerlen Noord (incl. Hoensbroek)")
    assert table[6411] == ("Heerlen", None)  # city centre is not a focus area
    assert table[6443] == ("Brunssum", "Brunssum Noord/Oost")
    assert table[6441] == ("Brunssum", None)
    assert table[6464][1] == "Kerkrade Oost"
    assert table[6371][1] == "Stedelijk lint Schaesberg – Oud Nieuwenhagen – Lauradorp"
    assert table[6374] == ("Landgraaf", None)
    assert table[6361] == ("Beekdaelen", "Nuth")
    assert table[6451] == ("Beekdaelen", "Schinveld")
    assert table[6369] == ("Simpelveld", "Kern Simpelveld")
    assert table[6367] == ("Voerendaal", "Ubachsberg")
    assert table[6343] == ("Voerendaal", None)
    # every focus area has at least one PC4, in its own municipality
    areas = {area.name: area.municipality for area in FOCUS_AREAS}
    assigned = {area for _, area in table.values() if area is not None}
    assert assigned == set(areas)
    for municipality, area in table.values():
        if area is not None:
            assert areas[area] == municipality


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("heerlen noord", "Heerlen Noord (incl. Hoensbroek)"),
        ("HEERLEN", "Heerlen Noord (incl. Hoensbroek)"),
        ("kerkrade", "Kerkrade Oost"),
        ("  Kerkrade   Oost ", "Kerkrade Oost"),
        ("nuth", "Nuth"),
        ("stedelijk lint", "Stedelijk lint Schaesberg – Oud Nieuwenhagen – Lauradorp"),
        (
            "stedelijk lint schaesberg - oud",  # typed hyphen for the en dash
            "Stedelijk lint Schaesberg – Oud Nieuwenhagen – Lauradorp",
        ),
        ("Brunssum Noord/Oost", "Brunssum Noord/Oost"),
        ("u", "Ubachsberg"),
    ],
)
def test_match_focus_area(text: str, expected: str) -> None:
    assert match_focus_area(text) == expected


def test_match_focus_area_ambiguous_lists_candidates() -> None:
    # "Schinveld" and "Stedelijk lint ..." both start with "s"
    with pytest.raises(ValidationError) as info:
        match_focus_area("s")
    assert info.value.field == "focusgebied"
    assert "niet eenduidig" in info.value.message
    assert "Schinveld" in info.value.message and "Stedelijk lint" in info.value.message
    assert "Nuth" not in info.value.message


@pytest.mark.parametrize("text", ["", "  ", "Maastricht", "noord", "heerlen zuid"])
def test_match_focus_area_unknown_lists_all(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        match_focus_area(text)
    assert "Onbekend focusgebied" in info.value.message
    for area in FOCUS_AREAS:
        assert area.name in info.value.message


def test_exact_name_wins_over_longer_names() -> None:
    names = ["Nuth", "Nuth Oost", "Heerlen"]
    assert match_focus_area("nuth", names) == "Nuth"
    assert match_focus_area("nuth o", names) == "Nuth Oost"
    with pytest.raises(ValidationError):
        match_focus_area("nu", names)
