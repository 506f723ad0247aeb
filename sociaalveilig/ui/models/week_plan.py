"""The week planner of home visits: one column per day (Monday to Sunday), the visits of a
day stacked in time order down its column."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from sociaalveilig.core.enums import VisitStatus
from sociaalveilig.services.visits import VisitRow

from sociaalveilig.ui.models.record_table import IdRole, RowRole, SortRole

Index = QModelIndex | QPersistentModelIndex

# Soft backgrounds per status, dark text stays readable on each.
STATUS_COLOURS: dict[VisitStatus, QColor] = {
    VisitStatus.GEPLAND: QColor(222, 235, 250),
    VisitStatus.UITGEVOERD: QColor(223, 242, 225),
    VisitStatus.NIEMAND_THUIS: QColor(253, 236, 206),
    VisitStatus.GEWEIGERD: QColor(250, 220, 220),
    VisitStatus.GEANNULEERD: QColor(232, 232, 232),
}


class WeekPlanModel(QAbstractTableModel):
    COL_MONDAY = 0
    COL_TUESDAY = 1
    COL_WEDNESDAY = 2
    COL_THURSDAY = 3
    COL_FRIDAY = 4
    COL_SATURDAY = 5
    COL_SUNDAY = 6
    DAYS = 7

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._monday: date | None = None
        self._today: date | None = None
        self._days: list[list[VisitRow]] = [[] for _ in range(self.DAYS)]
        self._row_count = 0  # the longest day, as the views were last told
        self._locale = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)

    # ------------------------------------------------------------------ content

    @property
    def monday(self) -> date | None:
        return self._monday

    def set_week(self, monday: date, visits: Sequence[VisitRow], today: date | None = None) -> None:
        self.beginResetModel()
        self._monday = monday
        self._today = today
        self._days = [[] for _ in range(self.DAYS)]
        for visit in sorted(visits, key=lambda v: (v.start, v.visit_id)):
            offset = (visit.start.date() - monday).days
            if 0 <= offset < self.DAYS:
                self._days[offset].append(visit)
        self._row_count = self._longest()
        self.endResetModel()

    def _longest(self) -> int:
        return max((len(day) for day in self._days), default=0)

    def apply_update(self, visits: Sequence[VisitRow], gone: Sequence[str]) -> None:
        """Another desk changed some visits (a centre's change feed): ``visits`` are in
        this week now, ``gone`` are not. Each changed visit goes to its day at its time
        (the other visits stay the same objects), and the selection and current cell
        follow their visits (Qt's layout signals with the cells remapped)."""
        if self._monday is None:
            return
        fresh = {v.visit_id: v for v in visits
                 if 0 <= (v.start.date() - self._monday).days < self.DAYS}
        leaving = set(gone) | {v.visit_id for v in visits} - set(fresh)
        before = {v.visit_id: (row, column) for column, day in enumerate(self._days)
                  for row, v in enumerate(day)}
        days = [
            [v for v in day if v.visit_id not in fresh and v.visit_id not in leaving]
            for day in self._days
        ]
        for visit in fresh.values():
            days[(visit.start.date() - self._monday).days].append(visit)
        for day in days:
            day.sort(key=lambda v: (v.start, v.visit_id))
        longest = max((len(day) for day in days), default=0)
        if longest > self._row_count:  # room first: empty rows at the bottom
            self.beginInsertRows(QModelIndex(), self._row_count, longest - 1)
            self._row_count = longest
            self.endInsertRows()
        self.layoutAboutToBeChanged.emit()
        old_cells = self.persistentIndexList()
        self._days = days
        after = {v.visit_id: (row, column) for column, day in enumerate(days)
                 for row, v in enumerate(day)}
        cell_visit = {cell: key for key, cell in before.items()}
        new_cells: list[QModelIndex] = []
        for index in old_cells:
            key = cell_visit.get((index.row(), index.column()))
            place = after.get(key) if key is not None else None
            if place is not None:
                new_cells.append(self.index(*place))
            elif key is None and index.row() < self._row_count:
                new_cells.append(self.index(index.row(), index.column()))  # an empty cell
            else:
                new_cells.append(QModelIndex())  # its visit left the week
        self.changePersistentIndexList(old_cells, new_cells)
        self.layoutChanged.emit()
        if longest < self._row_count:
            self.beginRemoveRows(QModelIndex(), longest, self._row_count - 1)
            self._row_count = longest
            self.endRemoveRows()
        for key in fresh:
            row, column = after[key]
            self.dataChanged.emit(self.index(row, column), self.index(row, column))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.DAYS - 1)

    def clear(self) -> None:
        self.beginResetModel()
        self._monday = None
        self._today = None
        self._days = [[] for _ in range(self.DAYS)]
        self._row_count = 0
        self.endResetModel()

    def visits(self) -> list[VisitRow]:
        return [visit for day in self._days for visit in day]

    def visit_at(self, row: int, column: int) -> VisitRow | None:
        if 0 <= column < self.DAYS and 0 <= row < len(self._days[column]):
            return self._days[column][row]
        return None

    def position_of(self, visit_id: str) -> tuple[int, int] | None:
        """(row, column) of a visit, or None when it is not in this week."""
        for column, day in enumerate(self._days):
            for row, visit in enumerate(day):
                if visit.visit_id == visit_id:
                    return row, column
        return None

    def day(self, column: int) -> date | None:
        if self._monday is None or not 0 <= column < self.DAYS:
            return None
        return self._monday + timedelta(days=column)

    # ------------------------------------------------------------------ texts

    def cell_text(self, visit: VisitRow) -> str:
        partners = ", ".join(visit.partner_names)
        lines = [
            f"{visit.start:%H:%M}–{visit.end:%H:%M}  {visit.status.label}",
            visit.address.line,
            partners,
        ]
        if visit.case_reference:
            lines.append(visit.case_reference)
        return "\n".join(line for line in lines if line)

    def tooltip(self, visit: VisitRow) -> str:
        joint = self.tr("gezamenlijk") if visit.joint else self.tr("niet gezamenlijk")
        return self.tr(
            "{start} – {end}\n{address}\nPartners: {partners} ({joint})\nDoel: {purpose}\n"
            "Status: {status}"
        ).format(
            start=f"{visit.start:%d-%m-%Y %H:%M}",
            end=f"{visit.end:%H:%M}",
            address=visit.address.line,
            partners=", ".join(visit.partner_names),
            joint=joint,
            purpose=visit.purpose,
            status=visit.status.label,
        )

    # ------------------------------------------------------------------ Qt model API

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._row_count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.DAYS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        visit = self.visit_at(index.row(), index.column())
        if visit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(visit)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(visit)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(STATUS_COLOURS.get(visit.status, QColor(255, 255, 255)))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(20, 20, 20))
        if role == SortRole:
            return visit.start
        if role == RowRole:
            return visit
        if role == IdRole:
            return visit.visit_id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.cell_text(visit).replace("\n", ", ")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.DAYS:
            return None
        day = self.day(section)
        if role == Qt.ItemDataRole.DisplayRole:
            name = self._locale.dayName(section + 1, QLocale.FormatType.ShortFormat)
            if day is None:
                return name
            count = len(self._days[section])
            suffix = f" ({count})" if count else ""
            return f"{name} {day:%d-%m}{suffix}"
        if role == Qt.ItemDataRole.FontRole and day is not None and day == self._today:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.visit_at(index.row(), index.column()) is None:
            return Qt.ItemFlag.ItemNeverHasChildren
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
