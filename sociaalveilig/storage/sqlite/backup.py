"""Backup, restore and integrity checks of the store.

A backup is one tar file holding the encrypted database (copied with SQLite's online
backup API into a new file under the same key), the key-slot file and a manifest with
SHA-256 sums and the audit anchor of the copy. It is verified before it is put in place
with an atomic rename; a restore goes into a new folder, is verified, and only then
appears under its name.

The work folders of both (``storage.leftovers``) never hold a store that opens by itself:
a backup's folder has no key slots (they go straight from the store into the tar, as its
last member), a restore's keeps them under ``STAGED_KEYSLOTS`` until the final rename.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import tarfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy.orm import Session

from sociaalveilig.core.errors import StoreDamaged, UsageError, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.storage import anchor, audit, leftovers, migrate
from sociaalveilig.storage.files import atomic_output, fsync_dir, write_error
from sociaalveilig.storage.keyslots import KEYSLOT_FILENAME, KeySlotFile, wipe
from sociaalveilig.storage.output_guard import check_output_file, check_restore_folder
from sociaalveilig.storage.sqlite.engine import FormatMemo, connect_keyed, make_engine
from sociaalveilig.storage.sqlite.store import DB_FILENAME, Store

BACKUP_FORMAT = "sociaalveilig-backup"
MANIFEST = "manifest.json"
MAX_MEMBER_BYTES = 64 * 1024**3
STAGED_KEYSLOTS = "keyslots.staged"
"""The key slots' name in a restore's work folder until the last step: without a file
of the real name the folder does not open as a store."""


@dataclass(frozen=True)
class IntegrityReport:
    ok: bool
    lines: list[str] = field(default_factory=list)
    audit_entries: int = 0
    first_broken_audit_id: int | None = None
    audit_head: anchor.AuditHeadMark | None = None

    @property
    def summary(self) -> str:
        if self.ok:
            text = tr(
                "Opslag in orde: integriteit, versleuteling en auditketen ({n} regels)."
            ).format(n=self.audit_entries)
            if self.audit_head is not None:
                text += " " + tr("Auditketen tot regel {n}, kenmerk {hash}.").format(
                    n=self.audit_head.last_id,
                    hash=self.audit_head.short_hash,
                )
            return text
        return tr(
            "De opslag is beschadigd of gemanipuleerd: {first}. Herstel uit een back-up."
        ).format(first=(self.lines[0] if self.lines else "?").rstrip("."))


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    created: str
    audit_head: anchor.AuditHeadMark | None = None
    """The copy's audit head, for the output line (an anchor on paper)."""


def check_connection(conn: Any) -> list[str]:
    """Problems found by SQLCipher's page HMAC check and SQLite's integrity check."""
    problems: list[str] = []
    try:
        for (row,) in conn.execute("PRAGMA cipher_integrity_check").fetchall():
            problems.append(tr("versleuteling: {detail}").format(detail=row))
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            problems.extend(tr("integriteit: {detail}").format(detail=r) for r in rows[:10])
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append(tr("{n} verwijzing(en) naar ontbrekende records").format(n=len(fk)))
    except sqlcipher.DatabaseError as exc:
        problems.append(tr("databasepagina onleesbaar ({detail})").format(detail=exc))
    return problems


def check_store(store: Store) -> IntegrityReport:
    raw = store.engine.raw_connection()
    try:
        problems = check_connection(raw.driver_connection)
    finally:
        raw.close()
    report = _with_chain(problems, store.unit)
    if not report.ok:
        return report
    problem = store.anchor_problem()
    if problem is None:
        return report
    return IntegrityReport(False, [problem], report.audit_entries, None, report.audit_head)


def _with_chain(problems: list[str], unit: Callable[[], Any]) -> IntegrityReport:
    entries = 0
    broken: int | None = None
    head: anchor.AuditHeadMark | None = None
    if not problems:
        try:
            with unit() as session:
                report = audit.verify_chain(session)
            entries = report.entries
            broken = report.first_broken_id
            head = anchor.AuditHeadMark(report.last_id, report.last_hash)
            if broken is not None:
                problems.append(
                    tr("auditketen gebroken bij regel {id} ({reason})").format(
                        id=broken, reason=report.reason
                    )
                )
        except sqlcipher.DatabaseError as exc:
            problems.append(tr("auditlog onleesbaar ({detail})").format(detail=exc))
        except Exception as exc:  # SQLAlchemy wraps driver errors
            problems.append(tr("auditlog onleesbaar ({detail})").format(detail=type(exc).__name__))
    return IntegrityReport(not problems, problems, entries, broken, head if not problems else None)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _check_copy(folder: Path, key: bytearray) -> IntegrityReport:
    """Verify a database copy in ``folder`` under ``key``."""
    formats = FormatMemo()
    conn = connect_keyed(folder / DB_FILENAME, key, formats)
    try:
        problems = check_connection(conn)
    finally:
        conn.close()
    engine = make_engine(folder / DB_FILENAME, lambda: key, formats)
    try:

        @contextlib.contextmanager
        def unit() -> Any:
            with Session(engine) as session, session.begin():
                yield session

        return _with_chain(problems, unit)
    finally:
        engine.dispose()


