"""A new passphrase typed twice, with a strength hint under the first field.

Used where the beheerder gives a user a (new) passphrase: adding a user and giving a
deactivated user access again. The policy itself (at least 12 characters) is checked by the
service; the hint only helps choose a good one, the same wording as at the first start.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QWidget

from sociaalveilig.storage.keyslots import MIN_PASSPHRASE_LENGTH, passphrase_strength

COLOURS = {0: "#b00020", 1: "#c77700", 2: "#c77700", 3: "#2e7d32", 4: "#2e7d32"}


class PassphraseFields(QObject):
    """Two password fields and a strength bar (children of ``parent``, the dialog); put
    them in the dialog's form with ``add_to``."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.passphrase = QLineEdit(parent)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(parent)
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength_bar = QProgressBar(parent)
        self.strength_bar.setObjectName("strengthBar")
        self.strength_bar.setRange(0, 4)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setMaximumHeight(8)
        self.strength_label = QLabel(parent)
        self.strength_label.setObjectName("strengthHint")
        self.strength_label.setWordWrap(True)
        self.passphrase.textChanged.connect(self._update_strength)
        self._update_strength("")

    def add_to(self, form: QFormLayout, label: str, repeat_label: str) -> None:
        form.addRow(label, self.passphrase)
        form.addRow("", self.strength_bar)
        form.addRow("", self.strength_label)
        form.addRow(repeat_label, self.repeat)

    def text(self) -> str:
        return self.passphrase.text()

    def matches(self) -> bool:
        return self.passphrase.text() == self.repeat.text()

    def strength(self) -> int:
        return self.strength_bar.value()

    def clear(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()

    def _update_strength(self, text: str) -> None:
        score = passphrase_strength(text)
        self.strength_bar.setValue(score)
        hints = {
            0: self.tr("Te zwak: minstens {n} tekens, niet steeds hetzelfde teken."),
            1: self.tr("Voldoende, maar zwak. Langer is beter: een zin van vier of vijf woorden."),
            2: self.tr("Redelijk. Nog langer of met cijfers en leestekens is sterker."),
            3: self.tr("Goed."),
            4: self.tr("Sterk."),
        }
        self.strength_label.setText(hints[score].format(n=MIN_PASSPHRASE_LENGTH))
        self.strength_bar.setStyleSheet(
            f"QProgressBar::chunk {{ background-color: {COLOURS[score]}; }}"
        )
