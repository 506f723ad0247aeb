"""Signing in to a centre: user name and passphrase, checked by the centre's server.

The desk holds no database credentials: ``services.remote.connect`` sends the name and
passphrase to the server and gets a session back, off the GUI thread. Each way it can fail
gets its own line: a wrong name or passphrase (or too many tries), a centre that cannot be
reached (what to check; the name and passphrase stay typed so "Aanmelden" can simply be
pressed again), an address the client refuses. A passphrase the beheerder set is replaced
by the user's own first (the same dialog as on a desk). "Andere verbinding…" leads back to
the store on this computer or another centre.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.errors import PassphraseChangeRequired, StoreUnavailable, UsageError
from sociaalveilig.services import remote
from sociaalveilig.services.context import Clock, ServiceContext

from sociaalveilig.ui import errors
from sociaalveilig.ui.centre_address import CentreAddress
from sociaalveilig.ui.dialogs.choose_own_passphrase import ChooseOwnPassphraseDialog
from sociaalveilig.ui.operations import run_operation
from sociaalveilig.ui.sign_in_fields import SignInFields


def connect(
    address: CentreAddress, username: str, passphrase: str, clock: Clock | None
) -> ServiceContext:
    """Sign in to ``address`` (on a worker thread)."""
    return remote.connect(address.url, username, passphrase, ca=address.ca, clock=clock)


class CentreSignInDialog(QDialog):
    """Asks name and passphrase for a centre; ``context`` holds the session on accept.

    ``reason``: why the user signs in again (the window was locked, the session ended);
    the user name is then filled in. ``switch_requested`` is emitted (and the dialog
    rejected) when the user wants another connection."""

    switch_requested = Signal()

    def __init__(
        self,
        address: CentreAddress,
        username: str | None = None,
        clock: Clock | None = None,
        reason: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("centreSignInDialog")
        self.setWindowTitle(self.tr("Aanmelden bij het centrum"))
        self.setModal(True)
        self.address = address
        self.context: ServiceContext | None = None
        self.switch_chosen = False
        self._clock = clock
        self._busy = False
        self._attempt: tuple[str, str] | None = None
        self.choose_dialog: ChooseOwnPassphraseDialog | None = None

        self.intro = QLabel(self)
        self.intro.setObjectName("introLabel")
        self.intro.setWordWrap(True)
        self.fields = SignInFields(self)
        self.username_edit = self.fields.username
        self.passphrase_edit = self.fields.passphrase
        self.message_label = self.fields.message
        self.server_label = QLabel(self)
        self.server_label.setObjectName("serverLabel")
        self.server_label.setStyleSheet("color: palette(mid);")
        self.server_label.setWordWrap(True)

        self.switch_button = QPushButton(self.tr("Andere verbinding…"), self)
        self.switch_button.setObjectName("switchConnectionButton")
        self.switch_button.setAutoDefault(False)
        self.switch_button.setToolTip(
            self.tr("Werk met de opslag op deze computer of met een ander centrum.")
        )
        self.switch_button.clicked.connect(self.choose_other_connection)
        self.sign_in_button = QPushButton(self.tr("Aanmelden"), self)
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.quit_button = QPushButton(self.tr("Afsluiten"), self)
        self.quit_button.setObjectName("quitButton")
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.sign_in_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.fields.form())
        layout.addWidget(self.message_label)
        layout.addWidget(self.server_label)
        layout.addLayout(buttons)
        self.resize(480, 0)
        self.prepare(address, username, reason)

    def prepare(
        self, address: CentreAddress, username: str | None, reason: str | None = None
    ) -> None:
        """Ready for another sign-in (the window keeps one dialog and reuses it)."""
        self.address = address
        self.context = None
        self.switch_chosen = False
        self._attempt = None
        self._set_busy(False)
        self.intro.setText(
            reason or self.tr("Meld u aan bij het centrum met uw gebruikersnaam en wachtwoord.")
        )
        self.server_label.setText(self.tr("Centrum: {url}").format(url=address.url))
        self.fields.reset(username)

    # ------------------------------------------------------------------ sign in

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.sign_in_button.setEnabled(not busy)
        self.switch_button.setEnabled(not busy)
        self.fields.set_busy(busy, text)

    def _show_problem(self, text: str) -> None:
        self.fields.show_problem(text)

    def sign_in(self) -> None:
        if self._busy:
            return
        typed = self.fields.typed()
        if typed is None:
            return
        username, passphrase = typed
        self._set_busy(True, self.tr("Bezig met aanmelden bij het centrum…"))
        self._attempt = (username, passphrase)
        address, clock = self.address, self._clock
        run_operation(
            self,
            lambda: connect(address, username, passphrase, clock),
            self._signed_in,
            self._failed,
        )

    def _signed_in(self, ctx: ServiceContext) -> None:
        self._set_busy(False)
        self.passphrase_edit.clear()
        self._attempt = None
        self.context = ctx
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        errors.log_exception(exc)
        self._set_busy(False)
        attempt, self._attempt = self._attempt, None
        if isinstance(exc, StoreUnavailable):
            # Nothing was wrong with what the user typed: it stays, to press again.
            self._show_problem(self.unreachable_text(exc))
            self.sign_in_button.setFocus()
            return
        self.passphrase_edit.clear()
        if isinstance(exc, PassphraseChangeRequired) and attempt is not None:
            self.message_label.clear()
            self.choose_own_passphrase(*attempt)
            return
        if self.fields.answer_refusal(exc):
            return
        if isinstance(exc, UsageError):
            self._show_problem(
                self.tr("{problem} Kies 'Andere verbinding…' om het adres te verbeteren.").format(
                    problem=exc.message
                )
            )
            self.switch_button.setFocus()
            return
        self._show_problem(errors.message_for(exc))
        self.passphrase_edit.setFocus()

    def unreachable_text(self, exc: StoreUnavailable) -> str:
        # The client's line names the centre and what to check; this adds the address
        # as typed and what to do when it is right.
        return self.tr(
            "{problem} Het adres is {url}; klopt dat, dan is de server misschien tijdelijk "
            "uit. Probeer het over een paar minuten opnieuw of bel de beheerder."
        ).format(problem=exc.message, url=self.address.url)

    # ------------------------------------------------------------------ own passphrase

    def choose_own_passphrase(self, username: str, given: str) -> None:
        """The passphrase was right but set by a beheerder: the user chooses an own one,
        which the centre stores, and is signed in with it."""
        address, clock = self.address, self._clock

        def change_and_sign_in(name: str, old: str, new: str) -> ServiceContext:
            remote.change_passphrase(address.url, name, old, new, ca=address.ca)
            return connect(address, name, new, clock)

        dialog = ChooseOwnPassphraseDialog(
            None, username, given, clock, self, change_and_sign_in=change_and_sign_in
        )
        self.choose_dialog = dialog

        def done() -> None:
            if dialog.context is not None:
                self._signed_in(dialog.context)

        dialog.accepted.connect(done)
        dialog.open()

    # ------------------------------------------------------------------ dialog

    def choose_other_connection(self) -> None:
        if self._busy:
            return
        self.switch_chosen = True
        self.switch_requested.emit()
        self.reject()

    def reject(self) -> None:
        if self._busy:
            return
        self.passphrase_edit.clear()
        super().reject()
