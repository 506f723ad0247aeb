"""Shared fixtures: a fresh store per test, cheaply, on SQLCipher and on PostgreSQL.

Creating a store runs Argon2id (64 MiB) for the first user's and the recovery slot, and
the migrations; that is done once per test session into a template folder, which each
test copies. Logging in still runs the real KDF once per test.

Both stores: ``admin_ctx`` (and everything built on it) is the store named by the
``backend`` fixture. The tests under ``tests/services`` and ``tests/e2e``, and modules marked
``both_stores``, run once per store (``[sqlcipher]`` and ``[postgresql]`` in their ids);
every other test runs on SQLCipher. Those under ``tests/services`` and ``tests/e2e`` run a
third time through the centre's server (``[centre]``: tests/centre.py). A test that needs
the store's folder (``store_dir``, ``template_store``, ``recovery_code``: key slots,
backups, the anchor file, the CLI on ``--store``), or marked ``desk_store``, is about the
desk's store by nature and runs on SQLCipher only. A PostgreSQL test gets a fresh
database cloned from a session template (``CREATE DATABASE … TEMPLATE``) and dropped
afterwards (both by a thread of their own, one test ahead: ``ClonePool``); ``make test``
starts the cluster (tools/pgcluster.py), which sets ``SV_TEST_DATABASE_URL``.

``make test`` runs the tests in two processes (pytest-xdist, ``-n 2 --dist loadfile``: a
module's tests stay together, in file order, with its module fixtures built once). They
share the cluster; each has its own template database (``sv_template_gw0``…), temporary
folders and stores.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

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

PG_URL = os.environ.get("SV_TEST_DATABASE_URL", "")
SQLCIPHER, POSTGRESQL, CENTRE = "sqlcipher", "postgresql", "centre"
BACKENDS = [SQLCIPHER, POSTGRESQL, CENTRE] if PG_URL else [SQLCIPHER]
ON_POSTGRESQL = (POSTGRESQL, CENTRE)
"""The backends whose store is a PostgreSQL database (the centre's, reached directly or
through its server)."""
BOTH_STORES_DIRS = ("services", "e2e")
"""Folders under tests/ whose tests run on both stores."""
FOLDER_FIXTURES = frozenset({"store_dir", "template_store", "recovery_code"})
PG_TEMPLATE = f"sv_template_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
"""Each test process its own template: a database being cloned may have no other session."""
CLONE_BOUND_S = 120.0
"""How long a test waits for its cloned database (a bound, not a pause)."""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "both_stores: run this module's tests on SQLCipher and on PostgreSQL"
    )
    config.addinivalue_line(
        "markers",
        "desk_store: about the desk's SQLCipher store by nature (its file, its write lock, "
        "its folder): runs on SQLCipher only, also where its neighbours run on both",
    )
    if not PG_URL and os.environ.get("CI") == "true":
        raise pytest.UsageError(
            "CI runs every test on PostgreSQL too, but SV_TEST_DATABASE_URL is not set: "
            "run the tests with 'make test' (tools/pgcluster.py starts the cluster)"
        )


def pytest_report_header(config: pytest.Config) -> str:
    if PG_URL:
        return "stores: sqlcipher and postgresql"
    return "stores: sqlcipher ONLY (SV_TEST_DATABASE_URL unset: the PostgreSQL tests are not run)"


def runs_on_both(metafunc: pytest.Metafunc) -> bool:
    """A test of the service layer (its folder, or the module's ``both_stores`` marker)
    that does not need the desk's folder."""
    if FOLDER_FIXTURES & set(metafunc.fixturenames):
        return False
    if metafunc.definition.get_closest_marker("desk_store") is not None:
        return False
    if metafunc.definition.get_closest_marker("both_stores") is not None:
        return True
    parts = Path(str(metafunc.definition.path)).parts
    return "tests" in parts and parts[parts.index("tests") + 1] in BOTH_STORES_DIRS


def through_the_centre(metafunc: pytest.Metafunc) -> bool:
    """A test that runs on both stores and calls the services (its folder is
    tests/services or tests/e2e): it also runs through the centre's server. The
    ``both_stores`` modules elsewhere test the store itself, which the server does not
    change."""
    parts = Path(str(metafunc.definition.path)).parts
    return "tests" in parts and parts[parts.index("tests") + 1] in BOTH_STORES_DIRS


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames and runs_on_both(metafunc):
        backends = BACKENDS
        if not through_the_centre(metafunc):
            backends = [b for b in BACKENDS if b != CENTRE]
        metafunc.parametrize("backend", backends, indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """The store ``admin_ctx`` opens: "sqlcipher", or "postgresql" or "centre" (the
    PostgreSQL store through the centre's server, tests/centre.py) for a test that runs on
    both (``pytest_generate_tests``)."""
    return str(getattr(request, "param", SQLCIPHER))


def lift_append_only(session: Any, table: str, kind: str) -> None:
    """Drop a table's append-only trigger inside a test's unit, to tamper with the log as
    an attacker with the database would (each database its own way)."""
    from sqlalchemy import text

    name = f"{table}_no_{kind}"
    if session.get_bind().dialect.name == "postgresql":
        # The store acts as its runtime role, which owns nothing; the attacker here has
        # the owner's credentials (RESET ROLE: back to the connection's login role).
        session.execute(text("RESET ROLE"))
        session.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER {name}"))
    else:
        session.execute(text(f"DROP TRIGGER {name}"))


def append_only_triggers(session: Any) -> set[str]:
    """The names of the triggers in force (PostgreSQL: enabled ones)."""
    from sqlalchemy import text

    if session.get_bind().dialect.name == "postgresql":
        query = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'"
    else:
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    return set(session.execute(text(query)).scalars())


def sign_in(store: Any, username: str, passphrase: str) -> ServiceContext:
    """Sign in to the store behind a context as a person would: to the desk's folder, or
    to the centre's database."""
    from sociaalveilig.services import centre, setup

    if store.capabilities.local_folder:
        return setup.login(store.folder, username, passphrase)
    return centre.centre_login(store.url, username, passphrase)


def change_own_passphrase(store: Any, username: str, old: str, new: str) -> None:
    """``passwd`` before signing in, on either store."""
    from sociaalveilig.services import centre, setup

    if store.capabilities.local_folder:
        setup.change_passphrase(store.folder, username, old, new)
    else:
        centre.change_passphrase(store.url, username, old, new)


def _pg_url(database: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(PG_URL).set(database=database).render_as_string(hide_password=False)


def _pg_admin() -> Any:
    from sqlalchemy import create_engine

    from sociaalveilig.storage.postgres.store import engine_url

    return create_engine(
        engine_url(_pg_url("postgres")), isolation_level="AUTOCOMMIT", poolclass=_null_pool()
    )


def _null_pool() -> Any:
    from sqlalchemy.pool import NullPool

    return NullPool


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A centre made once per session (schema, reference data, the beheerder), to clone."""
    from sqlalchemy import text

    if not PG_URL:  # never in CI (pytest_configure)
        pytest.skip("SV_TEST_DATABASE_URL is not set: run 'make test' for the PostgreSQL tests")

    from sociaalveilig.services.centre import create_centre

    admin = _pg_admin()
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {PG_TEMPLATE} WITH (FORCE)"))
        connection.execute(text(f"CREATE DATABASE {PG_TEMPLATE}"))
    ctx = create_centre(_pg_url(PG_TEMPLATE), ADMIN, ADMIN_PASSPHRASE, "Beheerder Test")
    ctx.store.close()
    yield PG_TEMPLATE
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {PG_TEMPLATE} WITH (FORCE)"))
    admin.dispose()


@contextmanager
def pg_clone(template: str) -> Iterator[str]:
    """The URL of a new database copied from ``template`` (fast: files, not statements);
    dropped afterwards."""
    from sqlalchemy import text

    name = f"t_{uuid.uuid4().hex[:16]}"
    admin = _pg_admin()
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name} TEMPLATE {template}"))
    try:
        yield _pg_url(name)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


class ClonePool:
    """Fresh databases cloned from one template by a thread of its own: the next one is
    made while a test runs, and a used one is dropped after the test without it waiting.
    Each is still used by one test only; the work moves off the test's path (PostgreSQL
    does it on the other core) rather than going away."""

    def __init__(self, template: str) -> None:
        self.template = template
        self._admin = _pg_admin()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pg-clones")
        self._next: Future[str] | None = None

    def _clone(self) -> str:
        from sqlalchemy import text

        name = f"t_{uuid.uuid4().hex[:16]}"
        with self._admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {name} TEMPLATE {self.template}"))
        return name

    def _drop(self, name: str) -> None:
        from sqlalchemy import text

        with self._admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))

    def take(self) -> str:
        """The name of a database nobody has used; the one after it is begun."""
        ready = self._next or self._worker.submit(self._clone)
        self._next = self._worker.submit(self._clone)
        return ready.result(timeout=CLONE_BOUND_S)

    def give_back(self, name: str) -> None:
        self._worker.submit(self._drop, name)

    def close(self) -> None:
        if self._next is not None:
            self._worker.submit(self._drop, self._next.result(timeout=CLONE_BOUND_S))
        self._worker.shutdown(wait=True)
        self._admin.dispose()


@pytest.fixture(scope="session")
def pg_clones(pg_template: str) -> Iterator[ClonePool]:
    pool = ClonePool(pg_template)
    yield pool
    pool.close()


@pytest.fixture
def pg_database(pg_clones: ClonePool) -> Iterator[str]:
    """The URL of a fresh database cloned from the template; dropped after the test."""
    name = pg_clones.take()
    try:
        yield _pg_url(name)
    finally:
        pg_clones.give_back(name)


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
def admin_ctx(
    backend: str, request: pytest.FixtureRequest, clock: FixedClock
) -> Iterator[ServiceContext]:
    """The beheerder on a fresh store of ``backend`` (SQLCipher: opened with the template's
    key, no KDF per test; PostgreSQL: a cloned database; the centre: a cloned database
    behind the centre's app, with a session made directly, no KDF); locked again
    afterwards."""
    if backend in ON_POSTGRESQL:
        from sociaalveilig.storage.postgres.store import PgStore

        store: Any = PgStore.open(request.getfixturevalue("pg_database"), pool_size=2)
    else:
        store_dir: Path = request.getfixturevalue("store_dir")
        store = Store.open_with_key(store_dir, bytearray(_TEMPLATE_KEY["key"]))
    ctx = context_for(store, ADMIN, clock)
    with ctx.unit() as session:  # as login() does
        ctx.audit(session, "login", "user", ctx.actor.user_id)
    if backend == CENTRE:
        from tests import centre

        ctx = centre.through_centre(store, ctx.actor, clock)
        yield ctx
        centre.close(ctx)
    else:
        yield ctx
    store.close()


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