def _read_keyslots(folder: Path) -> bytes:
    """The key-slot file's bytes: read, not copied into the work folder, where the copy of
    the database must not open."""
    with open(folder / KEYSLOT_FILENAME, "rb") as fh:
        return fh.read()


def write_backup(store: Store, out: Path, now: datetime | None = None) -> BackupInfo:
    """Copy, verify and package the store; ``out`` appears only when all went well."""
    if out.exists() and out.is_dir():
        raise UsageError(
            tr("{path} is een map; geef een bestandsnaam voor de back-up.").format(path=out)
        )
    # Before the copy starts in the target's folder: never into a store, never over a device.
    out = check_output_file(out)
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise ValidationError(
            tr("De map {folder} bestaat niet. Kies een bestaande map.").format(folder=parent),
            field="out",
        )
    created = (now or datetime.now(UTC)).astimezone(UTC).isoformat()
    leftovers.clean_stale(parent)
    key = store.data_key()
    anchor_key = anchor.derive_anchor_key(key)
    try:
        try:
            work = leftovers.WorkFolder(parent, leftovers.BACKUP_PREFIX)
        except OSError as exc:
            raise write_error(out, exc) from exc
        try:
            copy_db = work.path / DB_FILENAME
            raw = store.engine.raw_connection()
            try:
                # The copy keeps the store's page format (the backup API copies pages).
                target = connect_keyed(copy_db, key, FormatMemo(store.page_format))
                try:
                    raw.driver_connection.backup(target)  # type: ignore[union-attr]
                    target.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
                finally:
                    target.close()
            finally:
                raw.close()
            keyslot_bytes = _read_keyslots(store.folder)
            report = _check_copy(work.path, key)
            if not report.ok or report.audit_head is None:
                raise StoreDamaged(
                    tr(
                        "De back-up kon niet worden gecontroleerd: {problem}. De opslag zelf is "
                        "mogelijk beschadigd; voer 'verify' uit."
                    ).format(problem=report.lines[0] if report.lines else "?")
                )
            with contextlib.suppress(OSError):
                for leftover in (copy_db.with_name(DB_FILENAME + "-wal"),
                                 copy_db.with_name(DB_FILENAME + "-shm")):
                    leftover.unlink(missing_ok=True)
            files = {
                DB_FILENAME: {"sha256": _sha256(copy_db), "size": copy_db.stat().st_size},
                KEYSLOT_FILENAME: {
                    "sha256": hashlib.sha256(keyslot_bytes).hexdigest(),
                    "size": len(keyslot_bytes),
                },
            }
            manifest = {
                "format": BACKUP_FORMAT,
                "version": 1,
                "created": created,
                "schema": migrate.head_revision(),
                "files": files,
                "audit_anchor": anchor.to_document(anchor_key, report.audit_head),
            }
            manifest_bytes = json.dumps(manifest, indent=2, sort_keys=True).encode()
            with atomic_output(out, staging=work.path) as fh, tarfile.open(
                fileobj=fh, mode="w"
            ) as tar:
                info = tarfile.TarInfo(MANIFEST)
                info.size = len(manifest_bytes)
                info.mode = 0o600
                tar.addfile(info, io.BytesIO(manifest_bytes))
                tar.add(copy_db, arcname=DB_FILENAME, recursive=False)
                # The key slots last: a tar cut short by a kill cannot be restored.
                info = tarfile.TarInfo(KEYSLOT_FILENAME)
                info.size = len(keyslot_bytes)
                info.mode = 0o600
                tar.addfile(info, io.BytesIO(keyslot_bytes))
        except OSError as exc:
            raise write_error(out, exc) from exc
        finally:
            work.discard()
    finally:
        wipe(key)
        wipe(anchor_key)
    return BackupInfo(out, out.stat().st_size, created, report.audit_head)


