"""One case: header, buttons for the allowed next steps, persons and the timeline.

The header shows address, focus area, status, risk level, casusregisseur and the next
review. Only the status changes the workflow table allows from here (and the user may make)
become buttons. The case is loaded and changed through ``core.services.cases`` off the GUI
thread; ``clear()`` (lock) empties every label and table.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.enums import CaseStatus, RiskLevel
from sociaalveilig.core.services import cases, escalations
from sociaalveilig.core.services.cases import CaseDetail
from sociaalveilig.core.services.context import ServiceContext

from sociaalveilig.ui import errors
from sociaalveilig.ui.clipboard import copy_case_text
from sociaalveilig.ui.models import case_parts
from sociaalveilig.ui.models.case_parts import PersonsModel, TimelineModel
from sociaalveilig.ui.operations import run_operation
from sociaalveilig.ui.record_view import RecordView
from sociaalveilig.ui.settings import UiSettings
from sociaalveilig.ui.status_change_dialog import StatusChangeDialog, action_label


class CaseView(QWidget):
    """Shows one case. ``changed`` after a change was saved; ``back_requested`` for the
    list."""

    changed = Signal()
    back_requested = Signal()
    # A case outside the user's scope: the page asks for a reason (noodknop).
    access_refused = Signal(str, object)  # case id, the AccessDenied

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx: ServiceContext | None = None
        self.detail: CaseDetail | None = None
        self._generation = 0

        self.back_button = QPushButton(self.tr("← Terug naar de lijst"), self)
        self.back_button.setObjectName("backButton")
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back_requested)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("caseTitle")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("caseNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet("color: #b00020;")
        self.notice_label.hide()
        self.copy_button = QPushButton(self.tr("Adres kopiëren"), self)
        self.copy_button.setObjectName("copyAddress")
        self.copy_button.setToolTip(
            self.tr("Kopieert het adres; na 30 seconden wordt het klembord weer leeggemaakt.")
        )
        self.copy_button.clicked.connect(self.copy_address)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.title_label, 1)
        top.addWidget(self.copy_button)

        self.fields: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        names = [
            ("address", self.tr("Adres")),
            ("area", self.tr("Focusgebied")),
            ("status", self.tr("Status")),
            ("risk", self.tr("Risico")),
            ("lead", self.tr("Casusregisseur")),
            ("review", self.tr("Volgende bespreking")),
        ]
        for index, (key, caption) in enumerate(names):
            caption_label = QLabel(caption + ":", self)
            caption_label.setStyleSheet("color: #555;")
            value = QLabel(self)
            value.setObjectName(f"field_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            row, col = divmod(index, 3)
            grid.addWidget(caption_label, row, col * 2)
            grid.addWidget(value, row, col * 2 + 1)
        for col in (1, 3, 5):
            grid.setColumnStretch(col, 1)

        self.risk_combo = QComboBox(self)
        self.risk_combo.setObjectName("riskCombo")
        for level in RiskLevel:
            self.risk_combo.addItem(level.label, level.value)
        self.risk_combo.activated.connect(self._risk_chosen)
        self.step_label = QLabel(self.tr("Volgende stap:"), self)
        self.steps_layout = QHBoxLayout()
        self.steps_layout.addWidget(self.step_label)
        self.step_buttons: list[QPushButton] = []
        self.steps_layout.addStretch(1)
        self.steps_layout.addWidget(QLabel(self.tr("Risico:"), self))
        self.steps_layout.addWidget(self.risk_combo)

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)

        self.persons_model = PersonsModel(self)
        self.persons_view = RecordView("casePersons", self)
        self.persons_view.setModel(self.persons_model)
        self.persons_view.fit_columns({0: 120, 1: 200, 2: 100})
        persons_box = QWidget(self)
        persons_layout = QVBoxLayout(persons_box)
        persons_layout.setContentsMargins(0, 0, 0, 0)
        persons_layout.addWidget(QLabel(self.tr("Betrokkenen"), persons_box))
        persons_layout.addWidget(self.persons_view)

        self.timeline_model = TimelineModel(self)
        self.timeline_view = RecordView("caseTimeline", self, sortable=False)
        self.timeline_view.setModel(self.timeline_model)
        self.timeline_view.fit_columns({0: 120, 1: 120, 2: 120})
        self.timeline_view.setWordWrap(False)
        timeline_box = QWidget(self)
        timeline_layout = QVBoxLayout(timeline_box)
        timeline_layout.setContentsMargins(0, 0, 0, 0)
        timeline_layout.addWidget(QLabel(self.tr("Tijdlijn"), timeline_box))
        timeline_layout.addWidget(self.timeline_view)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(persons_box)
        splitter.addWidget(timeline_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice_label)
        layout.addLayout(grid)
        layout.addLayout(self.steps_layout)
        layout.addWidget(line)
        layout.addWidget(splitter, 1)
        self.clear()

    # ------------------------------------------------------------------ context

    def set_context(self, ctx: ServiceContext | None) -> None:
        self._ctx = ctx
        if ctx is None:
            self.clear()

    def set_settings(self, settings: UiSettings) -> None:
        self.persons_view.set_settings(settings)
        self.timeline_view.set_settings(settings)

    def save_layout(self) -> None:
        self.persons_view.save_layout()
        self.timeline_view.save_layout()

    def clear(self) -> None:
        """Empty everything (lock, or before another case is shown)."""
        self._generation += 1
        self.detail = None
        self.title_label.clear()
        self.notice_label.clear()
        self.notice_label.hide()
        for label in self.fields.values():
            label.clear()
        self._set_step_buttons(())
        self.risk_combo.setEnabled(False)
        self.copy_button.setEnabled(False)
        self.persons_model.clear()
        self.timeline_model.clear()

    # ------------------------------------------------------------------ load

    def load(self, case_id: str, purpose: str | None = None) -> None:
        """Load and show a case (off the GUI thread)."""
        ctx = self._ctx
        if ctx is None:
            return
        self.clear()
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
        from sociaalveilig.core.errors import AccessDenied

        if isinstance(exc, AccessDenied):
            self.access_refused.emit(case_id, exc)
            return
        errors.show_error(self, exc)

    def show_detail(self, detail: CaseDetail) -> None:
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
        self.persons_model.set_rows(detail.persons)
        self.timeline_model.set_rows(detail.timeline)
        self.timeline_view.scrollToBottom()

    # ------------------------------------------------------------------ steps

    def _set_step_buttons(self, statuses: tuple[CaseStatus, ...]) -> None:
        for button in self.step_buttons:
            self.steps_layout.removeWidget(button)
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

    def request_status(self, status: CaseStatus) -> None:
        """Ask the reason (and, for escalation, the target), then change the status."""
        if self.detail is None:
            return
        dialog = StatusChangeDialog(self.detail.reference, self.detail.status, status, self)
        dialog.finished.connect(self._status_dialog_done)
        self.status_dialog: StatusChangeDialog | None = dialog
        dialog.open()

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
            )

    def change_status(
        self,
        status: CaseStatus,
        reason: str,
        escalation_target: str = "",
        external_reference: str | None = None,
    ) -> None:
        ctx, detail = self._ctx, self.detail
        if ctx is None or detail is None:
            return
        case_id = detail.case_id
        if status is CaseStatus.OPGESCHAALD:

            def work() -> CaseDetail:
                escalations.escalate(ctx, case_id, escalation_target, reason, external_reference)
                return cases.get_case(ctx, case_id)

        else:

            def work() -> CaseDetail:
                return cases.change_case_status(ctx, case_id, status.value, reason)

        for button in self.step_buttons:
            button.setEnabled(False)
        generation = self._generation
        run_operation(
            self,
            work,
            lambda new: self._changed(generation, new),
            lambda exc: self._change_failed(generation, exc),
        )

    def _changed(self, generation: int, detail: CaseDetail) -> None:
        if generation != self._generation or self._ctx is None:
            return
        self.show_detail(detail)
        self.changed.emit()

    def _change_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        for button in self.step_buttons:
            button.setEnabled(True)
        errors.show_error(self, exc)

    def _risk_chosen(self, index: int) -> None:
        ctx, detail = self._ctx, self.detail
        level = self.risk_combo.itemData(index)
        if ctx is None or detail is None or level == detail.risk_level.value:
            return
        generation = self._generation
        case_id = detail.case_id
        run_operation(
            self,
            lambda: cases.set_risk_level(ctx, case_id, level),
            lambda new: self._changed(generation, new),
            lambda exc: self._change_failed(generation, exc),
        )

    # ------------------------------------------------------------------ clipboard

    def copy_address(self) -> None:
        if self.detail is not None and not self.detail.pseudonymised:
            copy_case_text(self.detail.address)


__all__ = ["CaseView", "case_parts"]
