"""Default holidays (Labour Code 2019 art. 112) and weekend compensation (art. 111)."""
from __future__ import annotations

from datetime import date

import pytest

from counter_app.calendar import (
    DayOff,
    DayOffKind,
    HolidayOptions,
    compensation_days,
    default_days_off,
    statutory_holidays,
)
from counter_app.errors import InvalidInput


def _dates(days: list[DayOff]) -> list[date]:
    return [item.day for item in days]


def _by_day(days: list[DayOff]) -> dict[date, DayOff]:
    return {item.day: item for item in days}


def test_2025_defaults():
    assert _dates(default_days_off(2025)) == [
        date(2025, 1, 1),
        date(2025, 1, 28), date(2025, 1, 29), date(2025, 1, 30), date(2025, 1, 31),
        date(2025, 2, 1),  # mùng 4 is a Saturday ...
        date(2025, 2, 3),  # ... so Monday is off instead
        date(2025, 4, 7),
        date(2025, 4, 30), date(2025, 5, 1),
        date(2025, 9, 1), date(2025, 9, 2),
    ]
    days = _by_day(default_days_off(2025))
    assert days[date(2025, 1, 28)].name == "Tết Nguyên đán Ất Tỵ (29 tháng Chạp)"
    assert days[date(2025, 1, 29)].name == "Tết Nguyên đán Ất Tỵ (mùng 1 tháng Giêng)"
    assert days[date(2025, 2, 3)].kind is DayOffKind.COMPENSATION
    assert days[date(2025, 2, 3)].name.startswith("Nghỉ bù Tết Nguyên đán")


def test_2026_defaults():
    assert _dates(default_days_off(2026)) == [
        date(2026, 1, 1),
        date(2026, 2, 16), date(2026, 2, 17), date(2026, 2, 18), date(2026, 2, 19), date(2026, 2, 20),
        date(2026, 4, 26),  # Hùng Kings on a Sunday ...
        date(2026, 4, 27),  # ... compensated on Monday
        date(2026, 4, 30), date(2026, 5, 1),
        date(2026, 9, 1), date(2026, 9, 2),
    ]
    days = _by_day(default_days_off(2026))
    assert days[date(2026, 4, 26)].name == "Giỗ Tổ Hùng Vương (10/3 âm lịch)"
    assert days[date(2026, 4, 27)].name == "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)"


def test_2027_defaults_with_tet_over_a_weekend():
    assert _dates(default_days_off(2027)) == [
        date(2027, 1, 1),
        date(2027, 2, 5), date(2027, 2, 6), date(2027, 2, 7), date(2027, 2, 8), date(2027, 2, 9),
        date(2027, 2, 10), date(2027, 2, 11),  # mùng 1 and 2 fall on Sat/Sun
        date(2027, 4, 16),
        date(2027, 4, 30), date(2027, 5, 1),
        date(2027, 5, 3),  # 1/5 is a Saturday
        date(2027, 9, 1), date(2027, 9, 2),
    ]
    compensation = [d for d in default_days_off(2027) if d.kind is DayOffKind.COMPENSATION]
    assert [d.name for d in compensation] == [
        "Nghỉ bù Tết Nguyên đán Đinh Mùi (mùng 1 tháng Giêng)",
        "Nghỉ bù Tết Nguyên đán Đinh Mùi (mùng 2 tháng Giêng)",
        "Nghỉ bù Ngày Quốc tế Lao động (1/5)",
    ]


def test_national_day_2023_on_saturday():
    days = _dates(default_days_off(2023))
    assert date(2023, 9, 1) in days and date(2023, 9, 2) in days
    assert date(2023, 9, 4) in days  # the Monday after
    assert date(2023, 9, 5) not in days

    after = _dates(default_days_off(2023, HolidayOptions(national_day_extra="after")))
    # 2/9 Saturday and 3/9 Sunday: Monday and Tuesday are off instead.
    assert [d for d in after if d.month == 9] == [
        date(2023, 9, 2), date(2023, 9, 3), date(2023, 9, 4), date(2023, 9, 5)
    ]


def test_national_day_2024_extra_day_on_sunday():
    september = [d for d in default_days_off(2024) if d.day.month == 9]
    assert _dates(september) == [date(2024, 9, 1), date(2024, 9, 2), date(2024, 9, 3)]
    assert september[-1].name == "Nghỉ bù Quốc khánh (ngày liền kề 1/9)"


