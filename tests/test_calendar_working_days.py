"""WorkingCalendar: working-day tests, overrides, counting forwards and backwards."""
from __future__ import annotations

import time as wallclock
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.calendar import (
    OFF,
    WORK,
    CalendarOverride,
    DayOffKind,
    WorkingCalendar,
    load_overrides,
)
from counter_app.errors import InvalidInput
from counter_app.resources import resource_path

DEFAULT = WorkingCalendar()


@pytest.fixture(scope="module")
def official_2026() -> WorkingCalendar:
    return WorkingCalendar(load_overrides(resource_path("calendar", "2026.json")))


def test_weekdays_weekends_and_holidays():
    assert DEFAULT.is_working_day(date(2026, 3, 2))  # Monday
    assert not DEFAULT.is_working_day(date(2026, 3, 7))  # Saturday
    assert not DEFAULT.is_working_day(date(2026, 3, 8))  # Sunday
    assert not DEFAULT.is_working_day(date(2026, 4, 30))
    assert not DEFAULT.is_working_day(date(2026, 4, 27))  # compensation for Hùng Kings


def test_day_off_name():
    assert DEFAULT.day_off_name(date(2026, 3, 2)) is None
    assert DEFAULT.day_off_name(date(2026, 3, 7)) == "Thứ Bảy"
    assert DEFAULT.day_off_name(date(2026, 3, 8)) == "Chủ nhật"
    assert DEFAULT.day_off_name(date(2026, 9, 2)) == "Quốc khánh (2/9)"
    assert DEFAULT.day_off_name(date(2026, 2, 17)) == "Tết Nguyên đán Bính Ngọ (mùng 1 tháng Giêng)"


def test_options_are_passed_to_the_holiday_rules():
    calendar = WorkingCalendar(culture_day_off=True, national_day_extra="after")
    assert not calendar.is_working_day(date(2026, 11, 24))
    assert not calendar.is_working_day(date(2026, 9, 3))
    assert calendar.is_working_day(date(2026, 9, 1))
    assert DEFAULT.is_working_day(date(2026, 11, 24))
    with pytest.raises(InvalidInput):
        WorkingCalendar(national_day_extra="both")


def test_official_2026_tet_and_swaps(official_2026):
    tet = [date(2026, 2, 14) + timedelta(days=i) for i in range(9)]
    assert not any(official_2026.is_working_day(day) for day in tet)
    assert official_2026.is_working_day(date(2026, 2, 23))
    assert official_2026.day_off_name(date(2026, 2, 14)).startswith("Nghỉ Tết Nguyên đán Bính Ngọ")
    # New Year: Friday 2/1 off, swapped with Saturday 10/1.
    assert not official_2026.is_working_day(date(2026, 1, 2))
    assert official_2026.is_working_day(date(2026, 1, 10))
    assert official_2026.day_off_name(date(2026, 1, 10)) is None
    # National Day: Monday 31/8 off, swapped with Saturday 22/8.
    assert not official_2026.is_working_day(date(2026, 8, 31))
    assert official_2026.is_working_day(date(2026, 8, 22))


def test_make_up_saturday_counts_as_working(official_2026):
    friday = date(2026, 1, 9)
    assert official_2026.next_working_day(friday) == date(2026, 1, 10)
    assert DEFAULT.next_working_day(friday) == date(2026, 1, 12)


def test_extra_day_off_is_skipped(official_2026):
    assert official_2026.next_working_day(date(2025, 12, 31)) == date(2026, 1, 5)
    assert DEFAULT.next_working_day(date(2025, 12, 31)) == date(2026, 1, 2)


def test_work_override_removes_a_default_holiday():
    calendar = WorkingCalendar([CalendarOverride(date(2026, 9, 1), WORK, "Không nghỉ 1/9")])
    assert calendar.is_working_day(date(2026, 9, 1))
    assert date(2026, 9, 1) not in [d.day for d in calendar.days_off(2026)]
    assert not calendar.is_working_day(date(2026, 9, 2))


def test_later_override_wins_on_the_same_date():
    day = date(2026, 3, 3)
    calendar = WorkingCalendar([
        CalendarOverride(day, OFF, "Nghỉ"),
        CalendarOverride(day, WORK, "Đi làm"),
    ])
    assert calendar.is_working_day(day)
    calendar = WorkingCalendar([
        CalendarOverride(day, WORK, "Đi làm"),
        CalendarOverride(day, OFF, "Nghỉ"),
    ])
    assert calendar.day_off_name(day) == "Nghỉ"


