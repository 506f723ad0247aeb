"""sociaalveilig-admin and access: ``recover`` with the printed code, a passphrase a
beheerder set that must be changed first, weak passphrases, look-alike user names, and
``init`` only into an empty folder."""

from __future__ import annotations

import getpass
import io
from pathlib import Path

import pytest
from sqlalchemy import select

from sociaalveilig.cli import build_parser, run
from sociaalveilig.services import users
from sociaalveilig.services.setup import login
from sociaalveilig.storage.models import AuditEntry
from tests.conftest import ADMIN, ADMIN_PASSPHRASE
from tests.e2e.test_cli_store import cli

NEW = "de beheerder weet het weer"


def _recover(
    store: Path, code: str, new: str = NEW, user: str | None = None
) -> tuple[int, str, str]:
    result = cli(store, "recover", stdin=f"{code}\n{new}\n", user=user)
    return result.code, result.out, result.err


def _new_code(out: str) -> str:
    return out.strip().splitlines()[-1].strip()


def test_recover_sets_a_new_passphrase_and_a_new_code(
    store_dir: Path, recovery_code: str
) -> None:
    code, out, err = _recover(store_dir, recovery_code.lower())
    assert code == 0, err
    assert "Nieuw wachtwoord ingesteld voor beheerder beheer." in out
    assert "De gebruikte herstelcode werkt niet meer." in out
    fresh = _new_code(out)
    assert len(fresh) == 39 and fresh != recovery_code
    # The forgotten passphrase no longer opens; the new one does.
    assert cli(store_dir, "verify", stdin=ADMIN_PASSPHRASE + "\n").code == 3
    assert cli(store_dir, "verify", stdin=NEW + "\n").code == 0
    # The code used is spent; the new one works once more.
    code, _, err = _recover(store_dir, recovery_code, "nog een keer vergeten")
    assert code == 3
    assert err == "sociaalveilig-admin: De herstelcode klopt niet.\n"
    code, out, err = _recover(store_dir, fresh, "nog een keer vergeten")
    assert code == 0, err
    ctx = login(store_dir, ADMIN, "nog een keer vergeten")
    try:
        with ctx.unit() as session:
            actions = list(
                session.execute(select(AuditEntry.action, AuditEntry.username)).tuples()
            )
    finally:
        ctx.store.close()
    assert actions.count(("recover", ADMIN)) == 2
    assert ("login", "(herstelcode)") in actions  # the spent code was a failed attempt


