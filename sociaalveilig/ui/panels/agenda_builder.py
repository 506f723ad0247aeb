"""The agenda builder of one meeting: the agenda in order (drag a row, or Omhoog/Omlaag),
adding a case by its reference, and the program's proposals with their reasons.

A view only: it emits what the user asks for; the Overleggen page calls the services and
hands the result back (``set_detail``, ``set_proposals``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.meeting_agenda import AgendaProposal, MeetingDetail

from sociaalveilig.ui.case_picker import CaseFindButton, is_case_reference
from sociaalveilig.ui.flow_layout import FlowLayout
from sociaalveilig.ui.models.agenda_proposal_table import AgendaProposalTableModel
from sociaalveilig.ui.models.agenda_table import AgendaTableModel
from sociaalveilig.ui.pages.signals import sample_widths
from sociaalveilig.ui.record_view import RecordView

# The widest text per column of the agenda (longer text is elided, in full in the tooltip);
# the address takes what is left, so the agenda fits beside the month's list at 1366×768.
COLUMN_SAMPLES = {
    AgendaTableModel.COL_POSITION: "00",
    AgendaTableModel.COL_CASE: "S-2026-000000",
    AgendaTableModel.COL_CATEGORY: "Openbare ruimte",
    AgendaTableModel.COL_REASON: "Lopende opschaling",
    AgendaTableModel.COL_DECISION: "Besloten · 00 actie(s)",
}


class AgendaBuilder(QWidget):
    reorder_requested = Signal(list)  # item ids in the new order
    remove_requested = Signal(str)  # item id
    add_requested = Signal(str)  # case or signal reference
    propose_requested = Signal()
    accept_requested = Signal(list)  # AgendaProposal
    sent_requested = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        context: Callable[[], ServiceContext | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.detail: MeetingDetail | None = None
        self.editable = False
        # The page holds the context (``ctx``); the case picker asks for it when it opens.
        self._context = context if context is not None else lambda: getattr(parent, "ctx", None)

        agenda_box = self._build_agenda()
        proposal_box = self._build_proposals()
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(agenda_box)
        splitter.addWidget(proposal_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setCollapsible(0, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.clear()

    def _build_agenda(self) -> QWidget:
        """The agenda's items with moving, removing and adding; marking it sent."""
        self.model = AgendaTableModel(self)
        self.model.order_changed.connect(self.reorder_requested)
        # A new name for the remembered column layout: the old one cut the agenda off.
        self.view = RecordView("agendaItems", self, sortable=False)
        self.view.setModel(self.model)
        self.view.fit_columns(sample_widths(self.view, COLUMN_SAMPLES))
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(AgendaTableModel.COL_ADDRESS, QHeaderView.ResizeMode.Stretch)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropOverwriteMode(False)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.current_row_changed.connect(lambda _row: self._update_buttons())

        self.up_button = QPushButton(self.tr("Omhoog"), self)
        self.up_button.setObjectName("agendaUp")
        self.up_button.setToolTip(self.tr("Eerder bespreken (Ctrl+Omhoog)"))
        self.down_button = QPushButton(self.tr("Omlaag"), self)
        self.down_button.setObjectName("agendaDown")
        self.down_button.setToolTip(self.tr("Later bespreken (Ctrl+Omlaag)"))
        self.remove_button = QPushButton(self.tr("Van de agenda halen"), self)
        self.remove_button.setObjectName("agendaRemove")
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        self.remove_button.clicked.connect(self._remove)
        QShortcut(QKeySequence("Ctrl+Up"), self.view, lambda: self.move_selected(-1))
        QShortcut(QKeySequence("Ctrl+Down"), self.view, lambda: self.move_selected(+1))

        self.add_reference = QLineEdit(self)
        self.add_reference.setObjectName("agendaAddReference")
        self.add_reference.setPlaceholderText(
            self.tr("signaal- of casusreferentie, of zoek de casus (F4) op adres of naam")
        )
        self.add_reference.setClearButtonEnabled(True)
        self.add_reference.returnPressed.connect(self._add)
        self.case_find = CaseFindButton(
            self.add_reference,
            lambda: self._context(),
            self,
            open_only=True,
            title=self.tr("Casus op de agenda zetten"),
        )
        self.case_find.setText(self.tr("Casus zoeken…"))
        self.case_find.chosen.connect(lambda _choice: self._add())
        self.add_button = QPushButton(self.tr("&Toevoegen"), self)
        self.add_button.setObjectName("agendaAdd")
        self.add_button.clicked.connect(self._add)
        self.sent_button = QPushButton(self.tr("Agenda is &verstuurd"), self)
        self.sent_button.setObjectName("agendaSent")
        self.sent_button.setToolTip(
            self.tr("Noteer dat de agenda naar de partners is gegaan (stopt de herinnering).")
        )
        self.sent_button.clicked.connect(self.sent_requested)
        self.sent_label = QLabel(self)
        self.sent_label.setObjectName("agendaSentLabel")

        agenda_box = QWidget(self)
        agenda_layout = QVBoxLayout(agenda_box)
        agenda_layout.setContentsMargins(0, 0, 0, 0)
        agenda_layout.addWidget(self.view, 1)
        row = FlowLayout()
        row.add_widget(self.up_button)
        row.add_widget(self.down_button)
        row.add_widget(self.remove_button)
        row.add_stretch(1)
        row.add_widget(self.sent_label)
        row.add_widget(self.sent_button)
        agenda_layout.addLayout(row)
        add_row = QHBoxLayout()
        add_label = QLabel(self.tr("Toe&voegen:"), self)
        add_label.setBuddy(self.add_reference)
        add_row.addWidget(add_label)
        add_row.addWidget(self.add_reference, 1)
        add_row.addWidget(self.case_find)
        add_row.addWidget(self.add_button)
        agenda_layout.addLayout(add_row)
        return agenda_box

    def _build_proposals(self) -> QGroupBox:
        """What the program proposes for the agenda, to tick and accept."""
        self.proposals = AgendaProposalTableModel(self)
        self.proposal_view = RecordView("agendaProposals", self)
        self.proposal_view.setModel(self.proposals)
        self.propose_button = QPushButton(self.tr("&Voorstellen ophalen"), self)
        self.propose_button.setObjectName("proposeAgenda")
        self.propose_button.clicked.connect(self.propose_requested)
        self.accept_button = QPushButton(self.tr("Aangevinkte op de &agenda zetten"), self)
        self.accept_button.setObjectName("acceptProposals")
        self.accept_button.clicked.connect(self._accept)
        self.proposal_hint = QLabel(self)
        self.proposal_hint.setObjectName("proposalHint")
        self.proposal_hint.setWordWrap(True)
        proposal_box = QGroupBox(self.tr("Voorstellen voor de agenda"), self)
        proposal_layout = QVBoxLayout(proposal_box)
        proposal_layout.addWidget(self.proposal_hint)
        proposal_layout.addWidget(self.proposal_view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.propose_button)
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        proposal_layout.addLayout(buttons)
        return proposal_box

    # ------------------------------------------------------------------ content

    def set_detail(self, detail: MeetingDetail, editable: bool) -> None:
        selected = self.model.row_object(self.view.current_row())
        self.detail = detail
        self.editable = editable
        self.model.movable = editable
        self.model.set_rows(detail.items)
        if selected is not None:
            self.view.select_row(self.model.row_of(selected.item_id))
        self._show_sent(detail)
        self._update_buttons()

    def follow_detail(self, detail: MeetingDetail, editable: bool) -> None:
        """The same meeting as stored now, after another desk's change: the agenda's rows
        change in place (``AgendaTableModel.follow``), the selection, the scroll position
        and what is typed in the add field stay, and nothing takes the focus."""
        selected = self.model.row_object(self.view.current_row())
        self.detail = detail
        self.editable = editable
        self.model.movable = editable
        self.model.follow(detail.items)
        current = self.model.row_object(self.view.current_row())
        if selected is not None and (current is None or current.item_id != selected.item_id):
            row = self.model.row_of(selected.item_id)
            if row >= 0:  # the rows were put in order anew: the same item chosen again
                self.view.select_row(row)
        self._show_sent(detail)
        self._update_buttons()

    def _show_sent(self, detail: MeetingDetail) -> None:
        sent = detail.meeting.agenda_sent_at
        self.sent_label.setText(
            self.tr("Verstuurd op {date}").format(date=f"{sent:%d-%m-%Y}") if sent else ""
        )

    def set_proposals(self, proposals: list[AgendaProposal]) -> None:
        self.proposals.set_rows(proposals)
        self.proposal_view.fit_columns()
        if proposals:
            self.proposal_hint.setText(
                self.tr(
                    "{n} voorstel(len): nieuwe signalen voor dit overleg, evaluaties, lopende "
                    "opschalingen en afschalingen. Vink uit wat kan wachten."
                ).format(n=len(proposals))
            )
        else:
            self.proposal_hint.setText(self.tr("Er is niets voor te stellen."))
        self._update_buttons()

    def clear(self) -> None:
        self.detail = None
        self.editable = False
        self.model.clear()
        self.proposals.clear()
        self.add_reference.clear()
        self.sent_label.clear()
        self.proposal_hint.setText(
            self.tr("Haal voorstellen op: het programma zoekt wat op deze agenda hoort.")
        )
        self.proposal_view.fit_columns()
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.view.current_row()
        has = self.model.row_object(row) is not None
        editable = self.editable and self.detail is not None
        self.up_button.setEnabled(editable and has and row > 0)
        self.down_button.setEnabled(editable and has and row < self.model.rowCount() - 1)
        self.remove_button.setEnabled(editable and has)
        self.add_reference.setEnabled(editable)
        self.case_find.setEnabled(editable)
        self.add_button.setEnabled(editable)
        self.propose_button.setEnabled(editable)
        self.accept_button.setEnabled(editable and self.proposals.rowCount() > 0)
        self.sent_button.setEnabled(editable and self.model.rowCount() > 0)
        self.view.setDragEnabled(editable)

    # ------------------------------------------------------------------ intents

    def move_selected(self, step: int) -> None:
        row = self.view.current_row()
        target = row + step
        if not self.editable or row < 0 or not 0 <= target < self.model.rowCount():
            return
        moved = self.model.row_object(row)
        self.model.move_row(row, target)
        if moved is not None:
            self.view.select_row(self.model.row_of(moved.item_id))
        self.reorder_requested.emit(self.model.item_ids())

    def _remove(self) -> None:
        item = self.model.row_object(self.view.current_row())
        if item is not None:
            self.remove_requested.emit(item.item_id)

    def _add(self) -> None:
        text = self.add_reference.text().strip()
        if not text or not self.editable:
            return
        is_reference = is_case_reference(text) or text.upper().startswith("S-")
        if not is_reference and self.case_find.may_pick():
            self.case_find.open_picker()  # an address or a name: choose the case first
            return
        self.add_requested.emit(text)

    def added(self) -> None:
        """The page saved what was typed: empty the field."""
        self.add_reference.clear()

    def _accept(self) -> None:
        ticked = self.proposals.ticked()
        if ticked:
            self.accept_requested.emit(ticked)
