"""Add an action to a case from the case itself: type, owner partner, deadline, what."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QWidget

from sociaalveilig.core.enums import ActionType
from sociaalveilig.services import actions
from sociaalveilig.services.actions import ActionInput
from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui.dialogs.service_form import ServiceFormDialog
from sociaalveilig.ui.dutch import dutch, to_date

DEFAULT_TERM = timedelta(days=14)


class NewActionDialog(ServiceFormDialog):
    """Saves through ``actions.create_action``; ``saved`` carries the new ``ActionRow``."""

    def __init__(
        self,
        ctx: ServiceContext,
        case_id: str,
        case_reference: str,
        partners: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, "", parent)
        self.setWindowTitle(self.tr("Actie toevoegen aan {ref}").format(ref=case_reference))
        self._case_id = case_id
        self.action_type = QComboBox(self)
        self.action_type.setObjectName("newActionType")
        for kind in ActionType:
            self.action_type.addItem(kind.label, kind.value)
        self.owner = QComboBox(self)
        self.owner.setObjectName("newActionOwner")
        self.owner.addItem(self.tr("— kies de partner —"), None)
        for partner_id, name in partners:
            self.owner.addItem(name, partner_id)
        self.deadline = QDateEdit(self)
        self.deadline.setObjectName("newActionDeadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("dd-MM-yyyy")
        dutch(self.deadline)
        first = ctx.clock.now().date() + DEFAULT_TERM
        self.deadline.setDate(QDate(first.year, first.month, first.day))
        self.description = QLineEdit(self)
        self.description.setObjectName("newActionDescription")
        self.description.setPlaceholderText(self.tr("wat precies (optioneel, geen namen)"))
        self.add_row(self.tr("&Soort actie:"), self.action_type, "action_type")
        self.add_row(self.tr("&Eigenaar:"), self.owner, "owner_partner_id")
        self.add_row(self.tr("&Deadline:"), self.deadline, "deadline")
        self.add_row(self.tr("&Wat:"), self.description, "description")
        self.resize(460, self.sizeHint().height())

    def action_input(self) -> ActionInput:
        day: date = to_date(self.deadline.date())
        return ActionInput(
            action_type=str(self.action_type.currentData()),
            owner_partner_id=self.owner.currentData(),
            deadline=day,
            description=self.description.text() or None,
        )

    def on_save(self) -> None:
        inp = self.action_input()
        case_id = self._case_id
        self.submit(lambda ctx: actions.create_action(ctx, case_id, inp))
