"""Overleggen: the calendar of meetings per focus area and type, the agenda builder and the
minutes (decisions and actions per item).

The page is the controller: the agenda builder and the minutes editor only say what the
user asks for; the page calls the meeting services off the GUI thread and hands the new
state back. Agenda and minutes print as PDF (a partner's copy holds only its items).
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.enums import MeetingType, Role
from sociaalveilig.reports import api as reports
from sociaalveilig.services import (
    agenda_proposals,
    calendar_export,
    meeting_agenda,
    meeting_minutes,
    meeting_planning,
)
from sociaalveilig.services.actions import ActionInput
from sociaalveilig.services.calendar_export import CalendarExport
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.meeting_agenda import AgendaItemInfo, AgendaProposal, MeetingDetail
from sociaalveilig.services.meeting_planning import MeetingInfo, MeetingStatus

from sociaalveilig.ui import errors
from sociaalveilig.ui.calendar_export import (
    KIND_MEETING,
    default_name,
    export_my_calendar,
    export_to_calendar,
)
from sociaalveilig.ui.choices import Choices, load_choices
from sociaalveilig.ui.dialogs.plan_meeting import PlanMeetingDialog
from sociaalveilig.ui.document_output import DocumentOutput, ReportFiles, document_output
from sociaalveilig.ui.dutch import dutch, to_date
from sociaalveilig.ui.flow_layout import FlowLayout
from sociaalveilig.ui.menu_button import MenuButton
from sociaalveilig.ui.models.meeting_table import MeetingTableModel
from sociaalveilig.ui.pages.base import Page
from sociaalveilig.ui.pages.signals import sample_widths
from sociaalveilig.ui.panels.agenda_builder import AgendaBuilder
from sociaalveilig.ui.panels.minutes_editor import MinutesEditor
from sociaalveilig.ui.record_link import RecordLink
from sociaalveilig.ui.record_view import (
    RecordView,
    bind_layouts,
    save_layouts,
    show_empty_text_inside,
)
from sociaalveilig.ui.settings import UiSettings

ORGANISERS = frozenset({Role.COORDINATOR})
PREPARERS = frozenset({Role.COORDINATOR, Role.WIJKAGENT})
DEFAULT_ACTION_TERM = timedelta(days=14)
MEETING_DAY = QColor(214, 230, 248)
# The widest text per column of the month's list; the focus area takes what is left.
COLUMN_SAMPLES = {
    MeetingTableModel.COL_WHEN: "wo 00-00 00:00",
    MeetingTableModel.COL_TYPE: "Voordeur",
    MeetingTableModel.COL_STATUS: "Geannuleerd",
    MeetingTableModel.COL_ITEMS: "Punten",
}


def month_bounds(day: date) -> tuple[date, date]:
    first = day.replace(day=1)
    return first, first.replace(day=monthrange(first.year, first.month)[1])


class MeetingsPage(Page):
    roles = frozenset({Role.COORDINATOR, Role.WIJKAGENT, Role.PARTNER})

    def __init__(
        self, parent: QWidget | None = None, output: DocumentOutput | None = None
    ) -> None:
        super().__init__(parent)
        self.output = output if output is not None else document_output()
        self.files = ReportFiles()
        self.choices = Choices()
        self.month: date | None = None
        self.detail: MeetingDetail | None = None
        self.last_dialog: QWidget | None = None
        self.last_pdf: Path | None = None
        self.last_export: CalendarExport | None = None
        self._select_after_load: str | None = None
        self._generation = 0
        self._marked: list[date] = []

        # -------- filters
        self.area_filter = QComboBox(self)
        self.area_filter.setObjectName("meetingAreaFilter")
        self.area_filter.setMinimumContentsLength(18)
        self.area_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.type_filter = QComboBox(self)
        self.type_filter.setObjectName("meetingTypeFilter")
        self.type_filter.addItem(self.tr("Beide soorten overleg"), None)
        for kind in MeetingType:
            self.type_filter.addItem(kind.label, kind.value)
        self.area_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.type_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.plan_button = QPushButton(self.tr("Overleg &plannen…"), self)
        self.plan_button.setObjectName("planMeeting")
        self.plan_button.clicked.connect(lambda: self.plan_meeting())
        self.my_calendar_button = QPushButton(self.tr("&Mijn agenda exporteren…"), self)
        self.my_calendar_button.setObjectName("exportMyCalendar")
        self.my_calendar_button.setToolTip(
            self.tr(
                "Uw huisbezoeken en overleggen (vanaf 30 dagen terug tot een jaar vooruit) "
                "als .ics-bestand voor Outlook of een ander agendaprogramma."
            )
        )
        self.my_calendar_button.clicked.connect(self._my_calendar_clicked)
        area_label = QLabel(self.tr("&Focusgebied:"), self)
        area_label.setBuddy(self.area_filter)
        type_label = QLabel(self.tr("&Soort:"), self)
        type_label.setBuddy(self.type_filter)
        # Wraps on a narrow window rather than forcing it wider.
        bar = FlowLayout()
        filters = QHBoxLayout()
        filters.addWidget(area_label)
        filters.addWidget(self.area_filter, 1)
        filters.addWidget(type_label)
        filters.addWidget(self.type_filter)
        bar.add_layout(filters, 1)
        bar.add_stretch(1)
        bar.add_widget(self.my_calendar_button)
        bar.add_widget(self.plan_button)

        # -------- calendar and list
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("meetingCalendar")
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(
            QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers
        )
        dutch(self.calendar)
        self.calendar.setMaximumHeight(230)
        self.calendar.currentPageChanged.connect(self._page_changed)
        self.calendar.clicked.connect(self._day_clicked)
        self.calendar.activated.connect(self._day_clicked)
        self.model = MeetingTableModel(self)
        # A new name for the remembered column layout: the old one cut the list off.
        self.view = RecordView("meetingList", self)
        self.view.setModel(self.model)
        self.view.fit_columns(sample_widths(self.view, COLUMN_SAMPLES))
        list_header = self.view.horizontalHeader()
        list_header.setStretchLastSection(False)
        list_header.setSectionResizeMode(MeetingTableModel.COL_AREA, QHeaderView.ResizeMode.Stretch)
        # The list is narrow beside the meeting: the number of agenda items shows in the
        # status tooltip and in the agenda itself, the focus area gets the room.
        self.view.setColumnHidden(MeetingTableModel.COL_ITEMS, True)
        # The status before the focus area: in a narrow list the area (with its tooltip)
        # takes the cut, the status stays in view.
        list_header.moveSection(
            list_header.visualIndex(MeetingTableModel.COL_STATUS),
            list_header.visualIndex(MeetingTableModel.COL_AREA),
        )
        # The service's order, shown as such: by date, earliest first.
        list_header.setSortIndicator(MeetingTableModel.COL_WHEN, Qt.SortOrder.AscendingOrder)
        self.view.current_row_changed.connect(self._row_changed)
        self.view.activated_row.connect(self._focus_meeting)
        self.empty_label = QLabel(self.tr("Geen overleggen in deze maand."), self)
        self.empty_label.setObjectName("noMeetings")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.calendar)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.empty_label)
        # The "nothing found" text stands in the list's place, not below it.
        show_empty_text_inside(self.view, self.empty_label)
        left.setMinimumWidth(270)

        # -------- one meeting
        self.header = QLabel(self)
        self.header.setObjectName("meetingHeader")
        font = self.header.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.header.setFont(font)
        self.header.setWordWrap(True)
        self.subheader = QLabel(self)
        self.subheader.setObjectName("meetingSubheader")
        self.subheader.setWordWrap(True)
        self.copy_choice = QComboBox(self)
        self.copy_choice.setObjectName("meetingCopy")
        # As wide as its longest partner name, so its row wraps before the name is cut.
        self.copy_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.copy_choice.setToolTip(
            self.tr("Een partnerexemplaar bevat alleen de punten die die partner mag zien.")
        )
        self.agenda_doc = self._document_button(self.tr("Agenda"), "agendaDocument",
                                                reports.meeting_agenda, "agenda")
        self.minutes_doc = self._document_button(self.tr("Verslag"), "minutesDocument",
                                                 reports.meeting_minutes, "verslag")
        self.cancel_button = QPushButton(self.tr("Overleg annuleren"), self)
        self.cancel_button.setObjectName("cancelMeeting")
        self.cancel_button.clicked.connect(self.cancel_meeting)
        self.export_button = QPushButton(self.tr("Exporteren naar agenda (.ics)…"), self)
        self.export_button.setObjectName("exportMeeting")
        self.export_button.setToolTip(
            self.tr("Dit overleg als afspraak voor Outlook of een ander agendaprogramma.")
        )
        self.export_button.clicked.connect(self._export_clicked)
        copy_row = QHBoxLayout()
        copy_row.addWidget(QLabel(self.tr("Exemplaar:"), self))
        copy_row.addWidget(self.copy_choice, 1)
        docs = FlowLayout()
        docs.add_layout(copy_row, 1)
        docs.add_widget(self.agenda_doc)
        docs.add_widget(self.minutes_doc)
        docs.add_widget(self.export_button)
        docs.add_widget(self.cancel_button)

        self.agenda = AgendaBuilder(self)
        self.agenda.reorder_requested.connect(self.reorder)
        self.agenda.remove_requested.connect(self.remove_item)
        self.agenda.add_requested.connect(self.add_item)
        self.agenda.propose_requested.connect(self.propose)
        self.agenda.accept_requested.connect(self.accept_proposals)
        self.agenda.sent_requested.connect(self.mark_sent)
        self.minutes = MinutesEditor(self)
        self.minutes.decision_requested.connect(self.record_decision)
        self.minutes_hint = QLabel(self)
        self.minutes_hint.setObjectName("minutesHint")
        self.minutes_hint.setWordWrap(True)
        minutes_box = QWidget(self)
        minutes_layout = QVBoxLayout(minutes_box)
        minutes_layout.setContentsMargins(0, 0, 0, 0)
        minutes_layout.addWidget(self.minutes_hint)
        minutes_layout.addWidget(self.minutes, 1)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("meetingTabs")
        self.tabs.addTab(self.agenda, self.tr("&Agenda"))
        self.tabs.addTab(minutes_box, self.tr("&Verslag"))

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.header)
        right_layout.addWidget(self.subheader)
        right_layout.addLayout(docs)
        right_layout.addWidget(self.tabs, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setCollapsible(0, False)
        splitter.setCollapsible(1, False)
        splitter.setSizes([430, 720])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self._show_meeting(None)

    def _document_button(
        self, text: str, name: str, make: Callable[..., Path], stem: str
    ) -> MenuButton:
        button = MenuButton(text, self)
        button.setObjectName(name)
        menu = QMenu(button)
        open_action = QAction(self.tr("Openen als PDF"), menu)
        print_action = QAction(self.tr("Afdrukken…"), menu)
        open_action.triggered.connect(lambda: self.make_document(make, stem, False))
        print_action.triggered.connect(lambda: self.make_document(make, stem, True))
        menu.addAction(open_action)
        menu.addAction(print_action)
        button.setMenu(menu)
        return button

    # ------------------------------------------------------------------ page contract

    def title(self) -> str:
        return self.tr("Overleggen")

    def set_context(self, ctx: ServiceContext | None) -> None:
        if ctx is not None:
            if self.month is None:
                today = ctx.clock.now().date()
                self.month = today.replace(day=1)
                self.calendar.blockSignals(True)
                self.calendar.setSelectedDate(QDate(today.year, today.month, today.day))
                self.calendar.blockSignals(False)
            self.plan_button.setVisible(ctx.actor.role in ORGANISERS)
            self.cancel_button.setVisible(ctx.actor.role in ORGANISERS)
        super().set_context(ctx)

    def refresh(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        if self.month is None:
            self.month = ctx.clock.now().date().replace(day=1)
        first, last = month_bounds(self.month)
        area = self.area_filter.currentData()
        kind = self.type_filter.currentData()
        if self._select_after_load is None and self.detail is not None:
            self._select_after_load = self.detail.meeting.meeting_id

        def load(c: ServiceContext) -> tuple[list[MeetingInfo], Choices]:
            return meeting_planning.list_meetings(c, first, last, area, kind), load_choices(c)

        # Only the latest load is applied: an older one finishing later would drop the
        # selection the latest was asked to make.
        self._generation += 1
        generation = self._generation
        self.run(
            load,
            lambda result: self._loaded(first, *result) if generation == self._generation else None,
        )

    def _loaded(self, first: date, rows: list[MeetingInfo], choices: Choices) -> None:
        if self.month != first:
            return
        if choices != self.choices:
            self.choices = choices
            self._fill_area_filter()
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        self._mark_calendar(rows)
        wanted = self._select_after_load
        self._select_after_load = None
        row = self.model.row_of(wanted) if wanted else -1
        if row >= 0:
            self.view.select_row(row)
            self._row_changed(row)
        elif self.detail is not None and self.model.row_of(self.detail.meeting.meeting_id) < 0:
            self._show_meeting(None)

    def _fill_area_filter(self) -> None:
        current = self.area_filter.currentData()
        self.area_filter.blockSignals(True)
        self.area_filter.clear()
        self.area_filter.addItem(self.tr("Alle focusgebieden"), None)
        for area in self.choices.areas:
            self.area_filter.addItem(area.name, area.name)
        if current is not None:
            self.area_filter.setCurrentIndex(max(0, self.area_filter.findData(current)))
        self.area_filter.blockSignals(False)

    def clear(self) -> None:
        self.model.clear()
        self.choices = Choices()
        self.month = None
        self._select_after_load = None
        self.area_filter.blockSignals(True)
        self.area_filter.clear()
        self.area_filter.blockSignals(False)
        self._mark_calendar([])
        self.empty_label.setVisible(False)
        self._show_meeting(None)
        self.files.wipe()
        self.last_pdf = None
        self.last_export = None

    def set_settings(self, settings: UiSettings) -> None:
        bind_layouts(self, settings)

    def save_layout(self) -> None:
        save_layouts(self)

    # ------------------------------------------------------------------ calendar

    def _mark_calendar(self, rows: list[MeetingInfo]) -> None:
        plain = QTextCharFormat()
        for day in self._marked:
            self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), plain)
        self._marked = []
        marked = QTextCharFormat()
        marked.setFontWeight(QFont.Weight.Bold)
        marked.setBackground(QBrush(MEETING_DAY))
        for info in rows:
            day = info.starts_at.date()
            tip = f"{info.starts_at:%H:%M} {info.meeting_type.label} · {info.area}"
            fmt = QTextCharFormat(marked)
            fmt.setToolTip(tip)
            self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), fmt)
            self._marked.append(day)

    def _page_changed(self, year: int, month: int) -> None:
        if self.ctx is None:
            return
        self.month = date(year, month, 1)
        self.refresh()

    def _day_clicked(self, qdate: QDate) -> None:
        day = to_date(qdate)
        for number, info in enumerate(self.model.rows):
            if info.starts_at.date() == day:
                self.view.select_row(number)
                return

    def show_record(self, link: RecordLink) -> None:
        """Vandaag or a reminder opens a meeting: its month, the meeting selected (the
        filters back to all, so a filter cannot hide it)."""
        if link.day is None:
            return
        for combo in (self.area_filter, self.type_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.show_month_of(link.day, link.object_id)

    def show_month_of(self, day: date, select_meeting: str | None = None) -> None:
        self._select_after_load = select_meeting
        # Loaded here with the selection: showing the page must not load it again without.
        self._stale = False
        self.calendar.blockSignals(True)
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.blockSignals(False)
        self.month = day.replace(day=1)
        self.refresh()

    # ------------------------------------------------------------------ one meeting

    def _focus_meeting(self, _row: int) -> None:
        self.tabs.setFocus()

    def selected(self) -> MeetingInfo | None:
        return self.model.row_object(self.view.current_row())

    def _row_changed(self, row: int) -> None:
        info = self.model.row_object(row)
        if info is not None:
            self.load_meeting(info.meeting_id)

    def load_meeting(self, meeting_id: str) -> None:
        self.run(lambda c: meeting_agenda.get_meeting(c, meeting_id), self._show_meeting)

    def _roles(self) -> tuple[bool, bool]:
        """(may prepare the agenda, may write the minutes) for the shown meeting."""
        ctx = self.ctx
        detail = self.detail
        if ctx is None or detail is None:
            return False, False
        info = detail.meeting
        cancelled = info.status is MeetingStatus.GEANNULEERD
        prepare = ctx.actor.role in PREPARERS and not cancelled
        if ctx.actor.role is Role.WIJKAGENT:
            prepare = prepare and info.area_id in ctx.actor.area_ids
        minutes = (
            ctx.actor.role in ORGANISERS and not cancelled and info.starts_at <= ctx.clock.now()
        )
        return prepare, minutes

    def _show_meeting(self, detail: MeetingDetail | None) -> None:
        self.detail = detail
        if detail is None:
            self.header.setText(self.tr("Kies een overleg in de kalender of de lijst."))
            self.subheader.clear()
            self.copy_choice.clear()
            self.agenda.clear()
            self.minutes.clear()
            self.minutes_hint.clear()
            for widget in (self.agenda_doc, self.minutes_doc, self.cancel_button,
                           self.copy_choice, self.export_button):
                widget.setEnabled(False)
            return
        info = detail.meeting
        self.header.setText(f"{info.meeting_type.label} · {info.area}")
        partners = ", ".join(info.partner_names) or self.tr("nog geen partners")
        self.subheader.setText(
            self.tr("{when} · {location} · {status}\nPartners: {partners}").format(
                when=f"{info.starts_at:%d-%m-%Y %H:%M}",
                location=info.location or self.tr("locatie onbekend"),
                status=info.status.label,
                partners=partners,
            )
        )
        self._fill_copies(info)
        prepare, write = self._roles()
        self.agenda.set_detail(detail, prepare)
        self.minutes.set_detail(
            detail,
            self.choices.partners,
            write,
            info.starts_at.date() + DEFAULT_ACTION_TERM,
        )
        if info.status is MeetingStatus.GEANNULEERD:
            hint = self.tr("Dit overleg is geannuleerd.")
        elif self.ctx is not None and info.starts_at > self.ctx.clock.now():
            hint = self.tr("Het verslag kan worden vastgelegd zodra het overleg is begonnen.")
        elif not write:
            hint = self.tr("U kunt het verslag lezen; de coördinator legt het vast.")
        else:
            hint = self.tr(
                "Leg per agendapunt het besluit en de afgesproken acties vast (Ctrl+Enter)."
            )
        self.minutes_hint.setText(hint)
        self.agenda_doc.setEnabled(True)
        self.minutes_doc.setEnabled(True)
        self.export_button.setEnabled(True)
        self.copy_choice.setEnabled(self.copy_choice.count() > 1)
        self.cancel_button.setEnabled(
            self.ctx is not None
            and self.ctx.actor.role in ORGANISERS
            and info.status is MeetingStatus.GEPLAND
        )
        if self.model.row_of(info.meeting_id) >= 0:
            self.model.update_row(info)

    def _fill_copies(self, info: MeetingInfo) -> None:
        current = self.copy_choice.currentData()
        self.copy_choice.clear()
        ctx = self.ctx
        if ctx is not None and ctx.actor.role is Role.PARTNER:
            self.copy_choice.addItem(self.tr("Exemplaar van uw organisatie"), None)
            return
        self.copy_choice.addItem(self.tr("Volledig (coördinator)"), None)
        for partner_id, name in zip(info.partner_ids, info.partner_names, strict=False):
            self.copy_choice.addItem(self.tr("Voor {partner}").format(partner=name), partner_id)
        if current is not None:
            self.copy_choice.setCurrentIndex(max(0, self.copy_choice.findData(current)))

    # ------------------------------------------------------------------ agenda

    def _meeting_id(self) -> str | None:
        return self.detail.meeting.meeting_id if self.detail is not None else None

    def _agenda_call(
        self, call: Callable[[ServiceContext, str], MeetingDetail], on_done: Callable[[], None]
        | None = None,
    ) -> None:
        meeting_id = self._meeting_id()
        if meeting_id is None:
            return

        def done(detail: MeetingDetail) -> None:
            self._show_meeting(detail)
            if on_done is not None:
                on_done()

        def failed(exc: BaseException) -> None:
            errors.show_error(self, exc)
            self.load_meeting(meeting_id)  # back to what is stored

        self.run(lambda c: call(c, meeting_id), done, failed, changes_data=True)

    def reorder(self, item_ids: list[str]) -> None:
        ordered = list(item_ids)
        self._agenda_call(lambda c, m: meeting_agenda.reorder_agenda(c, m, ordered))

    def remove_item(self, item_id: str) -> None:
        self._agenda_call(lambda c, _m: meeting_agenda.remove_agenda_item(c, item_id))

    def add_item(self, reference: str) -> None:
        text = reference.strip()
        is_signal = text.upper().startswith("S-")

        def call(c: ServiceContext, m: str) -> MeetingDetail:
            if is_signal:
                return meeting_agenda.add_agenda_item(c, m, signal_id=text)
            return meeting_agenda.add_agenda_item(c, m, case_id=text)

        def failed(exc: BaseException) -> None:
            errors.show_error(self, exc)  # the reference stays in the field to correct

        meeting_id = self._meeting_id()
        if meeting_id is None:
            return
        self.run(
            lambda c: call(c, meeting_id),
            self._item_added,
            failed,
            changes_data=True,
        )

    def _item_added(self, detail: MeetingDetail) -> None:
        self._show_meeting(detail)
        self.agenda.added()

    def propose(self) -> None:
        meeting_id = self._meeting_id()
        if meeting_id is None:
            return
        self.run(
            lambda c: agenda_proposals.propose_agenda(c, meeting_id),
            self.agenda.set_proposals,
            progress=self.tr("Voorstellen worden gezocht…"),
        )

    def accept_proposals(self, proposals: list[AgendaProposal]) -> None:
        chosen = list(proposals)
        self._agenda_call(
            lambda c, m: meeting_agenda.accept_proposals(c, m, chosen),
            self.propose,
        )

    def mark_sent(self) -> None:
        meeting_id = self._meeting_id()
        if meeting_id is None:
            return
        self.run(
            lambda c: meeting_agenda.mark_agenda_sent(c, meeting_id),
            lambda _info: self.load_meeting(meeting_id),
            changes_data=True,
        )

    def cancel_meeting(self) -> None:
        meeting_id = self._meeting_id()
        if meeting_id is None:
            return
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            self.tr("Overleg annuleren"),
            self.tr("Dit overleg annuleren? De agendapunten kunnen bij een volgend overleg "
                    "opnieuw worden voorgesteld."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.run(
            lambda c: meeting_planning.cancel_meeting(c, meeting_id),
            lambda _info: self.load_meeting(meeting_id),
            changes_data=True,
        )

    # ------------------------------------------------------------------ minutes

    def record_decision(self, item_id: str, text: str, actions: list[ActionInput]) -> None:
        chosen = list(actions)
        outcome = self.minutes.signal_outcome()

        def failed(exc: BaseException) -> None:
            self.minutes.decision_refused()
            errors.show_error(self, exc)

        def done(item: AgendaItemInfo) -> None:
            self.minutes.decision_saved(item)
            meeting_id = self._meeting_id()
            if meeting_id is not None:
                self.load_meeting(meeting_id)

        self.run(
            lambda c: meeting_minutes.record_decision(c, item_id, text, chosen, outcome),
            done,
            failed,
            changes_data=True,
        )

    # ------------------------------------------------------------------ planning

    def plan_meeting(self) -> PlanMeetingDialog | None:
        ctx = self.ctx
        if ctx is None:
            return None
        now = ctx.clock.now()
        selected = to_date(self.calendar.selectedDate())
        day = selected if selected > now.date() else now.date() + timedelta(days=1)
        dialog = PlanMeetingDialog(
            ctx,
            self.choices,
            datetime.combine(day, time(14, 0)),
            self,
            area=self.area_filter.currentData(),
            meeting_type=(
                MeetingType(self.type_filter.currentData())
                if self.type_filter.currentData()
                else None
            ),
        )
        dialog.setObjectName("planMeetingDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._planned)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _planned(self, info: MeetingInfo) -> None:
        self.data_changed.emit()
        self.show_month_of(info.starts_at.date(), info.meeting_id)

    # ------------------------------------------------------------------ documents

    def make_document(self, make: Callable[..., Path], stem: str, to_printer: bool) -> None:
        info = self.detail.meeting if self.detail is not None else None
        if info is None:
            return
        partner = self.copy_choice.currentData()
        target = self.files.path_for(f"{stem}-{info.starts_at:%Y%m%d}-{info.meeting_id[:6]}")
        meeting_id = info.meeting_id

        def deliver(path: Path) -> None:
            self.last_pdf = path
            try:
                if to_printer:
                    self.output.print(path, self)
                else:
                    self.output.show(path, self)
            except Exception as exc:  # viewer or printer: a plain message
                errors.show_error(self, exc)

        self.run(
            lambda c: make(c, meeting_id, target, partner_id=partner),
            deliver,
            progress=self.tr("Het document wordt gemaakt…"),
        )

    # ------------------------------------------------------------------ calendar

    def _export_clicked(self) -> None:
        self.export_meeting()

    def _my_calendar_clicked(self) -> None:
        self.export_my_calendar()

    def export_meeting(self, out: Path | None = None) -> bool:
        """The shown meeting as an .ics file (a save dialog unless ``out`` is given)."""
        info = self.detail.meeting if self.detail is not None else None
        if self.ctx is None or info is None:
            return False
        meeting_id = info.meeting_id
        return export_to_calendar(
            self,
            lambda ctx, path: calendar_export.export_meeting(ctx, meeting_id, path),
            default_name(KIND_MEETING, info.starts_at.date()),
            out,
            self._exported,
        )

    def export_my_calendar(self, out: Path | None = None) -> bool:
        """The user's own visits and meetings as one .ics file."""
        return export_my_calendar(self, out, self._exported)

    def _exported(self, result: CalendarExport) -> None:
        self.last_export = result
