"""Add or change one entry of the postcode table: a PC4 for a whole area, or a PC6 where a
PC4 is split between a focus area and the rest of the municipality."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from sociaalveilig.services import reference_data
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.reference_data import AreaInfo, PostcodeInfo

from sociaalveilig.ui.dialogs.service_form import ServiceFormDialog


class PostcodeDialog(ServiceFormDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        municipalities: list[str],
        areas: list[AreaInfo],
        entry: PostcodeInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, "", parent)
        self.setWindowTitle(
            self.tr("Postcode wijzigen") if entry else self.tr("Postcode toevoegen")
        )
        self.set_intro(
            self.tr(
                "Een PC6 (6411 AB) gaat voor een PC4 (6411). Wijzigingen gelden voor signalen "
                "die vanaf nu worden geregistreerd."
            )
        )
        self._areas = areas
        self.code = QLineEdit(self)
        self.code.setObjectName("postcodeCode")
        self.code.setMaxLength(7)
        self.code.setPlaceholderText("6411 of 6411 AB")
        self.municipality = QComboBox(self)
        self.municipality.setObjectName("postcodeMunicipality")
        self.municipality.addItems(municipalities)
        self.area = QComboBox(self)
        self.area.setObjectName("postcodeArea")
        self.municipality.currentTextChanged.connect(self._fill_areas)
        self.add_row(self.tr("&Postcode:"), self.code, "postcode")
        self.add_row(self.tr("&Gemeente:"), self.municipality, "gemeente")
        self.add_row(self.tr("&Focusgebied:"), self.area, "focusgebied")
        self._fill_areas(self.municipality.currentText())
        if entry is not None:
            self.code.setText(entry.code)
            self.code.setReadOnly(True)
            self.municipality.setCurrentText(entry.municipality)
            self._fill_areas(entry.municipality)
            self.area.setCurrentIndex(max(0, self.area.findData(entry.focus_area)))
        self.resize(440, self.sizeHint().height())

    def _fill_areas(self, municipality: str) -> None:
        current = self.area.currentData()
        self.area.clear()
        self.area.addItem(self.tr("(geen focusgebied)"), None)
        for area in self._areas:
            if area.municipality == municipality:
                self.area.addItem(area.name, area.name)
        if current is not None:
            self.area.setCurrentIndex(max(0, self.area.findData(current)))

    def on_save(self) -> None:
        code = self.code.text()
        municipality = self.municipality.currentText()
        area = self.area.currentData()
        self.submit(lambda ctx: reference_data.set_postcode(ctx, code, municipality, area))
