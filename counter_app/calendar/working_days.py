"""Which days are working days, and counting in working days.

Working days are Monday–Friday, minus the default holidays and their
compensation days, then corrected by the province's overrides: an ``off``
override adds a day off, a ``work`` override makes a day a working day (a
make-up Saturday, or a default holiday that is not off this year). Overrides
are authoritative: compensation is computed from the defaults only, and on
the same date a later override replaces an earlier one.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date, timedelta

from counter_app.calendar.holidays import (
    SATURDAY,
    DayOff,
    DayOffKind,
    HolidayOptions,
    default_days_off,
)
from counter_app.calendar.overrides import OFF, CalendarOverride

_WEEKEND_NAMES = {5: "Thứ Bảy", 6: "Chủ nhật"}


class _Year:
    """Everything about one year, computed once: lookups must stay cheap."""

    __slots__ = ("first", "working", "working_ordinals", "days_off")

    def __init__(self, year: int, defaults: list[DayOff], overrides: dict[date, CalendarOverride]):
        days_off = {item.day: item for item in defaults}
        made_working = set()
        for day, override in overrides.items():
            if override.kind == OFF:
                days_off[day] = DayOff(day, override.name, DayOffKind.DECLARED)
            else:
                days_off.pop(day, None)
                made_working.add(day)
        self.first = date(year, 1, 1).toordinal()
        last = date(year, 12, 31).toordinal()
        self.working_ordinals = [
            ordinal
            for ordinal in range(self.first, last + 1)
            if (day := date.fromordinal(ordinal)) in made_working
            or (day.weekday() < SATURDAY and day not in days_off)
        ]
        flags = bytearray(last - self.first + 1)
        for ordinal in self.working_ordinals:
            flags[ordinal - self.first] = 1
        self.working = bytes(flags)
        self.days_off = days_off


class WorkingCalendar:
    def __init__(
        self,
        overrides: Iterable[CalendarOverride] = (),
        *,
        culture_day_off: bool = False,
        national_day_extra: str = "before",
        tet_eve_days: int = 1,
        tet_new_year_days: int = 4,
    ):
        self.options = HolidayOptions(
            culture_day_off, national_day_extra, tet_eve_days, tet_new_year_days
        )
        self._overrides: dict[int, dict[date, CalendarOverride]] = {}
        for item in overrides:
            self._overrides.setdefault(item.day.year, {})[item.day] = item
        self._years: dict[int, _Year] = {}

    def _year(self, year: int) -> _Year:
        table = self._years.get(year)
        if table is None:
            defaults = default_days_off(year, self.options)
            table = self._years[year] = _Year(year, defaults, self._overrides.get(year, {}))
        return table

    def is_working_day(self, day: date) -> bool:
        table = self._years.get(day.year) or self._year(day.year)
        return table.working[day.toordinal() - table.first] == 1

    def day_off_name(self, day: date) -> str | None:
        """Why `day` is not a working day (a holiday name, 'Thứ Bảy'…), None if it is one."""
        if self.is_working_day(day):
            return None
        item = self._year(day.year).days_off.get(day)
        return item.name if item else _WEEKEND_NAMES[day.weekday()]

    def days_off(self, year: int) -> list[DayOff]:
        """Named days off of `year` (holidays, compensation, declared), not plain weekends."""
        return sorted(self._year(year).days_off.values(), key=lambda item: item.day)

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        return self.add_working_days(day, 1)

    def add_working_days(self, day: date, count: int) -> date:
        """The `count`-th working day after `day` (before it if negative); `day` if 0."""
        if count == 0:
            return day
        year = day.year
        table = self._year(year)
        ordinal = day.toordinal()
        if count > 0:
            index = bisect_right(table.working_ordinals, ordinal) + count - 1
            while index >= len(table.working_ordinals):
                index -= len(table.working_ordinals)
                year += 1
                table = self._year(year)
        else:
            index = bisect_left(table.working_ordinals, ordinal) + count
            while index < 0:
                year -= 1
                table = self._year(year)
                index += len(table.working_ordinals)
        return date.fromordinal(table.working_ordinals[index])

    def working_days_between(self, start: date, end: date) -> int:
        """Working days d with start < d <= end; if end < start, minus those with end <= d < start.

        So ``working_days_between(d, add_working_days(d, n)) == n`` for any n.
        """
        if end < start:
            one_day = timedelta(days=1)
            return -self.working_days_between(end - one_day, start - one_day)
        count = 0
        for year in range(start.year, end.year + 1):
            ordinals = self._year(year).working_ordinals
            low = bisect_right(ordinals, start.toordinal()) if year == start.year else 0
            high = bisect_right(ordinals, end.toordinal()) if year == end.year else len(ordinals)
            count += high - low
        return count

    def __repr__(self) -> str:
        return f"WorkingCalendar(options={self.options!r})"

