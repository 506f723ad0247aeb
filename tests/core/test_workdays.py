from __future__ import annotations

from datetime import date, timedelta

import pytest

from sociaalveilig.core.enums import RiskLevel
from sociaalveilig.core.workdays import (
    add_working_days,
    easter_sunday,
    is_public_holiday,
    is_working_day,
    kings_day,
    next_review,
    next_working_day,
    public_holidays,
    review_interval,
    working_days_between,
)


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2000, date(2000, 4, 23)),
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
        (2285, date(2285, 3, 22)),
    ],
)
def test_easter(year: int, expected: date) -> None:
    assert easter_sunday(year) == expected


def test_holidays_2026() -> None:
    assert public_holidays(2026) == {
        date(2026, 1, 1): "Nieuwjaarsdag",
        date(2026, 4, 3): "Goede Vrijdag",
        date(2026, 4, 5): "Eerste Paasdag",
        date(2026, 4, 6): "Tweede Paasdag",
        date(2026, 4, 27): "Koningsdag",
        date(2026, 5, 14): "Hemelvaartsdag",
        date(2026, 5, 24): "Eerste Pinksterdag",
        date(2026, 5, 25): "Tweede Pinksterdag",
        date(2026, 12, 25): "Eerste Kerstdag",
        date(2026, 12, 26): "Tweede Kerstdag",
    }
    assert list(public_holidays(2026)) == sorted(public_holidays(2026))


def test_kings_day_moves_to_saturday_when_27_april_is_sunday() -> None:
    assert date(2025, 4, 27).weekday() == 6
    assert kings_day(2025) == date(2025, 4, 26)
    assert kings_day(2026) == date(2026, 4, 27)
    assert is_public_holiday(date(2025, 4, 26))
    assert not is_public_holiday(date(2025, 4, 27))
    assert kings_day(2031) == date(2031, 4, 26)


def test_liberation_day_only_in_lustrum_years() -> None:
    assert is_public_holiday(date(2025, 5, 5))
    assert not is_working_day(date(2025, 5, 5))  # a Monday
    assert is_public_holiday(date(2030, 5, 5))
    assert not is_public_holiday(date(2026, 5, 5))
    assert is_working_day(date(2026, 5, 5))  # a Tuesday
    assert "Bevrijdingsdag" in public_holidays(2025).values()
    assert "Bevrijdingsdag" not in public_holidays(2027).values()


def test_weekends_are_not_working_days() -> None:
    assert is_working_day(date(2026, 3, 13))  # Friday
    assert not is_working_day(date(2026, 3, 14))
    assert not is_working_day(date(2026, 3, 15))
    assert is_working_day(date(2026, 3, 16))
    assert next_working_day(date(2026, 3, 14)) == date(2026, 3, 16)
    assert next_working_day(date(2026, 3, 16)) == date(2026, 3, 16)


def test_term_counts_from_next_working_day() -> None:
    monday = date(2026, 3, 9)
    assert add_working_days(monday, 0) == monday
    assert add_working_days(monday, 1) == date(2026, 3, 10)
    assert add_working_days(monday, 5) == date(2026, 3, 16)
    assert add_working_days(monday, 10) == date(2026, 3, 23)
    friday = date(2026, 3, 13)
    assert add_working_days(friday, 1) == date(2026, 3, 16)
    saturday = date(2026, 3, 14)
    assert add_working_days(saturday, 1) == date(2026, 3, 16)
    assert add_working_days(saturday, 2) == date(2026, 3, 17)


def test_term_across_easter_2026() -> None:
    # Thursday 2 April; Good Friday 3, Easter 5, Easter Monday 6 April
    thursday = date(2026, 4, 2)
    assert add_working_days(thursday, 1) == date(2026, 4, 7)
    assert add_working_days(thursday, 2) == date(2026, 4, 8)
    assert add_working_days(thursday, 5) == date(2026, 4, 13)
    assert add_working_days(date(2026, 4, 3), 1) == date(2026, 4, 7)
    assert add_working_days(date(2026, 3, 30), 10) == date(2026, 4, 15)
    assert not is_working_day(date(2026, 4, 6))


def test_term_across_kings_day() -> None:
    # 2025: King's Day on Saturday 26 April, so Monday 28 April is an ordinary working day
    assert add_working_days(date(2025, 4, 25), 1) == date(2025, 4, 28)
    # 2026: King's Day on Monday 27 April
    assert add_working_days(date(2026, 4, 24), 1) == date(2026, 4, 28)
    assert add_working_days(date(2026, 4, 23), 2) == date(2026, 4, 28)
    # 2025 also has Liberation Day (Monday 5 May, lustrum year)
    assert add_working_days(date(2025, 5, 2), 1) == date(2025, 5, 6)


def test_term_across_christmas_and_new_year() -> None:
    # Thu 24 Dec 2026; Fri 25 and Sat 26 are holidays; Fri 1 Jan 2027 is New Year
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 28)
    assert add_working_days(date(2026, 12, 24), 5) == date(2027, 1, 4)
    assert add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 4)
    # 2025: Christmas on Thursday and Friday
    assert add_working_days(date(2025, 12, 24), 1) == date(2025, 12, 29)


def test_negative_term_refused() -> None:
    with pytest.raises(ValueError):
        add_working_days(date(2026, 1, 5), -1)


def test_working_days_between() -> None:
    assert working_days_between(date(2026, 3, 9), date(2026, 3, 9)) == 0
    assert working_days_between(date(2026, 3, 9), date(2026, 3, 16)) == 5
    assert working_days_between(date(2026, 4, 2), date(2026, 4, 7)) == 1
    assert working_days_between(date(2026, 4, 7), date(2026, 4, 2)) == -1
    assert working_days_between(date(2026, 12, 24), date(2027, 1, 4)) == 5
    assert working_days_between(date(2026, 1, 1), date(2026, 12, 31)) == 261 - 7


@pytest.mark.parametrize("days", [0, 1, 2, 5, 10, 20, 63, 300])
def test_working_days_between_inverts_add(days: int) -> None:
    start = date(2024, 12, 20)
    for offset in range(0, 800, 7):
        day = start + timedelta(days=offset)
        assert working_days_between(day, add_working_days(day, days)) == days


def test_working_days_between_matches_counting() -> None:
    start = date(2025, 12, 1)
    for length in range(0, 60):
        end = start + timedelta(days=length)
        counted = sum(
            1 for i in range(1, length + 1) if is_working_day(start + timedelta(days=i))
        )
        assert working_days_between(start, end) == counted


def test_review_cadence() -> None:
    assert review_interval(RiskLevel.HOOG) == timedelta(days=14)
    assert review_interval(RiskLevel.MIDDEN) == timedelta(days=28)
    assert review_interval(RiskLevel.LAAG) is None
    assert next_review(date(2026, 3, 2), RiskLevel.HOOG) == date(2026, 3, 16)
    assert next_review(date(2026, 3, 2), RiskLevel.MIDDEN) == date(2026, 3, 30)
    assert next_review(date(2026, 3, 2), RiskLevel.LAAG) is None


def test_review_on_a_holiday_moves_to_next_working_day() -> None:
    # 13 April + 14 days = Monday 27 April 2026, King's Day
    assert next_review(date(2026, 4, 13), RiskLevel.HOOG) == date(2026, 4, 28)
    # 28 days after Monday 9 March is Easter Monday 6 April
    assert next_review(date(2026, 3, 9), RiskLevel.MIDDEN) == date(2026, 4, 7)
