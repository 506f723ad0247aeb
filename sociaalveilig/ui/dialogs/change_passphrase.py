"""Instellingen → Wachtwoord wijzigen: the signed-in user's own passphrase (old, new twice).

The old passphrase is checked like a sign-in (slowed down after failures); only the user's
own key slot is rewrapped, the database is untouched; the change is audit-logged.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from sociaalveilig.core.errors import AuthenticationError
from sociaalveilig.services import users
from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui.dialogs.service_form import ServiceFormDialog
from sociaalveilig.ui.passphrase_fields import PassphraseFields


class ChangePassphraseDialog(ServiceFormDialog):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "", parent)
        self.setObjectName("changePassphraseDialog")
        self.setWindowTitle(self.tr("Wachtwoord wijzigen"))
        self.set_intro(
            self.tr(
                "Typ uw huidige wachtwoord en kies een nieuw. Alleen uw eigen sleutel wordt "
                "opnieuw versleuteld; de gegevens blijven zoals ze zijn."
            )
        )
        self.old = QLineEdit(self)
        self.old.setObjectName("oldPassphrase")
        self.old.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_row(self.tr("&Huidig wachtwoord:"), self.old, "old")
        self.secret = PassphraseFields(self)
        self.secret.set_user_inputs((ctx.actor.username, ctx.actor.display_name))
        self.secret.add_to(
            self.form, self.tr("&Nieuw wachtwoord:"), self.tr("&Herhaal nieuw wachtwoord:")
        )
        self.register_field("passphrase", self.secret.passphrase)
        self.register_field("repeat", self.secret.repeat)
        self.save_button.setText(self.tr("Wachtwoord wijzigen"))
        self.resize(480, self.sizeHint().height())
        self.old.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_save(self) -> None:
        old = self.old.text()
        if not old:
            self.refuse(self.tr("Vul uw huidige wachtwoord in."), "old")
            return
        if not self.secret.matches():
            self.refuse(self.tr("De twee nieuwe wachtwoorden zijn niet gelijk. Typ ze opnieuw."),
                        "repeat")
            return
        new = self.secret.text()
        self.submit(
            lambda ctx: users.change_own_passphrase(ctx, old, new),
            progress=self.tr("Uw sleutel wordt opnieuw versleuteld…"),
        )

    def refused(self, exc: BaseException) -> None:
        super().refused(exc)
        # A wrong current passphrase: type it again; the new one may stay.
        if isinstance(exc, AuthenticationError):
            self.old.clear()
            self.old.setFocus(Qt.FocusReason.OtherFocusReason)
