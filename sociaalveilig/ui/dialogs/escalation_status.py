"""Move an escalation on: in behandeling, teruggelegd (afschaling) or afgesloten, with a
note for the history and, when known, the receiving partner's reference."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from sociaalveilig.core.enums import EscalationStatus
from sociaalveilig.services import escalations
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.escalations import EscalationRow

from sociaalveilig.ui.dialogs.service_form import ServiceFormDialog


class EscalationStatusDialog(ServiceFormDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        escalation: EscalationRow,
        new_status: EscalationStatus,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, "", parent)
        self.escalation = escalation
        self.set_version(escalation.version)
        self.new_status = new_status
        afschaling = new_status is EscalationStatus.TERUGGELEGD
        self.setWindowTitle(
            self.tr("Afschalen") if afschaling
            else self.tr("Status: {status}").format(status=new_status.label)
        )
        if afschaling:
            intro = self.tr(
                "Afschaling van {ref} ({target}) terug naar het lokale overleg. Schrijf op wat "
                "er is gedaan en wat het overleg nu moet oppakken; de casus komt op de agenda "
                "van het volgende overleg."
            )
        else:
            intro = self.tr("{ref} ({target}) krijgt de status '{status}'.")
        self.set_intro(
            intro.format(
                ref=escalation.reference, target=escalation.target.label,
                status=new_status.label,
            )
        )
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("escalationNote")
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(100)
        self.external = QLineEdit(self)
        self.external.setObjectName("escalationExternal")
        self.external.setMaxLength(80)
        self.external.setText(escalation.external_reference or "")
        self.add_row(
            self.tr("&Toelichting (verplicht):") if afschaling else self.tr("&Toelichting:"),
            self.note,
            "note",
        )
        self.add_row(self.tr("&Kenmerk:"), self.external, "external_reference")
        self.save_button.setText(self.tr("Afschalen") if afschaling else self.tr("Opslaan"))
        QShortcut(QKeySequence("Ctrl+Return"), self, self.on_save)
        self.resize(520, self.sizeHint().height())

    def on_save(self) -> None:
        escalation_id = self.escalation.escalation_id
        status = self.new_status
        note = self.note.toPlainText()
        external = self.external.text().strip()
        changed_external = external if external != (self.escalation.external_reference or "") \
            else None
        version = self.expected_version
        self.submit(
            lambda ctx: escalations.change_escalation_status(
                ctx, escalation_id, status, note, changed_external, expected_version=version
            )
        )
