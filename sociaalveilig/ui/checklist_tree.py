"""The buurtschouw checklist: heel, schoon, veilig and the four CPTED principles, each
item with what to look at. Choosing an item fills the finding form.

The tree shows only the items, so the whole list fits beside the form at 1366×768; what to
look at for the chosen item is a wrapped line under the tree (and the tooltip of every
item), never a column cut off at the pane's edge.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from sociaalveilig.services.buurtschouw import CHECKLIST, ChecklistItem

CodeRole = Qt.ItemDataRole.UserRole + 20
HintRole = Qt.ItemDataRole.UserRole + 21


class ChecklistTree(QWidget):
    item_chosen = Signal(str)  # checklist item code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklist")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("checklistTree")
        self.tree.setColumnCount(1)
        self.tree.setHeaderLabels([self.tr("Checklist")])
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for item in CHECKLIST:
            parent_item = groups.get(item.group.value)
            if parent_item is None:
                parent_item = QTreeWidgetItem(self.tree, [item.group.label])
                font = parent_item.font(0)
                font.setBold(True)
                parent_item.setFont(0, font)
                parent_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[item.group.value] = parent_item
            child = QTreeWidgetItem(parent_item, [item.label])
            child.setData(0, CodeRole, item.code)
            child.setData(0, HintRole, item.hint)
            child.setToolTip(0, item.hint)
            child.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, item.hint)
        self.tree.expandAll()
        self.tree.currentItemChanged.connect(self._changed)

        self.hint = QLabel(self)
        self.hint.setObjectName("checklistHint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Room for three lines, so choosing another item does not make the tree jump.
        self.hint.setMinimumHeight(self.hint.fontMetrics().lineSpacing() * 3 + 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)
        self._show_hint(None)

    def _changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        self._show_hint(current)
        code = current.data(0, CodeRole) if current is not None else None
        if code:
            self.item_chosen.emit(str(code))

    def _show_hint(self, current: QTreeWidgetItem | None) -> None:
        hint = current.data(0, HintRole) if current is not None else None
        if hint and current is not None:
            self.hint.setText(
                self.tr("Let op bij {item}: {hint}").format(item=current.text(0), hint=hint)
            )
        else:
            self.hint.setText(self.tr("Kies een punt: hier staat waar u op let."))

    def select_code(self, code: str) -> None:
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            if group is None:
                continue
            for child_index in range(group.childCount()):
                child = group.child(child_index)
                if child is not None and child.data(0, CodeRole) == code:
                    self.tree.setCurrentItem(child)
                    return

    @staticmethod
    def items() -> tuple[ChecklistItem, ...]:
        return CHECKLIST
