"""Opschalingen: the escalations list, the status of one, afschaling, and the ZVH criteria
checklist of its case with the facts that meet it.

Any case can be looked up by its reference to judge the criteria and escalate it. Status
buttons show only the next steps the workflow table allows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.enums import EscalationStatus, Role
from sociaalveilig.core.errors import AccessDenied, StaleEdit
from sociaalveilig.core.escalation import EscalationProposal, ZvhCriteria
from sociaalveilig.core.workflow import WorkflowKind, allowed_next
from sociaalveilig.services import cases, escalations, live
from sociaalveilig.services.cases import CaseDetail
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.escalations import EscalationRow
from sociaalveilig.services.live import ChangeBatch, EscalationUpdate

from sociaalveilig.ui import errors
from sociaalveilig.ui.case_picker import CaseFindButton, is_case_reference
from sociaalveilig.ui.dialogs.escalate import EscalateDialog
from sociaalveilig.ui.dialogs.escalation_status import EscalationStatusDialog
from sociaalveilig.ui.models.escalation_table import EscalationTableModel
from sociaalveilig.ui.pages.base import Page
from sociaalveilig.ui.pages.signals import count_text, sample_widths
from sociaalveilig.ui.record_link import RecordLink
from sociaalveilig.ui.record_view import RecordView, bind_layouts, save_layouts
from sociaalveilig.ui.settings import UiSettings
from sociaalveilig.ui.zvh_checklist import ZvhChecklist

FILTER_OPEN = "open"
FILTER_ALL = "all"

# Fixed widths from sample text (any screen scale); "Kenmerk" takes what is left. The
# area is shortened (full name in the tooltip) so "Naar" and "Status" stay in view.
COLUMN_SAMPLES = {
    EscalationTableModel.COL_REFERENCE: "E-0000-00000",
    EscalationTableModel.COL_CASE: "C-0000-00000",
    EscalationTableModel.COL_AREA: "Heerlen Noord (in",
    EscalationTableModel.COL_TARGET: "Zorg- en Veiligheidsh",
    EscalationTableModel.COL_STATUS: "In behandeling",
    EscalationTableModel.COL_SINCE: "00-00-0000",
}


def load_case_facts(
    ctx: ServiceContext, case: str
) -> tuple[CaseDetail, EscalationProposal | None, bool]:
    """The case, the program's advice and whether the user may change it (worker thread)."""
    detail = cases.get_case(ctx, case)
    try:
        advice: EscalationProposal | None = cases.escalation_advice(ctx, detail.case_id)
        may_change = True
    except AccessDenied:
        advice, may_change = None, False
    return detail, advice, may_change and bool(detail.allowed_next_statuses)


