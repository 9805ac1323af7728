"""A constructed two-day queue history with known waits and service times (see
``tests/test_queue_stats.py`` for the numbers worked out from it)."""
from __future__ import annotations

from datetime import date

import pytest

from tests.queue_support import Clock, queue_core

DAY1, DAY2 = date(2026, 12, 1), date(2026, 12, 2)
MAI, HUNG = "Trần Thị Mai", "Lê Văn Hùng"


def at(clock: Clock, hour: int, minute: int) -> None:
    clock.now = clock.now.replace(hour=hour, minute=minute)


def build_two_days(core, clock: Clock) -> None:
    """The scenario the expected numbers below are worked out from (times in minutes)."""
    queue = core.queue
    queue.issue("HT")  # A001
    queue.issue("HT")  # A002
    queue.issue("DD")  # B001
    queue.open_session(1, MAI)
    queue.open_session(2, HUNG)
    at(clock, 8, 2)
    queue.call_ticket(1, "A001")  # waited 2
    queue.call_ticket(2, "B001")  # waited 2
    at(clock, 8, 7)
    queue.finish(1)  # A001 served 5
    queue.call_ticket(1, "A002")
    at(clock, 8, 8)
    queue.no_show(1)  # recycled to the end of the line
    at(clock, 8, 10)
    moved = queue.transfer(2, service="CT")  # B001 at DD: 8 minutes, then waits at CT from 08:10
    at(clock, 8, 20)
    queue.call_ticket(2, moved.id)  # waited 10 at CT
    queue.call_ticket(1, "A002")  # waited 20 from its issue, including the time away
    at(clock, 8, 24)
    queue.no_show(1)  # second miss: closed for good (max_recycles = 1)
    at(clock, 8, 30)
    queue.finish(2)  # served 10 at CT
    queue.walk_in(1, "CT")
    at(clock, 8, 34)
    queue.finish(1)  # walk-in served 4, no wait
    at(clock, 8, 35)
    queue.issue("XH")  # D001: nobody calls it; it expires when day 2 issues
    clock.next_day(8)
    queue.issue("HT")  # A001 of day 2
    at(clock, 8, 45)
    queue.call_next(1)  # waited 45
    at(clock, 9, 55)
    queue.finish(1)  # served 70: the open bucket


@pytest.fixture
def two_days(tmp_path):
    clock = Clock()
    core = queue_core(tmp_path / "ws", clock)
    build_two_days(core, clock)
    yield core
    core.workspace.close()
