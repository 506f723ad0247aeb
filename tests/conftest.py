"""Shared fixtures: a fresh encrypted store per test, cheaply.

Creating a store runs Argon2id (64 MiB) for the first user's and the recovery slot, and
the migrations; that is done once per test session into a template folder, which each
test copies. Logging in still runs the real KDF once per test.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The command lines the tests start speak Dutch whatever language the developer chose in
# the window (sociaalveilig/language.py); tests/test_language.py tests the choice itself.
os.environ["SOCIAALVEILIG_TAAL"] = "nl"

from sociaalveilig.core.enums import Role
from sociaalveilig.services.context import Actor, FixedClock, ServiceContext
from sociaalveilig.services.setup import context_for, create_store
from sociaalveilig.storage.models import FocusArea, Partner, User, UserArea
from sociaalveilig.storage.sqlite.store import Store

ADMIN = "beheer"
ADMIN_PASSPHRASE = "test-wachtwoord-beheer-123"
# A fixed moment for tests: Wednesday 15 April 2026, 10:00 local time.
TEST_NOW = datetime(2026, 4, 15, 10, 0)


_TEMPLATE_KEY: dict[str, bytes] = {}


@pytest.fixture(scope="session")
def template_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("template") / "store"
    ctx, recovery_code = create_store(folder, ADMIN, ADMIN_PASSPHRASE, "Beheerder Test")
    # Kept for this test process only, so each test can open its copy without paying
    # for Argon2id; the login path itself is tested with real passphrases.
    _TEMPLATE_KEY["key"] = bytes(ctx.store.data_key())
    ctx.store.close()
    return folder, recovery_code


@pytest.fixture
def store_dir(template_store: tuple[Path, str], tmp_path: Path) -> Path:
    """A fresh copy of the template store (locked)."""
    target = tmp_path / "store"
    shutil.copytree(template_store[0], target)
    return target


@pytest.fixture
def recovery_code(template_store: tuple[Path, str]) -> str:
    return template_store[1]


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(TEST_NOW)


@pytest.fixture
def admin_ctx(store_dir: Path, clock: FixedClock) -> Iterator[ServiceContext]:
    """The beheerder on a fresh store (opened with the template's key: no KDF per test);
    locked again afterwards."""
    store = Store.open_with_key(store_dir, bytearray(_TEMPLATE_KEY["key"]))
    ctx = context_for(store, ADMIN, clock)
    with ctx.unit() as session:  # as login() does
        ctx.audit(session, "login", "user", ctx.actor.user_id)
    yield ctx
    ctx.store.close()


ActorFactory = Callable[..., ServiceContext]


@pytest.fixture
def make_actor(admin_ctx: ServiceContext) -> ActorFactory:
    """Create a user row with a role (no key slot: no KDF cost) and return a context
    acting as that user on the same open store.

    ``make_actor(Role.COORDINATOR)``, ``make_actor(Role.WIJKAGENT, areas=["Kerkrade Oost"])``,
    ``make_actor(Role.PARTNER, partner="Woningcorporatie")``.
    """
    counter = {"n": 0}

    def factory(
        role: Role,
        username: str | None = None,
        partner: str | None = None,
        areas: list[str] | None = None,
    ) -> ServiceContext:
        counter["n"] += 1
        name = username or f"{role.value}{counter['n']}"
        with admin_ctx.unit() as session:
            partner_id = None
            if partner:
                p = session.query(Partner).filter_by(name=partner).one()
                partner_id = p.id
            user = User(
                username=name,
                display_name=name.title(),
                role=role.value,
                partner_id=partner_id,
                active=True,
                created_at=TEST_NOW,
            )
            session.add(user)
            session.flush()
            area_ids = []
            for area_name in areas or []:
                area = session.query(FocusArea).filter_by(name=area_name).one()
                session.add(UserArea(user_id=user.id, focus_area_id=area.id))
                area_ids.append(area.id)
            actor = Actor(user.id, name, user.display_name, role, partner_id, frozenset(area_ids))
        return admin_ctx.with_actor(actor)

    return factory


@pytest.fixture
def coordinator_ctx(make_actor: ActorFactory) -> ServiceContext:
    return make_actor(Role.COORDINATOR, username="coordinator")
