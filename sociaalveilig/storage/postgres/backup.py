"""Backup and restore of the centre's database with PostgreSQL's own tools.

``pg_dump --format=custom`` streams the whole database into the encrypting writer
(``backup_file``); nothing unencrypted touches the disk. A backup is checked before it
is put in place: decrypted again and read by ``pg_restore --list`` (the archive is whole
and readable by the tool that restores it), and the audit log's rows in it, taken out
with ``pg_restore --data-only``, must form an unbroken chain that ends at the stored
head. A restore pipes the decrypted archive into ``pg_restore --single-transaction
--exit-on-error``: either everything arrives or nothing does.

The password in the URL reaches the tools through their environment (``PGPASSWORD``), which
other users on the machine cannot read; never through their command line, which they can.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from sociaalveilig.core.errors import StoreDamaged, UsageError, ValidationError
from sociaalveilig.core.i18n import tr
from sociaalveilig.storage import audit
from sociaalveilig.storage.postgres import rls, roles
from sociaalveilig.storage.postgres.store import unreachable

READ_BYTES = 1 << 16
STDERR_LIMIT = 64 * 1024
# libpq's environment variables for the parts of a URL's query a centre may use.
_QUERY_VARIABLES = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "sslcrl": "PGSSLCRL",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "host": "PGHOST",
    "port": "PGPORT",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
}
# Said by libpq when it never got a session: the server is away or refused the sign-in.
_UNREACHABLE_SIGNS = (
    "connection to server",
    "could not connect",
    "password authentication failed",
    "no password supplied",
    "no pg_hba.conf entry",
    "does not exist",
    "could not translate host name",
    "timeout expired",
)


def libpq_environment(url: str) -> dict[str, str]:
    """The environment for a PostgreSQL tool to reach the database at ``url``: the
    process's own without a ``PG*`` variable that names a target (a ``~/.pgpass`` or
    ``PGPASSFILE`` is still read, as the program's own connection reads it), plus those
    the URL gives."""
    parsed = make_url(url)
    # Nothing of another connection's target leaks in; where to find a password does.
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PG") or k in ("PGPASSFILE", "PGSYSCONFDIR")}
    if parsed.host:
        env["PGHOST"] = parsed.host
    if parsed.port:
        env["PGPORT"] = str(parsed.port)
    if parsed.username:
        env["PGUSER"] = parsed.username
    if parsed.password is not None:
        env["PGPASSWORD"] = str(parsed.password)
    if parsed.database:
        env["PGDATABASE"] = parsed.database
    for key, value in parsed.query.items():
        variable = _QUERY_VARIABLES.get(key)
        if variable is not None:
            env[variable] = value if isinstance(value, str) else value[0]
    env["PGAPPNAME"] = "sociaalveilig-server"
    env["PGCONNECT_TIMEOUT"] = env.get("PGCONNECT_TIMEOUT", "10")
    return env


def find_tool(name: str) -> str:
    """A PostgreSQL client program: on the PATH, else Debian's newest version folder."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if candidates:
        return candidates[-1]
    raise ValidationError(
        tr("Het programma {tool} is niet gevonden. Installeer de PostgreSQL-hulpprogramma's "
           "(Debian: apt install postgresql-client-15 of nieuwer) en probeer het opnieuw.")
        .format(tool=name),
        field="database",
    )


def _failure(url: str, tool: str, stderr: bytes) -> Exception:
    """One line for a tool that failed: unreachable (exit 6) or refused (exit 4)."""
    text = stderr.decode("utf-8", "replace")
    if any(sign in text for sign in _UNREACHABLE_SIGNS):
        return unreachable(url)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # The tools say "error:" on the line that tells why; details and hints follow it.
    errors = [line for line in lines if "error:" in line]
    detail = (errors or lines or [tr("geen melding")])[0]
    return ValidationError(
        tr("{tool} is mislukt: {detail}").format(tool=tool, detail=detail[:300]),
        field="database",
    )


