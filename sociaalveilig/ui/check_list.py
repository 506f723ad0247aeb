"""A list of choices with tick boxes (partners at a visit or meeting, a user's areas).

Space ticks the current item, so it works without a mouse."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

KeyRole = Qt.ItemDataRole.UserRole + 10


class CheckList(QListWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None, rows_visible: int = 5) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        height = self.sizeHintForRow(0) if self.count() else self.fontMetrics().height() + 6
        self.setMinimumHeight(height * min(rows_visible, 3) + 8)
        self.setMaximumHeight(height * rows_visible + 12)
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def set_items(self, items: Sequence[tuple[str, str]], checked: Iterable[str] = ()) -> None:
        """(key, label) pairs; keys in ``checked`` start ticked."""
        ticked = set(checked)
        self.blockSignals(True)
        self.clear()
        for key, label in items:
            item = QListWidgetItem(label, self)
            item.setData(KeyRole, key)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(
                Qt.CheckState.Checked if key in ticked else Qt.CheckState.Unchecked
            )
        self.blockSignals(False)
        self.changed.emit()

    def checked(self) -> list[str]:
        return [
            str(self.item(i).data(KeyRole))
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def checked_labels(self) -> list[str]:
        return [
            self.item(i).text()
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, keys: Iterable[str]) -> None:
        wanted = set(keys)
        for i in range(self.count()):
            item = self.item(i)
            item.setCheckState(
                Qt.CheckState.Checked
                if item.data(KeyRole) in wanted
                else Qt.CheckState.Unchecked
            )
