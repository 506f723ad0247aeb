"""Beheer › Gebruikers: who may open the store, in which role, for which organisation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sociaalveilig.core.services import users
from sociaalveilig.core.services.users import UserInfo

from sociaalveilig.ui.choices import Choices, load_choices
from sociaalveilig.ui.dialogs.add_user import AddUserDialog
from sociaalveilig.ui.models.user_table import UserTableModel
from sociaalveilig.ui.pages.base import Page
from sociaalveilig.ui.record_view import RecordView


class UsersPanel(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = Choices()
        self.model = UserTableModel(self)
        self.view = RecordView("users", self)
        self.view.setModel(self.model)
        self.add_button = QPushButton(self.tr("&Gebruiker toevoegen…"), self)
        self.add_button.setObjectName("addUser")
        self.add_button.clicked.connect(self.add_user)
        intro = QLabel(
            self.tr(
                "Rollen: beheerder (inrichting, geen casusinhoud), coördinator (alle "
                "casussen), wijkagent (eigen focusgebieden), partner (casussen van de eigen "
                "overleggen en acties), manager (cijfers, gepseudonimiseerd)."
            ),
            self,
        )
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def title(self) -> str:
        return self.tr("Gebruikers")

    def refresh(self) -> None:
        self.run(
            lambda ctx: (users.list_users(ctx), load_choices(ctx)),
            lambda result: self._loaded(*result),
        )

    def _loaded(self, rows: list[UserInfo], choices: Choices) -> None:
        self.model.set_rows(rows)
        self.choices = choices
        self.view.fit_columns()

    def clear(self) -> None:
        self.model.clear()
        self.choices = Choices()

    def add_user(self) -> AddUserDialog | None:
        if self.ctx is None:
            return None
        dialog = AddUserDialog(self.ctx, self.choices, self)
        dialog.setObjectName("addUserDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._added)
        dialog.open()
        return dialog

    def _added(self, user: UserInfo) -> None:
        self.model.update_row(user)
        self.view.select_row(self.model.row_of(user.user_id))
        self.data_changed.emit()