def _extract(backup_file: Path, work: Path) -> dict[str, Any]:
    damaged = tr("De back-up {path} is beschadigd of geen Sociaal Veilig-back-up.").format(
        path=backup_file
    )
    staged = {DB_FILENAME: DB_FILENAME, KEYSLOT_FILENAME: STAGED_KEYSLOTS}
    try:
        with tarfile.open(backup_file, mode="r:") as tar:
            members = {m.name: m for m in tar.getmembers()}
            if set(members) != {MANIFEST, DB_FILENAME, KEYSLOT_FILENAME}:
                raise StoreDamaged(damaged)
            for member in members.values():
                if not member.isreg() or member.size > MAX_MEMBER_BYTES:
                    raise StoreDamaged(damaged)
            source = tar.extractfile(members[MANIFEST])
            assert source is not None
            manifest = json.loads(source.read(1 << 20).decode("utf-8"))
            if not isinstance(manifest, dict) or manifest.get("format") != BACKUP_FORMAT:
                raise StoreDamaged(damaged)
            for name in (DB_FILENAME, KEYSLOT_FILENAME):
                src = tar.extractfile(members[name])
                assert src is not None
                dest = work / staged[name]
                with open(dest, "wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
                    dst.flush()
                    os.fsync(dst.fileno())
                os.chmod(dest, 0o600)
                expected = manifest.get("files", {}).get(name, {}).get("sha256")
                if expected != _sha256(dest):
                    raise StoreDamaged(
                        tr("De back-up is beschadigd: {name} klopt niet met het manifest.").format(
                            name=name
                        )
                    )
            return manifest
    except (
        tarfile.TarError,
        EOFError,
        UnicodeDecodeError,
        json.JSONDecodeError,
        AttributeError,
        # A manifest nested deeper than the parser's recursion allows is hostile, not a bug.
        RecursionError,
    ) as exc:
        raise StoreDamaged(damaged) from exc


def restore_backup(backup_file: Path, to: Path, username: str | None, passphrase: str) -> Path:
    """Restore into a new (or empty) folder; verified before it appears under ``to``."""
    if not backup_file.is_file():
        raise UsageError(tr("Back-upbestand {path} bestaat niet.").format(path=backup_file))
    check_restore_folder(to)
    if to.exists() and (not to.is_dir() or any(to.iterdir())):
        raise UsageError(
            tr("De doelmap {path} bestaat al en is niet leeg. Kies een nieuwe map.").format(path=to)
        )
    parent = to.parent
    if not parent.is_dir():
        raise UsageError(tr("De map {folder} bestaat niet.").format(folder=parent))
    leftovers.clean_stale(parent)
    work = leftovers.WorkFolder(parent, leftovers.RESTORE_PREFIX)
    try:
        manifest = _extract(backup_file, work.path)
        keyslots = KeySlotFile.load(work.path / STAGED_KEYSLOTS)
        name = username
        if not name:
            users = keyslots.users()
            if len(users) != 1:
                raise UsageError(tr("De back-up heeft meerdere gebruikers: geef --user NAAM op."))
            name = users[0]
        key = keyslots.unlock(name, passphrase)
        anchor_key = anchor.derive_anchor_key(key)
        try:
            report = _check_copy(work.path, key)
            if not report.ok:
                raise StoreDamaged(
                    tr("De back-up is beschadigd: {problem}.").format(problem=report.lines[0])
                )
            _restore_anchor(manifest, work.path, anchor_key, report.audit_head)
        finally:
            wipe(key)
            wipe(anchor_key)
        os.chmod(work.path, 0o700)
        # The last steps: the key slots under their real name, the lock file gone, and
        # the folder under its own name.
        os.replace(work.path / STAGED_KEYSLOTS, work.path / KEYSLOT_FILENAME)
        work.drop_owner_file()
        if to.exists():
            to.rmdir()
        os.rename(work.path, to)
        work.release()
        fsync_dir(parent)
        return to
    except BaseException:
        work.discard()
        raise


def _restore_anchor(
    manifest: dict[str, Any],
    folder: Path,
    anchor_key: bytearray,
    head: anchor.AuditHeadMark | None,
) -> None:
    """Give the restored store the anchor its backup carries, after checking that it was
    made with this store's key and matches the restored copy. A backup from before the
    anchor existed has none: the store makes its own at its first open."""
    if "audit_anchor" not in manifest:
        return
    mark = anchor.from_document(anchor_key, manifest["audit_anchor"])
    if mark is None or mark != head:
        raise StoreDamaged(
            tr(
                "De back-up is beschadigd of gemanipuleerd: het auditanker past niet bij de "
                "database erin. Gebruik een andere back-up."
            )
        )
    anchor.write_anchor(folder, anchor_key, mark)
