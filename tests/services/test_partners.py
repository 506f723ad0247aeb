from __future__ import annotations

import pytest

from sociaalveilig.core.enums import Role, Source
from sociaalveilig.core.errors import AccessDenied, ValidationError
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.partners import (
    add_partner,
    deactivate_partner,
    list_partners,
    partner_choices,
    reactivate_partner,
    rename_partner,
    set_partner_source,
)
from tests.conftest import ActorFactory


def test_beheerder_manages_partners(admin_ctx: ServiceContext, make_actor: ActorFactory) -> None:
    added = add_partner(admin_ctx, "  Stichting   Verzonnen Zorg ", "zorg")
    assert added.name == "Stichting Verzonnen Zorg"
    assert added.source_type is Source.ZORG
    assert added.name in [p.name for p in list_partners(admin_ctx)]
    renamed = rename_partner(admin_ctx, added.partner_id, "Verzonnen Zorg Parkstad")
    assert renamed.name == "Verzonnen Zorg Parkstad"
    assert (
        set_partner_source(admin_ctx, added.partner_id, "gemeente").source_type is Source.GEMEENTE
    )
    deactivate_partner(admin_ctx, added.partner_id)
    assert added.partner_id not in [pid for pid, _ in partner_choices(admin_ctx)]
    assert added.partner_id in [p.partner_id for p in list_partners(admin_ctx, True)]
    with pytest.raises(ValidationError):
        deactivate_partner(admin_ctx, added.partner_id)
    assert reactivate_partner(admin_ctx, added.partner_id).active
    coordinator = make_actor(Role.COORDINATOR)
    assert [p.name for p in list_partners(coordinator)] == sorted(
        (p.name for p in list_partners(coordinator)), key=str.lower
    )
    with pytest.raises(AccessDenied):
        add_partner(coordinator, "Nog een", "zorg")


@pytest.mark.parametrize(
    ("name", "source", "field"),
    [
        ("", "zorg", "name"),
        ("x" * 121, "zorg", "name"),
        ("woningcorporatie", "woningcorporatie", "name"),  # exists, other case
        ("Nieuw", "kerk", "source_type"),
    ],
)
def test_bad_partner_input(admin_ctx: ServiceContext, name: str, source: str, field: str) -> None:
    before = list_partners(admin_ctx, True)
    with pytest.raises(ValidationError) as err:
        add_partner(admin_ctx, name, source)
    assert err.value.field == field
    assert list_partners(admin_ctx, True) == before


def test_partner_with_active_users_cannot_be_deactivated(
    admin_ctx: ServiceContext, make_actor: ActorFactory
) -> None:
    user = make_actor(Role.PARTNER, partner="Woningcorporatie")
    assert user.actor.partner_id is not None
    with pytest.raises(ValidationError) as err:
        deactivate_partner(admin_ctx, user.actor.partner_id)
    assert "actieve gebruiker" in str(err.value)
