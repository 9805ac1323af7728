"""Queue statistics over a date range: waiting and service times, outcomes, distributions.

What is measured, and from when (the rows are the ones ``actions.py`` writes):

- One row of ``queue_tickets`` is one visit at one service. A transfer finishes its row
  (outcome ``transferred``) and adds a new row with ``previous_id``; the chain of rows is
  one citizen, so ``citizens`` counts chains and ``tickets`` counts rows.
- **Wait** = ``issued_at`` → ``called_at`` of a row. ``queued_at`` is not used: it is the
  place in line, which a transfer row keeps from the first service (so measuring from it
  would count the first service's wait and service time twice), and which a recycled
  no-show moves to the end of the line. For a transfer row ``issued_at`` is the moment of
  the transfer, i.e. the start of the wait at the new service. For a recycled ticket
  the wait runs from the original issue to the last call, so it includes the time the
  citizen was away; such tickets are counted in ``recycled`` so the office can see them.
  Walk-ins never waited in the queue and are left out of the wait figures.
- **Service** = ``called_at`` → ``finished_at`` (the issue's definition: the walk to the
  counter and any parked time are part of the counter's time) for rows finished as
  ``served`` or ``transferred``. No-shows and expired tickets have no service time.
- Percentiles use the nearest-rank method: p90 is the smallest value with at least 90 %
  of the values at or below it, so it is always a time that really occurred.
- Distributions put each time into 3-minute buckets ``[0, 3)``, ``[3, 6)`` … up to
  ``OPEN_BUCKET_FROM`` minutes; longer times share one open bucket.
"""
from __future__ import annotations

import math
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Callable, Iterable, Sequence

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from counter_app.errors import InvalidDate
from counter_app.queue.views import Outcome
from counter_app.storage.models import QueueCounter, QueueTicket, ServiceGroup

BUCKET_MINUTES = 3
OPEN_BUCKET_FROM = 60  # one bucket for everything from an hour on keeps the chart readable
MAX_RANGE_DAYS = 3660  # about ten years: a typo in a year is caught, real reports are not
SERVED, NO_SHOW, TRANSFERRED, EXPIRED = (Outcome.SERVED.value, Outcome.NO_SHOW.value, Outcome.TRANSFERRED.value,
                                         Outcome.EXPIRED.value)
Times = dict[int, tuple[float | None, float | None]]  # ticket id -> (wait, service) minutes


@dataclass(frozen=True)
class TicketFact:
    """The fields of one ticket row the statistics need (plain data: no ORM session)."""

    id: int
    previous_id: int | None
    day: date
    service_code: str
    service_name: str
    service_position: int
    issued_at: datetime
    called_at: datetime | None
    finished_at: datetime | None
    counter: int | None
    counter_label: str
    officer: str
    outcome: str
    walk_in: bool
    recycle_count: int


@dataclass(frozen=True)
class TimeSummary:
    """Minutes, rounded to 0.01; ``None`` when nothing was measured."""

    count: int
    mean: float | None
    median: float | None
    p90: float | None
    maximum: float | None


@dataclass(frozen=True)
class Bucket:
    start_minute: int
    end_minute: int | None  # None: the open last bucket
    count: int

    @property
    def label(self) -> str:
        return f"{self.start_minute}–{self.end_minute}" if self.end_minute is not None else f"≥{self.start_minute}"


@dataclass(frozen=True)
class GroupStats:
    key: str
    label: str
    tickets: int  # rows: a transferred citizen counts once per service visited
    issued: int  # tickets taken at the kiosk or the panel (not walk-ins, not transfer rows)
    walk_ins: int
    served: int
    no_show: int
    transferred: int
    expired: int
    open: int  # still waiting, called or being served
    wait: TimeSummary
    service: TimeSummary


@dataclass(frozen=True)
class QueueStatistics:
    start: date
    end: date
    citizens: int  # transfer chains that started in the range
    recycled: int  # tickets that went back into the line after a no-show at least once
    total: GroupStats
    by_service: tuple[GroupStats, ...]
    by_counter: tuple[GroupStats, ...]
    by_officer: tuple[GroupStats, ...]
    by_day: tuple[GroupStats, ...]
    wait_buckets: tuple[Bucket, ...]
    service_buckets: tuple[Bucket, ...]


# -- measuring --------------------------------------------------------------------------------


