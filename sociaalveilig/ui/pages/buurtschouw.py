"""Buurtschouwen: plan a walk, take the printed pack along, enter the findings on the
checklist (each can become a signal with source buurtschouw), and follow the walk's
action list. The page calls the buurtschouw services; findings carry no residents' names.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.enums import Role
from sociaalveilig.core.errors import SociaalVeiligError
from sociaalveilig.reports import api as reports
from sociaalveilig.services import buurtschouw
from sociaalveilig.services.buurtschouw import (
    FindingInfo,
    WalkActionRow,
    WalkInfo,
    WalkStatus,
)
from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui import errors
from sociaalveilig.ui.checklist_tree import ChecklistTree
from sociaalveilig.ui.choices import Choices, first_own_area, load_choices
from sociaalveilig.ui.dialogs.finding_signal import FindingSignalDialog
from sociaalveilig.ui.dialogs.plan_buurtschouw import PlanBuurtschouwDialog
from sociaalveilig.ui.document_output import DocumentOutput, ReportFiles, document_output
from sociaalveilig.ui.flow_layout import FlowLayout
from sociaalveilig.ui.master_detail import (
    MasterDetailPage,
    choose_row,
    heading_label,
    list_column,
    master_detail_splitter,
)
from sociaalveilig.ui.menu_button import MenuButton
from sociaalveilig.ui.models.finding_table import FindingTableModel
from sociaalveilig.ui.models.walk_action_table import WalkActionTableModel
from sociaalveilig.ui.models.walk_table import WalkTableModel
from sociaalveilig.ui.pages.signals import sample_widths
from sociaalveilig.ui.panels.finding_form import FindingDraft, FindingForm
from sociaalveilig.ui.record_view import RecordView, bind_layouts, save_layouts
from sociaalveilig.ui.settings import UiSettings

# Walks shown by default: from a while back (to enter findings afterwards) onwards.
LOOK_BACK = timedelta(days=60)

WalkContent = tuple[WalkInfo, list[FindingInfo], list[WalkActionRow]]
# One load of the list: the walks, and the choices the form and the dialogs offer.
WalkLoad = tuple[list[WalkInfo], Choices]

# Column widths from sample text (any screen scale). In the walk list the area takes what
# is left (full name in its tooltip); in the findings the description does.
WALK_SAMPLES = {
    WalkTableModel.COL_DATE: "wo 00-00-0000",
    WalkTableModel.COL_STATUS: "Afgerond",
}
FINDING_SAMPLES = {
    FindingTableModel.COL_ITEM: "Schoon: Afvalbakken en co",
    FindingTableModel.COL_PLACE: "Verzonnenpad 104, 0000 AA",
    FindingTableModel.COL_CATEGORY: "OP-JEUGD",
    FindingTableModel.COL_SIGNAL: "S-0000-000000",
}


class BuurtschouwPage(MasterDetailPage[WalkLoad]):
    roles = frozenset({Role.COORDINATOR, Role.WIJKAGENT})

    def __init__(self, parent: QWidget | None = None, output: DocumentOutput | None = None) -> None:
        super().__init__(parent)
        self.output = output if output is not None else document_output()
        self.files = ReportFiles()
        self.choices = Choices()
        self.walk: WalkInfo | None = None
        self._signal_walk_id: str | None = None

        bar = self._build_bar()
        left = self._build_walk_list()
        head_row = self._build_walk_head()
        findings_tab = self._build_findings_tab()
        self.action_rows = WalkActionTableModel(self)
        self.action_view = RecordView("walkActions", self)
        self.action_view.setModel(self.action_rows)
        self.action_view.activated_row.connect(self._open_case)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("walkTabs")
        self.tabs.addTab(findings_tab, self.tr("&Checklist en bevindingen"))
        self.tabs.addTab(self.action_view, self.tr("Actie&lijst"))

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(head_row)
        right_layout.addWidget(self.route)
        right_layout.addWidget(self.tabs, 1)

        splitter = master_detail_splitter(
            self, left, right, Qt.Orientation.Horizontal, (1, 3), (340, 820)
        )
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self._show_walk(None)

    def _build_bar(self) -> FlowLayout:
        """The filters and the plan button above the list and the walk."""
        self.area_filter = QComboBox(self)
        self.area_filter.setObjectName("walkAreaFilter")
        self.area_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.show_old = QCheckBox(self.tr("Ook oudere schouwen"), self)
        self.show_old.setObjectName("showOldWalks")
        self.show_old.toggled.connect(lambda _on: self.refresh())
        self.plan_button = QPushButton(self.tr("Buurtschouw &plannen…"), self)
        self.plan_button.setObjectName("planWalk")
        self.plan_button.clicked.connect(lambda: self.plan_walk())
        area_label = QLabel(self.tr("&Focusgebied:"), self)
        area_label.setBuddy(self.area_filter)
        # Wraps on a narrow window rather than forcing it wider.
        area_row = QHBoxLayout()
        area_row.addWidget(area_label)
        area_row.addWidget(self.area_filter, 1)
        bar = FlowLayout()
        bar.add_layout(area_row, 1)
        bar.add_widget(self.show_old)
        bar.add_stretch(1)
        bar.add_widget(self.plan_button)
        return bar

    def _build_walk_list(self) -> QWidget:
        self.walks = WalkTableModel(self)
        self.walk_view = RecordView("walks", self)
        self.walk_view.setModel(self.walks)
        self.walk_view.current_row_changed.connect(self._walk_changed)
        self.walk_view.setMinimumWidth(200)
        self.walk_view.fit_columns(sample_widths(self.walk_view, WALK_SAMPLES))
        walk_header = self.walk_view.horizontalHeader()
        walk_header.setStretchLastSection(False)
        walk_header.setSectionResizeMode(WalkTableModel.COL_AREA, QHeaderView.ResizeMode.Stretch)
        # The list is narrow beside the checklist: the number of findings shows in the
        # status tooltip and in the walk itself, the area gets the room.
        self.walk_view.setColumnHidden(WalkTableModel.COL_FINDINGS, True)
        self.no_walks = QLabel(self.tr("Geen buurtschouwen gepland."), self)
        self.no_walks.setObjectName("noWalks")
        self.no_walks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        left = list_column(self, self.walk_view, self.no_walks)
        return left

    def _build_walk_head(self) -> FlowLayout:
        """The chosen walk's heading and route, the pack to take along, finishing it."""
        self.header = heading_label(self, "walkHeader")
        self.route = QLabel(self)
        self.route.setObjectName("walkRoute")
        self.route.setWordWrap(True)
        self.route.setTextFormat(Qt.TextFormat.PlainText)
        self.pack_button = MenuButton(self.tr("Pakket voor onderweg"), self)
        self.pack_button.setObjectName("walkPack")
        menu = QMenu(self.pack_button)
        open_action = QAction(self.tr("Openen als PDF"), menu)
        print_action = QAction(self.tr("Afdrukken…"), menu)
        open_action.triggered.connect(lambda: self.make_pack(False))
        print_action.triggered.connect(lambda: self.make_pack(True))
        menu.addAction(open_action)
        menu.addAction(print_action)
        self.pack_button.setMenu(menu)
        self.finish_button = QPushButton(self.tr("Schouw &afronden"), self)
        self.finish_button.setObjectName("finishWalk")
        self.finish_button.clicked.connect(self.confirm_finish)
        head_row = FlowLayout()
        head_row.add_widget(self.header, 1)
        head_row.add_widget(self.pack_button)
        head_row.add_widget(self.finish_button)
        return head_row

    def _build_findings_tab(self) -> QSplitter:
        """The checklist beside the finding form, the walk's findings below."""
        self.checklist = ChecklistTree(self)
        self.form = FindingForm(self)
        self.form.submitted.connect(self.add_finding)
        self.checklist.item_chosen.connect(self.form.select_item)
        # Both ways: a point chosen in the form shows in the checklist, with its hint.
        self.form.item.currentIndexChanged.connect(
            lambda _index: self.checklist.select_code(str(self.form.item.currentData()))
        )
        self.checklist.select_code(str(self.form.item.currentData()))
        self.findings = FindingTableModel(self)
        self.finding_view = RecordView("findings", self)
        self.finding_view.setModel(self.findings)
        self.finding_view.fit_columns(sample_widths(self.finding_view, FINDING_SAMPLES))
        finding_header = self.finding_view.horizontalHeader()
        finding_header.setStretchLastSection(False)
        finding_header.setSectionResizeMode(
            FindingTableModel.COL_DESCRIPTION, QHeaderView.ResizeMode.Stretch
        )
        self.finding_view.activated_row.connect(lambda _row: self.make_signal())
        self.finding_view.current_row_changed.connect(lambda _row: self._update_buttons())
        self.signal_button = QPushButton(self.tr("&Signaal maken…"), self)
        self.signal_button.setObjectName("findingToSignal")
        self.signal_button.clicked.connect(lambda: self.make_signal())
        top = QSplitter(Qt.Orientation.Horizontal, self)
        # The checklist's points stay readable on a laptop (the form gives way).
        self.checklist.setMinimumWidth(self.checklist.fontMetrics().averageCharWidth() * 24)
        top.addWidget(self.checklist)
        top.addWidget(self.form)
        top.setStretchFactor(0, 1)
        top.setStretchFactor(1, 1)
        below = QWidget(self)
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.finding_view, 1)
        signal_row = QHBoxLayout()
        signal_row.addStretch(1)
        signal_row.addWidget(self.signal_button)
        below_layout.addLayout(signal_row)
        findings_tab = QSplitter(Qt.Orientation.Vertical, self)
        findings_tab.addWidget(top)
        findings_tab.addWidget(below)
        findings_tab.setStretchFactor(0, 3)
        findings_tab.setStretchFactor(1, 2)
        return findings_tab

    # ------------------------------------------------------------------ page contract

    def title(self) -> str:
        return self.tr("Buurtschouwen")

    def rows_loader(self, ctx: ServiceContext) -> Callable[[ServiceContext], WalkLoad]:
        area = self.area_filter.currentData()
        since = None if self.show_old.isChecked() else ctx.clock.now().date() - LOOK_BACK
        return lambda c: (buurtschouw.list_buurtschouwen(c, area, since), load_choices(c))

    def show_rows(self, loaded: WalkLoad) -> None:
        rows, choices = loaded
        if choices != self.choices:
            self.choices = choices
            self.fill_area_filter(self.area_filter, choices.areas)
            self.form.set_categories(choices.categories)
        self.walks.set_rows(rows)
        self.no_walks.setVisible(not rows)

    def chosen_id(self) -> str | None:
        return self.walk.walk_id if self.walk is not None else None

    def choose(self, record_id: str) -> bool:
        return choose_row(self.walk_view, self.walks.row_of(record_id), self._walk_changed)

    def choose_default(self) -> None:
        """With no walk shown, the first one still open for findings."""
        if self.walk is None and self.walks.rows:
            choose_row(self.walk_view, self._first_open_row(self.walks.rows), self._walk_changed)
        elif self.walk is not None and self.walks.row_of(self.walk.walk_id) < 0:
            self._show_walk(None)

    def _first_open_row(self, rows: list[WalkInfo]) -> int:
        ctx = self.ctx
        today = ctx.clock.now().date() if ctx is not None else date.today()
        for number, walk in enumerate(rows):
            if walk.status is not WalkStatus.AFGEROND and walk.walk_date <= today:
                return number
        return 0

    def set_settings(self, settings: UiSettings) -> None:
        bind_layouts(self, settings)

    def save_layout(self) -> None:
        save_layouts(self)

    def clear(self) -> None:
        self.walks.clear()
        self.choices = Choices()
        self.forget_choice()
        self.clear_area_filter(self.area_filter)
        self.form.clear()
        self.no_walks.setVisible(False)
        self._show_walk(None)
        self.files.wipe()
        self.last_pdf = None

    # ------------------------------------------------------------------ one walk

    def _walk_changed(self, row: int) -> None:
        walk = self.walks.row_object(row)
        if walk is not None:
            self.load_walk(walk.walk_id)

    def load_walk(self, walk_id: str) -> None:
        gone = self.tr("Deze buurtschouw bestaat niet meer.")

        def load(c: ServiceContext) -> WalkContent:
            info = next(
                (w for w in buurtschouw.list_buurtschouwen(c) if w.walk_id == walk_id), None
            )
            if info is None:
                raise SociaalVeiligError(gone)
            return (
                info,
                buurtschouw.list_findings(c, walk_id),
                buurtschouw.walk_action_list(c, walk_id),
            )

        self.run(load, lambda content: self._show_walk(*content))

    def _show_walk(
        self,
        walk: WalkInfo | None,
        findings: list[FindingInfo] | None = None,
        action_rows: list[WalkActionRow] | None = None,
    ) -> None:
        self.walk = walk
        if walk is None:
            self.header.setText(self.tr("Kies een buurtschouw of plan er een."))
            self.route.clear()
            self.findings.clear()
            self.action_rows.clear()
            self._update_buttons()
            return
        self.header.setText(
            self.tr("{area} · {day} · {status}").format(
                area=walk.area, day=f"{walk.walk_date:%d-%m-%Y}", status=walk.status.label
            )
        )
        streets = [line.strip() for line in (walk.route or "").splitlines() if line.strip()]
        self.route.setText(
            self.tr("Route: {streets}").format(streets=" → ".join(streets))
            if streets
            else self.tr("Geen route vastgelegd.")
        )
        self.findings.set_rows(findings or [])
        self.action_rows.set_rows(action_rows or [])
        self.action_view.fit_columns()
        if self.walks.row_of(walk.walk_id) >= 0:
            self.walks.update_row(walk)
        self._update_buttons()

    def _may_enter(self) -> bool:
        ctx = self.ctx
        walk = self.walk
        return (
            ctx is not None
            and walk is not None
            and walk.status is not WalkStatus.AFGEROND
            and walk.walk_date <= ctx.clock.now().date()
        )

    def _update_buttons(self) -> None:
        walk = self.walk
        enter = self._may_enter()
        self.form.setEnabled(enter)
        self.form.set_busy(not enter)
        self.finish_button.setEnabled(enter)
        self.pack_button.setEnabled(walk is not None)
        finding = self.findings.row_object(self.finding_view.current_row())
        self.signal_button.setEnabled(
            walk is not None and finding is not None and finding.signal_id is None
        )
        if walk is not None and not enter and walk.status is not WalkStatus.AFGEROND:
            self.form.setToolTip(self.tr("Bevindingen legt u vast vanaf de dag van de schouw."))
        else:
            self.form.setToolTip("")

    def _open_case(self, row: int) -> None:
        action_row = self.action_rows.row_object(row)
        if action_row is not None and action_row.case_id:
            self.open_case_requested.emit(action_row.case_id)

    # ------------------------------------------------------------------ changes

    def plan_walk(self) -> PlanBuurtschouwDialog | None:
        ctx = self.ctx
        if ctx is None:
            return None
        day = ctx.clock.now().date() + timedelta(days=7)
        # With every area shown, a wijkagent plans in his own first area by default.
        area = self.area_filter.currentData() or first_own_area(self.choices.areas, ctx)
        dialog = PlanBuurtschouwDialog(ctx, self.choices, day, self, area=area)
        dialog.saved.connect(self._planned)
        return self.open_dialog(dialog, "planWalkDialog")

    def _planned(self, walk: WalkInfo) -> None:
        self.changed_choosing(walk.walk_id)

    def add_finding(self, draft: FindingDraft) -> None:
        walk = self.walk
        if walk is None:
            return
        walk_id = walk.walk_id

        def save(c: ServiceContext) -> tuple[FindingInfo, BaseException | None]:
            finding = buurtschouw.add_finding(
                c,
                walk_id,
                draft.item,
                draft.description,
                draft.street,
                draft.postcode,
                draft.house_number,
                draft.category_code,
            )
            if not draft.as_signal or not (finding.postcode and finding.house_number):
                return finding, None
            try:
                return buurtschouw.finding_to_signal(c, finding.finding_id), None
            except SociaalVeiligError as exc:  # the finding stays; the signal can follow
                return finding, exc

        def done(result: tuple[FindingInfo, BaseException | None]) -> None:
            finding, signal_error = result
            self.form.set_busy(False)
            self.form.saved()
            self.load_walk(walk_id)
            if signal_error is not None:
                errors.show_error(self, signal_error)
            elif draft.as_signal and finding.signal_id is None:
                self.make_signal(finding)  # ask for the nearest address

        def failed(exc: BaseException) -> None:
            self.form.set_busy(False)
            errors.show_error(self, exc)  # the form keeps what was typed

        self.form.set_busy(True)
        self.run(save, done, failed, changes_data=True)

    def make_signal(self, finding: FindingInfo | None = None) -> FindingSignalDialog | None:
        ctx = self.ctx
        finding = finding or self.findings.row_object(self.finding_view.current_row())
        if ctx is None or finding is None or finding.signal_id is not None:
            return None
        dialog = FindingSignalDialog(ctx, finding, self)
        # A bound method, not a lambda: the dialog deletes itself when closed.
        dialog.saved.connect(self._finding_signal_saved)
        self._signal_walk_id = finding.walk_id
        return self.open_dialog(dialog, "findingSignalDialog")

    def _finding_signal_saved(self, result: object) -> None:
        walk_id = getattr(result, "walk_id", None) or self._signal_walk_id
        if walk_id:
            self._signal_made(walk_id)

    def _signal_made(self, walk_id: str) -> None:
        self.data_changed.emit()
        self.load_walk(walk_id)

    def confirm_finish(self) -> QMessageBox | None:
        """Finishing cannot be undone (no findings after it): ask first, without blocking."""
        walk = self.walk
        if walk is None:
            return None
        box = QMessageBox(self)
        box.setObjectName("confirmFinishWalk")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Schouw afronden"))
        box.setText(
            self.tr(
                "De schouw van {day} in {area} afronden? Daarna kunt u geen bevindingen meer "
                "toevoegen; de actielijst blijft."
            ).format(day=f"{walk.walk_date:%d-%m-%Y}", area=walk.area)
        )
        finish = box.addButton(self.tr("&Afronden"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Nog niet"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(finish)
        finish.clicked.connect(self.finish_walk)
        return self.open_dialog(box)

    def finish_walk(self) -> None:
        walk = self.walk
        if walk is None:
            return
        walk_id, version = walk.walk_id, walk.version
        self.run(
            lambda c: buurtschouw.finish_buurtschouw(c, walk_id, expected_version=version),
            lambda _info: self.load_walk(walk_id),
            lambda exc: self._finish_refused(walk_id, exc),
            changes_data=True,
        )

    def _finish_refused(self, walk_id: str, exc: BaseException) -> None:
        errors.show_error(self, exc)
        self.load_walk(walk_id)  # back to what is stored (another user's change)

    def make_pack(self, to_printer: bool) -> None:
        walk = self.walk
        if walk is None:
            return
        area, day = walk.area, walk.walk_date
        target = self.files.path_for(f"buurtschouwpakket-{day:%Y%m%d}-{walk.walk_id[:6]}")
        self.run(
            lambda c: reports.buurtschouw_pack(c, area, target, walk_date=day),
            self.deliver_document(self.output, to_printer),
            progress=self.tr("Het pakket wordt gemaakt…"),
        )
