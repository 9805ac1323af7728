"""Appointment dates for this office: its calendar overrides and office hours."""
from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.calendar import CalendarOverride, OfficeHours, WorkingCalendar, due_at
from counter_app.catalog.model import Channel, ProcedureSpec
from counter_app.errors import InvalidInput
from counter_app.settings import RulesSettings
from counter_app.storage.models import CalendarDay


def _clock(text: str | None) -> time | None:
    return time.fromisoformat(text) if text else None


class Scheduler:
    def __init__(self, rules: RulesSettings, overrides: list[CalendarOverride]):
        self.rules = rules
        self.calendar = WorkingCalendar(
            overrides, culture_day_off=rules.culture_day_off, national_day_extra=rules.national_day_extra
        )
        self.hours = OfficeHours(
            morning_start=_clock(rules.morning[0]), morning_end=_clock(rules.morning[1]),
            afternoon_start=_clock(rules.afternoon[0]), afternoon_end=_clock(rules.afternoon[1]),
            due_clock=_clock(rules.due_clock),
        )

    def due_at(self, spec: ProcedureSpec, received_at: datetime, channel: int | Channel = Channel.DIRECT) -> datetime:
        processing = spec.processing_time(Channel(channel))
        if processing is None:
            raise InvalidInput(f"Procedure {spec.code} has no processing time in the catalogue.")
        cutoff = spec.cutoff or _clock(self.rules.default_cutoff)
        return due_at(received_at, processing, calendar=self.calendar, cutoff=cutoff, hours=self.hours)


def stored_overrides(session: Session) -> list[CalendarOverride]:
    return [CalendarOverride(day=row.day, kind=row.kind, name=row.name)
            for row in session.scalars(select(CalendarDay).order_by(CalendarDay.day))]


def store_overrides(session: Session, overrides: list[CalendarOverride], *, source: str) -> int:
    """Replace the stored overrides of the years present in ``overrides``."""
    years = {o.day.year for o in overrides}
    for row in session.scalars(select(CalendarDay)):
        if row.day.year in years:
            session.delete(row)
    session.flush()
    for override in overrides:
        session.add(CalendarDay(day=override.day, kind=override.kind, name=override.name, source=source))
    session.flush()
    return len(overrides)
