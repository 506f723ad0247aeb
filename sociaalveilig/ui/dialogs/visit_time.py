"""A new date and time for a home visit: move a planned visit, or plan the follow-up of a
visit where nobody was home (the proposed date filled in)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QTime
from PySide6.QtWidgets import QDateEdit, QTimeEdit, QWidget

from sociaalveilig.services import visits
from sociaalveilig.services.context import ServiceContext
from sociaalveilig.services.visit_clashes import VisitClash
from sociaalveilig.services.visits import VisitRow

from sociaalveilig.ui.dialogs.clash_confirm import ClashQuestion, ask_about_clash
from sociaalveilig.ui.dialogs.service_form import ServiceFormDialog
from sociaalveilig.ui.dutch import dutch, to_date, to_time

TimeCall = Callable[[ServiceContext, datetime, datetime, bool, int | None], Any]
"""The service call: the times, whether a clash is confirmed, and the version of the visit
moved (None for a new visit)."""
"""(ctx, start, end, confirm_clash): the service call that saves the new time."""


class VisitTimeDialog(ServiceFormDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        title: str,
        intro: str,
        start: datetime,
        duration: timedelta,
        call: TimeCall,
        parent: QWidget | None = None,
        save_text: str | None = None,
    ) -> None:
        super().__init__(ctx, title, parent)
        self._call = call
        self.set_intro(intro)
        self.date = QDateEdit(self)
        self.date.setObjectName("visitDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dddd dd-MM-yyyy")
        self.date.setDate(QDate(start.year, start.month, start.day))
        dutch(self.date)
        self.start = QTimeEdit(self)
        self.start.setObjectName("visitStart")
        self.start.setDisplayFormat("HH:mm")
        self.start.setTime(QTime(start.hour, start.minute))
        end = start + duration
        self.end = QTimeEdit(self)
        self.end.setObjectName("visitEnd")
        self.end.setDisplayFormat("HH:mm")
        self.end.setTime(QTime(end.hour, end.minute))
        self.add_row(self.tr("&Datum:"), self.date, "date")
        self.add_row(self.tr("&Van:"), self.start, "start")
        self.add_row(self.tr("&Tot:"), self.end, "end")
        if save_text:
            self.save_button.setText(save_text)
        self.resize(420, self.sizeHint().height())
        self.clash_question: ClashQuestion | None = None
        self._submitted: tuple[datetime, datetime] | None = None

    def chosen(self) -> tuple[datetime, datetime]:
        day = to_date(self.date.date())
        start = datetime.combine(day, to_time(self.start.time()))
        end = datetime.combine(day, to_time(self.end.time()))
        return start, end

    def on_save(self) -> None:
        start, end = self.chosen()
        self._submitted = (start, end)
        call, version = self._call, self.expected_version
        self.submit(lambda ctx: call(ctx, start, end, False, version))

    def refused(self, exc: BaseException) -> None:
        if not isinstance(exc, VisitClash):
            super().refused(exc)
            return
        self._busy = False
        self.buttons.setEnabled(True)
        self.last_error = exc
        # Confirm the time that was checked, not one changed since.
        start, end = self._submitted if self._submitted is not None else self.chosen()
        call, version = self._call, self.expected_version
        self.clash_question = ask_about_clash(
            self, exc, lambda: self.submit(lambda ctx: call(ctx, start, end, True, version))
        )


def replan_dialog(
    ctx: ServiceContext, visit: VisitRow, proposed: datetime, parent: QWidget
) -> VisitTimeDialog:
    """A new visit after one where nobody was home: the same partners, address and purpose
    at ``proposed`` (the same time on the next working day), which the user may change."""
    visit_id = visit.visit_id

    def text(source: str) -> str:
        return QCoreApplication.translate("VisitTimeDialog", source)

    dialog = VisitTimeDialog(
        ctx,
        text("Nieuw huisbezoek plannen"),
        text(
            "Niemand thuis of geen toegang op {old}. Voorstel: dezelfde tijd op de "
            "volgende werkdag. Pas zo nodig aan en bevestig; de partners, het adres en "
            "het doel blijven gelijk."
        ).format(old=f"{visit.start:%d-%m-%Y %H:%M}"),
        proposed,
        visit.end - visit.start,
        lambda c, start, end, sure, _version: visits.replan_visit(c, visit_id, start, end, sure),
        parent,
        save_text=text("Inplannen"),
    )
    dialog.setObjectName("replanVisitDialog")
    return dialog
