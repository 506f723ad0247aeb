"""Add a user: name, role, organisation, focus areas and a first passphrase."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from sociaalveilig.core.enums import Role
from sociaalveilig.services import users
from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui.check_list import CheckList
from sociaalveilig.ui.choices import Choices
from sociaalveilig.ui.dialogs.service_form import ServiceFormDialog
from sociaalveilig.ui.passphrase_fields import PassphraseFields


class AddUserDialog(ServiceFormDialog):
    def __init__(
        self, ctx: ServiceContext, choices: Choices, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, "", parent)
        self.setWindowTitle(self.tr("Gebruiker toevoegen"))
        self.set_intro(
            self.tr(
                "De gebruiker krijgt een eigen sleutel tot de opslag. Geef het wachtwoord "
                "persoonlijk door; de gebruiker wijzigt het bij voorkeur meteen."
            )
        )
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("displayName")
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        for role in Role:
            self.role.addItem(role.label, role.value)
        self.role.setCurrentIndex(self.role.findData(Role.COORDINATOR.value))
        self.partner = QComboBox(self)
        self.partner.setObjectName("partner")
        self.partner.addItem(self.tr("(geen)"), None)
        for partner in choices.partners:
            self.partner.addItem(partner.name, partner.name)
        self.areas = CheckList(self)
        self.areas.setObjectName("areas")
        self.areas.set_items([(a.name, a.name) for a in choices.areas])
        self.secret = PassphraseFields(self)
        self.passphrase = self.secret.passphrase
        self.repeat = self.secret.repeat

        self.add_row(self.tr("&Gebruikersnaam:"), self.username, "username")
        self.add_row(self.tr("&Naam:"), self.display_name, "display_name")
        self.add_row(self.tr("&Rol:"), self.role, "role")
        self.add_row(self.tr("&Organisatie:"), self.partner, "partner")
        self.add_row(self.tr("&Focusgebieden:"), self.areas, "areas")
        self.secret.add_to(self.form, self.tr("&Wachtwoord:"), self.tr("&Herhaal wachtwoord:"))
        self.register_field("passphrase", self.passphrase)
        self.register_field("repeat", self.repeat)
        self.register_field("wachtwoord", self.passphrase)
        # The name typed counts as guessable in the strength bar, as the policy counts it.
        self.username.textChanged.connect(
            lambda _: self.secret.set_user_inputs(
                (self.username.text().strip(), self.display_name.text().strip())
            )
        )
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()
        self.resize(480, self.sizeHint().height())
        # Typed keys go into the user name at once (the buttons come first in the focus chain).
        self.username.setFocus(Qt.FocusReason.OtherFocusReason)

    def _role_changed(self) -> None:
        role = Role(self.role.currentData())
        self.areas.setEnabled(role in (Role.WIJKAGENT, Role.COORDINATOR, Role.MANAGER))
        self.partner.setEnabled(role is not Role.BEHEERDER)

    def on_save(self) -> None:
        if self.passphrase.text() != self.repeat.text():
            self.refuse(
                self.tr("De twee wachtwoorden zijn niet gelijk. Typ ze opnieuw."), "repeat"
            )
            return
        username = self.username.text()
        role = str(self.role.currentData())
        passphrase = self.passphrase.text()
        display = self.display_name.text().strip() or None
        partner = self.partner.currentData() if self.partner.isEnabled() else None
        areas = self.areas.checked() if self.areas.isEnabled() else []
        self.submit(
            lambda ctx: users.add_user(
                ctx, username, role, passphrase, display_name=display, partner=partner,
                areas=areas,
            ),
            progress=self.tr("De sleutel van de gebruiker wordt gemaakt…"),
        )
