"""The centre's runtime role: what the server may do to the database, and no more.

The role that owns the database creates the schema and runs the migrations; the server's
units of work run as a second role without ownership (``NOLOGIN``, so nobody signs in
with it): it may read and change the data tables, only read and append to the audit log
(no UPDATE, DELETE or TRUNCATE; the append-only triggers stay as a further line), and may
not create, alter or drop anything. A mistake in a service, or SQL that should never have
reached the database, then cannot rewrite history or change the schema.

The role's name is derived from the database's (``sv_runtime_<database>``), so two
centres on one cluster do not share one, and kept in ``centre_runtime_role`` so a copy of
the database (``CREATE DATABASE … TEMPLATE``) keeps using the role its grants name.
``PgStore`` switches each pooled connection to it (``SET ROLE``) once the migrations are
done. ``SET ROLE`` is a guard against mistakes, not against someone who can run any SQL
on the connection (``RESET ROLE`` undoes it): for that, give the server a login role
that is only a member of the runtime role (docs/server.md).

Creating the role needs CREATEROLE (or a superuser) where the migration runs; where the
role already exists (a second database of the same name on another cluster never shares
it) the migration only grants.
"""

from __future__ import annotations

import hashlib
import re

from sqlalchemy import Connection, text

from sociaalveilig.core.errors import UsageError
from sociaalveilig.core.i18n import tr

RUNTIME_TABLE = "centre_runtime_role"
ROLE_PREFIX = "sv_runtime_"
MAX_IDENTIFIER = 63
AUDIT_TABLE = "audit_log"
READ_ONLY_TABLES = ("alembic_version", RUNTIME_TABLE)
"""Tables the runtime role may read but not change: the schema's revision and its own name."""
PURGE_FUNCTION = "sv_purge_status_history"
THROTTLE_TABLE = "signin_failures"
RECOVERY_TABLE = "centre_recovery"
PG_ONLY_TABLES = (RUNTIME_TABLE, THROTTLE_TABLE, RECOVERY_TABLE, "change_feed")
"""Tables of revisions 0008 and 0011 outside the ORM's models (the models' comparison
skips them)."""

_SAFE = re.compile(r"[^a-z0-9_]")


ALL_SUFFIX, PARTNER_SUFFIX = "_all", "_partner"
_MAX_BASE = MAX_IDENTIFIER - len(PARTNER_SUFFIX)


def runtime_role_name(database: str) -> str:
    """``sv_runtime_<database>`` as a plain identifier (lower-case letters, digits and
    underscores), shortened with a hash where the database's name is too long (room is
    left for the variants' suffixes)."""
    cleaned = _SAFE.sub("_", database.lower())
    name = ROLE_PREFIX + cleaned
    if len(name) <= _MAX_BASE and cleaned == database:
        return name
    digest = hashlib.sha256(database.encode("utf-8")).hexdigest()[:8]
    return (ROLE_PREFIX + cleaned)[: _MAX_BASE - 9] + "_" + digest


def all_role(base: str) -> str:
    """The variant a unit that may see every row acts as (rls.py)."""
    return base + ALL_SUFFIX


def partner_role(base: str) -> str:
    """The variant a partner's unit acts as: the partner's rows only (rls.py)."""
    return base + PARTNER_SUFFIX


def quoted(identifier: str) -> str:
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", identifier):
        raise ValueError("not a plain identifier")
    return '"' + identifier + '"'


def create_runtime_role(connection: Connection) -> str:
    """Create (where missing) the runtime role of the connected database and its two
    variants (rls.py), record its name and grant them what the server needs. Run by the
    owner, in a migration.

    The owner and the server's login are members of the runtime role, which is a member
    of both variants, so that a unit may switch to either (``SET LOCAL ROLE``; allowed to
    any member, however indirect). The runtime role is NOINHERIT: the variants' policies
    (a policy applies to the roles that hold its role's privileges) reach neither it nor
    the owner, so a transaction that takes no variant sees no rows."""
    database = connection.execute(text("SELECT current_database()")).scalar_one()
    role = runtime_role_name(str(database))
    variants = (all_role(role), partner_role(role))
    missing = [
        name
        for name in (role, *variants)
        if connection.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": name}
        ).first()
        is None
    ]
    if missing:
        _require_createrole(connection)
    for name in missing:
        inherit = " NOINHERIT" if name == role else ""
        connection.execute(text(f"CREATE ROLE {quoted(name)} NOLOGIN{inherit}"))
    for variant in variants:
        grant_membership(connection, variant, role)
    grant_membership(connection, role, "CURRENT_USER")
    connection.execute(text(f"CREATE TABLE {RUNTIME_TABLE} (name VARCHAR(63) NOT NULL)"))
    connection.execute(text(f"INSERT INTO {RUNTIME_TABLE} (name) VALUES (:role)"), {"role": role})
    for name in (role, *variants):
        grant_runtime(connection, name)
    return role


