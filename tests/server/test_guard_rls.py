"""Row-level security on the centre (storage/postgres/rls.py): the second line behind
services/access.py. Raw SQL as the runtime role, as a service that forgot to ask
access.py would run it: a partner's unit sees the partner's part only."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import Connection, text

from sociaalveilig.core.enums import Role
from sociaalveilig.services import cases as cs
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage.postgres import roles
from sociaalveilig.storage.postgres.store import PgStore
from tests.services.test_access import World, world  # noqa: F401  (the fixture)


@pytest.fixture
def backend() -> str:
    return "postgresql"


@contextmanager
def raw(ctx: ServiceContext, user_id: str | None, variant: str | None = "auto") -> Iterator[
    Connection
]:
    """A transaction on the store's own pool (the runtime role), acting for ``user_id``
    (None: nothing set) as the store's units do: the runtime role's partner variant for a
    partner, its every-row variant for anyone else (``variant=None``: no variant)."""
    assert isinstance(ctx.store, PgStore)
    base = ctx.store.runtime_role
    assert base is not None
    with ctx.store.engine.connect() as connection, connection.begin():
        assert connection.execute(text("SELECT current_user")).scalar() == base
        if user_id is not None:
            connection.execute(
                text("SELECT set_config('sociaalveilig.user_id', :id, true)"), {"id": user_id}
            )
        if user_id is not None and variant is not None:
            partner = ctx.actor.role is Role.PARTNER and user_id != "system"
            role = roles.partner_role(base) if partner else roles.all_role(base)
            connection.execute(text(f"SET LOCAL ROLE {roles.quoted(role)}"))
        yield connection


def _refs(connection: Connection, table: str) -> set[str]:
    return set(connection.execute(text(f"SELECT reference FROM {table}")).scalars())


def _count(connection: Connection, table: str) -> int:
    return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_a_partner_sees_its_own_cases_only(world: World) -> None:  # noqa: F811
    kerkrade_case = world.kerkrade.case_reference
    heerlen_case = world.heerlen.case_reference
    woco = world.actors["partner_woco"]
    zorg = world.actors["partner_zorg"]
    with raw(woco, woco.actor.user_id) as connection:
        assert _refs(connection, "cases") == {kerkrade_case}
        # the police's signals of the other case, and the care partner's action: hidden
        assert _refs(connection, "signals") == {world.kerkrade.reference}
        assert _refs(connection, "actions") == set()
        assert _count(connection, "case_persons") == 1
    with raw(zorg, zorg.actor.user_id) as connection:
        assert _refs(connection, "cases") == {heerlen_case}
        assert _refs(connection, "actions") == {"A-2026-00001"}
        assert _count(connection, "meetings") == 0  # the meeting WOCO takes part in


def test_a_partner_without_any_work_sees_no_case_work(world: World) -> None:  # noqa: F811
    politie = world.actors["partner_politie"]
    with raw(politie, politie.actor.user_id) as connection:
        for table in ("cases", "signals", "actions", "visits", "escalations", "meetings",
                      "agenda_items", "persons", "case_persons", "signal_persons"):
            assert _count(connection, table) == 0, table
        # changes go no further than reads
        updated = connection.execute(text("UPDATE signals SET description = 'x'")).rowcount
        assert updated == 0


def test_other_roles_and_the_system_see_every_row(world: World) -> None:  # noqa: F811
    coordinator = world.actors["coordinator"]
    for user_id in (coordinator.actor.user_id, "system"):
        with raw(coordinator, user_id) as connection:
            assert _count(connection, "signals") == 3
            assert _count(connection, "cases") == 2


def test_a_transaction_that_says_for_whom_sees_nothing(world: World) -> None:  # noqa: F811
    with raw(world.actors["coordinator"], None) as connection:
        for table in ("cases", "signals", "actions", "meetings", "persons"):
            assert _count(connection, table) == 0, table
    # a user id alone, without the role a unit takes for it, opens nothing either
    woco = world.actors["partner_woco"]
    with raw(woco, woco.actor.user_id, variant=None) as connection:
        assert _count(connection, "cases") == 0


def test_a_partner_variant_with_another_role_s_id_sees_nothing(
    world: World,  # noqa: F811
) -> None:
    """The partner is read from the user's row: a manager's id in a partner's unit (a
    role changed meanwhile) opens no partner's scope, let alone everything."""
    woco = world.actors["partner_woco"]
    manager = world.actors["manager"]
    with raw(woco, manager.actor.user_id) as connection:
        assert _count(connection, "cases") == 0 and _count(connection, "signals") == 0


def test_only_a_partner_s_lists_pay_for_the_policy(world: World) -> None:  # noqa: F811
    """A policy is a security barrier: a text search (not leakproof) may not use its index
    before the policy holds. The every-row variant's policy is no barrier, so the search
    index serves every other user; a partner's search reads the table."""
    search = (
        "EXPLAIN SELECT id FROM signals "
        "WHERE search_vector @@ to_tsquery('sv_simple'::regconfig, 'fictief')"
    )
    coordinator = world.actors["coordinator"]
    woco = world.actors["partner_woco"]
    plans = {}
    for name, ctx in (("coordinator", coordinator), ("partner", woco)):
        with raw(ctx, ctx.actor.user_id) as connection:
            connection.execute(text("SET LOCAL enable_seqscan = off"))
            plans[name] = "\n".join(connection.execute(text(search)).scalars())
    assert "ix_signals_search" in plans["coordinator"]
    assert "ix_signals_search" not in plans["partner"]


def test_the_noodknop_still_opens_a_case_outside_the_scope(world: World) -> None:  # noqa: F811
    politie = world.actors["partner_politie"]
    detail = cs.get_case(politie, world.heerlen.case_reference or "", purpose="Acuut overleg")
    assert detail.reference == world.heerlen.case_reference
    assert detail.persons  # the content behind the case, through the emergency unit


def test_the_runtime_role_is_bound_and_the_owners_tools_are_not(world: World) -> None:  # noqa: F811
    """The server's connections (the runtime role) see nothing without saying for whom;
    the owner (init, backup, verify: the operator's tools) is not bound, so a backup can
    never silently leave rows out."""
    with raw(world.actors["coordinator"], None, variant=None) as connection:
        assert connection.execute(text("SELECT count(*) FROM cases")).scalar() == 0
        enabled = set(connection.execute(
            text("SELECT relname FROM pg_class WHERE relrowsecurity")
        ).scalars())
        forced = set(connection.execute(
            text("SELECT relname FROM pg_class WHERE relforcerowsecurity")
        ).scalars())
        connection.execute(text("SET LOCAL ROLE NONE"))  # back to the owner who signed in
        assert connection.execute(text("SELECT count(*) FROM cases")).scalar() > 0
    assert {"cases", "signals", "persons", "meetings", "escalations"} <= enabled
    assert forced == set()
