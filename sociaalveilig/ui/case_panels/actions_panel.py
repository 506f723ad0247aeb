"""The actions of one case, with the steps that bring each to its end.

An action is started, completed with a short result, cancelled with a reason, or given a
new deadline with a reason. Only the steps the workflow allows from its status, and that
the user may take (a partner its own organisation's actions; the coordinator and the
wijkagent of the area any), are enabled; the services check the same. Keys: Enter or
Ctrl+Enter on a row asks for its result; Alt+S starts, Alt+R completes, Alt+V cancels,
Alt+D moves the deadline.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from sociaalveilig.core.enums import ActionStatus
from sociaalveilig.core.errors import StaleEdit
from sociaalveilig.core.workflow import WorkflowKind, allowed_next
from sociaalveilig.services import actions
from sociaalveilig.services.actions import ActionRow
from sociaalveilig.services.case_work import CaseWork
from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui import errors
from sociaalveilig.ui.case_panels import work_models
from sociaalveilig.ui.case_panels.work_models import CaseActionsModel
from sociaalveilig.ui.dialogs.action_deadline import ActionDeadlineDialog
from sociaalveilig.ui.dialogs.reason import ReasonDialog
from sociaalveilig.ui.operations import run_operation
from sociaalveilig.ui.record_view import RecordView


class ActionsPanel(QWidget):
    """``changed`` with the ``ActionRow`` after a step was saved, or with the ``StaleEdit``
    when another user changed the action first (the case and its work reload)."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx: ServiceContext | None = None
        self.work: CaseWork | None = None
        self.last_dialog: QWidget | None = None

        self.model = CaseActionsModel(self)
        self.view = RecordView("caseActions", self)
        self.view.setModel(self.model)
        self.view.fit_columns({0: 110, 1: 170, 2: 170, 3: 200, 4: 100})
        self.view.horizontalHeader().setSectionResizeMode(
            work_models.COL_ACTION_DESCRIPTION, QHeaderView.ResizeMode.Stretch
        )
        self.view.current_row_changed.connect(self._update_buttons)
        self.view.activated_row.connect(self._row_activated)

        self.start_button = self._button("startAction", self.tr("&Starten"))
        self.start_button.setToolTip(self.tr("De actie is begonnen (in uitvoering)."))
        self.start_button.clicked.connect(self.start_action)
        self.complete_button = self._button("completeAction", self.tr("Af&ronden…"))
        self.complete_button.setToolTip(
            self.tr("De actie is klaar; schrijf kort wat ze opleverde (Ctrl+Enter).")
        )
        self.complete_button.clicked.connect(self.complete_action)
        self.cancel_button = self._button("cancelAction", self.tr("&Vervallen…"))
        self.cancel_button.setToolTip(self.tr("De actie gaat niet door; geef de reden."))
        self.cancel_button.clicked.connect(self.cancel_action)
        self.deadline_button = self._button("moveDeadline", self.tr("Nieuwe &deadline…"))
        self.deadline_button.clicked.connect(self.move_deadline)
        self.hint = QLabel(self)
        self.hint.setObjectName("actionsHint")
        self.hint.setStyleSheet("color: #555;")

        buttons = QHBoxLayout()
        for button in (
            self.start_button,
            self.complete_button,
            self.cancel_button,
            self.deadline_button,
        ):
            buttons.addWidget(button)
        buttons.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        QShortcut(
            QKeySequence("Ctrl+Return"),
            self.view,
            self.complete_action,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.clear()

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        return button

    # ------------------------------------------------------------------ state

    def set_context(self, ctx: ServiceContext | None) -> None:
        self._ctx = ctx
        if ctx is None:
            self.clear()

    def clear(self) -> None:
        self.work = None
        self.model.clear()
        self.hint.clear()
        self._update_buttons()

    def show_work(self, work: CaseWork) -> None:
        keep = self.current_action()
        self.work = work
        self.model.set_rows(work.actions)
        if keep is not None and self.model.row_of(keep.action_id) >= 0:
            self.view.select_row(self.model.row_of(keep.action_id))
        elif work.actions:
            first_open = next(
                (i for i, a in enumerate(self.model.rows) if work.may_update(a)), 0
            )
            self.view.select_row(first_open)
        if not work.actions:
            self.hint.setText(self.tr("Nog geen acties op deze casus."))
        elif work.own_partner_id is not None:
            self.hint.setText(self.tr("U kunt de acties van uw eigen organisatie bijwerken."))
        else:
            self.hint.clear()
        self._update_buttons()

    def current_action(self) -> ActionRow | None:
        row = self.model.row_object(self.view.current_row())
        return row if isinstance(row, ActionRow) else None

    def select_action(self, action_id: str) -> None:
        row = self.model.row_of(action_id)
        if row >= 0:
            self.view.select_row(row)

    def _allowed(self, action: ActionRow | None) -> frozenset[ActionStatus]:
        if action is None or self.work is None or not self.work.may_update(action):
            return frozenset()
        return frozenset(
            ActionStatus(s) for s in allowed_next(WorkflowKind.ACTION, action.status)
        )

    def _update_buttons(self, _row: int = -1) -> None:
        action = self.current_action()
        allowed = self._allowed(action)
        self.start_button.setEnabled(ActionStatus.IN_UITVOERING in allowed)
        self.complete_button.setEnabled(ActionStatus.AFGEROND in allowed)
        self.cancel_button.setEnabled(ActionStatus.VERVALLEN in allowed)
        self.deadline_button.setEnabled(
            action is not None
            and action.status.is_open
            and self.work is not None
            and self.work.may_plan
        )
        has_rows = self.work is not None and bool(self.work.actions)
        for button in (self.start_button, self.complete_button, self.cancel_button):
            button.setVisible(has_rows)
        # Only who plans the case's work moves a deadline: a partner never sees the button.
        self.deadline_button.setVisible(has_rows and self.work is not None and self.work.may_plan)

    def _row_activated(self, _row: int) -> None:
        # Enter or a double click asks for the result (a dialog that Esc cancels); starting
        # cannot be undone, so it takes its own button (Alt+S).
        if self.complete_button.isEnabled():
            self.complete_action()

    # ------------------------------------------------------------------ steps

    def start_action(self) -> None:
        ctx, action = self._ctx, self.current_action()
        if ctx is None or action is None or not self.start_button.isEnabled():
            return
        action_id, version = action.action_id, action.version
        self.start_button.setEnabled(False)
        run_operation(
            self,
            lambda: actions.change_action_status(
                ctx, action_id, ActionStatus.IN_UITVOERING, expected_version=version
            ),
            self.changed.emit,
            self._refused,
        )

    def complete_action(self) -> ReasonDialog | None:
        action = self.current_action()
        if action is None or not self.complete_button.isEnabled():
            return None
        action_id = action.action_id
        return self._ask(
            self.tr("Actie {ref} afronden").format(ref=action.reference),
            self.tr(
                "{type} door {owner}. Wat heeft de actie opgeleverd? Schrijf het kort, "
                "zonder namen."
            ).format(type=action.type_label, owner=action.owner_name),
            lambda ctx, text, version: actions.complete_action(
                ctx, action_id, text, expected_version=version
            ),
            self.tr("&Resultaat:"),
            ("result", "reason"),
            self.tr("Afronden"),
            action.version,
        )

    def cancel_action(self) -> ReasonDialog | None:
        action = self.current_action()
        if action is None or not self.cancel_button.isEnabled():
            return None
        action_id = action.action_id
        return self._ask(
            self.tr("Actie {ref} laten vervallen").format(ref=action.reference),
            self.tr("{type} door {owner} gaat niet door. Waarom niet?").format(
                type=action.type_label, owner=action.owner_name
            ),
            lambda ctx, text, version: actions.change_action_status(
                ctx, action_id, ActionStatus.VERVALLEN, text, expected_version=version
            ),
            self.tr("&Reden:"),
            ("reason",),
            self.tr("Laten vervallen"),
            action.version,
        )

    def move_deadline(self) -> ActionDeadlineDialog | None:
        ctx, action = self._ctx, self.current_action()
        if ctx is None or action is None or not self.deadline_button.isEnabled():
            return None
        dialog = ActionDeadlineDialog(ctx, action, self)
        dialog.setObjectName("actionDeadlineDialog")
        self._open(dialog)
        return dialog

    def _ask(
        self,
        title: str,
        prompt: str,
        call: Callable[[ServiceContext, str, int | None], Any],
        label: str,
        fields: tuple[str, ...],
        save_text: str,
        version: int,
    ) -> ReasonDialog | None:
        if self._ctx is None:
            return None
        dialog = ReasonDialog(
            self._ctx, title, prompt, call, self, label=label, field_names=fields,
            save_text=save_text, version=version,
        )
        dialog.setObjectName("actionStepDialog")
        self._open(dialog)
        return dialog

    def _open(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.changed.emit)  # type: ignore[attr-defined]
        # Another user changed the action first: the dialog keeps the input, the case
        # and its actions reload beside it.
        dialog.stale.connect(self.changed.emit)  # type: ignore[attr-defined]
        self.last_dialog = dialog
        dialog.open()  # type: ignore[attr-defined]

    def _refused(self, exc: BaseException) -> None:
        self._update_buttons()
        errors.show_error(self, exc)
        if isinstance(exc, StaleEdit):
            self.changed.emit(exc)
