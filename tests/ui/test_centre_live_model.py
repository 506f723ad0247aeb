"""The lazy list model's in-place update (``LazyTableModel.apply_update``), without a
server: rows changed, inserted and removed keep the other rows, the selection and the
pages of rows already fetched; qtmodeltester watches every signal."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QPersistentModelIndex
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui.models import live_order
from sociaalveilig.ui.models.lazy import PAGE_SIZE, Column, LazyTableModel
from sociaalveilig.ui.record_view import RecordView


@dataclass(frozen=True)
class Row:
    id: str
    text: str


class FakeModel(LazyTableModel[Row]):
    COLUMNS = (Column("Tekst", lambda r: r.text),)

    def __init__(self, ids: list[str]) -> None:
        super().__init__()
        self.store = {key: Row(key, f"tekst {key}") for key in ids}
        self.asked: list[list[str]] = []

    def fetch_ids(self, ctx: ServiceContext, query: Any) -> list[str]:
        return sorted(self.store)

    def fetch_rows(self, ctx: ServiceContext, ids: list[str]) -> Sequence[Row]:
        self.asked.append(list(ids))
        return [self.store[key] for key in ids if key in self.store]


def _loaded(qtbot: Any, model: FakeModel, rows: int) -> None:
    model.set_context(object())  # type: ignore[arg-type]
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == rows, timeout=10_000)
    for row in range(0, rows, PAGE_SIZE):
        model.row_object(row)
    qtbot.waitUntil(lambda: all(model.is_row_loaded(r) for r in range(rows)), timeout=10_000)


def test_changed_rows_are_replaced_in_place_and_nothing_is_fetched(qtbot, qtmodeltester) -> None:
    model = FakeModel([f"s{n:04d}" for n in range(50)])
    _loaded(qtbot, model, 50)
    qtmodeltester.check(model)
    before = [model.row_object(r) for r in range(50)]
    asked = len(model.asked)
    changed = Row("s0007", "gewijzigd door een ander")
    with qtbot.waitSignal(model.dataChanged) as signal:
        model.apply_update([changed], [7], [])
    assert signal.args[0].row() == 7 and signal.args[1].row() == 7
    assert model.data(model.index(7, 0)) == "gewijzigd door een ander"
    assert all(model.row_object(r) is before[r] for r in range(50) if r != 7)
    assert len(model.asked) == asked


def test_inserted_and_removed_rows_keep_the_selection_and_the_fetched_pages(
    qtbot, qtmodeltester
) -> None:
    count = PAGE_SIZE * 2 + 30
    model = FakeModel([f"s{n:04d}" for n in range(count)])
    _loaded(qtbot, model, count)
    selection = QItemSelectionModel(model)
    selection.select(model.index(250, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    chosen = QPersistentModelIndex(model.index(250, 0))
    objects = {model.ids[r]: model.row_object(r) for r in range(count)}
    asked = len(model.asked)
    qtmodeltester.check(model)

    new = Row("s0010a", "nieuw van een ander")
    model.apply_update([new], [10], ["s0003", "s0300"])  # its place in the list now

    assert model.rowCount() == count - 1
    assert model.ids[10] == "s0010a" and "s0003" not in model.ids and "s0300" not in model.ids
    assert chosen.isValid() and model.ids[chosen.row()] == "s0250"
    assert [model.ids[i.row()] for i in selection.selectedRows()] == ["s0250"]
    # Every row fetched before is still there, as the same object, after the shift across
    # the page boundaries; nothing was fetched again.
    for key, row in objects.items():
        if key in model.ids:
            assert model.row_object(model.ids.index(key)) is row
    assert model.row_object(10) is new
    assert len(model.asked) == asked
    qtmodeltester.check(model)


def test_a_page_that_arrives_after_rows_moved_lands_where_its_rows_are_now(qtbot) -> None:
    count = PAGE_SIZE + 20
    model = FakeModel([f"s{n:04d}" for n in range(count)])
    model.set_context(object())  # type: ignore[arg-type]
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == count, timeout=10_000)
    model.row_object(0)
    qtbot.waitUntil(lambda: model.is_row_loaded(0), timeout=10_000)
    # The second page is asked for, and a row is inserted before it arrives.
    model.row_object(PAGE_SIZE)
    model.apply_update([Row("s0000a", "nieuw")], [1], [])
    qtbot.waitUntil(
        lambda: all(model.row_object(r) is not None for r in range(model.rowCount())),
        timeout=10_000,
    )
    assert [model.row_object(r).id for r in range(model.rowCount())] == model.ids


def test_the_plan_ends_in_the_order_the_places_give() -> None:
    # Two changed rows that pass each other: placing them at their numbers one after the
    # other would leave them wrong.
    current = ["B", "p", "q", "A"]
    steps = live_order.plan(current, {"A": 1, "B": 2}, [])
    assert live_order.apply_plan(current, steps) == ["p", "A", "B", "q"]
    rng = random.Random(19)
    for _ in range(300):
        size = rng.randint(0, 12)
        target = [f"k{n}" for n in range(size)]
        rng.shuffle(target)
        # The list as shown: the target with some rows changed (out of place), some new
        # rows missing, and some rows that have gone since.
        changed = {key for key in target if rng.random() < 0.3}
        new = {key for key in changed if rng.random() < 0.3}
        gone = [f"x{n}" for n in range(rng.randint(0, 2))]
        shown = [key for key in target if key not in changed] + gone
        rng.shuffle(gone)
        for key in sorted(changed - new):
            shown.insert(rng.randint(0, len(shown)), key)
        places = {key: target.index(key) for key in changed}
        steps = live_order.plan(shown, places, gone)
        assert live_order.apply_plan(shown, steps) == target, (shown, places, gone)


def test_a_row_beyond_the_part_a_model_holds_leaves_it() -> None:
    steps = live_order.plan(["a", "b", "c"], {"b": 40, "n": 50}, [], complete=False)
    assert steps == [live_order.Remove("b")]  # and "n" is not inserted


def test_a_row_whose_sort_value_changed_moves_to_its_place(qtbot, qtmodeltester) -> None:
    count = PAGE_SIZE + 40
    model = FakeModel([f"s{n:04d}" for n in range(count)])
    _loaded(qtbot, model, count)
    selection = QItemSelectionModel(model)
    selection.setCurrentIndex(
        model.index(100, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    objects = {model.ids[r]: model.row_object(r) for r in range(count)}
    asked = len(model.asked)
    moves: list[tuple[int, int]] = []
    model.rowsMoved.connect(lambda _p, first, _l, _d, dest: moves.append((first, dest)))
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    qtmodeltester.check(model)

    # s0005's status changed: under the list's sort it now stands at 230 (past the page
    # boundary); s0220 moved up to the top.
    late, early = Row("s0005", "afgehandeld"), Row("s0220", "acuut")
    model.apply_update([late, early], [230, 0], [])

    assert model.ids[230] == "s0005" and model.ids[0] == "s0220"
    assert model.row_object(230) is late and model.row_object(0) is early
    assert len(moves) == 2 and resets == []
    assert model.ids[selection.currentIndex().row()] == "s0100"
    assert [model.ids[i.row()] for i in selection.selectedRows()] == ["s0100"]
    for key, row in objects.items():
        if key not in ("s0005", "s0220"):
            assert model.row_object(model.ids.index(key)) is row
    assert len(model.asked) == asked
    qtmodeltester.check(model)


_hosts: list[QWidget] = []


def _scrolled_view(qtbot: Any, model: FakeModel) -> tuple[RecordView, QLineEdit]:
    host = QWidget()
    _hosts[:] = [host]  # kept alive for the test (qtbot closes it afterwards)
    qtbot.addWidget(host)
    view = RecordView("liveList", host)
    view.setModel(model)
    field = QLineEdit(host)
    layout = QVBoxLayout(host)
    layout.addWidget(field)
    layout.addWidget(view)
    host.resize(500, 400)
    host.show()
    qtbot.waitExposed(host)
    view.verticalScrollBar().setValue(60)
    view.select_row(65)
    view.verticalScrollBar().setValue(60)
    host.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=5_000)
    field.setText("Kerkra")
    field.setCursorPosition(3)
    return view, field


def test_rows_coming_and_going_above_the_view_do_not_move_the_rows_in_view(qtbot) -> None:
    model = FakeModel([f"s{n:04d}" for n in range(300)])
    _loaded(qtbot, model, 300)
    view, field = _scrolled_view(qtbot, model)
    top = view.rowAt(0)
    first = model.ids[top]
    obj = model.row_object(top)
    assert top > 0

    model.apply_update([Row("s0001a", "nieuw"), Row("s0002a", "nieuw")], [2, 4], [])
    assert model.ids[view.rowAt(0)] == first and model.row_object(view.rowAt(0)) is obj
    model.apply_update([], [], ["s0010", "s0011", "s0012"])
    assert model.ids[view.rowAt(0)] == first
    # A row from far below moves above the view, one from above moves below it.
    model.apply_update(
        [Row("s0250", "acuut"), Row("s0003", "afgehandeld")], [0, 280], []
    )
    assert model.ids[view.rowAt(0)] == first
    # The selection, the current row and the typing elsewhere were left alone.
    assert model.ids[view.current_row()] == "s0065"
    assert [model.ids[i.row()] for i in view.selectionModel().selectedRows()] == ["s0065"]
    assert field.hasFocus() and field.text() == "Kerkra" and field.cursorPosition() == 3


def test_at_the_top_of_the_list_a_new_first_row_is_seen(qtbot) -> None:
    model = FakeModel([f"s{n:04d}" for n in range(100)])
    _loaded(qtbot, model, 100)
    view, _field = _scrolled_view(qtbot, model)
    view.verticalScrollBar().setValue(0)
    model.apply_update([Row("s0000", "nieuw eerst")], [0], [])  # s0000: replaced in place
    model.apply_update([Row("r0000", "nieuw")], [0], [])
    assert view.rowAt(0) == 0 and model.ids[0] == "r0000"
