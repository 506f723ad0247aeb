"""sociaalveilig-server import-store: a desk's store (with demo data) moved into a centre."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from sociaalveilig import demo
from sociaalveilig.core.errors import PassphraseChangeRequired, StoreDamaged
from sociaalveilig.services import centre, centre_import, setup, users
from sociaalveilig.storage.models import AuditEntry, Base
from tests.conftest import ADMIN, ADMIN_PASSPHRASE
from tests.server.conftest import plain_engine, run_server, table_count

COORDINATOR_PASSPHRASE = "wachtwoord-coordinator-2026"


def _rows(connection: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, in key order, as plain tuples."""
    rows = {}
    for table in Base.metadata.sorted_tables:
        order = list(table.primary_key.columns)
        rows[table.name] = [
            tuple(row) for row in connection.execute(select(table).order_by(*order))
        ]
    return rows


@pytest.fixture
def demo_store(store_dir: Path) -> Path:
    """The test store with fictional demo data and a second user with a key slot."""
    ctx = setup.login(store_dir, ADMIN, ADMIN_PASSPHRASE)
    try:
        demo.fill_demo(ctx, 40)
        users.add_user(ctx, "coordinator", "coordinator", COORDINATOR_PASSPHRASE, "Coördinator")
    finally:
        ctx.store.close()
    return store_dir


def _desk_rows(folder: Path) -> dict[str, list[tuple[Any, ...]]]:
    ctx = setup.login(folder, ADMIN, ADMIN_PASSPHRASE)
    try:
        with ctx.store.read_unit() as session:
            return _rows(session.connection())
    finally:
        ctx.store.close()


def _centre_rows(url: str) -> dict[str, list[tuple[Any, ...]]]:
    engine = plain_engine(url)
    try:
        with engine.connect() as connection:
            return _rows(connection)
    finally:
        engine.dispose()


def _import(folder: Path, url: str, user: str = ADMIN, passphrase: str = ADMIN_PASSPHRASE) -> (
    tuple[int, str, str]
):
    return run_server("import-store", str(folder), "--database", url, "--user", user,
                      "--passphrase-stdin", stdin=passphrase + "\n")


def test_the_whole_store_moves_and_its_users_sign_in(
    demo_store: Path, empty_database: str
) -> None:
    code, said, err = _import(demo_store, empty_database)
    assert (code, err) == (0, ""), err
    assert "verhuisd naar het centrum en gecontroleerd" in said
    one_time = said.split("coordinator: ")[1].split()[0]
    recovery = said.split("print en bewaar hem veilig):\n", 1)[1].split()[0]

    # Read after the move: the desk's chain holds the sign-ins and the move itself.
    desk = _desk_rows(demo_store)
    moved = _centre_rows(empty_database)
    assert sum(len(rows) for rows in desk.values()) > 500  # the demo data is there
    for name, rows in desk.items():
        if name in ("audit_log", "audit_head"):
            continue
        assert moved[name] == rows, name
    # The chain verbatim up to the move, then the centre's own entries chained onto it
    # (the desk logged one more sign-in since, to read its rows here).
    desk_log = desk["audit_log"]
    move_at = next(i for i, row in enumerate(desk_log) if row[4] == "export")
    assert moved["audit_log"][: move_at + 1] == desk_log[: move_at + 1]
    assert moved["audit_log"][move_at + 1][4] == "import"

    code, said, _ = run_server("verify", "--database", empty_database)
    assert code == 0, said
    ctx = centre.centre_login(empty_database, ADMIN, ADMIN_PASSPHRASE)
    ctx.store.close()
    # The centre's own recovery code, shown once, gives the beheerder access again.
    new_code = centre.recover(empty_database, ADMIN, recovery, "hersteld-wachtwoord-2026")
    assert new_code != recovery
    ctx = centre.centre_login(empty_database, ADMIN, "hersteld-wachtwoord-2026")
    ctx.store.close()
    with pytest.raises(PassphraseChangeRequired):
        centre.centre_login(empty_database, "coordinator", one_time)
    centre.change_passphrase(empty_database, "coordinator", one_time, "nieuw-wachtwoord-2026")
    ctx = centre.centre_login(empty_database, "coordinator", "nieuw-wachtwoord-2026")
    ctx.store.close()
    # The desk's passphrase of the other user does not open the centre.
    with pytest.raises(Exception, match="onjuist wachtwoord"):
        centre.centre_login(empty_database, "coordinator", COORDINATOR_PASSPHRASE)


def test_a_centre_that_is_not_empty_is_refused(store_dir: Path, pg_database: str) -> None:
    before = _centre_rows(pg_database)
    code, _, err = _import(store_dir, pg_database)
    assert code == 4
    assert "niet leeg" in err
    assert _centre_rows(pg_database) == before


def test_only_a_beheerder_moves_a_store(demo_store: Path, empty_database: str) -> None:
    code, _, err = _import(demo_store, empty_database, "coordinator", COORDINATOR_PASSPHRASE)
    assert code == 4
    assert "beheerder" in err
    code, _, _ = _import(demo_store, empty_database, ADMIN, "niet-het-wachtwoord-99")
    assert code == 3
    assert table_count(empty_database) == 0


def test_a_failure_during_the_move_leaves_the_database_empty(
    store_dir: Path, empty_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(connection: Any, source: dict[str, int]) -> None:
        raise StoreDamaged("kapot")

    monkeypatch.setattr(centre_import, "_check_copy", fail)
    code, _, err = _import(store_dir, empty_database)
    assert (code, err) == (5, "sociaalveilig-server: kapot\n")
    assert table_count(empty_database) == 0


def test_a_damaged_desk_store_is_not_moved(
    store_dir: Path, empty_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import text

    from tests.conftest import lift_append_only

    ctx = setup.login(store_dir, ADMIN, ADMIN_PASSPHRASE)
    try:
        with ctx.store.unit() as session:
            lift_append_only(session, "audit_log", "update")
            first = session.execute(select(AuditEntry.id).order_by(AuditEntry.id)).first()
            session.execute(text("UPDATE audit_log SET username = 'iemand' WHERE id = :id"),
                            {"id": first[0]})
    finally:
        ctx.store.close()
    code, _, err = _import(store_dir, empty_database)
    assert code == 5
    assert "auditketen gebroken" in err
    assert table_count(empty_database) == 0