def _require_createrole(connection: Connection) -> None:
    may_create = connection.execute(
        text("SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    if not may_create:
        raise UsageError(
            tr(
                "De eigenaar van de database, {owner}, mag geen rollen maken. Laat een "
                "beheerder van PostgreSQL eenmalig ALTER ROLE {owner} CREATEROLE uitvoeren, "
                "en probeer het opnieuw."
            ).format(owner=_current_user(connection))
        )


def grant_membership(connection: Connection, role: str, member: str) -> None:
    """``GRANT role TO member`` where it is not so yet (a grant made earlier by someone
    else may stand, and granting again would need rights the owner may lack)."""
    who = "current_user" if member == "CURRENT_USER" else ":member"
    granted = connection.execute(
        text(
            f"SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid "
            f"JOIN pg_roles u ON u.oid = m.member WHERE r.rolname = :role AND u.rolname = {who}"
        ),
        {"role": role, "member": member},
    ).first()
    if granted is None:
        target = member if member == "CURRENT_USER" else quoted(member)
        connection.execute(text(f"GRANT {quoted(role)} TO {target}"))


def _current_user(connection: Connection) -> str:
    return str(connection.execute(text("SELECT current_user")).scalar())


def grant_runtime(connection: Connection, role: str) -> None:
    """The runtime role's privileges on every table and sequence there is, and (by default
    privileges) on those later migrations create."""
    r = quoted(role)
    for statement in (
        f"GRANT USAGE ON SCHEMA public TO {r}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {r}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {r}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {r}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {r}",
        f"REVOKE UPDATE, DELETE, TRUNCATE ON {AUDIT_TABLE} FROM {r}",
        *(f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {t} FROM {r}" for t in READ_ONLY_TABLES),
    ):
        connection.execute(text(statement))
    # The change feed (revision 0011) is written by its trigger alone (as the owner): the
    # runtime role reads and prunes it. Granted again after a restore, so revoked again.
    if connection.execute(text("SELECT to_regclass('public.change_feed')")).scalar():
        connection.execute(text(f"REVOKE INSERT, UPDATE, TRUNCATE ON change_feed FROM {r}"))
    _create_purge_function(connection, r)


def _create_purge_function(connection: Connection, role: str) -> None:
    """Retention deletes the status history of purged records, which its append-only
    trigger refuses; lifting the trigger needs the table's owner. This function runs as
    the owner (SECURITY DEFINER) and does that one thing, so the runtime role needs no
    ownership for it."""
    connection.execute(
        text(
            f"""
            CREATE OR REPLACE FUNCTION {PURGE_FUNCTION}(ids text[]) RETURNS integer
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
            DECLARE removed integer;
            BEGIN
                ALTER TABLE status_history DISABLE TRIGGER status_history_no_delete;
                DELETE FROM status_history WHERE object_id = ANY(ids);
                GET DIAGNOSTICS removed = ROW_COUNT;
                ALTER TABLE status_history ENABLE TRIGGER status_history_no_delete;
                RETURN removed;
            END $$
            """
        )
    )
    connection.execute(text(f"REVOKE ALL ON FUNCTION {PURGE_FUNCTION}(text[]) FROM PUBLIC"))
    connection.execute(text(f"GRANT EXECUTE ON FUNCTION {PURGE_FUNCTION}(text[]) TO {role}"))


def drop_runtime_role(connection: Connection) -> None:
    """Undo ``create_runtime_role`` in this database (the role itself is left: another
    copy of the database may still use it)."""
    connection.execute(text(f"DROP FUNCTION IF EXISTS {PURGE_FUNCTION}(text[])"))
    connection.execute(text(f"DROP TABLE IF EXISTS {RUNTIME_TABLE}"))


def runtime_role(connection: Connection) -> str | None:
    """The runtime role recorded in the database; None before revision 0008."""
    exists = connection.execute(text("SELECT to_regclass(:t)"), {"t": RUNTIME_TABLE}).scalar()
    if exists is None:
        return None
    name = connection.execute(text(f"SELECT name FROM {RUNTIME_TABLE}")).scalar()
    return str(name) if name else None


def switch_to_runtime(dbapi_connection: object, role: str) -> None:
    """``SET ROLE`` on a fresh connection (its connect event) where the connecting user
    may take the role; outside any transaction, so it lasts for the connection's life."""
    conn = dbapi_connection
    cursor = conn.cursor()  # type: ignore[attr-defined]
    try:
        cursor.execute("SELECT pg_has_role(%s, 'MEMBER')", (role,))
        row = cursor.fetchone()
        if row and row[0]:
            cursor.execute(f"SET ROLE {quoted(role)}")
    finally:
        cursor.close()
    conn.commit()  # type: ignore[attr-defined]
