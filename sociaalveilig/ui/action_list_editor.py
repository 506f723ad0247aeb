"""The actions agreed on one agenda item: type, owner partner, deadline, description.

Typed actions wait here until the decision is recorded (one unit of work with it); a
refused decision leaves them all in place."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.enums import ActionType
from sociaalveilig.services.actions import ActionInput

from sociaalveilig.ui.choices import PartnerChoice
from sociaalveilig.ui.dutch import dutch, to_date
from sociaalveilig.ui.models.pending_action_table import PendingAction, PendingActionTableModel
from sociaalveilig.ui.record_view import RecordView


class ActionListEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._next_key = 1
        self.action_type = QComboBox(self)
        self.action_type.setObjectName("actionType")
        for kind in ActionType:
            self.action_type.addItem(kind.label, kind.value)
        self.owner = QComboBox(self)
        self.owner.setObjectName("actionOwner")
        self.owner.setAccessibleName(self.tr("Eigenaar"))
        self.deadline = QDateEdit(self)
        self.deadline.setObjectName("actionDeadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("dd-MM-yyyy")
        dutch(self.deadline)
        self.description = QLineEdit(self)
        self.description.setObjectName("actionDescription")
        self.description.setPlaceholderText(self.tr("wat precies (optioneel)"))
        self.description.returnPressed.connect(self.add_action)
        self.add_button = QPushButton(self.tr("Actie &toevoegen"), self)
        self.add_button.setObjectName("addAction")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_action)
        self.remove_button = QPushButton(self.tr("Actie verwijderen"), self)
        self.remove_button.setObjectName("removeAction")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)

        # The combos' long labels show in their popups; closed, they may be cut, so the
        # meeting beside this editor still fits a laptop.
        for combo in (self.action_type, self.owner):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        self.model = PendingActionTableModel(self)
        self.view = RecordView("pendingActions", self, sortable=False)
        self.view.setModel(self.model)
        self.view.setMinimumHeight(70)
        QShortcut(QKeySequence.StandardKey.Delete, self.view, self.remove_selected)

        grid = QGridLayout()
        for column, (text, widget) in enumerate(
            (
                (self.tr("Actie:"), self.action_type),
                (self.tr("Eigenaar:"), self.owner),
                (self.tr("Deadline:"), self.deadline),
            )
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            grid.addWidget(label, 0, column)
            grid.addWidget(widget, 1, column)
        description_label = QLabel(self.tr("Omschrijving:"), self)
        description_label.setBuddy(self.description)
        grid.addWidget(description_label, 2, 0)
        grid.addWidget(self.description, 3, 0, 1, 2)
        grid.addWidget(self.add_button, 3, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.view, 1)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)
        layout.addLayout(remove_row)
        self.set_partners(())

    def set_partners(self, partners: tuple[PartnerChoice, ...] | list[PartnerChoice]) -> None:
        current = self.owner.currentData()
        self.owner.clear()
        self.owner.addItem(self.tr("(kies een partner)"), None)
        for partner in partners:
            self.owner.addItem(partner.name, partner.partner_id)
        if current is not None:
            self.owner.setCurrentIndex(max(0, self.owner.findData(current)))

    def set_default_deadline(self, day: date) -> None:
        self.deadline.setDate(QDate(day.year, day.month, day.day))

    def add_action(self) -> PendingAction:
        """Add what is in the form to the list (the service checks it when saving)."""
        owner = self.owner.currentData()
        inp = ActionInput(
            action_type=str(self.action_type.currentData()),
            owner_partner_id=owner,
            deadline=to_date(self.deadline.date()),
            description=self.description.text().strip() or None,
        )
        pending = PendingAction(
            self._next_key, inp, self.owner.currentText() if owner else self.tr("(geen)")
        )
        self._next_key += 1
        self.model.update_row(pending)
        self.view.fit_columns()
        self.description.clear()
        self.changed.emit()
        return pending

    def remove_selected(self) -> None:
        row = self.view.current_row()
        if row < 0:
            return
        rows = self.model.rows
        del rows[row]
        self.model.set_rows(rows)
        self.changed.emit()

    def action_inputs(self) -> list[ActionInput]:
        return [pending.action for pending in self.model.rows]

    def clear(self) -> None:
        self.model.clear()
        self.description.clear()
        self.owner.setCurrentIndex(0)
        self.changed.emit()
