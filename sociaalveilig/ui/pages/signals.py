"""Signalen: every signal the user may see, searched and filtered in the database.

A search box (full text over reference, description and address, as the user types) and
filter chips for focus area, status, source, period and "over de termijn". The list keeps
only ids and fetches rows lazily (``models.signals``), so it opens as quickly with 200,000
signals as with 20. Enter or a double click opens the signal's case, or the signal itself.
Columns can be resized and moved; the layout is remembered per user. A signal is carried to
its end from the list too: the context menu (right click, the Menu key or Shift+F10) offers
handled, rejected, a new case and linking, as far as the workflow and the role allow.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.enums import Role, SignalStatus, Source
from sociaalveilig.core.errors import StaleEdit
from sociaalveilig.core.workflow import WorkflowKind, allowed_next
from sociaalveilig.services import signal_outcomes
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.live import ChangeBatch
from sociaalveilig.services.search import SignalQuery, SignalRow
from sociaalveilig.services.signal_linking import CASE_WORK_ROLES
from sociaalveilig.services.signal_records import SignalDetail

from sociaalveilig.ui import errors
from sociaalveilig.ui.choices import AreaChoice, load_areas
from sociaalveilig.ui.filter_chip import FilterChip
from sociaalveilig.ui.models import signals as signal_columns
from sociaalveilig.ui.models.lazy import RowRole
from sociaalveilig.ui.models.signals import SignalTableModel
from sociaalveilig.ui.pages.base import Page
from sociaalveilig.ui.record_view import RecordView, show_empty_text_inside
from sociaalveilig.ui.settings import UiSettings
from sociaalveilig.ui.signal_dialog import SignalDialog
from sociaalveilig.ui.signal_outcome_dialog import SignalOutcomeDialog

SEARCH_DELAY_MS = 300

# Period chip values: days back from today (None: this calendar year).
PERIODS: tuple[tuple[str, int | None], ...] = (
    ("today", 0),
    ("week", 6),
    ("month", 30),
    ("quarter", 91),
    ("year", None),
)

# Column widths from sample text in the view's font, so they fit at any screen scale.
# The address column takes what is left.
COLUMN_SAMPLES = {
    signal_columns.COL_RECEIVED: "00-00-0000 00:00",
    signal_columns.COL_REFERENCE: "S-0000-000000",
    signal_columns.COL_SOURCE: "Woningcorpor",
    signal_columns.COL_CATEGORY: "Jeugdoverlast en h",
    signal_columns.COL_AREA: "Heerlen Noord (in",
    signal_columns.COL_URGENCY: "Normaal",
    signal_columns.COL_STATUS: "Gerouteerd",
    signal_columns.COL_CASE: "C-0000-00000",
    signal_columns.COL_DUE: "00-00-0000",
}


def sample_widths(view: QWidget, samples: dict[int, str]) -> dict[int, int]:
    """Column widths that fit each sample text (plus padding) in ``view``'s font."""
    metrics = view.fontMetrics()
    return {column: metrics.horizontalAdvance(text) + 18 for column, text in samples.items()}


def period_bounds(choice: str | None, today: date) -> tuple[date | None, date | None]:
    """The received-from/to dates of a period chip value."""
    for value, days in PERIODS:
        if value == choice:
            if days is None:
                return date(today.year, 1, 1), today
            return today - timedelta(days=days), today
    return None, None


def count_text(count: int, one: str, many: str) -> str:
    """E.g. "1 signaal", "1.234 signalen": Dutch thousands separator, singular for one."""
    number = f"{count:,}".replace(",", ".")
    return (one if count == 1 else many).format(n=number)


class SearchToList(QObject):
    """Down (or Page Down) in a search box moves into its result list, on the first row,
    so a keyboard user searches, steps down and opens with Enter."""

    def __init__(self, search: QLineEdit, view: RecordView) -> None:
        super().__init__(search)
        self._view = view
        search.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
        ):
            model = self._view.model()
            if model is not None and model.rowCount() > 0:
                self._view.setFocus(Qt.FocusReason.TabFocusReason)
                if self._view.current_row() < 0:
                    self._view.select_row(0)
                return True
        return super().eventFilter(watched, event)


