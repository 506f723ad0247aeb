"""Casussen: the case list (search, filters) and, on opening one, the case view.

The list keeps case ids and fetches rows lazily (``models.cases``); filters and sorting go to
the database. Opening a case outside the user's scope asks for a reason first (noodknop),
which the service logs.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.enums import CaseStatus, RiskLevel, Role
from sociaalveilig.services import access
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.live import ChangeBatch
from sociaalveilig.services.search import CaseQuery, CaseRow

from sociaalveilig.ui import errors
from sociaalveilig.ui.case_view import CaseView
from sociaalveilig.ui.choices import AreaChoice, load_areas
from sociaalveilig.ui.filter_chip import FilterChip
from sociaalveilig.ui.models import cases as case_columns
from sociaalveilig.ui.models.cases import CaseTableModel
from sociaalveilig.ui.models.lazy import RowRole
from sociaalveilig.ui.pages.base import Page
from sociaalveilig.ui.pages.signals import SearchToList, count_text, sample_widths
from sociaalveilig.ui.record_link import RecordKind, RecordLink
from sociaalveilig.ui.record_view import RecordView, show_empty_text_inside
from sociaalveilig.ui.settings import UiSettings

SEARCH_DELAY_MS = 300
COLUMN_SAMPLES = {
    case_columns.COL_REFERENCE: "C-0000-00000",
    case_columns.COL_AREA: "Heerlen Noord (incl. Hoen",
    case_columns.COL_STATUS: "In behandeling",
    case_columns.COL_RISK: "Midden",
    case_columns.COL_LEAD: "Gemeente – handhaving",
    case_columns.COL_REVIEW: "Volgende evaluatie",
    case_columns.COL_SIGNALS: "Signalen",
    case_columns.COL_CREATED: "Aangemaakt",
}


class CasesPage(Page):
    # A beheerder sees no case content; a manager sees pseudonymised cases.
    roles = frozenset({Role.COORDINATOR, Role.WIJKAGENT, Role.PARTNER, Role.MANAGER})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._areas: tuple[AreaChoice, ...] = ()
        self._open_case_id: str | None = None

        self._build_list()
        # ---- one case
        self.case_view = CaseView(self)
        self.case_view.back_requested.connect(self.show_list)
        self.case_view.work_tabs.open_record.connect(self.show_record_requested.emit)
        self.case_view.changed.connect(self._case_changed)
        self.case_view.access_refused.connect(self._ask_emergency_reason)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list_widget)
        self.stack.addWidget(self.case_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _build_list(self) -> None:
        """The case list with its search and filters (the page's first step)."""
        self.list_widget = QWidget(self)
        self.search_edit = QLineEdit(self.list_widget)
        self.search_edit.setObjectName("caseSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Zoeken in casussen: referentie, adres, postcode, naam betrokkene…")
        )
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(self._search_typed)
        self.search_edit.returnPressed.connect(self.apply_filters)
        self.count_label = QLabel(self.list_widget)
        self.count_label.setObjectName("countLabel")
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.count_label)

        self.area_chip = FilterChip(self.tr("Focusgebied"), self.list_widget)
        self.area_chip.setObjectName("areaChip")
        self.status_chip = FilterChip(self.tr("Status"), self.list_widget)
        self.status_chip.setObjectName("statusChip")
        self.status_chip.set_options([(s.value, s.label) for s in CaseStatus])
        self.risk_chip = FilterChip(self.tr("Risico"), self.list_widget)
        self.risk_chip.setObjectName("riskChip")
        self.risk_chip.set_options([(r.value, r.label) for r in RiskLevel])
        self.open_button = QPushButton(self.tr("Alleen open"), self.list_widget)
        self.open_button.setObjectName("openOnlyChip")
        self.open_button.setCheckable(True)
        self.open_button.setChecked(True)
        self.overdue_button = QPushButton(self.tr("Evaluatie te laat"), self.list_widget)
        self.overdue_button.setObjectName("overdueChip")
        self.overdue_button.setCheckable(True)
        chips = QHBoxLayout()
        for chip in (self.area_chip, self.status_chip, self.risk_chip):
            chip.changed.connect(self.apply_filters)
            chips.addWidget(chip)
        for button in (self.open_button, self.overdue_button):
            button.toggled.connect(self._filter_toggled)
            chips.addWidget(button)
        chips.addStretch(1)

        self.model = CaseTableModel(self)
        self.model.set_query(CaseQuery(open_only=True))
        self.model.loaded.connect(self._loaded)
        self.model.load_failed.connect(self._load_failed)
        self.view = RecordView("caseList", self.list_widget)
        self.view.setModel(self.model)
        self.view.fit_columns(sample_widths(self.view, COLUMN_SAMPLES))
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(case_columns.COL_ADDRESS, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setSortIndicator(
            case_columns.COL_CREATED, Qt.SortOrder.DescendingOrder
        )
        self.view.activated_row.connect(self.open_row)
        self.empty_label = QLabel(self.list_widget)
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.hide()
        self._search_keys = SearchToList(self.search_edit, self.view)
        focus_search = QShortcut(QKeySequence.StandardKey.Find, self.list_widget)
        focus_search.activated.connect(self.search_edit.setFocus)

        # The list keeps the layout's usual margins, as on Signalen (the case view has
        # its own); without them the search box and the count touch the window's edge.
        list_layout = QVBoxLayout(self.list_widget)
        list_layout.addLayout(top)
        list_layout.addLayout(chips)
        list_layout.addWidget(self.view, 1)
        list_layout.addWidget(self.empty_label)
        # The "nothing found" text stands in the list's place, not below it.
        show_empty_text_inside(self.view, self.empty_label)

    # ------------------------------------------------------------------ page contract

    def title(self) -> str:
        return self.tr("Casussen")

    def set_settings(self, settings: UiSettings) -> None:
        self.view.set_settings(settings)
        self.case_view.set_settings(settings)

    def save_layout(self) -> None:
        self.view.save_layout()
        self.case_view.save_layout()

    def set_context(self, ctx: ServiceContext | None) -> None:
        self.model.set_context(ctx)
        self.case_view.set_context(ctx)
        self.search_edit.setPlaceholderText(
            self.tr("Zoeken op casusreferentie, bijvoorbeeld C-2026-00042…")
            if ctx is not None and access.is_pseudonymised(ctx)
            else self.tr("Zoeken in casussen: referentie, adres, postcode, naam betrokkene…")
        )
        super().set_context(ctx)

    def refresh(self) -> None:
        self.run(load_areas, self._areas_loaded)
        self.apply_filters()
        if self.stack.currentWidget() is self.case_view and self._open_case_id:
            self.case_view.load(self._open_case_id)

    def apply_changes(self, batch: ChangeBatch) -> None:
        if batch.reload:
            self.mark_stale()
            return
        touched = {c.object_id for c in batch.changes if c.object_type == "case"}
        touched |= {c.case_id for c in batch.changes if c.case_id}
        self.model.follow_changes(sorted(touched))
        detail = self.case_view.detail
        if self.stack.currentWidget() is self.case_view and detail and detail.case_id in touched:
            self.case_view.follow_change()

    def clear(self) -> None:
        self._search_timer.stop()
        self.model.clear()
        self.case_view.clear()
        self.search_edit.clear()
        self.count_label.clear()
        self.empty_label.hide()
        self.area_chip.set_options([])
        # After unlocking the user returns to the same case: keep only its id.

    # ------------------------------------------------------------------ list

    def _areas_loaded(self, areas: tuple[AreaChoice, ...]) -> None:
        self._areas = tuple(a for a in areas if a.area_id)
        self.area_chip.set_options([(a.area_id, a.name) for a in self._areas])

    def current_query(self) -> CaseQuery:
        return replace(
            self.model.query,
            text=self.search_edit.text().strip(),
            area_ids=tuple(self.area_chip.selected()),
            statuses=tuple(self.status_chip.selected()),
            risk_levels=tuple(self.risk_chip.selected()),
            open_only=self.open_button.isChecked(),
            overdue=self.overdue_button.isChecked(),
        )

    def _search_typed(self, _text: str) -> None:
        self._search_timer.start()

    def _filter_toggled(self, _checked: bool) -> None:
        self.apply_filters()

    def _load_failed(self, exc: BaseException) -> None:
        self.count_label.clear()
        errors.show_error(self, exc)

    def apply_filters(self) -> None:
        self._search_timer.stop()
        if self.ctx is None:
            return
        self.count_label.setText(self.tr("Zoeken…"))
        self.model.set_query(self.current_query())

    def _loaded(self, count: int) -> None:
        self.count_label.setText(count_text(count, self.tr("{n} casus"), self.tr("{n} casussen")))
        self.empty_label.setText(self.tr("Geen casussen gevonden met deze zoekwoorden of filters."))
        self.empty_label.setVisible(count == 0)

    def open_row(self, row: int) -> None:
        item = self.model.index(row, 0).data(RowRole)
        if isinstance(item, CaseRow):
            self.open_case(item.case_id)

    # ------------------------------------------------------------------ one case

    def open_case(self, case_id: str, purpose: str | None = None) -> None:
        self._open_case_id = case_id
        self.stack.setCurrentWidget(self.case_view)
        self.case_view.load(case_id, purpose)

    def show_record(self, link: RecordLink) -> None:
        """A case from a link (Vandaag, a reminder): an action's link opens the case on its
        Acties tab with that action chosen."""
        case_id = link.case_id or (link.object_id if link.kind is RecordKind.CASE else None)
        if case_id is None:
            return
        if link.kind is RecordKind.ACTION:
            self.case_view.work_tabs.focus_action(link.object_id, after_load=True)
        self.open_case(case_id)

    def show_list(self) -> None:
        self._open_case_id = None
        self.case_view.clear()
        self.stack.setCurrentWidget(self.list_widget)
        self.view.setFocus()

    def _case_changed(self) -> None:
        self.model.reload()
        self.data_changed.emit()

    def _ask_emergency_reason(self, case_id: str, exc: BaseException) -> None:
        """Outside the user's scope: roles that may use the noodknop give a reason."""
        ctx = self.ctx
        if ctx is None or ctx.actor.role not in access.EMERGENCY_ROLES:
            errors.show_error(self, exc)
            self.show_list()
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Noodknop"),
            self.tr(
                "Deze casus valt buiten uw werkgebied. Wilt u hem toch openen, geef dan de "
                "reden. Dit wordt vastgelegd en de beheerder ziet het."
            ),
        )
        if ok and reason.strip():
            self.open_case(case_id, reason.strip())
        else:
            self.show_list()
