"""Tests for the key-slot file (sociaalveilig.storage.keyslots).

Argon2id at 64 MiB costs a noticeable fraction of a second, so one valid file is built per
module and copied into each test's folder; tests that must not derive keys assert so with a
spy on Argon2id instead of timing anything.
"""

from __future__ import annotations

import base64
import json
import os
import re
import stat
import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from sociaalveilig.core.errors import (
    AuthenticationError,
    NotFound,
    StoreDamaged,
    ValidationError,
)
from sociaalveilig.storage import keyslots
from sociaalveilig.storage.keyslot_lock import LOCK_FILENAME
from sociaalveilig.storage.keyslots import (
    KEYSLOT_FILENAME,
    KdfParams,
    KeySlot,
    KeySlotFile,
    check_passphrase_policy,
    format_recovery_code,
    generate_data_key,
    generate_recovery_code,
    normalise_recovery_code,
    passphrase_strength,
    wipe,
)

ADMIN = "beheerder"
ADMIN_PASS = "Lange-zin voor de beheerder 2026"
COORD = "coordinator"
COORD_PASS = "Hoensbroek koffie om negen uur"
NEW_PASS = "Een geheel nieuw wachtwoord!"
AUTH_MESSAGE = "Onbekende gebruiker of onjuist wachtwoord."


@dataclass(frozen=True)
class Store:
    """A valid key-slot file built once: its bytes and the secrets behind it."""

    raw: bytes
    data_key: bytes
    recovery_code: str


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    folder = tmp_path_factory.mktemp("keyslots-template")
    path = folder / KEYSLOT_FILENAME
    key = generate_data_key()
    kf, code = KeySlotFile.create(path, key, "Beheerder", ADMIN_PASS)
    kf.add_user(COORD, COORD_PASS, key)
    return Store(raw=path.read_bytes(), data_key=bytes(key), recovery_code=code)


@pytest.fixture()
def path(tmp_path: Path, store: Store) -> Path:
    target = tmp_path / KEYSLOT_FILENAME
    target.write_bytes(store.raw)
    target.chmod(0o600)
    return target


class KdfSpy:
    """Records every Argon2id construction and delegates to the real one.

    It refuses to run the real KDF with out-of-bounds parameters, so a regression in the
    bounds checks fails the test instead of hanging it or exhausting memory.
    """

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def __call__(self, **kwargs: Any) -> Argon2id:
        self.calls.append(kwargs)
        checked = (
            65536 <= kwargs["memory_cost"] <= 1048576
            and 3 <= kwargs["iterations"] <= 10
            and 1 <= kwargs["lanes"] <= 8
        )
        if not checked:
            raise AssertionError("Argon2id called with unchecked parameters")
        return Argon2id(**kwargs)


@pytest.fixture()
def kdf_spy(monkeypatch: pytest.MonkeyPatch) -> KdfSpy:
    spy = KdfSpy()
    monkeypatch.setattr(keyslots.kdf, "Argon2id", spy)
    return spy


