"""The store folder: the SQLCipher database and the key-slot file beside it.

A ``Store`` is an unlocked store: it holds the data key (in a ``bytearray`` that is
overwritten on ``close``) and the SQLAlchemy engine, and it is the single desk's
``storage.seam.StoreSeam``. Nothing here knows about users' roles or the window;
``sociaalveilig.services.setup`` builds on it.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from sociaalveilig.core.errors import (
    AuthenticationError,
    SignInThrottled,
    StoreDamaged,
    StoreLocked,
    UsageError,
    ValidationError,
)
from sociaalveilig.core.i18n import tr
from sociaalveilig.storage import (
    anchor,
    audit,
    leftovers,
    migrate,
    pending_audit,
    signin_throttle,
)
from sociaalveilig.storage.errors import classify_exception
from sociaalveilig.storage.keyslot_lock import LOCK_FILENAME, keyslot_lock
from sociaalveilig.storage.keyslots import (
    KEYSLOT_FILENAME,
    KeySlotFile,
    check_passphrase_policy,
    generate_data_key,
    normalise_user_name,
    wipe,
)
from sociaalveilig.storage.models import AuditEntry, AuditHead, Setting
from sociaalveilig.storage.seam import (
    Capabilities,
    Credentials,
    ListPlans,
    Maintenance,
    TextSearch,
)
from sociaalveilig.storage.sqlite.credentials import KeySlotCredentials
from sociaalveilig.storage.sqlite.engine import (
    READ_ONLY,
    FormatMemo,
    PageFormat,
    make_engine,
)
from sociaalveilig.storage.sqlite.maintenance import SqliteMaintenance
from sociaalveilig.storage.sqlite.plans import SqlitePlans
from sociaalveilig.storage.sqlite.search import Fts5Search

DB_FILENAME = "sociaalveilig.db"
PENDING_AUDIT_FILENAME = pending_audit.PENDING_AUDIT_FILENAME
STORE_FILES = (DB_FILENAME, KEYSLOT_FILENAME)
# The name failed recovery-code attempts are counted and logged under.
RECOVERY_CODE_USER = "(herstelcode)"
CAPABILITIES = Capabilities(
    dialect="sqlite", index_hints=True, many_writers=False, local_folder=True
)

T = TypeVar("T")


def db_path(folder: Path) -> Path:
    return folder / DB_FILENAME


def keyslot_path(folder: Path) -> Path:
    return folder / KEYSLOT_FILENAME


def store_exists(folder: Path) -> bool:
    return db_path(folder).exists() or keyslot_path(folder).exists()


def check_empty_folder(folder: Path) -> None:
    """Refuse (ValidationError, exit 4) a folder for a new store that holds anything: a
    store made among other files mixes them into its backups and its permissions."""
    if store_exists(folder):
        raise ValidationError(
            tr("In deze map staat al een opslag: {folder}. Kies een lege map.").format(
                folder=folder
            ),
            field="store",
        )
    if folder.exists() and not folder.is_dir():
        raise ValidationError(
            tr("{folder} is een bestand, geen map. Kies een lege map.").format(folder=folder),
            field="store",
        )
    try:
        # Only our own lock file may be there (left by an attempt that was refused).
        other = folder.is_dir() and any(p.name != LOCK_FILENAME for p in folder.iterdir())
    except OSError as exc:
        raise ValidationError(
            tr("De map {folder} kan niet worden gelezen ({reason}).").format(
                folder=folder, reason=exc.strerror or type(exc).__name__
            ),
            field="store",
        ) from None
    if other:
        raise ValidationError(
            tr(
                "De map {folder} is niet leeg; er is niets aangemaakt. Kies een lege of een "
                "nieuwe map voor de opslag."
            ).format(folder=folder),
            field="store",
        )


def _throttled(folder: Path, name: str) -> None:
    """Refuse a try while the name must wait (under the key-slot lock), and log it."""
    wait = signin_throttle.seconds_to_wait(folder, name)
    if wait > 0:
        record_event(folder, name, "login_throttled", "throttled")
        text = (
            tr("Te veel mislukte pogingen; probeer het over 1 seconde opnieuw.")
            if wait == 1
            else tr("Te veel mislukte pogingen; probeer het over {n} seconden opnieuw.").format(
                n=wait
            )
        )
        raise SignInThrottled(text, wait)


UNKNOWN_NAMES = "\0unknown"
"""The one count shared by every name that has no key slot: a passphrase typed into the
name field must not land in the counts' file, not even as a hash (it could be guessed)."""