class EscalationsPage(Page):
    roles = frozenset({Role.COORDINATOR, Role.WIJKAGENT})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.last_dialog: QWidget | None = None
        self._select_after_load: str | None = None
        self._updates = 0  # counts loads and live updates: only the latest one applies
        self._rebased: tuple[str, int | None] | None = None
        """A case whose criteria were refused as stale, and the version to save on."""

        self.filter = QComboBox(self)
        self.filter.setObjectName("escalationFilter")
        self.filter.addItem(self.tr("Open opschalingen"), FILTER_OPEN)
        self.filter.addItem(self.tr("Alle opschalingen"), FILTER_ALL)
        for status in EscalationStatus:
            self.filter.addItem(status.label, status.value)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        filter_label = QLabel(self.tr("&Toon:"), self)
        filter_label.setBuddy(self.filter)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("escalationCount")

        self.model = EscalationTableModel(self)
        self.view = RecordView("escalations", self)
        self.view.setModel(self.model)
        # The service's order, shown as such: newest escalation first.
        self.view.horizontalHeader().setSortIndicator(
            EscalationTableModel.COL_REFERENCE, Qt.SortOrder.DescendingOrder
        )
        # The receiving organisation is the longest text: it takes the room and the cut.
        self.view.set_wide_columns(EscalationTableModel.COL_TARGET)
        self.view.fit_columns(sample_widths(self.view, COLUMN_SAMPLES))
        self.view.current_row_changed.connect(self._row_changed)
        self.view.activated_row.connect(self._row_activated)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(filter_label)
        bar.addWidget(self.filter)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        bar.addSpacing(12)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.view, 1)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(self._build_lookup())
        right_layout.addWidget(self._build_detail())
        self.checklist = ZvhChecklist(right)
        self.checklist.save_requested.connect(self.save_criteria)
        self.checklist.escalate_requested.connect(self._escalate_requested)
        right_layout.addWidget(self.checklist)
        right_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(right)
        scroll.setMinimumWidth(380)
        # The detail reads fine at this width; a bigger screen widens the list.
        scroll.setMaximumWidth(640)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setCollapsible(0, False)
        splitter.setCollapsible(1, False)
        # The list shows reference, case, area, target and status side by side; the
        # checklist wraps its text and needs less.
        splitter.setSizes([660, 500])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._show_escalation(None)

    def _build_lookup(self) -> QHBoxLayout:
        self.case_lookup = QLineEdit(self)
        self.case_lookup.setObjectName("caseLookup")
        self.case_lookup.setPlaceholderText(
            self.tr("casus: referentie, adres of naam van een betrokkene (F4: zoeken)")
        )
        self.case_lookup.setClearButtonEnabled(True)
        self.case_lookup.returnPressed.connect(self.look_up_case)
        self.case_find = CaseFindButton(self.case_lookup, lambda: self.ctx, self)
        self.case_find.chosen.connect(lambda choice: self.load_case(choice.case_id))
        self.lookup_button = QPushButton(self.tr("&Bekijken"), self)
        self.lookup_button.setObjectName("lookUpCase")
        self.lookup_button.clicked.connect(self.look_up_case)
        label = QLabel(self.tr("&Casus:"), self)
        label.setBuddy(self.case_lookup)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.case_lookup, 1)
        row.addWidget(self.case_find)
        row.addWidget(self.lookup_button)
        return row

    def _build_detail(self) -> QGroupBox:
        box = QGroupBox(self.tr("Opschaling"), self)
        box.setObjectName("escalationDetail")
        self.detail_target = QLabel(box)
        self.detail_status = QLabel(box)
        self.detail_reason = QLabel(box)
        self.detail_external = QLabel(box)
        for label in (
            self.detail_target,
            self.detail_status,
            self.detail_reason,
            self.detail_external,
        ):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Naar:"), self.detail_target)
        form.addRow(self.tr("Status:"), self.detail_status)
        form.addRow(self.tr("Reden:"), self.detail_reason)
        form.addRow(self.tr("Kenmerk:"), self.detail_external)
        self.status_buttons: dict[EscalationStatus, QPushButton] = {}
        texts = {
            EscalationStatus.IN_BEHANDELING: self.tr("In &behandeling…"),
            EscalationStatus.TERUGGELEGD: self.tr("&Afschalen…"),
            EscalationStatus.AFGESLOTEN: self.tr("Af&sluiten…"),
        }
        buttons = QHBoxLayout()
        for status, text in texts.items():
            button = QPushButton(text, box)
            button.setObjectName(f"status_{status.value}")
            button.clicked.connect(lambda _checked=False, s=status: self.change_status(s))
            self.status_buttons[status] = button
            buttons.addWidget(button)
        self.open_case_button = QPushButton(self.tr("Casus openen"), box)
        self.open_case_button.setObjectName("openCase")
        self.open_case_button.clicked.connect(self._open_case)
        buttons.addStretch(1)
        buttons.addWidget(self.open_case_button)
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.detail_box = box
        return box

    # ------------------------------------------------------------------ page contract

    def title(self) -> str:
        return self.tr("Opschalingen")

    def refresh(self) -> None:
        choice = self.filter.currentData()
        selected = self.selected()
        if self._select_after_load is None and selected is not None:
            self._select_after_load = selected.escalation_id

        def load(ctx: ServiceContext) -> list[EscalationRow]:
            if choice == FILTER_OPEN:
                return escalations.list_escalations(ctx, open_only=True)
            if choice == FILTER_ALL:
                return escalations.list_escalations(ctx)
            return escalations.list_escalations(ctx, status=choice)

        self._updates += 1  # an update asked for before this load is dropped
        self.run(load, self._loaded)

    def apply_changes(self, batch: ChangeBatch) -> None:
        """Escalations another desk made or moved on: the list asks for just those
        (``live.escalation_update``) under its filter and puts each in its place; the
        chosen one's detail shows its new status. A hidden page reloads when next shown."""
        if batch.reload:
            self.mark_stale()
            return
        ids = sorted({c.object_id for c in batch.changes if c.object_type == "escalation"})
        if not ids or self._stale:
            return
        if not self.isVisible():
            self._stale = True
            return
        choice = self.filter.currentData()
        status = None if choice in (FILTER_OPEN, FILTER_ALL) else choice
        self._updates += 1
        number = self._updates
        self.run(
            lambda c: live.escalation_update(c, status, choice == FILTER_OPEN, ids),
            lambda update: self._update_arrived(number, choice, update),
        )

    def _update_arrived(self, number: int, choice: object, update: EscalationUpdate) -> None:
        if number != self._updates or choice != self.filter.currentData():
            return  # reloaded, or another filter, meanwhile
        chosen = self.selected()
        self.model.apply_update(update.rows, update.gone)
        self.count_label.setText(
            count_text(
                self.model.rowCount(), self.tr("{n} opschaling"), self.tr("{n} opschalingen")
            )
        )
        now = self.selected()
        if now is not chosen:
            self._show_escalation(now)

    def _filter_changed(self, _index: int) -> None:
        self.refresh()

    def show_record(self, link: RecordLink) -> None:
        """A reminder opens an escalation: the list of all escalations (a status filter
        cannot hide it) with that escalation selected."""
        self.filter.blockSignals(True)
        self.filter.setCurrentIndex(max(0, self.filter.findData(FILTER_ALL)))
        self.filter.blockSignals(False)
        self._select_after_load = link.object_id
        self._stale = False  # loaded here with the selection, not again when shown
        self.refresh()

    def _row_activated(self, _row: int) -> None:
        self._focus_detail()

    def _escalate_requested(self) -> None:
        self.escalate()

    def _loaded(self, rows: list[EscalationRow]) -> None:
        self.model.set_rows(rows)
        self.count_label.setText(
            count_text(len(rows), self.tr("{n} opschaling"), self.tr("{n} opschalingen"))
        )
        wanted = self._select_after_load
        self._select_after_load = None
        row = self.model.row_of(wanted) if wanted else -1
        if row >= 0:
            self.view.select_row(row)
            self._show_escalation(self.model.row_object(row))
        else:
            self._show_escalation(None)

    def set_settings(self, settings: UiSettings) -> None:
        bind_layouts(self, settings)

    def save_layout(self) -> None:
        save_layouts(self)

    def clear(self) -> None:
        self.model.clear()
        self.count_label.clear()
        self.case_lookup.clear()
        self._select_after_load = None
        self._show_escalation(None)
        self.checklist.show_case(None, None)

    # ------------------------------------------------------------------ selection

    def selected(self) -> EscalationRow | None:
        return self.model.row_object(self.view.current_row())

    def _row_changed(self, row: int) -> None:
        escalation = self.model.row_object(row)
        self._show_escalation(escalation)
        if escalation is not None:
            self.case_lookup.setText(escalation.case_reference)
            self.load_case(escalation.case_id)

    def _focus_detail(self) -> None:
        for button in self.status_buttons.values():
            if button.isEnabled():
                button.setFocus()
                return

    def _show_escalation(self, escalation: EscalationRow | None) -> None:
        ctx = self.ctx
        if escalation is None:
            self.detail_box.setTitle(self.tr("Opschaling"))
            for label in (
                self.detail_target,
                self.detail_status,
                self.detail_reason,
                self.detail_external,
            ):
                label.clear()
            for button in self.status_buttons.values():
                button.setEnabled(False)
            self.open_case_button.setEnabled(False)
            return
        self.detail_box.setTitle(
            self.tr("Opschaling {ref} · casus {case}").format(
                ref=escalation.reference, case=escalation.case_reference
            )
        )
        self.detail_target.setText(escalation.target.label)
        self.detail_status.setText(
            self.tr("{status} sinds {date}").format(
                status=escalation.status.label, date=f"{escalation.status_changed_at:%d-%m-%Y}"
            )
        )
        self.detail_reason.setText(escalation.reason)
        self.detail_external.setText(escalation.external_reference or self.tr("—"))
        may = ctx is not None and ctx.actor.role is Role.COORDINATOR
        allowed = set(allowed_next(WorkflowKind.ESCALATION, escalation.status))
        for status, button in self.status_buttons.items():
            button.setEnabled(may and status in allowed)
        self.open_case_button.setEnabled(True)

    def _open_case(self) -> None:
        escalation = self.selected()
        if escalation is not None:
            self.open_case_requested.emit(escalation.case_id)

    # ------------------------------------------------------------------ the case

    def look_up_case(self) -> None:
        text = self.case_lookup.text().strip()
        if text and not is_case_reference(text) and self.case_find.may_pick():
            self.case_find.open_picker()  # an address or a name: choose the case first
        elif text:
            self.load_case(text)

    def load_case(self, case: str) -> None:
        self.run(lambda ctx: load_case_facts(ctx, case), self._show_case_facts)

    def _show_case_facts(self, result: tuple[CaseDetail, EscalationProposal | None, bool]) -> None:
        self.checklist.show_case(*result)
        # Escalating is the coordinator's decision; a wijkagent records the criteria.
        ctx = self.ctx
        if ctx is None or ctx.actor.role is not Role.COORDINATOR:
            self.checklist.escalate_button.setEnabled(False)

    def save_criteria(self, criteria: ZvhCriteria) -> None:
        detail = self.checklist.detail
        if detail is None:
            return
        case_id = detail.case_id
        version: int | None = detail.version
        if self._rebased is not None and self._rebased[0] == case_id:
            version = self._rebased[1]  # the user saves again after a stale refusal
        self._rebased = None

        def save(ctx: ServiceContext) -> tuple[CaseDetail, EscalationProposal | None, bool]:
            cases.set_zvh_criteria(ctx, case_id, criteria, expected_version=version)
            return load_case_facts(ctx, case_id)

        def refused(exc: BaseException) -> None:
            # The ticks stay as chosen (not reloaded under the user); the message said who
            # changed the case, and saving again applies them on the version now stored.
            errors.show_error(self, exc)
            if isinstance(exc, StaleEdit):
                self._rebased = (case_id, exc.current_version)

        self.run(save, self._show_case_facts, refused, changes_data=True)

    # ------------------------------------------------------------------ changes

    def _dialog(self, dialog: QWidget) -> QWidget:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.open()  # type: ignore[attr-defined]
        return dialog

    def escalate(self) -> EscalateDialog | None:
        ctx = self.ctx
        detail = self.checklist.detail
        if ctx is None or detail is None:
            return None
        dialog = EscalateDialog(ctx, detail.case_id, detail.reference, self.checklist.advice, self)
        dialog.setObjectName("escalateDialog")
        dialog.saved.connect(self._changed)
        self._dialog(dialog)
        return dialog

    def change_status(self, status: EscalationStatus) -> EscalationStatusDialog | None:
        ctx = self.ctx
        escalation = self.selected()
        if ctx is None or escalation is None:
            return None
        dialog = EscalationStatusDialog(ctx, escalation, status, self)
        dialog.setObjectName("escalationStatusDialog")
        dialog.saved.connect(self._changed)
        dialog.stale.connect(self._changed_elsewhere)
        self._dialog(dialog)
        return dialog

    def _changed_elsewhere(self, _exc: object) -> None:
        """Another user changed the escalation first: the list shows it beside the dialog."""
        self.refresh()

    def _changed(self, escalation: EscalationRow) -> None:
        self.data_changed.emit()
        self._select_after_load = escalation.escalation_id
        if not escalation.is_open and self.filter.currentData() == FILTER_OPEN:
            # Keep it in view after afschaling or closing: switch to all escalations.
            self.filter.blockSignals(True)
            self.filter.setCurrentIndex(self.filter.findData(FILTER_ALL))
            self.filter.blockSignals(False)
        self.refresh()
        self.load_case(escalation.case_id)
