"""Reference counters: taken in one statement, so two writers never share a number."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from sqlalchemy import event

from sociaalveilig.services.refs import RefKind, format_reference, reserve_references
from sociaalveilig.storage.sqlite.store import Store
from tests.conftest import _TEMPLATE_KEY

YEAR = 2031  # a year no fixture draws numbers for


def _open(folder: Path) -> Store:
    return Store.open_with_key(folder, bytearray(_TEMPLATE_KEY["key"]))


def test_two_stores_on_one_folder_never_draw_the_same_reference(store_dir: Path) -> None:
    """Two engines on one folder (two desks), each drawing in its own thread, interleaved:
    every number is drawn once, and none is skipped."""
    stores = [_open(store_dir), _open(store_dir)]
    start = threading.Barrier(len(stores))
    drawn: list[list[str]] = [[] for _ in stores]
    failures: list[BaseException] = []

    def draw(index: int) -> None:
        try:
            start.wait()
            for _ in range(30):
                with stores[index].unit() as session:
                    drawn[index] += reserve_references(session, RefKind.SIGNAL, YEAR, 2)
        except BaseException as exc:  # reported below, on the test's thread
            failures.append(exc)

    threads = [threading.Thread(target=draw, args=(i,)) for i in range(len(stores))]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        for store in stores:
            store.close()
    assert failures == []
    everything = drawn[0] + drawn[1]
    assert len(everything) == len(set(everything)) == 120
    assert sorted(everything) == [format_reference(RefKind.SIGNAL, YEAR, n) for n in range(1, 121)]


def test_a_reservation_adds_and_reads_in_one_statement(store_dir: Path) -> None:
    """No read-then-write: the counter is only ever touched by ``UPDATE … RETURNING`` (and
    the insert that makes a kind's first counter of a year), never read on its own."""
    store = _open(store_dir)
    statements: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if "counters" in statement:
            statements.append(" ".join(statement.split()).upper())

    event.listen(store.engine, "before_cursor_execute", note)
    try:
        with store.unit() as session:
            first = reserve_references(session, RefKind.CASE, YEAR, 3)
        with store.unit() as session:
            second = reserve_references(session, RefKind.CASE, YEAR, 2)
    finally:
        store.close()
    assert first == [format_reference(RefKind.CASE, YEAR, n) for n in (1, 2, 3)]
    assert second == [format_reference(RefKind.CASE, YEAR, n) for n in (4, 5)]
    assert statements
    assert not [s for s in statements if s.startswith("SELECT")]
    updates = [s for s in statements if s.startswith("UPDATE")]
    assert len(updates) == 2 and all("RETURNING" in s for s in updates)
