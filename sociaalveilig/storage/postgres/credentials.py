"""Who may sign in to the centre, with which passphrase: Argon2id hashes in the database.

On the single desk a passphrase unwraps the data key (a key slot beside the database); the
centre has no data key to unwrap, so it keeps, per user, an Argon2id hash of the passphrase
with the key slots' own parameters (at least 64 MiB, 3 passes, 4 lanes; stored with the
hash and bounded before use). A hash is never returned, logged or shown. Failed checks are
counted per user in the same row and throttled like a desk's sign-in
(``signin_throttle.delay_after``); names without a row share nothing that a guess could
learn from: they fail after the same work.

The table exists on PostgreSQL only (migration 0005): a desk's users sign in with their key
slots, and a second copy of their secrets inside the store would only be one more thing
to steal.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import UTC, datetime

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session

from sociaalveilig.core.errors import AuthenticationError, SignInThrottled, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.storage import signin_throttle
from sociaalveilig.storage.keyslots import KdfParams, check_passphrase_policy

SALT_BYTES = 16
HASH_BYTES = 32

metadata = MetaData()
credentials_table = Table(
    "user_credentials",
    metadata,
    Column("username", String(80), primary_key=True),
    Column("salt", LargeBinary(32), nullable=False),
    Column("memory_kib", Integer, nullable=False),
    Column("iterations", Integer, nullable=False),
    Column("lanes", Integer, nullable=False),
    Column("passphrase_hash", LargeBinary(64), nullable=False),
    Column("must_change", Boolean, nullable=False),
    Column("failures", Integer, nullable=False),
    Column("last_failure_at", DateTime, nullable=True),
    Column("changed_at", DateTime, nullable=False),
)

# The work done for a name without a row, so its answer takes as long as a real check.
_DECOY = (b"\0" * SALT_BYTES, KdfParams())


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def argon2id_hash(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    params.validate()
    kdf = Argon2id(
        salt=salt,
        length=HASH_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passphrase.encode("utf-8"))


def _new_row(name: str, passphrase: str, must_change: bool) -> dict[str, object]:
    salt = os.urandom(SALT_BYTES)
    params = KdfParams()
    return {
        "username": name,
        "salt": salt,
        "memory_kib": params.memory_kib,
        "iterations": params.iterations,
        "lanes": params.lanes,
        "passphrase_hash": argon2id_hash(passphrase, salt, params),
        "must_change": must_change,
        "failures": 0,
        "last_failure_at": None,
        "changed_at": _utcnow(),
    }


def _wrong() -> AuthenticationError:
    return AuthenticationError(tr("Onbekende gebruiker of onjuist wachtwoord."))


class PgCredentials:
    """``Credentials`` over the ``user_credentials`` table, each call its own unit."""

    def __init__(
        self, unit: Callable[[], AbstractContextManager[Session]], clock: Callable[[], datetime]
    ) -> None:
        self._unit = unit
        self._clock = clock

    def has_user(self, name: str) -> bool:
        with self._unit() as session:
            return self._row_exists(session, name)

    @staticmethod
    def _row_exists(session: Session, name: str) -> bool:
        found = session.execute(
            select(credentials_table.c.username).where(credentials_table.c.username == name)
        ).first()
        return found is not None

    def add_user(self, name: str, passphrase: str) -> None:
        check_passphrase_policy(passphrase, (name,))
        with self._unit() as session:
            if self._row_exists(session, name):
                raise ValidationError(
                    tr("De gebruiker {user} bestaat al.").format(user=name), field="user"
                )
            session.execute(insert(credentials_table).values(_new_row(name, passphrase, False)))

    def set_user(self, name: str, passphrase: str, *, must_change: bool) -> None:
        with self._unit() as session:
            self.set_user_in(session, name, passphrase, must_change=must_change)

    def set_user_in(
        self, session: Session, name: str, passphrase: str, *, must_change: bool
    ) -> None:
        """``set_user`` in the caller's unit (a recovery changes the passphrase and the
        recovery code together)."""
        row = _new_row(name, passphrase, must_change)
        if self._row_exists(session, name):
            session.execute(
                update(credentials_table).where(credentials_table.c.username == name).values(row)
            )
        else:
            session.execute(insert(credentials_table).values(row))

    def remove_user(self, name: str) -> None:
        with self._unit() as session:
            session.execute(delete(credentials_table).where(credentials_table.c.username == name))

    def must_change(self, name: str) -> bool:
        with self._unit() as session:
            value = session.execute(
                select(credentials_table.c.must_change).where(
                    credentials_table.c.username == name
                )
            ).scalar_one_or_none()
        return bool(value)

    def users(self) -> Iterator[str]:
        with self._unit() as session:
            names = list(session.execute(select(credentials_table.c.username)).scalars())
        return iter(sorted(names))

    def check(self, name: str, passphrase: str, *, throttled: bool = True) -> None:
        """Raise AuthenticationError (or SignInThrottled) unless ``passphrase`` is
        ``name``'s. A failure is counted; a success clears the count. ``throttled=False``:
        the caller slows down failures itself (the server's sign-in counts per name and
        per address, ``throttle.py``, on the services' clock)."""
        with self._unit() as session:
            row = session.execute(
                select(credentials_table)
                .where(credentials_table.c.username == name)
                .with_for_update()
            ).mappings().first()
            if row is None:
                argon2id_hash(passphrase, *_DECOY)
                raise _wrong()
            now = self._clock()
            wait = signin_throttle.delay_after(int(row["failures"])) if throttled else 0
            if wait and row["last_failure_at"] is not None:
                left = wait - (now - row["last_failure_at"]).total_seconds()
                if left > 0:
                    seconds = max(1, int(left + 0.999))
                    message = (
                        tr("Te veel mislukte pogingen; probeer het over 1 seconde opnieuw.")
                        if seconds == 1
                        else tr(
                            "Te veel mislukte pogingen; probeer het over {n} seconden opnieuw."
                        ).format(n=seconds)
                    )
                    raise SignInThrottled(message, seconds)
            params = KdfParams(row["memory_kib"], row["iterations"], row["lanes"])
            ok = hmac.compare_digest(
                argon2id_hash(passphrase, bytes(row["salt"]), params), bytes(row["passphrase_hash"])
            )
            session.execute(
                update(credentials_table)
                .where(credentials_table.c.username == name)
                .values(
                    failures=0 if ok else credentials_table.c.failures + 1,
                    last_failure_at=None if ok else now,
                )
            )
        if not ok:
            raise _wrong()

    def change_passphrase(self, name: str, old: str, new: str) -> None:
        check_passphrase_policy(new, (name,))
        self.check(name, old)
        self.set_user(name, new, must_change=False)
