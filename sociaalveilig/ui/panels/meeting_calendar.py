"""The month calendar of Overleggen: days with a meeting stand out, with the meetings of
that day in the day's tooltip."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QWidget

from sociaalveilig.services.meeting_planning import MeetingInfo

from sociaalveilig.ui.dutch import dutch

MEETING_DAY = QColor(214, 230, 248)


class MeetingCalendar(QCalendarWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingCalendar")
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers)
        dutch(self)
        self.setMaximumHeight(230)
        self._marked: list[date] = []

    def select_quietly(self, day: date) -> None:
        """Show ``day`` without telling the page (it loads the month itself)."""
        self.blockSignals(True)
        self.setSelectedDate(QDate(day.year, day.month, day.day))
        self.blockSignals(False)

    def mark(self, rows: Iterable[MeetingInfo]) -> None:
        """Mark the days of these meetings; the days marked before go back to plain."""
        plain = QTextCharFormat()
        for day in self._marked:
            self.setDateTextFormat(QDate(day.year, day.month, day.day), plain)
        self._marked = []
        marked = QTextCharFormat()
        marked.setFontWeight(QFont.Weight.Bold)
        marked.setBackground(QBrush(MEETING_DAY))
        for info in rows:
            day = info.starts_at.date()
            tip = f"{info.starts_at:%H:%M} {info.meeting_type.label} · {info.area}"
            fmt = QTextCharFormat(marked)
            fmt.setToolTip(tip)
            self.setDateTextFormat(QDate(day.year, day.month, day.day), fmt)
            self._marked.append(day)
