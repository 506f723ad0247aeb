"""Reference data for Beheer: focus areas, categories with handling terms, postcode table."""

from __future__ import annotations

import pytest

from sociaalveilig.core.enums import MeetingType, Role
from sociaalveilig.core.errors import AccessDenied, NotFound, ValidationError
from sociaalveilig.services import reference_data as ref
from sociaalveilig.services.reference_data import CategoryInput


def test_focus_areas_for_every_role(make_actor) -> None:
    partner = make_actor(Role.PARTNER, partner="Woningcorporatie")
    areas = ref.list_focus_areas(partner)
    assert len(areas) == 8
    kerkrade = next(a for a in areas if a.name == "Kerkrade Oost")
    assert kerkrade.municipality == "Kerkrade" and kerkrade.residents == 18_000


def test_change_term_and_add_category(admin_ctx) -> None:
    before = {c.code: c for c in ref.list_categories(admin_ctx)}
    assert before["ZV-HG"].term_days == 1 and before["ZV-HG"].meeting is MeetingType.AV
    changed = ref.save_category(
        admin_ctx,
        CategoryInput(
            code="wo-ovl", name="Woonoverlast", main_category="Woonomgeving",
            meeting="FL", term_days=7,
        ),
    )
    assert changed.code == "WO-OVL" and changed.term_days == 7
    added = ref.save_category(
        admin_ctx,
        CategoryInput(
            code="VE-VUUR", name="Vuurwerkoverlast", main_category="Veiligheid",
            meeting=MeetingType.FL, term_days=3,
        ),
    )
    assert added.active
    codes = [c.code for c in ref.list_categories(admin_ctx)]
    assert "VE-VUUR" in codes and len(codes) == len(before) + 1
    ref.save_category(
        admin_ctx,
        CategoryInput(
            code="VE-VUUR", name="Vuurwerkoverlast", main_category="Veiligheid",
            meeting="FL", term_days=3, active=False,
        ),
    )
    assert "VE-VUUR" not in [c.code for c in ref.list_categories(admin_ctx)]
    assert "VE-VUUR" in [c.code for c in ref.list_categories(admin_ctx, include_inactive=True)]


@pytest.mark.parametrize(
    ("code", "name", "term", "field"),
    [
        ("wo ovl", "X", 5, "code"),
        ("WO-OVL", "  ", 5, "naam"),
        ("WO-OVL", "Woonoverlast", 0, "termijn"),
        ("WO-NIEUW", "Drugsoverlast", 5, "naam"),  # the name of another category
    ],
)
def test_bad_category_refused(admin_ctx, code, name, term, field) -> None:
    with pytest.raises(ValidationError) as info:
        ref.save_category(
            admin_ctx,
            CategoryInput(code=code, name=name, main_category="Woonomgeving", meeting="FL",
                          term_days=term),
        )
    assert info.value.field == field
    assert ref.list_categories(admin_ctx)[0].term_days > 0  # nothing changed


def test_only_beheerder_changes_categories(coordinator_ctx) -> None:
    with pytest.raises(AccessDenied):
        ref.save_category(
            coordinator_ctx,
            CategoryInput(code="WO-OVL", name="Woonoverlast", main_category="Woonomgeving",
                          meeting="FL", term_days=3),
        )


def test_postcode_table_edit(admin_ctx) -> None:
    table = {p.code: p for p in ref.list_postcodes(admin_ctx)}
    assert table["6462"].focus_area == "Kerkrade Oost"
    assert table["6460"].focus_area is None
    pc6 = ref.set_postcode(admin_ctx, "6460ab", "Kerkrade", "kerkrade")
    assert pc6.code == "6460 AB" and pc6.focus_area == "Kerkrade Oost" and pc6.is_pc6
    assert {p.code for p in ref.list_postcodes(admin_ctx)} >= {"6460", "6460 AB"}
    ref.remove_postcode(admin_ctx, "6460 AB")
    assert "6460 AB" not in {p.code for p in ref.list_postcodes(admin_ctx)}
    with pytest.raises(NotFound):
        ref.remove_postcode(admin_ctx, "6460 AB")


def test_postcode_area_must_lie_in_municipality(admin_ctx) -> None:
    with pytest.raises(ValidationError) as info:
        ref.set_postcode(admin_ctx, "6411", "Heerlen", "Kerkrade Oost")
    assert info.value.field == "focusgebied"
    with pytest.raises(ValidationError) as info:
        ref.set_postcode(admin_ctx, "6411", "Maastricht", None)
    assert info.value.field == "gemeente"
    with pytest.raises(ValidationError) as info:
        ref.set_postcode(admin_ctx, "64", "Heerlen", None)
    assert info.value.field == "postcode"
