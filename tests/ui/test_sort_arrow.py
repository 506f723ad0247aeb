"""The header's sort arrow points the way people read it: down for newest first
(descending), up for oldest first (ascending). Checked on the drawn pixels."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QPoint, Qt
from PySide6.QtGui import QColor, QStandardItemModel

from sociaalveilig.ui.record_view import RecordView


def _arrow_points_down(view: RecordView) -> bool:
    """Whether the arrow in section 0 is widest at its top (a downward arrow)."""
    header = view.horizontalHeader()
    image = header.grab().toImage()
    right = header.sectionSize(0)
    rows: dict[int, int] = {}
    for y in range(image.height()):
        for x in range(right - 24, right - 1):  # the arrow sits at the section's right
            if QColor(image.pixel(x, y)).lightness() < 140:
                rows[y] = rows.get(y, 0) + 1
    assert len(rows) >= 3, "no arrow drawn"
    top, bottom = min(rows), max(rows)
    return rows[top] > rows[bottom]


def _shown(qtbot, name: str, model: QAbstractItemModel) -> RecordView:  # type: ignore[no-untyped-def]
    """A list with a wide first column (room for its arrow), shown."""
    view = RecordView(name)
    qtbot.addWidget(view)
    view.setModel(model)
    view.horizontalHeader().resizeSection(0, 160)
    view.resize(400, 150)
    view.show()
    return view


def test_descending_points_down_and_ascending_up(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = QStandardItemModel(3, 2)
    model.setHorizontalHeaderLabels(["Ontvangen", "Referentie"])
    view = _shown(qtbot, "sortArrowProbe", model)
    view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    assert _arrow_points_down(view)
    view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    assert not _arrow_points_down(view)


def test_no_arrow_until_the_rows_are_sorted(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Rows in the service's own order carry no arrow (Qt would claim "column 0,
    descending"); the first click sorts ascending, and the arrow then tells the truth."""
    from sociaalveilig.ui.models.record_table import RecordColumn, RecordTableModel

    class Meetings(RecordTableModel[str]):
        def make_columns(self) -> list[RecordColumn[str]]:
            return [RecordColumn("Wanneer", lambda r: r), RecordColumn("Soort", lambda r: "")]

        def row_id(self, row: str) -> str:
            return row

    model = Meetings()
    model.set_rows(["05-11", "30-11", "09-11"])  # as the service gave them
    view = _shown(qtbot, "noArrowProbe", model)
    header = view.horizontalHeader()
    assert header.sortIndicatorSection() == -1
    assert model.rows == ["05-11", "30-11", "09-11"]
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().topLeft() + QPoint(20, 5)
    )
    assert header.sortIndicatorSection() == 0
    assert model.rows == ["05-11", "09-11", "30-11"]
    assert not _arrow_points_down(view)
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().topLeft() + QPoint(20, 5)
    )
    assert model.rows == ["30-11", "09-11", "05-11"]
    assert _arrow_points_down(view)
