"""Backup, restore and integrity checks of the store.

A backup is one tar file holding the encrypted database (copied with SQLite's online
backup API into a new file under the same key), the key-slot file and a manifest with
SHA-256 sums. It is verified before it is put in place with an atomic rename; a restore
goes into a new folder, is verified, and only then appears under its name.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy.orm import Session

from sociaalveilig.core.errors import StoreDamaged, UsageError, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.storage import audit, migrate
from sociaalveilig.storage.engine import FormatMemo, connect_keyed, make_engine
from sociaalveilig.storage.files import atomic_output, fsync_dir, write_error
from sociaalveilig.storage.keyslots import KEYSLOT_FILENAME, KeySlotFile, wipe
from sociaalveilig.storage.output_guard import check_output_file, check_restore_folder
from sociaalveilig.storage.store import DB_FILENAME, Store

BACKUP_FORMAT = "sociaalveilig-backup"
MANIFEST = "manifest.json"
MAX_MEMBER_BYTES = 64 * 1024**3


@dataclass(frozen=True)
class IntegrityReport:
    ok: bool
    lines: list[str] = field(default_factory=list)
    audit_entries: int = 0
    first_broken_audit_id: int | None = None

    @property
    def summary(self) -> str:
        if self.ok:
            return tr(
                "Opslag in orde: integriteit, versleuteling en auditketen ({n} regels)."
            ).format(n=self.audit_entries)
        return tr(
            "De opslag is beschadigd of gemanipuleerd: {first}. Herstel uit een back-up."
        ).format(first=self.lines[0] if self.lines else "?")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    created: str


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
    return _with_chain(problems, store.unit)


def _with_chain(problems: list[str], unit: Callable[[], Any]) -> IntegrityReport:
    entries = 0
    broken: int | None = None
    if not problems:
        try:
            with unit() as session:
                report = audit.verify_chain(session)
            entries = report.entries
            broken = report.first_broken_id
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
    return IntegrityReport(not problems, problems, entries, broken)


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
    key = store.data_key()
    try:
        try:
            work = Path(tempfile.mkdtemp(prefix=".sv-backup-", dir=parent))
        except OSError as exc:
            raise write_error(out, exc) from exc
        try:
            copy_db = work / DB_FILENAME
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
            shutil.copyfile(store.folder / KEYSLOT_FILENAME, work / KEYSLOT_FILENAME)
            report = _check_copy(work, key)
            if not report.ok:
                raise StoreDamaged(
                    tr(
                        "De back-up kon niet worden gecontroleerd: {problem}. De opslag zelf is "
                        "mogelijk beschadigd; voer 'verify' uit."
                    ).format(problem=report.lines[0])
                )
            with contextlib.suppress(OSError):
                for leftover in (work / (DB_FILENAME + "-wal"), work / (DB_FILENAME + "-shm")):
                    leftover.unlink(missing_ok=True)
            manifest = {
                "format": BACKUP_FORMAT,
                "version": 1,
                "created": created,
                "schema": migrate.head_revision(),
                "files": {
                    name: {"sha256": _sha256(work / name), "size": (work / name).stat().st_size}
                    for name in (DB_FILENAME, KEYSLOT_FILENAME)
                },
            }
            manifest_bytes = json.dumps(manifest, indent=2, sort_keys=True).encode()
            with atomic_output(out) as fh, tarfile.open(fileobj=fh, mode="w") as tar:
                info = tarfile.TarInfo(MANIFEST)
                info.size = len(manifest_bytes)
                info.mode = 0o600
                tar.addfile(info, io.BytesIO(manifest_bytes))
                for name in (DB_FILENAME, KEYSLOT_FILENAME):
                    tar.add(work / name, arcname=name, recursive=False)
        except OSError as exc:
            raise write_error(out, exc) from exc
        finally:
            shutil.rmtree(work, ignore_errors=True)
    finally:
        wipe(key)
    return BackupInfo(out, out.stat().st_size, created)


def _extract(backup_file: Path, work: Path) -> dict[str, Any]:
    damaged = tr("De back-up {path} is beschadigd of geen Sociaal Veilig-back-up.").format(
        path=backup_file
    )
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
                with open(work / name, "wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
                    dst.flush()
                    os.fsync(dst.fileno())
                os.chmod(work / name, 0o600)
                expected = manifest.get("files", {}).get(name, {}).get("sha256")
                if expected != _sha256(work / name):
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
    work = Path(tempfile.mkdtemp(prefix=".sv-restore-", dir=parent))
    try:
        _extract(backup_file, work)
        keyslots = KeySlotFile.load(work / KEYSLOT_FILENAME)
        name = username
        if not name:
            users = keyslots.users()
            if len(users) != 1:
                raise UsageError(tr("De back-up heeft meerdere gebruikers: geef --user NAAM op."))
            name = users[0]
        key = keyslots.unlock(name, passphrase)
        try:
            report = _check_copy(work, key)
        finally:
            wipe(key)
        if not report.ok:
            raise StoreDamaged(
                tr("De back-up is beschadigd: {problem}.").format(problem=report.lines[0])
            )
        os.chmod(work, 0o700)
        if to.exists():
            to.rmdir()
        os.rename(work, to)
        fsync_dir(parent)
        return to
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
