"""Signing in, at start and after a lock: user name and passphrase.

Unlocking (Argon2id) runs off the GUI thread. A wrong name or passphrase is said plainly in
the dialog, the passphrase field is emptied and focused, and the dialog stays; after a few
failures the wait before the next try is said. A damaged store says what is wrong and offers
to restore a backup into a new folder beside it. A passphrase a beheerder set must be
replaced by the user's own before the window opens; "Herstelcode gebruiken…" lets a
beheerder who forgot the passphrase in with the printed recovery code.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.errors import PassphraseChangeRequired, StoreDamaged
from sociaalveilig.services import desk, maintenance, setup
from sociaalveilig.services.context import Clock, ServiceContext

from sociaalveilig.ui import errors
from sociaalveilig.ui.dialogs.choose_own_passphrase import ChooseOwnPassphraseDialog
from sociaalveilig.ui.dialogs.recover_access import RecoverAccessDialog
from sociaalveilig.ui.operations import run_operation
from sociaalveilig.ui.sign_in_fields import SignInFields


def restore_target_for(folder: Path, now: datetime) -> Path:
    """A new folder beside the damaged one for the restored store."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    return folder.parent / f"{folder.name}-hersteld-{stamp}"


class UnlockDialog(QDialog):
    """Asks user and passphrase; ``context`` holds the logged-in context on accept.

    ``locked=True``: the window was locked; the text says so and the user name is filled.
    """

    # A backup was restored into a new folder; the program uses that folder from now on.
    store_restored = Signal(str)
    # At a start: the user wants a centre (or another connection) instead of this store.
    switch_requested = Signal()

    def __init__(
        self,
        folder: Path,
        username: str | None = None,
        clock: Clock | None = None,
        locked: bool = False,
        parent: QWidget | None = None,
        *,
        allow_switch: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        # The program's name follows in the title bar ("Vergrendeld — Sociaal Veilig").
        self.setWindowTitle(self.tr("Vergrendeld") if locked else self.tr("Aanmelden"))
        self.setModal(True)
        self.folder = folder
        self.context: ServiceContext | None = None
        self._clock = clock
        self._busy = False
        # The passphrase of the attempt under way, kept only until it is answered: a
        # beheerder-set one is needed once more to replace it with the user's own.
        self._attempt: tuple[str, str] | None = None
        self.recover_dialog: RecoverAccessDialog | None = None
        self.choose_dialog: ChooseOwnPassphraseDialog | None = None
        self.switch_chosen = False

        intro = QLabel(
            self.tr("Het programma is vergrendeld. Meld u opnieuw aan om verder te werken.")
            if locked
            else self.tr("Meld u aan met uw gebruikersnaam en wachtwoord.")
        )
        intro.setWordWrap(True)
        self.fields = SignInFields(self)
        self.username_edit = self.fields.username
        self.passphrase_edit = self.fields.passphrase
        self.message_label = self.fields.message
        self.restore_button = QPushButton(self.tr("Herstellen uit back-up…"), self)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setVisible(False)
        self.restore_button.clicked.connect(self.restore_from_backup)
        self.recover_button = QPushButton(self.tr("Herstelcode gebruiken…"), self)
        self.recover_button.setObjectName("useRecoveryCodeButton")
        self.recover_button.setAutoDefault(False)
        self.recover_button.setToolTip(
            self.tr("Wachtwoord van de beheerder kwijt? Meld aan met de afgedrukte herstelcode.")
        )
        self.recover_button.clicked.connect(self.use_recovery_code)

        self.unlock_button = QPushButton(
            self.tr("Ontgrendelen") if locked else self.tr("Aanmelden"), self
        )
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        self.quit_button = QPushButton(self.tr("Afsluiten"), self)
        self.quit_button.clicked.connect(self.reject)
        self.switch_button = QPushButton(self.tr("Andere verbinding…"), self)
        self.switch_button.setObjectName("switchConnectionButton")
        self.switch_button.setAutoDefault(False)
        self.switch_button.setToolTip(self.tr("Werk op de server van het centrum."))
        self.switch_button.setVisible(allow_switch)
        self.switch_button.clicked.connect(self.choose_other_connection)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.recover_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.unlock_button)

        store_label = QLabel(self.tr("Opslag: {folder}").format(folder=folder), self)
        store_label.setStyleSheet("color: palette(mid);")
        store_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.fields.form())
        layout.addWidget(self.message_label)
        layout.addWidget(store_label)
        layout.addLayout(buttons)
        self.resize(460, 0)
        self.fields.reset(username)

    def prepare(self, folder: Path, username: str | None) -> None:
        """Ready for another unlock (the window keeps one dialog and reuses it)."""
        self.folder = folder
        self.context = None
        self._set_busy(False)
        self.restore_button.setVisible(False)
        self._attempt = None
        self.fields.reset(username)

    # ------------------------------------------------------------------ unlock

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.unlock_button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy)
        self.recover_button.setEnabled(not busy)
        self.fields.set_busy(busy, text)

    def _show_problem(self, text: str) -> None:
        self.fields.show_problem(text)

    def unlock(self) -> None:
        if self._busy:
            return
        typed = self.fields.typed()
        if typed is None:
            return
        username, passphrase = typed
        self._set_busy(True, self.tr("Bezig met ontgrendelen…"))
        self._attempt = (username, passphrase)
        folder, clock = self.folder, self._clock
        run_operation(
            self,
            lambda: setup.login(folder, username, passphrase, clock),
            self._unlocked,
            self._failed,
        )

    def _unlocked(self, ctx: ServiceContext) -> None:
        self._set_busy(False)
        self.passphrase_edit.clear()
        self._attempt = None
        self.context = ctx
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        errors.log_exception(exc)
        self._set_busy(False)
        self.passphrase_edit.clear()
        attempt, self._attempt = self._attempt, None
        if isinstance(exc, PassphraseChangeRequired) and attempt is not None:
            self.message_label.clear()
            self.choose_own_passphrase(*attempt)
            return
        if self.fields.answer_refusal(exc):
            self.restore_button.setVisible(False)
            return
        self._show_problem(errors.message_for(exc))
        known = errors.as_known_error(exc)
        if isinstance(known, StoreDamaged):
            self._show_problem(
                self.tr(
                    "De opslag is beschadigd: {problem} U kunt een back-up terugzetten."
                ).format(problem=errors.message_for(exc))
            )
            self.restore_button.setVisible(True)
            self.restore_button.setFocus()

    # ------------------------------------------------------------------ own passphrase

    def choose_own_passphrase(self, username: str, given: str) -> None:
        """The passphrase was right but set by a beheerder: ask for the user's own."""
        dialog = ChooseOwnPassphraseDialog(self.folder, username, given, self._clock, self)
        self.choose_dialog = dialog

        def done() -> None:
            if dialog.context is not None:
                self._unlocked(dialog.context)

        dialog.accepted.connect(done)
        dialog.open()

    # ------------------------------------------------------------------ recovery code

    def use_recovery_code(self) -> None:
        if self._busy:
            return
        dialog = RecoverAccessDialog(
            self.folder, self.username_edit.text().strip() or None, self._clock, self
        )
        self.recover_dialog = dialog

        def done() -> None:
            if dialog.context is not None:
                self.username_edit.setText(dialog.context.actor.username)
                self._unlocked(dialog.context)

        dialog.accepted.connect(done)
        dialog.open()

    # ------------------------------------------------------------------ restore

    def restore_from_backup(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Kies een back-up"),
            str(self.folder.parent),
            self.tr("Sociaal Veilig-back-up (*.svbackup *.svbak);;Alle bestanden (*)"),
        )
        if chosen:
            self.restore(Path(chosen))

    def restore(self, backup_file: Path) -> None:
        """Restore ``backup_file`` into a new folder beside the damaged store and sign in
        there with the name and passphrase typed (they are those of the backup)."""
        username = self.username_edit.text().strip() or None
        passphrase = self.passphrase_edit.text()
        if not passphrase:
            self._show_problem(
                self.tr("Vul uw wachtwoord in; daarmee wordt ook de back-up geopend.")
            )
            self.passphrase_edit.setFocus()
            return
        target = restore_target_for(self.folder, datetime.now())
        clock = self._clock

        def work() -> ServiceContext:
            restored = maintenance.restore(backup_file, target, username, passphrase)
            return setup.login(restored, username or setup.single_user(restored), passphrase, clock)

        self._set_busy(True, self.tr("De back-up wordt gecontroleerd en teruggezet…"))
        run_operation(self, work, self._restored, self._failed, progress=None)

    def _restored(self, ctx: ServiceContext) -> None:
        self.folder = desk.desk_store(ctx).folder
        self.store_restored.emit(str(desk.desk_store(ctx).folder))
        self._unlocked(ctx)

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
