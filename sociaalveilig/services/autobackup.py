"""Automatic daily backup to a folder the beheerder chose, keeping the last N.

Each backup is the same encrypted, verified file as ``sociaalveilig-admin backup`` (the
copy is checked before it is put in place), and is checked once more where it landed:
the manifest's SHA-256 sums against the files in it, read back from the backup folder.
Only then are older automatic backups beyond the last N removed; files in the folder that
the program did not make are never touched.

A backup is a copy of the whole store, so one made before a purge still holds what the
purge deleted, until rotation removes it (``purge_backup_note`` says so after a purge).

A failed backup (the folder missing, a USB disk not plugged in, no write permission, a
full disk) is recorded in the store and stays a visible warning until the next backup
succeeds. The settings and the outcome live in the ``Setting`` table:

- ``autobackup.folder``, ``autobackup.keep``: chosen by the beheerder;
- ``autobackup.last_ok``, ``autobackup.last_file``: the last good backup (UTC, file name);
- ``autobackup.last_error``, ``autobackup.last_failed_at``: the last failure.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tarfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import SociaalVeiligError, StoreDamaged, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.services import maintenance
from sociaalveilig.services.context import LOCAL_ZONE, ServiceContext
from sociaalveilig.services.desk import desk_store
from sociaalveilig.services.retry import retrying
from sociaalveilig.services.users import require_role
from sociaalveilig.storage.leftovers import BACKUP_FOLDER_SETTING
from sociaalveilig.storage.models import Setting

FOLDER_KEY = BACKUP_FOLDER_SETTING  # read at store open too, to clean up
KEEP_KEY = "autobackup.keep"
LAST_OK_KEY = "autobackup.last_ok"
LAST_FILE_KEY = "autobackup.last_file"
LAST_ERROR_KEY = "autobackup.last_error"
LAST_FAILED_KEY = "autobackup.last_failed_at"

DEFAULT_KEEP = 7
MAX_KEEP = 365
PREFIX = "sociaalveilig-auto-"
SUFFIX = ".svbackup"
_NAME = re.compile(r"^sociaalveilig-auto-(\d{8}-\d{6})(?:-(\d+))?\.svbackup$")
_RUNNERS = (Role.BEHEERDER, Role.COORDINATOR)


@dataclass(frozen=True)
class AutoBackupSettings:
    folder: Path | None
    """None: no automatic backup."""
    keep: int

    @property
    def enabled(self) -> bool:
        return self.folder is not None


@dataclass(frozen=True)
class AutoBackupStatus:
    folder: Path | None
    keep: int
    last_ok: datetime | None
    """Local time of the last good automatic backup."""
    last_file: str | None
    last_error: str | None
    last_failed_at: datetime | None
    """Local time of the last failure (kept until the next good backup clears it)."""

    @property
    def failing(self) -> bool:
        return self.last_error is not None

    @property
    def warning(self) -> str | None:
        """The warning to show until a backup succeeds again; None when all is well."""
        if self.last_error is None:
            return None
        when = self.last_failed_at.strftime("%d-%m-%Y %H:%M") if self.last_failed_at else "?"
        last = (
            tr("De laatste geslaagde back-up is van {when}.").format(
                when=self.last_ok.strftime("%d-%m-%Y %H:%M")
            )
            if self.last_ok
            else tr("Er is nog geen geslaagde automatische back-up.")
        )
        return tr("De automatische back-up van {when} is mislukt: {error} {last}").format(
            when=when, error=self.last_error, last=last
        )


@dataclass(frozen=True)
class AutoBackupResult:
    ran: bool
    ok: bool
    message: str
    path: Path | None = None
    removed: tuple[Path, ...] = ()


# --------------------------------------------------------------------------- settings


def _get(session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return row.value if row is not None else None


def _put(session: Session, key: str, value: str | None) -> None:
    row = session.get(Setting, key)
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def _settings(session: Session) -> AutoBackupSettings:
    folder = _get(session, FOLDER_KEY)
    keep_text = _get(session, KEEP_KEY)
    try:
        keep = int(keep_text) if keep_text is not None else DEFAULT_KEEP
    except ValueError:
        keep = DEFAULT_KEEP
    return AutoBackupSettings(Path(folder) if folder else None, max(1, min(keep, MAX_KEEP)))


def _local(stamp: str | None) -> datetime | None:
    if not stamp:
        return None
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LOCAL_ZONE).replace(tzinfo=None)


@retrying
def get_settings(ctx: ServiceContext) -> AutoBackupSettings:
    require_role(ctx, *_RUNNERS)
    with ctx.unit() as session:
        return _settings(session)


def _folder_problem(folder: Path) -> str | None:
    """Why backups cannot be written to ``folder``, in Dutch; None when they can."""
    if not folder.exists():
        return tr(
            "De back-upmap {folder} bestaat niet (meer). Sluit de schijf aan of kies in Beheer "
            "een andere map."
        ).format(folder=folder)
    if not folder.is_dir():
        return tr("{folder} is geen map. Kies in Beheer een map voor de back-ups.").format(
            folder=folder
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        return tr(
            "In de back-upmap {folder} kan niet worden geschreven (alleen-lezen of geen "
            "rechten). Kies in Beheer een andere map of vraag om schrijfrechten."
        ).format(folder=folder)
    return None


@retrying
def configure(ctx: ServiceContext, folder: str | Path | None, keep: int) -> AutoBackupSettings:
    """Set the backup folder (None or empty: off) and how many to keep (beheerder)."""
    require_role(ctx, Role.BEHEERDER)
    if isinstance(keep, bool) or not isinstance(keep, int) or not 1 <= keep <= MAX_KEEP:
        raise ValidationError(
            tr("Bewaar minstens 1 en hoogstens {max} back-ups; u gaf '{keep}'.").format(
                max=MAX_KEEP, keep=keep
            ),
            field="keep",
        )
    path: Path | None = None
    if folder is not None and str(folder).strip():
        path = Path(str(folder).strip()).expanduser()
        if not path.is_absolute():
            raise ValidationError(
                tr("Geef de volledige map op, bijvoorbeeld D:\\Back-ups of /media/back-up."),
                field="folder",
            )
        problem = _folder_problem(path)
        if problem is not None:
            raise ValidationError(problem, field="folder")
        store = desk_store(ctx).folder.resolve()
        resolved = path.resolve()
        if resolved == store or store in resolved.parents:
            raise ValidationError(
                tr(
                    "Kies een back-upmap buiten de opslagmap {store}, liefst op een andere "
                    "schijf: anders gaat een back-up samen met de opslag verloren."
                ).format(store=store),
                field="folder",
            )
    with ctx.unit() as session:
        _put(session, FOLDER_KEY, str(path) if path is not None else None)
        _put(session, KEEP_KEY, str(keep))
        if path is None:
            _put(session, LAST_ERROR_KEY, None)
            _put(session, LAST_FAILED_KEY, None)
        ctx.audit(session, "settings", "autobackup", None)
        return _settings(session)


@retrying
def status(ctx: ServiceContext) -> AutoBackupStatus:
    """Where backups go, the last good one and the last failure (beheerder, coordinator)."""
    require_role(ctx, *_RUNNERS)
    with ctx.unit() as session:
        settings = _settings(session)
        return AutoBackupStatus(
            folder=settings.folder,
            keep=settings.keep,
            last_ok=_local(_get(session, LAST_OK_KEY)),
            last_file=_get(session, LAST_FILE_KEY),
            last_error=_get(session, LAST_ERROR_KEY),
            last_failed_at=_local(_get(session, LAST_FAILED_KEY)),
        )


@retrying
def is_due(ctx: ServiceContext) -> bool:
    """Whether today's automatic backup still has to be made (for this user's role)."""
    if ctx.actor.role not in _RUNNERS:
        return False
    with ctx.unit() as session:
        if _settings(session).folder is None:
            return False
        last_ok = _local(_get(session, LAST_OK_KEY))
    return last_ok is None or last_ok.date() < ctx.clock.now().date()


# --------------------------------------------------------------------------- files


def backup_files(folder: Path) -> list[Path]:
    """The automatic backups in ``folder``, newest first (by the time in their name)."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    return sorted(
        (p for p in entries if _NAME.match(p.name) and p.is_file()),
        key=_order,
        reverse=True,
    )


