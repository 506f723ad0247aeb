"""Record how a home visit went: done (with notes), nobody home, or entry refused.

"Niemand thuis" comes back with a proposed new date (``OutcomeResult.proposed_start``); the
page then offers to plan the new visit on that date."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QPlainTextEdit, QRadioButton, QVBoxLayout, QWidget

from sociaalveilig.core.enums import VisitOutcome
from sociaalveilig.services import visits
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.visits import VisitRow

from sociaalveilig.ui.dialogs.service_form import ServiceFormDialog


class VisitOutcomeDialog(ServiceFormDialog):
    def __init__(
        self, ctx: ServiceContext, visit: VisitRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, "", parent)
        self.setWindowTitle(self.tr("Uitkomst huisbezoek"))
        self.visit = visit
        self.set_version(visit.version)
        self.set_intro(
            self.tr("Huisbezoek van {when} op {address}.").format(
                when=f"{visit.start:%d-%m-%Y %H:%M}", address=visit.address.line
            )
        )
        self.group = QButtonGroup(self)
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.buttons_by_outcome: dict[VisitOutcome, QRadioButton] = {}
        hints = {
            VisitOutcome.UITGEVOERD: self.tr("Uitgevoerd (aantekeningen verplicht)"),
            VisitOutcome.NIEMAND_THUIS: self.tr(
                "Niemand thuis (een nieuwe datum wordt voorgesteld)"
            ),
            VisitOutcome.GEWEIGERD: self.tr("Toegang geweigerd"),
        }
        for outcome in VisitOutcome:
            button = QRadioButton(hints[outcome], box)
            button.setObjectName(f"outcome_{outcome.value}")
            self.group.addButton(button)
            self.buttons_by_outcome[outcome] = button
            column.addWidget(button)
        self.buttons_by_outcome[VisitOutcome.UITGEVOERD].setChecked(True)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("outcomeNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(100)
        self.add_row(self.tr("&Uitkomst:"), box, "outcome")
        self.register_field("outcome", self.buttons_by_outcome[VisitOutcome.UITGEVOERD])
        self.add_row(self.tr("&Aantekeningen:"), self.notes, "notes")
        self.resize(500, self.sizeHint().height())

    def outcome(self) -> VisitOutcome:
        for outcome, button in self.buttons_by_outcome.items():
            if button.isChecked():
                return outcome
        return VisitOutcome.UITGEVOERD

    def set_outcome(self, outcome: VisitOutcome) -> None:
        self.buttons_by_outcome[outcome].setChecked(True)

    def on_save(self) -> None:
        outcome = self.outcome()
        notes = self.notes.toPlainText()
        visit_id, version = self.visit.visit_id, self.expected_version
        self.submit(
            lambda ctx: visits.record_outcome(
                ctx, visit_id, outcome, notes, expected_version=version
            )
        )
