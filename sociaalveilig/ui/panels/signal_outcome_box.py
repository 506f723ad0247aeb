"""In the minutes, on an agenda item about a loose signal: what happens to the signal.
Handled (with a result), rejected (with a reason), a new case made from it, linked to a
case (its C-number), or it stays routed (the default). Applied by the service together with
the decision (``meetings.record_decision``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QWidget

from sociaalveilig.services.signal_outcomes import OutcomeChoice, SignalOutcome


class SignalOutcomeBox(QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signalOutcomeBox")
        self.setTitle(self.tr("Wat gebeurt er met het signaal?"))
        self.outcome_combo = QComboBox(self)
        self.outcome_combo.setObjectName("signalOutcome")
        for outcome in (
            SignalOutcome.BLIJFT,
            SignalOutcome.AFGEHANDELD,
            SignalOutcome.AFGEWEZEN,
            SignalOutcome.NIEUWE_CASUS,
            SignalOutcome.KOPPELEN,
        ):
            self.outcome_combo.addItem(outcome.label, outcome.value)
        self.text_edit = QLineEdit(self)
        self.text_edit.setObjectName("signalOutcomeText")
        self.text_edit.setMaxLength(2000)
        self.case_edit = QLineEdit(self)
        self.case_edit.setObjectName("signalOutcomeCase")
        self.case_edit.setPlaceholderText(self.tr("C-2026-00012"))
        self.case_edit.setMaxLength(40)
        self.form = QFormLayout(self)
        self.form.addRow(self.tr("Si&gnaal:"), self.outcome_combo)
        self.form.addRow(self.tr("T&oelichting:"), self.text_edit)
        self.form.addRow(self.tr("Cas&us:"), self.case_edit)
        self.outcome_combo.currentIndexChanged.connect(self._outcome_changed)
        self.text_edit.textChanged.connect(self.changed)
        self.case_edit.textChanged.connect(self.changed)
        self._outcome_changed()

    def outcome(self) -> SignalOutcome:
        return SignalOutcome(self.outcome_combo.currentData())

    def _outcome_changed(self, *_args: object) -> None:
        outcome = self.outcome()
        self.form.setRowVisible(self.text_edit, outcome is not SignalOutcome.BLIJFT)
        self.form.setRowVisible(self.case_edit, outcome is SignalOutcome.KOPPELEN)
        self.text_edit.setPlaceholderText(
            {
                SignalOutcome.AFGEHANDELD: self.tr("het resultaat (verplicht)"),
                SignalOutcome.AFGEWEZEN: self.tr("de reden (verplicht)"),
                SignalOutcome.NIEUWE_CASUS: self.tr("toelichting (optioneel)"),
                SignalOutcome.KOPPELEN: self.tr("toelichting (optioneel)"),
            }.get(outcome, "")
        )
        self.changed.emit()

    def choice(self) -> OutcomeChoice | None:
        outcome = self.outcome()
        if outcome is SignalOutcome.BLIJFT:
            return None
        return OutcomeChoice(outcome, self.text_edit.text().strip(), self.case_edit.text().strip())

    def set_choice(self, choice: OutcomeChoice | None) -> None:
        outcome = choice.outcome if choice is not None else SignalOutcome.BLIJFT
        self.outcome_combo.setCurrentIndex(self.outcome_combo.findData(outcome.value))
        self.text_edit.setText(choice.text if choice is not None else "")
        self.case_edit.setText(choice.case_reference if choice is not None else "")
