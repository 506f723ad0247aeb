"""Another connection, chosen from a sign-in screen: the store on this computer or a
(different) centre. Only the choice is made here; ``app.sign_in`` then shows the
matching sign-in (or first start, where this computer has no store yet).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.ui.centre_address import CentreAddress, CentreAddressFields


class ConnectionDialog(QDialog):
    """On accept, ``centre`` is the chosen centre, or None for the store on this computer."""

    def __init__(
        self,
        folder: Path,
        centre: CentreAddress | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("connectionDialog")
        self.setWindowTitle(self.tr("Verbinding kiezen"))
        self.setModal(True)
        self.centre: CentreAddress | None = centre

        self.local_choice = QRadioButton(self.tr("Op deze computer"), self)
        self.local_choice.setObjectName("localChoice")
        folder_label = QLabel(self.tr("Opslag in {folder}").format(folder=folder), self)
        folder_label.setStyleSheet("color: palette(mid);")
        folder_label.setWordWrap(True)
        self.centre_choice = QRadioButton(self.tr("Server van het centrum"), self)
        self.centre_choice.setObjectName("centreChoice")
        group = QButtonGroup(self)
        group.addButton(self.local_choice)
        group.addButton(self.centre_choice)
        self.fields = CentreAddressFields(self)
        self.fields.set_address(centre)
        self.centre_choice.toggled.connect(self.fields.setEnabled)
        (self.centre_choice if centre is not None else self.local_choice).setChecked(True)
        self.fields.setEnabled(self.centre_choice.isChecked())

        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        ok = QPushButton(self.tr("Verder"), self)
        ok.setObjectName("okButton")
        ok.setDefault(True)
        ok.clicked.connect(self.choose)
        cancel = QPushButton(self.tr("Annuleren"), self)
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(ok)

        layout = QVBoxLayout(self)
        layout.addWidget(self.local_choice)
        layout.addWidget(folder_label)
        layout.addWidget(self.centre_choice)
        layout.addWidget(self.fields)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.resize(520, 0)

    def choose(self) -> None:
        if self.local_choice.isChecked():
            self.centre = None
            self.accept()
            return
        problem = self.fields.problem()
        if problem is not None:
            self.error_label.setText(problem)
            self.fields.url_edit.setFocus()
            return
        self.centre = self.fields.address()
        self.accept()
