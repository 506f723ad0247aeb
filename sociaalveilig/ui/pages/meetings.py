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
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.enums import MeetingType, Role
from sociaalveilig.core.errors import StaleEdit
from sociaalveilig.reports import api as reports
from sociaalveilig.services import (
    agenda_proposals,
    calendar_export,
    live,
    meeting_agenda,
    meeting_minutes,
    meeting_planning,
)
from sociaalveilig.services.actions import ActionInput
from sociaalveilig.services.calendar_export import CalendarExport
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.live import ChangeBatch, MeetingUpdate
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
from sociaalveilig.ui.dutch import to_date
from sociaalveilig.ui.flow_layout import FlowLayout
from sociaalveilig.ui.master_detail import (
    MasterDetailPage,
    choose_row,
    list_column,
    master_detail_splitter,
)
from sociaalveilig.ui.models.meeting_table import MeetingTableModel
from sociaalveilig.ui.pages.signals import sample_widths
from sociaalveilig.ui.panels.meeting_calendar import MeetingCalendar
from sociaalveilig.ui.panels.meeting_detail import AGENDA, MINUTES, MeetingDetailPanel
from sociaalveilig.ui.record_link import RecordLink
from sociaalveilig.ui.record_view import RecordView, bind_layouts, save_layouts
from sociaalveilig.ui.settings import UiSettings

ORGANISERS = frozenset({Role.COORDINATOR})
PREPARERS = frozenset({Role.COORDINATOR, Role.WIJKAGENT})
DEFAULT_ACTION_TERM = timedelta(days=14)
# The documents of a meeting by the stem of their file names (the detail panel asks by stem).
DOCUMENTS: dict[str, Callable[..., Path]] = {
    AGENDA: reports.meeting_agenda,
    MINUTES: reports.meeting_minutes,
}
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


# One load: the month it is for, its meetings, and the choices the dialogs offer.
MonthLoad = tuple[date, list[MeetingInfo], Choices]


