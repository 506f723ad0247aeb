"""Escalate a case (opschaling): target, reason and the receiving partner's reference."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from sociaalveilig.core.enums import EscalationTarget
from sociaalveilig.core.escalation import EscalationProposal
from sociaalveilig.core.services import escalations
from sociaalveilig.core.services.context import ServiceContext

from sociaalveilig.ui.dialogs.service_form import ServiceFormDialog


class EscalateDialog(ServiceFormDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        case_id: str,
        case_reference: str,
        advice: EscalationProposal | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, "", parent)
        self.setWindowTitle(self.tr("Casus opschalen"))
        self.case_id = case_id
        self.set_intro(
            self.tr(
                "Casus {ref} opschalen. De casus krijgt de status 'opgeschaald' tot de "
                "opschaling is teruggelegd of afgesloten."
            ).format(ref=case_reference)
        )
        self.target = QComboBox(self)
        self.target.setObjectName("escalationTarget")
        for target in EscalationTarget:
            self.target.addItem(target.label, target.value)
        if advice is not None and advice.target is not None:
            self.target.setCurrentIndex(self.target.findData(advice.target.value))
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("escalationReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMinimumHeight(110)
        if advice is not None and advice.propose:
            self.reason.setPlainText("\n".join(advice.reasons))
        self.external = QLineEdit(self)
        self.external.setObjectName("escalationExternal")
        self.external.setMaxLength(80)
        self.external.setPlaceholderText(self.tr("kenmerk van de ontvangende partij (optioneel)"))
        self.add_row(self.tr("&Naar:"), self.target, "doel")
        self.add_row(self.tr("&Reden:"), self.reason, "reden")
        self.add_row(self.tr("&Kenmerk:"), self.external, "kenmerk")
        self.register_field("geboortejaar", self.target)
        self.register_field("target", self.target)
        self.register_field("reason", self.reason)
        self.register_field("external_reference", self.external)
        self.save_button.setText(self.tr("Opschalen"))
        QShortcut(QKeySequence("Ctrl+Return"), self, self.on_save)
        self.resize(540, self.sizeHint().height())

    def on_save(self) -> None:
        case_id = self.case_id
        target = str(self.target.currentData())
        reason = self.reason.toPlainText()
        external = self.external.text().strip() or None
        self.submit(lambda ctx: escalations.escalate(ctx, case_id, target, reason, external))
