"""Make a signal (source buurtschouw) of one finding; a signal needs an address, so the
nearest postcode and house number are asked when the finding has none."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from sociaalveilig.core.enums import Urgency
from sociaalveilig.services import buurtschouw
from sociaalveilig.services.buurtschouw import FindingInfo
from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui.dialogs.service_form import ServiceFormDialog


class FindingSignalDialog(ServiceFormDialog):
    def __init__(
        self, ctx: ServiceContext, finding: FindingInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, "", parent)
        self.setWindowTitle(self.tr("Signaal maken van een bevinding"))
        self.finding = finding
        self.set_intro(
            self.tr(
                "{item}: {text}\nHet signaal krijgt bron 'buurtschouw' en wordt gerouteerd "
                "zoals elk signaal. Geef het adres van de dichtstbijzijnde woning."
            ).format(item=finding.item.label, text=finding.description)
        )
        self.postcode = QLineEdit(self)
        self.postcode.setObjectName("signalPostcode")
        self.postcode.setMaxLength(7)
        self.postcode.setPlaceholderText("6411 AB")
        self.postcode.setText(finding.postcode or "")
        self.house_number = QSpinBox(self)
        self.house_number.setObjectName("signalHouseNumber")
        self.house_number.setRange(0, 99999)
        self.house_number.setSpecialValueText(self.tr("(onbekend)"))
        self.house_number.setValue(finding.house_number or 0)
        self.urgency = QComboBox(self)
        self.urgency.setObjectName("signalUrgency")
        for urgency in Urgency:
            self.urgency.addItem(urgency.label, urgency.value)
        self.urgency.setCurrentIndex(self.urgency.findData(Urgency.NORMAAL.value))
        self.add_row(self.tr("&Postcode:"), self.postcode, "postcode")
        self.add_row(self.tr("&Huisnummer:"), self.house_number, "house_number")
        self.add_row(self.tr("&Urgentie:"), self.urgency, "urgency")
        self.save_button.setText(self.tr("Signaal maken"))
        self.resize(460, self.sizeHint().height())

    def on_save(self) -> None:
        finding_id = self.finding.finding_id
        postcode = self.postcode.text().strip() or None
        number = self.house_number.value() or None
        urgency = str(self.urgency.currentData())
        self.submit(
            lambda ctx: buurtschouw.finding_to_signal(ctx, finding_id, postcode, number, urgency)
        )
