"""The centre's backup file format: encrypted in authenticated chunks (no database needed)."""

from __future__ import annotations

import io
import struct

import pytest

from sociaalveilig.core.errors import AuthenticationError, StoreDamaged
from sociaalveilig.storage.postgres import backup as pg_backup
from sociaalveilig.storage.postgres.backup_file import (
    CHUNK_BYTES,
    MAGIC,
    EncryptingWriter,
    decrypted_chunks,
)

PASSPHRASE = "back-up-wachtwoord-centrum-2026"


def _encrypt(data: bytes, pieces: int = 7) -> bytes:
    out = io.BytesIO()
    writer = EncryptingWriter(out, PASSPHRASE, "2026-04-15T08:00:00Z", "0006")
    step = max(1, len(data) // pieces)
    for start in range(0, len(data), step):
        writer.write(data[start : start + step])
    writer.close()
    return out.getvalue()


def _decrypt(blob: bytes, passphrase: str = PASSPHRASE) -> bytes:
    return b"".join(decrypted_chunks(io.BytesIO(blob), passphrase))


def _chunk_offsets(blob: bytes) -> list[tuple[int, int]]:
    """(start, end) of every chunk record after the header."""
    (header_length,) = struct.unpack(">I", blob[len(MAGIC) : len(MAGIC) + 4])
    at = len(MAGIC) + 4 + header_length
    offsets = []
    while at < len(blob):
        (length,) = struct.unpack(">I", blob[at : at + 4])
        offsets.append((at, at + 4 + length))
        at += 4 + length
    return offsets


DATA = bytes(range(256)) * (CHUNK_BYTES // 256) * 2 + b"tail of the dump"


def test_round_trip_over_several_chunks_and_no_plaintext_in_the_file() -> None:
    blob = _encrypt(DATA)
    assert len(_chunk_offsets(blob)) == 3
    assert _decrypt(blob) == DATA
    assert b"tail of the dump" not in blob


def test_an_empty_dump_still_has_its_final_chunk() -> None:
    assert _decrypt(_encrypt(b"")) == b""


def test_a_wrong_passphrase_is_an_authentication_failure() -> None:
    with pytest.raises(AuthenticationError):
        _decrypt(_encrypt(DATA), "een-ander-wachtwoord-2026")


def test_a_changed_byte_a_cut_off_end_and_swapped_chunks_are_damage() -> None:
    blob = _encrypt(DATA)
    offsets = _chunk_offsets(blob)
    changed = bytearray(blob)
    changed[offsets[1][0] + 100] ^= 1
    cut = blob[: offsets[-1][0]]
    (a0, a1), (b0, b1) = offsets[1], offsets[2]
    swapped = blob[:a0] + blob[b0:b1] + blob[a0:a1]
    for bad in (bytes(changed), cut, blob + b"x", swapped):
        with pytest.raises(StoreDamaged):
            _decrypt(bad)


def test_a_changed_header_fails_every_chunk() -> None:
    blob = bytearray(_encrypt(DATA))
    at = blob.index(b'"created":"2026') + len('"created":"')
    blob[at : at + 4] = b"2025"
    with pytest.raises(StoreDamaged):
        _decrypt(bytes(blob))


def test_a_damaged_first_chunk_is_damage_not_a_wrong_passphrase() -> None:
    blob = bytearray(_encrypt(b"a small dump in one chunk"))
    blob[-5] ^= 1
    with pytest.raises(StoreDamaged):
        _decrypt(bytes(blob))


def test_another_file_is_not_taken_for_a_backup() -> None:
    with pytest.raises(StoreDamaged):
        _decrypt(b"PGDMP\x01\x0e\x00" + b"\0" * 100)


def test_copy_fields_are_unescaped_as_postgresql_writes_them() -> None:
    assert pg_backup.copy_field("\\N") is None
    assert pg_backup.copy_field("a\\tb\\\\c\\nd") == "a\tb\\c\nd"
    lines = iter(["SET x;", "COPY public.audit_head (id, last_id, last_hash) FROM stdin;",
                  "1\t2\tab", "\\.", "COPY public.other (id) FROM stdin;", "9", "\\."])
    assert list(pg_backup.copy_rows(lines, "audit_head")) == [
        {"id": "1", "last_id": "2", "last_hash": "ab"}
    ]


def test_the_password_reaches_the_tools_through_the_environment_only() -> None:
    env = pg_backup.libpq_environment(
        "postgresql://eigenaar:geheim@db.example:6543/centrum?sslmode=verify-full"
    )
    assert env["PGPASSWORD"] == "geheim"
    assert (env["PGHOST"], env["PGPORT"], env["PGDATABASE"], env["PGUSER"]) == (
        "db.example", "6543", "centrum", "eigenaar"
    )
    assert env["PGSSLMODE"] == "verify-full"
