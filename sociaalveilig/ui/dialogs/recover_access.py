"""Herstelcode gebruiken: the beheerder who forgot the passphrase signs in with the printed
recovery code and chooses a new passphrase; the store gets a new code, shown once.

Step 1 asks the beheerder's name (empty: the only beheerder), the code and a new passphrase
twice; the recovery (Argon2id several times) runs off the GUI thread. Step 2 shows the new
code until the user confirms it is stored: the old code no longer works. ``context`` then
holds the signed-in beheerder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.services import setup
from sociaalveilig.services.context import Clock, ServiceContext

from sociaalveilig.ui import errors
from sociaalveilig.ui.operations import run_operation
from sociaalveilig.ui.passphrase_fields import PassphraseFields
from sociaalveilig.ui.recovery_code_step import RecoveryCodeStep


class RecoverAccessDialog(QDialog):
    def __init__(
        self,
        folder: Path,
        username: str | None = None,
        clock: Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoverAccessDialog")
        self.setWindowTitle(self.tr("Herstelcode gebruiken"))
        self.setModal(True)
        self.folder = folder
        self.context: ServiceContext | None = None
        self._clock = clock
        self._busy = False
        self._code_saved = False
        self._steps = QStackedWidget(self)
        self._steps.addWidget(self._build_form_step(username))
        self._steps.addWidget(self._build_code_step())
        layout = QVBoxLayout(self)
        layout.addWidget(self._steps)
        self.resize(520, 0)
        self.code_edit.setFocus()

    # ------------------------------------------------------------------ step 1

    def _build_form_step(self, username: str | None) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "Met de herstelcode die bij het maken van de opslag is afgedrukt krijgt de "
                "beheerder weer toegang met een nieuw wachtwoord. Daarna krijgt de opslag een "
                "nieuwe herstelcode; de oude werkt dan niet meer."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.username_edit = QLineEdit(page)
        self.username_edit.setObjectName("recoverUsername")
        self.username_edit.setText(username or "")
        self.username_edit.setPlaceholderText(self.tr("leeg: de enige beheerder"))
        self.code_edit = QLineEdit(page)
        self.code_edit.setObjectName("recoveryCodeInput")
        self.code_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.code_edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.show_code = QCheckBox(self.tr("Code tonen tijdens het typen"), page)
        self.show_code.setObjectName("showCode")
        self.show_code.toggled.connect(
            lambda on: self.code_edit.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
            )
        )
        form = QFormLayout()
        form.addRow(self.tr("Beheerder"), self.username_edit)
        form.addRow(self.tr("Herstelcode"), self.code_edit)
        form.addRow("", self.show_code)
        self.secret = PassphraseFields(page)
        self.secret.add_to(form, self.tr("Nieuw wachtwoord"), self.tr("Herhaal wachtwoord"))
        self.username_edit.textChanged.connect(lambda t: self.secret.set_user_inputs((t,)))
        self.secret.set_user_inputs((username or "",))

        self.message_label = QLabel(page)
        self.message_label.setObjectName("messageLabel")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b00020;")
        self.recover_button = QPushButton(self.tr("Toegang herstellen"), page)
        self.recover_button.setObjectName("recoverButton")
        self.recover_button.setDefault(True)
        self.recover_button.clicked.connect(self.recover)
        self.cancel_button = QPushButton(self.tr("Annuleren"), page)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.recover_button)

        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (
            self.recover_button,
            self.cancel_button,
            self.username_edit,
            self.code_edit,
            self.secret.passphrase,
            self.secret.repeat,
        ):
            widget.setEnabled(not busy)
        if busy:
            self.message_label.setStyleSheet("color: palette(text);")
            self.message_label.setText(self.tr("De herstelcode wordt gecontroleerd…"))

    def _show_problem(self, text: str) -> None:
        self.message_label.setStyleSheet("color: #b00020;")
        self.message_label.setText(text)

    def recover(self) -> None:
        if self._busy:
            return
        code = self.code_edit.text()
        if not code.strip():
            self._show_problem(self.tr("Typ de herstelcode over van het afgedrukte blad."))
            self.code_edit.setFocus()
            return
        if not self.secret.matches():
            self._show_problem(
                self.tr("De twee wachtwoorden zijn niet gelijk. Typ ze opnieuw.")
            )
            self.secret.repeat.setFocus()
            return
        username = self.username_edit.text().strip() or None
        new = self.secret.text()
        folder, clock = self.folder, self._clock
        self._set_busy(True)
        run_operation(
            self,
            lambda: setup.recover(folder, code, new, username, clock),
            self._recovered,
            self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        errors.log_exception(exc)
        self._set_busy(False)
        self._show_problem(errors.message_for(exc))
        known = errors.as_known_error(exc)
        field = getattr(known, "field", None)
        if field == "passphrase":
            self.secret.passphrase.setFocus()
        elif field == "user":
            self.username_edit.setFocus()
        else:
            self.code_edit.setFocus()
            self.code_edit.selectAll()

    def _recovered(self, result: tuple[ServiceContext, str]) -> None:
        self._set_busy(False)
        ctx, code = result
        self.context = ctx
        self.code_edit.clear()
        self.secret.clear()
        self._steps.setCurrentIndex(1)
        self.code_step.show_code(code, self.folder)

    # ------------------------------------------------------------------ step 2

    def _build_code_step(self) -> QWidget:
        self.code_step = RecoveryCodeStep(
            self.tr(
                "U bent weer aangemeld met uw nieuwe wachtwoord. De gebruikte herstelcode werkt "
                "niet meer; dit is de nieuwe. Hij wordt maar één keer getoond: druk hem af of "
                "schrijf hem over en bewaar hem achter slot, niet bij de computer."
            ),
            "newRecoveryCode",
            self,
        )
        self.code_step.saved.connect(self.confirm_saved)
        # The step's parts by the names the dialog had before (tests, the screenshot tool).
        self.code_label = self.code_step.code_label
        self.print_button = self.code_step.print_button
        self.saved_button = self.code_step.saved_button
        self.recovery_sheet = self.code_step.recovery_sheet
        return self.code_step

    def confirm_saved(self) -> None:
        self._code_saved = True
        self.code_label.clear()
        self.accept()

    def reject(self) -> None:
        # Not while the code is checked; once the new code is shown, only after it is stored.
        if self._busy or (self._steps.currentIndex() == 1 and not self._code_saved):
            return
        self.code_edit.clear()
        self.secret.clear()
        super().reject()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._steps.currentIndex() == 1 and event.matches(QKeySequence.StandardKey.Cancel):
            return
        super().keyPressEvent(event)
