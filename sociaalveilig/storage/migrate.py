"""Schema migrations with Alembic, run on the store's own keyed connection.

Alembic (with Mako and Pygments behind it) is imported on the first use, not with this
module: the program's start and its sign-in screen do not need it.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    location = resources.files("sociaalveilig.storage") / "migrations"
    cfg.set_main_option("script_location", str(location))
    return cfg


@cache
def _scripts() -> ScriptDirectory:
    """The migration scripts, read once per process: Alembic compiles every script each
    time it reads the folder (a fifth of opening a centre's store), and the package's files
    do not change while the program runs."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None
    return head


def is_known_revision(revision: str) -> bool:
    """Whether this program's history holds ``revision`` (a database written by a newer
    program holds one it does not)."""
    from alembic.util import CommandError

    try:
        return _scripts().get_revision(revision) is not None
    except CommandError:
        return False


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision (no-op when it is current)."""
    with engine.connect() as connection:
        if current_revision(connection) == head_revision():
            return
    from alembic import command

    cfg = _config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")


def upgrade_connection(connection: Connection) -> None:
    """Bring the schema to the newest revision inside the caller's transaction (on
    PostgreSQL, where DDL is transactional, it is undone with everything else on a
    rollback: a centre's import builds its schema and its rows in one transaction)."""
    from alembic import command

    cfg = _config()
    cfg.attributes["connection"] = connection
    command.upgrade(cfg, "head")


def revision(engine: Engine, message: str) -> None:
    """Developer helper: autogenerate a new revision against a store at head."""
    from alembic import command

    cfg = _config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.revision(cfg, message=message, autogenerate=True)
