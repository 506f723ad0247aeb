"""Asks what a case status change needs: always a reason (it goes into the history); for
escalation also the target and the receiving partner's reference, and, to the ZVH while
the case's criteria are not met, why it escalates anyway (the confirm button waits for
it)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.enums import CaseStatus, EscalationTarget
from sociaalveilig.core.escalation import ZvhCriteria

from sociaalveilig.ui.unmet_criteria_field import UnmetCriteriaField


def action_label(current: CaseStatus, target: CaseStatus) -> str:
    """The button text for a move from ``current`` to ``target`` (a verb, in Dutch)."""
    from PySide6.QtCore import QCoreApplication

    def t(text: str) -> str:
        return QCoreApplication.translate("StatusChange", text)

    if target is CaseStatus.IN_BEHANDELING:
        return t("Afschalen") if current is CaseStatus.OPGESCHAALD else t("In behandeling nemen")
    return {
        CaseStatus.OPGESCHAALD: t("Opschalen…"),
        CaseStatus.AFGESLOTEN: t("Afsluiten"),
        CaseStatus.HEROPEND: t("Heropenen"),
        CaseStatus.OPEN: t("Openen"),
    }.get(target, target.label)


class StatusChangeDialog(QDialog):
    def __init__(
        self,
        reference: str,
        current: CaseStatus,
        target: CaseStatus,
        parent: QWidget | None = None,
        criteria: ZvhCriteria | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statusChangeDialog")
        self.setWindowTitle(self.tr("Status wijzigen"))
        self.target = target
        intro = QLabel(
            self.tr("Casus {ref}: van '{old}' naar '{new}'.").format(
                ref=reference, old=current.label, new=target.label
            ),
            self,
        )
        intro.setWordWrap(True)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(self.tr("Waarom? Dit komt in de geschiedenis."))
        self.reason_edit.setMaximumHeight(110)
        form = QFormLayout()
        form.addRow(self.tr("Reden"), self.reason_edit)
        self.target_combo = QComboBox(self)
        self.target_combo.setObjectName("escalationTarget")
        self.reference_edit = QLineEdit(self)
        self.reference_edit.setObjectName("externalReference")
        self.criteria = criteria
        self.unmet = UnmetCriteriaField(self)
        if target is CaseStatus.OPGESCHAALD:
            for goal in EscalationTarget:
                self.target_combo.addItem(goal.label, goal.value)
            self.reference_edit.setPlaceholderText(self.tr("kenmerk bij de ontvanger (optioneel)"))
            form.addRow(self.tr("Opschalen naar"), self.target_combo)
            form.addRow(self.unmet)
            form.addRow(self.tr("Kenmerk"), self.reference_edit)
        else:
            self.target_combo.hide()
            self.reference_edit.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        confirm = action_label(current, target).rstrip("…")
        self.confirm_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.confirm_button.setText(confirm)
        buttons.accepted.connect(self._confirm)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.reason_edit.setFocus()
        self.target_combo.currentIndexChanged.connect(self._target_changed)
        self.unmet.changed.connect(self._update_confirm)
        self._target_changed()

    def _target_changed(self, *_args: object) -> None:
        if self.target is CaseStatus.OPGESCHAALD:
            self.unmet.update_for(self.criteria, self.escalation_target())
        self._update_confirm()

    def _update_confirm(self) -> None:
        self.confirm_button.setEnabled(self.unmet.complete())

    def _confirm(self) -> None:
        if self.unmet.complete():
            self.accept()

    def unmet_reason(self) -> str | None:
        """Why the escalation goes to the ZVH although its criteria are not met."""
        return self.unmet.reason()

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def escalation_target(self) -> str:
        return str(self.target_combo.currentData() or "")

    def external_reference(self) -> str | None:
        return self.reference_edit.text().strip() or None