def _order(path: Path) -> tuple[str, int]:
    """Time in the name, then the sequence number of backups made in the same second
    (``…-2`` is newer than the unnumbered one)."""
    match = _NAME.match(path.name)
    assert match is not None
    return match.group(1), int(match.group(2) or 1)


def _new_name(folder: Path, now: datetime) -> Path:
    base = f"{PREFIX}{now:%Y%m%d-%H%M%S}"
    candidate = folder / f"{base}{SUFFIX}"
    n = 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{base}-{n}{SUFFIX}"
    return candidate


def verify_file(path: Path) -> None:
    """Read the backup back from where it landed and check every member against the
    manifest's SHA-256; StoreDamaged when anything is off."""
    damaged = tr(
        "De back-up {name} is na het wegschrijven onleesbaar of klopt niet met het manifest."
    ).format(name=path.name)
    try:
        with tarfile.open(path, mode="r:") as tar:
            members = {m.name: m for m in tar.getmembers()}
            manifest_member = members.get("manifest.json")
            if manifest_member is None:
                raise StoreDamaged(damaged)
            source = tar.extractfile(manifest_member)
            if source is None:
                raise StoreDamaged(damaged)
            manifest = json.loads(source.read(1 << 20).decode("utf-8"))
            files = manifest.get("files", {}) if isinstance(manifest, dict) else {}
            if not files or set(files) != set(members) - {"manifest.json"}:
                raise StoreDamaged(damaged)
            for name, expected in files.items():
                data = tar.extractfile(members[name])
                if data is None:
                    raise StoreDamaged(damaged)
                digest = hashlib.sha256()
                while chunk := data.read(1 << 20):
                    digest.update(chunk)
                if digest.hexdigest() != expected.get("sha256"):
                    raise StoreDamaged(damaged)
    except (OSError, tarfile.TarError, EOFError, ValueError, AttributeError) as exc:
        raise StoreDamaged(damaged) from exc


