"""The Meldcode huiselijk geweld en kindermishandeling, shown where such a signal is taken in
or looked at: the five steps (advice from Veilig Thuis first) and, at intake, the decision
the user must take now (consult Veilig Thuis or escalate, or to the overleg with a reason).
The rule itself is in ``core/meldcode.py``; the service refuses a signal without it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.enums import Urgency
from sociaalveilig.core.meldcode import (
    MINIMUM_URGENCY,
    MeldcodeDecision,
    meldcode_applies,
    meldcode_steps,
    urgency_below_minimum,
)


def is_meldcode_category(category_code: str | None) -> bool:
    return bool(category_code) and meldcode_applies(category_code or "")


class MeldcodePanel(QFrame):
    """The steps; with ``ask_decision`` also the decision (radio buttons and a reason)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, ask_decision: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("meldcodePanel")
        self.setStyleSheet(
            "QFrame#meldcodePanel { background: #fdecea; border: 1px solid #d9534f; "
            "border-radius: 4px; }"
        )
        title = QLabel(self.tr("Meldcode huiselijk geweld en kindermishandeling"), self)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        steps = "".join(f"<li>{step}</li>" for step in meldcode_steps())
        self.steps_label = QLabel(f"<ol style='margin:0'>{steps}</ol>", self)
        self.steps_label.setObjectName("meldcodeSteps")
        self.steps_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        layout.addWidget(title)
        layout.addWidget(self.steps_label)

        self.decision_buttons = QButtonGroup(self)
        self.decision_buttons.setExclusive(True)
        self.veilig_thuis_button = QRadioButton(MeldcodeDecision.VEILIG_THUIS.label, self)
        self.veilig_thuis_button.setObjectName("meldcodeVeiligThuis")
        self.overleg_button = QRadioButton(MeldcodeDecision.OVERLEG.label, self)
        self.overleg_button.setObjectName("meldcodeOverleg")
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("meldcodeReason")
        self.reason_edit.setPlaceholderText(self.tr("reden waarom het overleg kan wachten"))
        self.reason_edit.setMaxLength(1000)
        self.reason_edit.setEnabled(False)
        self.decision_buttons.addButton(self.veilig_thuis_button)
        self.decision_buttons.addButton(self.overleg_button)
        self.decision_buttons.buttonToggled.connect(self._toggled)
        self.reason_edit.textChanged.connect(self.changed)
        if ask_decision:
            ask = QLabel(
                self.tr("Dit signaal wacht niet vanzelf op het overleg. Wat gebeurt er nu?"),
                self,
            )
            ask.setWordWrap(True)
            layout.addWidget(ask)
            layout.addWidget(self.veilig_thuis_button)
            layout.addWidget(self.overleg_button)
            layout.addWidget(self.reason_edit)
        else:
            for widget in (self.veilig_thuis_button, self.overleg_button, self.reason_edit):
                widget.hide()

    def _toggled(self, *_args: object) -> None:
        overleg = self.overleg_button.isChecked()
        self.reason_edit.setEnabled(overleg)
        if overleg:
            self.reason_edit.setFocus()
        self.changed.emit()

    def decision(self) -> str | None:
        if self.veilig_thuis_button.isChecked():
            return MeldcodeDecision.VEILIG_THUIS.value
        if self.overleg_button.isChecked():
            return MeldcodeDecision.OVERLEG.value
        return None

    def reason(self) -> str | None:
        text = self.reason_edit.text().strip()
        return text if self.overleg_button.isChecked() and text else None

    def clear_decision(self) -> None:
        self.decision_buttons.setExclusive(False)
        self.veilig_thuis_button.setChecked(False)
        self.overleg_button.setChecked(False)
        self.decision_buttons.setExclusive(True)
        self.reason_edit.clear()


class MeldcodeUrgencyGuard(QObject):
    """Keeps a form's urgency at hoog or above while its category is a Meldcode one: raised
    when the category is chosen, a lower choice put back, each time with the why in
    ``note``; shows ``panel`` for such a category only."""

    urgency_raised = Signal()

    def __init__(
        self, category: QComboBox, urgency: QComboBox, panel: MeldcodePanel, note: QLabel
    ) -> None:
        super().__init__(panel)
        self._category = category
        self._urgency = urgency
        self._panel = panel
        self._note = note
        category.currentIndexChanged.connect(self._category_chosen)
        urgency.currentIndexChanged.connect(self._urgency_chosen)

    def applies(self) -> bool:
        return is_meldcode_category(self._category.currentData())

    def _below(self) -> bool:
        value = self._urgency.currentData()
        return bool(value) and urgency_below_minimum(Urgency(value))

    def _category_chosen(self, *_args: object) -> None:
        applies = self.applies()
        self._panel.setVisible(applies)
        if not applies:
            self._panel.clear_decision()
            self._note.hide()
            return
        if self._below():
            self._raise(
                self.tr(
                    "Urgentie verhoogd naar 'hoog': bij een vermoeden van huiselijk geweld of "
                    "kindermishandeling geldt de Meldcode, met een korte termijn."
                )
            )

    def _urgency_chosen(self, *_args: object) -> None:
        if self.applies() and self._below():
            self._raise(
                self.tr(
                    "Lager dan 'hoog' kan niet bij een vermoeden van huiselijk geweld of "
                    "kindermishandeling (Meldcode). De urgentie blijft 'hoog'."
                )
            )

    def _raise(self, why: str) -> None:
        self._urgency.blockSignals(True)
        self._urgency.setCurrentIndex(self._urgency.findData(MINIMUM_URGENCY.value))
        self._urgency.blockSignals(False)
        self._note.setText(why)
        self._note.show()
        self.urgency_raised.emit()
