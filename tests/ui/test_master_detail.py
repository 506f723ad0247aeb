"""The master-detail page written once (ui/master_detail.py): the latest load wins, the
chosen record stays chosen across reloads, a record asked for by id is chosen after the
load, and an unlisted one falls back to the page's default."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sociaalveilig.ui.master_detail import MasterDetailPage


class _Records(MasterDetailPage[list[str]]):
    """A page over plain ids; ``run`` keeps the loads so a test decides when each ends."""

    def __init__(self) -> None:
        super().__init__()
        self._ctx = object()  # type: ignore[assignment]
        self.rows: list[str] = []
        self.chosen: str | None = None
        self.defaults = 0
        self.pending: list[Callable[[Any], None]] = []
        self.next_rows: list[str] = []

    def title(self) -> str:
        return "records"

    def clear(self) -> None:
        self.rows = []

    def run(self, fn: Any, on_success: Any = None, *_args: Any, **_kwargs: Any) -> None:
        self.pending.append(on_success)

    def rows_loader(self, ctx: Any) -> Callable[[Any], list[str]]:
        rows = list(self.next_rows)
        return lambda _c: rows

    def show_rows(self, loaded: list[str]) -> None:
        self.rows = loaded

    def chosen_id(self) -> str | None:
        return self.chosen

    def choose(self, record_id: str) -> bool:
        if record_id not in self.rows:
            return False
        self.chosen = record_id
        return True

    def choose_default(self) -> None:
        self.defaults += 1
        self.chosen = None


def test_an_older_load_ending_after_the_latest_is_dropped(qtbot):
    page = _Records()
    qtbot.addWidget(page)
    page.refresh()
    page.load_choosing("b")
    older, latest = page.pending
    latest(["a", "b"])
    older(["x"])  # finishes last, but was asked first
    assert page.rows == ["a", "b"] and page.chosen == "b"


def test_the_chosen_record_stays_chosen_across_a_reload(qtbot):
    page = _Records()
    qtbot.addWidget(page)
    page.rows, page.chosen = ["a", "b", "c"], "c"
    page.refresh()
    page.pending[-1](["c", "d"])
    assert page.chosen == "c" and page.defaults == 0


def test_a_record_no_longer_listed_falls_back_to_the_default(qtbot):
    page = _Records()
    qtbot.addWidget(page)
    page.rows, page.chosen = ["a"], "a"
    page.refresh()
    page.pending[-1](["b"])
    assert page.chosen is None and page.defaults == 1


def test_a_change_reloads_with_the_changed_record_chosen_and_tells_the_window(qtbot):
    page = _Records()
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.data_changed, timeout=1000):
        page.changed_choosing("new")
    page.pending[-1](["old", "new"])
    assert page.chosen == "new"


def test_the_lock_forgets_what_was_to_be_chosen(qtbot):
    page = _Records()
    qtbot.addWidget(page)
    page.load_choosing("a")
    page.forget_choice()
    page.chosen = None
    page.pending[-1](["a"])
    assert page.chosen is None and page.defaults == 1
