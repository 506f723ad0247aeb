"""The table view every short list uses: whole-row selection, sortable, keyboard-friendly,
column layout remembered per user (``UiSettings.save_header``)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionHeader,
    QTableView,
    QWidget,
)

from sociaalveilig.ui.models.record_table import RowRole
from sociaalveilig.ui.settings import UiSettings


class SortArrowStyle(QProxyStyle):
    """The header's sort arrow as people read it: \u25b2 for ascending (oldest, A first),
    \u25bc for descending (newest first). Qt hands the style ``SortUp`` for a descending
    sort, which Fusion and the Windows styles draw as an upward arrow, the reverse of
    Windows Explorer and most lists users know."""

    _SWAP = {
        QStyleOptionHeader.SortIndicator.SortUp: QStyleOptionHeader.SortIndicator.SortDown,
        QStyleOptionHeader.SortIndicator.SortDown: QStyleOptionHeader.SortIndicator.SortUp,
    }

    def drawPrimitive(  # noqa: N802 (Qt name)
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(
            option, QStyleOptionHeader
        ):
            turned = QStyleOptionHeader(option)
            turned.sortIndicator = self._SWAP.get(option.sortIndicator, option.sortIndicator)
            option = turned
        super().drawPrimitive(element, option, painter, widget)


_sort_arrows: SortArrowStyle | None = None


def sort_arrow_style() -> SortArrowStyle:
    """One style for every list header, over the application's own style (kept alive by
    the application)."""
    global _sort_arrows
    if _sort_arrows is None:
        _sort_arrows = SortArrowStyle(QApplication.style().name())
        _sort_arrows.setParent(QApplication.instance())
    return _sort_arrows


class RecordView(QTableView):
    """A read-only list of records; Enter or a double click emits ``activated_row``."""

    activated_row = Signal(int)
    current_row_changed = Signal(int)

    def __init__(
        self, name: str, parent: QWidget | None = None, *, sortable: bool = True
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._settings: UiSettings | None = None
        self._layout_restored = False
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(sortable)
        self.setTabKeyNavigation(False)  # Tab moves on to the next control
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStyle(sort_arrow_style())
        # No arrow until the list is really sorted on a column: Qt starts every header at
        # "column 0, descending" while the rows stand in the service's own order (a
        # meeting list by date, agenda proposals weightiest first). A page that sorts sets
        # its own indicator; a click sorts ascending first.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.doubleClicked.connect(lambda index: self.activated_row.emit(index.row()))

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 (Qt name)
        super().setModel(model)
        if model is not None:
            self.selectionModel().currentRowChanged.connect(
                lambda current, _previous: self.current_row_changed.emit(
                    current.row() if current.isValid() else -1
                )
            )

    # ------------------------------------------------------------------ selection

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def current_object(self) -> object | None:
        index = self.currentIndex()
        if not index.isValid() or self.model() is None:
            return None
        return self.model().index(index.row(), 0).data(RowRole)

    def select_row(self, row: int) -> None:
        model = self.model()
        if model is None or not 0 <= row < model.rowCount():
            return
        self.setCurrentIndex(model.index(row, 0))
        self.selectRow(row)
        self.scrollTo(model.index(row, 0))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_row() >= 0:
            self.activated_row.emit(self.current_row())
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ layout

    def fit_columns(self, widths: dict[int, int] | None = None) -> None:
        """Size the columns to their contents (or to the given widths), unless the user's
        own column layout was restored."""
        if self._layout_restored:
            return
        header = self.horizontalHeader()
        for column in range(header.count()):
            if widths and column in widths:
                header.resizeSection(column, widths[column])
            elif column < header.count() - 1:
                self.resizeColumnToContents(column)

    def set_settings(self, settings: UiSettings) -> None:
        self._settings = settings
        self._layout_restored = settings.restore_header(
            self.objectName(), self.horizontalHeader()
        )

    def save_layout(self) -> None:
        if self._settings is not None:
            self._settings.save_header(self.objectName(), self.horizontalHeader())

    def index_at_row(self, row: int) -> QModelIndex:
        model = self.model()
        return model.index(row, 0) if model is not None else QModelIndex()


def bind_layouts(widget: QWidget, settings: UiSettings) -> None:
    """Give every list inside ``widget`` its remembered column layout."""
    for view in widget.findChildren(RecordView):
        view.set_settings(settings)


def save_layouts(widget: QWidget) -> None:
    """Remember the column layout of every list inside ``widget``."""
    for view in widget.findChildren(RecordView):
        view.save_layout()
