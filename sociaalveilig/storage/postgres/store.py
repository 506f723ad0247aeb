"""The centre's store: the same schema and services on PostgreSQL (15 or newer, psycopg 3).

A ``PgStore`` is the ``StoreSeam`` over a pooled SQLAlchemy engine. What differs from the
single desk's SQLCipher store stays here: no data key (the server's database is protected
by its own access rules and disk encryption), passphrases checked against Argon2id hashes
(``credentials``), text search with tsvector and trigrams (``search``), no index hints, and
the audit chain checked against the head this process has seen instead of an anchor file.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, create_engine, event, func, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from sociaalveilig.core.errors import (
    StoreDamaged,
    StoreLocked,
    StoreUnavailable,
    UsageError,
    ValidationError,
)
from sociaalveilig.core.i18n import tr
from sociaalveilig.storage import anchor, audit, migrate
from sociaalveilig.storage.errors import classify_exception, sqlstate
from sociaalveilig.storage.keyslots import check_passphrase_policy, normalise_user_name
from sociaalveilig.storage.models import AuditEntry
from sociaalveilig.storage.postgres import rls, roles, views
from sociaalveilig.storage.postgres.credentials import PgCredentials
from sociaalveilig.storage.postgres.recovery import PgRecovery
from sociaalveilig.storage.postgres.search import PgListPlans, PgTextSearch
from sociaalveilig.storage.postgres.throttle import PgSignInThrottle
from sociaalveilig.storage.postgres.units import (
    UNIT_ISOLATION,
    act_for,
    install,
    order_writes,
)
from sociaalveilig.storage.seam import (
    Capabilities,
    Credentials,
    ListPlans,
    Maintenance,
    TextSearch,
)

CAPABILITIES = Capabilities(
    dialect="postgresql", index_hints=False, many_writers=True, local_folder=False
)
# Set for each connection of the store (docs/performance.md, "PostgreSQL"). A list's page
# or a search is a short statement of tens of milliseconds: starting parallel workers for
# it cost more than they saved, above all on a busy server. JIT compiling pays for long
# analytical statements only; a whole list's estimate passes its threshold without being one.
SESSION_SETTINGS = {"max_parallel_workers_per_gather": "0", "jit": "off"}
SESSION_OPTIONS = " ".join(f"-c {name}={value}" for name, value in SESSION_SETTINGS.items())


def engine_url(url: str) -> str:
    """``postgresql://…`` as SQLAlchemy's psycopg 3 URL; anything else is a usage error."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise UsageError(
            tr("{url} is geen geldige databaseverbinding. Gebruik postgresql://gebruiker@host/"
               "database.").format(url=shown_url(url))
        ) from None
    if parsed.get_backend_name() != "postgresql":
        raise UsageError(
            tr("{url} is geen geldige databaseverbinding. Gebruik postgresql://gebruiker@host/"
               "database.").format(url=shown_url(url))
        )
    return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def shown_url(url: str) -> str:
    """A URL as it may appear in a message: never with its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return tr("het opgegeven adres")


def _server(url: str) -> str:
    parsed = make_url(url)
    return f"{parsed.host or 'localhost'}:{parsed.port or 5432}"


def unreachable(url: str) -> StoreUnavailable:
    return StoreUnavailable(
        tr(
            "De server {server} is niet bereikbaar (of weigert de aanmelding). Controleer het "
            "adres en of de database draait, en probeer het opnieuw."
        ).format(server=_server(url))
    )


STALE_SHARE = 0.1
"""The share of a table's rows (or pages) that may change before ``refresh_statistics``
takes its statistics again: autovacuum's ``autovacuum_analyze_scale_factor``."""
# Changed rows are counted by the statistics collector, which may report a transaction
# just committed by another connection a moment late; the table's size on disk is always
# current, so growth is also measured against the pages the last ANALYZE saw.
_STALE_TABLES = text(
    "SELECT c.relname FROM pg_class c "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    "LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid "
    "WHERE c.relkind = 'r' AND n.nspname = current_schema() AND ("
    " c.reltuples < 0"
    " OR coalesce(s.n_mod_since_analyze, 0) > :share * greatest(c.reltuples, 1)"
    " OR pg_relation_size(c.oid) > (1 + :share) * c.relpages"
    "    * current_setting('block_size')::bigint) "
    "ORDER BY c.relname"
)


