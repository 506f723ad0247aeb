"""The lazy list model's in-place update (``LazyTableModel.apply_update``), without a
server: rows changed, inserted and removed keep the other rows, the selection and the
pages of rows already fetched; qtmodeltester watches every signal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QPersistentModelIndex

from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui.models.lazy import PAGE_SIZE, Column, LazyTableModel


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
