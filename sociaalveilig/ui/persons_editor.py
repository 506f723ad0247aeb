"""The persons involved in a signal (betrokkenen): name, birth year, role. Minimal data."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.services.signal_intake import DEFAULT_PERSON_ROLE, PersonInput


class PersonsEditor(QWidget):
    """A small editable table; ``persons()`` returns what was typed (blank rows left out)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("personsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Naam"), self.tr("Geboortejaar"), self.tr("Rol")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table: keyboard-only forms
        self.table.setMaximumHeight(110)
        self.table.itemChanged.connect(self._item_changed)

        self.add_button = QPushButton(self.tr("Betrokkene toevoegen"), self)
        self.add_button.setObjectName("addPerson")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(self.tr("Verwijderen"), self)
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def _item_changed(self, _item: QTableWidgetItem) -> None:
        self.changed.emit()

    def add_row(self, name: str = "", birth_year: int | None = None, role: str = "") -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        self.table.setItem(row, 1, QTableWidgetItem(str(birth_year) if birth_year else ""))
        self.table.setItem(row, 2, QTableWidgetItem(role or DEFAULT_PERSON_ROLE))
        self.table.setCurrentCell(row, 0)
        first = self.table.item(row, 0)
        if not name and first is not None:
            self.table.editItem(first)
        self.changed.emit()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self.changed.emit()

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def birth_year_problem(self) -> str | None:
        """A message when a birth year is not a number (the service checks the range)."""
        for row in range(self.table.rowCount()):
            text = self._text(row, 1)
            if text and not text.isdigit():
                return self.tr(
                    "Geboortejaar '{text}' van betrokkene {n} is geen jaartal; "
                    "typ vier cijfers of laat het leeg."
                ).format(text=text, n=row + 1)
        return None

    def persons(self) -> tuple[PersonInput, ...]:
        result = []
        for row in range(self.table.rowCount()):
            name = self._text(row, 0)
            year_text = self._text(row, 1)
            role = self._text(row, 2) or DEFAULT_PERSON_ROLE
            if not name and not year_text:
                continue
            year = int(year_text) if year_text.isdigit() else None
            result.append(PersonInput(name=name, birth_year=year, role=role))
        return tuple(result)

    def clear(self) -> None:
        self.table.setRowCount(0)
