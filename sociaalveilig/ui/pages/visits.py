"""Huisbezoeken: the week planner, planning a (joint) visit, recording the outcome.

"Niemand thuis" is not the end: the service proposes the same time on the next working
day and the page offers to plan that new visit straight away (each attempt keeps its own
record). The planner shows addresses and case numbers, never residents' names.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.enums import Role, VisitStatus
from sociaalveilig.services import calendar_export, live, visits
from sociaalveilig.services.calendar_export import CalendarExport
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.live import ChangeBatch, VisitUpdate
from sociaalveilig.services.visits import OutcomeResult, VisitRow

from sociaalveilig.ui.calendar_export import (
    KIND_VISIT,
    default_name,
    export_my_calendar,
    export_to_calendar,
)
from sociaalveilig.ui.choices import Choices, load_choices
from sociaalveilig.ui.dialogs.plan_visit import PlanVisitDialog
from sociaalveilig.ui.dialogs.reason import ReasonDialog
from sociaalveilig.ui.dialogs.visit_outcome import VisitOutcomeDialog
from sociaalveilig.ui.dialogs.visit_time import VisitTimeDialog, replan_dialog
from sociaalveilig.ui.flow_layout import FlowLayout
from sociaalveilig.ui.master_detail import (
    MasterDetailPage,
    heading_label,
    list_column,
    master_detail_splitter,
)
from sociaalveilig.ui.models.week_plan import WeekPlanModel
from sociaalveilig.ui.record_link import RecordLink

PLANNERS = frozenset({Role.COORDINATOR, Role.WIJKAGENT})
REPLANNABLE = frozenset({VisitStatus.NIEMAND_THUIS, VisitStatus.GEWEIGERD})


# One load: the week it is for, its visits, and the choices the dialogs offer.
WeekLoad = tuple[date, list[VisitRow], Choices]


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class VisitsPage(MasterDetailPage[WeekLoad]):
    roles = frozenset({Role.COORDINATOR, Role.WIJKAGENT, Role.PARTNER})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = Choices()
        self.monday: date | None = None
        self._cancelling: str | None = None
        self.last_export: CalendarExport | None = None

        self.model = WeekPlanModel(self)
        self.grid = QTableView(self)
        self.grid.setObjectName("weekPlan")
        self.grid.setModel(self.model)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setWordWrap(True)
        self.grid.setShowGrid(True)
        self.grid.setTabKeyNavigation(False)
        self.grid.verticalHeader().setVisible(False)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.setAccessibleName(self.tr("Weekplanning huisbezoeken"))
        self.grid.selectionModel().currentChanged.connect(self._current_changed)
        self.grid.doubleClicked.connect(lambda _index: self.record_outcome())
        self.empty_label = QLabel(self.tr("Geen huisbezoeken in deze week."), self)
        self.empty_label.setObjectName("emptyWeek")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.previous_button = QPushButton(self.tr("◀ Vorige week"), self)
        self.previous_button.setObjectName("previousWeek")
        self.previous_button.setToolTip(self.tr("Alt+Links"))
        self.this_week_button = QPushButton(self.tr("Deze week"), self)
        self.this_week_button.setObjectName("thisWeek")
        self.next_button = QPushButton(self.tr("Volgende week ▶"), self)
        self.next_button.setObjectName("nextWeek")
        self.next_button.setToolTip(self.tr("Alt+Rechts"))
        self.week_label = heading_label(self, "weekLabel")
        self.plan_button = QPushButton(self.tr("Huisbezoek &plannen…"), self)
        self.plan_button.setObjectName("planVisit")
        self.my_calendar_button = QPushButton(self.tr("&Mijn agenda exporteren…"), self)
        self.my_calendar_button.setObjectName("exportMyCalendar")
        self.my_calendar_button.setToolTip(
            self.tr(
                "Uw huisbezoeken en overleggen (vanaf 30 dagen terug tot een jaar vooruit) "
                "als .ics-bestand voor Outlook of een ander agendaprogramma."
            )
        )
        self.my_calendar_button.clicked.connect(self._my_calendar_clicked)
        self.previous_button.clicked.connect(lambda: self.go_week(-1))
        self.next_button.clicked.connect(lambda: self.go_week(+1))
        self.this_week_button.clicked.connect(self.go_this_week)
        self.plan_button.clicked.connect(lambda: self.plan_visit())
        QShortcut(QKeySequence("Alt+Left"), self, lambda: self.go_week(-1))
        QShortcut(QKeySequence("Alt+Right"), self, lambda: self.go_week(+1))

        # Wraps on a narrow window rather than forcing it wider.
        bar = FlowLayout()
        bar.add_widget(self.previous_button)
        bar.add_widget(self.this_week_button)
        bar.add_widget(self.next_button)
        bar.add_widget(self.week_label, 1)
        bar.add_widget(self.my_calendar_button)
        bar.add_widget(self.plan_button)

        splitter = master_detail_splitter(
            self,
            list_column(self, self.grid, self.empty_label),
            self._build_detail(),
            Qt.Orientation.Vertical,
            (3, 1),
        )

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self._show_detail(None)

    def _build_detail(self) -> QWidget:
        frame = QFrame(self)
        frame.setObjectName("visitDetail")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail_when = QLabel(frame)
        self.detail_address = QLabel(frame)
        self.detail_case = QLabel(frame)
        self.detail_partners = QLabel(frame)
        self.detail_purpose = QLabel(frame)
        self.detail_status = QLabel(frame)
        self.detail_notes = QLabel(frame)
        for label in (
            self.detail_when,
            self.detail_address,
            self.detail_case,
            self.detail_partners,
            self.detail_purpose,
            self.detail_status,
            self.detail_notes,
        ):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Wanneer:"), self.detail_when)
        form.addRow(self.tr("Adres:"), self.detail_address)
        form.addRow(self.tr("Casus:"), self.detail_case)
        form.addRow(self.tr("Partners:"), self.detail_partners)
        form.addRow(self.tr("Doel:"), self.detail_purpose)
        form.addRow(self.tr("Status:"), self.detail_status)
        form.addRow(self.tr("Aantekeningen:"), self.detail_notes)

        self.outcome_button = QPushButton(self.tr("&Uitkomst vastleggen…"), frame)
        self.outcome_button.setObjectName("recordOutcome")
        self.replan_button = QPushButton(self.tr("&Opnieuw plannen…"), frame)
        self.replan_button.setObjectName("replanVisit")
        self.move_button = QPushButton(self.tr("&Verplaatsen…"), frame)
        self.move_button.setObjectName("moveVisit")
        self.cancel_button = QPushButton(self.tr("&Annuleren…"), frame)
        self.cancel_button.setObjectName("cancelVisit")
        self.open_case_button = QPushButton(self.tr("Casus openen"), frame)
        self.open_case_button.setObjectName("openCase")
        self.export_button = QPushButton(self.tr("Exporteren naar agenda (.ics)…"), frame)
        self.export_button.setObjectName("exportVisit")
        self.export_button.setToolTip(
            self.tr("Dit huisbezoek als afspraak voor Outlook of een ander agendaprogramma.")
        )
        self.export_button.clicked.connect(self._export_clicked)
        self.outcome_button.clicked.connect(self.record_outcome)
        self.replan_button.clicked.connect(lambda: self.replan())
        self.move_button.clicked.connect(self.move_visit)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_case_button.clicked.connect(self._open_case)
        buttons = QVBoxLayout()
        for button in (
            self.outcome_button,
            self.replan_button,
            self.move_button,
            self.cancel_button,
            self.open_case_button,
            self.export_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QHBoxLayout(frame)
        layout.addLayout(form, 1)
        layout.addLayout(buttons)
        return frame

    # ------------------------------------------------------------------ page contract

    def title(self) -> str:
        return self.tr("Huisbezoeken")

    def set_context(self, ctx: ServiceContext | None) -> None:
        if ctx is not None:
            if self.monday is None:
                self.monday = monday_of(ctx.clock.now().date())
            self.plan_button.setVisible(ctx.actor.role in PLANNERS)
        super().set_context(ctx)

    def rows_loader(self, ctx: ServiceContext) -> Callable[[ServiceContext], WeekLoad]:
        if self.monday is None:
            self.monday = monday_of(ctx.clock.now().date())
        monday = self.monday
        self._update_week_label()
        return lambda c: (monday, visits.week_plan(c, monday), load_choices(c))

    def show_rows(self, loaded: WeekLoad) -> None:
        monday, rows, choices = loaded
        ctx = self.ctx
        if ctx is None:
            return
        self.choices = choices
        self.model.set_week(monday, rows, ctx.clock.now().date())
        self.empty_label.setVisible(not rows)
        self.grid.resizeRowsToContents()

    def apply_changes(self, batch: ChangeBatch) -> None:
        """Visits another desk planned, moved or closed: the shown week asks for just
        those (``live.visit_update``) and puts each in its day; a hidden page reloads when
        next shown."""
        if batch.reload:
            self.mark_stale()
            return
        ids = sorted({c.object_id for c in batch.changes if c.object_type == "visit"})
        monday = self.model.monday
        if not ids or monday is None or self._stale:
            return
        if not self.isVisible():
            self._stale = True
            return
        generation = self._generation
        self.run(
            lambda c: live.visit_update(c, monday, ids),
            lambda update: self._update_arrived(generation, monday, update),
        )

    def _update_arrived(self, generation: int, monday: date, update: VisitUpdate) -> None:
        if generation != self._generation or self.model.monday != monday:
            return  # the week was reloaded or changed meanwhile
        self.model.apply_update(update.rows, update.gone)
        self.empty_label.setVisible(not self.model.visits())
        self.grid.resizeRowsToContents()
        self._show_detail(self.selected_visit())

    def chosen_id(self) -> str | None:
        visit = self.selected_visit()
        return visit.visit_id if visit is not None else None

    def choose(self, record_id: str) -> bool:
        position = self.model.position_of(record_id)
        if position is None:
            return False
        self.select_visit_at(*position)
        return True

    def choose_default(self) -> None:
        self._show_detail(None)

    def clear(self) -> None:
        self.model.clear()
        self.choices = Choices()
        self.monday = None
        self.forget_choice()
        self._cancelling = None
        self.last_export = None
        self.week_label.clear()
        self.empty_label.setVisible(False)
        self._show_detail(None)

    # ------------------------------------------------------------------ weeks

    def _update_week_label(self) -> None:
        if self.monday is None:
            self.week_label.clear()
            return
        sunday = self.monday + timedelta(days=6)
        week = self.monday.isocalendar().week
        self.week_label.setText(
            self.tr("Week {week} · {first} t/m {last}").format(
                week=week, first=f"{self.monday:%d-%m}", last=f"{sunday:%d-%m-%Y}"
            )
        )

    def go_week(self, step: int) -> None:
        if self.monday is None or self.ctx is None:
            return
        self.monday += timedelta(days=7 * step)
        self._show_detail(None)
        self.refresh()

    def go_this_week(self) -> None:
        if self.ctx is None:
            return
        self.show_week_of(self.ctx.clock.now().date())

    def show_week_of(self, day: date, select_visit: str | None = None) -> None:
        self.monday = monday_of(day)
        self.load_choosing(select_visit)

    def show_record(self, link: RecordLink) -> None:
        """Vandaag or a reminder opens a visit: its week, the visit selected."""
        if link.day is not None:
            self.show_week_of(link.day, link.object_id)

    # ------------------------------------------------------------------ selection

    def selected_visit(self) -> VisitRow | None:
        index = self.grid.currentIndex()
        if not index.isValid():
            return None
        return self.model.visit_at(index.row(), index.column())

    def select_visit_at(self, row: int, column: int) -> None:
        index = self.model.index(row, column)
        self.grid.setCurrentIndex(index)
        self.grid.scrollTo(index)
        self._show_detail(self.model.visit_at(row, column))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        visit = self.model.visit_at(current.row(), current.column()) if current.isValid() else None
        self._show_detail(visit)

    def _show_detail(self, visit: VisitRow | None) -> None:
        ctx = self.ctx
        if visit is None:
            for label in (
                self.detail_when,
                self.detail_address,
                self.detail_case,
                self.detail_partners,
                self.detail_purpose,
                self.detail_status,
                self.detail_notes,
            ):
                label.clear()
            self.detail_when.setText(self.tr("Kies een huisbezoek in de planning."))
            for button in (
                self.outcome_button,
                self.replan_button,
                self.move_button,
                self.cancel_button,
                self.open_case_button,
                self.export_button,
            ):
                button.setEnabled(False)
            return
        self.detail_when.setText(
            self.tr("{day} {start}–{end}").format(
                day=f"{visit.start:%d-%m-%Y}",
                start=f"{visit.start:%H:%M}",
                end=f"{visit.end:%H:%M}",
            )
        )
        self.detail_address.setText(visit.address.line)
        self.detail_case.setText(visit.case_reference or self.tr("—"))
        joint = self.tr(" (gezamenlijk)") if visit.joint else ""
        self.detail_partners.setText(", ".join(visit.partner_names) + joint)
        self.detail_purpose.setText(visit.purpose)
        status = visit.status.label
        if visit.follow_up_of:
            status += self.tr(" · vervolg op een eerder bezoek")
        self.detail_status.setText(status)
        self.detail_notes.setText(visit.outcome_notes or "")
        planner = ctx is not None and ctx.actor.role in PLANNERS
        planned = visit.status is VisitStatus.GEPLAND
        started = ctx is not None and visit.start <= ctx.clock.now()
        self.outcome_button.setEnabled(planned and started)
        self.outcome_button.setToolTip(
            "" if started or not planned
            else self.tr("De uitkomst kan worden vastgelegd zodra het bezoek is begonnen.")
        )
        self.move_button.setEnabled(planner and planned)
        self.cancel_button.setEnabled(planner and planned)
        self.replan_button.setEnabled(planner and visit.status in REPLANNABLE)
        self.open_case_button.setEnabled(visit.case_id is not None)
        self.export_button.setEnabled(True)

    def _open_case(self) -> None:
        visit = self.selected_visit()
        if visit is not None and visit.case_id:
            self.open_case_requested.emit(visit.case_id)

    # ------------------------------------------------------------------ actions

    def plan_visit(self, case_reference: str = "") -> PlanVisitDialog | None:
        ctx = self.ctx
        if ctx is None:
            return None
        now = ctx.clock.now()
        day = self.monday if self.monday and self.monday > now.date() else now.date()
        start = datetime.combine(day, time(now.hour + 1 if now.hour < 17 else 9, 0))
        if start <= now:
            start = datetime.combine(day + timedelta(days=1), time(9, 0))
        dialog = PlanVisitDialog(ctx, self.choices, start, self, case_reference)
        dialog.saved.connect(self._visit_planned)
        return self.open_dialog(dialog, "planVisitDialog")

    def _visit_planned(self, visit: VisitRow) -> None:
        self.data_changed.emit()
        self.show_week_of(visit.start.date(), visit.visit_id)

    def record_outcome(self) -> VisitOutcomeDialog | None:
        visit = self.selected_visit()
        if self.ctx is None or visit is None or not self.outcome_button.isEnabled():
            return None
        dialog = VisitOutcomeDialog(self.ctx, visit, self)
        dialog.saved.connect(self._outcome_recorded)
        dialog.stale.connect(self._changed_elsewhere)
        return self.open_dialog(dialog, "visitOutcomeDialog")

    def _outcome_recorded(self, result: OutcomeResult) -> None:
        self.changed_choosing(result.visit.visit_id)
        if result.proposed_start is not None:
            self.replan(result.visit, result.proposed_start)

    def replan(
        self, visit: VisitRow | None = None, proposed: datetime | None = None
    ) -> VisitTimeDialog | None:
        ctx = self.ctx
        visit = visit or self.selected_visit()
        if ctx is None or visit is None:
            return None
        if ctx.actor.role not in PLANNERS:
            return None
        if proposed is None:
            proposed = visits.proposed_new_start(visit.start, ctx.clock.now().date())
        dialog = replan_dialog(ctx, visit, proposed, self)
        dialog.saved.connect(self._visit_planned)
        return self.open_dialog(dialog)

    def _changed_elsewhere(self, _exc: object) -> None:
        """Another user changed the visit first: the week shows it beside the dialog."""
        self.refresh()

    def move_visit(self) -> VisitTimeDialog | None:
        ctx = self.ctx
        visit = self.selected_visit()
        if ctx is None or visit is None:
            return None
        visit_id = visit.visit_id
        dialog = VisitTimeDialog(
            ctx,
            self.tr("Huisbezoek verplaatsen"),
            self.tr("Kies een nieuwe datum en tijd voor het huisbezoek op {address}.").format(
                address=visit.address.line
            ),
            visit.start,
            visit.end - visit.start,
            lambda c, start, end, sure, version: visits.move_visit(
                c, visit_id, start, end, sure, expected_version=version
            ),
            self,
        )
        dialog.set_version(visit.version)
        dialog.stale.connect(self._changed_elsewhere)
        dialog.saved.connect(self._visit_planned)
        return self.open_dialog(dialog, "moveVisitDialog")

    def cancel(self) -> ReasonDialog | None:
        ctx = self.ctx
        visit = self.selected_visit()
        if ctx is None or visit is None:
            return None
        visit_id = visit.visit_id
        dialog = ReasonDialog(
            ctx,
            self.tr("Huisbezoek annuleren"),
            self.tr("Waarom vervalt het huisbezoek van {when}?").format(
                when=f"{visit.start:%d-%m-%Y %H:%M}"
            ),
            lambda c, reason, version: visits.cancel_visit(
                c, visit_id, reason, expected_version=version
            ),
            self,
            label=self.tr("&Reden:"),
            save_text=self.tr("Huisbezoek annuleren"),
            version=visit.version,
        )
        dialog.stale.connect(self._changed_elsewhere)
        self._cancelling = visit_id
        # A bound method, not a lambda: the dialog deletes itself when it closes.
        dialog.saved.connect(self._cancelled)
        return self.open_dialog(dialog, "cancelVisitDialog")

    def _cancelled(self, _row: object) -> None:
        visit_id, self._cancelling = self._cancelling, None
        if visit_id is not None:
            self.changed_choosing(visit_id)

    # ------------------------------------------------------------------ calendar

    def _export_clicked(self) -> None:
        self.export_visit()

    def _my_calendar_clicked(self) -> None:
        self.export_my_calendar()

    def export_visit(self, out: Path | None = None) -> bool:
        """The selected visit as an .ics file (a save dialog unless ``out`` is given)."""
        visit = self.selected_visit()
        if self.ctx is None or visit is None:
            return False
        visit_id = visit.visit_id
        return export_to_calendar(
            self,
            lambda ctx, path: calendar_export.export_visit(ctx, visit_id, path),
            default_name(KIND_VISIT, visit.start.date()),
            out,
            self._exported,
        )

    def export_my_calendar(self, out: Path | None = None) -> bool:
        """The user's own visits and meetings as one .ics file."""
        return export_my_calendar(self, out, self._exported)

    def _exported(self, result: CalendarExport) -> None:
        self.last_export = result
