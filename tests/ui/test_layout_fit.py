"""The lists' column policy at a laptop's, a common and a big screen's width; cut text
has a tooltip; "nothing found" stands in the list's place; rows of buttons wrap."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

from sociaalveilig.ui.flow_layout import FlowLayout
from sociaalveilig.ui.record_view import (
    CELL_PADDING,
    WIDE_COMFORT_CHARS,
    RecordView,
    show_empty_text_inside,
)

PAGES = ("Vandaag", "Signalen", "Casussen", "Overleggen", "Huisbezoeken", "Opschalingen")
SIZES = ((1024, 640), (1366, 768), (1920, 1080))


def _cells_in_view(view: RecordView) -> list[QModelIndex]:
    model = view.model()
    header = view.horizontalHeader()
    first = max(0, view.rowAt(0))
    last = view.rowAt(view.viewport().height() - 1)
    last = model.rowCount() - 1 if last < 0 else last
    return [
        model.index(row, column)
        for row in range(first, last + 1)
        for column in range(model.columnCount())
        if not header.isSectionHidden(column)
    ]


def _short_cells_cut(view: RecordView) -> list[tuple[str, str]]:
    wide = set(view.wide_columns())
    metrics = view.fontMetrics()
    cut = []
    for index in _cells_in_view(view):
        if index.column() in wide:
            continue
        text = str(index.data() or "")
        if metrics.horizontalAdvance(text) + CELL_PADDING > view.columnWidth(index.column()):
            cut.append((view.model().headerData(index.column(), Qt.Orientation.Horizontal), text))
    return cut


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_short_columns_show_their_values(journey, size) -> None:  # type: ignore[no-untyped-def]
    window = journey.sign_in("demo", size=size)
    checked = 0
    for title in PAGES:
        page = journey.go(title)
        window.resize(*size)
        QApplication.processEvents()
        for view in page.findChildren(RecordView):
            if not view.isVisible() or view.model() is None or view.model().rowCount() == 0:
                continue
            view.apply_column_policy()
            checked += 1
            cut = _short_cells_cut(view)
            wide = [c for c in view.wide_columns() if not view.isColumnHidden(c)]
            room = sum(view.columnWidth(c) for c in wide)
            comfort = view.char_width() * WIDE_COMFORT_CHARS * len(wide)
            if size[0] >= 1920:
                assert cut == [], (title, view.objectName(), cut)
            if cut:
                # Only cut where the text columns had no room left to give...
                shorts = view.model().columnCount()  # the cap leaves < 1 px per column
                assert room <= comfort + shorts, (title, view.objectName(), size, room, cut)
                # ... and each cut value shows whole in its tooltip.
                for index in _cells_in_view(view):
                    text = str(index.data() or "")
                    if (index.column() not in wide) and (text, True) in {
                        (t, True) for _, t in cut
                    }:
                        assert view.cut_text_tooltip(index), (title, text)
    assert checked >= 5


def test_the_wide_column_takes_the_cut_and_the_room(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = QStandardItemModel(3, 3)
    model.setHorizontalHeaderLabels(["Status", "Adres", "Focusgebied"])
    for row, (status, address, area) in enumerate(
        (
            ("Gekoppeld aan casus", "Verzonnenpad 162B, 6433 ZM Heerlen", "Kerkrade Oost"),
            ("Gerouteerd", "Fictieflaan 87, 6422 ML Heerlen", "Heerlen Noord (incl. Hoensbroek)"),
            ("Nieuw", "Proefweg 1", "Nuth"),
        )
    ):
        for column, text in enumerate((status, address, area)):
            model.setItem(row, column, QStandardItem(text))
    view = RecordView("policyProbe")
    qtbot.addWidget(view)
    view.setModel(model)
    view.set_wide_columns(1)
    metrics = view.fontMetrics()
    for width in (900, 1800):
        view.resize(width, 200)
        view.show()
        view.apply_column_policy()
        assert view.columnWidth(0) >= metrics.horizontalAdvance("Gekoppeld aan casus")
        assert view.columnWidth(2) >= metrics.horizontalAdvance(
            "Heerlen Noord (incl. Hoensbroek)"
        )
        # The address column gets all that is left.
        used = view.columnWidth(0) + view.columnWidth(1) + view.columnWidth(2)
        assert abs(used - view.viewport().width()) <= 2
    address = model.index(0, 1)
    assert view.cut_text_tooltip(address) is None  # room enough at 1800
    # Narrow: the address keeps a readable width; the longest short value gives way
    # first, and shows whole in its tooltip; the short "Nuth" is not cut.
    view.resize(520, 200)
    view.apply_column_policy()
    assert view.columnWidth(1) >= view.char_width() * WIDE_COMFORT_CHARS - 2
    assert view.columnWidth(0) >= metrics.horizontalAdvance("Gekoppeld aan casus")
    area = model.index(1, 2)
    assert view.cut_text_tooltip(area) == "Heerlen Noord (incl. Hoensbroek)"
    assert view.cut_text_tooltip(model.index(2, 2)) is None
    # A cell with a tooltip of its own (a stored code) shows the whole text above it.
    model.item(1, 2).setToolTip("focus_area 1234")
    assert view.cut_text_tooltip(area) == "Heerlen Noord (incl. Hoensbroek)\nfocus_area 1234"


def test_nothing_found_stands_in_the_list(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = QWidget()
    qtbot.addWidget(page)
    view = RecordView("emptyProbe", page)
    view.setModel(QStandardItemModel(0, 2))
    label = QLabel("Geen signalen gevonden met deze zoekwoorden of filters.", page)
    layout = QVBoxLayout(page)
    layout.addWidget(view, 1)
    layout.addWidget(label)
    show_empty_text_inside(view, label)
    page.resize(600, 400)
    page.show()
    qtbot.waitUntil(lambda: label.isVisible())
    assert label.parentWidget() is view.viewport()
    assert view.viewport().rect().contains(label.geometry())
    centre = label.geometry().center() - view.viewport().rect().center()
    assert abs(centre.x()) <= 2 and abs(centre.y()) <= 2
    page.resize(800, 500)
    qtbot.waitUntil(lambda: abs(label.geometry().center().x() - view.viewport().width() // 2) <= 2)


def test_a_row_of_buttons_wraps_instead_of_widening(qtbot) -> None:  # type: ignore[no-untyped-def]
    host = QWidget()
    qtbot.addWidget(host)
    row = FlowLayout(host)
    buttons = [QPushButton(f"Een knop met tekst {n}", host) for n in range(6)]
    for button in buttons:
        row.add_widget(button)
    widest = max(b.sizeHint().width() for b in buttons)
    margins = row.contentsMargins().left() + row.contentsMargins().right()
    assert row.minimumSize().width() <= widest + margins
    host.resize(widest + margins + 20, 300)
    host.show()
    qtbot.waitUntil(lambda: buttons[-1].y() > buttons[0].y())
    for button in buttons:
        assert button.geometry().right() <= host.width()
    assert row.heightForWidth(widest + 20) > row.heightForWidth(10 * widest)


def test_column_titles_have_their_whole_text_as_tooltip(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A header narrowed by the column policy cuts its title; hovering shows it whole
    (both kinds of list model: the lazily fetched lists and the small record tables)."""
    from PySide6.QtCore import Qt

    from sociaalveilig.ui.case_panels.work_models import CaseVisitsModel
    from sociaalveilig.ui.models.signals import SignalTableModel

    for model in (SignalTableModel(), CaseVisitsModel()):
        titles = [
            model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
        ]
        tips = [
            model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            for c in range(model.columnCount())
        ]
        assert titles and all(titles)
        assert tips == titles
