"""The ZVH criteria checklist of the open case, from the case view.

The same checklist as on the Opschalingen page (``ZvhChecklist``): the ticks a person
judged, the recorded facts and the program's advice. The case view owns one instance and
reuses it (it is hidden, not deleted, on close) and does the service calls itself.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from sociaalveilig.core.escalation import EscalationProposal
from sociaalveilig.services.cases import CaseDetail

from sociaalveilig.ui.zvh_checklist import ZvhChecklist


class ZvhCriteriaDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("zvhCriteriaDialog")
        self.setWindowTitle(self.tr("ZVH-criteria"))
        self.setModal(True)
        self.checklist = ZvhChecklist(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sluiten"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.checklist)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())

    def show_case(
        self,
        detail: CaseDetail | None,
        advice: EscalationProposal | None,
        may_change: bool,
        may_escalate: bool,
    ) -> None:
        self.checklist.show_case(detail, advice, may_change)
        self.checklist.escalate_button.setEnabled(may_escalate)
        if detail is not None:
            self.setWindowTitle(self.tr("ZVH-criteria · casus {ref}").format(ref=detail.reference))

    def clear(self) -> None:
        self.checklist.show_case(None, None)
        self.setWindowTitle(self.tr("ZVH-criteria"))
        self.reject()