def _rotate(folder: Path, keep: int, newest: Path) -> tuple[list[Path], str | None]:
    """Remove automatic backups beyond the newest ``keep``; never ``newest`` itself."""
    removed: list[Path] = []
    problem: str | None = None
    for old in backup_files(folder)[keep:]:
        if old == newest:
            continue
        try:
            old.unlink()
            removed.append(old)
        except OSError as exc:
            problem = tr("Een oude back-up ({name}) kon niet worden verwijderd: {reason}.").format(
                name=old.name, reason=exc.strerror or type(exc).__name__
            )
    return removed, problem


# --------------------------------------------------------------------------- running


@retrying
def _record_failure(ctx: ServiceContext, message: str, audit: bool) -> AutoBackupResult:
    with ctx.unit() as session:
        _put(session, LAST_ERROR_KEY, message)
        _put(session, LAST_FAILED_KEY, ctx.clock.utcnow().astimezone(UTC).isoformat())
        if audit:
            ctx.audit(session, "backup", "store", None, purpose="automatisch", outcome="failed")
    return AutoBackupResult(ran=True, ok=False, message=message)


@retrying
def run_backup(ctx: ServiceContext, force: bool = False) -> AutoBackupResult:
    """Make today's automatic backup (or another one with ``force``), verify it, rotate.

    Never raises for a backup that fails: the result says what went wrong, and the store
    keeps it as a warning until the next good backup.
    """
    if ctx.actor.role not in _RUNNERS:
        return AutoBackupResult(ran=False, ok=True, message=tr("Geen back-up voor deze rol."))
    with ctx.unit() as session:
        settings = _settings(session)
    if settings.folder is None:
        return AutoBackupResult(
            ran=False,
            ok=True,
            message=tr("Automatische back-up staat uit; kies een map in Beheer › Back-up."),
        )
    if not force and not is_due(ctx):
        return AutoBackupResult(
            ran=False, ok=True, message=tr("De back-up van vandaag is al gemaakt.")
        )
    folder = settings.folder
    problem = _folder_problem(folder)
    if problem is not None:
        return _record_failure(ctx, problem, audit=True)
    target = _new_name(folder, ctx.clock.now())
    try:
        info = maintenance.backup(ctx, target)  # audit-logged there, also when it fails
        verify_file(info.path)
    except SociaalVeiligError as exc:
        target.unlink(missing_ok=True)
        return _record_failure(ctx, exc.message, audit=False)
    except OSError as exc:
        target.unlink(missing_ok=True)
        reason = exc.strerror or type(exc).__name__
        return _record_failure(
            ctx,
            tr("Schrijven in {folder} mislukte: {reason}.").format(folder=folder, reason=reason),
            audit=False,
        )
    removed, rotate_problem = _rotate(folder, settings.keep, info.path)
    with ctx.unit() as session:
        _put(session, LAST_OK_KEY, ctx.clock.utcnow().astimezone(UTC).isoformat())
        _put(session, LAST_FILE_KEY, info.path.name)
        _put(session, LAST_ERROR_KEY, None)
        _put(session, LAST_FAILED_KEY, None)
    message = tr("Back-up gemaakt en gecontroleerd: {name}.").format(name=info.path.name)
    if info.audit_head is not None:
        message += " " + tr("Auditketen tot regel {n}, kenmerk {hash}.").format(
            n=info.audit_head.last_id, hash=info.audit_head.short_hash
        )
    if rotate_problem:
        message = f"{message} {rotate_problem}"
    return AutoBackupResult(
        ran=True, ok=True, message=message, path=info.path, removed=tuple(removed)
    )


