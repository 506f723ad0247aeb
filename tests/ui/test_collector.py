"""Cyclic garbage is freed on the GUI thread, never on a pool thread (``ui.collector``)."""

from __future__ import annotations

import gc
import threading
from typing import ClassVar

from sociaalveilig.ui import operations
from sociaalveilig.ui.collector import GuiThreadCollector


class _Cycle:
    """Garbage only a cyclic collection frees; remembers the thread that freed it."""

    freed_on: ClassVar[list[int]] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Cycle.freed_on.append(threading.get_ident())


def _garbage_then_allocations_on_a_pool_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A cycle becomes garbage on the GUI thread; a service call then allocates enough on a
    pool thread for CPython to collect several times over."""
    gc.collect()
    _Cycle.freed_on.clear()
    _Cycle()
    done: list[bool] = []

    def work() -> int:
        kept = [[n] for n in range(50_000)]  # 50,000 new containers: far past gen 0's 700
        return len(kept)

    operations.run_operation(None, work, lambda _n: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=5000)


def test_cyclic_garbage_is_freed_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The window tests run under the guard (``gui_collector`` in conftest), as the program
    does."""
    gui = threading.get_ident()
    _garbage_then_allocations_on_a_pool_thread(qtbot)
    assert not gc.isenabled()
    # The pool thread's 50,000 allocations collected nothing there; the GUI thread's timer
    # may already have (it collects when the counts are past the thresholds, which this
    # thread's own allocations may have done meanwhile), else it does after these.
    kept = [[n] for n in range(2_000)]
    qtbot.waitUntil(lambda: bool(_Cycle.freed_on), timeout=5000)
    assert _Cycle.freed_on == [gui]
    assert len(kept) == 2_000


def test_without_the_guard_a_pool_thread_may_collect(  # type: ignore[no-untyped-def]
    qtbot, gui_collector: GuiThreadCollector
) -> None:
    """What the guard is for: with CPython's own collection, the pool thread freed it."""
    gui_collector.stop()
    assert gc.isenabled()
    gui = threading.get_ident()
    _garbage_then_allocations_on_a_pool_thread(qtbot)
    assert _Cycle.freed_on and _Cycle.freed_on[0] != gui


def test_stop_gives_collection_back(qtbot, gui_collector: GuiThreadCollector) -> None:  # type: ignore[no-untyped-def]
    assert not gc.isenabled()
    gui_collector.stop()
    assert gc.isenabled()
