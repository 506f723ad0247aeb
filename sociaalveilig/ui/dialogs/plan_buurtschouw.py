"""Plan a buurtschouw: focus area, date and the route (streets, one a line)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QPlainTextEdit, QWidget

from sociaalveilig.services import buurtschouw
from sociaalveilig.services.context import ServiceContext

from sociaalveilig.ui.choices import Choices
from sociaalveilig.ui.dialogs.service_form import ServiceFormDialog
from sociaalveilig.ui.dutch import dutch, to_date


class PlanBuurtschouwDialog(ServiceFormDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        choices: Choices,
        day: date,
        parent: QWidget | None = None,
        area: str | None = None,
    ) -> None:
        super().__init__(ctx, "", parent)
        self.setWindowTitle(self.tr("Buurtschouw plannen"))
        self.set_intro(
            self.tr(
                "Met bewoners en partners door de buurt: heel, schoon, veilig. Het pakket "
                "voor onderweg drukt u af vanaf de pagina Buurtschouwen."
            )
        )
        self.area = QComboBox(self)
        self.area.setObjectName("walkArea")
        for choice in choices.areas:
            self.area.addItem(choice.name, choice.name)
        if area:
            self.area.setCurrentIndex(max(0, self.area.findData(area)))
        self.date = QDateEdit(self)
        self.date.setObjectName("walkDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dddd dd-MM-yyyy")
        self.date.setDate(QDate(day.year, day.month, day.day))
        dutch(self.date)
        self.route = QPlainTextEdit(self)
        self.route.setObjectName("walkRoute")
        self.route.setTabChangesFocus(True)
        self.route.setPlaceholderText(self.tr("Eén straat per regel, in looprichting"))
        self.route.setMinimumHeight(110)
        self.add_row(self.tr("&Focusgebied:"), self.area, "area")
        self.add_row(self.tr("&Datum:"), self.date, "walk_date")
        self.add_row(self.tr("&Route:"), self.route, "route")
        self.resize(480, self.sizeHint().height())

    def on_save(self) -> None:
        area = self.area.currentData()
        if not area:
            self.refuse(self.tr("Kies het focusgebied van de buurtschouw."), "area")
            return
        day = to_date(self.date.date())
        route = self.route.toPlainText()
        self.submit(lambda ctx: buurtschouw.plan_buurtschouw(ctx, area, day, route))
