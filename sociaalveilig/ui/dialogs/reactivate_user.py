"""Give a deactivated user access again, with a new passphrase typed twice."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sociaalveilig.services import users
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.users import UserInfo

from sociaalveilig.ui.dialogs.service_form import ServiceFormDialog
from sociaalveilig.ui.passphrase_fields import PassphraseFields


class ReactivateUserDialog(ServiceFormDialog):
    def __init__(self, ctx: ServiceContext, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "", parent)
        self.user = user
        self.set_version(user.version)
        self.setWindowTitle(self.tr("Toegang herstellen: {user}").format(user=user.username))
        self.set_intro(
            self.tr(
                "{name} krijgt weer toegang met een nieuw wachtwoord. Geef het persoonlijk "
                "door; bij de volgende aanmelding moet de gebruiker het vervangen door een "
                "eigen wachtwoord. Rol en focusgebieden blijven zoals ze waren ({role})."
            ).format(name=user.display_name, role=user.role.label.lower())
        )
        self.secret = PassphraseFields(self)
        self.secret.set_user_inputs((user.username, user.display_name))
        self.passphrase = self.secret.passphrase
        self.repeat = self.secret.repeat
        self.secret.add_to(
            self.form, self.tr("&Nieuw wachtwoord:"), self.tr("&Herhaal wachtwoord:")
        )
        self.register_field("passphrase", self.passphrase)
        self.register_field("wachtwoord", self.passphrase)
        self.register_field("repeat", self.repeat)
        self.save_button.setText(self.tr("Toegang geven"))
        self.resize(480, self.sizeHint().height())

    def on_save(self) -> None:
        if not self.secret.matches():
            self.refuse(self.tr("De twee wachtwoorden zijn niet gelijk. Typ ze opnieuw."), "repeat")
            return
        username, version = self.user.username, self.expected_version
        passphrase = self.secret.text()
        self.submit(
            lambda ctx: users.reactivate_user(
                ctx, username, passphrase, expected_version=version
            ),
            progress=self.tr("De sleutel van de gebruiker wordt gemaakt…"),
        )
