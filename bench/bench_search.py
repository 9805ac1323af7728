"""Search latency over many generated dossiers (p50 / p95 per kind of query).

Usage: python bench/bench_search.py [COUNT ...]   (default: 100000 1000000)
Workspaces are kept under $BENCH_DIR (default /tmp/counter-bench) and reused.
"""
from __future__ import annotations

import os
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.generate import generated_workspace  # noqa: E402
from counter_app.search import SearchQuery  # noqa: E402


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def queries(rng: random.Random, sample) -> dict[str, list[SearchQuery]]:
    def pick():
        return rng.choice(sample)

    return {
        "full name, no accents": [SearchQuery(text=_plain(pick().applicant_name)) for _ in range(60)],
        "name as typed (prefixes)": [SearchQuery(text=_typed(pick().applicant_name)) for _ in range(60)],
        "first letters only ('ng')": [SearchQuery(text="ng") for _ in range(30)],
        "ID number": [SearchQuery(text=pick().id_number) for _ in range(60)],
        "phone prefix (6 digits)": [SearchQuery(text=pick().phone[:6]) for _ in range(60)],
        "dossier code": [SearchQuery(text=pick().code) for _ in range(60)],
        "name + status filter": [SearchQuery(text=_plain(pick().applicant_name), statuses=(5,)) for _ in range(30)],
        "filters only (status, month)": [SearchQuery(statuses=(4,), received_from=date(2024, 3, 1),
                                                     received_to=date(2024, 3, 31)) for _ in range(30)],
        "no filter (latest page)": [SearchQuery() for _ in range(30)],
    }


def _plain(name: str) -> str:
    from counter_app.text import fold

    return fold(name)


def _typed(name: str) -> str:
    return " ".join(word[:3] for word in _plain(name).split())


def run(count: int) -> None:
    root = Path(os.environ.get("BENCH_DIR", "/tmp/counter-bench")) / f"search-{count}"
    started = time.perf_counter()
    core = generated_workspace(root, count)
    print(f"\n{count:,} dossiers (workspace ready in {time.perf_counter() - started:.1f} s, "
          f"db {(root / 'counter.sqlite3').stat().st_size / 2**20:.0f} MiB)")
    rng = random.Random(1)
    sample = core.search(SearchQuery(limit=500))
    all_times = []
    for label, batch in queries(rng, sample).items():
        times = []
        for query in batch:
            began = time.perf_counter()
            core.search(query)
            times.append((time.perf_counter() - began) * 1000)
        all_times += times
        print(f"  {label:<32} p50 {statistics.median(times):6.2f} ms   p95 {percentile(times, 0.95):6.2f} ms")
    print(f"  {'ALL':<32} p50 {statistics.median(all_times):6.2f} ms   p95 {percentile(all_times, 0.95):6.2f} ms"
          f"   (goal p95 <= 20 ms)")
    core.workspace.close()


if __name__ == "__main__":
    for size in [int(a) for a in sys.argv[1:]] or [100_000, 1_000_000]:
        run(size)
