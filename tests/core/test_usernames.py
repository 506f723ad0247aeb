"""User names: normalised (NFKC, case-folded, trimmed) and refused when they imitate
Latin letters or another user's name."""

from __future__ import annotations

import pytest

from sociaalveilig.core.errors import ValidationError
from sociaalveilig.core.usernames import check_new_user_name, lookalike_problem, skeleton
from sociaalveilig.services import users
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage.keyslots import normalise_user_name

PASS = "rivier lamp wolk gebruiker"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Beheer", "beheer"),
        ("  beheer\t", "beheer"),
        ("ｂｅｈｅｅｒ", "beheer"),  # full-width letters
        ("ANNA.de-Vries", "anna.de-vries"),
        ("José", "josé"),
        ("Jose\u0301", "josé"),  # e + combining accent
    ],
)
def test_names_are_normalised(typed: str, stored: str) -> None:
    assert normalise_user_name(typed) == stored


@pytest.mark.parametrize(
    "name",
    [
        "beheеr",  # Cyrillic е
        "раul",  # Cyrillic р and а
        "αnna",  # Greek alpha
        "ваня",  # all Cyrillic
        "anna٣",  # an Arabic-Indic digit
    ],
)
def test_letters_from_other_scripts_are_refused(name: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_new_user_name(normalise_user_name(name))
    assert info.value.field == "user"
    assert info.value.exit_code == 4


@pytest.mark.parametrize(
    ("name", "existing"),
    [("anne1", "annel"), ("rnarco", "marco"), ("j0hn", "john"), ("vvim", "wim")],
)
def test_a_name_that_looks_like_an_existing_one_is_refused(name: str, existing: str) -> None:
    assert skeleton(name) == skeleton(existing)
    problem = lookalike_problem(name, [existing])
    assert problem == (
        f"De gebruikersnaam lijkt te veel op die van gebruiker {existing}. Kies een naam "
        "die duidelijk anders is."
    )


@pytest.mark.parametrize("name", ["jose", "josé", "anna2", "behe3r", "anna.de-vries", "wim"])
def test_plain_names_pass(name: str) -> None:
    assert lookalike_problem(name, ["anna", "beheer", "jan"]) is None


def test_add_user_refuses_look_alikes_of_every_user(admin_ctx: ServiceContext) -> None:
    with pytest.raises(ValidationError) as info:
        users.add_user(admin_ctx, "beheеr", "coordinator", PASS)
    assert "lijkt op een gewone letter" in info.value.message
    with pytest.raises(ValidationError) as info:
        users.add_user(admin_ctx, "BEHEER", "coordinator", PASS)
    assert "bestaat al" in info.value.message
    users.add_user(admin_ctx, "marco", "coordinator", PASS)
    users.deactivate_user(admin_ctx, "marco")
    # An inactive user can be given access again: their name stays taken, look-alikes too.
    with pytest.raises(ValidationError) as info:
        users.add_user(admin_ctx, "rnarco", "coordinator", PASS)
    assert "marco" in info.value.message
    names = {u.username for u in users.list_users(admin_ctx)}
    assert "rnarco" not in names and "beheеr" not in names
