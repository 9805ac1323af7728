"""Queue statistics over many generated tickets: time to compute a month, a year, and to
write the XLSX report.

Usage: python bench/bench_queue_stats.py [TICKETS_PER_DAY] [DAYS]   (default: 300 365)
The workspace is made in a temporary folder and removed afterwards.
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, select  # noqa: E402

from counter_app.queue.stats_xlsx import write_statistics_xlsx  # noqa: E402
from counter_app.storage.models import QueueCounter, QueueTicket, ServiceGroup  # noqa: E402
from tests.conftest import make_core  # noqa: E402

FIRST_DAY = date(2025, 1, 1)
OFFICERS = ("Trần Thị Mai", "Lê Văn Hùng", "Nguyễn Thu Hà", "Phạm Quốc Bảo")


def fill(core, per_day: int, days: int, rng: random.Random) -> int:
    """Inserts finished tickets in bulk (the realistic shape, not the speed of the counter actions)."""
    with core.workspace.db.write() as session:
        services = list(session.scalars(select(ServiceGroup.id)))
        for number in range(1, len(OFFICERS) + 1):
            session.merge(QueueCounter(number=number, label=f"Quầy {number}", services=[], mode="in_order",
                                       priority_streak=0))
        rows = []
        for offset in range(days):
            day = FIRST_DAY + timedelta(days=offset)
            opening = datetime.combine(day, datetime.min.time()).replace(hour=7, minute=30)
            for seq in range(1, per_day + 1):
                issued = opening + timedelta(minutes=rng.uniform(0, 480))
                called = issued + timedelta(minutes=rng.expovariate(1 / 12))
                finished = called + timedelta(minutes=rng.expovariate(1 / 8))
                counter = rng.randint(1, len(OFFICERS))
                outcome = "no_show" if rng.random() < 0.05 else "served"
                # seq NULL (as for transfer rows): the numbering constraint is not what is measured
                rows.append(dict(service_id=rng.choice(services), day=day, seq=None, number=f"A{seq:03d}",
                                 priority="", state="finished", walk_in=False, issued_at=issued, queued_at=issued,
                                 called_at=called, served_at=called, finished_at=finished, counter_no=counter,
                                 officer=OFFICERS[counter - 1], outcome=outcome, call_count=1, recycle_count=0,
                                 print_error=""))
        session.execute(insert(QueueTicket), rows)
    return len(rows)


def timed(label: str, fn, repeat: int = 3):
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    print(f"  {label:<38} {best * 1000:8.1f} ms (best of {repeat})")
    return result


def main(per_day: int = 300, days: int = 365) -> None:
    with tempfile.TemporaryDirectory() as folder:
        core = make_core(Path(folder) / "ws")
        try:
            count = fill(core, per_day, days, random.Random(7))
            print(f"{count:,} tickets over {days} days")
            queue = core.queue
            month_end = FIRST_DAY + timedelta(days=29)
            year_end = FIRST_DAY + timedelta(days=days - 1)
            timed("statistics, one day", lambda: queue.statistics(FIRST_DAY, FIRST_DAY))
            timed("statistics, 30 days", lambda: queue.statistics(FIRST_DAY, month_end))
            year = timed(f"statistics, {days} days", lambda: queue.statistics(FIRST_DAY, year_end))
            timed(f"XLSX report, {days} days", lambda: write_statistics_xlsx(year, Path(folder) / "r.xlsx"))
            print(f"  mean wait {year.total.wait.mean} min, p90 {year.total.wait.p90} min")
        finally:
            core.workspace.close()


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
