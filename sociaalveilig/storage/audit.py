"""The append-only, hash-chained audit log.

Each entry's hash covers its own fields and the previous entry's hash, so editing,
removing or inserting an entry breaks the chain from that point on. UPDATE and DELETE
are refused by triggers (see the first migration). Entries never hold content or
secrets: who, when, what kind of object and which, the person's pseudonym reference,
the purpose and the outcome.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sociaalveilig.storage.models import AuditEntry, AuditHead

GENESIS_HASH = "0" * 64
HEAD_INFO = "sv_audit_head"
"""Key in ``Session.info`` under which ``append`` leaves the head it wrote, so the store can
move its anchor forward once the unit has committed."""
DEFERRED_INFO = "sv_audit_deferred"
"""``Session.info`` key of a view's unit at the centre (storage/postgres/views.py): the
entries are kept in this list and appended to the chain in a unit of their own once the
view's snapshot has been read."""


@dataclass(frozen=True)
class AuditEvent:
    username: str
    role: str
    action: str
    object_type: str | None = None
    object_id: str | None = None
    person_ref: str | None = None
    purpose: str | None = None
    outcome: str = "ok"


@dataclass(frozen=True)
class ChainReport:
    entries: int
    first_broken_id: int | None
    reason: str | None
    last_id: int = 0
    last_hash: str = GENESIS_HASH
    """The head the chain reaches (when it is whole)."""

    @property
    def ok(self) -> bool:
        return self.first_broken_id is None


def utc_stamp(at: datetime | None = None) -> str:
    moment = at if at is not None else datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_hash(prev_hash: str, at: str, event: AuditEvent) -> str:
    payload = json.dumps(
        [
            prev_hash,
            at,
            event.username,
            event.role,
            event.action,
            event.object_type,
            event.object_id,
            event.person_ref,
            event.purpose,
            event.outcome,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(session: Session, event: AuditEvent, at: datetime | None = None) -> AuditEntry:
    """Append one entry inside the caller's transaction.

    Two writers must never chain onto the same predecessor. The head is read for update:
    on PostgreSQL that locks its row until the transaction ends, so appenders take turns;
    on SQLite it is no lock at all, and none is needed, because every unit that writes
    holds the database's one write lock from its start (``BEGIN IMMEDIATE``).

    In a view's unit at the centre (``DEFERRED_INFO``) the entry is kept for the unit that
    appends it once the reads are done; the entry returned is then not yet in the chain.
    """
    deferred = session.info.get(DEFERRED_INFO)
    if deferred is not None:
        deferred.append((event, at))
        return AuditEntry(at=utc_stamp(at), username=event.username, role=event.role,
                          action=event.action, object_type=event.object_type,
                          object_id=event.object_id, person_ref=event.person_ref,
                          purpose=event.purpose, outcome=event.outcome)
    head = session.execute(
        select(AuditHead)
        .where(AuditHead.id == 1)
        .with_for_update()
        .execution_options(populate_existing=True)  # as committed, not as first loaded
    ).scalar_one()
    stamp = utc_stamp(at)
    digest = entry_hash(head.last_hash, stamp, event)
    entry = AuditEntry(
        at=stamp,
        username=event.username,
        role=event.role,
        action=event.action,
        object_type=event.object_type,
        object_id=event.object_id,
        person_ref=event.person_ref,
        purpose=event.purpose,
        outcome=event.outcome,
        prev_hash=head.last_hash,
        hash=digest,
    )
    session.add(entry)
    session.flush()
    head.last_id = entry.id
    head.last_hash = digest
    session.flush()
    session.info[HEAD_INFO] = (entry.id, digest)
    return entry


def verify_chain(session: Session, batch: int = 5000) -> ChainReport:
    """Recompute the chain; name the first entry that does not fit."""
    prev = GENESIS_HASH
    count = 0
    last_id = 0
    columns = (
        AuditEntry.id,
        AuditEntry.at,
        AuditEntry.username,
        AuditEntry.role,
        AuditEntry.action,
        AuditEntry.object_type,
        AuditEntry.object_id,
        AuditEntry.person_ref,
        AuditEntry.purpose,
        AuditEntry.outcome,
        AuditEntry.prev_hash,
        AuditEntry.hash,
    )
    # Plain rows, not ORM objects: the log has hundreds of thousands of entries.
    stmt = select(*columns).order_by(AuditEntry.id).execution_options(yield_per=batch)
    for row in session.execute(stmt):
        count += 1
        entry_id, at, username, role, action, otype, oid, pref, purpose, outcome, ph, h = row
        if ph != prev:
            return ChainReport(count, entry_id, "prev_hash")
        event = AuditEvent(username, role, action, otype, oid, pref, purpose, outcome)
        if entry_hash(prev, at, event) != h:
            return ChainReport(count, entry_id, "hash")
        prev = h
        last_id = entry_id
    head = session.execute(select(AuditHead).where(AuditHead.id == 1)).scalar_one_or_none()
    if head is None or head.last_hash != prev or head.last_id != last_id:
        # Entries removed from the end (or the head forged): the chain is cut short.
        return ChainReport(count, last_id + 1 if head is None else head.last_id, "head")
    return ChainReport(count, None, None, last_id, prev)
