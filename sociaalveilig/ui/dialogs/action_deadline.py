"""Give an open action a new deadline, with the reason (it goes into the case's history)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDateEdit, QPlainTextEdit, QWidget

from sociaalveilig.services import actions
from sociaalveilig.services.actions import ActionRow
from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui.dialogs.service_form import ServiceFormDialog
from sociaalveilig.ui.dutch import dutch, to_date


class ActionDeadlineDialog(ServiceFormDialog):
    def __init__(
        self, ctx: ServiceContext, action: ActionRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, "", parent)
        self.setWindowTitle(self.tr("Nieuwe deadline voor {ref}").format(ref=action.reference))
        self._action_id = action.action_id
        self.set_version(action.version)
        self.set_intro(
            self.tr("{type} door {owner}; de deadline is nu {deadline}.").format(
                type=action.type_label,
                owner=action.owner_name,
                deadline=action.deadline.strftime("%d-%m-%Y"),
            )
        )
        self.deadline = QDateEdit(self)
        self.deadline.setObjectName("newDeadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("dd-MM-yyyy")
        dutch(self.deadline)
        day = action.deadline
        self.deadline.setDate(QDate(day.year, day.month, day.day))
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("deadlineReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(80)
        self.add_row(self.tr("&Nieuwe deadline:"), self.deadline, "deadline")
        self.add_row(self.tr("&Reden:"), self.reason, "reason")
        # Enter in the reason makes a new line; Ctrl+Enter saves.
        QShortcut(QKeySequence("Ctrl+Return"), self, self.on_save)
        self.resize(440, self.sizeHint().height())
        # Opened, the day is selected: the new date can be typed at once (day, month, year).
        self.deadline.setFocus()
        self.deadline.setSelectedSection(QDateEdit.Section.DaySection)

    def on_save(self) -> None:
        day = to_date(self.deadline.date())
        reason = self.reason.toPlainText()
        if not reason.strip():
            self.refuse(self.tr("Geef een reden waarom de deadline verschuift."), "reason")
            return
        action_id, version = self._action_id, self.expected_version
        self.submit(
            lambda ctx: actions.change_action_deadline(
                ctx, action_id, day, reason, expected_version=version
            )
        )
