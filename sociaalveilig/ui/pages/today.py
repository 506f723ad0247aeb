"""Vandaag: what needs doing now. Overdue work, work due this week (signals, actions,
case reviews, home visits) and new signals waiting for triage, from
``services.worklist``. Enter or a double click opens the thing itself (the visit in
its week, the case, the signal); "Afronden…" and a reminder's "Gedaan…" open what finishes
the work (``ui.work_closer``), after which the counts go down at once."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.enums import Role
from sociaalveilig.services import worklist
from sociaalveilig.services.live import ChangeBatch
from sociaalveilig.services.reminder_rules import Reminder
from sociaalveilig.services.worklist import TodayOverview, TriageItem, WorkItem, WorkKind

from sociaalveilig.ui.models.record_table import RecordTableModel
from sociaalveilig.ui.models.worklist import (
    COL_AREA,
    COL_DUE,
    COL_KIND,
    COL_LATE,
    COL_REFERENCE,
    COL_TITLE,
    COL_TRIAGE_AREA,
    COL_TRIAGE_CATEGORY,
    COL_TRIAGE_PLACE,
    COL_TRIAGE_RECEIVED,
    COL_TRIAGE_REFERENCE,
    COL_TRIAGE_URGENCY,
    TriageModel,
    WorkItemModel,
)
from sociaalveilig.ui.pages.base import Page
from sociaalveilig.ui.pages.signals import sample_widths
from sociaalveilig.ui.record_link import (
    RecordKind,
    RecordLink,
    link_for_reminder,
    link_for_work,
)
from sociaalveilig.ui.record_view import RecordView
from sociaalveilig.ui.reminder_panel import ReminderPanel
from sociaalveilig.ui.scheduler import ReminderCenter
from sociaalveilig.ui.settings import UiSettings
from sociaalveilig.ui.signal_dialog import SignalDialog
from sociaalveilig.ui.work_closer import WorkCloser

TRIAGE_ROLES = frozenset({Role.COORDINATOR, Role.WIJKAGENT})
REMINDER_MIN_WIDTH = 260
LIVE_RELOAD_MS = 1000
"""Changes from other desks within this time reload Vandaag once."""
REMINDER_MAX_WIDTH = 520


def section_weights(counts: tuple[int, ...]) -> list[int]:
    """How the lists share the page's height: an empty list keeps room for its header,
    a long one gets most (capped, so a short list beside it still shows all its rows)."""
    return [3 + min(n, 12) for n in counts]


class TodayPage(Page):
    roles = frozenset({Role.COORDINATOR, Role.WIJKAGENT, Role.PARTNER})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Changes from other desks come in bursts (a meeting's minutes): one reload each.
        self._live_timer = QTimer(self)
        self._live_timer.setSingleShot(True)
        self._live_timer.setInterval(LIVE_RELOAD_MS)
        self._live_timer.timeout.connect(self.mark_stale)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("todaySummary")
        font = self.summary_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.summary_label.setFont(font)

        self._build_sections()
        self._last_list = self.overdue_view
        self._generation = 0
        for work_view in (self.overdue_view, self.week_view):
            work_view.current_row_changed.connect(
                lambda _row, v=work_view: self._list_used(v)
            )
        self.overdue_view.activated_row.connect(self._overdue_activated)
        self.week_view.activated_row.connect(self._week_activated)
        self.triage_view.activated_row.connect(self._triage_activated)
        self._build_columns()
        self.finish_button = QPushButton(self.tr("&Afronden…"), self)
        self.finish_button.setObjectName("finishWork")
        self.finish_button.setToolTip(
            self.tr(
                "Rondt het gekozen werk af: een actie met een kort resultaat, de uitkomst van "
                "een huisbezoek, de evaluatie van een casus, een signaal afhandelen."
            )
        )
        self.finish_button.clicked.connect(self.finish_selected)
        self.finish_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.finish_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.columns_splitter, 1)
        self._set_counts(None)

    def _build_sections(self) -> None:
        """The three lists one above the other: overdue, this week, to triage."""
        self.overdue_model = WorkItemModel(self)
        self.week_model = WorkItemModel(self, show_late=False)
        self.triage_model = TriageModel(self)
        self.overdue_view = RecordView("todayOverdue", self)
        self.week_view = RecordView("todayWeek", self)
        # The service's order matters here (acuut first): not sortable.
        self.triage_view = RecordView("todayTriage", self, sortable=False)
        self.overdue_label = QLabel(self)
        self.week_label = QLabel(self)
        self.triage_label = QLabel(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("todaySections")
        splitter.setChildrenCollapsible(False)
        self.sections_splitter = splitter
        # Until the user drags a divider, the lists share the height by how full they are.
        self._sections_moved_by_user = False
        splitter.splitterMoved.connect(self._sections_moved)
        sections = (
            (self.overdue_label, self.overdue_view, self.overdue_model),
            (self.week_label, self.week_view, self.week_model),
            (self.triage_label, self.triage_view, self.triage_model),
        )
        self.triage_box = QWidget(self)
        for label, view, model in sections:
            bold = label.font()
            bold.setBold(True)
            label.setFont(bold)
            view.setModel(model)
            view.fit_columns(
                sample_widths(
                    view,
                    {
                        COL_KIND: "Evaluatie casus",
                        COL_REFERENCE: "S-0000-000000",
                        COL_AREA: "Heerlen Noord (i",
                        COL_DUE: "00-00-0000 00:00",
                        COL_LATE: "Dagen te laat",
                    },
                )
            )
            if view is not self.triage_view:
                header = view.horizontalHeader()
                header.setStretchLastSection(False)
                header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
            box = self.triage_box if view is self.triage_view else QWidget(self)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 4, 0, 0)
            box_layout.addWidget(label)
            box_layout.addWidget(view)
            splitter.addWidget(box)
        self.triage_view.fit_columns(
            sample_widths(
                self.triage_view,
                {
                    COL_TRIAGE_RECEIVED: "00-00-0000 00:00",
                    COL_TRIAGE_REFERENCE: "S-0000-000000",
                    COL_TRIAGE_CATEGORY: "Jeugdoverlast en h",
                    COL_TRIAGE_URGENCY: "Normaal",
                    COL_TRIAGE_PLACE: "Bedachtlaan, 0000 AA",
                    COL_TRIAGE_AREA: "Heerlen Noord (i",
                },
            )
        )
        for view in (self.overdue_view, self.week_view):
            view.horizontalHeader().setSortIndicator(COL_DUE, Qt.SortOrder.AscendingOrder)

    def _build_columns(self) -> None:
        """The lists, with the reminders beside them."""
        # The reminders (scheduler, issue 5) beside the lists, once a center is given.
        # The reminders wrap to the panel's width (two lines each), so a narrow panel
        # shows everything; it grows a little with the window, the lists get the rest.
        self.reminder_panel = ReminderPanel(self)
        self.reminder_panel.finish_requested.connect(self.finish_reminder)
        self.reminder_panel.open_requested.connect(self._open_reminder)
        self.closer = WorkCloser(self)
        self.closer.work_done.connect(self._work_done)
        self.closer.show_requested.connect(self._show_link)
        self.reminder_panel.setMinimumWidth(REMINDER_MIN_WIDTH)
        self.reminder_panel.setMaximumWidth(REMINDER_MAX_WIDTH)
        self.reminder_panel.hide()
        columns = QSplitter(Qt.Orientation.Horizontal, self)
        columns.setObjectName("todayColumns")
        columns.addWidget(self.sections_splitter)
        columns.addWidget(self.reminder_panel)
        columns.setStretchFactor(0, 4)
        columns.setStretchFactor(1, 1)
        columns.setCollapsible(0, False)
        columns.setSizes([860, 320])
        self.columns_splitter = columns

    # ------------------------------------------------------------------ page contract

    def title(self) -> str:
        return self.tr("Vandaag")

    def set_settings(self, settings: UiSettings) -> None:
        for view in (self.overdue_view, self.week_view, self.triage_view):
            view.set_settings(settings)

    def save_layout(self) -> None:
        for view in (self.overdue_view, self.week_view, self.triage_view):
            view.save_layout()

    def set_context(self, ctx) -> None:  # type: ignore[no-untyped-def]
        self.triage_box.setVisible(ctx is None or ctx.actor.role in TRIAGE_ROLES)
        super().set_context(ctx)

    def set_reminder_center(self, center: ReminderCenter) -> None:
        """Show the reminders of the window's ReminderCenter (wired by the scheduler)."""
        self.reminder_panel.bind(center)
        self.reminder_panel.show()

    def apply_changes(self, batch: ChangeBatch) -> None:
        # Vandaag is a handful of short lists worked out together: it reloads (when shown;
        # otherwise when it is next shown), and has no field a user types in.
        if (batch.changes or batch.reload) and not self._live_timer.isActive():
            self._live_timer.start()

    def refresh(self) -> None:
        self.summary_label.setText(self.tr("Bijwerken…"))
        # Only the latest load is shown: two loads under way (work done while one ran) may
        # finish in either order, and the older one would put back what was just finished.
        self._generation += 1
        generation = self._generation
        self.run(
            worklist.today_overview,
            lambda overview: self._show(overview) if generation == self._generation else None,
        )

    def clear(self) -> None:
        for model in (self.overdue_model, self.week_model, self.triage_model):
            model.clear()
        self.finish_button.setEnabled(False)
        self.reminder_panel.clear()
        self._set_counts(None)

    # ------------------------------------------------------------------ data

    def _show(self, overview: TodayOverview) -> None:
        # A reload (often another desk's change) keeps the user's place in each list; the
        # list the user last chose in stays the one "Afronden" works on.
        last = self._last_list
        reload_in_place(self.overdue_view, self.overdue_model, overview.overdue, _work_key)
        reload_in_place(self.week_view, self.week_model, overview.due_this_week, _work_key)
        reload_in_place(
            self.triage_view, self.triage_model, overview.to_triage, _triage_key
        )
        self._last_list = last
        self._set_counts(overview)
        self._update_finish_button()
        self._share_height(overview)

    def _sections_moved(self, _pos: int, _index: int) -> None:
        self._sections_moved_by_user = True

    def _share_height(self, overview: TodayOverview) -> None:
        if self._sections_moved_by_user:
            return
        counts = [len(overview.overdue), len(overview.due_this_week)]
        if self.triage_box.isVisibleTo(self):
            counts.append(len(overview.to_triage))
        weights = section_weights(tuple(counts))
        total = max(self.sections_splitter.height(), 300)
        sizes = [total * w // sum(weights) for w in weights]
        if len(sizes) < self.sections_splitter.count():
            sizes.append(0)
        self.sections_splitter.setSizes(sizes)

    def _set_counts(self, overview: TodayOverview | None) -> None:
        if overview is None:
            self.summary_label.clear()
            self.overdue_label.setText(self.tr("Te laat"))
            self.week_label.setText(self.tr("Deze week"))
            self.triage_label.setText(self.tr("Nieuwe signalen om te beoordelen"))
            return
        late, week, triage = (
            len(overview.overdue),
            len(overview.due_this_week),
            len(overview.to_triage),
        )
        today = self.ctx.clock.now().strftime("%d-%m-%Y") if self.ctx else ""
        if late == 0 and week == 0 and triage == 0:
            self.summary_label.setText(
                self.tr("Vandaag, {day}: niets te laat en niets meer deze week.").format(day=today)
            )
        else:
            self.summary_label.setText(
                self.tr(
                    "Vandaag, {day}: {late} te laat, {week} deze week, {triage} te beoordelen."
                ).format(day=today, late=late, week=week, triage=triage)
            )
        self.overdue_label.setText(self.tr("Te laat ({n})").format(n=late))
        self.week_label.setText(self.tr("Deze week ({n})").format(n=week))
        self.triage_label.setText(
            self.tr("Nieuwe signalen om te beoordelen ({n})").format(n=triage)
        )

    # ------------------------------------------------------------------ open

    def _overdue_activated(self, row: int) -> None:
        self._open_work(self.overdue_model.row_object(row))

    def _week_activated(self, row: int) -> None:
        self._open_work(self.week_model.row_object(row))

    def _triage_activated(self, row: int) -> None:
        self._open_triage(self.triage_model.row_object(row))

    def _open_work(self, item: WorkItem | None) -> None:
        if item is None:
            return
        if item.kind in (WorkKind.VISIT, WorkKind.ACTION):
            # The record itself: a visit on Huisbezoeken at its week, an action on its
            # case's Acties tab; selected either way.
            self.show_record_requested.emit(link_for_work(item))
        elif item.case_id:
            self.open_case_requested.emit(item.case_id)
        elif item.kind is WorkKind.SIGNAL:
            self._open_signal(item.object_id)

    # ------------------------------------------------------------------ finish

    def selected_work(self) -> WorkItem | None:
        """The work item chosen in "Te laat" or "Deze week" (the list last used)."""
        model = self.overdue_model if self._last_list is self.overdue_view else self.week_model
        row = self._last_list.current_row()
        return model.row_object(row) if row >= 0 else None

    def _list_used(self, view: RecordView) -> None:
        self._last_list = view
        self._update_finish_button()

    def _update_finish_button(self) -> None:
        self.finish_button.setEnabled(self.selected_work() is not None)

    def finish_selected(self) -> None:
        item = self.selected_work()
        if item is None or self.ctx is None:
            return
        if item.kind is WorkKind.SIGNAL:
            self._open_signal(item.object_id)  # handled, rejected or linked there
            return
        self.closer.finish(self.ctx, link_for_work(item), item.title)

    def finish_reminder(self, reminder: Reminder) -> None:
        if self.ctx is None:
            return
        label = " ".join(
            part for part in (reminder.title, reminder.reference or reminder.case_reference)
            if part
        )
        self.closer.finish(self.ctx, link_for_reminder(reminder), label)

    def _open_reminder(self, reminder: Reminder) -> None:
        self._show_link(link_for_reminder(reminder))

    def _show_link(self, link: RecordLink) -> None:
        if link.kind is RecordKind.SIGNAL:
            self._open_signal(link.object_id)
        else:
            self.show_record_requested.emit(link)

    def _work_done(self) -> None:
        """Work was finished here: the lists at once, the other pages and the reminders
        through the window (``data_changed``)."""
        self.data_changed.emit()
        self.refresh()

    def _open_triage(self, item: TriageItem | None) -> None:
        if item is not None:
            self._open_signal(item.signal_id)

    def _open_signal(self, signal_id: str) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        dialog = SignalDialog(ctx, signal_id, self)
        dialog.open_case_requested.connect(self.open_case_requested)
        dialog.changed.connect(self._signal_changed)
        dialog.finished.connect(dialog.deleteLater)
        self.last_dialog = dialog
        dialog.open()

    def _signal_changed(self) -> None:
        self.data_changed.emit()
        self.refresh()


R = TypeVar("R")


def _work_key(item: WorkItem) -> Hashable:
    return (item.kind, item.object_id)


def _triage_key(item: TriageItem) -> Hashable:
    return item.signal_id


def reload_in_place(
    view: RecordView,
    model: RecordTableModel[R],
    rows: Sequence[R],
    key: Callable[[R], Hashable],
) -> None:
    """Show ``rows`` anew in ``view`` without losing the user's place: the record chosen
    stays chosen (when it is still listed) and the record at the top of the view stays
    there, unless the list was scrolled to its very top (then a new first row is meant to
    be seen). Nothing is scrolled to and nothing takes the focus."""
    chosen = model.row_object(view.current_row())
    chosen_key = key(chosen) if chosen is not None else None
    bar = view.verticalScrollBar()
    top = model.row_object(view.rowAt(0)) if bar.value() > 0 else None
    top_key = key(top) if top is not None else None
    model.set_rows(rows)
    keys = [key(row) for row in model.rows]
    selection = view.selectionModel()
    if chosen_key in keys and selection is not None:
        selection.setCurrentIndex(
            model.index(keys.index(chosen_key), 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
    if top_key in keys:
        view.doItemsLayout()  # the scroll range of the new rows, before scrolling back
        view.scrollTo(
            model.index(keys.index(top_key), 0), QAbstractItemView.ScrollHint.PositionAtTop
        )