def read_doc(path: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return doc


def write_doc(path: Path, doc: dict[str, Any]) -> None:
    path.write_text(json.dumps(doc, indent=2, sort_keys=True), "utf-8")


def slot_of(doc: dict[str, Any], user: str | None) -> dict[str, Any]:
    for slot in doc["slots"]:
        if slot["user"] == user:
            result: dict[str, Any] = slot
            return result
    raise AssertionError(f"no slot for {user!r}")


def slot_block(slot: dict[str, Any]) -> str:
    """The exact text of one slot as it appears inside the file's "slots" list."""
    return textwrap.indent(json.dumps(slot, indent=2, sort_keys=True, ensure_ascii=False), "    ")


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def assert_damaged(exc: StoreDamaged) -> None:
    message = str(exc)
    assert message.startswith(f"Het sleutelbestand {KEYSLOT_FILENAME} ")
    assert "Herstel de map uit een back-up." in message
    assert "\n" not in message


# --------------------------------------------------------------------------- round trip


def test_created_file_has_user_slots_and_one_recovery_slot(path: Path, store: Store) -> None:
    kf = KeySlotFile.load(path)
    assert kf.users() == [ADMIN, COORD]
    assert [s.kind for s in kf.slots] == ["user", "recovery", "user"]
    assert kf.has_user("BEHEERDER") and kf.has_user(" Coordinator ")
    assert not kf.has_user("mallory")
    doc = read_doc(path)
    assert doc["format"] == "sociaalveilig-keyslots" and doc["version"] == 1
    for slot in doc["slots"]:
        assert slot["kdf"]["name"] == "argon2id"
        assert slot["kdf"]["memory_kib"] >= 65536
        assert slot["kdf"]["iterations"] == 3 and slot["kdf"]["lanes"] == 4
        assert len(base64.b64decode(slot["kdf"]["salt"])) == 16
        assert len(base64.b64decode(slot["nonce"])) == 12
        assert len(base64.b64decode(slot["ciphertext"])) == 48
        assert re.fullmatch(r"[0-9a-f]{32}", slot["slot_id"])
    assert len({s["kdf"]["salt"] for s in doc["slots"]}) == 3
    assert len({s["nonce"] for s in doc["slots"]}) == 3


def test_unlock_round_trip_is_case_insensitive(path: Path, store: Store) -> None:
    kf = KeySlotFile.load(path)
    key = kf.unlock(" BeHeerder ", ADMIN_PASS)
    assert isinstance(key, bytearray)
    assert key == store.data_key
    other = kf.unlock(COORD, COORD_PASS)
    assert other == store.data_key
    assert other is not key
    wipe(key)
    assert other == store.data_key  # each call hands out its own buffer


def test_create_nfc_normalises_and_writes_mode_0600(tmp_path: Path) -> None:
    composed = "Crème brûlée na het overleg"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    key = generate_data_key()
    target = tmp_path / KEYSLOT_FILENAME
    old_umask = os.umask(0)
    try:
        kf, code = KeySlotFile.create(target, key, "josé", composed)
    finally:
        os.umask(old_umask)
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert kf.users() == ["josé"]
    assert [s.kind for s in KeySlotFile.load(target).slots] == ["user", "recovery"]
    assert kf.unlock(unicodedata.normalize("NFD", "JOSÉ"), decomposed) == key
    assert len(normalise_recovery_code(code)) == 32


def test_create_refuses_existing_file(path: Path, store: Store, kdf_spy: KdfSpy) -> None:
    with pytest.raises(ValidationError):
        KeySlotFile.create(path, bytearray(store.data_key), "nieuw", NEW_PASS)
    assert path.read_bytes() == store.raw
    assert kdf_spy.calls == []


def test_create_refuses_weak_passphrase_before_writing(tmp_path: Path, kdf_spy: KdfSpy) -> None:
    target = tmp_path / KEYSLOT_FILENAME
    with pytest.raises(ValidationError) as info:
        KeySlotFile.create(target, generate_data_key(), ADMIN, "kort")
    assert info.value.field == "passphrase"
    assert not target.exists()
    assert kdf_spy.calls == []


# --------------------------------------------------------------------------- authentication


def test_wrong_passphrase_fails(path: Path) -> None:
    kf = KeySlotFile.load(path)
    with pytest.raises(AuthenticationError) as info:
        kf.unlock(ADMIN, COORD_PASS)
    assert str(info.value) == AUTH_MESSAGE
    assert info.value.exit_code == 3


def test_unknown_user_gives_the_same_message_and_costs_a_derivation(
    path: Path, kdf_spy: KdfSpy
) -> None:
    kf = KeySlotFile.load(path)
    with pytest.raises(AuthenticationError) as info:
        kf.unlock("mallory", ADMIN_PASS)
    assert str(info.value) == AUTH_MESSAGE
    # The same work as a wrong passphrase, so timing does not tell which names exist.
    assert len(kdf_spy.calls) == 1
    with pytest.raises(AuthenticationError) as empty:
        kf.unlock("   ", ADMIN_PASS)
    assert str(empty.value) == AUTH_MESSAGE


def test_unencodable_passphrase_is_an_authentication_failure(path: Path) -> None:
    kf = KeySlotFile.load(path)
    with pytest.raises(AuthenticationError):
        kf.unlock(ADMIN, "abc\udcff def ghi jkl")


# --------------------------------------------------------------------------- changing slots


def test_change_passphrase_rewraps_only_that_slot(path: Path, store: Store) -> None:
    before_text = path.read_text("utf-8")
    before = read_doc(path)
    kf = KeySlotFile.load(path)
    kf.change_passphrase("Beheerder", ADMIN_PASS, NEW_PASS)

    after_text = path.read_text("utf-8")
    after = read_doc(path)
    for user in (COORD, None):
        block = slot_block(slot_of(before, user))
        assert block in before_text
        assert block in after_text  # byte-identical
    old, new = slot_of(before, ADMIN), slot_of(after, ADMIN)
    assert new["slot_id"] == old["slot_id"]
    assert new["kdf"]["salt"] != old["kdf"]["salt"]
    assert new["nonce"] != old["nonce"]
    assert new["ciphertext"] != old["ciphertext"]
    assert [s["slot_id"] for s in after["slots"]] == [s["slot_id"] for s in before["slots"]]

    reloaded = KeySlotFile.load(path)
    with pytest.raises(AuthenticationError):
        reloaded.unlock(ADMIN, ADMIN_PASS)
    assert reloaded.unlock(ADMIN, NEW_PASS) == store.data_key


def test_change_passphrase_with_wrong_old_passphrase_changes_nothing(
    path: Path, store: Store
) -> None:
    kf = KeySlotFile.load(path)
    with pytest.raises(AuthenticationError):
        kf.change_passphrase(ADMIN, "niet het goede wachtwoord", NEW_PASS)
    assert path.read_bytes() == store.raw


def test_change_passphrase_checks_policy_first(
    path: Path, store: Store, kdf_spy: KdfSpy
) -> None:
    kf = KeySlotFile.load(path)
    with pytest.raises(ValidationError) as info:
        kf.change_passphrase(ADMIN, ADMIN_PASS, "te kort")
    assert str(info.value) == "Het wachtwoord is te kort: gebruik minstens 12 tekens."
    assert kdf_spy.calls == []
    assert path.read_bytes() == store.raw


def test_add_user_and_refuse_duplicate(path: Path, store: Store, kdf_spy: KdfSpy) -> None:
    kf = KeySlotFile.load(path)
    with pytest.raises(ValidationError) as info:
        kf.add_user("COORDINATOR", NEW_PASS, bytearray(store.data_key))
    assert info.value.field == "user"
    assert kdf_spy.calls == []
    assert path.read_bytes() == store.raw

    kf.add_user("Wijkagent.Nuth", NEW_PASS, bytearray(store.data_key))
    reloaded = KeySlotFile.load(path)
    assert reloaded.users() == [ADMIN, COORD, "wijkagent.nuth"]
    assert reloaded.unlock("wijkagent.nuth", NEW_PASS) == store.data_key


def test_add_user_validates_name(path: Path, store: Store, kdf_spy: KdfSpy) -> None:
    kf = KeySlotFile.load(path)
    for bad in ("", "   ", "a\nb", "x" * 65):
        with pytest.raises(ValidationError):
            kf.add_user(bad, NEW_PASS, bytearray(store.data_key))
    assert kdf_spy.calls == []
    assert path.read_bytes() == store.raw


def test_remove_user(path: Path, kdf_spy: KdfSpy) -> None:
    kf = KeySlotFile.load(path)
    with pytest.raises(NotFound):
        kf.remove_user("mallory")
    kf.remove_user("Coordinator")
    assert kf.users() == [ADMIN]
    reloaded = KeySlotFile.load(path)
    assert reloaded.users() == [ADMIN]
    assert [s.kind for s in reloaded.slots] == ["user", "recovery"]
    with pytest.raises(ValidationError):
        reloaded.remove_user(ADMIN)  # the last user: the store would only open by recovery
    assert reloaded.users() == [ADMIN]
    assert kdf_spy.calls == []


# --------------------------------------------------------------------------- recovery


def test_recovery_code_shape(store: Store) -> None:
    code = store.recovery_code
    assert re.fullmatch(r"([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}", code)
    fresh = {generate_recovery_code() for _ in range(20)}
    assert len(fresh) == 20
    for c in fresh:
        assert format_recovery_code(c) == c
        assert len(normalise_recovery_code(c)) == 32


def test_recovery_code_input_forms() -> None:
    code = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789"
    bare = "ABCDEFGHJKMNPQRSTVWXYZ0123456789"
    for typed in (
        code,
        code.lower(),
        bare,
        bare.lower(),
        " abcd efgh jkmn pqrs tvwx yz01 2345 6789 ",
        "ABCD-EFGH-JKMN-PQRS-TVWX-YZOl-2345-6789",  # O and l read as 0 and 1
    ):
        assert normalise_recovery_code(typed) == bare
        assert format_recovery_code(typed) == code
    for bad in ("", bare[:-1], bare + "A", bare[:-1] + "U", bare[:-1] + "!"):
        with pytest.raises(ValidationError):
            normalise_recovery_code(bad)


def test_unlock_with_recovery_code_in_any_form(path: Path, store: Store) -> None:
    kf = KeySlotFile.load(path)
    code = store.recovery_code
    assert kf.unlock_recovery(code) == store.data_key
    assert kf.unlock_recovery(code.lower().replace("-", "")) == store.data_key
    assert kf.unlock_recovery(code.replace("-", " ")) == store.data_key


def test_wrong_or_malformed_recovery_code(path: Path, store: Store, kdf_spy: KdfSpy) -> None:
    kf = KeySlotFile.load(path)
    with pytest.raises(ValidationError):
        kf.unlock_recovery("1234")
    assert kdf_spy.calls == []
    wrong = "0000-0000-0000-0000-0000-0000-0000-0000"
    assert wrong != store.recovery_code
    with pytest.raises(AuthenticationError) as info:
        kf.unlock_recovery(wrong)
    assert str(info.value) == "De herstelcode klopt niet."


def test_reset_with_recovery_replaces_a_forgotten_passphrase(path: Path, store: Store) -> None:
    before = read_doc(path)
    kf = KeySlotFile.load(path)
    kf.reset_with_recovery(store.recovery_code.lower(), "COORDINATOR", NEW_PASS)
    after = read_doc(path)
    assert slot_of(after, ADMIN) == slot_of(before, ADMIN)
    assert slot_of(after, None) == slot_of(before, None)
    assert slot_of(after, COORD)["slot_id"] == slot_of(before, COORD)["slot_id"]
    reloaded = KeySlotFile.load(path)
    assert reloaded.unlock(COORD, NEW_PASS) == store.data_key
    with pytest.raises(AuthenticationError):
        reloaded.unlock(COORD, COORD_PASS)


def test_reset_with_wrong_recovery_code_changes_nothing(path: Path, store: Store) -> None:
    kf = KeySlotFile.load(path)
    with pytest.raises(AuthenticationError):
        kf.reset_with_recovery("Z" * 32, ADMIN, NEW_PASS)
    assert path.read_bytes() == store.raw


def test_new_recovery_code_replaces_the_recovery_slot(path: Path, store: Store) -> None:
    before_text = path.read_text("utf-8")
    before = read_doc(path)
    kf = KeySlotFile.load(path)
    code = kf.new_recovery_code(bytearray(store.data_key))
    assert normalise_recovery_code(code) != normalise_recovery_code(store.recovery_code)
    after_text = path.read_text("utf-8")
    for user in (ADMIN, COORD):
        block = slot_block(slot_of(before, user))
        assert block in before_text and block in after_text
    reloaded = KeySlotFile.load(path)
    assert reloaded.unlock_recovery(code) == store.data_key
    with pytest.raises(AuthenticationError):
        reloaded.unlock_recovery(store.recovery_code)


# --------------------------------------------------------------------------- tampering


def _rename_user(doc: dict[str, Any]) -> str:
    slot_of(doc, ADMIN)["user"] = "mallory"
    return "mallory"


def _set_kdf(name: str, value: int) -> Callable[[dict[str, Any]], str]:
    def tamper(doc: dict[str, Any]) -> str:
        slot_of(doc, ADMIN)["kdf"][name] = value
        return ADMIN

    return tamper


def _set_field(name: str, value: str) -> Callable[[dict[str, Any]], str]:
    def tamper(doc: dict[str, Any]) -> str:
        slot_of(doc, ADMIN)[name] = value
        return ADMIN

    return tamper


def _set_salt(doc: dict[str, Any]) -> str:
    slot_of(doc, ADMIN)["kdf"]["salt"] = b64(bytes(range(16)))
    return ADMIN


def _flip_ciphertext(doc: dict[str, Any]) -> str:
    slot = slot_of(doc, ADMIN)
    raw = bytearray(base64.b64decode(slot["ciphertext"]))
    raw[0] ^= 0x01
    slot["ciphertext"] = b64(bytes(raw))
    return ADMIN


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(_rename_user, id="user"),
        pytest.param(_set_kdf("iterations", 4), id="iterations"),
        pytest.param(_set_kdf("memory_kib", 65536 + 1024), id="memory"),
        pytest.param(_set_kdf("lanes", 2), id="lanes"),
        pytest.param(_set_salt, id="salt"),
        pytest.param(_set_field("nonce", b64(bytes(12))), id="nonce"),
        pytest.param(_set_field("created", "2020-01-01T00:00:00+00:00"), id="created"),
        pytest.param(_set_field("slot_id", "0" * 32), id="slot_id"),
        pytest.param(_flip_ciphertext, id="ciphertext"),
    ],
)
def test_tampered_slot_does_not_unlock_with_the_right_passphrase(
    path: Path, tamper: Callable[[dict[str, Any]], str]
) -> None:
    doc = read_doc(path)
    user = tamper(doc)
    write_doc(path, doc)
    kf = KeySlotFile.load(path)  # still well-formed
    with pytest.raises(AuthenticationError) as info:
        kf.unlock(user, ADMIN_PASS)
    assert str(info.value) == AUTH_MESSAGE