def test_recover_with_a_wrong_code_is_exit_3(store_dir: Path) -> None:
    code, out, err = _recover(store_dir, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
    assert (code, out) == (3, "")
    assert err == "sociaalveilig-admin: De herstelcode klopt niet.\n"
    code, _, err = _recover(store_dir, "geen code")
    assert code == 3
    assert "32 letters en cijfers" in err
    assert cli(store_dir, "verify", stdin=ADMIN_PASSPHRASE + "\n").code == 0


def test_recover_refuses_a_weak_passphrase_and_changes_nothing(
    store_dir: Path, recovery_code: str
) -> None:
    before = (store_dir / "keyslots.json").read_bytes()
    code, _, err = _recover(store_dir, recovery_code, "wachtwoord1234")
    assert code == 4
    assert "te makkelijk te raden" in err
    assert (store_dir / "keyslots.json").read_bytes() == before


def test_recover_names_the_beheerder_when_there_are_several(
    store_dir: Path, recovery_code: str
) -> None:
    added = cli(
        store_dir, "user", "add", "tweede", "--role", "beheerder",
        stdin=f"{ADMIN_PASSPHRASE}\nde tweede beheerder typt\n",
    )
    assert added.code == 0, added.err
    code, _, err = _recover(store_dir, recovery_code)
    assert code == 2
    assert "geef --user NAAM op" in err
    added = cli(
        store_dir, "user", "add", "anna", "--role", "coordinator",
        stdin=f"{ADMIN_PASSPHRASE}\nanna typt haar eigen zin\n", user=ADMIN,
    )
    assert added.code == 0, added.err
    code, _, err = _recover(store_dir, recovery_code, user="anna")
    assert code == 4
    assert "geen actieve beheerder" in err
    code, _, err = _recover(store_dir, recovery_code, user="tweede")
    assert code == 0, err
    assert cli(store_dir, "verify", stdin=NEW + "\n", user="tweede").code == 0
    assert cli(store_dir, "verify", stdin=ADMIN_PASSPHRASE + "\n", user=ADMIN).code == 0


def test_recover_is_in_the_dutch_help() -> None:
    text = build_parser().format_help()
    assert "recover" in text
    assert "herstelcode" in text


def test_a_passphrase_set_by_the_beheerder_must_be_changed_first(store_dir: Path) -> None:
    added = cli(
        store_dir, "user", "add", "anna", "--role", "coordinator",
        stdin=f"{ADMIN_PASSPHRASE}\nanna typt haar eigen zin\n", user=ADMIN,
    )
    assert added.code == 0, added.err
    ctx = login(store_dir, ADMIN, ADMIN_PASSPHRASE)
    try:
        users.deactivate_user(ctx, "anna")
        users.reactivate_user(ctx, "anna", "de beheerder koos dit")
    finally:
        ctx.store.close()
    refused = cli(store_dir, "verify", stdin="de beheerder koos dit\n", user="anna")
    assert refused.code == 3
    assert "kies eerst een eigen wachtwoord" in refused.err
    assert "passwd" in refused.err
    # "Changing" it into itself does not count as choosing one's own.
    same = cli(
        store_dir, "passwd", stdin="de beheerder koos dit\nde beheerder koos dit\n", user="anna"
    )
    assert same.code == 4
    assert "gelijk aan het huidige" in same.err
    changed = cli(
        store_dir, "passwd", stdin="de beheerder koos dit\nanna kiest zelf weer\n", user="anna"
    )
    assert changed.code == 0, changed.err
    assert cli(store_dir, "verify", stdin="anna kiest zelf weer\n", user="anna").code == 0


def test_weak_passphrases_are_refused_everywhere(store_dir: Path, tmp_path: Path) -> None:
    weak = "aaaaaaaaaaaaaaaa"
    result = cli(tmp_path / "nieuw", "init", "--user", "beheer", stdin=weak + "\n")
    assert result.code == 4
    assert "te makkelijk te raden" in result.err
    assert not (tmp_path / "nieuw").exists()
    result = cli(
        store_dir, "user", "add", "anna", "--role", "coordinator",
        stdin=f"{ADMIN_PASSPHRASE}\n{weak}\n",
    )
    assert result.code == 4
    assert "te makkelijk te raden" in result.err
    result = cli(store_dir, "passwd", stdin=f"{ADMIN_PASSPHRASE}\nwachtwoord1234\n")
    assert result.code == 4
    assert "te makkelijk te raden" in result.err
    assert cli(store_dir, "verify", stdin=ADMIN_PASSPHRASE + "\n").code == 0


def test_look_alike_user_names_are_refused(store_dir: Path) -> None:
    cyrillic = "beheеr"  # the fourth e is Cyrillic
    result = cli(
        store_dir, "user", "add", cyrillic, "--role", "beheerder",
        stdin=f"{ADMIN_PASSPHRASE}\neen heel andere zin hier\n",
    )
    assert result.code == 4
    assert "lijkt op een gewone letter" in result.err
    result = cli(
        store_dir, "user", "add", "behe3r", "--role", "coordinator",
        stdin=f"{ADMIN_PASSPHRASE}\neen heel andere zin hier\n",
    )
    assert result.code == 0, result.err  # 3 is not a look-alike of e
    result = cli(
        store_dir, "user", "add", "annel", "--role", "coordinator",
        stdin=f"{ADMIN_PASSPHRASE}\neen heel andere zin hier\n", user=ADMIN,
    )
    assert result.code == 0, result.err
    result = cli(
        store_dir, "user", "add", "anne1", "--role", "coordinator",
        stdin=f"{ADMIN_PASSPHRASE}\neen heel andere zin hier\n", user=ADMIN,
    )
    assert result.code == 4
    assert "lijkt te veel op die van gebruiker annel" in result.err


def test_sign_in_uses_the_normalised_name(store_dir: Path) -> None:
    for typed in ("BEHEER", " Beheer ", "ｂｅｈｅｅｒ"):  # the last in full-width letters
        result = cli(store_dir, "verify", stdin=ADMIN_PASSPHRASE + "\n", user=typed)
        assert result.code == 0, (typed, result.err)


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    folder = tmp_path / "map"
    folder.mkdir()
    (folder / "boodschappen.txt").write_text("melk\n", encoding="utf-8")
    result = cli(folder, "init", "--user", "beheer", stdin=ADMIN_PASSPHRASE + "\n")
    assert result.code == 4
    assert result.err.count("\n") == 1
    assert "is niet leeg" in result.err
    assert sorted(p.name for p in folder.iterdir()) == ["boodschappen.txt"]
    # An existing store is refused the same way.
    empty = tmp_path / "leeg"
    empty.mkdir()
    assert cli(empty, "init", "--user", "beheer", stdin=ADMIN_PASSPHRASE + "\n").code == 0
    again = cli(empty, "init", "--user", "beheer", stdin=ADMIN_PASSPHRASE + "\n")
    assert again.code == 4
    assert "staat al een opslag" in again.err


def test_recover_prompts_without_echo_on_a_terminal(
    store_dir: Path, recovery_code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts: list[str] = []
    answers = iter([recovery_code, NEW, NEW])

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(answers)

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    out, err = io.StringIO(), io.StringIO()
    code = run(["--store", str(store_dir), "recover"], stdin=Tty(), stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    assert prompts == ["Herstelcode: ", "Nieuw wachtwoord: ", "Herhaal het nieuwe wachtwoord: "]