class MeetingsPage(MasterDetailPage[MonthLoad]):
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
        self._rebased: dict[str, int | None] = {}
        """Agenda items whose save was refused as stale: the version to apply the input
        to again."""
        self._follow_generation = 0
        """Only the newest answer for the open meeting's detail is shown."""
        self.last_export: CalendarExport | None = None

        bar = self._build_bar()
        left = self._build_month()
        self._build_meeting()
        splitter = master_detail_splitter(
            self, left, self.meeting, Qt.Orientation.Horizontal, (2, 5), (430, 720)
        )
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self._show_meeting(None)

    def _build_bar(self) -> FlowLayout:
        """The filters, the own calendar export and the plan button."""
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
        return bar

    def _build_month(self) -> QWidget:
        """The month's calendar above the month's meetings."""
        self.calendar = MeetingCalendar(self)
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
        left = list_column(self, self.view, self.empty_label, self.calendar)
        left.setMinimumWidth(270)
        return left

    def _build_meeting(self) -> None:
        """The chosen meeting (its panel), wired to the page that acts on it."""
        self.meeting = MeetingDetailPanel(self, lambda: self.ctx)
        self.meeting.document_requested.connect(
            lambda kind, to_printer: self.make_document(DOCUMENTS[kind], kind, to_printer)
        )
        self.meeting.cancel_requested.connect(self.cancel_meeting)
        self.meeting.export_requested.connect(self._export_clicked)
        # The page's names for the panel's parts (tests and journeys use them).
        self.header = self.meeting.header
        self.subheader = self.meeting.subheader
        self.copy_choice = self.meeting.copy_choice
        self.agenda_doc = self.meeting.agenda_doc
        self.minutes_doc = self.meeting.minutes_doc
        self.cancel_button = self.meeting.cancel_button
        self.export_button = self.meeting.export_button
        self.tabs = self.meeting.tabs
        self.minutes_hint = self.meeting.minutes_hint
        self.agenda = self.meeting.agenda
        self.agenda.reorder_requested.connect(self.reorder)
        self.agenda.remove_requested.connect(self.remove_item)
        self.agenda.add_requested.connect(self.add_item)
        self.agenda.propose_requested.connect(self.propose)
        self.agenda.accept_requested.connect(self.accept_proposals)
        self.agenda.sent_requested.connect(self.mark_sent)
        self.minutes = self.meeting.minutes
        self.minutes.decision_requested.connect(self.record_decision)

    # ------------------------------------------------------------------ page contract

    def title(self) -> str:
        return self.tr("Overleggen")

    def set_context(self, ctx: ServiceContext | None) -> None:
        if ctx is not None:
            if self.month is None:
                today = ctx.clock.now().date()
                self.month = today.replace(day=1)
                self.calendar.select_quietly(today)
            self.plan_button.setVisible(ctx.actor.role in ORGANISERS)
            self.cancel_button.setVisible(ctx.actor.role in ORGANISERS)
        super().set_context(ctx)

    def rows_loader(self, ctx: ServiceContext) -> Callable[[ServiceContext], MonthLoad]:
        if self.month is None:
            self.month = ctx.clock.now().date().replace(day=1)
        first, last = month_bounds(self.month)
        area = self.area_filter.currentData()
        kind = self.type_filter.currentData()

        def load(c: ServiceContext) -> MonthLoad:
            found = meeting_planning.list_meetings(c, first, last, area, kind)
            return first, found, load_choices(c)

        return load

    def show_rows(self, loaded: MonthLoad) -> None:
        first, rows, choices = loaded
        if self.month != first:
            return
        if choices != self.choices:
            self.choices = choices
            self.fill_area_filter(self.area_filter, choices.areas)
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        self.calendar.mark(rows)

    def apply_changes(self, batch: ChangeBatch) -> None:
        """Meetings another desk planned, moved or cancelled: the shown month asks for
        just those (``live.meeting_update``) under its filters and puts each in its place;
        the open meeting's detail follows its own changes in place (``_follow_meeting``).
        A hidden page reloads when next shown."""
        if batch.reload:
            self.mark_stale()
            return
        if self.isVisible() and not self._stale:
            self._follow_meeting(batch)
        wanted = {c.object_id for c in batch.changes if c.object_type == "meeting"}
        if any(c.object_type == "agenda_item" for c in batch.changes):
            # The feed names an agenda item by its case, not its meeting: the month's few
            # shown meetings are asked for again (their number of items may have changed).
            wanted |= {info.meeting_id for info in self.model.rows}
        ids = sorted(wanted)
        month = self.month
        if not ids or month is None or self._stale:
            return
        if not self.isVisible():
            self._stale = True
            return
        first, last = month_bounds(month)
        area = self.area_filter.currentData()
        kind = self.type_filter.currentData()
        generation = self._generation
        self.run(
            lambda c: live.meeting_update(c, first, last, area, kind, ids),
            lambda update: self._update_arrived(generation, month, update),
        )

    def _follow_meeting(self, batch: ChangeBatch) -> None:
        """Another desk changed the open meeting or one of its agenda items: its detail is
        asked for again and shown in place. A change of the meeting or of an item shown is
        known here; an agenda item not shown (the feed names it by its case) may have been
        added to it, which ``live.open_meeting_update`` answers (the detail when it was,
        else nothing: no view is logged for a meeting that did not change)."""
        detail = self.detail
        if detail is None:
            return
        meeting_id = detail.meeting.meeting_id
        shown = {item.item_id for item in detail.items}
        items = [c.object_id for c in batch.changes if c.object_type == "agenda_item"]
        known = any(
            c.object_type == "meeting" and c.object_id == meeting_id for c in batch.changes
        ) or any(item_id in shown for item_id in items)
        others = sorted(set(items) - shown)
        if not known and not others:
            return
        self._follow_generation += 1
        generation = self._follow_generation

        def ask(c: ServiceContext) -> MeetingDetail | None:
            if known:
                return meeting_agenda.get_meeting(c, meeting_id)
            return live.open_meeting_update(c, meeting_id, others)

        self.run(
            ask,
            lambda new: self._meeting_followed(generation, meeting_id, new),
            # The meeting as shown stays: it was gone or out of reach only for this look
            # (a cancelled meeting stays readable); the next change or opening shows it.
            lambda _exc: None,
        )

    def _meeting_followed(
        self, generation: int, meeting_id: str, detail: MeetingDetail | None
    ) -> None:
        if detail is None or generation != self._follow_generation:
            return
        if self.detail is None or self.detail.meeting.meeting_id != meeting_id:
            return  # another meeting opened meanwhile
        self._show_meeting(detail, follow=True)

    def _update_arrived(self, generation: int, month: date, update: MeetingUpdate) -> None:
        if generation != self._generation or self.month != month:
            return  # reloaded, or another month or filter, meanwhile
        self.model.apply_update(update.rows, update.gone)
        self.empty_label.setVisible(self.model.rowCount() == 0)

    def chosen_id(self) -> str | None:
        return self.detail.meeting.meeting_id if self.detail is not None else None

    def choose(self, record_id: str) -> bool:
        return choose_row(self.view, self.model.row_of(record_id), self._row_changed)

    def choose_default(self) -> None:
        if self.detail is not None and self.model.row_of(self.detail.meeting.meeting_id) < 0:
            self._show_meeting(None)

    def clear(self) -> None:
        self.model.clear()
        self.choices = Choices()
        self.month = None
        self.forget_choice()
        self.clear_area_filter(self.area_filter)
        self.calendar.mark([])
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
        self.calendar.select_quietly(day)
        self.month = day.replace(day=1)
        self.load_choosing(select_meeting)

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

    def _show_meeting(
        self, detail: MeetingDetail | None, follow: bool = False, own_change: bool = False
    ) -> None:
        """Show ``detail``; ``follow``: the meeting shown, after another desk's change
        (in place); ``own_change``: after the user's own change of its agenda (see
        ``MeetingDetailPanel.show_meeting``)."""
        if not follow:
            self._follow_generation += 1  # an older answer for the open meeting is moot
        self.detail = detail
        if detail is None:
            self.meeting.show_none()
            return
        info = detail.meeting
        ctx = self.ctx
        prepare, write = self._roles()
        self.meeting.show_meeting(
            detail,
            role=ctx.actor.role if ctx is not None else None,
            now=ctx.clock.now() if ctx is not None else None,
            partners=self.choices.partners,
            may_prepare=prepare,
            may_write=write,
            action_due=info.starts_at.date() + DEFAULT_ACTION_TERM,
            may_cancel=(
                ctx is not None
                and ctx.actor.role in ORGANISERS
                and info.status is MeetingStatus.GEPLAND
            ),
            follow=follow,
            own_change=own_change,
        )
        if self.model.row_of(info.meeting_id) >= 0:
            self.model.update_row(info)

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
            self._show_meeting(detail, own_change=True)
            if on_done is not None:
                on_done()

        def failed(exc: BaseException) -> None:
            errors.show_error(self, exc)
            self.load_meeting(meeting_id)  # back to what is stored

        self.run(lambda c: call(c, meeting_id), done, failed, changes_data=True)

    def reorder(self, item_ids: list[str]) -> None:
        ordered = list(item_ids)
        self._agenda_call(lambda c, m: meeting_agenda.reorder_agenda(c, m, ordered))

    def _item_version(self, item_id: str) -> int | None:
        """The version of an agenda item as shown: a change of it is based on that."""
        if item_id in self._rebased:
            return self._rebased.pop(item_id)
        items = self.detail.items if self.detail is not None else ()
        return next((i.version for i in items if i.item_id == item_id), None)

    def _meeting_version(self) -> int | None:
        return self.detail.meeting.version if self.detail is not None else None

    def remove_item(self, item_id: str) -> None:
        version = self._item_version(item_id)
        self._agenda_call(
            lambda c, _m: meeting_agenda.remove_agenda_item(c, item_id, expected_version=version)
        )

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
        self._show_meeting(detail, own_change=True)
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
        version = self._meeting_version()
        self.run(
            lambda c: meeting_agenda.mark_agenda_sent(c, meeting_id, expected_version=version),
            lambda _info: self.load_meeting(meeting_id),
            lambda exc: self._refused(meeting_id, exc),
            changes_data=True,
        )

    def cancel_meeting(self) -> None:
        meeting_id = self._meeting_id()
        if meeting_id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Overleg annuleren"),
            self.tr("Dit overleg annuleren? De agendapunten kunnen bij een volgend overleg "
                    "opnieuw worden voorgesteld."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        version = self._meeting_version()
        self.run(
            lambda c: meeting_planning.cancel_meeting(c, meeting_id, expected_version=version),
            lambda _info: self.load_meeting(meeting_id),
            lambda exc: self._refused(meeting_id, exc),
            changes_data=True,
        )

    def _refused(self, meeting_id: str, exc: BaseException) -> None:
        errors.show_error(self, exc)
        self.load_meeting(meeting_id)  # back to what is stored (another user's change)

    # ------------------------------------------------------------------ minutes

    def record_decision(self, item_id: str, text: str, actions: list[ActionInput]) -> None:
        chosen = list(actions)
        outcome = self.minutes.signal_outcome()

        # The version the minutes were begun on: a colleague's change since (followed
        # into the rows meanwhile) makes the save stale, not overwritten.
        base = self.minutes.base_version(item_id)
        version = self._item_version(item_id) if item_id in self._rebased or base is None else base

        def failed(exc: BaseException) -> None:
            # The decision typed stays in the minutes editor (not reloaded under it); the
            # message said who changed the item, and saving again applies the same input
            # on the version now stored.
            self.minutes.decision_refused()
            errors.show_error(self, exc)
            if isinstance(exc, StaleEdit):
                self._rebased[item_id] = exc.current_version

        def done(item: AgendaItemInfo) -> None:
            self.minutes.decision_saved(item)
            meeting_id = self._meeting_id()
            if meeting_id is not None:
                self.load_meeting(meeting_id)

        self.run(
            lambda c: meeting_minutes.record_decision(
                c, item_id, text, chosen, outcome, expected_version=version
            ),
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
        dialog.saved.connect(self._planned)
        return self.open_dialog(dialog, "planMeetingDialog")

    def _planned(self, info: MeetingInfo) -> None:
        self.data_changed.emit()
        self.show_month_of(info.starts_at.date(), info.meeting_id)

    # ------------------------------------------------------------------ documents

    def make_document(self, make: Callable[..., Path], stem: str, to_printer: bool) -> None:
        info = self.detail.meeting if self.detail is not None else None
        if info is None:
            return
        partner = self.meeting.partner_copy()
        target = self.files.path_for(f"{stem}-{info.starts_at:%Y%m%d}-{info.meeting_id[:6]}")
        meeting_id = info.meeting_id
        self.run(
            lambda c: make(c, meeting_id, target, partner_id=partner),
            self.deliver_document(self.output, to_printer),
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
