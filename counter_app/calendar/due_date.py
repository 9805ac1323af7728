"""Appointment date and time for returning a result (form 01, "hẹn trả kết quả").

Rules, in order:

1. Reception is normalised into office hours. A dossier received on a day
   off, after the procedure's cutoff, or after closing counts as received at
   the opening of the next working day; before opening or during the lunch
   break it counts from the start of the next session the same day.
2. ``0`` (working days or hours) means "within the day": the end of office
   hours of the (normalised) reception day.
3. Working days: counting starts the working day after reception; the
   appointment is on the N-th working day, at ``OfficeHours.due_clock`` if
   set, else at the (normalised) clock time of reception. A fractional part
   (0.5 day) is then added as office time, one day being the length of all
   sessions of a day (7.5 h by default).
4. Working hours: office time is added from reception, skipping lunch,
   evenings and days off.
5. Calendar days ("ngày", published for a few procedures): the N-th day after
   reception; when it is a day off the period ends on the next working day
   (Civil Code 2015 art. 148).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from counter_app.calendar.working_days import WorkingCalendar
from counter_app.errors import InvalidInput

if TYPE_CHECKING:  # the calendar stays importable without the catalogue package
    from counter_app.catalog.model import ProcessingTime

# TimeUnit values; TimeUnit is a str enum, so its members compare equal to these.
_WORKING_HOURS = "working_hours"
_CALENDAR_DAYS = "calendar_days"


def _seconds(clock: time) -> int:
    return clock.hour * 3600 + clock.minute * 60 + clock.second


@dataclass(frozen=True)
class OfficeHours:
    morning_start: time = time(7, 30)
    morning_end: time = time(11, 30)
    afternoon_start: time = time(13, 30)
    afternoon_end: time = time(17, 0)
    # A fixed clock time for appointments counted in days (e.g. 08:00), or
    # None to reuse the clock time of reception.
    due_clock: time | None = None

    def __post_init__(self) -> None:
        bounds = (self.morning_start, self.morning_end, self.afternoon_start, self.afternoon_end)
        if any(earlier >= later for earlier, later in zip(bounds, bounds[1:])):
            raise InvalidInput("office hours must be increasing: morning, then afternoon")

    @property
    def sessions(self) -> tuple[tuple[time, time], ...]:
        return (self.morning_start, self.morning_end), (self.afternoon_start, self.afternoon_end)

    @property
    def day_length(self) -> timedelta:
        return timedelta(seconds=sum(_seconds(end) - _seconds(start) for start, end in self.sessions))


DEFAULT_OFFICE_HOURS = OfficeHours()


def effective_reception(
    received_at: datetime,
    *,
    calendar: WorkingCalendar,
    cutoff: time | None = None,
    hours: OfficeHours = DEFAULT_OFFICE_HOURS,
) -> datetime:
    """The moment from which processing time runs (rule 1 above)."""
    day, clock = received_at.date(), received_at.time()
    if (
        not calendar.is_working_day(day)
        or (cutoff is not None and clock > cutoff)
        or clock > hours.afternoon_end
    ):
        return datetime.combine(calendar.next_working_day(day), hours.morning_start)
    for start, end in hours.sessions:
        if clock < start:
            return datetime.combine(day, start)
        if clock <= end:
            return received_at
    return received_at  # unreachable: clock <= afternoon_end


def _add_office_time(start: datetime, seconds: int, calendar: WorkingCalendar,
                     hours: OfficeHours) -> datetime:
    """`start` plus `seconds` of time inside office sessions of working days."""
    day, position = start.date(), start - datetime.combine(start.date(), time())
    remaining = timedelta(seconds=seconds)
    while True:
        if calendar.is_working_day(day):
            for session_start, session_end in hours.sessions:
                begin = max(position, timedelta(seconds=_seconds(session_start)))
                available = timedelta(seconds=_seconds(session_end)) - begin
                if available < timedelta(0):
                    continue
                if remaining <= available:
                    return datetime.combine(day, time()) + begin + remaining
                remaining -= available
        day, position = calendar.next_working_day(day), timedelta(0)


def _add_calendar_days(day: date, count: int, calendar: WorkingCalendar) -> date:
    end = day + timedelta(days=count)
    return end if calendar.is_working_day(end) else calendar.next_working_day(end)


def due_at(
    received_at: datetime,
    processing: ProcessingTime,
    *,
    calendar: WorkingCalendar,
    cutoff: time | None = None,
    hours: OfficeHours = DEFAULT_OFFICE_HOURS,
) -> datetime:
    amount = processing.amount
    if not math.isfinite(amount) or amount < 0:
        raise InvalidInput(f"processing time must be zero or more, not {amount!r}")
    start = effective_reception(received_at, calendar=calendar, cutoff=cutoff, hours=hours)
    if amount == 0:
        return datetime.combine(start.date(), hours.afternoon_end)
    if processing.unit == _WORKING_HOURS:
        return _add_office_time(start, round(amount * 3600), calendar, hours)
    whole_days = int(amount)
    due = start
    if whole_days:
        day: date = (
            _add_calendar_days(start.date(), whole_days, calendar)
            if processing.unit == _CALENDAR_DAYS
            else calendar.add_working_days(start.date(), whole_days)
        )
        clock = hours.due_clock if hours.due_clock is not None else start.time()
        due = datetime.combine(day, clock)
    fraction = amount - whole_days
    if fraction:
        due = _add_office_time(due, round(fraction * hours.day_length.total_seconds()), calendar, hours)
    return due


def _format_amount(amount: float) -> str:
    if float(amount).is_integer():
        return f"{int(amount):02d}"
    return f"{amount:.2f}".rstrip("0").replace(".", ",")


def format_processing_time(processing: ProcessingTime) -> str:
    """Vietnamese wording for forms: '03 ngày làm việc', '0,5 ngày làm việc', 'Trong ngày'."""
    if processing.amount == 0:
        return "Trong ngày"
    # Compare, don't hash: a str Enum member hashes by its name, not its value.
    if processing.unit == _WORKING_HOURS:
        unit = "giờ làm việc"
    elif processing.unit == _CALENDAR_DAYS:
        unit = "ngày"
    else:
        unit = "ngày làm việc"
    return f"{_format_amount(processing.amount)} {unit}"