def _throttle_key(folder: Path, username: str) -> str:
    if username == RECOVERY_CODE_USER:
        return username
    try:
        name = normalise_user_name(username)
        known = KeySlotFile.load(keyslot_path(folder)).has_user(name)
    except (ValidationError, StoreDamaged, OSError):
        known = False
    return name if known else UNKNOWN_NAMES


def guarded_unlock(folder: Path, username: str, unlock: Callable[[], T]) -> T:
    """Run one sign-in attempt (``unlock`` checks a passphrase or a recovery code) under
    the key-slot lock, unless ``username`` must wait after earlier failures. A failure is
    counted and noted for the audit log; a success clears the count. Names without a key
    slot share one count."""
    with keyslot_lock(folder):
        name = _throttle_key(folder, username)
        _throttled(folder, name)
        try:
            result = unlock()
        except AuthenticationError:
            signin_throttle.note_failure(folder, name)
            record_login_failure(folder, username)
            raise
        signin_throttle.note_success(folder, name)
        return result


class Store:
    """An unlocked store. Create with ``initialise``, ``open`` or ``open_with_recovery``.

    ``capabilities``, ``search``, ``plans``, ``credentials`` and ``maintenance`` are its
    parts of the seam (``storage.seam.StoreSeam``)."""

    capabilities: Capabilities = CAPABILITIES

    def __init__(self, folder: Path, keyslots: KeySlotFile, data_key: bytearray) -> None:
        self.folder = folder
        self.keyslots = keyslots
        self._key: bytearray | None = data_key
        self._anchor_key: bytearray | None = anchor.derive_anchor_key(data_key)
        self._anchor_lock = threading.Lock()
        self._anchor_mark: anchor.AuditHeadMark | None = None
        """The head this process last anchored (or found anchored at open)."""
        self._formats = FormatMemo()
        self.engine: Engine = make_engine(db_path(folder), self._current_key, self._formats)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(
            self.engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False
        )
        self.search: TextSearch = Fts5Search()
        self.plans: ListPlans = SqlitePlans()
        self.credentials: Credentials = KeySlotCredentials(folder, keyslots, self.data_key)
        self.maintenance: Maintenance = SqliteMaintenance(self.engine)

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    def initialise(cls, folder: Path, username: str, passphrase: str) -> tuple[Store, str]:
        """Create a new store folder with a first key slot and a recovery slot.

        Returns the store and the recovery code (to be shown once). The schema is
        created; seeding reference data is the caller's job (services.setup).
        """
        check_passphrase_policy(passphrase, (username,))
        check_empty_folder(folder)
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
        key = generate_data_key()
        keyslots, recovery_code = KeySlotFile.create(
            keyslot_path(folder), key, username, passphrase
        )
        store = cls(folder, keyslots, key)
        try:
            migrate.upgrade(store.engine)
            for name in (DB_FILENAME, DB_FILENAME + "-wal", DB_FILENAME + "-shm"):
                if (folder / name).exists():
                    os.chmod(folder / name, 0o600)
            store.anchor_problem(establish=True)
        except BaseException:
            store.close()
            raise
        return store, recovery_code

    @classmethod
    def open(cls, folder: Path, username: str, passphrase: str) -> Store:
        keyslots = cls._load_keyslots(folder)

        def unlock() -> bytearray:
            keyslots.refresh()  # as on disk now, under the lock
            return keyslots.unlock(username, passphrase)

        key = guarded_unlock(folder, username, unlock)
        return cls._open_with_key(folder, keyslots, key)

    @classmethod
    def open_with_recovery(cls, folder: Path, code: str) -> Store:
        keyslots = cls._load_keyslots(folder)

        def unlock() -> bytearray:
            keyslots.refresh()
            return keyslots.unlock_recovery(code)

        key = guarded_unlock(folder, RECOVERY_CODE_USER, unlock)
        return cls._open_with_key(folder, keyslots, key)

    @classmethod
    def open_with_key(cls, folder: Path, key: bytearray) -> Store:
        """Open with a data key the caller already holds (test fixtures, tools); the
        key is owned by the store from here on and wiped on ``close``."""
        return cls._open_with_key(folder, cls._load_keyslots(folder), key)

    @staticmethod
    def _load_keyslots(folder: Path) -> KeySlotFile:
        if not folder.is_dir():
            raise UsageError(
                tr("Geen opslag gevonden in {folder}. Maak er een met 'init'.").format(
                    folder=folder
                )
            )
        if not keyslot_path(folder).exists():
            if db_path(folder).exists():
                raise StoreDamaged(
                    tr(
                        "Het sleutelbestand ontbreekt in {folder}. Herstel de map uit een back-up."
                    ).format(folder=folder)
                )
            raise UsageError(
                tr("Geen opslag gevonden in {folder}. Maak er een met 'init'.").format(
                    folder=folder
                )
            )
        if not db_path(folder).exists():
            raise StoreDamaged(
                tr(
                    "Het databasebestand ontbreekt in {folder}. Herstel de map uit een back-up."
                ).format(folder=folder)
            )
        return KeySlotFile.load(keyslot_path(folder))

    @classmethod
    def _open_with_key(cls, folder: Path, keyslots: KeySlotFile, key: bytearray) -> Store:
        # Copies left by a backup or restore that was killed: never kept, never opened.
        leftovers.clean_stale(folder, folder.parent)
        store = cls(folder, keyslots, key)
        try:
            with store.engine.connect() as conn:
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").fetchone()
            migrate.upgrade(store.engine)
            # A database older than the state it last reached is refused at sign-in.
            problem = store.anchor_problem(establish=True)
            if problem is not None:
                raise StoreDamaged(problem)
            store._clean_backup_folder()
        except DBAPIError as exc:
            store.close()
            mapped = classify_exception(exc)
            if isinstance(mapped, StoreDamaged):
                raise mapped from exc
            raise
        except BaseException:
            store.close()
            raise
        return store

    def close(self) -> None:
        """Lock: close every connection and overwrite the key bytes. The planner's
        statistics are brought up to date first where the data moved on much since."""
        if self._key is not None:
            # Best effort: a store another desk is writing, or a full disk, still locks.
            with contextlib.suppress(Exception):
                self.maintenance.refresh_statistics()
        self.engine.dispose()
        if self._key is not None:
            wipe(self._key)
            self._key = None
        if self._anchor_key is not None:
            wipe(self._anchor_key)
            self._anchor_key = None

    @property
    def is_open(self) -> bool:
        return self._key is not None

    def _current_key(self) -> bytearray:
        if self._key is None:
            raise StoreLocked(tr("De opslag is vergrendeld. Ontgrendel eerst."))
        return self._key

    @property
    def page_format(self) -> PageFormat:
        """The file's SQLCipher page format (found when the store was opened)."""
        if self._formats.page_format is None:
            with self.engine.connect():
                pass
        assert self._formats.page_format is not None
        return self._formats.page_format

    def data_key(self) -> bytearray:
        """A copy of the data key for a backup or a key slot; wipe it after use."""
        return bytearray(self._current_key())

    # ------------------------------------------------------------------ units of work

    @contextmanager
    def unit(
        self, acting: str | None = None, emergency: bool = False, partner: bool = False
    ) -> Iterator[Session]:
        """One unit of work: one Session, one transaction, committed on success.
        ``acting``, ``emergency``, ``partner``: for a store with row-level policies; not
        this one."""
        if self._key is None:
            raise StoreLocked(tr("De opslag is vergrendeld. Ontgrendel eerst."))
        with self._sessions() as session, session.begin():
            yield session
            head = session.info.pop(audit.HEAD_INFO, None)
            # Only a chain that still holds the anchored entry may carry the anchor
            # on: a log rewritten under the open store must not be adopted.
            extends = head is not None and self._extends_anchor(session)
        if head is not None and extends:
            # Committed: the anchor may now move forward (never before the commit, so it
            # can lag behind the database after a crash but not run ahead of it).
            self._advance_anchor(*head)

    @contextmanager
    def read_unit(
        self, acting: str | None = None, emergency: bool = False, partner: bool = False
    ) -> Iterator[Session]:
        """A unit that only reads: a deferred transaction with writes refused
        (``PRAGMA query_only``). For reads that are not logged as a view of their own
        (the rest of a list whose first page was logged); never for anything that audits."""
        if self._key is None:
            raise StoreLocked(tr("De opslag is vergrendeld. Ontgrendel eerst."))
        with self._read_sessions() as session, session.begin():
            yield session

    def chain_head(self) -> tuple[int, str]:
        with self.unit() as session:
            head = session.execute(select(AuditHead)).scalar_one()
            return head.last_id, head.last_hash

    def merge_pending_events(self) -> int:
        """Move events noted while the database was closed (failed logins, passphrase
        changes, a restore) into the audit chain, checked and bounded
        (``storage.pending_audit``)."""
        return pending_audit.merge(self.folder, self.unit, frozenset(self.keyslots.users()))

    def _clean_backup_folder(self) -> None:
        """Remove what a killed automatic backup left in its folder."""
        with self._read_sessions() as session, session.begin():
            setting = session.get(Setting, leftovers.BACKUP_FOLDER_SETTING)
            folder = setting.value if setting is not None else None
        if folder:
            leftovers.clean_stale(Path(folder))

    # ------------------------------------------------------------------ the audit anchor

    def _extends_anchor(self, session: Session) -> bool:
        mark = self._anchor_mark
        if mark is None or mark.last_id == 0:
            return True
        stored = session.execute(
            select(AuditEntry.hash).where(AuditEntry.id == mark.last_id)
        ).scalar_one_or_none()
        return stored == mark.last_hash

    def _advance_anchor(self, last_id: int, last_hash: str) -> None:
        """Move the anchor to a head that has just been committed. Best effort: a folder
        that cannot be written leaves the anchor behind, which only weakens the check."""
        with self._anchor_lock:
            current = self._anchor_mark
            if self._anchor_key is None or (current is not None and last_id <= current.last_id):
                return
            mark = anchor.AuditHeadMark(last_id, last_hash)
            with contextlib.suppress(OSError):
                anchor.write_anchor(self.folder, self._anchor_key, mark)
                self._anchor_mark = mark

    def anchor_problem(self, establish: bool = False) -> str | None:
        """Why the database is not at (or past) its anchored audit head, in Dutch; None
        when it is. ``establish``: give a store from before the anchor its first one."""
        if self._anchor_key is None:
            raise StoreLocked(tr("De opslag is vergrendeld. Ontgrendel eerst."))
        try:
            mark = anchor.read_anchor(self.folder, self._anchor_key)
        except StoreDamaged as exc:
            return exc.message
        with self._sessions() as session, session.begin():
            if mark is not None:
                problem = anchor.compare(session, mark)
                if problem is not None:
                    return problem
                with self._anchor_lock:
                    if self._anchor_mark is None or self._anchor_mark.last_id < mark.last_id:
                        self._anchor_mark = mark
            elif anchor.anchor_expected(session):
                return anchor.missing_message(self.folder)
            elif not establish:
                return None
            head = anchor.database_head(session)
            if mark is None:
                # The file first, then the marker that says it must be there.
                with self._anchor_lock:
                    try:
                        anchor.write_anchor(self.folder, self._anchor_key, head)
                    except OSError:
                        return None
                    self._anchor_mark = head
                anchor.mark_anchor_expected(session)
        self._advance_anchor(head.last_id, head.last_hash)
        return None


def record_event(folder: Path, username: str, action: str, outcome: str = "ok") -> None:
    """Note an event beside the store while the database cannot be written (a failed
    login has no key; a passphrase change must leave the database untouched).
    ``Store.merge_pending_events`` moves it into the audit chain at the next unlock.
    Holds the time, the action, and the user's name only when a key slot has that name
    (anything else typed as a name may be a secret)."""
    pending_audit.record(folder, username, action, outcome)


def record_login_failure(folder: Path, username: str) -> None:
    record_event(folder, username, "login", "failed")