def test_days_off_lists_holidays_compensation_and_declared_days(official_2026):
    days = official_2026.days_off(2026)
    assert [d.day for d in days] == sorted(d.day for d in days)
    by_day = {d.day: d for d in days}
    assert by_day[date(2026, 4, 27)].kind is DayOffKind.COMPENSATION
    assert by_day[date(2026, 1, 2)].kind is DayOffKind.DECLARED
    assert by_day[date(2026, 4, 30)].kind is DayOffKind.HOLIDAY
    assert date(2026, 1, 10) not in by_day  # a make-up Saturday is not a day off
    assert date(2026, 3, 7) not in by_day  # plain weekends are not listed
    # The declared Tết days replace the default ones (same dates, declared names).
    assert by_day[date(2026, 2, 16)].kind is DayOffKind.DECLARED
    assert len(days) == len(DEFAULT.days_off(2026)) + 8  # 2/1, 14, 15, 21, 22/2, 29, 30, 31/8


def test_add_working_days_across_the_year_end():
    # 30/12/2025 (Tuesday) + 5: 31/12, 2/1, 5/1, 6/1, 7/1 (1/1 is a holiday).
    assert DEFAULT.add_working_days(date(2025, 12, 30), 5) == date(2026, 1, 7)
    # 30/12/2027 (Thursday) + 5: 31/12, then 1/1/2028 Saturday -> Monday 3/1 off.
    assert DEFAULT.add_working_days(date(2027, 12, 30), 5) == date(2028, 1, 7)
    assert DEFAULT.add_working_days(date(2026, 1, 7), -5) == date(2025, 12, 30)


def test_add_working_days_edge_cases():
    saturday = date(2026, 3, 7)
    assert DEFAULT.add_working_days(saturday, 0) == saturday
    assert DEFAULT.add_working_days(saturday, 1) == date(2026, 3, 9)
    assert DEFAULT.add_working_days(saturday, -1) == date(2026, 3, 6)
    assert DEFAULT.add_working_days(date(2026, 3, 2), 260) > date(2027, 1, 1)
    assert DEFAULT.add_working_days(date(2026, 3, 2), -300) < date(2025, 1, 1)


def test_working_days_between():
    assert DEFAULT.working_days_between(date(2025, 12, 30), date(2026, 1, 7)) == 5
    assert DEFAULT.working_days_between(date(2026, 1, 7), date(2025, 12, 30)) == -5
    assert DEFAULT.working_days_between(date(2026, 3, 2), date(2026, 3, 2)) == 0
    assert DEFAULT.working_days_between(date(2025, 1, 1), date(2027, 1, 1)) == (
        len([d for d in range(date(2025, 1, 2).toordinal(), date(2027, 1, 2).toordinal())
             if DEFAULT.is_working_day(date.fromordinal(d))])
    )


def _naive_add(calendar: WorkingCalendar, day: date, count: int) -> date:
    step = 1 if count > 0 else -1
    while count:
        day += timedelta(days=step)
        if calendar.is_working_day(day):
            count -= step
    return day


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)),
    st.integers(min_value=-60, max_value=60),
)
def test_property_add_matches_day_by_day_counting(day, count):
    result = DEFAULT.add_working_days(day, count)
    assert result == _naive_add(DEFAULT, day, count)
    if count:
        assert DEFAULT.is_working_day(result)
        assert DEFAULT.working_days_between(day, result) == count


def test_years_are_cached_and_lookups_are_fast():
    calendar = WorkingCalendar()
    days = [date(2026, 1, 1) + timedelta(days=i) for i in range(365)]
    calendar.is_working_day(days[0])
    assert calendar.days_off(2026) is not calendar.days_off(2026)  # callers get their own list
    assert calendar._year(2026) is calendar._year(2026)
    started = wallclock.perf_counter()
    for _ in range(500):
        for day in days:
            calendar.is_working_day(day)
    elapsed = wallclock.perf_counter() - started
    assert elapsed < 2.0, f"182,500 lookups took {elapsed:.2f}s"
