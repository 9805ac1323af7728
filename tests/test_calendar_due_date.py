"""Appointment dates: days, hours, fractions, cutoffs, weekends, holidays, overrides."""
from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.calendar import (
    OfficeHours,
    WorkingCalendar,
    due_at,
    effective_reception,
    format_processing_time,
    load_overrides,
)
from counter_app.catalog.model import Channel, ProcessingTime, TimeUnit
from counter_app.errors import InvalidInput
from counter_app.resources import resource_path

CAL = WorkingCalendar()


def days(amount: float) -> ProcessingTime:
    return ProcessingTime(Channel.DIRECT, amount, TimeUnit.WORKING_DAYS)


def hours(amount: float) -> ProcessingTime:
    return ProcessingTime(Channel.DIRECT, amount, TimeUnit.WORKING_HOURS)


def due(received: datetime, processing: ProcessingTime, **kwargs) -> datetime:
    return due_at(received, processing, calendar=kwargs.pop("calendar", CAL), **kwargs)


# --- working days -------------------------------------------------------------

def test_counting_starts_the_next_working_day_and_keeps_the_clock():
    # Monday 09:15 + 3 working days -> Thursday 09:15.
    assert due(datetime(2026, 3, 2, 9, 15), days(3)) == datetime(2026, 3, 5, 9, 15)


def test_weekend_and_holidays_are_skipped():
    # Friday 24/4/2026 + 3: Mon 27/4 (compensation), Tue 28, Wed 29, Thu 30/4 and Fri 1/5 off.
    assert due(datetime(2026, 4, 24, 9), days(3)) == datetime(2026, 5, 4, 9)


def test_year_end_crossing():
    # Tuesday 30/12/2025 + 5: 31/12, 2/1, 5/1, 6/1, 7/1 (1/1 is a holiday).
    assert due(datetime(2025, 12, 30, 10), days(5)) == datetime(2026, 1, 7, 10)
    # With the official 2026 calendar 2/1 is off too.
    official = WorkingCalendar(load_overrides(resource_path("calendar", "2026.json")))
    assert due(datetime(2025, 12, 30, 10), days(5), calendar=official) == datetime(2026, 1, 8, 10)
    # Thursday 30/12/2027 + 5: 1/1/2028 is a Saturday so Monday 3/1 is off.
    assert due(datetime(2027, 12, 30, 10), days(5)) == datetime(2028, 1, 7, 10)


def test_make_up_saturday_is_a_working_day():
    official = WorkingCalendar(load_overrides(resource_path("calendar", "2026.json")))
    assert due(datetime(2026, 1, 9, 9), days(1), calendar=official) == datetime(2026, 1, 10, 9)
    assert due(datetime(2026, 1, 9, 9), days(1)) == datetime(2026, 1, 12, 9)


def test_received_on_a_weekend_or_holiday_counts_from_the_next_working_day():
    # Saturday: treated as received Monday 07:30, due one working day later.
    assert due(datetime(2026, 3, 7, 10), days(1)) == datetime(2026, 3, 10, 7, 30)
    # National Day 2/9/2025 (Tuesday): received Wednesday 07:30, due Thursday.
    assert due(datetime(2025, 9, 2, 10), days(1)) == datetime(2025, 9, 4, 7, 30)
    # During Tết 2026 (mùng 2): received Monday 23/2, due Wednesday 25/2.
    assert due(datetime(2026, 2, 18, 8), days(2)) == datetime(2026, 2, 25, 7, 30)


def test_cutoff():
    received = datetime(2026, 3, 2, 15, 30)  # Monday
    assert due(received, days(1), cutoff=time(15)) == datetime(2026, 3, 4, 7, 30)
    assert due(received, days(1)) == datetime(2026, 3, 3, 15, 30)
    # Exactly at the cutoff is not "after" it.
    assert due(datetime(2026, 3, 2, 15), days(1), cutoff=time(15)) == datetime(2026, 3, 3, 15)


def test_outside_office_hours():
    monday = datetime(2026, 3, 2)
    # After closing: next working day's opening.
    assert due(monday.replace(hour=17, minute=30), days(1)) == datetime(2026, 3, 4, 7, 30)
    # Before opening: counts from the same day's opening.
    assert due(monday.replace(hour=6, minute=45), days(1)) == datetime(2026, 3, 3, 7, 30)
    # Lunch break: clamped to the afternoon start.
    assert due(monday.replace(hour=12), days(2)) == datetime(2026, 3, 4, 13, 30)
    # The end of a session is still inside it.
    assert due(monday.replace(hour=11, minute=30), days(1)) == datetime(2026, 3, 3, 11, 30)


def test_fixed_due_clock():
    office = OfficeHours(due_clock=time(8, 0))
    assert due(datetime(2026, 3, 2, 15, 10), days(3), hours=office) == datetime(2026, 3, 5, 8, 0)


def test_within_the_day():
    monday = datetime(2026, 3, 2, 9)
    assert format_processing_time(days(0)) == "Trong ngày"
    assert due(monday, days(0)) == datetime(2026, 3, 2, 17, 0)
    assert due(monday.replace(hour=16), days(0), cutoff=time(15)) == datetime(2026, 3, 3, 17, 0)
    assert due(datetime(2026, 3, 7, 9), days(0)) == datetime(2026, 3, 9, 17, 0)  # Saturday


