"""The recovery code, shown once: large, selectable, printable, until the user confirms it
is stored. The last step of the first start and of a recovery with the code."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class RecoveryCodeStep(QWidget):
    """``saved`` when the user says the code is stored; the code is wiped from the screen."""

    saved = Signal()

    def __init__(self, intro_text: str, code_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder: Path | None = None
        intro = QLabel(intro_text, self)
        intro.setWordWrap(True)
        self.code_label = QLabel(self)
        self.code_label.setObjectName(code_name)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.4)
        mono.setWeight(QFont.Weight.Bold)
        self.code_label.setFont(mono)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setStyleSheet("padding: 16px; border: 1px solid #888;")
        self.print_button = QPushButton(self.tr("Afdrukken"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self.print_code)
        self.saved_button = QPushButton(self.tr("Ik heb hem bewaard"), self)
        self.saved_button.setObjectName("savedButton")
        self.saved_button.clicked.connect(self._saved)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.saved_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addWidget(self.code_label)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def show_code(self, code: str, folder: Path) -> None:
        self.folder = folder
        self.code_label.setText(code)
        self.saved_button.setFocus()

    def recovery_sheet(self) -> QTextDocument:
        """The page that is printed: the code, the store folder, what it is for."""
        doc = QTextDocument(self)
        doc.setPlainText(
            "\n".join(
                (
                    self.tr("Sociaal Veilig Parkstad – herstelcode van de opslag"),
                    "",
                    self.code_label.text(),
                    "",
                    self.tr("Map: {folder}").format(folder=self.folder),
                    "",
                    self.tr(
                        "Hiermee kan de opslag worden geopend zonder wachtwoord. "
                        "Bewaar dit blad achter slot."
                    ),
                )
            )
        )
        return doc

    def print_code(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Herstelcode afdrukken"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.recovery_sheet().print_(printer)

    def _saved(self) -> None:
        self.code_label.clear()
        self.saved.emit()
