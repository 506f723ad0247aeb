"""The head of the case view: back to the list, the case's title, print and copy, the
case's fields (address, focus area, status, risk, casusregisseur, next review) and the
program's escalation advice.

The panel only shows and says what the user asks for; the case view acts on it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.ui.menu_button import MenuButton

ADVICE_STYLE = (
    "QFrame#escalationAdvice { background: #fff4e5; border: 1px solid #e0b070; "
    "border-radius: 3px; }"
)


class CaseHeader(QWidget):
    back_requested = Signal()
    # True: to the printer; False: open as PDF.
    summary_requested = Signal(bool)
    copy_requested = Signal()
    lead_requested = Signal()
    zvh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_top())
        layout.addWidget(self.notice_label)
        layout.addLayout(self._build_fields())
        layout.addWidget(self._build_advice())

    def _build_top(self) -> QHBoxLayout:
        self.back_button = QPushButton(self.tr("← Terug naar de lijst"), self)
        self.back_button.setObjectName("backButton")
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back_requested)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("caseTitle")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("caseNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet("color: #b00020;")
        self.notice_label.hide()
        self.print_button = MenuButton(self.tr("Afdrukken"), self)
        self.print_button.setObjectName("printCase")
        self.print_button.setToolTip(self.tr("Het casusoverzicht als PDF openen of afdrukken."))
        print_menu = QMenu(self.print_button)
        self.open_pdf_action = QAction(self.tr("Casusoverzicht openen als PDF"), print_menu)
        self.print_action = QAction(self.tr("Casusoverzicht afdrukken…"), print_menu)
        self.open_pdf_action.triggered.connect(lambda: self.summary_requested.emit(False))
        self.print_action.triggered.connect(lambda: self.summary_requested.emit(True))
        print_menu.addAction(self.open_pdf_action)
        print_menu.addAction(self.print_action)
        self.print_button.setMenu(print_menu)
        self.copy_button = QPushButton(self.tr("Adres kopiëren"), self)
        self.copy_button.setObjectName("copyAddress")
        self.copy_button.setToolTip(
            self.tr("Kopieert het adres; na 30 seconden wordt het klembord weer leeggemaakt.")
        )
        self.copy_button.clicked.connect(self.copy_requested)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.title_label, 1)
        top.addWidget(self.print_button)
        top.addWidget(self.copy_button)
        return top

    def _build_fields(self) -> QGridLayout:
        self.fields: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        names = [
            ("address", self.tr("Adres")),
            ("area", self.tr("Focusgebied")),
            ("status", self.tr("Status")),
            ("risk", self.tr("Risico")),
            ("lead", self.tr("Casusregisseur")),
            ("review", self.tr("Volgende evaluatie")),
        ]
        self.lead_button = QToolButton(self)
        self.lead_button.setObjectName("chooseLeadPartner")
        self.lead_button.setText(self.tr("Kiezen…"))
        self.lead_button.setToolTip(self.tr("De casusregisseur (partner) kiezen of wijzigen."))
        self.lead_button.setAutoRaise(True)
        self.lead_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.lead_button.setStyleSheet(
            "QToolButton { color: #1a5fb4; text-decoration: underline; border: none; "
            "padding: 0 2px; }"
        )
        self.lead_button.clicked.connect(self.lead_requested)
        for index, (key, caption) in enumerate(names):
            caption_label = QLabel(caption + ":", self)
            caption_label.setStyleSheet("color: #555;")
            value = QLabel(self)
            value.setObjectName(f"field_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            row, col = divmod(index, 3)
            grid.addWidget(caption_label, row, col * 2)
            if key == "lead":
                cell = QHBoxLayout()
                cell.setContentsMargins(0, 0, 0, 0)
                cell.addWidget(value)
                cell.addWidget(self.lead_button)
                cell.addStretch(1)
                grid.addLayout(cell, row, col * 2 + 1)
            else:
                grid.addWidget(value, row, col * 2 + 1)
        for col in (1, 3, 5):
            grid.setColumnStretch(col, 1)
        return grid

    def _build_advice(self) -> QFrame:
        self.advice_frame = QFrame(self)
        self.advice_frame.setObjectName("escalationAdvice")
        self.advice_frame.setStyleSheet(ADVICE_STYLE)
        self.advice_label = QLabel(self.advice_frame)
        self.advice_label.setObjectName("escalationAdviceText")
        self.advice_label.setWordWrap(True)
        self.advice_label.setTextFormat(Qt.TextFormat.PlainText)
        self.advice_button = QPushButton(self.tr("ZVH-criteria bekijken…"), self.advice_frame)
        self.advice_button.setObjectName("adviceZvh")
        self.advice_button.setAutoDefault(False)
        self.advice_button.clicked.connect(self.zvh_requested)
        advice_layout = QHBoxLayout(self.advice_frame)
        advice_layout.setContentsMargins(8, 6, 8, 6)
        advice_layout.addWidget(self.advice_label, 1)
        advice_layout.addWidget(self.advice_button, 0, Qt.AlignmentFlag.AlignTop)
        self.advice_frame.hide()
        return self.advice_frame