log = logging.getLogger(__name__)


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class PgMaintenance:
    """Retention's work on the store as a whole, the PostgreSQL way."""

    def __init__(self, store: PgStore) -> None:
        self._store = store

    def purge_status_history(self, session: Session, object_ids: Iterable[str]) -> int:
        """Delete the history of purged records. The append-only trigger is lifted for
        this one statement by a function that runs as the table's owner
        (``roles.PURGE_FUNCTION``): the server's runtime role owns nothing."""
        ids = list(object_ids)
        if not ids:
            return 0
        removed = 0
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            removed += int(
                session.execute(
                    text(f"SELECT {roles.PURGE_FUNCTION}(CAST(:ids AS text[]))"), {"ids": chunk}
                ).scalar_one()
            )
        return removed

    def reclaim_space(self) -> bool:
        """VACUUM: deleted rows' space is freed for reuse (their bytes are overwritten as
        it is reused; the centre's disk encryption covers the rest)."""
        try:
            self._autocommit("VACUUM")
        except DBAPIError as exc:  # after the purge committed, as refresh_statistics
            log.warning("space not reclaimed: %s", type(exc).__name__)
            return False
        return True

    def refresh_statistics(self) -> None:
        """ANALYZE the tables whose statistics no longer describe them: never taken, or
        the table changed by more than ``STALE_SHARE`` since (as autovacuum judges, which
        would get to them later). An import of 10,000 signals into a region of 200,000 is
        left to autovacuum: ANALYZE of the whole database took half the import's time,
        and a twentieth more rows changes no list's plan."""
        # Called after a unit committed (an import, a purge): an interruption here (the
        # database restarting) must not report that committed work as failed, which a
        # desk would offer to do again. The statistics are autovacuum's work too.
        try:
            with self._store.engine.connect() as connection:
                tables = list(
                    connection.execute(_STALE_TABLES, {"share": STALE_SHARE}).scalars()
                )
            for table in tables:
                self._autocommit(f'ANALYZE "{table}"')
        except DBAPIError as exc:
            log.warning("statistics not refreshed: %s", type(exc).__name__)

    def _autocommit(self, statement: str) -> None:
        """VACUUM and ANALYZE skip (with a warning only) the tables the acting role does
        not own: run as the connection's login role, the owner, then back to the
        runtime role. A member-only login role owns nothing and leaves them to autovacuum."""
        engine = self._store.engine.execution_options(isolation_level="AUTOCOMMIT")
        role = self._store.runtime_role
        with engine.connect() as connection:
            if role is not None:
                connection.exec_driver_sql("RESET ROLE")
            try:
                connection.exec_driver_sql(statement)
            finally:
                # A connection lost during the statement is discarded, not handed back:
                # setting its role would only hide the real error under another.
                if role is not None and not connection.invalidated:
                    connection.exec_driver_sql(f"SET ROLE {roles.quoted(role)}")


