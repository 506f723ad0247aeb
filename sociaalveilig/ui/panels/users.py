"""Beheer › Gebruikers: who may open the store, in which role, for which organisation.

The beheerder adds users, changes a role (with organisation and focus areas), takes access
away (the account stays for the audit trail; its key slot is removed) and gives it back
with a new passphrase. The services refuse what would lock everyone out (the last
beheerder, one's own account); the refusal is shown as a plain message.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.services import centre_sessions, remote, users
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.users import UserInfo

from sociaalveilig.ui.choices import Choices, load_choices
from sociaalveilig.ui.dialogs.add_user import AddUserDialog
from sociaalveilig.ui.dialogs.change_role import ChangeRoleDialog
from sociaalveilig.ui.dialogs.reactivate_user import ReactivateUserDialog
from sociaalveilig.ui.models.user_table import UserTableModel
from sociaalveilig.ui.pages.base import Page
from sociaalveilig.ui.record_view import RecordView


class UsersPanel(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = Choices()
        self.last_dialog: QWidget | None = None
        self.last_message = ""
        self._select_after_load: str | None = None
        self.model = UserTableModel(self)
        self.view = RecordView("users", self)
        self.view.setModel(self.model)
        self.view.current_row_changed.connect(self._row_changed)
        self.view.activated_row.connect(self._row_activated)
        self.add_button = QPushButton(self.tr("&Gebruiker toevoegen…"), self)
        self.add_button.setObjectName("addUser")
        self.add_button.clicked.connect(self.add_user)
        self.role_button = QPushButton(self.tr("&Rol wijzigen…"), self)
        self.role_button.setObjectName("changeRole")
        self.role_button.clicked.connect(self.change_role)
        self.deactivate_button = QPushButton(self.tr("&Toegang intrekken…"), self)
        self.deactivate_button.setObjectName("deactivateUser")
        self.deactivate_button.setToolTip(
            self.tr(
                "De gebruiker kan de opslag niet meer openen. Het account blijft bestaan "
                "voor het logboek."
            )
        )
        self.deactivate_button.clicked.connect(self._deactivate_clicked)
        self.reactivate_button = QPushButton(self.tr("Toegang &herstellen…"), self)
        self.reactivate_button.setObjectName("reactivateUser")
        self.reactivate_button.setToolTip(self.tr("Weer toegang geven, met een nieuw wachtwoord."))
        self.reactivate_button.clicked.connect(self.reactivate)
        self.end_sessions_button = QPushButton(self.tr("&Sessies beëindigen…"), self)
        self.end_sessions_button.setObjectName("endSessions")
        self.end_sessions_button.setToolTip(
            self.tr("Meld deze gebruiker af op elke werkplek die met het centrum verbonden is "
                    "(bijvoorbeeld na verlies van een laptop).")
        )
        self.end_sessions_button.clicked.connect(self._end_sessions_clicked)
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
        buttons.addWidget(self.role_button)
        buttons.addWidget(self.deactivate_button)
        buttons.addWidget(self.reactivate_button)
        buttons.addWidget(self.end_sessions_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._row_changed(-1)

    def title(self) -> str:
        return self.tr("Gebruikers")

    def refresh(self) -> None:
        self.run(self._load, self._loaded)

    @staticmethod
    def _load(ctx: ServiceContext) -> tuple[list[UserInfo], Choices]:
        return users.list_users(ctx), load_choices(ctx)

    def _loaded(self, result: tuple[list[UserInfo], Choices]) -> None:
        rows, choices = result
        selected = self.selected()
        keep = self._select_after_load or (selected.user_id if selected else None)
        self._select_after_load = None
        self.model.set_rows(rows)
        self.choices = choices
        self.view.fit_columns()
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.view.select_row(row)
        self._row_changed(self.view.current_row())

    def clear(self) -> None:
        self.model.clear()
        self.choices = Choices()
        self._select_after_load = None
        self._row_changed(-1)

    # ------------------------------------------------------------------ selection

    def selected(self) -> UserInfo | None:
        return self.model.row_object(self.view.current_row())

    def _row_changed(self, _row: int) -> None:
        user = self.selected()
        me = self.ctx.actor.user_id if self.ctx is not None else None
        self.role_button.setEnabled(user is not None)
        self.deactivate_button.setEnabled(user is not None and user.active and user.user_id != me)
        self.reactivate_button.setEnabled(user is not None and not user.active)
        # Sessions live only on a centre; a desk's own store has none to end.
        on_centre = self.ctx is not None and remote.is_remote(self.ctx)
        self.end_sessions_button.setVisible(on_centre)
        self.end_sessions_button.setEnabled(on_centre and user is not None)

    def _row_activated(self, _row: int) -> None:
        self.change_role()

    # ------------------------------------------------------------------ dialogs

    def _open(self, dialog: QWidget, name: str) -> None:
        dialog.setObjectName(name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.open()  # type: ignore[attr-defined]

    def add_user(self) -> AddUserDialog | None:
        if self.ctx is None:
            return None
        dialog = AddUserDialog(self.ctx, self.choices, self)
        dialog.saved.connect(self._user_saved)
        self._open(dialog, "addUserDialog")
        return dialog

    def change_role(self) -> ChangeRoleDialog | None:
        user = self.selected()
        if self.ctx is None or user is None:
            return None
        dialog = ChangeRoleDialog(self.ctx, user, self.choices, self)
        dialog.saved.connect(self._user_saved)
        dialog.stale.connect(self._access_changed)  # another beheerder changed the user
        self._open(dialog, "changeRoleDialog")
        return dialog

    def reactivate(self) -> ReactivateUserDialog | None:
        user = self.selected()
        if self.ctx is None or user is None or user.active:
            return None
        self._select_after_load = user.user_id
        dialog = ReactivateUserDialog(self.ctx, user, self)
        dialog.saved.connect(self._access_changed)
        dialog.stale.connect(self._access_changed)
        self._open(dialog, "reactivateUserDialog")
        return dialog

    def _user_saved(self, user: UserInfo) -> None:
        self._select_after_load = user.user_id
        self.data_changed.emit()
        self.refresh()

    def _access_changed(self, _result: object) -> None:
        self.data_changed.emit()
        self.refresh()

    # ------------------------------------------------------------------ deactivate

    def _deactivate_clicked(self) -> None:
        self.deactivate(confirm=True)

    def deactivate(self, confirm: bool = True) -> None:
        """Take the selected user's access away (after a question, unless told not to)."""
        user = self.selected()
        if self.ctx is None or user is None or not user.active:
            return
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Toegang intrekken"),
                self.tr(
                    "{name} ({user}) kan de opslag daarna niet meer openen. Het account "
                    "blijft bewaard voor het logboek; u kunt later weer toegang geven met "
                    "een nieuw wachtwoord.\n\nToegang intrekken?"
                ).format(name=user.display_name, user=user.username),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        username, version = user.username, user.version
        self._select_after_load = user.user_id
        self.run(
            lambda ctx: users.deactivate_user(ctx, username, expected_version=version),
            self._access_changed,
        )

    # ------------------------------------------------------------------ sessions

    def _end_sessions_clicked(self) -> None:
        self.end_sessions(confirm=True)

    def end_sessions(self, confirm: bool = True) -> None:
        """End every session of the selected user at the centre (after a question)."""
        user = self.selected()
        if self.ctx is None or user is None or not remote.is_remote(self.ctx):
            return
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Sessies beëindigen"),
                self.tr(
                    "{name} ({user}) wordt afgemeld op elke werkplek die met het centrum "
                    "verbonden is en moet zich opnieuw aanmelden.\n\nSessies beëindigen?"
                ).format(name=user.display_name, user=user.username),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        username, name = user.username, user.display_name
        self.run(
            lambda ctx: centre_sessions.end_sessions(ctx, username),
            lambda count: self._sessions_ended(name, count),
        )

    def _sessions_ended(self, name: str, count: int) -> None:
        self.last_message = (
            self.tr("{name} is afgemeld op {count} werkplek(ken).").format(name=name, count=count)
            if count
            else self.tr("{name} had geen open sessies.").format(name=name)
        )
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(self.last_message, 8000)

