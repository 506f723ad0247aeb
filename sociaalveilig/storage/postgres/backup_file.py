"""The centre's backup file: a ``pg_dump`` archive encrypted with the backup passphrase.

Why a passphrase and not a key file: a key file would have to live somewhere the backup
job can read it, which on a small municipality's server is the same disk the database
and the backups are on; whoever steals one steals the other. A passphrase can be kept
apart (in the municipality's password safe, a sealed envelope), is what the single desk's
backups already ask for, and an automated backup reads it from a systemd credential that
only the service user can read (docs/server.md).

Layout (all integers big-endian)::

    MAGIC (8 bytes) | header length (4) | header (JSON, UTF-8)
    then chunks: length (4) | AES-256-GCM ciphertext with its 16-byte tag

The key is Argon2id over the passphrase with the header's salt and parameters (the key
slots' own defaults, bounded before use). Every chunk's nonce is the header's 8-byte
prefix and the chunk's number (4 bytes); its associated data is the SHA-256 of the header,
the chunk's number and a final flag, so a chunk cannot be moved, dropped, repeated, taken
from another backup or cut off at the end without the tag failing. The header itself is
bound by that digest too. The header's key check (a tag over nothing, under the key)
tells a wrong passphrase (exit 3) from a damaged file (exit 5).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from sociaalveilig.core.errors import AuthenticationError, StoreDamaged
from sociaalveilig.core.i18n import tr
from sociaalveilig.storage.keyslots import KdfParams

MAGIC = b"SVCENTR1"
FORMAT = "sociaalveilig-centre-backup"
VERSION = 1
CHUNK_BYTES = 1 << 20
"""Plaintext per chunk: small enough to stream, large enough that the tags cost nothing."""
MAX_HEADER_BYTES = 64 * 1024
SALT_BYTES = 16
NONCE_PREFIX_BYTES = 8
TAG_BYTES = 16
MAX_CHUNKS = 2**32 - 1
"""Chunk numbers run below this; the number itself is the key check's."""
KEY_CHECK_NUMBER = b"\xff\xff\xff\xff"
KEY_CHECK_DATA = b"sociaalveilig centre backup key check"


def _damaged(detail: str) -> StoreDamaged:
    return StoreDamaged(
        tr("Het back-upbestand is beschadigd of gemanipuleerd ({detail}). Gebruik een andere "
           "back-up.").format(detail=detail)
    )


def _wrong_passphrase() -> AuthenticationError:
    return AuthenticationError(
        tr("Het wachtwoord van de back-up klopt niet (of het bestand is beschadigd).")
    )


def _derive(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    problem = params.problem()
    if problem is not None:
        raise _damaged(problem)
    if len(salt) != SALT_BYTES:
        raise _damaged(tr("het zout heeft een ongeldige lengte"))
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passphrase.encode("utf-8"))


def _associated(header_digest: bytes, number: int, final: bool) -> bytes:
    return header_digest + struct.pack(">I?", number, final)


@dataclass(frozen=True)
class BackupHeader:
    created: str
    """UTC time the backup was started (ISO 8601)."""
    schema: str
    """The Alembic revision of the dumped database."""
    raw: bytes

    @property
    def digest(self) -> bytes:
        return hashlib.sha256(self.raw).digest()


def _key_check(aes: AESGCM, prefix: bytes) -> bytes:
    """A tag over nothing under the key: tells a wrong passphrase from a damaged chunk."""
    return aes.encrypt(prefix + KEY_CHECK_NUMBER, b"", KEY_CHECK_DATA)


def _header_bytes(
    created: str, schema: str, salt: bytes, prefix: bytes, params: KdfParams, check: bytes
) -> bytes:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "created": created,
        "schema": schema,
        "content": "pg_dump --format=custom",
        "kdf": {
            "name": "argon2id",
            "salt": base64.b64encode(salt).decode("ascii"),
            "memory_kib": params.memory_kib,
            "iterations": params.iterations,
            "lanes": params.lanes,
        },
        "cipher": "aes-256-gcm",
        "nonce_prefix": base64.b64encode(prefix).decode("ascii"),
        "chunk_bytes": CHUNK_BYTES,
        "key_check": base64.b64encode(check).decode("ascii"),
    }
    return json.dumps(document, sort_keys=True, separators=(",", ":")).encode("utf-8")


