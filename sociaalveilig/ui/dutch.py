"""Dates in Dutch whatever the computer's language: day and month names in calendars and
date fields ("dinsdag 24-11-2026"), Monday first. When English is chosen in Instellingen ›
Taal, British English instead (``set_program_language``, called by ui/i18n.py)."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, QLocale, Qt, QTime
from PySide6.QtWidgets import QCalendarWidget, QDateTimeEdit, QWidget

DUTCH = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
_LOCALES = {"en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)}
_program_locale = DUTCH


def set_program_language(language: str) -> None:
    global _program_locale
    _program_locale = _LOCALES.get(language, DUTCH)


def program_locale() -> QLocale:
    """The locale of day and month names: Dutch unless another language was chosen."""
    return _program_locale


def dutch(widget: QWidget) -> QWidget:
    """Give a date field or calendar the Dutch locale (and its popup calendar too)."""
    widget.setLocale(program_locale())
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
