"""One meeting in Overleggen: its heading, the copy to print, the agenda and the minutes.

The panel only shows the meeting and says what the user asks for (a document, an export,
a cancellation; the agenda builder and the minutes editor say their own): the page calls
the services and hands the new state back with ``show_meeting``; on a centre, another
desk's change of the shown meeting comes back with ``show_meeting(..., follow=True)``, which
changes the agenda and the minutes in place (see ``MinutesEditor.follow_detail``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sociaalveilig.core.enums import Role
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.meeting_agenda import MeetingDetail
from sociaalveilig.services.meeting_planning import MeetingInfo, MeetingStatus

from sociaalveilig.ui.choices import PartnerChoice
from sociaalveilig.ui.flow_layout import FlowLayout
from sociaalveilig.ui.master_detail import heading_label
from sociaalveilig.ui.menu_button import MenuButton
from sociaalveilig.ui.panels.agenda_builder import AgendaBuilder
from sociaalveilig.ui.panels.minutes_editor import MinutesEditor

# The two documents of a meeting, by the stem of their file names.
AGENDA = "agenda"
MINUTES = "verslag"


class MeetingDetailPanel(QWidget):
    """The right-hand side of Overleggen."""

    # (AGENDA or MINUTES, to the printer): make the document of the shown meeting.
    document_requested = Signal(str, bool)
    cancel_requested = Signal()
    export_requested = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        context: Callable[[], ServiceContext | None] | None = None,
    ) -> None:
        """``context``: the signed-in context, asked for when the agenda's case picker opens."""
        super().__init__(parent)
        self.header = heading_label(self, "meetingHeader")
        self.header.setWordWrap(True)
        self.subheader = QLabel(self)
        self.subheader.setObjectName("meetingSubheader")
        self.subheader.setWordWrap(True)
        self.copy_choice = QComboBox(self)
        self.copy_choice.setObjectName("meetingCopy")
        # As wide as its longest partner name, so its row wraps before the name is cut.
        self.copy_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._copies: tuple[Role | None, tuple[str, ...], tuple[str, ...]] | None = None
        """What the copy choice was filled for (its role and partners)."""
        self.copy_choice.setToolTip(
            self.tr("Een partnerexemplaar bevat alleen de punten die die partner mag zien.")
        )
        self.agenda_doc = self._document_button(self.tr("Agenda"), "agendaDocument", AGENDA)
        self.minutes_doc = self._document_button(self.tr("Verslag"), "minutesDocument", MINUTES)
        self.cancel_button = QPushButton(self.tr("Overleg annuleren"), self)
        self.cancel_button.setObjectName("cancelMeeting")
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.export_button = QPushButton(self.tr("Exporteren naar agenda (.ics)…"), self)
        self.export_button.setObjectName("exportMeeting")
        self.export_button.setToolTip(
            self.tr("Dit overleg als afspraak voor Outlook of een ander agendaprogramma.")
        )
        self.export_button.clicked.connect(self.export_requested)
        copy_row = QHBoxLayout()
        copy_row.addWidget(QLabel(self.tr("Exemplaar:"), self))
        copy_row.addWidget(self.copy_choice, 1)
        docs = FlowLayout()
        docs.add_layout(copy_row, 1)
        docs.add_widget(self.agenda_doc)
        docs.add_widget(self.minutes_doc)
        docs.add_widget(self.export_button)
        docs.add_widget(self.cancel_button)

        self.agenda = AgendaBuilder(self, context)
        self.minutes = MinutesEditor(self)
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

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.subheader)
        layout.addLayout(docs)
        layout.addWidget(self.tabs, 1)

    def _document_button(self, text: str, name: str, kind: str) -> MenuButton:
        button = MenuButton(text, self)
        button.setObjectName(name)
        menu = QMenu(button)
        open_action = QAction(self.tr("Openen als PDF"), menu)
        print_action = QAction(self.tr("Afdrukken…"), menu)
        open_action.triggered.connect(lambda: self.document_requested.emit(kind, False))
        print_action.triggered.connect(lambda: self.document_requested.emit(kind, True))
        menu.addAction(open_action)
        menu.addAction(print_action)
        button.setMenu(menu)
        return button

    def partner_copy(self) -> str | None:
        """The partner whose copy is chosen, or None for the full one."""
        data = self.copy_choice.currentData()
        return str(data) if data is not None else None

    def show_none(self) -> None:
        self.header.setText(self.tr("Kies een overleg in de kalender of de lijst."))
        self.subheader.clear()
        self.copy_choice.clear()
        self._copies = None
        self.agenda.clear()
        self.minutes.clear()
        self.minutes_hint.clear()
        for widget in (self.agenda_doc, self.minutes_doc, self.cancel_button,
                       self.copy_choice, self.export_button):
            widget.setEnabled(False)

    def show_meeting(
        self,
        detail: MeetingDetail,
        *,
        role: Role | None,
        now: datetime | None,
        partners: tuple[PartnerChoice, ...],
        may_prepare: bool,
        may_write: bool,
        action_due: date,
        may_cancel: bool,
        follow: bool = False,
        own_change: bool = False,
    ) -> None:
        """Show ``detail``; ``follow``: it is the meeting shown, as stored now after
        another desk's change, so rows change in place and what the user chose, typed
        and has the focus in stays; ``own_change``: as stored after the user's own change
        of the agenda (the minutes' drafts are based on it: ``MinutesEditor.set_detail``)."""
        info = detail.meeting
        self.header.setText(f"{info.meeting_type.label} · {info.area}")
        names = ", ".join(info.partner_names) or self.tr("nog geen partners")
        self.subheader.setText(
            self.tr("{when} · {location} · {status}\nPartners: {partners}").format(
                when=f"{info.starts_at:%d-%m-%Y %H:%M}",
                location=info.location or self.tr("locatie onbekend"),
                status=info.status.label,
                partners=names,
            )
        )
        self._fill_copies(info, role)
        if follow:
            self.agenda.follow_detail(detail, may_prepare)
            self.minutes.follow_detail(detail, partners, may_write, action_due)
        else:
            self.agenda.set_detail(detail, may_prepare)
            self.minutes.set_detail(detail, partners, may_write, action_due, rebase=own_change)
        self.minutes_hint.setText(self._minutes_hint(info, now, may_write))
        self.agenda_doc.setEnabled(True)
        self.minutes_doc.setEnabled(True)
        self.export_button.setEnabled(True)
        self.copy_choice.setEnabled(self.copy_choice.count() > 1)
        self.cancel_button.setEnabled(may_cancel)

    def _minutes_hint(self, info: MeetingInfo, now: datetime | None, may_write: bool) -> str:
        if info.status is MeetingStatus.GEANNULEERD:
            return self.tr("Dit overleg is geannuleerd.")
        if now is not None and info.starts_at > now:
            return self.tr("Het verslag kan worden vastgelegd zodra het overleg is begonnen.")
        if not may_write:
            return self.tr("U kunt het verslag lezen; de coördinator legt het vast.")
        return self.tr(
            "Leg per agendapunt het besluit en de afgesproken acties vast (Ctrl+Enter)."
        )

    def _fill_copies(self, info: MeetingInfo, role: Role | None) -> None:
        if self._copies == (role, info.partner_ids, info.partner_names):
            return  # the same choices: the one chosen stays, its list is not rebuilt
        self._copies = (role, info.partner_ids, info.partner_names)
        current = self.copy_choice.currentData()
        self.copy_choice.clear()
        if role is Role.PARTNER:
            self.copy_choice.addItem(self.tr("Exemplaar van uw organisatie"), None)
            return
        self.copy_choice.addItem(self.tr("Volledig (coördinator)"), None)
        for partner_id, name in zip(info.partner_ids, info.partner_names, strict=False):
            self.copy_choice.addItem(self.tr("Voor {partner}").format(partner=name), partner_id)
        if current is not None:
            self.copy_choice.setCurrentIndex(max(0, self.copy_choice.findData(current)))
