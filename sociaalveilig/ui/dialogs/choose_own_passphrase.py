"""At sign-in, when a beheerder set the user's passphrase (Toegang herstellen): the user
chooses an own passphrase before the window opens.

The passphrase just typed (the beheerder's) is checked again as the old one; the slot is
rewrapped without the mark, then the user is signed in with the new passphrase. Both run
off the GUI thread. ``context`` holds the signed-in context on accept. On a centre the
caller passes ``change_and_sign_in`` (the centre stores the passphrase, not a key slot).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.services import setup
from sociaalveilig.services.context import Clock, ServiceContext

from sociaalveilig.ui import errors
from sociaalveilig.ui.operations import run_operation
from sociaalveilig.ui.passphrase_fields import PassphraseFields


class ChooseOwnPassphraseDialog(QDialog):
    def __init__(
        self,
        folder: Path | None,
        username: str,
        given_passphrase: str,
        clock: Clock | None = None,
        parent: QWidget | None = None,
        *,
        change_and_sign_in: Callable[[str, str, str], ServiceContext] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chooseOwnPassphraseDialog")
        self.setWindowTitle(self.tr("Kies een eigen wachtwoord"))
        self.setModal(True)
        self.folder = folder
        self.username = username
        self.context: ServiceContext | None = None
        self._given = given_passphrase
        self._clock = clock
        self._busy = False
        self._change_and_sign_in = change_and_sign_in

        intro = QLabel(
            self.tr(
                "De beheerder heeft een wachtwoord voor u ingesteld. Kies nu een eigen "
                "wachtwoord dat alleen u kent; daarna opent het programma."
            ),
            self,
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.secret = PassphraseFields(self)
        self.secret.set_user_inputs((username,))
        self.secret.add_to(form, self.tr("Nieuw wachtwoord"), self.tr("Herhaal wachtwoord"))
        self.message_label = QLabel(self)
        self.message_label.setObjectName("messageLabel")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b00020;")
        self.save_button = QPushButton(self.tr("Wachtwoord instellen en aanmelden"), self)
        self.save_button.setObjectName("chooseButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.choose)
        self.cancel_button = QPushButton(self.tr("Annuleren"), self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        # The hint under the passphrase wraps: size the dialog for its height at this width.
        self.resize(480, max(self.sizeHint().height(), layout.totalHeightForWidth(480)))
        self.secret.passphrase.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (
            self.save_button,
            self.cancel_button,
            self.secret.passphrase,
            self.secret.repeat,
        ):
            widget.setEnabled(not busy)
        if busy:
            self.message_label.setStyleSheet("color: palette(text);")
            self.message_label.setText(self.tr("Uw sleutel wordt opnieuw versleuteld…"))

    def _show_problem(self, text: str) -> None:
        self.message_label.setStyleSheet("color: #b00020;")
        self.message_label.setText(text)

    def choose(self) -> None:
        if self._busy:
            return
        if not self.secret.matches():
            self._show_problem(self.tr("De twee wachtwoorden zijn niet gelijk. Typ ze opnieuw."))
            self.secret.repeat.setFocus()
            return
        new = self.secret.text()
        if new == self._given:
            self._show_problem(
                self.tr("Kies een ander wachtwoord dan dat van de beheerder.")
            )
            self.secret.passphrase.setFocus()
            return
        folder, name, given, clock = self.folder, self.username, self._given, self._clock
        on_centre = self._change_and_sign_in

        def work() -> ServiceContext:
            if on_centre is not None:
                return on_centre(name, given, new)
            assert folder is not None
            setup.change_passphrase(folder, name, given, new)
            return setup.login(folder, name, new, clock)

        self._set_busy(True)
        run_operation(self, work, self._done, self._failed)

    def _done(self, ctx: ServiceContext) -> None:
        self._set_busy(False)
        self.secret.clear()
        self._given = ""
        self.context = ctx
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        errors.log_exception(exc)
        self._set_busy(False)
        self._show_problem(errors.message_for(exc))
        self.secret.passphrase.setFocus()

    def reject(self) -> None:
        if self._busy:
            return
        self.secret.clear()
        self._given = ""
        super().reject()
