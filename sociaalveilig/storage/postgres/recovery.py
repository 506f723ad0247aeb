"""The centre's recovery code: an Argon2id hash in the database, never the code.

A desk's recovery code unwraps the data key from a slot beside the store; the centre has
no data key, so ``sociaalveilig-server init`` prints a code once and keeps only its hash
(with the key slots' parameters, as ``credentials`` keeps passphrases). ``recover`` gives
a beheerder a new passphrase with it and replaces it with a new code at once: the code
that was used opens nothing any more. One row (``centre_recovery``, revision 0008).
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime

from sqlalchemy import (
    Column,
    DateTime,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    delete,
    insert,
    select,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from sociaalveilig.storage.keyslots import KdfParams, normalise_recovery_code
from sociaalveilig.storage.postgres.credentials import SALT_BYTES, argon2id_hash
from sociaalveilig.storage.postgres.roles import RECOVERY_TABLE

metadata = MetaData()
recovery_table = Table(
    RECOVERY_TABLE,
    metadata,
    Column("id", Integer, primary_key=True),
    Column("salt", LargeBinary(32), nullable=False),
    Column("memory_kib", Integer, nullable=False),
    Column("iterations", Integer, nullable=False),
    Column("lanes", Integer, nullable=False),
    Column("code_hash", LargeBinary(64), nullable=False),
    Column("created_at", DateTime, nullable=False),
)


def create_table(connection: Connection) -> None:
    metadata.create_all(connection)


class PgRecovery:
    """The one recovery code of a centre."""

    def __init__(
        self, unit: Callable[[], AbstractContextManager[Session]], clock: Callable[[], datetime]
    ) -> None:
        self._unit = unit
        self._clock = clock

    def replace(self, session: Session, code: str) -> None:
        """Keep the hash of ``code`` (a new one) in the caller's unit, in place of any
        earlier code."""
        salt = os.urandom(SALT_BYTES)
        params = KdfParams()
        session.execute(delete(recovery_table))
        session.execute(
            insert(recovery_table).values(
                id=1,
                salt=salt,
                memory_kib=params.memory_kib,
                iterations=params.iterations,
                lanes=params.lanes,
                code_hash=argon2id_hash(normalise_recovery_code(code), salt, params),
                created_at=self._clock(),
            )
        )

    def matches(self, session: Session, code: str) -> bool:
        """Whether ``code`` (as typed: normalised first) is the centre's recovery code."""
        row = session.execute(select(recovery_table).with_for_update()).mappings().first()
        if row is None:
            return False
        params = KdfParams(row["memory_kib"], row["iterations"], row["lanes"])
        typed = argon2id_hash(normalise_recovery_code(code), bytes(row["salt"]), params)
        return hmac.compare_digest(typed, bytes(row["code_hash"]))
