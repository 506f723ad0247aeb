"""Escalating to the ZVH while the case's recorded criteria are not met: the dialog says
which criteria are missing and asks why the escalation goes ahead anyway. The service
refuses such an escalation without this reason (``core/escalation.py``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from sociaalveilig.core.enums import EscalationTarget
from sociaalveilig.core.escalation import MAX_UNMET_REASON, ZvhCriteria, missing_criteria


class UnmetCriteriaField(QWidget):
    """Shown only for the ZVH with criteria not met; ``reason()`` is what was typed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unmetCriteria")
        self.criteria: ZvhCriteria | None = None
        self.warning = QLabel(self)
        self.warning.setObjectName("unmetCriteriaWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b00020;")
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("unmetCriteriaReason")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setMaximumHeight(80)
        self.reason_edit.setPlaceholderText(
            self.tr("Waarom toch naar het Zorg- en Veiligheidshuis? Dit wordt vastgelegd.")
        )
        self.reason_edit.textChanged.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.warning)
        layout.addWidget(self.reason_edit)
        self.hide()

    def update_for(self, criteria: ZvhCriteria | None, target: str | None) -> None:
        """Show or hide for the case's recorded ``criteria`` and the chosen ``target``."""
        self.criteria = criteria
        needed = (
            criteria is not None and target == EscalationTarget.ZVH.value and not criteria.met()
        )
        if needed and criteria is not None:
            self.warning.setText(
                self.tr(
                    "Deze casus voldoet niet aan de ZVH-criteria: {missing}. Opschalen kan, "
                    "maar geef aan waarom."
                ).format(missing=missing_criteria(criteria))
            )
        self.setVisible(needed)
        self.changed.emit()

    def needed(self) -> bool:
        return not self.isHidden()

    def reason(self) -> str | None:
        text = self.reason_edit.toPlainText().strip()
        return text if self.needed() and text else None

    def complete(self) -> bool:
        """Nothing is missing: not needed, or a reason of an allowed length typed."""
        if not self.needed():
            return True
        text = self.reason_edit.toPlainText().strip()
        return bool(text) and len(text) <= MAX_UNMET_REASON