class EncryptingWriter:
    """Takes the dump's bytes in any pieces and writes the encrypted file to ``out``.
    ``close()`` writes the final chunk; a file without it does not decrypt."""

    def __init__(self, out: BinaryIO, passphrase: str, created: str, schema: str) -> None:
        salt = os.urandom(SALT_BYTES)
        prefix = os.urandom(NONCE_PREFIX_BYTES)
        params = KdfParams()
        self._aes = AESGCM(_derive(passphrase, salt, params))
        raw = _header_bytes(created, schema, salt, prefix, params, _key_check(self._aes, prefix))
        self._out = out
        self._prefix = prefix
        self._digest = hashlib.sha256(raw).digest()
        self._pending = bytearray()
        self._number = 0
        self.plain_bytes = 0
        out.write(MAGIC + struct.pack(">I", len(raw)) + raw)

    def write(self, data: bytes) -> None:
        self._pending += data
        self.plain_bytes += len(data)
        # Always keep something back: the last chunk is written by close(), flagged final.
        while len(self._pending) > CHUNK_BYTES:
            self._chunk(bytes(self._pending[:CHUNK_BYTES]), final=False)
            del self._pending[:CHUNK_BYTES]

    def close(self) -> None:
        self._chunk(bytes(self._pending), final=True)
        self._pending.clear()

    def _chunk(self, plain: bytes, final: bool) -> None:
        if self._number >= MAX_CHUNKS:
            raise _damaged(tr("te groot"))
        nonce = self._prefix + struct.pack(">I", self._number)
        sealed = self._aes.encrypt(nonce, plain, _associated(self._digest, self._number, final))
        self._out.write(struct.pack(">I", len(sealed)) + sealed)
        self._number += 1


def _read_exact(source: BinaryIO, size: int) -> bytes:
    data = source.read(size)
    if len(data) != size:
        raise _damaged(tr("het bestand houdt te vroeg op"))
    return data


def read_header(source: BinaryIO) -> tuple[BackupHeader, dict[str, object]]:
    if source.read(len(MAGIC)) != MAGIC:
        raise _damaged(tr("geen back-up van een centrum"))
    (length,) = struct.unpack(">I", _read_exact(source, 4))
    if not 0 < length <= MAX_HEADER_BYTES:
        raise _damaged(tr("ongeldige kop"))
    raw = _read_exact(source, length)
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _damaged(tr("ongeldige kop")) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _damaged(tr("geen back-up van een centrum"))
    if document.get("version") != VERSION:
        raise _damaged(tr("onbekende versie {version}").format(version=document.get("version")))
    header = BackupHeader(str(document.get("created", "")), str(document.get("schema", "")), raw)
    return header, document


def _key_material(document: dict[str, object]) -> tuple[bytes, bytes, KdfParams, bytes]:
    try:
        kdf = document["kdf"]
        assert isinstance(kdf, dict)
        salt = base64.b64decode(str(kdf["salt"]), validate=True)
        prefix = base64.b64decode(str(document["nonce_prefix"]), validate=True)
        check = base64.b64decode(str(document["key_check"]), validate=True)
        params = KdfParams(kdf["memory_kib"], kdf["iterations"], kdf["lanes"])
    except (KeyError, AssertionError, ValueError, TypeError):
        raise _damaged(tr("ongeldige kop")) from None
    if len(prefix) != NONCE_PREFIX_BYTES:
        raise _damaged(tr("ongeldige kop"))
    return salt, prefix, params, check


def decrypted_chunks(source: BinaryIO, passphrase: str) -> Iterator[bytes]:
    """The dump's bytes, chunk by chunk, each authenticated before it is yielded. Raises
    AuthenticationError when the passphrase does not fit the header's key check, and
    StoreDamaged for any other fault (a changed, missing or added chunk, a cut-off file)."""
    header, document = read_header(source)
    salt, prefix, params, check = _key_material(document)
    aes = AESGCM(_derive(passphrase, salt, params))
    try:
        aes.decrypt(prefix + KEY_CHECK_NUMBER, check, KEY_CHECK_DATA)
    except InvalidTag:
        raise _wrong_passphrase() from None
    number = 0
    while True:
        length_bytes = source.read(4)
        if not length_bytes:
            raise _damaged(tr("het laatste deel ontbreekt"))
        if len(length_bytes) < 4:
            raise _damaged(tr("het bestand houdt te vroeg op"))
        (length,) = struct.unpack(">I", length_bytes)
        if not TAG_BYTES <= length <= CHUNK_BYTES + TAG_BYTES:
            raise _damaged(tr("ongeldige deellengte"))
        sealed = _read_exact(source, length)
        nonce = prefix + struct.pack(">I", number)
        plain, final = _open(aes, nonce, sealed, header.digest, number)
        yield plain
        number += 1
        if final:
            break
    if source.read(1):
        raise _damaged(tr("gegevens na het laatste deel"))


def _open(
    aes: AESGCM, nonce: bytes, sealed: bytes, digest: bytes, number: int
) -> tuple[bytes, bool]:
    for final in (False, True):
        try:
            return aes.decrypt(nonce, sealed, _associated(digest, number, final)), final
        except InvalidTag:
            continue
    raise _damaged(tr("deel {n} klopt niet").format(n=number + 1))


def header_of(path: str | os.PathLike[str]) -> BackupHeader:
    with open(path, "rb") as fh:
        return read_header(fh)[0]


def iterate_file(path: str | os.PathLike[str], passphrase: str) -> Iterable[bytes]:
    """``decrypted_chunks`` over a file that stays open while the chunks are read."""
    with open(path, "rb") as fh:
        yield from decrypted_chunks(fh, passphrase)
