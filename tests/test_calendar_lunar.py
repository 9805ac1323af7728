"""Vietnamese lunar calendar: known dates, the UTC+7/UTC+8 differences, round trips."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.calendar import (
    LunarDate,
    leap_month,
    lunar_new_year,
    lunar_to_solar,
    solar_to_lunar,
    year_name,
)
from counter_app.errors import InvalidDate, InvalidInput


@pytest.mark.parametrize(
    ("year", "tet"),
    [
        (1900, date(1900, 1, 31)),
        (1968, date(1968, 1, 29)),  # Mậu Thân: the North had just moved to UTC+7
        (1985, date(1985, 1, 21)),  # Vietnam; China 20 Feb
        (2000, date(2000, 2, 5)),
        (2007, date(2007, 2, 17)),  # Vietnam; China 18 Feb
        (2020, date(2020, 1, 25)),
        (2023, date(2023, 1, 22)),
        (2024, date(2024, 2, 10)),
        (2025, date(2025, 1, 29)),
        (2026, date(2026, 2, 17)),
        (2027, date(2027, 2, 6)),
        (2028, date(2028, 1, 26)),
    ],
)
def test_tet_dates_in_vietnam(year, tet):
    assert lunar_new_year(year) == tet
    assert solar_to_lunar(tet) == LunarDate(year, 1, 1)


@pytest.mark.parametrize(
    ("year", "vietnam", "china"),
    [
        (1968, date(1968, 1, 29), date(1968, 1, 30)),
        (1985, date(1985, 1, 21), date(1985, 2, 20)),
        (2007, date(2007, 2, 17), date(2007, 2, 18)),
    ],
)
def test_time_zone_changes_tet(year, vietnam, china):
    assert lunar_new_year(year) == vietnam
    assert lunar_new_year(year, tz=8.0) == china


def test_1985_leap_month_differs_between_vietnam_and_china():
    # China inserted leap month 10 in 1984, Vietnam leap month 2 in 1985.
    assert leap_month(1984) is None and leap_month(1985) == 2
    assert leap_month(1984, tz=8.0) == 10 and leap_month(1985, tz=8.0) is None


@pytest.mark.parametrize(
    ("year", "hung_kings"),
    [
        (2023, date(2023, 4, 29)),
        (2024, date(2024, 4, 18)),
        (2025, date(2025, 4, 7)),
        (2026, date(2026, 4, 26)),
        (2027, date(2027, 4, 16)),
    ],
)
def test_hung_kings_day(year, hung_kings):
    assert lunar_to_solar(year, 3, 10) == hung_kings


@pytest.mark.parametrize(
    ("year", "leap"),
    [(2017, 6), (2020, 4), (2023, 2), (2025, 6), (2028, 5), (2033, 11), (2024, None), (2026, None)],
)
def test_leap_months(year, leap):
    assert leap_month(year) == leap


@pytest.mark.parametrize(
    ("solar", "lunar"),
    [
        (date(2026, 2, 14), LunarDate(2025, 12, 27)),  # start of the 2026 Tết break
        (date(2026, 2, 16), LunarDate(2025, 12, 29)),  # the last day of Ất Tỵ
        (date(2026, 2, 22), LunarDate(2026, 1, 6)),
        (date(2025, 7, 25), LunarDate(2025, 6, 1, leap=True)),
        (date(2025, 10, 6), LunarDate(2025, 8, 15)),  # Mid-autumn 2025
        (date(2024, 12, 31), LunarDate(2024, 12, 1)),  # new moon 05:27 in Hanoi
    ],
)
def test_known_conversions(solar, lunar):
    assert solar_to_lunar(solar) == lunar
    assert lunar_to_solar(lunar.year, lunar.month, lunar.day, lunar.leap) == solar


def test_leap_month_follows_its_namesake():
    sixth = lunar_to_solar(2025, 6, 1)
    leap_sixth = lunar_to_solar(2025, 6, 1, leap=True)
    seventh = lunar_to_solar(2025, 7, 1)
    assert sixth < leap_sixth < seventh
    assert (leap_sixth - sixth).days in (29, 30)


def test_every_day_round_trips_1900_to_2199():
    day, end = date(1900, 1, 1), date(2199, 12, 31)
    previous = solar_to_lunar(day)
    while day < end:
        day += timedelta(days=1)
        lunar = solar_to_lunar(day)
        assert lunar_to_solar(lunar.year, lunar.month, lunar.day, lunar.leap) == day
        # Consecutive days either continue the month or start a new one on day 1.
        if lunar.day != 1:
            assert (lunar.year, lunar.month, lunar.leap) == (
                previous.year, previous.month, previous.leap
            )
            assert lunar.day == previous.day + 1
        else:
            assert previous.day in (29, 30)
        previous = lunar


@pytest.mark.parametrize("year", range(1900, 2200, 7))
def test_lunar_years_have_12_or_13_months(year):
    length = (lunar_new_year(year + 1) - lunar_new_year(year)).days
    assert length in (353, 354, 355) if leap_month(year) is None else length in (383, 384, 385)
    assert date(year, 1, 21) <= lunar_new_year(year) <= date(year, 2, 20)


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1800, 1, 1), max_value=date(2199, 12, 31)))
def test_property_solar_lunar_solar(day):
    lunar = solar_to_lunar(day)
    assert 1 <= lunar.month <= 12 and 1 <= lunar.day <= 30
    assert lunar.year in (day.year - 1, day.year)
    if lunar.leap:
        assert leap_month(lunar.year) == lunar.month
    assert lunar_to_solar(lunar.year, lunar.month, lunar.day, lunar.leap) == day


def test_invalid_lunar_dates_are_rejected():
    with pytest.raises(InvalidDate, match="no leap month 6"):
        lunar_to_solar(2026, 6, 1, leap=True)
    short_month = next(
        m for m in range(1, 13) if (lunar_to_solar(2026, m % 12 + 1, 1) - lunar_to_solar(2026, m, 1)).days == 29
    )
    with pytest.raises(InvalidDate, match="has 29 days"):
        lunar_to_solar(2026, short_month, 30)
    with pytest.raises(InvalidDate):
        lunar_to_solar(2026, 13, 1)
    with pytest.raises(InvalidInput, match="outside the supported"):
        solar_to_lunar(date(2300, 1, 1))


def test_year_names_and_text():
    assert year_name(2025) == "Ất Tỵ"
    assert year_name(2026) == "Bính Ngọ"
    assert year_name(1968) == "Mậu Thân"
    assert year_name(2000) == "Canh Thìn"
    assert str(LunarDate(2025, 6, 1, leap=True)) == "01/06 nhuận/2025"
