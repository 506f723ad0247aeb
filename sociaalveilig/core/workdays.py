"""Working days and review dates: handling terms skip weekends and Dutch public holidays.

Holidays follow the common Dutch collective-agreement calendar: Nieuwjaarsdag, Goede
Vrijdag, Eerste en Tweede Paasdag, Koningsdag (27 April, or 26 April when the 27th is a
Sunday), Bevrijdingsdag (5 May, only in lustrum years: 2025, 2030, ...), Hemelvaartsdag,
Eerste en Tweede Pinksterdag, Eerste en Tweede Kerstdag.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from sociaalveilig.core.enums import RiskLevel
from sociaalveilig.core.i18n import tr

_ONE_DAY = timedelta(days=1)

DATE_YEARS = (1900, 2199)
"""The years a date may have where a user enters one or a request to the centre carries
one: wider than any record's, narrow enough that date arithmetic (a day after a period, a
term in working days, a time zone) cannot run past Python's first or last date."""


def easter_sunday(year: int) -> date:
    """Western Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def kings_day(year: int) -> date:
    """Koningsdag: 27 April, moved to the 26th when the 27th falls on a Sunday."""
    day = date(year, 4, 27)
    return day - _ONE_DAY if day.weekday() == 6 else day


@lru_cache(maxsize=64)
def _holiday_keys(year: int) -> tuple[tuple[date, str], ...]:
    easter = easter_sunday(year)
    days = [
        (date(year, 1, 1), "nieuwjaarsdag"),
        (easter - timedelta(days=2), "goede_vrijdag"),
        (easter, "eerste_paasdag"),
        (easter + _ONE_DAY, "tweede_paasdag"),
        (kings_day(year), "koningsdag"),
        (easter + timedelta(days=39), "hemelvaartsdag"),
        (easter + timedelta(days=49), "eerste_pinksterdag"),
        (easter + timedelta(days=50), "tweede_pinksterdag"),
        (date(year, 12, 25), "eerste_kerstdag"),
        (date(year, 12, 26), "tweede_kerstdag"),
    ]
    if year % 5 == 0:
        days.append((date(year, 5, 5), "bevrijdingsdag"))
    return tuple(sorted(days))


def _holiday_label(key: str) -> str:
    return {
        "nieuwjaarsdag": tr("Nieuwjaarsdag"),
        "goede_vrijdag": tr("Goede Vrijdag"),
        "eerste_paasdag": tr("Eerste Paasdag"),
        "tweede_paasdag": tr("Tweede Paasdag"),
        "koningsdag": tr("Koningsdag"),
        "bevrijdingsdag": tr("Bevrijdingsdag"),
        "hemelvaartsdag": tr("Hemelvaartsdag"),
        "eerste_pinksterdag": tr("Eerste Pinksterdag"),
        "tweede_pinksterdag": tr("Tweede Pinksterdag"),
        "eerste_kerstdag": tr("Eerste Kerstdag"),
        "tweede_kerstdag": tr("Tweede Kerstdag"),
    }[key]


def public_holidays(year: int) -> dict[date, str]:
    """The Dutch public holidays of ``year``, date → Dutch name, in date order."""
    return {day: _holiday_label(key) for day, key in _holiday_keys(year)}


@lru_cache(maxsize=64)
def _holiday_dates(year: int) -> frozenset[date]:
    return frozenset(day for day, _ in _holiday_keys(year))


def is_public_holiday(day: date) -> bool:
    return day in _holiday_dates(day.year)


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a public holiday."""
    return day.weekday() < 5 and not is_public_holiday(day)


def next_working_day(day: date) -> date:
    """``day`` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += _ONE_DAY
    return day


def add_working_days(start: date, days: int) -> date:
    """The deadline of a term of ``days`` working days starting on ``start``.

    The term counts from the next working day: a signal received on Friday with a term of
    one working day is due on Monday (Tuesday if Monday is Easter Monday). A term of 0 is
    due on ``start`` itself.
    """
    if days < 0:
        raise ValueError("a term in working days cannot be negative")
    day = start
    remaining = days
    while remaining:
        day += _ONE_DAY
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end``; negative when end < start.

    The inverse of ``add_working_days``: ``working_days_between(d, add_working_days(d, n))``
    is ``n``. Used to say how many working days are left, or how far overdue work is.
    """
    if end < start:
        return -working_days_between(end, start)
    # Whole weeks have five weekdays; holidays are subtracted separately.
    total_days = (end - start).days
    weeks, rest = divmod(total_days, 7)
    count = weeks * 5
    day = start + timedelta(days=weeks * 7)
    for _ in range(rest):
        day += _ONE_DAY
        if day.weekday() < 5:
            count += 1
    for year in range(start.year, end.year + 1):
        for holiday in _holiday_dates(year):
            if start < holiday <= end and holiday.weekday() < 5:
                count -= 1
    return count


# Review cadence by risk level (DOMAIN.md): high every 14 days, medium every 28 days. A
# low-risk case has no periodic review: it comes back on the agenda through new signals,
# actions that fall due, or a coordinator who raises its risk level.
_REVIEW_INTERVALS: dict[RiskLevel, timedelta | None] = {
    RiskLevel.HOOG: timedelta(days=14),
    RiskLevel.MIDDEN: timedelta(days=28),
    RiskLevel.LAAG: None,
}


def review_interval(risk: RiskLevel) -> timedelta | None:
    """Days between reviews of a case at this risk level; None for no periodic review."""
    return _REVIEW_INTERVALS[risk]


def next_review(from_date: date, risk: RiskLevel) -> date | None:
    """The next review date after a review (or the case's start) on ``from_date``.

    Calendar days, moved forward to the next working day when the date falls on a weekend
    or public holiday (for example Koningsdag). None for risk levels without a cadence.
    """
    interval = review_interval(risk)
    if interval is None:
        return None
    return next_working_day(from_date + interval)
