"""Fuzz the key-slot file reader: hostile bytes only ever give StoreDamaged or AuthenticationError.

The number of examples comes from ``SV_FUZZ_EXAMPLES`` (default 200), so a torture run can
raise it. Argon2id is replaced by a fast stand-in for this module: the reader, the bounds
checks and AES-GCM are the real ones, and the stand-in still depends on every parameter,
the salt and the secret, so a changed header still fails to unwrap. The real KDF is covered
by test_keyslots.py.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sociaalveilig.core.errors import AuthenticationError, StoreDamaged
from sociaalveilig.storage import keyslots
from sociaalveilig.storage.keyslots import KEYSLOT_FILENAME, KeySlotFile, generate_data_key

EXAMPLES = int(os.environ.get("SV_FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # keep the project tree clean; failures print their reproduction
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

USERS = {"beheerder": "Fuzz-wachtwoord beheerder 1", "partner": "Fuzz-wachtwoord partner 2"}


class FastArgon2id:
    """Stand-in with Argon2id's constructor and derive(); cheap, but parameter-bound."""

    calls = 0

    def __init__(self, *, salt: bytes, length: int, iterations: int, lanes: int,
                 memory_cost: int) -> None:
        # The real module must have checked these before we get here.
        assert 65536 <= memory_cost <= 1048576
        assert 3 <= iterations <= 10
        assert 1 <= lanes <= 8
        assert 16 <= len(salt) <= 64
        self._prefix = f"{length}:{iterations}:{lanes}:{memory_cost}:".encode() + salt
        self._length = length

    def derive(self, key_material: bytes) -> bytes:
        FastArgon2id.calls += 1
        return hashlib.blake2b(
            self._prefix + b"|" + bytes(key_material), digest_size=self._length
        ).digest()


@dataclass(frozen=True)
class Valid:
    raw: bytes
    data_key: bytes
    recovery_code: str
    folder: Path


@pytest.fixture(scope="module")
def valid(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Valid]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(keyslots.kdf, "Argon2id", FastArgon2id)
        folder = tmp_path_factory.mktemp("keyslots-fuzz")
        path = folder / "template.json"
        key = generate_data_key()
        users = iter(USERS.items())
        first, first_pass = next(users)
        kf, code = KeySlotFile.create(path, key, first, first_pass)
        for user, passphrase in users:
            kf.add_user(user, passphrase, key)
        yield Valid(path.read_bytes(), bytes(key), code, folder)


def exercise(valid: Valid, data: bytes) -> None:
    """Load ``data``; if it loads, every unlock gives the right key or a clean failure."""
    path = valid.folder / KEYSLOT_FILENAME
    path.write_bytes(data)
    try:
        kf = KeySlotFile.load(path)
    except StoreDamaged as exc:
        assert str(exc).startswith(f"Het sleutelbestand {KEYSLOT_FILENAME} ")
        return
    assert len(kf.users()) >= 1
    attempts: list[Any] = [lambda u=u, p=p: kf.unlock(u, p) for u, p in USERS.items()]
    attempts.append(lambda: kf.unlock_recovery(valid.recovery_code))
    for attempt in attempts:
        try:
            key = attempt()
        except (AuthenticationError, StoreDamaged):
            continue
        # Whatever survived the damage must still be the one true key.
        assert key == valid.data_key


@FUZZ
@given(data=st.binary(max_size=4096))
def test_random_bytes(valid: Valid, data: bytes) -> None:
    exercise(valid, data)


@FUZZ
@given(st.data())
def test_truncations(valid: Valid, data: st.DataObject) -> None:
    cut = data.draw(st.integers(min_value=0, max_value=len(valid.raw) - 1), label="cut")
    exercise(valid, valid.raw[:cut])


@FUZZ
@given(st.data())
def test_single_bit_flips(valid: Valid, data: st.DataObject) -> None:
    bit = data.draw(st.integers(min_value=0, max_value=len(valid.raw) * 8 - 1), label="bit")
    flipped = bytearray(valid.raw)
    flipped[bit // 8] ^= 1 << (bit % 8)
    exercise(valid, bytes(flipped))


@FUZZ
@given(st.data())
def test_random_byte_overwrites(valid: Valid, data: st.DataObject) -> None:
    raw = bytearray(valid.raw)
    count = data.draw(st.integers(min_value=1, max_value=8), label="count")
    for _ in range(count):
        at = data.draw(st.integers(min_value=0, max_value=len(raw) - 1), label="at")
        raw[at] = data.draw(st.integers(min_value=0, max_value=255), label="byte")
    exercise(valid, bytes(raw))


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)


def _locations(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key/index path inside a JSON document."""
    found: list[tuple[Any, ...]] = []
    if isinstance(doc, dict):
        for key, value in doc.items():
            found.append((*prefix, key))
            found.extend(_locations(value, (*prefix, key)))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            found.append((*prefix, index))
            found.extend(_locations(value, (*prefix, index)))
    return found


@FUZZ
@given(st.data())
def test_structured_value_replacement(valid: Valid, data: st.DataObject) -> None:
    doc = json.loads(valid.raw)
    where = data.draw(st.sampled_from(_locations(doc)), label="where")
    value = data.draw(JSON_VALUES, label="value")
    target: Any = doc
    for part in where[:-1]:
        target = target[part]
    target[where[-1]] = value
    exercise(valid, json.dumps(doc, indent=2, sort_keys=True).encode("utf-8"))


def test_stand_in_was_used_and_the_template_unlocks(valid: Valid) -> None:
    before = FastArgon2id.calls
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(keyslots.kdf, "Argon2id", FastArgon2id)
        exercise(valid, valid.raw)  # the happy path must really unlock
        kf = KeySlotFile.load(valid.folder / KEYSLOT_FILENAME)
        assert kf.unlock("beheerder", USERS["beheerder"]) == valid.data_key
    assert FastArgon2id.calls > before