def minutes_between(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return max(0.0, (end - start).total_seconds() / 60)  # a clock set back never gives a negative time


def wait_minutes(fact: TicketFact) -> float | None:
    return None if fact.walk_in else minutes_between(fact.issued_at, fact.called_at)


def service_minutes(fact: TicketFact) -> float | None:
    if fact.outcome not in (SERVED, TRANSFERRED):
        return None
    return minutes_between(fact.called_at, fact.finished_at)


def percentile(sorted_values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile of values sorted ascending (not empty)."""
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[rank - 1]


def summarize(values: Iterable[float | None]) -> TimeSummary:
    measured = sorted(v for v in values if v is not None)
    if not measured:
        return TimeSummary(0, None, None, None, None)
    return TimeSummary(count=len(measured), mean=round(statistics.fmean(measured), 2),
                       median=round(statistics.median(measured), 2), p90=round(percentile(measured, 0.9), 2),
                       maximum=round(measured[-1], 2))


def buckets(values: Iterable[float | None]) -> tuple[Bucket, ...]:
    """3-minute buckets from 0 up to the last one used (at least one bucket, even when empty)."""
    open_index = OPEN_BUCKET_FROM // BUCKET_MINUTES
    counts: dict[int, int] = defaultdict(int)
    for value in values:
        if value is not None:
            counts[min(int(value // BUCKET_MINUTES), open_index)] += 1
    last = max(counts, default=0)
    return tuple(Bucket(i * BUCKET_MINUTES, None if i == open_index else (i + 1) * BUCKET_MINUTES, counts.get(i, 0))
                 for i in range(last + 1))


def measure(facts: Iterable[TicketFact]) -> Times:
    """Each ticket's wait and service minutes, worked out once for all the groupings."""
    return {f.id: (wait_minutes(f), service_minutes(f)) for f in facts}


def group(key: str, label: str, facts: Sequence[TicketFact], times: Times | None = None) -> GroupStats:
    times = times if times is not None else measure(facts)
    outcomes = [f.outcome for f in facts]
    return GroupStats(
        key=key, label=label, tickets=len(facts),
        issued=sum(1 for f in facts if f.previous_id is None and not f.walk_in),
        walk_ins=sum(1 for f in facts if f.walk_in),
        served=outcomes.count(SERVED), no_show=outcomes.count(NO_SHOW), transferred=outcomes.count(TRANSFERRED),
        expired=outcomes.count(EXPIRED), open=outcomes.count(""),
        wait=summarize(times[f.id][0] for f in facts), service=summarize(times[f.id][1] for f in facts))


def _grouped(facts: Sequence[TicketFact], times: Times, key: Callable[[TicketFact], object | None],
             label: Callable[[TicketFact], str], order: Callable[[TicketFact], object]) -> tuple[GroupStats, ...]:
    parts: dict[object, list[TicketFact]] = defaultdict(list)
    for fact in facts:
        value = key(fact)
        if value is not None:
            parts[value].append(fact)
    ordered = sorted(parts.items(), key=lambda item: order(item[1][0]))
    return tuple(group(str(value), label(rows[0]), rows, times) for value, rows in ordered)


def compute(facts: Iterable[TicketFact], start: date, end: date) -> QueueStatistics:
    """Statistics of the tickets whose day lies in ``start``…``end`` (both included)."""
    check_range(start, end)
    rows = sorted((f for f in facts if start <= f.day <= end), key=lambda f: f.id)
    ids = {f.id for f in rows}
    times = measure(rows)
    return QueueStatistics(
        start=start, end=end,
        # A chain whose first row is before the range still has a row here: count it once.
        citizens=sum(1 for f in rows if f.previous_id is None or f.previous_id not in ids),
        recycled=sum(1 for f in rows if f.recycle_count > 0),
        total=group("all", "", rows, times),
        by_service=_grouped(rows, times, lambda f: f.service_code, lambda f: f.service_name,
                            lambda f: (f.service_position, f.service_code)),
        # Counters and officers: only rows a counter called (a ticket nobody called has neither).
        by_counter=_grouped(rows, times, lambda f: f.counter, lambda f: f.counter_label or str(f.counter),
                            lambda f: f.counter),
        by_officer=_grouped(rows, times, lambda f: f.officer or None, lambda f: f.officer, lambda f: f.officer),
        by_day=_grouped(rows, times, lambda f: f.day.isoformat(), lambda f: f"{f.day:%d/%m/%Y}", lambda f: f.day),
        wait_buckets=buckets(wait for wait, _service in times.values()),
        service_buckets=buckets(service for _wait, service in times.values()))


def check_range(start: date, end: date) -> None:
    if start > end:
        raise InvalidDate(f"The statistics period starts ({start:%d/%m/%Y}) after it ends ({end:%d/%m/%Y}).")
    if (end - start).days > MAX_RANGE_DAYS:
        raise InvalidDate(f"The statistics period {start:%d/%m/%Y}–{end:%d/%m/%Y} is longer than ten years.")


# -- reading the database ---------------------------------------------------------------------


def _raw(column):
    # SQLite keeps times as ISO text; parsing it with fromisoformat (C) is many times faster
    # than the generic DateTime result processor, which matters for a year of tickets.
    return type_coerce(column, String)


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def load_facts(session: Session, start: date, end: date) -> list[TicketFact]:
    labels = dict(session.execute(select(QueueCounter.number, QueueCounter.label)).all())
    t, s = QueueTicket, ServiceGroup
    query = (select(t.id, t.previous_id, _raw(t.day), s.code, s.name, s.position, _raw(t.issued_at),
                    _raw(t.called_at), _raw(t.finished_at), t.counter_no, t.officer, t.outcome, t.walk_in,
                    t.recycle_count)
             .join(s, t.service_id == s.id).where(t.day >= start, t.day <= end).order_by(t.id))
    days: dict[str, date] = {}
    facts = []
    for (id_, previous, day, code, name, position, issued, called, finished, counter, officer, outcome, walk_in,
         recycles) in session.execute(query):
        facts.append(TicketFact(
            id=id_, previous_id=previous, day=days.get(day) or days.setdefault(day, date.fromisoformat(day)),
            service_code=code, service_name=name, service_position=position or 0, issued_at=_when(issued),
            called_at=_when(called), finished_at=_when(finished), counter=counter,
            counter_label=labels.get(counter, "") if counter is not None else "", officer=officer or "",
            outcome=outcome or "", walk_in=bool(walk_in), recycle_count=recycles or 0))
    return facts


def statistics_for(session: Session, start: date, end: date) -> QueueStatistics:
    check_range(start, end)
    return compute(load_facts(session, start, end), start, end)
