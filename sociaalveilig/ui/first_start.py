"""First start: where the data lives, then (on this computer) create the store with its
beheerder and show the recovery code once.

At the top the user chooses "Op deze computer" (the encrypted store in a folder here, the
default) or "Server van het centrum" (a team's shared centre: its address and, where the
centre uses its own certificate, the file to trust). For a centre the dialog only takes
the address (``centre`` on accept); signing in is the centre sign-in dialog's work.

Step 1 asks the beheerder's name and a passphrase twice, with a strength hint. Creating
the store (Argon2id for the user's and the recovery slot) runs off the GUI thread.
Step 2 shows the recovery code, once: it can be printed, and the dialog only closes with
"Ik heb hem bewaard". After that the code is wiped from the dialog.
"""

from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.errors import ValidationError
from sociaalveilig.services import setup
from sociaalveilig.services.context import Clock, ServiceContext
from sociaalveilig.storage.keyslots import check_passphrase_policy, passphrase_strength

from sociaalveilig.ui import errors
from sociaalveilig.ui.centre_address import CentreAddress, CentreAddressFields
from sociaalveilig.ui.operations import run_operation
from sociaalveilig.ui.passphrase_fields import COLOURS, strength_hint
from sociaalveilig.ui.recovery_code_step import RecoveryCodeStep


