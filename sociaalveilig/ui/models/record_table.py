"""A table model over a short, fully loaded list of rows (frozen dataclasses from a service).

For lists that are small by nature (the meetings of an area, one week's home visits, the
open escalations, users, routing rules): the service returns every row at once, so the
model sorts in memory on the native ``SortRole`` values. Long lists (signals, cases) use
``lazy.LazyTableModel`` instead, which leaves sorting to the database.

Same roles as ``lazy``: ``Qt.DisplayRole`` text, ``SortRole`` the native value, ``RowRole``
the row object, ``IdRole`` the row's id. Subclasses define ``COL_*`` constants and return
their columns (headers through ``self.tr``) from ``make_columns``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from sociaalveilig.ui.models import live_order
from sociaalveilig.ui.models.lazy import IdRole, RowRole, SortRole

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

__all__ = ["IdRole", "RecordColumn", "RecordTableModel", "RowRole", "SortRole"]

# A muted red for "attention" cells (overdue, refused); readable on light and dark themes.
ATTENTION = QColor(176, 32, 32)


@dataclass(frozen=True)
class RecordColumn(Generic[R]):
    """Header text, the text shown, the native value to sort on, optional tooltip."""

    header: str
    display: Callable[[R], str]
    sort_value: Callable[[R], Any] | None = None
    align_right: bool = False
    tooltip: Callable[[R], str | None] | None = None
    attention: Callable[[R], bool] | None = None


def _sort_key(value: Any) -> tuple[int, Any]:
    # None sorts last in ascending order; text compares case-insensitively.
    if value is None:
        return (1, "")
    if isinstance(value, str):
        return (0, value.casefold())
    return (0, value)


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """All rows in memory; sorts on the native values."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._columns: Sequence[RecordColumn[R]] = self.make_columns()
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # ------------------------------------------------------------------ subclass contract

    def make_columns(self) -> Sequence[RecordColumn[R]]:
        raise NotImplementedError

    def row_id(self, row: R) -> str:
        return str(row.id)  # type: ignore[attr-defined]

    def service_order(self, row: R) -> Any:
        """The key of the order the service lists the rows in (while the user has not
        sorted on a column), for placing a row another desk changed; None: the service
        order is not known here, so a new row goes last and a changed one stays."""
        return None

    service_descending = False
    """Whether ``service_order`` runs from high to low (newest first)."""

    # ------------------------------------------------------------------ rows

    @property
    def rows(self) -> list[R]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[R]) -> None:
        """Replace every row (keeps the current sort order)."""
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_object(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, row_id: str) -> int:
        """The row number of the row with ``row_id``, or -1."""
        for number, row in enumerate(self._rows):
            if self.row_id(row) == row_id:
                return number
        return -1

    def update_row(self, row: R) -> None:
        """Replace the row with the same id (or append it) and tell the views."""
        number = self.row_of(self.row_id(row))
        if number < 0:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            self._rows.append(row)
            self.endInsertRows()
            return
        self._rows[number] = row
        self.dataChanged.emit(
            self.index(number, 0),
            self.index(number, self.columnCount() - 1),
            [
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.ToolTipRole,
                Qt.ItemDataRole.ForegroundRole,
                SortRole,
                RowRole,
            ],
        )

    def apply_update(self, rows: Sequence[R], gone: Sequence[str]) -> None:
        """Another desk changed some records (a centre's change feed): ``rows`` belong in
        the list now and ``gone`` no longer do. A changed row is replaced (one
        ``dataChanged``) and moved to its place under the current sort (the column the
        user sorted on, else the service's order); a new one is inserted there, a gone one
        removed. Qt's move, insert and remove signals keep the selection, the current
        index and the other row objects as they are."""
        fresh = {self.row_id(row): row for row in rows}
        keys = [self.row_id(row) for row in self._rows]
        for number, key in enumerate(keys):
            if key in fresh:
                self._rows[number] = fresh[key]
        places = self._places(keys, fresh, set(gone))
        for step in live_order.plan(keys, places, gone):
            if isinstance(step, live_order.Remove):
                number = keys.index(step.key)
                self.beginRemoveRows(QModelIndex(), number, number)
                del keys[number], self._rows[number]
                self.endRemoveRows()
                continue
            target = keys.index(step.after) + 1 if step.after is not None else 0
            if step.key not in keys:
                self.beginInsertRows(QModelIndex(), target, target)
                keys.insert(target, step.key)
                self._rows.insert(target, fresh[step.key])
                self.endInsertRows()
                continue
            source = keys.index(step.key)
            if target in (source, source + 1):
                continue
            self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), target)
            at = target - 1 if target > source else target
            keys.insert(at, keys.pop(source))
            self._rows.insert(at, self._rows.pop(source))
            self.endMoveRows()
        for number, key in enumerate(keys):
            if key in fresh:
                self._emit_row_changed(number)

    def _places(
        self, keys: Sequence[str], fresh: dict[str, R], gone: set[str]
    ) -> dict[str, int]:
        """Each fresh row's place in the list once updated, under the current sort."""
        staying = [row for row in self._rows if self.row_id(row) not in gone]
        new = [row for key, row in fresh.items() if key not in keys]
        order: Callable[[R], Any] | None = None
        descending = self.service_descending
        if self._sort is not None:
            column = self._columns[self._sort[0]]
            value = column.sort_value or column.display
            descending = self._sort[1] == Qt.SortOrder.DescendingOrder

            def order(row: R) -> Any:
                return _sort_key(value(row))
        elif fresh and self.service_order(next(iter(fresh.values()))) is not None:
            order = self.service_order
        # Without a known order a changed row stays and a new one goes last.
        final = [*staying, *new]
        if order is not None:
            final.sort(key=order, reverse=descending)
        return {
            self.row_id(row): number
            for number, row in enumerate(final)
            if self.row_id(row) in fresh
        }

    def _emit_row_changed(self, number: int) -> None:
        self.dataChanged.emit(
            self.index(number, 0),
            self.index(number, self.columnCount() - 1),
            [
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.ToolTipRole,
                Qt.ItemDataRole.ForegroundRole,
                SortRole,
                RowRole,
            ],
        )

    def move_row(self, source: int, target: int) -> bool:
        """Move one row to ``target`` (its new position); for hand-ordered lists."""
        if not (0 <= source < len(self._rows) and 0 <= target < len(self._rows)):
            return False
        if source == target:
            return False
        destination = target + 1 if target > source else target
        if not self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), destination):
            return False
        row = self._rows.pop(source)
        self._rows.insert(target, row)
        self.endMoveRows()
        return True

    # ------------------------------------------------------------------ Qt model API

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        if not (0 <= index.row() < len(self._rows) and 0 <= index.column() < len(self._columns)):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == SortRole:
            return (column.sort_value or column.display)(row)
        if role == RowRole:
            return row
        if role == IdRole:
            return self.row_id(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.attention is not None and column.attention(row):
                return QBrush(ATTENTION)
            return None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.ToolTipRole and horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header  # the whole title, where a narrow one is cut
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = list(self._rows)
        self._sort_rows(column, order)
        # Keep persistent indexes (the selection) on the same rows.
        moved = {id(row): number for number, row in enumerate(self._rows)}
        from_list, to_list = [], []
        for old_row, row in enumerate(old):
            new_row = moved[id(row)]
            for col in range(len(self._columns)):
                from_list.append(self.index(old_row, col))
                to_list.append(self.createIndex(new_row, col))
        self.changePersistentIndexList(from_list, to_list)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        col = self._columns[column]
        value = col.sort_value or col.display
        self._rows.sort(
            key=lambda r: _sort_key(value(r)), reverse=order == Qt.SortOrder.DescendingOrder
        )
