from __future__ import annotations

import pytest

from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import (
    AccessDenied,
    AuthenticationError,
    PassphraseChangeRequired,
    ValidationError,
)
from sociaalveilig.services import users
from sociaalveilig.services.context import ServiceContext
from tests.conftest import ADMIN, ActorFactory, change_own_passphrase, sign_in

PASS = "een-lang-wachtwoord-voor-anna"


def test_added_user_logs_in_with_own_role_and_areas(admin_ctx: ServiceContext) -> None:
    info = users.add_user(admin_ctx, "Anna", "wijkagent", PASS, areas=["kerkrade"])
    assert info.username == "anna" and info.areas == ("Kerkrade Oost",)
    ctx = sign_in(admin_ctx.store, "ANNA", PASS)
    try:
        assert ctx.actor.role is Role.WIJKAGENT
        assert len(ctx.actor.area_ids) == 1
    finally:
        ctx.store.close()


def test_bad_new_users_are_refused(admin_ctx: ServiceContext) -> None:
    with pytest.raises(ValidationError) as short:
        users.add_user(admin_ctx, "bert", "coordinator", "kort")
    assert short.value.field == "passphrase"
    with pytest.raises(ValidationError) as role:
        users.add_user(admin_ctx, "bert", "directeur", PASS)
    assert role.value.field == "role"
    with pytest.raises(ValidationError) as partner:
        users.add_user(admin_ctx, "bert", "partner", PASS)
    assert partner.value.field == "partner"
    with pytest.raises(ValidationError):
        users.add_user(admin_ctx, ADMIN, "coordinator", PASS)
    assert [u.username for u in users.list_users(admin_ctx)] == [ADMIN]


def test_only_the_beheerder_manages_users(make_actor: ActorFactory) -> None:
    coordinator = make_actor(Role.COORDINATOR)
    with pytest.raises(AccessDenied):
        users.add_user(coordinator, "carla", "coordinator", PASS)
    with pytest.raises(AccessDenied):
        users.list_users(coordinator)


def test_change_role_and_last_beheerder_kept(admin_ctx: ServiceContext) -> None:
    users.add_user(admin_ctx, "anna", "coordinator", PASS)
    info = users.change_role(admin_ctx, "anna", "partner", partner="Woningcorporatie")
    assert info.role is Role.PARTNER and info.partner == "Woningcorporatie"
    with pytest.raises(ValidationError) as only:
        users.change_role(admin_ctx, ADMIN, "coordinator")
    assert "enige beheerder" in only.value.message


def test_deactivated_user_cannot_log_in_until_reactivated(admin_ctx: ServiceContext) -> None:
    store = admin_ctx.store
    users.add_user(admin_ctx, "anna", "coordinator", PASS)
    users.deactivate_user(admin_ctx, "anna")
    with pytest.raises(AuthenticationError):
        sign_in(store, "anna", PASS)
    with pytest.raises(ValidationError):
        users.deactivate_user(admin_ctx, ADMIN)
    users.reactivate_user(admin_ctx, "anna", "weer-een-nieuw-wachtwoord")
    # The beheerder chose that passphrase: anna must choose her own before working.
    with pytest.raises(PassphraseChangeRequired):
        sign_in(store, "anna", "weer-een-nieuw-wachtwoord")
    change_own_passphrase(store, "anna", "weer-een-nieuw-wachtwoord", "anna haar eigen zin")
    ctx = sign_in(store, "anna", "anna haar eigen zin")
    ctx.store.close()


def test_change_role_keeps_the_organisation_of_staff(admin_ctx: ServiceContext) -> None:
    users.add_user(admin_ctx, "bas", "partner", PASS, partner="Politie Limburg")
    info = users.change_role(admin_ctx, "bas", "wijkagent", areas=["Nuth"])
    assert info.role is Role.WIJKAGENT
    assert info.partner == "Politie Limburg"
    assert info.areas == ("Nuth",)
