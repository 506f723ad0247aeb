"""Minutes mode (verslag) of one meeting: per agenda item a decision and the actions agreed,
each with an owner partner and a deadline.

What is typed for an item is kept as a draft per item while the user moves between items,
and stays when the service refuses the decision; it is dropped only when saved (or when the
window locks). A view only: the Overleggen page saves through the service.

On an item about a loose signal the form also asks what happens to the signal
(``SignalOutcomeBox``: handled, rejected, a new case, linked, or it stays routed); the page
passes ``signal_outcome()`` with the decision.

On a centre the meeting follows other desks' changes (``follow_detail``): the items' rows
change in place; the item shown changes with them unless the user is writing its minutes
(the focus in its form, or something typed): then the text, the cursor and the focus stay,
a line says that a colleague changed the item, and the item is shown anew once the form is
left with nothing typed. A draft remembers the version of its item it was begun on
(``base_version``): saving it after a colleague's change is refused as stale (the page shows
who changed what; saving again applies the same input), never a silent overwrite.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.services.actions import ActionInput
from sociaalveilig.services.meeting_agenda import AgendaItemInfo, MeetingDetail
from sociaalveilig.services.signal_outcomes import OutcomeChoice

from sociaalveilig.ui.action_list_editor import ActionListEditor
from sociaalveilig.ui.choices import PartnerChoice
from sociaalveilig.ui.models.agenda_table import AgendaTableModel
from sociaalveilig.ui.models.pending_action_table import PendingAction
from sociaalveilig.ui.panels.signal_outcome_box import SignalOutcomeBox
from sociaalveilig.ui.record_view import RecordView


@dataclass
class Draft:
    decision: str = ""
    actions: list[PendingAction] = field(default_factory=list)
    signal_outcome: OutcomeChoice | None = None
    base_version: int | None = None
    """The version of the item when its minutes were begun (None: the version shown)."""


class MinutesEditor(QWidget):
    decision_requested = Signal(str, str, list)  # item id, decision, [ActionInput]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: MeetingDetail | None = None
        self.editable = False
        self.drafts: dict[str, Draft] = {}
        self._current_item: str | None = None
        self._shown_version: int | None = None
        """The version of the current item the form's input is based on."""
        self._saving: str | None = None
        self._following = False
        self._follow_pending = False
        """A change of the current item waits until the user leaves its form."""

        self.model = AgendaTableModel(self, movable=False)
        self.view = RecordView("minutesItems", self, sortable=False)
        self.view.setModel(self.model)
        self.view.current_row_changed.connect(self._item_changed)
        self.view.setMinimumWidth(160)
        # The item's address and reason show above the form; the list stays narrow.
        for column in (
            AgendaTableModel.COL_ADDRESS,
            AgendaTableModel.COL_CATEGORY,
            AgendaTableModel.COL_REASON,
        ):
            self.view.setColumnHidden(column, True)

        self.item_title = QLabel(self)
        self.item_title.setObjectName("minutesItemTitle")
        self.item_title.setWordWrap(True)
        font = self.item_title.font()
        font.setBold(True)
        self.item_title.setFont(font)

        # Page 0: form for an open item; page 1: what was decided.
        self.stack = QStackedWidget(self)
        form = self._build_form()
        self._form = form
        decided = QWidget(self.stack)
        self.decided_text = QLabel(decided)
        self.decided_text.setObjectName("decidedText")
        self.decided_text.setWordWrap(True)
        self.decided_text.setTextFormat(Qt.TextFormat.PlainText)
        self.decided_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.decided_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        decided_layout = QVBoxLayout(decided)
        decided_layout.setContentsMargins(0, 0, 0, 0)
        decided_layout.addWidget(self.decided_text, 1)
        self.stack.addWidget(form)
        self.stack.addWidget(decided)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.item_title)
        right_layout.addWidget(self.stack, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.view)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setCollapsible(1, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.clear()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def _build_form(self) -> QWidget:
        """An open item: the decision, the signal's outcome, the actions, saving."""
        form = QWidget(self.stack)
        self.decision = QPlainTextEdit(form)
        self.decision.setObjectName("decisionText")
        self.decision.setTabChangesFocus(True)
        self.decision.setPlaceholderText(self.tr("Wat spraken de partners af?"))
        self.decision.setMinimumHeight(70)
        self.decision.setMaximumHeight(130)
        decision_label = QLabel(self.tr("&Besluit:"), form)
        decision_label.setBuddy(self.decision)
        self.changed_notice = QLabel(
            self.tr(
                "Een collega heeft dit agendapunt intussen gewijzigd. Uw invoer blijft staan; "
                "bij vastleggen ziet u wat er veranderde."
            ),
            form,
        )
        self.changed_notice.setObjectName("minutesChangedNotice")
        self.changed_notice.setWordWrap(True)
        self.changed_notice.hide()
        self.outcome_box = SignalOutcomeBox(form)
        self.outcome_box.hide()
        self.action_editor = ActionListEditor(form)
        actions_box = QGroupBox(self.tr("Acties"), form)
        actions_layout = QVBoxLayout(actions_box)
        actions_layout.addWidget(self.action_editor)
        self.save_button = QPushButton(self.tr("Besluit &vastleggen"), form)
        self.save_button.setObjectName("recordDecision")
        self.save_button.setToolTip(self.tr("Ctrl+Enter"))
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence("Ctrl+Return"), form, self.save)
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(self.changed_notice)
        form_layout.addWidget(decision_label)
        form_layout.addWidget(self.decision)
        form_layout.addWidget(self.outcome_box)
        form_layout.addWidget(actions_box, 1)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        form_layout.addLayout(save_row)
        return form

    # ------------------------------------------------------------------ content

    def set_detail(
        self,
        detail: MeetingDetail,
        partners: tuple[PartnerChoice, ...] | list[PartnerChoice],
        editable: bool,
        default_deadline: date,
        *,
        rebase: bool = False,
    ) -> None:
        """Show ``detail``. The drafts of the same meeting stay, each based on the version
        of its item it was begun on, so a colleague's change that came in with this
        detail (an opening, a reload after the desk fell behind the feed) makes its save
        stale instead of overwriting it; ``rebase``: the detail is as stored after the
        user's own change of the agenda (a reorder changes every item's version), and the
        drafts are based on what it shows."""
        self._store_draft()
        keep = self._current_item
        same_meeting = (
            self.detail is not None and self.detail.meeting.meeting_id == detail.meeting.meeting_id
        )
        if not same_meeting:
            self.drafts = {}
            keep = None
        if rebase:
            for draft in self.drafts.values():
                draft.base_version = None
        self.detail = detail
        self.editable = editable
        self.action_editor.set_partners(self._taking_part(detail, partners))
        self.action_editor.set_default_deadline(default_deadline)
        self._current_item = None
        self.model.set_rows(detail.items)
        self.view.fit_columns({AgendaTableModel.COL_POSITION: 36})
        row = self.model.row_of(keep) if keep else -1
        if row < 0:
            row = next((i for i, item in enumerate(detail.items) if item.decision is None), 0)
        if detail.items:
            self.view.select_row(row)
            self._item_changed(row)
        else:
            self._show_item(None)

    def follow_detail(
        self,
        detail: MeetingDetail,
        partners: tuple[PartnerChoice, ...] | list[PartnerChoice],
        editable: bool,
        default_deadline: date,
    ) -> None:
        """The same meeting as stored now, after another desk's change (see the module
        text): rows in place, the current item kept, its form left alone while the user
        writes in it."""
        if self.detail is None or self.detail.meeting.meeting_id != detail.meeting.meeting_id:
            self.set_detail(detail, partners, editable, default_deadline)
            return
        self._store_draft()
        before = self.detail.meeting
        self.detail = detail
        self.editable = editable
        info = detail.meeting
        if (before.partner_ids, before.partner_names) != (info.partner_ids, info.partner_names):
            self.action_editor.set_partners(self._taking_part(detail, partners))
        if before.starts_at != info.starts_at:
            self.action_editor.set_default_deadline(default_deadline)
        self._following = True
        try:
            self.model.follow(detail.items)
        finally:
            self._following = False
        current = self._current_item
        row = self.model.row_of(current) if current is not None else -1
        if row < 0 and current is not None and self.view.current_row() >= 0:
            row = self.view.current_row()  # the item shown was taken off: the one now current
        if row < 0:
            if detail.items:
                row = next((i for i, it in enumerate(detail.items) if it.decision is None), 0)
                self.view.select_row(row)
                self._item_changed(row)
            else:
                self._show_item(None)
            return
        item = self.model.row_object(row)
        if item is None:
            return
        if item.item_id != current:
            self._item_changed(row)
        elif item.decision is None and self._shown_version == item.version:
            self._enable_form(self.editable and self._saving is None)
        elif self._writing():
            self._follow_pending = True
            self.changed_notice.setVisible(self._shown_version != item.version)
            self._enable_form(self.editable and self._saving is None)
        else:
            self._show_item(item)

    def _taking_part(
        self,
        detail: MeetingDetail,
        partners: tuple[PartnerChoice, ...] | list[PartnerChoice],
    ) -> list[PartnerChoice]:
        # Actions go to the partners taking part; all partners when none were named.
        taking_part = [
            PartnerChoice(partner_id, name)
            for partner_id, name in zip(
                detail.meeting.partner_ids, detail.meeting.partner_names, strict=False
            )
        ]
        return taking_part or list(partners)

    def _has_input(self) -> bool:
        outcome = None if self.outcome_box.isHidden() else self.outcome_box.choice()
        return bool(
            self.decision.toPlainText().strip()
            or self.action_editor.model.rows
            or outcome is not None
        )

    def _writing(self) -> bool:
        """Whether the user is writing the current item's minutes: the focus in its form,
        or something typed there."""
        if self.stack.currentIndex() != 0:
            return False
        focus = QApplication.focusWidget()
        in_form = focus is not None and self._form.isAncestorOf(focus)
        return in_form or self._has_input()

    def _focus_moved(self, _old: QWidget | None, _new: QWidget | None) -> None:
        """The user left the form: a colleague's change of its item shows now, unless
        something is typed (that stays until it is saved)."""
        if not self._follow_pending or self._writing():
            return
        self._follow_pending = False
        self._show_item(self.current_item())

    def base_version(self, item_id: str) -> int | None:
        """The version of the item that the user's minutes for it are based on."""
        if item_id == self._current_item:
            return self._shown_version
        draft = self.drafts.get(item_id)
        return draft.base_version if draft is not None else None

    def clear(self) -> None:
        self.detail = None
        self.drafts = {}
        self._current_item = None
        self._shown_version = None
        self._follow_pending = False
        self._saving = None
        self.model.clear()
        self.decision.clear()
        self.action_editor.clear()
        self._show_item(None)

    def current_item(self) -> AgendaItemInfo | None:
        return self.model.row_object(self.view.current_row())

    # ------------------------------------------------------------------ drafts

    def _store_draft(self) -> None:
        item_id = self._current_item
        if item_id is None:
            return
        text = self.decision.toPlainText()
        pending = self.action_editor.model.rows
        outcome = None if self.outcome_box.isHidden() else self.outcome_box.choice()
        if text.strip() or pending or outcome is not None:
            self.drafts[item_id] = Draft(text, pending, outcome, self._shown_version)
        else:
            self.drafts.pop(item_id, None)

    def _item_changed(self, row: int) -> None:
        if self._following:
            return  # rows moved under a colleague's change: the same item stays current
        self._store_draft()
        item = self.model.row_object(row)
        self._show_item(item)

    def _show_item(self, item: AgendaItemInfo | None) -> None:
        self._current_item = item.item_id if item is not None else None
        self._shown_version = item.version if item is not None else None
        self._follow_pending = False
        self.changed_notice.hide()
        if item is None:
            self.item_title.setText(
                self.tr("Kies een agendapunt.") if self.detail else self.tr("Kies een overleg.")
            )
            self.stack.setCurrentIndex(0)
            self.decision.clear()
            self.decided_text.clear()
            self.action_editor.model.clear()
            self.outcome_box.hide()
            self._enable_form(False)
            return
        subject = item.case_reference or item.signal_reference or "—"
        parts = [f"{item.position}. {subject}", item.address or "", item.reason.label]
        self.item_title.setText(" · ".join(p for p in parts if p))
        if item.decision is not None:
            self.stack.setCurrentIndex(1)
            lines = [self.tr("Besluit: {text}").format(text=item.decision)]
            for action in item.actions:
                lines.append(
                    self.tr("• {type} – {owner}, uiterlijk {deadline} ({status})").format(
                        type=action.action_type.label,
                        owner=action.owner_name,
                        deadline=f"{action.deadline:%d-%m-%Y}",
                        status=action.status.label.lower(),
                    )
                )
            if not item.actions:
                lines.append(self.tr("Geen acties."))
            self.decided_text.setText("\n".join(lines))
            return
        self.stack.setCurrentIndex(0)
        draft = self.drafts.get(item.item_id, Draft())
        if draft.base_version is not None:
            self._shown_version = draft.base_version
            self.changed_notice.setVisible(draft.base_version != item.version)
        self.decision.setPlainText(draft.decision)
        self.action_editor.model.set_rows(draft.actions)
        # A loose signal on the agenda: the decision can say what happens to it.
        self.outcome_box.setVisible(item.signal_id is not None and item.case_id is None)
        self.outcome_box.set_choice(draft.signal_outcome)
        self._enable_form(self.editable and self._saving is None)

    def _enable_form(self, enabled: bool) -> None:
        self.decision.setReadOnly(not enabled)
        self.outcome_box.setEnabled(enabled)
        self.action_editor.setEnabled(enabled)
        self.save_button.setEnabled(enabled)

    # ------------------------------------------------------------------ saving

    def pending_actions(self) -> list[ActionInput]:
        return self.action_editor.action_inputs()

    def signal_outcome(self) -> OutcomeChoice | None:
        """What the decision on the current (signal) item does with the signal."""
        if self.outcome_box.isHidden():
            return None
        return self.outcome_box.choice()

    def save(self) -> None:
        item = self.current_item()
        # The form, not the item's decision, says whether there is something to save: minutes
        # begun before a colleague decided the item are still sent (and refused as stale).
        if item is None or self.stack.currentIndex() != 0 or not self.editable or self._saving:
            return
        self._saving = item.item_id
        self._enable_form(False)
        self.decision_requested.emit(
            item.item_id, self.decision.toPlainText(), self.pending_actions()
        )

    def decision_saved(self, item: AgendaItemInfo) -> None:
        """The decision and its actions are stored: forget the draft, show the result."""
        self._saving = None
        self.drafts.pop(item.item_id, None)
        if self._current_item == item.item_id:
            self.decision.clear()
            self.action_editor.model.clear()
            self.outcome_box.set_choice(None)
        self.model.update_row(item)
        row = self.model.row_of(item.item_id)
        if row == self.view.current_row():
            self._show_item(item)
        # Move on to the next item without a decision.
        for number, other in enumerate(self.model.rows):
            if other.decision is None:
                self.view.select_row(number)
                break

    def decision_refused(self) -> None:
        """The service refused: everything typed stays, the form is usable again."""
        self._saving = None
        item = self.current_item()
        self._enable_form(self.editable and item is not None and self.stack.currentIndex() == 0)
        self.decision.setFocus()
