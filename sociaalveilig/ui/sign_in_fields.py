"""User name, passphrase and the answer line of a sign-in, shared by the two sign-in
dialogs: the desk's own store (``unlock_dialog.py``) and a centre (``centre_sign_in.py``).

What they share is what a user sees the same way in both: the two fields, a missing name or
passphrase said before anything is tried, the line that tells a wrong name or passphrase or
the wait after too many tries, and the fields' state while an attempt is under way. What
differs (a damaged store, a centre that cannot be reached) stays with each dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from sociaalveilig.core.errors import AuthenticationError, SignInThrottled

PROBLEM_STYLE = "color: #b00020;"


class SignInFields(QObject):
    """The name and passphrase fields and the message line (children of ``parent``, the
    dialog); put the fields in the dialog's layout with ``form``."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.dialog = parent
        self.username = QLineEdit(parent)
        self.username.setObjectName("username")
        self.passphrase = QLineEdit(parent)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(parent)
        self.message.setObjectName("messageLabel")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(PROBLEM_STYLE)

    def form(self) -> QFormLayout:
        form = QFormLayout()
        form.addRow(self.tr("Gebruiker"), self.username)
        form.addRow(self.tr("Wachtwoord"), self.passphrase)
        return form

    def reset(self, username: str | None) -> None:
        """Ready for a new attempt: the name filled in (or not), the rest empty, the
        cursor where the user types next."""
        self.username.setText(username or "")
        self.passphrase.clear()
        self.message.clear()
        (self.passphrase if username else self.username).setFocus()

    def typed(self) -> tuple[str, str] | None:
        """The name and passphrase typed, or None after saying which one is missing."""
        username = self.username.text().strip()
        passphrase = self.passphrase.text()
        if not username:
            self.show_problem(self.tr("Vul uw gebruikersnaam in."))
            self.username.setFocus()
            return None
        if not passphrase:
            self.show_problem(self.tr("Vul uw wachtwoord in."))
            self.passphrase.setFocus()
            return None
        return username, passphrase

    def set_busy(self, busy: bool, text: str = "") -> None:
        """While an attempt is under way the fields wait and the line says what happens."""
        self.username.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)
        if busy:
            self.message.setStyleSheet("color: palette(text);")
            self.message.setText(text)

    def show_problem(self, text: str) -> None:
        self.message.setStyleSheet(PROBLEM_STYLE)
        self.message.setText(text)
        # A long message is read whole: the dialog grows.
        self.dialog.adjustSize()

    def answer_refusal(self, exc: BaseException) -> bool:
        """Say a refused sign-in (too many tries, or a wrong name or passphrase) and put
        the cursor in the passphrase field; False for any other failure."""
        if isinstance(exc, SignInThrottled):
            self.show_problem(exc.message)
        elif isinstance(exc, AuthenticationError):
            self.show_problem(
                self.tr("Onjuiste gebruikersnaam of wachtwoord. Probeer het opnieuw.")
            )
        else:
            return False
        self.passphrase.setFocus()
        return True