def _drain(stream: IO[bytes], into: bytearray) -> None:
    for piece in iter(lambda: stream.read(READ_BYTES), b""):
        if len(into) < STDERR_LIMIT:
            into += piece[: STDERR_LIMIT - len(into)]


def _feed(stream: IO[bytes], chunks: Iterable[bytes], problem: list[BaseException]) -> None:
    try:
        for chunk in chunks:
            stream.write(chunk)
    except BrokenPipeError:
        pass  # the tool stopped reading; its exit code tells why
    except BaseException as exc:  # a damaged backup: told after the tool has stopped
        problem.append(exc)
    finally:
        with contextlib.suppress(BrokenPipeError):
            stream.close()


def _run(
    args: list[str],
    env: dict[str, str],
    chunks: Iterable[bytes] | None,
    on_output: Callable[[bytes], None],
) -> tuple[int, bytes]:
    """Run a tool with ``chunks`` on its standard input (in a thread) and hand its output
    to ``on_output`` as it comes. Returns the exit code and the start of its stderr. A
    problem reading ``chunks`` (a damaged backup) is raised after the tool has stopped."""
    errors = bytearray()
    problem: list[BaseException] = []
    with subprocess.Popen(
        args,
        env=env,
        stdin=subprocess.PIPE if chunks is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        threads = [threading.Thread(target=_drain, args=(proc.stderr, errors), daemon=True)]
        if chunks is not None:
            assert proc.stdin is not None
            threads.append(
                threading.Thread(target=_feed, args=(proc.stdin, chunks, problem), daemon=True)
            )
        for thread in threads:
            thread.start()
        try:
            for piece in iter(lambda: proc.stdout.read(READ_BYTES), b""):  # type: ignore[union-attr]
                on_output(piece)
        except BaseException:
            proc.kill()
            raise
        finally:
            code = proc.wait()
            for thread in threads:
                thread.join()
    if problem:
        raise problem[0]
    return code, bytes(errors)


def dump(url: str, sink: Callable[[bytes], None]) -> None:
    """Stream ``pg_dump --format=custom`` of the database at ``url`` into ``sink``."""
    tool = find_tool("pg_dump")
    code, errors = _run(
        # Without --enable-row-security: a role that row-level security would hide rows
        # from makes pg_dump fail loudly instead of writing a backup without them.
        [tool, "--format=custom", "--no-password", "--serializable-deferrable"],
        libpq_environment(url),
        None,
        sink,
    )
    if code != 0:
        raise _failure(url, "pg_dump", errors)


def archive_list(url: str, chunks: Iterable[bytes]) -> list[str]:
    """``pg_restore --list`` of an archive: its table of contents, one entry a line."""
    tool = find_tool("pg_restore")
    out = bytearray()
    code, errors = _run([tool, "--list"], libpq_environment(url), chunks, out.extend)
    if code != 0:
        raise StoreDamaged(
            tr("pg_restore kan de back-up niet lezen: {detail}. Gebruik een andere back-up.")
            .format(detail=_last_line(errors))
        )
    return [line for line in out.decode("utf-8", "replace").splitlines()
            if line and not line.startswith(";")]


def _last_line(errors: bytes) -> str:
    lines = [ln.strip() for ln in errors.decode("utf-8", "replace").splitlines() if ln.strip()]
    return lines[-1][:300] if lines else tr("geen melding")


def without_policies(listing: list[str]) -> str:
    """A ``pg_restore --use-list`` text of ``listing`` that leaves the row policies out:
    they name the runtime role's variants of the cluster the backup came from, which this
    one may not have (``restore_privileges`` makes the roles, then the policies again)."""
    return "".join(
        (";" if " POLICY " in f" {line} " else "") + line + "\n" for line in listing
    )


def restore(url: str, chunks: Iterable[bytes], listing: list[str] | None = None) -> None:
    """Restore an archive into the (empty) database at ``url`` in one transaction. The
    objects belong to the URL's role (``--no-owner``): the owner of the database. The
    privileges (``--no-privileges``) and, given the archive's ``listing``, the row
    policies are not restored: they name the runtime roles of the cluster the backup came
    from, which this one may not have; ``restore_privileges`` gives them again."""
    tool = find_tool("pg_restore")
    env = libpq_environment(url)
    command = [tool, "--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges",
               "--no-comments", "--no-password", "--dbname", env.get("PGDATABASE", "")]
    with contextlib.ExitStack() as stack:
        if listing is not None:
            handle = stack.enter_context(
                tempfile.NamedTemporaryFile("w", suffix=".list", encoding="utf-8")
            )
            handle.write(without_policies(listing))
            handle.flush()
            command[1:1] = ["--use-list", handle.name]
        code, errors = _run(command, env, chunks, lambda _piece: None)
    if code != 0:
        raise _failure(url, "pg_restore", errors)


# ---------------------------------------------------------------- the audit chain in an archive


_ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"}


def copy_field(raw: str) -> str | None:
    """One field of PostgreSQL's COPY text format, unescaped (``\\N`` is NULL). COPY TO
    writes only the backslash escapes of ``_ESCAPES``; the octal and hex forms it accepts
    on input it never writes."""
    if raw == "\\N":
        return None
    if "\\" not in raw:
        return raw
    out: list[str] = []
    pieces = iter(raw)
    for ch in pieces:
        if ch == "\\":
            nxt = next(pieces, "")
            out.append(_ESCAPES.get(nxt, nxt))
        else:
            out.append(ch)
    return "".join(out)


def copy_rows(lines: Iterator[str], table: str) -> Iterator[dict[str, str | None]]:
    """The rows of ``table``'s COPY block in a plain SQL script, as column → value."""
    start = f"COPY public.{table} ("
    for line in lines:
        if line.startswith(start):
            columns = [c.strip().strip('"') for c in line[len(start) : line.index(")")].split(",")]
            break
    else:
        return
    for line in lines:
        if line == "\\.":
            return
        yield dict(zip(columns, (copy_field(f) for f in line.split("\t")), strict=True))


@dataclass(frozen=True)
class ArchiveChain:
    entries: int
    last_id: int
    last_hash: str


def _lines(data: bytes) -> Iterator[str]:
    yield from data.decode("utf-8").split("\n")


def archive_audit_chain(url: str, chunks: Iterable[bytes]) -> ArchiveChain:
    """Walk the audit chain held in an archive (its ``audit_log`` and ``audit_head``
    rows) as ``audit.verify_chain`` walks a database's; StoreDamaged where it breaks."""
    tool = find_tool("pg_restore")
    script = bytearray()
    code, errors = _run(
        [tool, "--data-only", "--table=audit_log", "--table=audit_head", "--file=-"],
        libpq_environment(url),
        chunks,
        script.extend,
    )
    if code != 0:
        raise StoreDamaged(
            tr("pg_restore kan de back-up niet lezen: {detail}. Gebruik een andere back-up.")
            .format(detail=_last_line(errors))
        )
    data = bytes(script)
    # COPY writes rows in the table's physical order, which is not always the ids' (an
    # updated or moved row goes elsewhere). Each entry's own hash is checked as it comes;
    # the links between entries afterwards, in id order, from what is kept of each.
    links: dict[int, tuple[bytes, bytes]] = {}
    for row in copy_rows(_lines(data), "audit_log"):
        entry_id = int(str(row["id"]))
        event = audit.AuditEvent(
            str(row["username"]), str(row["role"]), str(row["action"]), row["object_type"],
            row["object_id"], row["person_ref"], row["purpose"], str(row["outcome"]),
        )
        prev, digest = str(row["prev_hash"]), str(row["hash"])
        if audit.entry_hash(prev, str(row["at"]), event) != digest or entry_id in links:
            raise _chain_broken(entry_id)
        links[entry_id] = (_packed(prev), _packed(digest))
    last_id, last_hash = 0, _packed(audit.GENESIS_HASH)
    for entry_id in sorted(links):
        linked_prev, linked_hash = links[entry_id]
        if linked_prev != last_hash:
            raise _chain_broken(entry_id)
        last_id, last_hash = entry_id, linked_hash
    heads = list(copy_rows(_lines(data), "audit_head"))
    if (
        len(heads) != 1
        or _packed(str(heads[0]["last_hash"])) != last_hash
        or int(str(heads[0]["last_id"])) != last_id
    ):
        raise _chain_broken(last_id + 1)
    return ArchiveChain(len(links), last_id, last_hash.hex())


def _packed(hex_digest: str) -> bytes:
    """A SHA-256 hex digest in 32 bytes (a log of a million entries is kept in memory)."""
    try:
        return bytes.fromhex(hex_digest)
    except ValueError:
        return hex_digest.encode("utf-8", "replace")


def _chain_broken(entry_id: int) -> StoreDamaged:
    return StoreDamaged(
        tr("De auditketen in de back-up is gebroken bij regel {id}. Gebruik een andere back-up.")
        .format(id=entry_id)
    )


def data_directory(engine: Engine) -> Path | None:
    """The cluster's data directory where the database tells it (superusers and members
    of pg_read_all_settings), else None: a backup must not be written inside it."""
    try:
        with engine.connect() as connection:
            value = connection.execute(text("SHOW data_directory")).scalar()
    except DBAPIError as exc:
        if exc.connection_invalidated:
            raise
        return None
    return Path(os.path.realpath(str(value))) if value else None


def restore_privileges(engine: Engine) -> str | None:
    """After a restore: the runtime role the database names (``centre_runtime_role``)
    made where this cluster lacks it, the owner made a member (to ``SET ROLE``), and
    its privileges granted as revision 0008 grants them. Returns the role's name (None
    for a centre from before revision 0008)."""
    with engine.begin() as connection:
        role = roles.runtime_role(connection)
        if role is None:
            return None
        exists = connection.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}
        ).first()
        if exists is None:
            _refuse_without_createrole(connection, role)
            connection.execute(text(f"CREATE ROLE {roles.quoted(role)} NOLOGIN"))
        member = connection.execute(
            text("SELECT pg_has_role(current_user, :role, 'MEMBER')"), {"role": role}
        ).scalar()
        if not member:
            connection.execute(text(f"GRANT {roles.quoted(role)} TO CURRENT_USER"))
        connection.execute(text(f"ALTER ROLE {roles.quoted(role)} NOINHERIT"))
        variants = (roles.all_role(role), roles.partner_role(role))
        for variant in variants:
            present = connection.execute(
                text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": variant}
            ).first()
            if present is None:
                _refuse_without_createrole(connection, variant)
                connection.execute(text(f"CREATE ROLE {roles.quoted(variant)} NOLOGIN"))
            roles.grant_membership(connection, variant, role)
        for name in (role, *variants):
            roles.grant_runtime(connection, name)
        policies = connection.execute(
            text("SELECT count(*) FROM pg_policies WHERE schemaname = 'public'")
        ).scalar_one()
        if not policies:  # left out of the restore (``without_policies``): made again
            rls.create_policies(connection, *variants)
    return role


def _refuse_without_createrole(connection: Connection, role: str) -> None:
    """The runtime role is missing on this cluster and the owner may not make it: one
    line saying what a PostgreSQL administrator runs once (as ``init`` says it)."""
    may_create = connection.execute(
        text("SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    if not may_create:
        owner = connection.execute(text("SELECT current_user")).scalar()
        raise UsageError(
            tr(
                "De eigenaar van de database mag geen rollen maken (CREATEROLE). Laat een "
                "beheerder van PostgreSQL eenmalig uitvoeren: CREATE ROLE {role} NOLOGIN; "
                "GRANT {role} TO {owner}; en probeer het opnieuw."
            ).format(role=role, owner=owner)
        )