def test_fractional_days_are_office_time():
    # Half a day = 3 h 45 of the default 7 h 30 day.
    assert OfficeHours().day_length == timedelta(hours=7, minutes=30)
    assert due(datetime(2026, 3, 2, 9), days(0.5)) == datetime(2026, 3, 2, 14, 45)
    # From 16:00: 1 h today, 2 h 45 tomorrow morning.
    assert due(datetime(2026, 3, 2, 16), days(0.5)) == datetime(2026, 3, 3, 10, 15)
    # 1.5 days: one day, then half a day of office time.
    assert due(datetime(2026, 3, 2, 9), days(1.5)) == datetime(2026, 3, 3, 14, 45)


# --- working hours --------------------------------------------------------------

def test_hours_skip_lunch_evenings_and_days_off():
    # Friday 24/4/2026 09:00 + 8 h: 2.5 h + 3.5 h on Friday, Monday 27/4 is off, Tuesday 2 h.
    assert due(datetime(2026, 4, 24, 9), hours(8)) == datetime(2026, 4, 28, 9, 30)
    # Over the lunch break.
    assert due(datetime(2026, 3, 2, 10), hours(4)) == datetime(2026, 3, 2, 16, 0)
    # Landing on the end of a session stays there.
    assert due(datetime(2026, 3, 2, 9, 30), hours(2)) == datetime(2026, 3, 2, 11, 30)
    # Fractional hours; reception during lunch.
    assert due(datetime(2026, 3, 2, 12, 15), hours(1.5)) == datetime(2026, 3, 2, 15, 0)


def test_hours_after_cutoff_start_next_working_day():
    received = datetime(2026, 3, 6, 16, 0)  # Friday
    assert due(received, hours(2), cutoff=time(15, 30)) == datetime(2026, 3, 9, 9, 30)
    assert due(received, hours(2)) == datetime(2026, 3, 9, 8, 30)


def test_hours_ignore_the_fixed_due_clock():
    office = OfficeHours(due_clock=time(8))
    assert due(datetime(2026, 3, 2, 9), hours(1), hours=office) == datetime(2026, 3, 2, 10)


def test_custom_office_hours():
    office = OfficeHours(time(8), time(12), time(13), time(17))
    assert office.day_length == timedelta(hours=8)
    assert due(datetime(2026, 3, 2, 8), days(0.5), hours=office) == datetime(2026, 3, 2, 12)
    assert due(datetime(2026, 3, 2, 7), days(0), hours=office) == datetime(2026, 3, 2, 17)
    with pytest.raises(InvalidInput, match="increasing"):
        OfficeHours(time(8), time(12), time(11), time(17))


# --- calendar days ----------------------------------------------------------------

def test_calendar_days_end_on_the_next_working_day_if_needed():
    calendar_days = ProcessingTime(Channel.DIRECT, 30, TimeUnit.CALENDAR_DAYS)
    # Monday 2/3/2026 + 30 days = Wednesday 1/4.
    assert due(datetime(2026, 3, 2, 9), calendar_days) == datetime(2026, 4, 1, 9)
    # Friday 27/3 + 30 days = Sunday 26/4 (Hùng Kings), Monday 27/4 is its
    # compensation day, so the period ends on Tuesday 28/4.
    assert due(datetime(2026, 3, 27, 9), calendar_days) == datetime(2026, 4, 28, 9)
    assert format_processing_time(calendar_days) == "30 ngày"


# --- validation and wording --------------------------------------------------------

@pytest.mark.parametrize("amount", [-1, float("nan"), float("inf")])
def test_invalid_amounts(amount):
    with pytest.raises(InvalidInput):
        due(datetime(2026, 3, 2, 9), days(amount))


@pytest.mark.parametrize(
    ("processing", "text"),
    [
        (days(3), "03 ngày làm việc"),
        (days(15), "15 ngày làm việc"),
        (days(0), "Trong ngày"),
        (days(0.5), "0,5 ngày làm việc"),
        (days(1.25), "1,25 ngày làm việc"),
        (hours(8), "08 giờ làm việc"),
        (hours(1.5), "1,5 giờ làm việc"),
        (hours(0), "Trong ngày"),
    ],
)
def test_format_processing_time(processing, text):
    assert format_processing_time(processing) == text


def test_effective_reception():
    assert effective_reception(datetime(2026, 3, 2, 12), calendar=CAL) == datetime(2026, 3, 2, 13, 30)
    assert effective_reception(datetime(2026, 3, 2, 9, 5), calendar=CAL) == datetime(2026, 3, 2, 9, 5)
    assert effective_reception(
        datetime(2026, 4, 29, 16), calendar=CAL, cutoff=time(15)
    ) == datetime(2026, 5, 4, 7, 30)  # 30/4 and 1/5 off, then the weekend


OFFICE = OfficeHours()


def _in_office_hours(moment: datetime) -> bool:
    clock = moment.time()
    return any(start <= clock <= end for start, end in OFFICE.sessions)


@settings(max_examples=200, deadline=None)
@given(
    st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2028, 12, 31)),
    st.integers(min_value=0, max_value=30),
    st.sampled_from([0.0, 0.25, 0.5]),
)
def test_property_due_is_a_working_moment_after_reception(received, whole, fraction):
    result = due(received, days(whole + fraction))
    assert result > received
    assert CAL.is_working_day(result.date())
    assert _in_office_hours(result)
    if whole and not fraction:
        start = effective_reception(received, calendar=CAL)
        assert CAL.working_days_between(start.date(), result.date()) == whole
        assert result.time() == start.time()
    # More time never gives an earlier appointment.
    if whole or fraction:
        assert due(received, days(whole + fraction + 1)) > result