class FirstStartDialog(QDialog):
    """Creates a store; ``context`` holds the logged-in beheerder afterwards. When the user
    chose a centre instead, ``centre`` holds its address and ``context`` stays None."""

    def __init__(
        self, folder: Path, clock: Clock | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstStartDialog")
        # The program's name follows in the title bar ("Eerste start — Sociaal Veilig").
        self.setWindowTitle(self.tr("Eerste start"))
        self.setModal(True)
        self.folder = folder
        self.context: ServiceContext | None = None
        self.centre: CentreAddress | None = None
        self._clock = clock
        self._code_saved = False
        self._busy = False

        self._steps = QStackedWidget(self)
        self._steps.addWidget(self._build_create_step())
        self._steps.addWidget(self._build_code_step())
        layout = QVBoxLayout(self)
        layout.addWidget(self._steps)
        self.resize(560, 420)
        # Typing starts in the first field, not on "Andere map…".
        self.username_edit.setFocus()

    # ------------------------------------------------------------------ step 1

    def _build_choice(self, page: QWidget) -> QHBoxLayout:
        self.local_choice = QRadioButton(self.tr("Op deze computer"), page)
        self.local_choice.setObjectName("localChoice")
        self.local_choice.setToolTip(
            self.tr("Een versleutelde opslag in een map op deze computer, voor één bureau.")
        )
        self.centre_choice = QRadioButton(self.tr("Server van het centrum"), page)
        self.centre_choice.setObjectName("centreChoice")
        self.centre_choice.setToolTip(
            self.tr("Werk met uw team op de gedeelde gegevens van het centrum.")
        )
        self.choice_group = QButtonGroup(page)
        self.choice_group.addButton(self.local_choice)
        self.choice_group.addButton(self.centre_choice)
        self.local_choice.setChecked(True)
        self.centre_choice.toggled.connect(self._choice_changed)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Waar staan de gegevens?"), page))
        row.addWidget(self.local_choice)
        row.addWidget(self.centre_choice)
        row.addStretch(1)
        return row

    def _build_centre_part(self, page: QWidget) -> QWidget:
        part = QWidget(page)
        part.setObjectName("centrePart")
        intro = QLabel(
            self.tr(
                "Uw team werkt samen op de server van het centrum. Vul het adres in dat de "
                "beheerder u gaf. Gebruikt het centrum een eigen certificaat, kies dan ook "
                "dat bestand. Daarna meldt u zich aan met uw gebruikersnaam en wachtwoord; "
                "op deze computer blijft geen wachtwoord bewaard."
            ),
            part,
        )
        intro.setWordWrap(True)
        self.centre_fields = CentreAddressFields(part)
        layout = QVBoxLayout(part)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.centre_fields)
        layout.addStretch(1)
        part.setVisible(False)
        return part

    def _choice_changed(self) -> None:
        on_centre = self.centre_choice.isChecked()
        self.local_part.setVisible(not on_centre)
        self.centre_part.setVisible(on_centre)
        self.error_label.clear()
        self.create_button.setText(self._button_text())
        (self.centre_fields.url_edit if on_centre else self.username_edit).setFocus()

    def _button_text(self) -> str:
        if self.centre_choice.isChecked():
            return self.tr("Verder naar aanmelden")
        return self.tr("Opslag maken")

    def _build_create_step(self) -> QWidget:
        page = QWidget(self)
        choice_row = self._build_choice(page)
        self.local_part = QWidget(page)
        self.local_part.setObjectName("localPart")
        self.centre_part = self._build_centre_part(page)
        intro = QLabel(
            self.tr(
                "Welkom. Er is nog geen opslag. Maak hem nu: u wordt de eerste gebruiker, "
                "de beheerder. Alle gegevens worden versleuteld opgeslagen; zonder uw "
                "wachtwoord of de herstelcode kan niemand ze lezen, ook de leverancier niet."
            ),
            page,
        )
        intro.setWordWrap(True)

        self.folder_label = QLabel(str(self.folder), page)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        choose = QPushButton(self.tr("Andere map…"), page)
        choose.setObjectName("chooseFolderButton")
        choose.setAutoDefault(False)  # Enter in a field creates the store, never this
        choose.clicked.connect(self._choose_folder)
        self.choose_button = choose
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(choose)

        self.username_edit = QLineEdit(page)
        self.username_edit.setObjectName("username")
        self.username_edit.setPlaceholderText(self.tr("bijvoorbeeld: beheer"))
        self.display_name_edit = QLineEdit(page)
        self.display_name_edit.setObjectName("displayName")
        self.display_name_edit.setPlaceholderText(self.tr("naam zoals collega's hem zien"))
        self.passphrase_edit = QLineEdit(page)
        self.passphrase_edit.setObjectName("passphrase")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit(page)
        self.repeat_edit.setObjectName("passphraseRepeat")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength_bar = QProgressBar(page)
        self.strength_bar.setRange(0, 4)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setMaximumHeight(8)
        self.strength_label = QLabel(page)
        self.strength_label.setObjectName("strengthHint")
        self.strength_label.setWordWrap(True)
        self.error_label = QLabel(page)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")

        form = QFormLayout()
        form.addRow(self.tr("Map van de opslag"), folder_row)
        form.addRow(self.tr("Gebruikersnaam beheerder"), self.username_edit)
        form.addRow(self.tr("Weergavenaam"), self.display_name_edit)
        form.addRow(self.tr("Wachtwoord"), self.passphrase_edit)
        form.addRow("", self.strength_bar)
        form.addRow("", self.strength_label)
        form.addRow(self.tr("Wachtwoord herhalen"), self.repeat_edit)

        self.create_button = QPushButton(self.tr("Opslag maken"), page)
        self.create_button.setObjectName("createButton")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_store)
        cancel = QPushButton(self.tr("Annuleren"), page)
        cancel.setObjectName("cancelButton")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.cancel_button = cancel
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.create_button)

        local = QVBoxLayout(self.local_part)
        local.setContentsMargins(0, 0, 0, 0)
        local.addWidget(intro)
        local.addLayout(form)
        layout = QVBoxLayout(page)
        layout.addLayout(choice_row)
        layout.addWidget(self.local_part)
        layout.addWidget(self.centre_part)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.passphrase_edit.textChanged.connect(self._update_strength)
        # The name counts as guessable: the bar follows it as the policy does.
        self.username_edit.textChanged.connect(
            lambda _: self._update_strength(self.passphrase_edit.text())
        )
        self._update_strength("")
        return page

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Kies een lege map voor de opslag"), str(self.folder.parent)
        )
        if chosen:
            self.folder = Path(chosen)
            self.folder_label.setText(chosen)

    def _update_strength(self, text: str) -> None:
        score = passphrase_strength(text, (self.username_edit.text().strip(),))
        self.strength_bar.setValue(score)
        self.strength_label.setText(strength_hint(score, typed=bool(text)))
        self.strength_bar.setStyleSheet(
            f"QProgressBar::chunk {{ background-color: {COLOURS[score]}; }}" if text else ""
        )

    def _check_input(self) -> tuple[str, str, str] | None:
        username = self.username_edit.text().strip()
        passphrase = self.passphrase_edit.text()
        if not username:
            self._refuse(self.tr("Vul een gebruikersnaam in."), self.username_edit)
            return None
        try:
            setup.check_new_store_folder(self.folder)
        except ValidationError as exc:
            self._refuse(exc.message, self.choose_button)
            return None
        try:
            check_passphrase_policy(passphrase, (username,))
        except ValidationError as exc:
            self._refuse(exc.message, self.passphrase_edit)
            return None
        if passphrase != self.repeat_edit.text():
            self._refuse(
                self.tr("De twee wachtwoorden zijn niet gelijk. Typ het wachtwoord opnieuw."),
                self.repeat_edit,
            )
            return None
        return username, passphrase, self.display_name_edit.text().strip() or username

    def _refuse(self, message: str, field: QWidget) -> None:
        self.error_label.setText(message)
        field.setFocus()

    def choose_centre(self) -> None:
        """Take the centre's address (checked here: one line on what is wrong) and close;
        the caller signs in."""
        problem = self.centre_fields.problem()
        if problem is not None:
            self._refuse(problem, self.centre_fields.url_edit)
            return
        self.centre = self.centre_fields.address()
        self.accept()

    def create_store(self) -> None:
        if self.centre_choice.isChecked():
            self.choose_centre()
            return
        checked = self._check_input()
        if checked is None:
            return
        username, passphrase, display_name = checked
        self.error_label.clear()
        self._set_busy(True)
        folder, clock = self.folder, self._clock
        run_operation(
            self,
            lambda: setup.create_store(folder, username, passphrase, display_name, clock),
            self._created,
            self._failed,
            progress=self.tr("De versleutelde opslag wordt gemaakt…"),
        )

    def _set_busy(self, busy: bool) -> None:
        """While the store is made nothing can be changed or cancelled: a store half
        made and a dialog already closed would leave the user without the code."""
        self._busy = busy
        self.create_button.setEnabled(not busy)
        self.create_button.setText(self.tr("Bezig met maken…") if busy else self._button_text())
        for widget in (
            self.cancel_button,
            self.choose_button,
            self.username_edit,
            self.display_name_edit,
            self.passphrase_edit,
            self.repeat_edit,
            self.local_choice,
            self.centre_choice,
        ):
            widget.setEnabled(not busy)

    def _failed(self, exc: BaseException) -> None:
        errors.log_exception(exc)
        self._set_busy(False)
        if errors.as_known_error(exc) is None and isinstance(exc, OSError):
            self.error_label.setText(self.folder_problem(exc))
            self.choose_button.setFocus()
            return
        self.error_label.setText(errors.message_for(exc))

    def folder_problem(self, exc: OSError) -> str:
        """What is wrong with the chosen folder, in Dutch (the system's own text is
        English and says nothing to a coordinator)."""
        reasons = {
            errno.ENOENT: self.tr(
                "de map, of een map erboven, bestaat niet en kan niet worden gemaakt"
            ),
            errno.ENOTDIR: self.tr("een deel van het pad is een bestand, geen map"),
            errno.EACCES: self.tr("u mag in deze map niet schrijven"),
            errno.EPERM: self.tr("u mag in deze map niet schrijven"),
            errno.EROFS: self.tr("de schijf is alleen-lezen"),
            errno.ENOSPC: self.tr("de schijf is vol"),
        }
        reason = reasons.get(exc.errno or 0, self.tr("de map kan niet worden gebruikt"))
        return self.tr(
            "De opslag kan niet in {folder} worden gemaakt: {reason}. Kies met 'Andere map…' "
            "een map waarin u mag schrijven, bijvoorbeeld in uw documentenmap."
        ).format(folder=self.folder, reason=reason)

    def _created(self, result: tuple[ServiceContext, str]) -> None:
        self._set_busy(False)
        ctx, code = result
        self.context = ctx
        self.passphrase_edit.clear()
        self.repeat_edit.clear()
        self.show_recovery_code(code)

    def show_recovery_code(self, code: str) -> None:
        """Step 2: the code, once, until the user confirms it is stored."""
        self._steps.setCurrentIndex(1)
        self.code_step.show_code(code, self.folder)

    # ------------------------------------------------------------------ step 2

    def _build_code_step(self) -> QWidget:
        self.code_step = RecoveryCodeStep(
            self.tr(
                "De opslag is gemaakt. Dit is de herstelcode. Hiermee kunt u de opslag "
                "openen als uw wachtwoord kwijt is. Hij wordt maar één keer getoond: druk "
                "hem af of schrijf hem over en bewaar hem achter slot, niet bij de computer."
            ),
            "recoveryCode",
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
        # Not while the store is being made; once it exists, the dialog only closes
        # after the code was confirmed.
        if self._busy or (self._steps.currentIndex() == 1 and not self._code_saved):
            return
        super().reject()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._steps.currentIndex() == 1 and event.matches(QKeySequence.StandardKey.Cancel):
            return
        super().keyPressEvent(event)