def test_30_april_and_1_may_on_a_weekend():
    # 2022: Saturday and Sunday -> Monday 2/5 and Tuesday 3/5.
    days_2022 = set(_dates(default_days_off(2022)))
    assert {date(2022, 4, 30), date(2022, 5, 1), date(2022, 5, 2), date(2022, 5, 3)} <= days_2022
    assert date(2022, 5, 4) not in days_2022
    # 2023: 30/4 Sunday, 1/5 Monday is itself a holiday -> Tuesday 2/5.
    comp_2023 = [d.day for d in default_days_off(2023) if d.kind is DayOffKind.COMPENSATION]
    assert date(2023, 5, 2) in comp_2023 and date(2023, 5, 1) not in comp_2023


def test_new_year_2028_on_saturday():
    days = _by_day(default_days_off(2028))
    assert date(2028, 1, 1).weekday() == 5
    assert days[date(2028, 1, 3)].name == "Nghỉ bù Tết Dương lịch (1/1)"
    assert days[date(2028, 1, 3)].kind is DayOffKind.COMPENSATION
    assert date(2028, 1, 2) not in days  # Sunday stays a plain weekend day


def test_compensation_skips_other_holidays_and_taken_days():
    saturday, sunday = date(2027, 2, 6), date(2027, 2, 7)
    holidays = [DayOff(saturday, "A"), DayOff(sunday, "B"), DayOff(date(2027, 2, 8), "C")]
    assert [(d.day, d.name) for d in compensation_days(holidays)] == [
        (date(2027, 2, 9), "Nghỉ bù A"),
        (date(2027, 2, 10), "Nghỉ bù B"),
    ]


def test_culture_day_is_optional():
    assert date(2026, 11, 24) not in _dates(default_days_off(2026))
    with_culture = _by_day(default_days_off(2026, HolidayOptions(culture_day_off=True)))
    assert with_culture[date(2026, 11, 24)].name == "Ngày Văn hóa Việt Nam (24/11)"
    # 24/11/2029 is a Saturday: compensated on Monday 26/11.
    days_2029 = _by_day(default_days_off(2029, HolidayOptions(culture_day_off=True)))
    assert days_2029[date(2029, 11, 26)].kind is DayOffKind.COMPENSATION


def test_tet_rule_is_configurable():
    two_before = statutory_holidays(2026, HolidayOptions(tet_eve_days=2, tet_new_year_days=3))
    tet = [d for d in two_before if "Tết Nguyên đán" in d.name]
    assert _dates(tet) == [date(2026, 2, 15), date(2026, 2, 16), date(2026, 2, 17),
                           date(2026, 2, 18), date(2026, 2, 19)]
    assert tet[0].name == "Tết Nguyên đán Bính Ngọ (28 tháng Chạp)"


def test_statutory_holidays_have_no_compensation_and_are_sorted():
    days = statutory_holidays(2027)
    assert all(d.kind is DayOffKind.HOLIDAY for d in days)
    assert _dates(days) == sorted(_dates(days))
    assert len(days) == 11  # 1 + 5 (Tết) + 1 + 1 + 1 + 2


def test_two_holidays_on_one_date_give_one_day():
    # In 1947 10/3 lunar fell on 30/4.
    days = statutory_holidays(1947)
    april_30 = [d for d in days if d.day == date(1947, 4, 30)]
    assert len(april_30) == 1
    assert "Giỗ Tổ Hùng Vương" in april_30[0].name and "30/4" in april_30[0].name


@pytest.mark.parametrize("year", range(2000, 2100, 3))
def test_every_year_has_the_statutory_count(year):
    days = statutory_holidays(year)
    assert len(days) == 11
    assert all(d.name for d in days)
    comp = compensation_days(days)
    assert len(comp) == sum(1 for d in days if d.day.weekday() >= 5)
    assert all(c.day.weekday() < 5 for c in comp)


def test_invalid_options():
    with pytest.raises(InvalidInput, match="national_day_extra"):
        HolidayOptions(national_day_extra="middle")
    with pytest.raises(InvalidInput):
        HolidayOptions(tet_new_year_days=0)