# --------------------------------------------------------------------------- after a purge


@retrying
def purge_backup_note(ctx: ServiceContext) -> str:
    """One line for after a purge: backups made before it still hold what it deleted.

    A backup is a copy of the whole store; the purge cannot reach into it. The automatic
    backups in the chosen folder leave by rotation (all of them once ``keep`` newer ones
    exist); a backup made by hand stays until someone deletes it. When the folder is known
    and holds automatic backups, the line says how many; otherwise the general sentence.
    Reads the settings only (no audit entry: nothing about a person is shown)."""
    with ctx.unit() as session:
        settings = _settings(session)
    try:
        found = backup_files(settings.folder) if settings.folder is not None else []
    except OSError:  # a file in the folder that cannot be looked at: the general sentence
        found = []
    if not found:
        return tr(
            "Let op: back-ups van vóór deze opschoning bevatten de verwijderde gegevens nog, "
            "tot ze door rotatie verdwijnen of worden verwijderd."
        )
    if len(found) == 1:
        text = tr(
            "Let op: de bestaande automatische back-up in {folder} bevat de verwijderde "
            "gegevens nog, tot de rotatie hem na {keep} nieuwe back-ups heeft verwijderd; "
            "met de hand gemaakte back-ups houden ze tot u die verwijdert."
        )
    else:
        text = tr(
            "Let op: de {n} bestaande automatische back-ups in {folder} bevatten de "
            "verwijderde gegevens nog, tot de rotatie ze na {keep} nieuwe back-ups heeft "
            "verwijderd; met de hand gemaakte back-ups houden ze tot u die verwijdert."
        )
    return text.format(n=len(found), folder=settings.folder, keep=settings.keep)


__all__ = [
    "AutoBackupResult",
    "AutoBackupSettings",
    "AutoBackupStatus",
    "backup_files",
    "configure",
    "get_settings",
    "is_due",
    "purge_backup_note",
    "run_backup",
    "status",
    "verify_file",
]
