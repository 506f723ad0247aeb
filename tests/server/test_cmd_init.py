"""``sociaalveilig-server init`` and ``recover`` on a real (throw-away) database."""

from __future__ import annotations

import io
import re
import uuid
from collections.abc import Iterator
from datetime import datetime

import pytest
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from sociaalveilig.core.errors import AuthenticationError
from sociaalveilig.server import cli
from sociaalveilig.services import centre
from sociaalveilig.storage.models import Person
from sociaalveilig.storage.postgres import roles
from sociaalveilig.storage.postgres.store import PgStore, engine_url
from tests.conftest import _pg_admin, _pg_url

NEW = "een-lange-nieuwe-zin-voor-het-centrum-417"
OTHER = "nog-een-andere-lange-zin-voor-later-582"
CODE = re.compile(r"^\s+([0-9A-Z]{4}(?:-[0-9A-Z]{4}){7})$", re.M)


@pytest.fixture
def empty_database(pg_template: str) -> Iterator[str]:
    """An empty database (no template: init makes everything), dropped afterwards with
    the runtime role it made."""
    name = f"e_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin()
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield _pg_url(name)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            _drop_roles(connection, name)
        admin.dispose()


def _drop_roles(connection: Connection, database: str) -> None:
    base = roles.runtime_role_name(database)
    for role in (roles.all_role(base), roles.partner_role(base), base):
        connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))


def server(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _init(url: str) -> str:
    code, out, err = server(
        "init", "--database", url, "--user", "beheer", "--passphrase-stdin", stdin=NEW + "\n"
    )
    assert (code, err) == (0, "")
    found = CODE.search(out)
    assert found, out
    return found.group(1)


def test_init_makes_a_centre_with_a_runtime_role_and_shows_the_code_once(
    empty_database: str,
) -> None:
    recovery = _init(empty_database)
    ctx = centre.centre_login(empty_database, "beheer", NEW)
    try:
        assert ctx.actor.role.value == "beheerder"
        assert ctx.store.runtime_role == roles.runtime_role_name(  # type: ignore[attr-defined]
            empty_database.rsplit("/", 1)[1]
        )
        with ctx.store.engine.connect() as connection:  # type: ignore[attr-defined]
            stored = connection.execute(text("SELECT code_hash FROM centre_recovery")).scalar()
        assert stored and recovery.replace("-", "").encode() not in bytes(stored)
    finally:
        ctx.store.close()


def test_init_refuses_a_database_that_is_already_a_centre(empty_database: str) -> None:
    _init(empty_database)
    code, out, err = server(
        "init", "--database", empty_database, "--user", "ander", "--passphrase-stdin",
        stdin=OTHER + "\n",
    )
    assert code == 4
    assert "niet leeg" in err and err.count("\n") == 1 and out == ""
    with pytest.raises(AuthenticationError):
        centre.centre_login(empty_database, "ander", OTHER)


def test_init_on_a_database_that_cannot_be_reached_is_exit_6() -> None:
    code, _out, err = server(
        "init", "--database", "postgresql://sv:geheim@127.0.0.1:1/centrum", "--user", "beheer",
        "--passphrase-stdin", stdin=NEW + "\n",
    )
    assert code == 6
    assert "127.0.0.1:1" in err and "geheim" not in err and "Traceback" not in err


def test_recover_gives_a_new_passphrase_and_a_new_code(empty_database: str) -> None:
    first = _init(empty_database)
    code, out, err = server(
        "recover", "--database", empty_database, "--user", "beheer", "--passphrase-stdin",
        stdin=f"{first.lower()}\n{OTHER}\n",  # typed in lower case: still the code
    )
    assert (code, err) == (0, "")
    second = CODE.search(out)
    assert second and second.group(1) != first
    centre.centre_login(empty_database, "beheer", OTHER).store.close()
    with pytest.raises(AuthenticationError):
        centre.centre_login(empty_database, "beheer", NEW)
    # the code that was used opens nothing any more
    code, out, err = server(
        "recover", "--database", empty_database, "--user", "beheer", "--passphrase-stdin",
        stdin=f"{first}\n{NEW}\n",
    )
    assert code == 3 and "herstelcode klopt niet" in err
    centre.centre_login(empty_database, "beheer", OTHER).store.close()


def test_recover_is_for_a_beheerder_only(empty_database: str) -> None:
    first = _init(empty_database)
    code, _out, err = server(
        "recover", "--database", empty_database, "--user", "iemand", "--passphrase-stdin",
        stdin=f"{first}\n{OTHER}\n",
    )
    assert code == 3 and "geen actieve beheerder" in err
    # and the code still works for the beheerder
    code, _out, _err = server(
        "recover", "--database", empty_database, "--user", "beheer", "--passphrase-stdin",
        stdin=f"{first}\n{OTHER}\n",
    )
    assert code == 0


@pytest.fixture
def owned_database(pg_template: str) -> Iterator[tuple[str, str]]:
    """An empty database owned by a login role that is no superuser, and a function that
    gives that role CREATEROLE; both dropped afterwards."""
    suffix = uuid.uuid4().hex[:10]
    name, owner = f"o_{suffix}", f"eigenaar_{suffix}"
    admin = _pg_admin()
    with admin.connect() as connection:
        connection.execute(text(f"CREATE ROLE {owner} LOGIN"))
        connection.execute(text(f"CREATE DATABASE {name} OWNER {owner}"))
    url = make_url(_pg_url(name)).set(username=owner).render_as_string(hide_password=False)
    try:
        yield url, owner
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            _drop_roles(connection, name)
            connection.execute(text(f"DROP ROLE IF EXISTS {owner}"))
        admin.dispose()


def test_init_without_createrole_says_what_to_do_and_leaves_nothing(
    owned_database: tuple[str, str],
) -> None:
    url, owner = owned_database
    code, out, err = server(
        "init", "--database", url, "--user", "beheer", "--passphrase-stdin", stdin=NEW + "\n"
    )
    assert code == 2, err
    assert "CREATEROLE" in err and owner in err and err.count("\n") == 1 and out == ""
    engine = create_engine(engine_url(url), poolclass=NullPool)
    with engine.connect() as connection:
        assert connection.execute(
            text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        ).scalar() == 0
    engine.dispose()


def test_an_owner_with_createrole_makes_a_centre_and_is_bound_by_its_policies(
    owned_database: tuple[str, str],
) -> None:
    url, owner = owned_database
    admin = _pg_admin()
    with admin.connect() as connection:
        connection.execute(text(f"ALTER ROLE {owner} CREATEROLE"))
    admin.dispose()
    _init(url)
    centre.centre_login(url, "beheer", NEW).store.close()
    owner_store = PgStore.open(url, pool_size=1, as_owner=True)
    try:
        with owner_store.unit() as session:  # a unit says for whom: the system
            session.add(Person(reference="P-2026-00001", name="Fictief Persoon",
                               created_at=datetime(2026, 4, 15, 8, 0)))
        with owner_store.unit() as session:
            assert session.execute(text("SELECT count(*) FROM persons")).scalar() == 1
        with owner_store.engine.connect() as connection:
            assert connection.execute(text("SELECT current_user")).scalar() == owner
            # The owner's tools are not bound by the row policies (rls.py): every row.
            assert connection.execute(text("SELECT count(*) FROM persons")).scalar() == 1
            assert connection.execute(text("SELECT count(*) FROM users")).scalar() == 1
    finally:
        owner_store.close()