class PgStore:
    """An open centre store. Create with ``initialise`` (an empty database) or ``open``."""

    capabilities: Capabilities = CAPABILITIES

    def __init__(self, url: str, *, pool_size: int = 5, as_owner: bool = False) -> None:
        self.url = url
        self.engine: Engine = create_engine(
            engine_url(url),
            pool_size=pool_size,
            max_overflow=10,
            pool_pre_ping=True,
            connect_args={"connect_timeout": 10, "application_name": "sociaalveilig",
                          "options": SESSION_OPTIONS},
        )
        self._as_owner = as_owner
        self.runtime_role: str | None = None
        """The role every pooled connection acts as (roles.py); None while the owner
        migrates, and for a store opened ``as_owner``."""
        self._role_base: str | None = None
        """The runtime role whose variants each unit acts as (rls.py), as owner too."""
        event.listen(self.engine, "connect", self._on_connect)
        self._open = True
        # Every unit at REPEATABLE READ, writers in one order (storage/postgres/units.py).
        self._sessions = sessionmaker(
            self.engine.execution_options(isolation_level=UNIT_ISOLATION), expire_on_commit=False
        )
        install(self._sessions)
        self._mark_lock = threading.Lock()
        self._mark: anchor.AuditHeadMark | None = None
        """The newest audit head this process committed or saw: never to go back."""
        self.search: TextSearch = PgTextSearch()
        self.plans: ListPlans = PgListPlans()
        # The credentials table is outside the audit chain and the counters, so its units
        # need no place in the write order; users.add_user writes a user's credentials
        # while its own unit holds that place.
        self.pg_credentials = PgCredentials(self._credentials_unit, _utcnow)
        self.credentials: Credentials = self.pg_credentials
        # Outside the chain and the counters too (throttle.py).
        self.signin_throttle = PgSignInThrottle(self._credentials_unit)
        self.recovery = PgRecovery(self._credentials_unit, _utcnow)
        self.maintenance: Maintenance = PgMaintenance(self)

    # ------------------------------------------------------------------ lifecycle

    def _on_connect(self, dbapi_connection: object, _record: object) -> None:
        if self.runtime_role is not None:
            roles.switch_to_runtime(dbapi_connection, self.runtime_role)

    def _take_runtime_role(self) -> None:
        """After the migrations (run as the owner): from now on every connection acts as
        the runtime role. The pool's connections so far are the owner's: closed."""
        with self._connected() as connection:
            role = roles.runtime_role(connection)
        self._role_base = role
        if self._as_owner:
            return
        self.engine.dispose()
        self.runtime_role = role

    @classmethod
    def initialise(cls, url: str, username: str, passphrase: str) -> PgStore:
        """Create the schema in an empty database and the first user's credentials.
        Seeding the reference data and the user's row is the caller's (services.centre)."""
        name = normalise_user_name(username)
        check_passphrase_policy(passphrase, (name,))
        store = cls(url)
        try:
            with store._connected() as connection:
                tables = inspect(connection).get_table_names()
            if tables:
                raise ValidationError(
                    tr(
                        "De database {url} is niet leeg; er is niets aangemaakt. Gebruik een "
                        "lege database voor een nieuw centrum."
                    ).format(url=shown_url(url)),
                    field="database",
                )
            with store._translated():
                migrate.upgrade(store.engine)
            store._take_runtime_role()
            store.pg_credentials.add_user(name, passphrase)
            store.anchor_problem(establish=True)
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def open(cls, url: str, *, pool_size: int = 5, as_owner: bool = False) -> PgStore:
        """Open an existing centre: the schema brought to the newest revision (by the
        URL's role, the owner), the audit chain's head checked. Its units then run as the
        runtime role (roles.py), unless ``as_owner`` (the operator's own commands that
        change the schema or lift triggers: backup, restore)."""
        store = cls(url, pool_size=pool_size, as_owner=as_owner)
        try:
            store._refuse_newer_schema()
            with store._translated():
                migrate.upgrade(store.engine)
            store._take_runtime_role()
            problem = store.anchor_problem(establish=True)
            if problem is not None:
                raise StoreDamaged(problem)
        except BaseException:
            store.close()
            raise
        return store

    def _refuse_newer_schema(self) -> None:
        """A database migrated by a newer program: this one would misread it."""
        with self._connected() as connection:
            current = migrate.current_revision(connection)
        if current is not None and not migrate.is_known_revision(current):
            raise ValidationError(
                tr(
                    "De database {url} heeft een nieuwer schema ({revision}) dan dit programma "
                    "kent. Werk Sociaal Veilig bij; er is niets gewijzigd."
                ).format(url=shown_url(self.url), revision=current[:32]),
                field="database",
            )

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except DBAPIError as exc:
            # Told as storage/errors.py tells it, here with the server's address.
            if exc.connection_invalidated or isinstance(
                classify_exception(exc), StoreUnavailable
            ):
                raise unreachable(self.url) from None
            raise

    @contextmanager
    def _connected(self) -> Iterator[Connection]:
        with self._translated(), self.engine.connect() as connection:
            yield connection

    def close(self) -> None:
        self.engine.dispose()
        self._open = False

    @property
    def is_open(self) -> bool:
        return self._open

    def _check_open(self) -> None:
        if not self._open:
            raise StoreLocked(tr("De opslag is vergrendeld. Ontgrendel eerst."))

    # ------------------------------------------------------------------ units of work

    def _acting(self, acting: str | None, emergency: bool, partner: bool) -> list[str]:
        """Whom a unit acts for (rls.py): the system when ``acting`` is None; a partner's
        unit sees the partner's rows only, unless it is a view with a noodknop reason."""
        if self._role_base is None:
            return []
        return rls.acting_statements(
            self._role_base, acting or rls.SYSTEM, partner=partner and not emergency
        )

    @contextmanager
    def unit(
        self, acting: str | None = None, emergency: bool = False, partner: bool = False
    ) -> Iterator[Session]:
        """A unit acting for the user ``acting`` (row-level security, rls.py), or for
        the system (sign-in, seeding, jobs) when None; ``emergency``: a view with a
        noodknop reason; ``partner``: the acting user is a partner."""
        self._check_open()
        call = views.VIEW_CALL.get()
        if call is not None:
            with self._view_unit(call, acting, emergency, partner) as session:
                yield session
            return
        with self._translated(), self._sessions() as session, session.begin():
            act_for(session, self._acting(acting, emergency, partner))
            order_writes(session)
            yield session
            head = session.info.pop(audit.HEAD_INFO, None)
        if head is not None:
            self._advance(anchor.AuditHeadMark(*head))

    @contextmanager
    def _view_unit(
        self, call: views.ViewCall, acting: str | None, emergency: bool, partner: bool
    ) -> Iterator[Session]:
        """A unit of a view call (views.py): read-only and without the write order; its
        audit entries kept in the call once the unit is done, for ``log_views``."""
        deferred: list[tuple[audit.AuditEvent, datetime | None]] = []
        with self._refused_writes(call), self._translated(), self._sessions() as session, \
                session.begin():
            act_for(session, self._acting(acting, emergency, partner))
            session.info[audit.DEFERRED_INFO] = deferred
            session.execute(text("SET TRANSACTION READ ONLY"))
            yield session
        call.entries.extend(((acting, emergency, partner), event, at) for event, at in deferred)

    def log_views(self, call: views.ViewCall) -> None:
        """Append the audit entries a view call's units kept (views.py), in one unit that
        takes the write order; one per acting when its units acted differently."""
        self._check_open()
        groups: dict[tuple[str | None, bool, bool], list[tuple[audit.AuditEvent, datetime | None]]]
        groups = {}
        for acting, logged, at in call.entries:
            groups.setdefault(acting, []).append((logged, at))
        call.entries = []
        for acting, group in groups.items():
            with self._translated(), self._sessions() as session, session.begin():
                act_for(session, self._acting(*acting))
                order_writes(session)
                for logged, at in group:
                    audit.append(session, logged, at=at)
                head = session.info.pop(audit.HEAD_INFO, None)
            if head is not None:
                self._advance(anchor.AuditHeadMark(*head))

    @contextmanager
    def _credentials_unit(self) -> Iterator[Session]:
        self._check_open()
        call = views.VIEW_CALL.get()
        with self._refused_writes(call), self._translated(), self._sessions() as session, \
                session.begin():
            act_for(session, self._acting(None, False, False))
            if call is not None:
                session.execute(text("SET TRANSACTION READ ONLY"))
            yield session

    @contextmanager
    def _refused_writes(self, call: views.ViewCall | None) -> Iterator[None]:
        """In a view call, a write the read-only transaction refused marks the call."""
        try:
            yield
        except DBAPIError as exc:
            if call is not None and sqlstate(exc) == views.READ_ONLY_SQL_TRANSACTION:
                call.wrote = True
                raise views.ViewWrote() from None
            raise

    @contextmanager
    def read_unit(
        self, acting: str | None = None, emergency: bool = False, partner: bool = False
    ) -> Iterator[Session]:
        self._check_open()
        with self._translated(), self._sessions() as session, session.begin():
            act_for(session, self._acting(acting, emergency, partner))
            session.execute(text("SET TRANSACTION READ ONLY"))
            yield session

    # ------------------------------------------------------------------ the audit head

    def _advance(self, mark: anchor.AuditHeadMark) -> None:
        with self._mark_lock:
            if self._mark is None or mark.last_id > self._mark.last_id:
                self._mark = mark

    def anchor_problem(self, establish: bool = False) -> str | None:
        """The stored head must be the log's last entry, and the log must still hold the
        newest head this process has seen. A server has no anchor file: a restored old
        database is caught while this process runs, and by ``verify``'s chain walk."""
        self._check_open()
        with self._translated(), self._sessions() as session, session.begin():
            head = anchor.database_head(session)
            last = session.execute(select(func.max(AuditEntry.id))).scalar() or 0
            if last != head.last_id:
                return anchor.rewritten_message(head)
            if head.last_id:
                stored = session.execute(
                    select(AuditEntry.hash).where(AuditEntry.id == head.last_id)
                ).scalar_one_or_none()
                if stored != head.last_hash:
                    return anchor.rewritten_message(head)
            mark = self._mark
            if mark is not None:
                problem = anchor.compare(session, mark)
                if problem is not None:
                    return problem
        self._advance(head)
        return None
