"""The short lists' in-place update without a server: a record table
(``RecordTableModel.apply_update``, the meetings and escalations) and the week planner
(``WeekPlanModel.apply_update``, the home visits). Changed rows go to their sorted place,
the other row objects and the selection stay; qtmodeltester watches every signal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from PySide6.QtCore import QItemSelectionModel, Qt

from sociaalveilig.core.enums import VisitStatus
from sociaalveilig.services.visits import VisitAddress, VisitRow

from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel
from sociaalveilig.ui.models.week_plan import WeekPlanModel


@dataclass(frozen=True)
class Row:
    id: str
    when: int
    status: str


class Rows(RecordTableModel[Row]):
    service_descending = True  # newest first, as the escalations

    def make_columns(self) -> Sequence[RecordColumn[Row]]:
        return (
            RecordColumn("Wanneer", lambda r: str(r.when), lambda r: r.when),
            RecordColumn("Status", lambda r: r.status),
        )

    def service_order(self, row: Row) -> int:
        return row.when


def _rows() -> Rows:
    model = Rows()
    model.set_rows([Row(f"r{n}", 100 - n, "open") for n in range(10)])  # r0 newest
    return model


def test_a_changed_row_moves_to_its_place_in_the_services_order(qtmodeltester) -> None:
    model = _rows()
    selection = QItemSelectionModel(model)
    selection.setCurrentIndex(model.index(4, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    before = model.rows
    qtmodeltester.check(model)

    model.apply_update([Row("r7", 200, "open"), Row("n1", 94, "nieuw")], ["r2"])

    ids = [model.row_id(r) for r in model.rows]
    assert ids == ["r7", "r0", "r1", "r3", "r4", "r5", "r6", "n1", "r8", "r9"]
    assert model.row_id(model.row_object(selection.currentIndex().row())) == "r4"
    for row in before:
        if row.id not in ("r7", "r2"):
            assert model.row_object(model.row_of(row.id)) is row
    qtmodeltester.check(model)


def test_under_the_users_own_sort_a_row_goes_where_that_sort_puts_it(qtmodeltester) -> None:
    model = _rows()
    model.sort(1, Qt.SortOrder.AscendingOrder)  # status, then as listed (stable)
    model.apply_update([Row("r5", 95, "afgerond")], [])
    assert model.row_id(model.row_object(0)) == "r5"
    model.sort(0, Qt.SortOrder.AscendingOrder)  # oldest first
    model.apply_update([Row("r5", 1, "afgerond")], [])
    assert model.row_id(model.row_object(0)) == "r5"
    qtmodeltester.check(model)


MONDAY = date(2026, 11, 30)


def _visit(key: str, day: int, hour: int) -> VisitRow:
    start = datetime.combine(MONDAY + timedelta(days=day), datetime.min.time()).replace(hour=hour)
    return VisitRow(
        visit_id=key, case_id=None, case_reference=None, area=None, start=start,
        end=start + timedelta(hours=1), address=VisitAddress("6461 AB", 12, street="Fictiefstraat",
                                                             city="Kerkrade"),
        purpose="Fictief huisbezoek", joint=False, partner_ids=(), partner_names=(),
        status=VisitStatus.GEPLAND, outcome_notes=None, follow_up_of=None, action_id=None,
        version=1,
    )


def test_a_visit_planned_elsewhere_goes_in_its_day_and_the_selection_stays(
    qtmodeltester,
) -> None:
    model = WeekPlanModel()
    shown = [_visit("a", 0, 9), _visit("b", 0, 14), _visit("c", 2, 10)]
    model.set_week(MONDAY, shown, MONDAY)
    selection = QItemSelectionModel(model)
    selection.setCurrentIndex(model.index(1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    qtmodeltester.check(model)

    # One planned before b on Monday, one on Wednesday; c moved to Monday at 8.
    model.apply_update([_visit("n", 0, 11), _visit("c", 0, 8), _visit("m", 2, 9)], [])

    assert [v.visit_id for v in model.visits()] == ["c", "a", "n", "b", "m"]
    assert model.rowCount() == 4
    assert model.visit_at(1, 0) is shown[0]  # the other visits are the same objects
    current = selection.currentIndex()
    assert model.visit_at(current.row(), current.column()) is shown[1]
    assert [(i.row(), i.column()) for i in selection.selectedIndexes()] == [(3, 0)]
    qtmodeltester.check(model)

    # Cancelled (gone from the week) and one moved to next week: rows shrink again.
    model.apply_update([replace(_visit("n", 7, 11))], ["c"])
    assert [v.visit_id for v in model.visits()] == ["a", "b", "m"]
    assert model.rowCount() == 2
    current = selection.currentIndex()
    assert model.visit_at(current.row(), current.column()) is shown[1]
    qtmodeltester.check(model)
