"""Audit events that happen while the database cannot be written, and their merge.

A failed or throttled sign-in has no key, a passphrase change must leave the database
untouched, and a restore happens before anyone has signed in to the restored store. Such
events are appended to ``pending-audit.jsonl`` beside the database and moved into the
hash chain at the next sign-in.

That file is plain text that anyone with access to the folder can edit, so the merge
trusts nothing in it: only the actions that really happen before sign-in, with the known
fields, a time in a sane window and bounded sizes are chained in, each marked as written
before sign-in (role ``-`` and ``PENDING_PURPOSE``). Everything else is counted, set
aside in ``pending-audit.rejected.jsonl`` and reported as one audit entry.

A name typed at sign-in that belongs to no key slot is never written as typed (it may be
a passphrase typed in the wrong field): it becomes ``UNKNOWN_USER``.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from sociaalveilig.storage import audit
from sociaalveilig.storage.keyslots import KEYSLOT_FILENAME, KeySlotFile, normalise_user_name

PENDING_AUDIT_FILENAME = "pending-audit.jsonl"
MERGING_FILENAME = "pending-audit.merging.jsonl"
REJECTED_FILENAME = "pending-audit.rejected.jsonl"

PENDING_ACTIONS = frozenset({"login", "login_failed", "login_throttled", "passwd", "restore"})
"""What truly happens before the store is open; anything else in the file is forged."""
PENDING_OUTCOMES = frozenset({"ok", "failed", "denied", "throttled", "blocked", "locked"})
REJECTED_ACTION = "pending_rejected"

UNKNOWN_USER = "(onbekende gebruiker)"
RECOVERY_USER = "(herstelcode)"
NO_USER = "-"
PLACEHOLDER_USERS = frozenset({UNKNOWN_USER, RECOVERY_USER, NO_USER})
PENDING_PURPOSE = "vóór aanmelden vastgelegd (buiten de database, niet gecontroleerd)"

FIELDS = frozenset({"at", "username", "action", "outcome"})
MAX_LINE_BYTES = 512
MAX_FILE_BYTES = 1 << 20
MAX_ENTRIES = 5000
MAX_AGE = timedelta(days=366)
MAX_SKEW = timedelta(minutes=5)
MAX_REJECTED_FILE_BYTES = 1 << 20


def known_users(folder: Path) -> frozenset[str]:
    """The user names that have a key slot in ``folder`` (empty when it cannot be read)."""
    try:
        return frozenset(KeySlotFile.load(folder / KEYSLOT_FILENAME).users())
    except Exception:  # a missing or damaged key-slot file: every name counts as unknown
        return frozenset()


def stored_name(username: str, users: frozenset[str]) -> str:
    """The name as it may be written down: a key slot's user, a placeholder, or
    ``UNKNOWN_USER`` (never what was typed, which may be a secret)."""
    if username in PLACEHOLDER_USERS:
        return username
    try:
        name = normalise_user_name(username)
    except Exception:
        return UNKNOWN_USER
    return name if name in users else UNKNOWN_USER


def record(folder: Path, username: str, action: str, outcome: str = "ok") -> None:
    """Append one event beside the store; merged into the chain at the next sign-in."""
    try:
        line = json.dumps(
            {
                "at": datetime.now(UTC).isoformat(),
                "username": stored_name(username, known_users(folder)),
                "action": action[:40],
                "outcome": outcome[:20],
            },
            ensure_ascii=False,
        )
        path = folder / PENDING_AUDIT_FILENAME
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(line + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(path, 0o600)
    except OSError:
        pass  # a read-only store folder must not turn a wrong passphrase into a crash


@dataclass(frozen=True)
class PendingBatch:
    accepted: tuple[tuple[audit.AuditEvent, datetime], ...]
    rejected_lines: tuple[str, ...]
    rejected: int


def _parse(line: str, users: frozenset[str], now: datetime) -> tuple[audit.AuditEvent, datetime]:
    """One line as an event, or ValueError saying why it is refused."""
    if len(line.encode("utf-8")) > MAX_LINE_BYTES:
        raise ValueError("too long")
    item: Any = json.loads(line)
    if not isinstance(item, dict) or set(item) != FIELDS:
        raise ValueError("fields")
    if not all(isinstance(item[k], str) for k in FIELDS):
        raise ValueError("types")
    if item["action"] not in PENDING_ACTIONS or item["outcome"] not in PENDING_OUTCOMES:
        raise ValueError("action")
    at = datetime.fromisoformat(item["at"])
    if at.tzinfo is None:
        raise ValueError("naive time")
    at = at.astimezone(UTC)
    if not now - MAX_AGE <= at <= now + MAX_SKEW:
        raise ValueError("time")
    event = audit.AuditEvent(
        username=stored_name(item["username"], users),
        role=NO_USER,
        action=item["action"],
        purpose=PENDING_PURPOSE,
        outcome=item["outcome"],
    )
    return event, at


def _lines(path: Path) -> Iterator[str | None]:
    """The file's lines, each cut at a bound; None once the file's size bound is passed."""
    read = 0
    with open(path, "rb") as fh:
        while True:
            raw = fh.readline(MAX_LINE_BYTES + 2)
            if not raw:
                return
            read += len(raw)
            if read > MAX_FILE_BYTES:
                yield None
                return
            if not raw.endswith(b"\n"):
                # An over-long line: skip the rest of it without holding it in memory.
                while True:
                    more = fh.readline(1 << 16)
                    read += len(more)
                    if not more or more.endswith(b"\n"):
                        break
            text = raw.decode("utf-8", errors="replace").rstrip("\r\n")
            if text.strip():
                yield text


def read_batch(path: Path, users: frozenset[str], now: datetime) -> PendingBatch:
    accepted: list[tuple[audit.AuditEvent, datetime]] = []
    rejected_lines: list[str] = []
    rejected = 0
    for line in _lines(path):
        if line is None:
            rejected += 1  # the rest of an oversized file, counted once
            continue
        try:
            if len(accepted) >= MAX_ENTRIES:
                raise ValueError("too many")
            accepted.append(_parse(line, users, now))
        except (ValueError, TypeError, OverflowError):
            rejected += 1
            rejected_lines.append(_neutralised(line, users))
    return PendingBatch(tuple(accepted), tuple(rejected_lines), rejected)


def _neutralised(line: str, users: frozenset[str]) -> str:
    """A refused line as it is set aside: bounded, and with an unknown name replaced."""
    text = line[:MAX_LINE_BYTES]
    with contextlib.suppress(ValueError, TypeError):
        item = json.loads(text)
        if isinstance(item, dict) and isinstance(item.get("username"), str):
            item["username"] = stored_name(item["username"], users)
            text = json.dumps(item, ensure_ascii=False)[:MAX_LINE_BYTES]
    return text


def _set_aside(folder: Path, lines: tuple[str, ...]) -> None:
    path = folder / REJECTED_FILENAME
    with contextlib.suppress(OSError):
        size = path.stat().st_size if path.exists() else 0
        if size >= MAX_REJECTED_FILE_BYTES:
            return
        with open(path, "a", encoding="utf-8") as fh:
            for line in lines:
                fh.write(line + "\n")
        os.chmod(path, 0o600)


def merge(
    folder: Path,
    unit: Callable[[], contextlib.AbstractContextManager[Session]],
    users: frozenset[str],
    now: datetime | None = None,
) -> int:
    """Chain the pending events in ``folder`` in through ``unit``; return how many.

    The file is first renamed, so an event noted while the merge runs goes into a new
    file instead of being lost; a merge cut short leaves the renamed file for the next."""
    pending = folder / PENDING_AUDIT_FILENAME
    merging = folder / MERGING_FILENAME
    if not merging.exists():
        if not pending.exists():
            return 0
        try:
            os.replace(pending, merging)
        except OSError:
            return 0
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    batch = read_batch(merging, users, moment)
    with unit() as session:
        for event, at in batch.accepted:
            audit.append(session, event, at=at)
        if batch.rejected:
            audit.append(
                session,
                audit.AuditEvent(
                    username=NO_USER,
                    role=NO_USER,
                    action=REJECTED_ACTION,
                    object_type="pending_audit",
                    purpose=f"geweigerde regels: {batch.rejected}; apart gezet in "
                    f"{REJECTED_FILENAME}",
                    outcome="denied",
                ),
                at=moment,
            )
    if batch.rejected_lines:
        _set_aside(folder, batch.rejected_lines)
    with contextlib.suppress(OSError):
        merging.unlink()
    return len(batch.accepted)
