"""Give a user another role, organisation or focus areas (Beheer › Gebruikers)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from sociaalveilig.core.enums import Role
from sociaalveilig.services import users
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.users import UserInfo

from sociaalveilig.ui.check_list import CheckList
from sociaalveilig.ui.choices import Choices
from sociaalveilig.ui.dialogs.service_form import ServiceFormDialog

# The roles whose work follows focus areas (a wijkagent sees only their own areas).
AREA_ROLES = frozenset({Role.WIJKAGENT, Role.COORDINATOR, Role.MANAGER})


class ChangeRoleDialog(ServiceFormDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        user: UserInfo,
        choices: Choices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, "", parent)
        self.user = user
        self.set_version(user.version)
        self.setWindowTitle(self.tr("Rol wijzigen: {user}").format(user=user.username))
        self.set_intro(
            self.tr(
                "De nieuwe rol geldt vanaf de volgende keer dat {name} de opslag opent. "
                "Het wachtwoord blijft hetzelfde."
            ).format(name=user.display_name)
        )
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        for role in Role:
            self.role.addItem(role.label, role.value)
        self.role.setCurrentIndex(self.role.findData(user.role.value))
        self.partner = QComboBox(self)
        self.partner.setObjectName("partner")
        self.partner.addItem(self.tr("(kies een organisatie)"), None)
        for partner in choices.partners:
            self.partner.addItem(partner.name, partner.name)
        if user.partner is not None:
            if self.partner.findData(user.partner) < 0:
                # A partner that was deactivated meanwhile: shown, so nothing changes
                # unnoticed; the service refuses it if it is kept.
                self.partner.addItem(user.partner, user.partner)
            self.partner.setCurrentIndex(self.partner.findData(user.partner))
        self.partner_note = QLabel(
            self.tr("Alleen een partnergebruiker hoort bij een organisatie."), self
        )
        self.partner_note.setObjectName("partnerNote")
        self.partner_note.setWordWrap(True)
        self.partner_note.setStyleSheet("color: #555;")
        self.areas = CheckList(self)
        self.areas.setObjectName("areas")
        self.areas.set_items([(a.name, a.name) for a in choices.areas], checked=user.areas)

        self.add_row(self.tr("&Rol:"), self.role, "role")
        self.add_row(self.tr("&Organisatie:"), self.partner, "partner")
        self.add_row("", self.partner_note)
        self.add_row(self.tr("&Focusgebieden:"), self.areas, "areas")
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()
        self.save_button.setText(self.tr("Rol opslaan"))
        self.resize(480, self.sizeHint().height())

    def chosen_role(self) -> Role:
        return Role(self.role.currentData())

    def _role_changed(self) -> None:
        role = self.chosen_role()
        self.partner.setEnabled(role is Role.PARTNER)
        self.partner_note.setVisible(role is not Role.PARTNER)
        self.areas.setEnabled(role in AREA_ROLES)

    def on_save(self) -> None:
        role = self.chosen_role()
        partner = self.partner.currentData() if role is Role.PARTNER else None
        if role is Role.PARTNER and not partner:
            self.refuse(
                self.tr("Een partnergebruiker hoort bij een organisatie: kies er een."),
                "partner",
            )
            return
        areas = self.areas.checked() if role in AREA_ROLES else []
        username, version = self.user.username, self.expected_version
        self.submit(
            lambda ctx: users.change_role(
                ctx, username, role.value, partner=partner, areas=areas, expected_version=version
            )
        )