class SignalsPage(Page):
    # The beheerder sees no case content and the manager only figures: the signal
    # list would only greet them with "geen toegang".
    roles = frozenset({Role.COORDINATOR, Role.WIJKAGENT, Role.PARTNER})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._areas: tuple[AreaChoice, ...] = ()

        top = self._build_search_row()
        chips = self._build_filter_chips()
        self._build_list()
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(chips)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)
        # The "nothing found" text stands in the list's place, not below it.
        show_empty_text_inside(self.view, self.empty_label)

        focus_search = QShortcut(QKeySequence.StandardKey.Find, self)
        focus_search.activated.connect(self.search_edit.setFocus)
        self._search_keys = SearchToList(self.search_edit, self.view)
        # Tab: search, the filters, the list; "Nieuw signaal…" (also Ctrl+N) comes last.
        order = (
            self.search_edit,
            self.area_chip,
            self.status_chip,
            self.source_chip,
            self.period_chip,
            self.overdue_button,
            self.clear_button,
            self.view,
            self.new_button,
        )
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def _build_search_row(self) -> QHBoxLayout:
        """The search (as typed, after a pause), the count and the new signal button."""
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("signalSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Zoeken in signalen: referentie, omschrijving, adres, postcode, naam…")
        )
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(self._search_typed)
        self.search_edit.returnPressed.connect(self.apply_filters)

        self.new_button = QPushButton(self.tr("Nieuw signaal…"), self)
        self.new_button.setObjectName("newSignalButton")
        self.new_button.clicked.connect(self._new_signal)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.new_button)
        return top

    def _build_filter_chips(self) -> QHBoxLayout:
        """Focus area, status, source, period, over the term; clearing them all."""
        self.area_chip = FilterChip(self.tr("Focusgebied"), self)
        self.area_chip.setObjectName("areaChip")
        self.status_chip = FilterChip(self.tr("Status"), self)
        self.status_chip.setObjectName("statusChip")
        self.status_chip.set_options([(s.value, s.label) for s in SignalStatus])
        self.source_chip = FilterChip(self.tr("Bron"), self)
        self.source_chip.setObjectName("sourceChip")
        self.source_chip.set_options([(s.value, s.label) for s in Source])
        self.period_chip = FilterChip(
            self.tr("Periode"), self, single=True, all_label=self.tr("altijd")
        )
        self.period_chip.setObjectName("periodChip")
        self.period_chip.set_options(
            [
                ("today", self.tr("vandaag")),
                ("week", self.tr("afgelopen week")),
                ("month", self.tr("afgelopen 30 dagen")),
                ("quarter", self.tr("afgelopen 3 maanden")),
                ("year", self.tr("dit jaar")),
            ]
        )
        self.overdue_button = QPushButton(self.tr("Over de termijn"), self)
        self.overdue_button.setObjectName("overdueChip")
        self.overdue_button.setCheckable(True)
        self.clear_button = QPushButton(self.tr("Filters wissen"), self)
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setFlat(True)
        self.clear_button.clicked.connect(self.clear_filters)
        chips = QHBoxLayout()
        for chip in (self.area_chip, self.status_chip, self.source_chip, self.period_chip):
            chip.changed.connect(self.apply_filters)
            chips.addWidget(chip)
        self.overdue_button.toggled.connect(self._filter_toggled)
        chips.addWidget(self.overdue_button)
        chips.addWidget(self.clear_button)
        chips.addStretch(1)
        return chips

    def _build_list(self) -> None:
        """The signal list, newest first, with its row menu (also Shift+F10)."""
        self.model = SignalTableModel(self)
        self.model.loaded.connect(self._loaded)
        self.model.load_failed.connect(self._load_failed)
        self.view = RecordView("signalList", self)
        self.view.setModel(self.model)
        self.view.fit_columns(sample_widths(self.view, COLUMN_SAMPLES))
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(signal_columns.COL_ADDRESS, QHeaderView.ResizeMode.Stretch)
        self.view.activated_row.connect(self.open_row)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu_at)
        self.row_menu: QMenu | None = None
        self.outcome_dialog: SignalOutcomeDialog | None = None
        menu_key = QShortcut(QKeySequence("Shift+F10"), self.view)
        menu_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        menu_key.activated.connect(self.show_row_menu)
        self.view.horizontalHeader().setSortIndicator(
            signal_columns.COL_RECEIVED, Qt.SortOrder.DescendingOrder
        )

    # ------------------------------------------------------------------ page contract

    def title(self) -> str:
        return self.tr("Signalen")

    def set_settings(self, settings: UiSettings) -> None:
        self.view.set_settings(settings)

    def save_layout(self) -> None:
        self.view.save_layout()

    def set_context(self, ctx) -> None:  # type: ignore[no-untyped-def]
        self.model.set_context(ctx)
        super().set_context(ctx)

    def refresh(self) -> None:
        self.run(load_areas, self._areas_loaded)
        self.apply_filters()

    def apply_changes(self, batch: ChangeBatch) -> None:
        if batch.reload:
            self.mark_stale()
            return
        self.model.follow_changes(
            [change.object_id for change in batch.changes if change.object_type == "signal"]
        )

    def clear(self) -> None:
        self._search_timer.stop()
        self.model.clear()
        self.search_edit.clear()
        self.count_label.clear()
        self.empty_label.hide()
        self.area_chip.set_options([])
        self._areas = ()

    # ------------------------------------------------------------------ query

    def _areas_loaded(self, areas: tuple[AreaChoice, ...]) -> None:
        self._areas = tuple(a for a in areas if a.area_id)
        self.area_chip.set_options([(a.area_id, a.name) for a in self._areas])

    def current_query(self) -> SignalQuery:
        today = self.ctx.clock.now().date() if self.ctx else date.today()
        period = self.period_chip.selected()
        low, high = period_bounds(period[0] if period else None, today)
        base = self.model.query
        return replace(
            base,
            text=self.search_edit.text().strip(),
            area_ids=tuple(self.area_chip.selected()),
            statuses=tuple(self.status_chip.selected()),
            sources=tuple(self.source_chip.selected()),
            received_from=low,
            received_to=high,
            overdue=self.overdue_button.isChecked(),
        )

    # Slots are bound methods, not lambdas: a lambda holding the page, connected to a
    # child's signal, can outlive the page when it is deleted (another user signs in).
    def _search_typed(self, _text: str) -> None:
        self._search_timer.start()

    def _filter_toggled(self, _checked: bool) -> None:
        self.apply_filters()

    def apply_filters(self) -> None:
        self._search_timer.stop()
        if self.ctx is None:
            return
        self.count_label.setText(self.tr("Zoeken…"))
        self.model.set_query(self.current_query())

    def clear_filters(self) -> None:
        for chip in (self.area_chip, self.status_chip, self.source_chip, self.period_chip):
            chip.blockSignals(True)
            chip.clear_selection()
            chip.blockSignals(False)
        self.overdue_button.blockSignals(True)
        self.overdue_button.setChecked(False)
        self.overdue_button.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.apply_filters()

    def _loaded(self, count: int) -> None:
        if self.model.complete:
            text = count_text(count, self.tr("{n} signaal"), self.tr("{n} signalen"))
        else:  # the first page is shown, the rest of the list is on its way
            text = self.tr("Meer dan {n} signalen, de rest wordt geladen…").format(n=count)
        self.count_label.setText(text)
        filtered = self.current_query() != SignalQuery(
            sort=self.model.query.sort, descending=self.model.query.descending
        )
        if count == 0:
            self.empty_label.setText(
                self.tr("Geen signalen gevonden met deze zoekwoorden of filters.")
                if filtered
                else self.tr(
                    "Er zijn nog geen signalen. Kies 'Nieuw signaal…' om er een vast te leggen."
                )
            )
            self.empty_label.show()
        else:
            self.empty_label.hide()

    def _load_failed(self, exc: BaseException) -> None:
        self.count_label.clear()
        errors.show_error(self, exc)

    # ------------------------------------------------------------------ open

    def open_row(self, row: int) -> None:
        item = self.model.index(row, 0).data(RowRole)
        if not isinstance(item, SignalRow):
            return
        if item.case_id:
            self.open_case_requested.emit(item.case_id)
            return
        self.open_signal(item.signal_id)

    def open_signal(self, signal_id: str) -> SignalDialog | None:
        ctx = self.ctx
        if ctx is None:
            return None
        dialog = SignalDialog(ctx, signal_id, self)
        dialog.open_case_requested.connect(self.open_case_requested)
        dialog.changed.connect(self._signal_changed)
        dialog.finished.connect(dialog.deleteLater)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ to an end

    def selected_signal(self) -> SignalRow | None:
        item = self.model.index(self.view.current_row(), 0).data(RowRole)
        return item if isinstance(item, SignalRow) else None

    def _context_menu_at(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.select_row(index.row())
        self.show_row_menu(self.view.viewport().mapToGlobal(pos))

    def show_row_menu(self, at: QPoint | None = None) -> QMenu | None:
        """The steps for the selected signal, as the workflow and the role allow them."""
        item = self.selected_signal()
        ctx = self.ctx
        if item is None or ctx is None:
            return None
        allowed = set(allowed_next(WorkflowKind.SIGNAL, item.status))
        may_work = ctx.actor.role in CASE_WORK_ROLES
        menu = QMenu(self)
        menu.setObjectName("signalRowMenu")
        menu.addAction(self.tr("&Openen"), self._open_selected)
        if item.case_id:
            menu.addAction(
                self.tr("&Casus {ref} openen").format(ref=item.case_reference),
                self._open_selected_case,
            )
        if may_work:
            menu.addSeparator()
            handle = menu.addAction(self.tr("&Afgehandeld…"), self._ask_handle)
            handle.setEnabled(SignalStatus.AFGEHANDELD in allowed)
            new_case = menu.addAction(self.tr("&Nieuwe casus van dit signaal"), self._make_case)
            new_case.setEnabled(item.case_id is None and SignalStatus.GEKOPPELD in allowed)
            link = menu.addAction(self.tr("&Koppelen aan casus…"), self._link_selected)
            link.setEnabled(SignalStatus.GEKOPPELD in allowed)
            reject = menu.addAction(self.tr("Af&wijzen…"), self._ask_reject)
            reject.setEnabled(SignalStatus.AFGEWEZEN in allowed)
        self.row_menu = menu
        menu.aboutToHide.connect(menu.deleteLater)
        if at is None:
            rect = self.view.visualRect(self.model.index(self.view.current_row(), 0))
            at = self.view.viewport().mapToGlobal(rect.bottomLeft())
        menu.popup(at)
        return menu

    def _open_selected(self) -> None:
        item = self.selected_signal()
        if item is not None:
            self.open_signal(item.signal_id)

    def _open_selected_case(self) -> None:
        item = self.selected_signal()
        if item is not None and item.case_id:
            self.open_case_requested.emit(item.case_id)

    def _link_selected(self) -> None:
        item = self.selected_signal()
        if item is None:
            return
        dialog = self.open_signal(item.signal_id)
        if dialog is not None:
            dialog.ask_link()

    def _ask_handle(self) -> None:
        self._ask_outcome(SignalStatus.AFGEHANDELD)

    def _ask_reject(self) -> None:
        self._ask_outcome(SignalStatus.AFGEWEZEN)

    def _ask_outcome(self, outcome: SignalStatus) -> SignalOutcomeDialog | None:
        item = self.selected_signal()
        if item is None or self.outcome_dialog is not None:
            return None
        dialog = SignalOutcomeDialog(item.reference, outcome, self)
        dialog.setProperty("signal_id", item.signal_id)
        dialog.setProperty("signal_version", item.version)
        dialog.finished.connect(self._outcome_answered)
        self.outcome_dialog = dialog
        dialog.open()
        return dialog

    def _outcome_answered(self, result: int) -> None:
        dialog, self.outcome_dialog = self.outcome_dialog, None
        if dialog is None:
            return
        dialog.deleteLater()
        if result != SignalOutcomeDialog.DialogCode.Accepted.value:
            return
        signal_id, text = str(dialog.property("signal_id")), dialog.text()
        version = int(dialog.property("signal_version"))
        handle = dialog.outcome is SignalStatus.AFGEHANDELD

        def step(c: ServiceContext) -> SignalDetail:
            if handle:
                return signal_outcomes.handle_signal(c, signal_id, text, expected_version=version)
            return signal_outcomes.reject_signal(c, signal_id, text, expected_version=version)

        self.run(
            step,
            self._stepped,
            self._step_failed,
            changes_data=True,
        )

    def _make_case(self) -> None:
        item = self.selected_signal()
        if item is None:
            return
        signal_id, version = item.signal_id, item.version
        self.run(
            lambda c: signal_outcomes.case_from_signal(c, signal_id, expected_version=version),
            self._case_made,
            self._step_failed,
            changes_data=True,
        )

    def _stepped(self, _detail: SignalDetail) -> None:
        self.model.reload()

    def _case_made(self, detail: SignalDetail) -> None:
        self.model.reload()
        if detail.case_id:
            self.open_case_requested.emit(detail.case_id)

    def _step_failed(self, exc: BaseException) -> None:
        errors.show_error(self, exc)
        if isinstance(exc, StaleEdit):
            self.model.reload()  # another user changed the signal: the list shows it now

    def _signal_changed(self) -> None:
        self.model.reload()
        self.data_changed.emit()

    def _new_signal(self) -> None:
        window = self.window()
        new_signal = getattr(window, "new_signal", None)
        if new_signal is not None:
            new_signal()
