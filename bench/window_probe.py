"""The window on the full region, measured in a process of its own (offscreen Qt).

``python -m bench.window_probe STORE OUT.json [--filters N] [--searches N] [--scrolls N]``

Run by ``bench.run`` once per repetition, in a fresh process, so the peak memory
(``VmHWM``, ``peak_rss_kib``) is the window's own: the program unlocked (real KDF), the main
window open on the signal list of the full region, every filter, search and scroll below
done.

Measured (wall clock, from the user's action until the rows are on screen: the ids
fetched, the first visible page of rows fetched and painted):

* ``unlock``: ``setup.login`` with the real Argon2id parameters;
* ``window_open``: ``MainWindow(ctx)`` built and shown on the Signalen page until its first
  page of rows is painted;
* ``first_page``: the unfiltered list (all 200,000 signals) reloaded until its first page is
  painted;
* ``filter``: one filter chip changed (focus area, status, source, period, overdue) until
  the first page of the new list is painted;
* ``search``: a search text applied (the 300 ms typing pause left out: it is a deliberate
  wait, not work) until the first page of results is painted;
* ``scroll_end``: the view scrolled to the last row until that row is painted.

The list shows its first page (ids and rows from one query) before the whole id list is
known; the rest follows off the GUI thread. ``complete`` is the time from the user's action
until the whole list is known (the count line shows the number, the scroll bar its length).
Before each next action the probe waits for that, as a user reads the list before the next
click; a scroll to the end is measured on the whole list.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from bench.generate import COORDINATOR, PASSPHRASE, clock
from sociaalveilig.services import setup

STATUS_FILE = Path("/proc/self/status")


def peak_rss_kib(status_file: Path = STATUS_FILE) -> int:
    """This process's own peak resident memory in KiB: ``VmHWM``, the high water mark of its
    address space, which starts afresh at ``exec``. Not ``ru_maxrss``: Linux carries that
    over ``exec`` from the forked copy of the parent, so a probe started by the benchmark
    after it generated the region reported the parent's 2 GB instead of its own 242 MB.
    ``ru_maxrss`` only where there is no ``/proc`` (not Linux)."""
    try:
        text = status_file.read_text(encoding="ascii")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for line in text.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


SEARCH_WORDS = (
    "hennep", "geluidsoverlast", "Mergelweg", "jongeren scooters", "huurachterstand",
    "6431", "inbraak schuur", "verward", "Schachtstraat", "S-2025-0001", "afval containers",
    "zorgen oudere", "drugs portiek", "Kievithof", "overbewoning kelder", "Heerlen",
)

LOOP_TIMEOUT_S = 120


def wait_until(app: QApplication, done: Callable[[], bool], signals: list[Any]) -> None:
    """Run the event loop until ``done()`` holds, checking whenever one of ``signals``
    fires (no polling: the worker thread gets the CPU), then let one paint happen."""
    if not done():
        loop = QEventLoop()

        def check(*_args: Any) -> None:
            if done():
                loop.quit()

        for sig in signals:
            sig.connect(check)
        guard = QTimer()
        guard.setSingleShot(True)
        guard.timeout.connect(loop.quit)
        guard.start(LOOP_TIMEOUT_S * 1000)
        # A slow timer as a safety net for a missed signal (checks only, no busy loop).
        tick = QTimer()
        tick.timeout.connect(check)
        tick.start(50)
        loop.exec()
        tick.stop()
        guard.stop()
        for sig in signals:
            sig.disconnect(check)
        if not done():
            raise TimeoutError("the window did not get there in time")
    app.processEvents()  # the paint of what just arrived


def _filter_changes(page: Any) -> list[Callable[[], None]]:
    """The filter changes a person makes on the Signalen page, one chip value at a time."""
    areas = [a.area_id for a in getattr(page, "_areas", ())] or [None]
    changes: list[Callable[[], None]] = [
        lambda a=area: page.area_chip.select([a] if a else []) for area in areas
    ]
    changes += [
        lambda s=status: page.status_chip.select([s])
        for status in ("gerouteerd", "gekoppeld", "afgehandeld", "nieuw")
    ]
    changes += [
        lambda s=source: page.source_chip.select([s])
        for source in ("politie", "bewoner", "woningcorporatie", "zorg")
    ]
    changes += [
        lambda p=period: page.period_chip.select([p])
        for period in ("week", "month", "quarter", "year")
    ]
    changes.append(lambda: page.overdue_button.setChecked(not page.overdue_button.isChecked()))
    return changes


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("store")
    parser.add_argument("out")
    parser.add_argument("--filters", type=int, default=30)
    parser.add_argument("--searches", type=int, default=32)
    parser.add_argument("--scrolls", type=int, default=5)
    parser.add_argument("--first-pages", type=int, default=7)
    args = parser.parse_args(argv)

    from sociaalveilig.ui.collector import GuiThreadCollector
    from sociaalveilig.ui.main_window import MainWindow
    from sociaalveilig.ui.settings import UiSettings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    GuiThreadCollector(app)  # as the program does (sociaalveilig.app.main)
    started = time.perf_counter()
    ctx = setup.login(Path(args.store), COORDINATOR, PASSPHRASE, clock())
    unlock = time.perf_counter() - started

    settings_dir = tempfile.mkdtemp(prefix="sv-bench-ui-")
    settings = UiSettings(QSettings(os.path.join(settings_dir, "ui.ini"),
                                    QSettings.Format.IniFormat))
    settings.set_user(COORDINATOR)
    settings.set_last_page("SignalsPage")

    started = time.perf_counter()
    window = MainWindow(ctx, settings=settings)
    window.show()
    page: Any = window.page("SignalsPage")
    assert page is not None, "no Signalen page in this build"
    model, view = page.model, page.view
    signals = [model.loaded, model.dataChanged, model.modelReset, model.load_failed]

    def first_visible_loaded() -> bool:
        if model.loading:
            return False
        if model.rowCount() == 0:
            return True
        top = max(0, view.rowAt(0))
        return model.is_row_loaded(top)

    wait_until(app, first_visible_loaded, signals)
    window_open = time.perf_counter() - started

    def whole_list_known() -> bool:
        if model.loading or not model.complete:
            return False
        # Let the window settle as it would before a person's next click: the rows just
        # appended are laid out (a zero timer) and painted, not left for the next action.
        app.processEvents()
        app.processEvents()
        return True

    wait_until(app, whole_list_known, signals)
    total_rows = model.rowCount()
    complete: list[float] = []

    def timed(action: Callable[[], None], done: Callable[[], bool]) -> float:
        t0 = time.perf_counter()
        action()
        wait_until(app, done, signals)
        shown = (time.perf_counter() - t0) * 1000
        if done is first_visible_loaded:
            wait_until(app, whole_list_known, signals)
            complete.append((time.perf_counter() - t0) * 1000)
        return shown

    first_pages = [
        timed(page.clear_filters, first_visible_loaded) for _ in range(args.first_pages)
    ]

    changes = _filter_changes(page)
    filters: list[float] = []
    for i in range(args.filters):
        if i and i % len(changes) == 0:
            page.clear_filters()
            wait_until(app, whole_list_known, signals)
        filters.append(timed(changes[i % len(changes)], first_visible_loaded))
    page.clear_filters()
    wait_until(app, whole_list_known, signals)

    def search(word: str) -> None:
        page.search_edit.setText(word)
        page.apply_filters()

    searches = [
        timed(functools.partial(search, SEARCH_WORDS[i % len(SEARCH_WORDS)]), first_visible_loaded)
        for i in range(args.searches)
    ]
    page.clear_filters()
    wait_until(app, whole_list_known, signals)

    scrolls: list[float] = []
    for _ in range(args.scrolls):
        view.scrollToTop()
        page.clear_filters()  # a fresh list: the last page is not cached
        wait_until(app, whole_list_known, signals)
        last = model.rowCount() - 1
        assert last + 1 == total_rows, "the scroll is measured on the whole list"
        scrolls.append(timed(view.scrollToBottom, lambda r=last: model.is_row_loaded(r)))

    peak_kib = peak_rss_kib()
    result = {
        "rows": total_rows,
        "unlock_s": unlock,
        "window_open_s": window_open,
        "first_page_ms": first_pages,
        "filter_ms": filters,
        "search_ms": searches,
        "scroll_end_ms": scrolls,
        "complete_ms": complete,
        "peak_rss_mb": peak_kib / 1024,
    }
    window.close()
    ctx.store.close()
    Path(args.out).write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
