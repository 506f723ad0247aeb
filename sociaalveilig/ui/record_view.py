"""The table view every short list uses: whole-row selection, sortable, keyboard-friendly,
column layout remembered per user (``UiSettings.save_header``).

Column sizing policy: a list has short columns (status, category, focus area, dates,
references, urgency) and one or more wide text columns (address, description). Short
columns are never narrower than their longest shown value (or the sample a page gives),
so they are never cut while a text column has room; the wide columns share what is left
and take the cut on a narrow window. A page names its wide columns by giving them the
``Stretch`` resize mode (or with ``set_wide_columns``); without one, the last column is
the wide one. A cell whose text does not fit shows the full text as its tooltip.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QHelpEvent, QKeyEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QHeaderView,
    QLabel,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionHeader,
    QTableView,
    QToolTip,
    QWidget,
)

from sociaalveilig.ui.models.record_table import RowRole
from sociaalveilig.ui.settings import UiSettings


class SortArrowStyle(QProxyStyle):
    """The header's sort arrow as people read it: \u25b2 for ascending (oldest, A first),
    \u25bc for descending (newest first). Qt hands the style ``SortUp`` for a descending
    sort, which Fusion and the Windows styles draw as an upward arrow, the reverse of
    Windows Explorer and most lists users know."""

    _SWAP: ClassVar[dict[QStyleOptionHeader.SortIndicator, QStyleOptionHeader.SortIndicator]] = {
        QStyleOptionHeader.SortIndicator.SortUp: QStyleOptionHeader.SortIndicator.SortDown,
        QStyleOptionHeader.SortIndicator.SortDown: QStyleOptionHeader.SortIndicator.SortUp,
    }

    def drawPrimitive(
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


# A wide text column keeps at least this room (in average characters) before the list
# scrolls sideways.
WIDE_MIN_CHARS = 8
# Below this room the wide columns are no longer comfortable to read, and the longest
# short values are cut instead.
WIDE_COMFORT_CHARS = 24
# A short column is never cut below this (a reference, a date, a status fit in it).
SHORT_MIN_CHARS = 16
# Room the cell's margins take around its text (the delegate's padding).
CELL_PADDING = 12


def _water_level(needs: list[int], budget: int, least: int) -> int:
    """The largest cap such that the needs, each cut to the cap, fit the budget; never
    below ``least`` (then the total does not fit, and the list scrolls)."""
    low, high = least, max(needs, default=least)
    if sum(min(n, low) for n in needs) > budget:
        return low
    while low < high:
        middle = (low + high + 1) // 2
        if sum(min(n, middle) for n in needs) <= budget:
            low = middle
        else:
            high = middle - 1
    return low


class RecordView(QTableView):
    """A read-only list of records; Enter or a double click emits ``activated_row``."""

    activated_row = Signal(int)
    current_row_changed = Signal(int)

    def __init__(self, name: str, parent: QWidget | None = None, *, sortable: bool = True) -> None:
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
        self._wide: tuple[int, ...] | None = None
        self._top_anchor: tuple[QPersistentModelIndex, int, int] | None = None
        self._needed: dict[int, int] = {}
        self._policy_timer = QTimer(self)
        self._policy_timer.setSingleShot(True)
        self._policy_timer.setInterval(0)
        self._policy_timer.timeout.connect(self.apply_column_policy)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            self.selectionModel().currentRowChanged.connect(
                lambda current, _previous: self.current_row_changed.emit(
                    current.row() if current.isValid() else -1
                )
            )
            model.modelReset.connect(lambda: self._policy_timer.start())
            model.rowsInserted.connect(lambda *_args: self._policy_timer.start())
            model.dataChanged.connect(lambda *_args: self._policy_timer.start())
            model.layoutChanged.connect(lambda *_args: self._policy_timer.start())
            # Rows that come, go or move above the first row in view (another desk's
            # change, on a centre) must not shift the rows the user is reading.
            model.rowsAboutToBeInserted.connect(lambda _p, _f, _l: self._hold_top(None))
            model.rowsAboutToBeRemoved.connect(
                lambda _p, first, last: self._hold_top((first, last))
            )
            model.rowsAboutToBeMoved.connect(
                lambda _p, first, last, _d, _r: self._hold_top((first, last))
            )
            model.rowsInserted.connect(lambda *_args: self._keep_top())
            model.rowsRemoved.connect(lambda *_args: self._keep_top())
            model.rowsMoved.connect(lambda *_args: self._keep_top())

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

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_row() >= 0:
            self.activated_row.emit(self.current_row())
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ rows in view

    def _hold_top(self, leaving: tuple[int, int] | None) -> None:
        """Before rows are inserted, removed (``leaving``) or moved away (``leaving``):
        remember the first row in view that stays, and where it is on the screen. At the
        top of the list nothing is held: there a new first row is meant to be seen."""
        self._top_anchor = None
        model = self.model()
        bar = self.verticalScrollBar()
        if model is None or bar.value() == bar.minimum():
            return
        top = self.rowAt(0)
        if top < 0:
            return
        row = top
        if leaving is not None and leaving[0] <= row <= leaving[1]:
            row = leaving[1] + 1
        if row >= model.rowCount():
            return
        header = self.verticalHeader()
        self._top_anchor = (QPersistentModelIndex(model.index(row, 0)), row,
                            header.sectionPosition(row))

    def _keep_top(self) -> None:
        """After the rows changed: scroll by as much as the held row moved, so it stays
        where the user saw it (the selection and the current row stay with their records
        by themselves; the focus is not touched)."""
        anchor, self._top_anchor = self._top_anchor, None
        if anchor is None or not anchor[0].isValid():
            return
        index, row, position = anchor
        moved = index.row() - row
        if moved == 0:
            return
        self.updateGeometries()  # the scroll range must hold the rows first
        bar = self.verticalScrollBar()
        if self.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem:
            bar.setValue(bar.value() + moved)
        else:
            bar.setValue(bar.value() + self.verticalHeader().sectionPosition(index.row())
                         - position)

    # ------------------------------------------------------------------ layout

    def fit_columns(self, widths: dict[int, int] | None = None) -> None:
        """Size the columns to their contents; ``widths`` are the least widths of short
        columns (from a sample of their longest value). A restored layout of the user's
        own keeps its widths, but its short columns are still never cut."""
        for column, width in (widths or {}).items():
            self._needed[column] = max(self._needed.get(column, 0), width)
        if not self._layout_restored:
            header = self.horizontalHeader()
            wide = set(self.wide_columns())
            for column in range(header.count()):
                if widths and column in widths:
                    header.resizeSection(column, widths[column])
                elif column not in wide:
                    self.resizeColumnToContents(column)
        self.apply_column_policy()

    def set_wide_columns(self, *columns: int) -> None:
        """The text columns that take the spare room and the cut."""
        self._wide = tuple(columns)
        self._policy_timer.start()

    def wide_columns(self) -> tuple[int, ...]:
        """The wide columns: named by the page, else those it gave the Stretch mode, else
        the last shown column. Decided once (the policy sizes every column itself)."""
        if self._wide is None:
            header = self.horizontalHeader()
            stretch = tuple(
                c
                for c in range(header.count())
                if header.sectionResizeMode(c) == QHeaderView.ResizeMode.Stretch
            )
            if stretch:
                self._wide = stretch
            elif header.count() > 0:
                shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
                return (max(shown, key=header.visualIndex),) if shown else ()
            else:
                return ()
        return self._wide

    def needed_width(self, column: int) -> int:
        """The least width of a short column: its header, its shown values, its sample."""
        header = self.horizontalHeader()
        return max(
            self._needed.get(column, 0), self._shown_width(column), header.sectionSizeHint(column)
        )

    def _shown_width(self, column: int) -> int:
        """The widest text of the column among the rows in view. Only those: a long list
        loads its rows lazily, and measuring all of them would load them all."""
        model = self.model()
        if model is None or model.rowCount() == 0:
            return 0
        first = max(0, self.rowAt(0))
        last = self.rowAt(self.viewport().height() - 1)
        if last < 0:
            last = min(
                model.rowCount() - 1,
                first + self.viewport().height() // max(1, self.rowHeight(first)),
            )
        metrics = self.fontMetrics()
        widest = 0
        for row in range(first, last + 1):
            text = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
            if text:
                widest = max(widest, metrics.horizontalAdvance(str(text)))
        return widest + CELL_PADDING if widest else 0

    def apply_column_policy(self) -> None:
        """Short columns as wide as their values; the wide columns share the rest. On a
        narrow view, where the wide columns would get less than a readable width, the
        longest short values are cut first (each to the same cap, never below
        ``SHORT_MIN_CHARS``; the cut cells show their full text as tooltip); only then does
        the list scroll sideways."""
        self._policy_timer.stop()
        model = self.model()
        header = self.horizontalHeader()
        if model is None or header.count() == 0:
            return
        header.setStretchLastSection(False)
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        wide = [c for c in self.wide_columns() if c in shown]
        for column in wide:
            if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Interactive:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        needs = {c: self.needed_width(c) for c in shown if c not in wide}
        if not wide:
            for column, need in needs.items():
                header.resizeSection(column, max(need, header.sectionSize(column)))
            return
        char = self.char_width()
        floor, comfort = char * WIDE_MIN_CHARS, char * WIDE_COMFORT_CHARS
        budget = self.viewport().width() - comfort * len(wide)
        widths = self._short_widths(needs, budget)
        for column, width in widths.items():
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
        short_total = sum(widths.values())
        if self._layout_restored:
            for column in wide:  # the user's own widths, only not below the floor
                header.resizeSection(column, max(floor, header.sectionSize(column)))
            return
        spare = max(self.viewport().width() - short_total, floor * len(wide))
        for number, column in enumerate(wide):
            share = spare // len(wide) + (spare % len(wide) if number == len(wide) - 1 else 0)
            header.resizeSection(column, max(floor, share))

    def _short_widths(self, needs: dict[int, int], budget: int) -> dict[int, int]:
        """The widths of the short columns, given what their values need and the room
        (``budget``) left once the wide columns have a comfortable width."""
        header = self.horizontalHeader()
        if self._layout_restored:
            # The user's own widths stay, only never narrower than the values.
            return {c: max(need, header.sectionSize(c)) for c, need in needs.items()}
        if sum(needs.values()) > budget:
            cap = _water_level(list(needs.values()), budget, self.char_width() * SHORT_MIN_CHARS)
            return {c: min(need, cap) for c, need in needs.items()}
        # Room enough: a column the page or the user made wider stays so, as long as the
        # wide columns keep a readable width.
        kept = {c: max(need, header.sectionSize(c)) for c, need in needs.items()}
        return kept if sum(kept.values()) <= budget else dict(needs)

    def char_width(self) -> int:
        """The unit of the policy's widths: a digit (wider than the average letter, so a
        date or a status of that many characters fits)."""
        return max(1, self.fontMetrics().horizontalAdvance("0"))

    def short_columns_cut(self) -> bool:
        """Whether the view cut short columns (the wide ones had no room left)."""
        header = self.horizontalHeader()
        wide = set(self.wide_columns())
        return any(
            header.sectionSize(c) < self.needed_width(c)
            for c in range(header.count())
            if c not in wide and not header.isSectionHidden(c)
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.apply_column_policy()

    # ------------------------------------------------------------------ elided text

    def cut_text_tooltip(self, index: QModelIndex) -> str | None:
        """The tooltip of a cell: the full text where the cell shows it cut (elided),
        with the model's own tooltip below it when that says something else; else the
        model's own tooltip, or none."""
        if not index.isValid():
            return None
        own = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        room = self.columnWidth(index.column()) - CELL_PADDING
        if text and self.fontMetrics().horizontalAdvance(text) > room and text not in own:
            return f"{text}\n{own}" if own else text
        return own or None

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.cut_text_tooltip(self.indexAt(event.pos()))
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def set_settings(self, settings: UiSettings) -> None:
        self._settings = settings
        self.wide_columns()  # the page's choice, before a saved layout changes the modes
        self._layout_restored = settings.restore_header(self.objectName(), self.horizontalHeader())
        self._policy_timer.start()

    def save_layout(self) -> None:
        if self._settings is not None:
            self._settings.save_header(self.objectName(), self.horizontalHeader())

    def index_at_row(self, row: int) -> QModelIndex:
        model = self.model()
        return model.index(row, 0) if model is not None else QModelIndex()


class _EmptyTextPlacer(QObject):
    """Keeps a list's "nothing here" label over the list's viewport, centred."""

    def __init__(self, viewport: QWidget, label: QLabel) -> None:
        super().__init__(viewport)
        self._label = label
        viewport.installEventFilter(self)
        self.place()

    def place(self) -> None:
        viewport = self._label.parentWidget()
        if viewport is not None:
            self._label.setGeometry(viewport.rect().adjusted(12, 12, -12, -12))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.place()
        return False


def show_empty_text_inside(view: QAbstractScrollArea, label: QLabel) -> None:
    """Shows a page's "no results" label in the list's place, centred in its view, not
    below it; the page keeps showing and hiding the label as before."""
    label.setParent(view.viewport())  # also takes it out of the page's layout
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    label.setAutoFillBackground(False)
    _EmptyTextPlacer(view.viewport(), label)


def bind_layouts(widget: QWidget, settings: UiSettings) -> None:
    """Give every list inside ``widget`` its remembered column layout."""
    for view in widget.findChildren(RecordView):
        view.set_settings(settings)


def save_layouts(widget: QWidget) -> None:
    """Remember the column layout of every list inside ``widget``."""
    for view in widget.findChildren(RecordView):
        view.save_layout()
