"""The audit anchor: the last audit head the store reached, kept outside the database.

A database file copied back from earlier, a deleted write-ahead log or a damaged WAL frame
all open as a valid store with a valid (shorter) audit chain: nothing inside the file can
tell. So the head (sequence number and hash of the newest audit entry) is also written to
``audit-anchor.json`` beside the database, authenticated with HMAC-SHA256 under a key
derived from the data key (HKDF), and checked at every open and by ``verify``.

Crash windows: the anchor is written only after the unit that appended audit entries has
committed (and the store runs ``synchronous=FULL``), so after a crash the anchor can lag
behind the database but never run ahead of it. A lagging anchor only weakens the check
(the last units are not covered); it never raises a false alarm.

A setting in the database (``audit.anchor``) says an anchor has been made for it, so
deleting the anchor file is itself noticed; a store from before the anchor existed gets
one at its first open.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import select
from sqlalchemy.orm import Session

from sociaalveilig.core.errors import StoreDamaged
from sociaalveilig.core.i18n import tr
from sociaalveilig.storage.audit import GENESIS_HASH
from sociaalveilig.storage.models import AuditEntry, AuditHead, Setting

ANCHOR_FILENAME = "audit-anchor.json"
ANCHOR_FORMAT = "sociaalveilig-audit-anchor"
ANCHOR_SETTING = "audit.anchor"
_HKDF_INFO = b"sociaalveilig audit anchor v1"
_MAX_BYTES = 4096
SHORT_HASH = 12


@dataclass(frozen=True)
class AuditHeadMark:
    """An audit head: the newest entry's sequence number and hash."""

    last_id: int
    last_hash: str

    @property
    def short_hash(self) -> str:
        """The start of the hash, as printed on paper beside the sequence number."""
        return self.last_hash[:SHORT_HASH]


def derive_anchor_key(data_key: bytes | bytearray) -> bytearray:
    """A key used only for the anchor's HMAC, so the data key itself signs nothing."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_HKDF_INFO)
    return bytearray(hkdf.derive(bytes(data_key)))


def _mac(key: bytes | bytearray, mark: AuditHeadMark) -> str:
    message = json.dumps([ANCHOR_FORMAT, 1, mark.last_id, mark.last_hash]).encode("utf-8")
    return hmac.new(bytes(key), message, hashlib.sha256).hexdigest()


def to_document(key: bytes | bytearray, mark: AuditHeadMark) -> dict[str, Any]:
    """The anchor as JSON (the file's content, and the manifest entry of a backup)."""
    return {
        "format": ANCHOR_FORMAT,
        "version": 1,
        "last_id": mark.last_id,
        "last_hash": mark.last_hash,
        "mac": _mac(key, mark),
    }


def from_document(key: bytes | bytearray, document: object) -> AuditHeadMark | None:
    """The head an anchor document holds, or None when it is malformed or its HMAC does
    not fit this store's key."""
    if not isinstance(document, dict) or document.get("format") != ANCHOR_FORMAT:
        return None
    last_id, last_hash, mac = (document.get(k) for k in ("last_id", "last_hash", "mac"))
    if not isinstance(last_id, int) or isinstance(last_id, bool) or last_id < 0:
        return None
    if not isinstance(last_hash, str) or len(last_hash) != 64 or not isinstance(mac, str):
        return None
    mark = AuditHeadMark(last_id, last_hash)
    if not hmac.compare_digest(_mac(key, mark), mac):
        return None
    return mark


def anchor_path(folder: Path) -> Path:
    return folder / ANCHOR_FILENAME


def read_anchor(folder: Path, key: bytes | bytearray) -> AuditHeadMark | None:
    """The anchor in ``folder``; None when there is none. ``StoreDamaged`` when it is
    there but unreadable or not made with this store's key."""
    path = anchor_path(folder)
    try:
        with open(path, "rb") as fh:
            raw = fh.read(_MAX_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreDamaged(_damaged_anchor(folder)) from exc
    try:
        document = json.loads(raw.decode("utf-8")) if len(raw) <= _MAX_BYTES else None
    except (UnicodeDecodeError, json.JSONDecodeError):
        document = None
    mark = from_document(key, document)
    if mark is None:
        raise StoreDamaged(_damaged_anchor(folder))
    return mark


def write_anchor(folder: Path, key: bytes | bytearray, mark: AuditHeadMark) -> None:
    """Replace the anchor atomically. The temporary file is fsynced before the rename so
    a crash leaves the old anchor or the new one, never an empty file."""
    data = json.dumps(to_document(key, mark), sort_keys=True).encode("utf-8")
    fd, tmp_name = tempfile.mkstemp(prefix=".audit-anchor-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            if hasattr(os, "fchmod"):
                os.fchmod(fh.fileno(), 0o600)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, anchor_path(folder))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def _damaged_anchor(folder: Path) -> str:
    return tr(
        "Het ankerbestand {name} in {folder} is gewijzigd of hoort niet bij deze opslag. "
        "Zet de laatste back-up terug en meld het aan de beheerder."
    ).format(name=ANCHOR_FILENAME, folder=folder)


def rollback_message(mark: AuditHeadMark) -> str:
    return tr(
        "De database is ouder dan de laatst bekende stand (auditregel {n}): recent werk "
        "ontbreekt, bijvoorbeeld door een teruggezette oude kopie of een verwijderd "
        "logbestand. Zet de laatste back-up terug en meld het aan de beheerder."
    ).format(n=mark.last_id)


def rewritten_message(mark: AuditHeadMark) -> str:
    return tr(
        "De auditketen past niet bij de laatst bekende stand (auditregel {n}): het log is "
        "herschreven of de database vervangen. Zet de laatste back-up terug en meld het aan "
        "de beheerder."
    ).format(n=mark.last_id)


def missing_message(folder: Path) -> str:
    return tr(
        "Het ankerbestand {name} ontbreekt in {folder}: zo is een teruggedraaide database "
        "niet te zien. Zet de laatste back-up terug en meld het aan de beheerder."
    ).format(name=ANCHOR_FILENAME, folder=folder)


def database_head(session: Session) -> AuditHeadMark:
    head = session.execute(select(AuditHead).where(AuditHead.id == 1)).scalar_one_or_none()
    if head is None:
        return AuditHeadMark(0, GENESIS_HASH)
    return AuditHeadMark(int(head.last_id), str(head.last_hash))


def anchor_expected(session: Session) -> bool:
    return session.get(Setting, ANCHOR_SETTING) is not None


def mark_anchor_expected(session: Session) -> None:
    if session.get(Setting, ANCHOR_SETTING) is None:
        session.add(Setting(key=ANCHOR_SETTING, value="1"))


def compare(session: Session, mark: AuditHeadMark) -> str | None:
    """Why the database does not reach ``mark`` (Dutch), or None when it does: the entry
    at the anchored sequence number must still be there with the anchored hash."""
    if mark.last_id == 0:
        return None
    head = database_head(session)
    if head.last_id < mark.last_id:
        return rollback_message(mark)
    stored = session.execute(
        select(AuditEntry.hash).where(AuditEntry.id == mark.last_id)
    ).scalar_one_or_none()
    if stored is None:
        return rollback_message(mark)
    if stored != mark.last_hash:
        return rewritten_message(mark)
    return None
