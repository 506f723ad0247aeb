"""Read-only units: they refuse writes, leave the connection writable for the next unit,
and never wait for (or hold) the write lock another unit has."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import DBAPIError

from sociaalveilig.services.context import ServiceContext
from sociaalveilig.storage.models import Setting, User


@pytest.mark.both_stores
def test_a_read_unit_refuses_writes_and_the_next_unit_may_write(
    admin_ctx: ServiceContext,
) -> None:
    with admin_ctx.read_unit() as session:
        users = session.execute(select(func.count()).select_from(User)).scalar_one()
    assert users >= 1
    with (
        pytest.raises(DBAPIError, match=r"readonly|read-only|query_only"),
        admin_ctx.read_unit() as session,
    ):
        session.execute(update(User).values(display_name="Nooit Geschreven"))
    # The same pooled connection (newest first) is writable again for a normal unit.
    with admin_ctx.unit() as session:
        session.add(Setting(key="test.read_unit", value="ja"))
    with admin_ctx.read_unit() as session:
        names = set(session.execute(select(User.display_name)).scalars())
        value = session.execute(
            select(Setting.value).where(Setting.key == "test.read_unit")
        ).scalar_one()
    assert "Nooit Geschreven" not in names and value == "ja"


def test_a_read_unit_does_not_wait_for_the_write_lock(admin_ctx: ServiceContext) -> None:
    writing = threading.Event()
    release = threading.Event()

    def writer() -> None:
        with admin_ctx.unit() as session:  # BEGIN IMMEDIATE: holds the write lock
            session.add(Setting(key="test.writer", value="bezig"))
            session.flush()
            writing.set()
            assert release.wait(10)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert writing.wait(10)
        # While the writer holds the lock: a read unit reads the last committed state
        # at once (a write unit would wait here for up to the 30 s busy timeout).
        with admin_ctx.read_unit() as session:
            seen = session.execute(
                select(func.count()).select_from(Setting).where(Setting.key == "test.writer")
            ).scalar_one()
        assert seen == 0
        assert thread.is_alive()  # the writer was still holding the lock meanwhile
    finally:
        release.set()
        thread.join(10)
    with admin_ctx.read_unit() as session:
        assert session.execute(
            select(Setting.value).where(Setting.key == "test.writer")
        ).scalar_one() == "bezig"


def test_every_connection_has_the_same_page_cache(admin_ctx: ServiceContext) -> None:
    """Reading and writing units alike (an import included): 32 MiB of decrypted pages
    per connection, and no process-wide cap that would make a writer spill its pages."""
    from sqlalchemy import text

    for unit in (admin_ctx.unit, admin_ctx.read_unit):
        with unit() as session:
            assert session.execute(text("PRAGMA cache_size")).scalar_one() == -32768
            assert session.execute(text("PRAGMA soft_heap_limit")).scalar_one() == 0
