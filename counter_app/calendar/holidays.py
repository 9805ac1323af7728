"""Default public holidays of Labour Code 2019 art. 112, with art. 111 compensation.

These are only the *default* days: each year the Ministry of Home Affairs
announces the actual days off and swapped Saturdays for civil servants, which
the province loads as overrides (see ``overrides.py``).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from counter_app.calendar.lunar import lunar_new_year, lunar_to_solar, solar_to_lunar, year_name
from counter_app.errors import InvalidInput

SATURDAY = 5  # date.weekday(); Saturday and Sunday are the weekly rest days


class DayOffKind(str, Enum):
    HOLIDAY = "holiday"  # art. 112
    COMPENSATION = "compensation"  # art. 111: holiday on a weekly rest day
    DECLARED = "declared"  # from a yearly override file


@dataclass(frozen=True)
class DayOff:
    day: date
    name: str  # Vietnamese, shown to officers and printed
    kind: DayOffKind = DayOffKind.HOLIDAY


@dataclass(frozen=True)
class HolidayOptions:
    # Vietnamese Culture Day (24/11, Politburo Resolution 80): off only when
    # the province confirms it is a legal holiday.
    culture_day_off: bool = False
    # National Day is 2/9 plus the day "before" (1/9) or "after" (3/9).
    national_day_extra: str = "before"
    # Tết = the last `tet_eve_days` days of the old lunar year plus the first
    # `tet_new_year_days` days of the new one (the exact days are set yearly).
    tet_eve_days: int = 1
    tet_new_year_days: int = 4

    def __post_init__(self) -> None:
        if self.national_day_extra not in ("before", "after"):
            raise InvalidInput(
                f"national_day_extra must be 'before' or 'after', not {self.national_day_extra!r}"
            )
        if self.tet_eve_days < 0 or self.tet_new_year_days < 1:
            raise InvalidInput("Tết needs at least the first day of the lunar year")


def _new_year_day_label(day: int) -> str:
    return f"mùng {day} tháng Giêng" if day <= 10 else f"{day} tháng Giêng"


def _tet(year: int, options: HolidayOptions) -> list[DayOff]:
    first = lunar_new_year(year)
    title = f"Tết Nguyên đán {year_name(year)}"
    days = []
    for offset in range(-options.tet_eve_days, options.tet_new_year_days):
        day = first + timedelta(days=offset)
        lunar = solar_to_lunar(day)
        label = f"{lunar.day} tháng Chạp" if offset < 0 else _new_year_day_label(lunar.day)
        days.append(DayOff(day, f"{title} ({label})"))
    return days


def statutory_holidays(year: int, options: HolidayOptions = HolidayOptions()) -> list[DayOff]:
    """The art. 112 days of `year`, sorted, before any compensation."""
    extra_day = 1 if options.national_day_extra == "before" else 3
    days = [
        DayOff(date(year, 1, 1), "Tết Dương lịch (1/1)"),
        *_tet(year, options),
        DayOff(lunar_to_solar(year, 3, 10), "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
        DayOff(date(year, 4, 30), "Ngày Giải phóng miền Nam, thống nhất đất nước (30/4)"),
        DayOff(date(year, 5, 1), "Ngày Quốc tế Lao động (1/5)"),
        DayOff(date(year, 9, 2), "Quốc khánh (2/9)"),
        DayOff(date(year, 9, extra_day), f"Quốc khánh (ngày liền kề {extra_day}/9)"),
    ]
    if options.culture_day_off:
        days.append(DayOff(date(year, 11, 24), "Ngày Văn hóa Việt Nam (24/11)"))
    # Two holidays on one date (Hùng Kings fell on 30/4 in 1947) give one day off.
    merged: dict[date, DayOff] = {}
    for item in days:
        if item.day in merged:
            item = DayOff(item.day, f"{merged[item.day].name}; {item.name}")
        merged[item.day] = item
    return sorted(merged.values(), key=lambda item: item.day)


def compensation_days(holidays: list[DayOff]) -> list[DayOff]:
    """Art. 111: a holiday on Saturday/Sunday moves to the next free weekday."""
    taken = {item.day for item in holidays}
    result = []
    for holiday in sorted(holidays, key=lambda item: item.day):
        if holiday.day.weekday() < SATURDAY:
            continue
        day = holiday.day + timedelta(days=1)
        while day.weekday() >= SATURDAY or day in taken:
            day += timedelta(days=1)
        taken.add(day)
        result.append(DayOff(day, f"Nghỉ bù {holiday.name}", DayOffKind.COMPENSATION))
    return result


def default_days_off(year: int, options: HolidayOptions = HolidayOptions()) -> list[DayOff]:
    """Holidays of `year` plus their compensation days, sorted by date."""
    holidays = statutory_holidays(year, options)
    return sorted(holidays + compensation_days(holidays), key=lambda item: item.day)
