"""Helpers shared by the queue tests: a clock the test moves, and a ready counter."""
from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest

from counter_app.core import CounterCore
from counter_app.workspace import open_workspace
from tests.conftest import make_core

MORNING = datetime(2026, 12, 1, 8, 0)


class Clock:
    def __init__(self, start: datetime = MORNING):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float = 1) -> datetime:
        self.now += timedelta(minutes=minutes)
        return self.now

    def next_day(self, hour: int = 8) -> datetime:
        self.now = (self.now + timedelta(days=1)).replace(hour=hour, minute=0)
        return self.now


def queue_core(root, clock: Clock | None = None):
    """A real workspace with the sample catalogue and the seeded service groups."""
    return make_core(root, clock=clock or Clock())


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def queue_ws(tmp_path, clock):
    core = queue_core(tmp_path / "ws", clock)
    yield core
    core.workspace.close()


def run_in_threads(work, root, count: int) -> list[BaseException]:
    """Run ``work(index, core)`` at once in ``count`` threads, each with its own connection to ``root``."""
    cores = [CounterCore(open_workspace(root), clock=lambda: datetime(2026, 12, 1, 9, 0)) for _ in range(count)]
    errors: list[BaseException] = []
    start = threading.Barrier(count)

    def body(index, core):
        try:
            start.wait()
            work(index, core)
        except BaseException as exc:  # returned to the test: a thread's exception would vanish
            errors.append(exc)

    threads = [threading.Thread(target=body, args=(i, c)) for i, c in enumerate(cores, start=1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for core in cores:
        core.workspace.close()
    return errors
