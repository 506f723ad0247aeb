"""Enter one finding of a walk: checklist item, category, where, what; optionally made a
signal straight away. Street and postcode stay for the next finding (a walk goes street by
street); the description empties after each save. A refused save keeps everything."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.services.buurtschouw import CHECKLIST_BY_CODE, ChecklistItem

from sociaalveilig.ui.checklist_tree import ChecklistTree
from sociaalveilig.ui.choices import CategoryChoice


@dataclass(frozen=True)
class FindingDraft:
    item: str
    category_code: str | None
    street: str | None
    postcode: str | None
    house_number: int | None
    description: str
    as_signal: bool


class FindingForm(QWidget):
    submitted = Signal(object)  # FindingDraft

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = QComboBox(self)
        self.item.setObjectName("findingItem")
        for entry in ChecklistTree.items():
            self.item.addItem(f"{entry.group.label}: {entry.label}", entry.code)
        self.category = QComboBox(self)
        self.category.setObjectName("findingCategory")
        self.street = QLineEdit(self)
        self.street.setObjectName("findingStreet")
        self.street.setMaxLength(120)
        self.postcode = QLineEdit(self)
        self.postcode.setObjectName("findingPostcode")
        self.postcode.setMaxLength(7)
        self.postcode.setPlaceholderText("6411 AB")
        self.house_number = QSpinBox(self)
        self.house_number.setObjectName("findingHouseNumber")
        self.house_number.setRange(0, 99999)
        self.house_number.setSpecialValueText(self.tr("(geen)"))
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("findingDescription")
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(self.tr("Wat zag u? Geen namen van bewoners."))
        self.description.setMaximumHeight(64)
        self.as_signal = QCheckBox(self.tr("Meteen als signaal registreren (bron buurtschouw)"),
                                   self)
        self.as_signal.setObjectName("findingAsSignal")
        self.as_signal.setChecked(True)
        self.add_button = QPushButton(self.tr("Bevinding &toevoegen"), self)
        self.add_button.setObjectName("addFinding")
        self.add_button.setToolTip(self.tr("Ctrl+Enter"))
        self.add_button.clicked.connect(self.submit)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.submit)
        self.item.currentIndexChanged.connect(self._item_changed)
        self.postcode.textChanged.connect(lambda _t: self._update_signal_hint())
        self.house_number.valueChanged.connect(lambda _v: self._update_signal_hint())

        place = QHBoxLayout()
        place.addWidget(self.street, 3)
        place.addWidget(self.postcode, 1)
        place.addWidget(self.house_number, 1)
        form = QFormLayout()
        form.addRow(self.tr("&Punt:"), self.item)
        form.addRow(self.tr("&Categorie:"), self.category)
        where = QLabel(self.tr("&Waar:"), self)
        where.setBuddy(self.street)
        form.addRow(where, place)
        form.addRow(self.tr("&Bevinding:"), self.description)
        buttons = QHBoxLayout()
        buttons.addWidget(self.as_signal, 1)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.street.setPlaceholderText(self.tr("straat"))
        self._categories: tuple[CategoryChoice, ...] = ()
        self._update_signal_hint()

    # ------------------------------------------------------------------ content

    def set_categories(self, categories: tuple[CategoryChoice, ...]) -> None:
        self._categories = categories
        current = self.category.currentData()
        self.category.clear()
        for choice in categories:
            self.category.addItem(choice.label, choice.code)
        if current is not None:
            self.category.setCurrentIndex(max(0, self.category.findData(current)))
        else:
            self._item_changed()

    def select_item(self, code: str) -> None:
        index = self.item.findData(code)
        if index >= 0:
            self.item.setCurrentIndex(index)

    def current_item(self) -> ChecklistItem | None:
        return CHECKLIST_BY_CODE.get(str(self.item.currentData()))

    def _item_changed(self) -> None:
        item = self.current_item()
        if item is not None:
            index = self.category.findData(item.category_code)
            if index >= 0:
                self.category.setCurrentIndex(index)

    def _update_signal_hint(self) -> None:
        has_address = bool(self.postcode.text().strip()) and self.house_number.value() > 0
        self.as_signal.setToolTip(
            ""
            if has_address
            else self.tr("Zonder postcode en huisnummer wordt bij het signaal om het adres van "
                         "de dichtstbijzijnde woning gevraagd.")
        )

    def draft(self) -> FindingDraft:
        return FindingDraft(
            item=str(self.item.currentData()),
            category_code=self.category.currentData(),
            street=self.street.text().strip() or None,
            postcode=self.postcode.text().strip() or None,
            house_number=self.house_number.value() or None,
            description=self.description.toPlainText(),
            as_signal=self.as_signal.isChecked(),
        )

    def submit(self) -> None:
        if self.add_button.isEnabled():
            self.submitted.emit(self.draft())

    def saved(self) -> None:
        """The finding is stored: ready for the next one in the same street."""
        self.description.clear()
        self.house_number.setValue(0)
        self.description.setFocus()

    def clear(self) -> None:
        self.street.clear()
        self.postcode.clear()
        self.house_number.setValue(0)
        self.description.clear()
        self.item.setCurrentIndex(0)

    def set_busy(self, busy: bool) -> None:
        self.add_button.setEnabled(not busy)
