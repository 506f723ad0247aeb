"""Escalate a case (opschaling): target, reason and the receiving partner's reference.

To the ZVH while the case's recorded criteria are not met, the dialog says which criteria
are missing and asks why it escalates anyway (``UnmetCriteriaField``); Opschalen stays
disabled until that is typed, and the service refuses it without.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from sociaalveilig.core.enums import EscalationTarget
from sociaalveilig.core.escalation import EscalationProposal, ZvhCriteria
from sociaalveilig.services import escalations
from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui import errors
from sociaalveilig.ui.dialogs.service_form import ServiceFormDialog
from sociaalveilig.ui.operations import run_operation
from sociaalveilig.ui.unmet_criteria_field import UnmetCriteriaField


class EscalateDialog(ServiceFormDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        case_id: str,
        case_reference: str,
        advice: EscalationProposal | None = None,
        parent: QWidget | None = None,
        criteria: ZvhCriteria | None = None,
    ) -> None:
        super().__init__(ctx, "", parent)
        self.setWindowTitle(self.tr("Casus opschalen"))
        self.case_id = case_id
        self.criteria: ZvhCriteria | None = None
        # Opschalen waits until the case's recorded criteria are known (or could not be
        # read: then the service still checks them).
        self._criteria_known = criteria is not None
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
        self.unmet = UnmetCriteriaField(self)
        self.external = QLineEdit(self)
        self.external.setObjectName("escalationExternal")
        self.external.setMaxLength(80)
        self.external.setPlaceholderText(self.tr("kenmerk van de ontvangende partij (optioneel)"))
        self.add_row(self.tr("&Naar:"), self.target, "doel")
        self.add_row(self.tr("&Reden:"), self.reason, "reden")
        self.add_row(self.tr("&Toch, omdat:"), self.unmet, "criteria_reden")
        self.add_row(self.tr("&Kenmerk:"), self.external, "kenmerk")
        self.register_field("geboortejaar", self.target)
        self.register_field("target", self.target)
        self.register_field("reason", self.reason)
        self.register_field("criteria_reden", self.unmet.reason_edit)
        self.register_field("external_reference", self.external)
        self.save_button.setText(self.tr("Opschalen"))
        QShortcut(QKeySequence("Ctrl+Return"), self, self.on_save)
        self.target.currentIndexChanged.connect(self._target_changed)
        self.unmet.changed.connect(self._update_save)
        self._show_unmet_row(False)
        self.resize(560, self.sizeHint().height())
        if criteria is not None:
            self.set_criteria(criteria)
        else:
            run_operation(
                self,
                lambda: escalations.case_criteria(ctx, case_id),
                self.set_criteria,
                self._criteria_failed,
            )

    def set_criteria(self, criteria: ZvhCriteria) -> None:
        self.criteria = criteria
        self._criteria_known = True
        self._target_changed()

    def _criteria_failed(self, exc: BaseException) -> None:
        errors.log_exception(exc)
        self._criteria_known = True
        self._update_save()

    def _target_changed(self, *_args: object) -> None:
        self.unmet.update_for(self.criteria, str(self.target.currentData()))
        self._show_unmet_row(self.unmet.needed())

    def _show_unmet_row(self, visible: bool) -> None:
        self.form.setRowVisible(self.unmet, visible)
        self._update_save()

    def _update_save(self) -> None:
        self.save_button.setEnabled(self._criteria_known and self.unmet.complete())

    def on_save(self) -> None:
        if not self._criteria_known or not self.unmet.complete():
            self.unmet.reason_edit.setFocus()
            return
        case_id = self.case_id
        target = str(self.target.currentData())
        reason = self.reason.toPlainText()
        external = self.external.text().strip() or None
        unmet = self.unmet.reason()
        self.submit(
            lambda ctx: escalations.escalate(ctx, case_id, target, reason, external, unmet)
        )
