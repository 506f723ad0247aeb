"""Dates in Dutch whatever the computer's language: day and month names in calendars and
date fields ("dinsdag 24-11-2026"), Monday first. When English is chosen in Instellingen ›
Taal, British English instead (``set_program_language``, called by ui/i18n.py)."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, QLocale, Qt, QTime
from PySide6.QtWidgets import QCalendarWidget, QDateTimeEdit, QWidget

from sociaalveilig.core.workdays import DATE_YEARS

DUTCH = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
_LOCALES = {"en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)}
_program_locale = DUTCH


def set_program_language(language: str) -> None:
    global _program_locale
    _program_locale = _LOCALES.get(language, DUTCH)


def program_locale() -> QLocale:
    """The locale of day and month names: Dutch unless another language was chosen."""
    return _program_locale


FIRST_DATE = QDate(DATE_YEARS[0], 1, 1)
LAST_DATE = QDate(DATE_YEARS[1], 12, 31)
"""A date field's range (Qt's own runs from 1752 to 9999, dates the centre refuses)."""


def dutch(widget: QWidget) -> QWidget:
    """Give a date field or calendar the Dutch locale (and its popup calendar too), and a
    date field no dates outside ``DATE_YEARS`` (within any narrower range it has)."""
    widget.setLocale(program_locale())
    if isinstance(widget, QDateTimeEdit):
        widget.setDateRange(
            max(widget.minimumDate(), FIRST_DATE), min(widget.maximumDate(), LAST_DATE)
        )
    if isinstance(widget, QCalendarWidget):
        widget.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
    if isinstance(widget, QDateTimeEdit) and widget.calendarPopup():
        calendar = widget.calendarWidget()
        if calendar is not None:
            calendar.setLocale(program_locale())
            calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
    return widget


def to_date(value: QDate) -> date:
    """A QDate as a Python date."""
    return date(value.year(), value.month(), value.day())


def to_time(value: QTime) -> time:
    """A QTime as a Python time (to the minute; seconds are not planned)."""
    return time(value.hour(), value.minute())
