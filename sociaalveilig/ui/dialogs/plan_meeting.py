"""Plan a partner meeting: focus area, kind, date and time, location, partners taking part."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QTimeEdit, QWidget

from sociaalveilig.core.enums import MeetingType
from sociaalveilig.services import meeting_planning
from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui.check_list import CheckList
from sociaalveilig.ui.choices import Choices
from sociaalveilig.ui.dialogs.service_form import ServiceFormDialog
from sociaalveilig.ui.dutch import dutch, to_date, to_time

DEFAULT_LOCATION = "Coördinatiecentrum Hoensbroek"


class PlanMeetingDialog(ServiceFormDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        choices: Choices,
        start: datetime,
        parent: QWidget | None = None,
        area: str | None = None,
        meeting_type: MeetingType | None = None,
    ) -> None:
        super().__init__(ctx, "", parent)
        self.setWindowTitle(self.tr("Overleg plannen"))
        self.area = QComboBox(self)
        self.area.setObjectName("meetingArea")
        for choice in choices.areas:
            self.area.addItem(choice.name, choice.name)
        if area:
            self.area.setCurrentIndex(max(0, self.area.findData(area)))
        self.kind = QComboBox(self)
        self.kind.setObjectName("meetingType")
        for kind in MeetingType:
            self.kind.addItem(kind.label, kind.value)
        if meeting_type is not None:
            self.kind.setCurrentIndex(self.kind.findData(meeting_type.value))
        self.date = QDateEdit(self)
        self.date.setObjectName("meetingDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dddd dd-MM-yyyy")
        self.date.setDate(QDate(start.year, start.month, start.day))
        dutch(self.date)
        self.time = QTimeEdit(self)
        self.time.setObjectName("meetingTime")
        self.time.setDisplayFormat("HH:mm")
        self.time.setTime(QTime(start.hour, start.minute))
        self.location = QLineEdit(self)
        self.location.setObjectName("meetingLocation")
        self.location.setMaxLength(160)
        self.location.setText(self.tr(DEFAULT_LOCATION))
        self.partners = CheckList(self, rows_visible=6)
        self.partners.setObjectName("meetingPartners")
        self.partners.set_items([(p.partner_id, p.name) for p in choices.partners])

        self.add_row(self.tr("&Focusgebied:"), self.area, "area")
        self.add_row(self.tr("&Soort overleg:"), self.kind, "meeting_type")
        self.add_row(self.tr("&Datum:"), self.date, "date")
        self.add_row(self.tr("&Tijd:"), self.time, "starts_at")
        self.add_row(self.tr("&Locatie:"), self.location, "location")
        self.add_row(self.tr("&Partners:"), self.partners, "partner_ids")
        self.resize(520, self.sizeHint().height())

    def on_save(self) -> None:
        area = self.area.currentData()
        if not area:
            self.refuse(self.tr("Kies het focusgebied van het overleg."), "area")
            return
        kind = str(self.kind.currentData())
        starts_at = datetime.combine(to_date(self.date.date()), to_time(self.time.time()))
        location = self.location.text()
        partners = self.partners.checked()
        self.submit(
            lambda ctx: meeting_planning.plan_meeting(
                ctx, area, kind, starts_at, location, partners
            )
        )
