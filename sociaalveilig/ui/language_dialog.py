"""Instellingen › Taal: the language of the program on this computer account.

The choice applies at the next start: every window, page and table builds its texts once,
and retranslating them all while the user works would be a large change for a rare one.
The dialog says so. The command line follows the same choice (``sociaalveilig/language.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.language import LANGUAGES

from sociaalveilig.ui.settings import UiSettings


class LanguageDialog(QDialog):
    def __init__(self, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("Taal"))
        self.language = QComboBox(self)
        self.language.setObjectName("languageChoice")
        # Each language under its own name: that is how a speaker finds it.
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language())))

        note = QLabel(
            self.tr(
                "De nieuwe taal geldt vanaf de volgende keer dat u het programma start. "
                "Ook sociaalveilig-admin volgt deze keuze (of de omgevingsvariabele "
                "SOCIAALVEILIG_TAAL). Teksten die nog niet vertaald zijn, blijven Nederlands."
            ),
            self,
        )
        note.setObjectName("languageNote")
        note.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Taal van het programma:"), self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(440, self.sizeHint().height())

    def chosen(self) -> str:
        return str(self.language.currentData())

    def accept(self) -> None:
        self._settings.set_language(self.chosen())
        super().accept()


def language_action(parent: QWidget, settings: UiSettings) -> QAction:
    """The menu item that opens the dialog."""
    action = QAction(QCoreApplication.translate("LanguageDialog", "&Taal…"), parent)
    action.setObjectName("languageAction")
    action.triggered.connect(lambda: LanguageDialog(settings, parent).exec())
    return action
