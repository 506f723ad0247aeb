"""The intake's second step: what was saved, where routing sent it and why, the case, and
for a Meldcode category where the decision is kept. Buttons: open the case, another
signal, close (the default: Enter closes)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sociaalveilig.services.signal_records import SignalDetail

from sociaalveilig.ui.meldcode_panel import is_meldcode_category


class IntakeResult(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setObjectName("resultTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.routing = QLabel(self)
        self.routing.setObjectName("resultRouting")
        self.routing.setWordWrap(True)
        self.case = QLabel(self)
        self.case.setObjectName("resultCase")
        self.case.setWordWrap(True)

        self.open_case_button = QPushButton(self.tr("Casus openen"), self)
        self.open_case_button.setObjectName("openCaseButton")
        self.another_button = QPushButton(self.tr("Nog een signaal"), self)
        self.another_button.setObjectName("anotherButton")
        self.close_button = QPushButton(self.tr("Sluiten"), self)
        self.close_button.setObjectName("closeButton")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_case_button)
        buttons.addWidget(self.another_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addSpacing(8)
        routing_heading = QLabel(self.tr("Routering"), self)
        bold = routing_heading.font()
        bold.setBold(True)
        routing_heading.setFont(bold)
        layout.addWidget(routing_heading)
        layout.addWidget(self.routing)
        layout.addSpacing(8)
        layout.addWidget(self.case)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def show_detail(self, detail: SignalDetail) -> None:
        self.title.setText(self.tr("Signaal {ref} is opgeslagen.").format(ref=detail.reference))
        if detail.route_target is not None:
            routing = self.tr("Naar: {target}.\nWaarom: {reason}\nAfhandelen vóór: {due}.").format(
                target=detail.route_target.label,
                reason=detail.route_reason or "",
                due=detail.due_date.strftime("%d-%m-%Y") if detail.due_date else "-",
            )
        else:
            routing = self.tr("Niet gerouteerd.")
        if is_meldcode_category(detail.category_code):
            routing += "\n" + self.tr(
                "Meldcode: het besluit staat in de geschiedenis van het signaal. "
                "Veilig Thuis: 0800-2000."
            )
        self.routing.setText(routing)
        if detail.case_reference:
            self.case.setText(
                self.tr("Gekoppeld aan casus {ref}.").format(ref=detail.case_reference)
            )
        else:
            self.case.setText(self.tr("Niet aan een casus gekoppeld."))
        self.open_case_button.setVisible(detail.case_id is not None)
