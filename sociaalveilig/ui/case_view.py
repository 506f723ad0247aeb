"""One case: header, next steps, persons, and tabs: the timeline and its work (case_panels).

The header shows address, focus area, status, risk level, casusregisseur and the next
review, and the program's escalation advice when it proposes escalation (a person decides,
through the ZVH checklist and the "Opschalen…" step). Only the status changes the workflow
table allows from here (and the user may make) become buttons; a refused change opens the
dialog again with what was typed. Persons involved can be added (name, birth year, role),
the casusregisseur chosen from the active partners, and the case summary opened as a PDF or
printed (through ``DocumentOutput``). Everything is loaded and changed through the services
off the GUI thread; ``clear()`` (lock) empties every label and table.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import shiboken6

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.enums import CaseStatus, RiskLevel, Role
from sociaalveilig.core.errors import AccessDenied, StaleEdit
from sociaalveilig.core.escalation import EscalationProposal, ZvhCriteria
from sociaalveilig.reports import api as reports
from sociaalveilig.services import cases, escalations, partners
from sociaalveilig.services.cases import CaseDetail
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.signal_records import PersonView

from sociaalveilig.ui import errors
from sociaalveilig.ui.case_panels.case_header import CaseHeader
from sociaalveilig.ui.case_panels.work_steps import CaseWorkSteps
from sociaalveilig.ui.case_panels.work_tabs import CaseWorkTabs
from sociaalveilig.ui.clipboard import copy_case_text
from sociaalveilig.ui.dialogs.add_person import AddPersonDialog
from sociaalveilig.ui.dialogs.lead_partner import LeadPartnerDialog
from sociaalveilig.ui.dialogs.zvh_criteria import ZvhCriteriaDialog
from sociaalveilig.ui.document_output import DocumentOutput, ReportFiles, document_output
from sociaalveilig.ui.models import case_parts
from sociaalveilig.ui.models.case_parts import PersonsModel, TimelineModel
from sociaalveilig.ui.operations import run_operation
from sociaalveilig.ui.record_view import RecordView
from sociaalveilig.ui.settings import UiSettings
from sociaalveilig.ui.status_change_dialog import StatusChangeDialog, action_label

FOLLOW_RETRY_MS = 1500
"""How often a change from another desk asks again whether the user has left the field."""


@dataclass(frozen=True)
class PendingStatusChange:
    """What was asked in the status dialog; offered again when the change is refused."""

    status: CaseStatus
    reason: str
    escalation_target: str
    external_reference: str | None
    unmet_reason: str | None = None


class CaseView(QWidget):
    """Shows one case. ``changed`` after a change was saved; ``back_requested`` for the
    list."""

    changed = Signal()
    back_requested = Signal()
    # A case outside the user's scope: the page asks for a reason (noodknop).
    access_refused = Signal(str, object)  # case id, the AccessDenied

    def __init__(self, parent: QWidget | None = None, output: DocumentOutput | None = None) -> None:
        super().__init__(parent)
        self._ctx: ServiceContext | None = None
        self.detail: CaseDetail | None = None
        self.advice: EscalationProposal | None = None
        self._generation = 0
        self._purpose: str | None = None
        self.output = output if output is not None else document_output()
        self.files = ReportFiles()
        self.last_pdf: Path | None = None
        self.last_dialog: QWidget | None = None
        self.status_dialog: StatusChangeDialog | None = None
        self._pending_change: PendingStatusChange | None = None
        self.zvh_dialog: ZvhCriteriaDialog | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(self._build_header())
        layout.addLayout(self._build_steps())
        # Work started from the case: an action, a visit, the agenda, a signal.
        self.work_steps = CaseWorkSteps(self)
        self.work_steps.changed.connect(self._work_changed)
        work_row = QHBoxLayout()
        work_row.addWidget(self.work_steps)
        work_row.addStretch(1)
        layout.addLayout(work_row)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        layout.addWidget(self._build_body(), 1)
        self.clear()

    def _build_header(self) -> CaseHeader:
        self.header = CaseHeader(self)
        self.header.back_requested.connect(self.back_requested)
        self.header.summary_requested.connect(lambda to_printer: self.make_summary(to_printer))
        self.header.copy_requested.connect(self.copy_address)
        self.header.lead_requested.connect(self.choose_lead_partner)
        self.header.zvh_requested.connect(self.show_zvh_criteria)
        # The view's names for the header's parts (the view fills them; tests use them).
        self.back_button = self.header.back_button
        self.title_label = self.header.title_label
        self.notice_label = self.header.notice_label
        self.print_button = self.header.print_button
        self.open_pdf_action = self.header.open_pdf_action
        self.print_action = self.header.print_action
        self.copy_button = self.header.copy_button
        self.fields = self.header.fields
        self.lead_button = self.header.lead_button
        self.advice_frame = self.header.advice_frame
        self.advice_label = self.header.advice_label
        self.advice_button = self.header.advice_button
        return self.header

    def _build_steps(self) -> QHBoxLayout:
        """The status steps this user may take now, the ZVH criteria and the risk level."""
        self.risk_combo = QComboBox(self)
        self.risk_combo.setObjectName("riskCombo")
        for level in RiskLevel:
            self.risk_combo.addItem(level.label, level.value)
        self.risk_combo.activated.connect(self._risk_chosen)
        self.zvh_button = QPushButton(self.tr("ZVH-criteria…"), self)
        self.zvh_button.setObjectName("zvhCriteria")
        self.zvh_button.setAutoDefault(False)
        self.zvh_button.setToolTip(
            self.tr("De ZVH-criteria van deze casus vastleggen, met de feiten ernaast.")
        )
        self.zvh_button.clicked.connect(self.show_zvh_criteria)
        self.step_label = QLabel(self.tr("Volgende stap:"), self)
        self.steps_layout = QHBoxLayout()
        self.steps_layout.addWidget(self.step_label)
        self.step_buttons: list[QPushButton] = []
        self.steps_layout.addStretch(1)
        self.steps_layout.addWidget(self.zvh_button)
        self.steps_layout.addSpacing(12)
        self.steps_layout.addWidget(QLabel(self.tr("Risico:"), self))
        self.steps_layout.addWidget(self.risk_combo)
        return self.steps_layout

    def _build_body(self) -> QSplitter:
        """The persons involved above; the timeline and the case's work as tabs below."""
        self.persons_model = PersonsModel(self)
        self.persons_view = RecordView("casePersons", self)
        self.persons_view.setModel(self.persons_model)
        self.persons_view.fit_columns({0: 120, 1: 200, 2: 100})
        self.add_person_button = QPushButton(self.tr("Betrokkene &toevoegen…"), self)
        self.add_person_button.setObjectName("addCasePerson")
        self.add_person_button.setAutoDefault(False)
        self.add_person_button.clicked.connect(self.add_person)
        persons_box = QWidget(self)
        persons_layout = QVBoxLayout(persons_box)
        persons_layout.setContentsMargins(0, 0, 0, 0)
        persons_header = QHBoxLayout()
        persons_header.addWidget(QLabel(self.tr("Betrokkenen"), persons_box))
        persons_header.addStretch(1)
        persons_header.addWidget(self.add_person_button)
        persons_layout.addLayout(persons_header)
        persons_layout.addWidget(self.persons_view)

        self.timeline_model = TimelineModel(self)
        self.timeline_view = RecordView("caseTimeline", self, sortable=False)
        self.timeline_view.setModel(self.timeline_model)
        self.timeline_view.fit_columns({0: 120, 1: 120, 2: 120})
        self.timeline_view.setWordWrap(False)
        timeline_box = QWidget(self)
        timeline_layout = QVBoxLayout(timeline_box)
        timeline_layout.setContentsMargins(0, 0, 0, 0)
        timeline_layout.addWidget(self.timeline_view)
        # The timeline, and the case's actions, visits and agenda items, as tabs.
        self.work_tabs = CaseWorkTabs(timeline_box, self)
        self.actions_panel = self.work_tabs.actions_panel
        self.work_tabs.follow_timeline(self.timeline_view, self.timeline_model)
        self.actions_panel.changed.connect(self._work_changed)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(persons_box)
        splitter.addWidget(self.work_tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        return splitter

    # ------------------------------------------------------------------ context

    def set_context(self, ctx: ServiceContext | None) -> None:
        self._ctx = ctx
        self.work_steps.set_context(ctx)
        self.work_tabs.set_context(ctx)
        if ctx is None:
            self._close_dialogs()
            self.clear()
            self.files.wipe()
            self.last_pdf = None

    def set_settings(self, settings: UiSettings) -> None:
        self.persons_view.set_settings(settings)
        self.timeline_view.set_settings(settings)
        self.work_tabs.set_settings(settings)

    def save_layout(self) -> None:
        self.persons_view.save_layout()
        self.timeline_view.save_layout()
        self.work_tabs.save_layout()

    def clear(self) -> None:
        """Empty everything (lock, or before another case is shown)."""
        self._generation += 1
        self.detail = None
        self.advice = None
        self._pending_change = None
        self.title_label.clear()
        self.notice_label.clear()
        self.notice_label.hide()
        for label in self.fields.values():
            label.clear()
        self._show_advice(None)
        self._set_step_buttons(())
        self.risk_combo.setEnabled(False)
        self.copy_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self.lead_button.setVisible(False)
        self.zvh_button.setVisible(False)
        self.add_person_button.setVisible(False)
        self.persons_model.clear()
        self.timeline_model.clear()
        self.work_tabs.clear()
        self.work_steps.set_case(None)

    def _close_dialogs(self) -> None:
        """A lock closes what is open over the case (their content goes with it)."""
        for dialog in (
            self.last_dialog,
            self.status_dialog,
            self.work_steps.last_dialog,
            self.actions_panel.last_dialog,
        ):
            if dialog is not None and shiboken6.isValid(dialog):
                dialog.close()
        self.last_dialog = None
        if self.zvh_dialog is not None:
            self.zvh_dialog.clear()

    # ------------------------------------------------------------------ load

    def load(self, case_id: str, purpose: str | None = None) -> None:
        """Load and show a case (off the GUI thread)."""
        ctx = self._ctx
        if ctx is None:
            return
        self.clear()
        self._purpose = purpose
        self.title_label.setText(self.tr("Casus laden…"))
        generation = self._generation
        run_operation(
            self,
            lambda: cases.get_case(ctx, case_id, purpose),
            lambda detail: self._arrived(generation, detail),
            lambda exc: self._load_failed(generation, case_id, exc),
        )

    def _arrived(self, generation: int, detail: CaseDetail) -> None:
        if generation == self._generation and self._ctx is not None:
            self.show_detail(detail)

    def _load_failed(self, generation: int, case_id: str, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.title_label.clear()
        if isinstance(exc, AccessDenied):
            self.access_refused.emit(case_id, exc)
            return
        errors.show_error(self, exc)

    def may_change(self) -> bool:
        """Whether the user may change the shown case (the service offers next steps)."""
        return self.detail is not None and bool(self.detail.allowed_next_statuses)

    def may_escalate(self) -> bool:
        """Escalating is the coordinator's decision, where the workflow allows it."""
        ctx, detail = self._ctx, self.detail
        return (
            ctx is not None
            and detail is not None
            and ctx.actor.role is Role.COORDINATOR
            and CaseStatus.OPGESCHAALD in detail.allowed_next_statuses
        )

    def show_detail(self, detail: CaseDetail, advice: EscalationProposal | None = None) -> None:
        """Show ``detail``; the escalation advice is asked for unless given."""
        self.detail = detail
        self.title_label.setText(self.tr("Casus {ref}").format(ref=detail.reference))
        notices = []
        if detail.emergency_access:
            notices.append(
                self.tr("Geopend met de noodknop: buiten uw werkgebied; dit is vastgelegd.")
            )
        if detail.pseudonymised:
            notices.append(self.tr("Gepseudonimiseerd: alleen initialen en postcodegebied."))
        if detail.municipality_unknown:
            notices.append(self.tr("Postcode valt buiten de postcodetabel: controleer het adres."))
        self.notice_label.setText(" ".join(notices))
        self.notice_label.setVisible(bool(notices))
        self.fields["address"].setText(detail.address)
        self.fields["area"].setText(
            f"{detail.focus_area} ({detail.municipality})"
            if detail.focus_area
            else self.tr("geen focusgebied ({municipality})").format(
                municipality=detail.municipality
            )
        )
        self.fields["status"].setText(detail.status_label)
        self.fields["risk"].setText(detail.risk_label)
        self.fields["lead"].setText(detail.lead_partner or self.tr("nog niet gekozen"))
        today = self._ctx.clock.now().date() if self._ctx else None
        if detail.next_review:
            overdue = today is not None and detail.next_review < today and detail.status.is_open
            self.fields["review"].setText(
                detail.next_review.strftime("%d-%m-%Y") + (self.tr(" (te laat)") if overdue else "")
            )
            self.fields["review"].setStyleSheet("color: #b00020;" if overdue else "")
        else:
            self.fields["review"].setText("-")
            self.fields["review"].setStyleSheet("")
        self._set_step_buttons(detail.allowed_next_statuses)
        self.risk_combo.blockSignals(True)
        self.risk_combo.setCurrentIndex(self.risk_combo.findData(detail.risk_level.value))
        self.risk_combo.blockSignals(False)
        self.risk_combo.setEnabled(bool(detail.allowed_next_statuses) and detail.status.is_open)
        self.copy_button.setEnabled(not detail.pseudonymised)
        self.print_button.setEnabled(True)
        may_change = self.may_change()
        is_open = detail.status.is_open
        hint = "" if is_open else self.tr("Heropen de casus om dit te wijzigen.")
        for button in (self.lead_button, self.zvh_button, self.add_person_button):
            button.setVisible(may_change and (is_open or button is not self.lead_button))
            button.setEnabled(is_open)  # "Kiezen…" is a link that shows no grey: it goes
            button.setToolTip(hint)
        self.persons_model.set_rows(detail.persons)
        self.timeline_model.set_rows(detail.timeline)
        self.timeline_view.scrollToBottom()
        self.work_steps.set_case(
            detail.case_id, detail.reference, detail.postcode, may_change and detail.status.is_open
        )
        self.work_tabs.load(detail.case_id, self._purpose if detail.emergency_access else None)
        if advice is not None:
            self._show_advice(advice)
        else:
            self._load_advice()

    # ------------------------------------------------------------------ escalation advice

    def _load_advice(self) -> None:
        """Ask the program whether it proposes escalation, where escalating is a next step."""
        ctx, detail = self._ctx, self.detail
        self._show_advice(None)
        if ctx is None or detail is None or not self.may_change():
            return
        if CaseStatus.OPGESCHAALD not in detail.allowed_next_statuses:
            return
        generation = self._generation
        case_id = detail.case_id
        run_operation(
            self,
            lambda: cases.escalation_advice(ctx, case_id),
            lambda advice: self._advice_arrived(generation, advice),
            show_errors=False,  # the advice is a help, not the work: no dialog if it fails
        )

    def _advice_arrived(self, generation: int, advice: EscalationProposal) -> None:
        if generation == self._generation and self._ctx is not None:
            self._show_advice(advice)

    def _show_advice(self, advice: EscalationProposal | None) -> None:
        self.advice = advice
        if advice is None or not advice.propose:
            self.advice_label.clear()
            self.advice_frame.hide()
            return
        target = advice.target.label if advice.target else self.tr("de ZVH")
        reasons = "\n".join(f"• {reason}" for reason in advice.reasons)
        self.advice_label.setText(
            self.tr(
                "Het programma stelt voor deze casus op te schalen naar {target}. U "
                "beslist.\n{reasons}"
            ).format(target=target, reasons=reasons)
        )
        self.advice_frame.show()

    # ------------------------------------------------------------------ ZVH criteria

    def show_zvh_criteria(self) -> ZvhCriteriaDialog | None:
        detail = self.detail
        if self._ctx is None or detail is None or not self.may_change():
            return None
        if self.zvh_dialog is None:
            self.zvh_dialog = ZvhCriteriaDialog(self)
            self.zvh_dialog.checklist.save_requested.connect(self.save_zvh)
            self.zvh_dialog.checklist.escalate_requested.connect(self._escalate_from_zvh)
        self.zvh_dialog.show_case(detail, self.advice, True, self.may_escalate())
        self.zvh_dialog.open()
        return self.zvh_dialog

    def save_zvh(self, criteria: ZvhCriteria) -> None:
        ctx, detail = self._ctx, self.detail
        if ctx is None or detail is None:
            return
        case_id, version = detail.case_id, detail.version
        generation = self._generation

        def work() -> tuple[CaseDetail, EscalationProposal]:
            new = cases.set_zvh_criteria(ctx, case_id, criteria, expected_version=version)
            return new, cases.escalation_advice(ctx, case_id)

        def failed(exc: BaseException) -> None:
            # The checklist keeps what was ticked; a stale case reloads beside it, so the
            # next save is based on what is stored now.
            errors.show_error(self.zvh_dialog or self, exc)
            self._reload_if_stale(exc)

        run_operation(
            self.zvh_dialog or self,
            work,
            lambda result: self._zvh_saved(generation, result),
            failed,
            owner=self,
        )

    def _zvh_saved(self, generation: int, result: tuple[CaseDetail, EscalationProposal]) -> None:
        if generation != self._generation or self._ctx is None:
            return
        detail, advice = result
        self.show_detail(detail, advice)
        if self.zvh_dialog is not None and self.zvh_dialog.isVisible():
            self.zvh_dialog.show_case(detail, advice, True, self.may_escalate())
        self.changed.emit()

    def _escalate_from_zvh(self) -> None:
        if self.zvh_dialog is not None:
            self.zvh_dialog.accept()
        if self.may_escalate():
            self.request_status(CaseStatus.OPGESCHAALD)

    # ------------------------------------------------------------------ steps

    def _set_step_buttons(self, statuses: tuple[CaseStatus, ...]) -> None:
        for button in self.step_buttons:
            self.steps_layout.removeWidget(button)
            button.hide()  # out of sight now; deleted when the event loop gets to it
            button.deleteLater()
        self.step_buttons = []
        current = self.detail.status if self.detail else CaseStatus.OPEN
        for position, status in enumerate(statuses, start=1):
            button = QPushButton(action_label(current, status), self)
            button.setObjectName(f"step_{status.value}")
            button.setProperty("status", status.value)
            button.setAutoDefault(False)
            button.clicked.connect(self._step_clicked)
            self.steps_layout.insertWidget(position, button)
            self.step_buttons.append(button)
        self.step_label.setVisible(bool(statuses))

    def _step_clicked(self) -> None:
        button = self.sender()
        if isinstance(button, QPushButton):
            self.request_status(CaseStatus(str(button.property("status"))))

    def step_button(self, status: CaseStatus) -> QPushButton | None:
        for button in self.step_buttons:
            if button.property("status") == status.value:
                return button
        return None

    def request_status(
        self, status: CaseStatus, again: PendingStatusChange | None = None
    ) -> StatusChangeDialog | None:
        """Ask the reason (and, for escalation, the target), then change the status.
        ``again``: a refused change, offered with what was typed."""
        if self.detail is None:
            return None
        dialog = StatusChangeDialog(
            self.detail.reference, self.detail.status, status, self, criteria=self.detail.zvh
        )
        if status is CaseStatus.OPGESCHAALD and self.advice and self.advice.target:
            index = dialog.target_combo.findData(self.advice.target.value)
            dialog.target_combo.setCurrentIndex(max(0, index))
        if again is not None:
            dialog.reason_edit.setPlainText(again.reason)
            if again.escalation_target:
                index = dialog.target_combo.findData(again.escalation_target)
                dialog.target_combo.setCurrentIndex(max(0, index))
            dialog.reference_edit.setText(again.external_reference or "")
            dialog.unmet.reason_edit.setPlainText(again.unmet_reason or "")
        dialog.finished.connect(self._status_dialog_done)
        self.status_dialog = dialog
        dialog.open()
        return dialog

    def _status_dialog_done(self, result: int) -> None:
        dialog = self.status_dialog
        self.status_dialog = None
        if dialog is None:
            return
        dialog.deleteLater()
        if result == StatusChangeDialog.DialogCode.Accepted:
            self.change_status(
                dialog.target,
                dialog.reason(),
                dialog.escalation_target(),
                dialog.external_reference(),
                dialog.unmet_reason(),
            )

    def change_status(
        self,
        status: CaseStatus,
        reason: str,
        escalation_target: str = "",
        external_reference: str | None = None,
        unmet_reason: str | None = None,
    ) -> None:
        ctx, detail = self._ctx, self.detail
        if ctx is None or detail is None:
            return
        case_id, version = detail.case_id, detail.version
        if status is CaseStatus.OPGESCHAALD:

            def work() -> CaseDetail:
                escalations.escalate(
                    ctx, case_id, escalation_target, reason, external_reference, unmet_reason
                )
                return cases.get_case(ctx, case_id)

        else:

            def work() -> CaseDetail:
                return cases.change_case_status(
                    ctx, case_id, status.value, reason, expected_version=version
                )

        for button in self.step_buttons:
            button.setEnabled(False)
        self._pending_change = PendingStatusChange(
            status, reason, escalation_target, external_reference, unmet_reason
        )
        generation = self._generation
        run_operation(
            self,
            work,
            lambda new: self._changed(generation, new),
            lambda exc: self._status_refused(generation, exc),
        )

    def _changed(self, generation: int, detail: CaseDetail) -> None:
        if generation != self._generation or self._ctx is None:
            return
        self._pending_change = None
        self.show_detail(detail)
        self.changed.emit()

    def _work_changed(self, _saved: object = None) -> None:
        """Work was saved (an action step, a visit, ...): the case and its work reload."""
        ctx, detail = self._ctx, self.detail
        if ctx is None or detail is None:
            return
        case_id = detail.case_id
        purpose = self._purpose if detail.emergency_access else None
        generation = self._generation
        run_operation(
            self,
            lambda: cases.get_case(ctx, case_id, purpose),
            lambda new: self._changed(generation, new),
            lambda exc: self._change_failed(generation, exc),
        )

    def follow_change(self) -> None:
        """Another desk changed this case or its work: show what is stored now, as after
        a save here; dialogs keep what is typed in them. While the user types in a field
        of the view itself the reload waits until the field is left."""
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit | QTextEdit | QPlainTextEdit) and self.isAncestorOf(focus):
            QTimer.singleShot(FOLLOW_RETRY_MS, self._follow_when_free)
            return
        self._work_changed()

    def _follow_when_free(self) -> None:
        if self._ctx is not None and self.detail is not None:
            self.follow_change()

    def _status_refused(self, generation: int, exc: BaseException) -> None:
        """The refused change comes back in its dialog, with the reason typed, and the
        message on top of it."""
        pending, self._pending_change = self._pending_change, None
        if generation != self._generation:
            return
        for button in self.step_buttons:
            button.setEnabled(True)
        dialog = self.request_status(pending.status, pending) if pending else None
        errors.show_error(dialog or self, exc)
        self._reload_if_stale(exc)

    def _reload_if_stale(self, exc: BaseException) -> None:
        """Another user changed the case: show what is stored now. The user's input stays
        where it was typed (the reopened dialog), and saving it again is based on the
        fresh version."""
        if isinstance(exc, StaleEdit):
            self._work_changed()

    def _change_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        for button in self.step_buttons:
            button.setEnabled(True)
        errors.show_error(self, exc)
        self._reload_if_stale(exc)

    def _risk_chosen(self, index: int) -> None:
        ctx, detail = self._ctx, self.detail
        level = self.risk_combo.itemData(index)
        if ctx is None or detail is None or level == detail.risk_level.value:
            return
        generation = self._generation
        case_id, version = detail.case_id, detail.version

        def failed(exc: BaseException) -> None:
            self._change_failed(generation, exc)
            if generation == self._generation and self.detail is not None:
                self.risk_combo.setCurrentIndex(
                    self.risk_combo.findData(self.detail.risk_level.value)
                )

        run_operation(
            self,
            lambda: cases.set_risk_level(ctx, case_id, level, expected_version=version),
            lambda new: self._changed(generation, new),
            failed,
        )

    # ------------------------------------------------------------------ persons, lead

    def add_person(self) -> AddPersonDialog | None:
        ctx, detail = self._ctx, self.detail
        if ctx is None or detail is None or not self.may_change():
            return None
        dialog = AddPersonDialog(ctx, detail.case_id, detail.reference, self)
        dialog.setObjectName("addPersonDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._person_added)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _person_added(self, person: PersonView) -> None:
        if self.detail is None:
            return
        self.persons_model.update_row(person)
        self.persons_view.select_row(self.persons_model.row_of(person.person_id))
        self.changed.emit()

    def choose_lead_partner(self) -> None:
        """Load the active partners, then offer them (``last_dialog``)."""
        ctx = self._ctx
        if ctx is None or self.detail is None or not self.may_change():
            return
        generation = self._generation
        run_operation(
            self,
            lambda: partners.partner_choices(ctx),
            lambda choices: self._open_lead_dialog(generation, choices),
        )

    def _open_lead_dialog(self, generation: int, choices: list[tuple[str, str]]) -> None:
        ctx, detail = self._ctx, self.detail
        if generation != self._generation or ctx is None or detail is None:
            return
        dialog = LeadPartnerDialog(ctx, detail, choices, self)
        dialog.setObjectName("leadPartnerDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._detail_saved)
        dialog.stale.connect(self._reload_if_stale)
        self.last_dialog = dialog
        dialog.open()

    def _detail_saved(self, detail: CaseDetail) -> None:
        if self._ctx is None or self.detail is None or detail.case_id != self.detail.case_id:
            return
        self.show_detail(detail)
        self.changed.emit()

    # ------------------------------------------------------------------ printing

    def make_summary(self, to_printer: bool) -> None:
        """The case summary PDF (``reports.api``), opened or sent to the printer."""
        ctx, detail = self._ctx, self.detail
        if ctx is None or detail is None:
            return
        reference = detail.reference
        pseudonymised = detail.pseudonymised
        purpose = self._purpose if detail.emergency_access else None
        files = self.files
        generation = self._generation

        def work() -> Path:
            data = reports.case_summary_bytes(
                ctx, reference, pseudonymised=pseudonymised, purpose=purpose
            )
            return files.write(f"casusoverzicht-{reference}", data)

        run_operation(
            self,
            work,
            lambda path: self._summary_ready(generation, path, to_printer),
            progress=self.tr("Het casusoverzicht wordt gemaakt…"),
        )

    def _summary_ready(self, generation: int, path: Path, to_printer: bool) -> None:
        if generation != self._generation or self._ctx is None:
            return
        self.last_pdf = path
        try:
            if to_printer:
                self.output.print(path, self)
            else:
                self.output.show(path, self)
        except Exception as exc:  # viewer or printer: a plain message
            errors.show_error(self, exc)

    def copy_address(self) -> None:
        if self.detail is not None and not self.detail.pseudonymised:
            copy_case_text(self.detail.address)


__all__ = ["CaseView", "PendingStatusChange", "case_parts"]
