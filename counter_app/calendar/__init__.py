"""Working-day calendar: lunar conversion, public holidays, yearly overrides,
working-day arithmetic and appointment (due) dates. Pure Python: no Qt, no DB."""
from counter_app.calendar.due_date import (
    DEFAULT_OFFICE_HOURS,
    OfficeHours,
    due_at,
    effective_reception,
    format_processing_time,
)
from counter_app.calendar.holidays import (
    DayOff,
    DayOffKind,
    HolidayOptions,
    compensation_days,
    default_days_off,
    statutory_holidays,
)
from counter_app.calendar.lunar import (
    LunarDate,
    leap_month,
    lunar_new_year,
    lunar_to_solar,
    solar_to_lunar,
    year_name,
)
from counter_app.calendar.overrides import (
    OFF,
    WORK,
    CalendarOverride,
    dump_overrides_csv,
    dump_overrides_json,
    load_overrides,
    load_overrides_dir,
    parse_overrides_csv,
    parse_overrides_json,
)
from counter_app.calendar.working_days import WorkingCalendar

__all__ = [
    "DEFAULT_OFFICE_HOURS", "OFF", "WORK",
    "CalendarOverride", "DayOff", "DayOffKind", "HolidayOptions", "LunarDate",
    "OfficeHours", "WorkingCalendar",
    "compensation_days", "default_days_off", "due_at", "dump_overrides_csv",
    "dump_overrides_json", "effective_reception", "format_processing_time", "leap_month",
    "load_overrides", "load_overrides_dir", "lunar_new_year", "lunar_to_solar",
    "parse_overrides_csv", "parse_overrides_json", "solar_to_lunar", "statutory_holidays",
    "year_name",
]
