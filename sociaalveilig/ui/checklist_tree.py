"""The buurtschouw checklist: heel, schoon, veilig and the four CPTED principles, each
item with what to look at. Choosing an item fills the finding form."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from sociaalveilig.core.services.buurtschouw import CHECKLIST, ChecklistItem

CodeRole = Qt.ItemDataRole.UserRole + 20


class ChecklistTree(QTreeWidget):
    item_chosen = Signal(str)  # checklist item code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklist")
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Checklist"), self.tr("Let op")])
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setWordWrap(False)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for item in CHECKLIST:
            parent_item = groups.get(item.group.value)
            if parent_item is None:
                parent_item = QTreeWidgetItem(self, [item.group.label])
                font = parent_item.font(0)
                font.setBold(True)
                parent_item.setFont(0, font)
                parent_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[item.group.value] = parent_item
            child = QTreeWidgetItem(parent_item, [item.label, item.hint])
            child.setData(0, CodeRole, item.code)
            child.setToolTip(1, item.hint)
        self.expandAll()
        self.currentItemChanged.connect(self._changed)

    def _changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        code = current.data(0, CodeRole) if current is not None else None
        if code:
            self.item_chosen.emit(str(code))

    def select_code(self, code: str) -> None:
        for index in range(self.topLevelItemCount()):
            group = self.topLevelItem(index)
            if group is None:
                continue
            for child_index in range(group.childCount()):
                child = group.child(child_index)
                if child is not None and child.data(0, CodeRole) == code:
                    self.setCurrentItem(child)
                    return

    @staticmethod
    def items() -> tuple[ChecklistItem, ...]:
        return CHECKLIST
