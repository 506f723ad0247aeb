"""Finish an action: done with a short result, or dropped (vervallen) with a reason.

Opened from a reminder ("Gedaan…") or a worklist row; saves through
``actions.change_action_status``. The result or reason goes into the action's history.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QButtonGroup, QPlainTextEdit, QRadioButton, QVBoxLayout, QWidget

from sociaalveilig.core.enums import ActionStatus
from sociaalveilig.services import actions
from sociaalveilig.services.actions import ActionRow
from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui.dialogs.service_form import ServiceFormDialog


class CompleteActionDialog(ServiceFormDialog):
    def __init__(
        self, ctx: ServiceContext, action: ActionRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, "", parent)
        self.setWindowTitle(self.tr("Actie afronden"))
        self.action_row = action
        self.set_version(action.version)
        late = (
            self.tr(" · {n} dagen over de termijn").format(n=action.overdue_days)
            if action.overdue_days > 0
            else ""
        )
        self.set_intro(
            self.tr("Actie {ref}: {type} door {owner} (casus {case}), deadline {deadline}{late}.")
            .format(
                ref=action.reference,
                type=action.type_label.lower(),
                owner=action.owner_name,
                case=action.case_reference,
                deadline=f"{action.deadline:%d-%m-%Y}",
                late=late,
            )
        )
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.done_choice = QRadioButton(self.tr("&Afgerond: de actie is uitgevoerd"), box)
        self.done_choice.setObjectName("actionDone")
        self.drop_choice = QRadioButton(self.tr("&Vervallen: de actie is niet meer nodig"), box)
        self.drop_choice.setObjectName("actionDropped")
        self.group = QButtonGroup(self)
        for button in (self.done_choice, self.drop_choice):
            self.group.addButton(button)
            column.addWidget(button)
        self.done_choice.setChecked(True)
        self.result_text = QPlainTextEdit(self)
        self.result_text.setObjectName("actionResult")
        self.result_text.setTabChangesFocus(True)
        self.result_text.setMinimumHeight(90)
        self.result_text.setPlaceholderText(
            self.tr("Kort: wat is er gedaan en wat kwam eruit? Geen namen.")
        )
        self.add_row(self.tr("Afronding:"), box, "status")
        self.add_row(self.tr("&Resultaat of reden:"), self.result_text, "reason")
        self.save_button.setText(self.tr("Afronden"))
        # Enter makes a new line in the text; Ctrl+Enter saves.
        QShortcut(QKeySequence("Ctrl+Return"), self, self.on_save)
        self.result_text.setFocus()
        self.resize(520, self.sizeHint().height())

    def chosen_status(self) -> ActionStatus:
        return ActionStatus.VERVALLEN if self.drop_choice.isChecked() else ActionStatus.AFGEROND

    def on_save(self) -> None:
        status = self.chosen_status()
        text = self.result_text.toPlainText().strip()
        if not text:
            self.refuse(
                self.tr("Schrijf kort het resultaat op.")
                if status is ActionStatus.AFGEROND
                else self.tr("Geef een reden waarom de actie vervalt."),
                "reason",
            )
            return
        action_id, version = self.action_row.action_id, self.expected_version
        self.submit(
            lambda ctx: actions.change_action_status(
                ctx, action_id, status, text, expected_version=version
            )
        )