def test_tampered_recovery_header_does_not_unlock(path: Path, store: Store) -> None:
    doc = read_doc(path)
    slot_of(doc, None)["created"] = "2020-01-01T00:00:00+00:00"
    write_doc(path, doc)
    with pytest.raises(AuthenticationError):
        KeySlotFile.load(path).unlock_recovery(store.recovery_code)


# --------------------------------------------------------------------------- bounds


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("memory_kib", 2**40),
        ("memory_kib", 65535),
        ("memory_kib", 1048577),
        ("memory_kib", 4194304),
        ("memory_kib", True),
        ("memory_kib", "65536"),
        ("memory_kib", 65536.0),
        ("memory_kib", None),
        ("iterations", 10**9),
        ("iterations", 2),
        ("iterations", 11),
        ("iterations", 20),
        ("iterations", -3),
        ("lanes", 0),
        ("lanes", 9),
        ("lanes", 16),
        ("lanes", [4]),
        ("name", "argon2i"),
        ("name", "scrypt"),
        ("version", 16),
        ("salt", b64(bytes(15))),
        ("salt", b64(bytes(65))),
    ],
)
def test_out_of_bounds_kdf_parameters_are_refused_without_running_the_kdf(
    path: Path, kdf_spy: KdfSpy, field: str, value: object
) -> None:
    doc = read_doc(path)
    slot_of(doc, ADMIN)["kdf"][field] = value
    write_doc(path, doc)
    with pytest.raises(StoreDamaged) as info:
        KeySlotFile.load(path).unlock(ADMIN, ADMIN_PASS)
    assert_damaged(info.value)
    assert info.value.exit_code == 5
    assert kdf_spy.calls == []


def test_unlock_checks_bounds_even_for_slots_not_read_from_a_file(
    path: Path, kdf_spy: KdfSpy, monkeypatch: pytest.MonkeyPatch
) -> None:
    kf = KeySlotFile.load(path)
    hostile = tuple(
        replace(s, kdf=KdfParams(memory_kib=2**40, iterations=10**9, lanes=0))
        if s.user == ADMIN
        else s
        for s in kf.slots
    )
    monkeypatch.setattr(kf, "_slots", hostile)
    with pytest.raises(StoreDamaged):
        kf.unlock(ADMIN, ADMIN_PASS)
    assert kdf_spy.calls == []


def test_kdf_running_out_of_memory_is_a_clear_store_error(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Hungry:
        def __init__(self, **kwargs: Any) -> None:
            pass

        def derive(self, key_material: bytes) -> bytes:
            raise MemoryError

    monkeypatch.setattr(keyslots.kdf, "Argon2id", Hungry)
    kf = KeySlotFile.load(path)
    with pytest.raises(StoreDamaged) as info:
        kf.unlock(ADMIN, ADMIN_PASS)
    assert "geheugen" in str(info.value)


def test_kdf_params_validate() -> None:
    KdfParams().validate()
    KdfParams(memory_kib=1048576, iterations=10, lanes=8).validate()
    for bad in (
        KdfParams(memory_kib=1048577),
        KdfParams(iterations=11),
        KdfParams(lanes=9),
        KdfParams(memory_kib=4194304, iterations=20, lanes=16),
        KdfParams(memory_kib=2**40),
        KdfParams(iterations=10**9),
        KdfParams(lanes=0),
        KdfParams(memory_kib=1024),
    ):
        with pytest.raises(StoreDamaged):
            bad.validate()


class StubKdf:
    """Records the parameters the module hands to Argon2id and derives a wrong key fast,
    so the maximum parameters can be tested without allocating a gibibyte."""

    calls: list[tuple[int, int, int]]

    def __init__(self) -> None:
        self.calls = []

    def __call__(
        self, *, salt: bytes, length: int, iterations: int, lanes: int, memory_cost: int
    ) -> StubKdf:
        self.calls.append((memory_cost, iterations, lanes))
        return self

    def derive(self, key_material: bytes) -> bytes:
        return bytes(32)


MAX_PARAMS = {"memory_kib": 1048576, "iterations": 10, "lanes": 8}  # 1 GiB, 10 passes, 8 lanes


@pytest.mark.parametrize("field", sorted(MAX_PARAMS))
def test_kdf_bounds_at_the_maximum_and_one_above(
    path: Path, monkeypatch: pytest.MonkeyPatch, field: str
) -> None:
    stub = StubKdf()
    monkeypatch.setattr(keyslots.kdf, "Argon2id", stub)
    doc = read_doc(path)
    slot_of(doc, ADMIN)["kdf"].update(MAX_PARAMS)  # every parameter at its maximum
    write_doc(path, doc)
    # Accepted: the KDF runs with exactly these values, and the changed (authenticated)
    # header then fails to unwrap like a wrong passphrase.
    with pytest.raises(AuthenticationError):
        KeySlotFile.load(path).unlock(ADMIN, ADMIN_PASS)
    assert stub.calls == [(1048576, 10, 8)]

    slot_of(doc, ADMIN)["kdf"][field] = MAX_PARAMS[field] + 1
    write_doc(path, doc)
    stub.calls.clear()
    with pytest.raises(StoreDamaged) as info:
        KeySlotFile.load(path).unlock(ADMIN, ADMIN_PASS)
    assert_damaged(info.value)
    assert info.value.exit_code == 5
    low = {"memory_kib": 65536, "iterations": 3, "lanes": 1}[field]
    assert f"parameter {field} valt buiten de grenzen {low}..{MAX_PARAMS[field]}" in str(info.value)
    assert stub.calls == []


# --------------------------------------------------------------------------- damaged files


def _doc_edit(edit: Callable[[dict[str, Any]], None]) -> Callable[[bytes], bytes]:
    def apply(raw: bytes) -> bytes:
        doc = json.loads(raw)
        edit(doc)
        return json.dumps(doc, indent=2).encode("utf-8")

    return apply


def _dup_user(doc: dict[str, Any]) -> None:
    copy = dict(slot_of(doc, COORD))
    copy["slot_id"] = "f" * 32
    doc["slots"].append(copy)


def _dup_id(doc: dict[str, Any]) -> None:
    slot_of(doc, COORD)["slot_id"] = slot_of(doc, ADMIN)["slot_id"]


def _drop_recovery(doc: dict[str, Any]) -> None:
    doc["slots"] = [s for s in doc["slots"] if s["kind"] != "recovery"]


def _two_recovery(doc: dict[str, Any]) -> None:
    slot = slot_of(doc, COORD)
    slot["kind"] = "recovery"
    slot["user"] = None


def _only_recovery(doc: dict[str, Any]) -> None:
    doc["slots"] = [s for s in doc["slots"] if s["kind"] == "recovery"]


def _set(path_: tuple[str | int, ...], value: object) -> Callable[[dict[str, Any]], None]:
    def edit(doc: dict[str, Any]) -> None:
        target: Any = doc
        for part in path_[:-1]:
            target = target[part]
        target[path_[-1]] = value

    return edit


def _delete(path_: tuple[str | int, ...]) -> Callable[[dict[str, Any]], None]:
    def edit(doc: dict[str, Any]) -> None:
        target: Any = doc
        for part in path_[:-1]:
            target = target[part]
        del target[path_[-1]]

    return edit


def _flip_bit(position: int) -> Callable[[bytes], bytes]:
    def apply(raw: bytes) -> bytes:
        data = bytearray(raw)
        data[position % len(data)] ^= 0x04
        return bytes(data)

    return apply


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda raw: b"",
    "garbage": lambda raw: os.urandom(200),
    "not-json": lambda raw: b"dit is geen sleutelbestand\n",
    "not-utf8": lambda raw: b"\xff\xfe" + raw,
    "bom": lambda raw: b"\xef\xbb\xbf" + raw,
    "truncated-half": lambda raw: raw[: len(raw) // 2],
    "truncated-one": lambda raw: raw.rstrip()[:-1],
    "json-list": lambda raw: b"[]",
    "json-null": lambda raw: b"null",
    "deep-nesting": lambda raw: b"[" * 100_000 + b"]" * 100_000,
    "huge-number": lambda raw: b'{"format": "sociaalveilig-keyslots", "version": '
    + b"9" * 5000
    + b"}",
    "too-large": lambda raw: raw + b" " * (2 * 1024 * 1024),
    "duplicate-key": lambda raw: raw.replace(b'"version": 1\n}', b'"version": 1, "version": 1\n}'),
    "flip-format": _flip_bit(10),
    "flip-brace": _flip_bit(0),
    "wrong-format": _doc_edit(_set(("format",), "iets-anders")),
    "no-format": _doc_edit(_delete(("format",))),
    "version-2": _doc_edit(_set(("version",), 2)),
    "version-string": _doc_edit(_set(("version",), "1")),
    "extra-top-field": _doc_edit(_set(("extra",), 1)),
    "slots-not-list": _doc_edit(_set(("slots",), {})),
    "slot-not-object": _doc_edit(_set(("slots", 0), "slot")),
    "no-slots": _doc_edit(_set(("slots",), [])),
    "dup-user": _doc_edit(_dup_user),
    "dup-slot-id": _doc_edit(_dup_id),
    "no-recovery": _doc_edit(_drop_recovery),
    "two-recovery": _doc_edit(_two_recovery),
    "no-user": _doc_edit(_only_recovery),
    "missing-ciphertext": _doc_edit(_delete(("slots", 0, "ciphertext"))),
    "missing-kdf": _doc_edit(_delete(("slots", 0, "kdf"))),
    "missing-salt": _doc_edit(_delete(("slots", 0, "kdf", "salt"))),
    "extra-slot-field": _doc_edit(_set(("slots", 0, "passphrase_hint"), "x")),
    "bad-b64-chars": _doc_edit(_set(("slots", 0, "nonce"), "!!!!????????")),
    "bad-b64-padding": _doc_edit(_set(("slots", 0, "nonce"), "AAAAAAAAAAAAAAA")),
    "non-canonical-b64": _doc_edit(_set(("slots", 0, "kdf", "salt"), "AAAAAAAAAAAAAAAAAAAAAB==")),
    "non-ascii-b64": _doc_edit(_set(("slots", 0, "nonce"), "ÄAAAAAAAAAAAAAAA")),
    "b64-not-string": _doc_edit(_set(("slots", 0, "nonce"), 12)),
    "nonce-16": _doc_edit(_set(("slots", 0, "nonce"), b64(bytes(16)))),
    "ciphertext-32": _doc_edit(_set(("slots", 0, "ciphertext"), b64(bytes(32)))),
    "ciphertext-64": _doc_edit(_set(("slots", 0, "ciphertext"), b64(bytes(64)))),
    "kind-unknown": _doc_edit(_set(("slots", 0, "kind"), "admin")),
    "user-upper": _doc_edit(_set(("slots", 0, "user"), "Beheerder")),
    "user-newline": _doc_edit(_set(("slots", 0, "user"), "be\nheerder")),
    "user-surrogate": _doc_edit(_set(("slots", 0, "user"), "be\udcffheerder")),
    "user-not-string": _doc_edit(_set(("slots", 0, "user"), 7)),
    "user-missing-on-user-slot": _doc_edit(_set(("slots", 0, "user"), None)),
    "recovery-with-user": _doc_edit(_set(("slots", 1, "user"), "x")),
    "slot-version": _doc_edit(_set(("slots", 0, "version"), 2)),
    "slot-id-short": _doc_edit(_set(("slots", 0, "slot_id"), "abc")),
    "slot-id-upper": _doc_edit(_set(("slots", 0, "slot_id"), "A" * 32)),
    "created-local": _doc_edit(_set(("slots", 0, "created"), "2026-01-01T10:00:00+01:00")),
    "created-garbage": _doc_edit(_set(("slots", 0, "created"), "gisteren")),
    "created-bad-date": _doc_edit(_set(("slots", 0, "created"), "2026-13-45T10:00:00+00:00")),
    "created-unicode-digits": _doc_edit(
        _set(("slots", 0, "created"), "٢٠٢٦-01-01T10:00:00+00:00")
    ),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_file_raises_store_damaged(
    path: Path, store: Store, kdf_spy: KdfSpy, damage: str
) -> None:
    path.write_bytes(DAMAGE[damage](store.raw))
    with pytest.raises(StoreDamaged) as info:
        KeySlotFile.load(path)
    assert_damaged(info.value)
    assert info.value.__cause__ is None  # no raw exception attached either
    assert kdf_spy.calls == []


def test_missing_file_and_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(StoreDamaged) as missing:
        KeySlotFile.load(tmp_path / KEYSLOT_FILENAME)
    assert "ontbreekt" in str(missing.value)
    folder = tmp_path / "sub" / KEYSLOT_FILENAME
    folder.mkdir(parents=True)
    with pytest.raises(StoreDamaged):
        KeySlotFile.load(folder)


def test_every_single_bit_flip_in_the_header_area_is_caught(
    path: Path, store: Store, kdf_spy: KdfSpy
) -> None:
    # Flips in the structural part (before the first slot) must all be damage; flips
    # inside slots are covered by the fuzz test, which can afford unlock attempts.
    start = store.raw.index(b'"slots"') + len(b'"slots": [')
    for position in range(start):
        for bit in range(8):
            data = bytearray(store.raw)
            data[position] ^= 1 << bit
            path.write_bytes(bytes(data))
            try:
                KeySlotFile.load(path)
            except StoreDamaged:
                continue
            # A few flips keep the JSON equivalent (whitespace); the file must then be intact.
            assert json.loads(bytes(data)) == json.loads(store.raw), (position, bit)
    assert kdf_spy.calls == []


# --------------------------------------------------------------------------- writing


def test_failed_replace_leaves_the_file_and_the_object_unchanged(
    path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    kf = KeySlotFile.load(path)

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(keyslots.slot_file.os, "replace", broken_replace)
    with pytest.raises(StoreDamaged) as info:
        kf.remove_user(COORD)
    assert "kon niet worden opgeslagen" in str(info.value)
    assert "ongewijzigd" in str(info.value)
    assert path.read_bytes() == store.raw
    assert kf.users() == [ADMIN, COORD]
    assert sorted(p.name for p in path.parent.iterdir() if p.name != LOCK_FILENAME) == [
        KEYSLOT_FILENAME
    ]


def test_save_fsyncs_file_and_folder(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kf = KeySlotFile.load(path)
    synced: list[int] = []
    real_fsync = os.fsync

    def spy_fsync(fd: int) -> None:
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(keyslots.slot_file.os, "fsync", spy_fsync)
    kf.remove_user(COORD)
    assert len(synced) >= (2 if os.name == "posix" else 1)
    assert sorted(p.name for p in path.parent.iterdir() if p.name != LOCK_FILENAME) == [
        KEYSLOT_FILENAME
    ]


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_file_mode_is_0600(path: Path, store: Store, tmp_path: Path) -> None:
    path.chmod(0o644)
    old_umask = os.umask(0)
    try:
        kf = KeySlotFile.load(path)
        kf.save()
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert kf.users() == [ADMIN, COORD]
    assert path.read_bytes() == store.raw  # save of an unchanged file is byte-identical




# --------------------------------------------------------------------------- secrets


def test_secrets_never_in_the_file(store: Store) -> None:
    text = store.raw.decode("utf-8")
    for secret in (ADMIN_PASS, COORD_PASS, store.recovery_code,
                   normalise_recovery_code(store.recovery_code)):
        assert secret not in text
        assert secret.lower() not in text.lower()
    assert store.data_key not in store.raw
    assert store.data_key.hex() not in text
    assert b64(store.data_key) not in text
    assert b64(store.data_key)[:20] not in text


def test_secrets_never_in_reprs_or_messages(path: Path, store: Store) -> None:
    kf = KeySlotFile.load(path)
    texts = [repr(kf), str(kf)]
    texts += [repr(s) for s in kf.slots] + [str(s) for s in kf.slots]
    with pytest.raises(AuthenticationError) as wrong:
        kf.unlock(ADMIN, "Geheim-en-fout-wachtwoord")
    texts += [str(wrong.value), repr(wrong.value)]
    with pytest.raises(ValidationError) as short:
        check_passphrase_policy("Geheim-kort")
    texts += [str(short.value), repr(short.value)]
    with pytest.raises(ValidationError) as bad_code:
        kf.unlock_recovery(store.recovery_code[:-2])
    texts += [str(bad_code.value), repr(bad_code.value)]
    joined = "\n".join(texts)
    for secret in ("Geheim", ADMIN_PASS, COORD_PASS, store.recovery_code[:9],
                   normalise_recovery_code(store.recovery_code)[:8]):
        assert secret not in joined
    assert store.data_key.hex() not in joined
    assert not any("salt" in repr(s) or "ciphertext" in repr(s) for s in kf.slots)
    for slot in kf.slots:
        assert set(vars(slot)) == {
            "slot_id", "kind", "user", "kdf", "salt", "nonce", "ciphertext", "created", "version",
            "must_change",
        }


# --------------------------------------------------------------------------- policy, helpers


def test_passphrase_policy() -> None:
    with pytest.raises(ValidationError) as info:
        check_passphrase_policy("elf tekens!")  # 11
    assert str(info.value) == "Het wachtwoord is te kort: gebruik minstens 12 tekens."
    assert info.value.field == "passphrase"
    assert info.value.exit_code == 4
    check_passphrase_policy("twaalf teken")  # exactly 12, and not easy to guess
    # Unicode characters are counted after NFC, not bytes or combining marks.
    with pytest.raises(ValidationError) as nfd:
        check_passphrase_policy(unicodedata.normalize("NFD", "ééééééééééé"))  # 11 after NFC
    assert "te kort" in str(nfd.value)
    check_passphrase_policy(unicodedata.normalize("NFD", "één fiets rijdt"))
    with pytest.raises(ValidationError):
        check_passphrase_policy("x" * 1025)
    with pytest.raises(ValidationError):
        check_passphrase_policy("twaalf tekens \udcff")


@pytest.mark.parametrize(
    "passphrase",
    [
        "aaaaaaaaaaaaaaaa",  # long, but one character
        "            ",  # nothing is stripped: twelve spaces are twelve characters
        "éééééééééééé",
        "\U0001f511" * 12,
        "abcdefghijkl",  # a sequence
        "qwertyuiop12",  # a keyboard row
        "wachtwoord1234",  # Dutch for password, plus digits
        "welkom123456",
        "beheerder123",
    ],
)
def test_passphrase_policy_refuses_the_obvious(passphrase: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_passphrase_policy(passphrase)
    assert info.value.field == "passphrase"
    assert info.value.exit_code == 4
    assert "te makkelijk te raden" in str(info.value)
    assert "een paar woorden" in str(info.value)


def test_passphrase_policy_says_why_in_dutch() -> None:
    with pytest.raises(ValidationError) as info:
        check_passphrase_policy("aaaaaaaaaaaaaaaa")
    assert "Herhalingen zoals 'aaa' zijn makkelijk te raden." in str(info.value)


def test_passphrase_policy_counts_the_user_name_as_guessable() -> None:
    check_passphrase_policy("anneke.jansen.2026")
    with pytest.raises(ValidationError):
        check_passphrase_policy("anneke.jansen.2026", ("anneke.jansen",))


@pytest.mark.parametrize(
    ("passphrase", "low", "high"),
    [
        ("", 0, 0),
        ("kort", 0, 0),
        ("Abc123!xyz9", 0, 0),  # 11 characters: below the policy
        ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0, 0),  # long but one character
        ("abababababababababab", 0, 1),
        ("wachtwoord1234", 0, 2),
        ("Koffie op dinsdag, om 9 uur!", 3, 4),
        ("fiets lamp wolk rivier", 3, 4),
    ],
)
def test_passphrase_strength(passphrase: str, low: int, high: int) -> None:
    assert low <= passphrase_strength(passphrase) <= high


def test_passphrase_strength_agrees_with_the_policy() -> None:
    for text in ("wachtwoord1234", "aaaaaaaaaaaaaaaa", "twaalf teken", "fiets lamp wolk rivier"):
        try:
            check_passphrase_policy(text)
        except ValidationError:
            assert passphrase_strength(text) < 3
        else:
            assert passphrase_strength(text) >= 3


def test_generate_data_key_and_wipe() -> None:
    key = generate_data_key()
    assert isinstance(key, bytearray) and len(key) == 32
    assert generate_data_key() != key
    buffer = key
    wipe(key)
    assert key is buffer and len(key) == 32 and key == bytearray(32)


def test_data_key_length_is_checked(path: Path) -> None:
    kf = KeySlotFile.load(path)
    with pytest.raises(ValueError):
        kf.add_user("nieuw", NEW_PASS, bytearray(16))


def test_keyslot_header_is_canonical_and_excludes_ciphertext(path: Path) -> None:
    slot: KeySlot = KeySlotFile.load(path).slots[0]
    header = slot.header_bytes()
    decoded = json.loads(header)
    assert header == json.dumps(decoded, sort_keys=True, separators=(",", ":")).encode()
    assert "ciphertext" not in decoded
    assert b" " not in header
    assert decoded["user"] == ADMIN and decoded["kind"] == "user"
    assert decoded["kdf"]["salt"] == b64(slot.salt)
    assert decoded["nonce"] == b64(slot.nonce)



def test_names_stored_before_case_folding_still_load(path: Path) -> None:
    """Slots written when names were NFC and lower case (``straße``) are not damage."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    slot_of(doc, COORD)["user"] = "straße"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert "straße" in KeySlotFile.load(path).users()
    slot_of(doc, "straße")["user"] = "Straße"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(StoreDamaged):
        KeySlotFile.load(path)
