"""The office queue over the LAN, through a real host process on 127.0.0.1.

1. Call → display latency (goal ≤ 200 ms on loopback): a counter calls the next ticket;
   a display client long-polls ``changes`` and re-reads the status, as the display
   window does; the time is from pressing "next" to the call being in the display's status.
2. Host throughput: 10 counter clients (call next + finish) and 1 kiosk (issue) at once,
   each its own connection, for a fixed time; operations per second and per-op latency.

Run: .venv/bin/python bench/bench_queue_lan.py   (prints figures, asserts nothing)
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sync.lan_queue.client import RemoteQueue  # noqa: E402
from tests.lan_queue_support import HostProcess, prepare_host_workspace  # noqa: E402

CALLS = 40
GOAL_MS = 200
COUNTERS = 10
THROUGHPUT_S = 10.0


def report(name: str, samples: list[float]) -> None:
    p95 = statistics.quantiles(samples, n=20)[18] if len(samples) >= 20 else max(samples)
    print(f"{name:<34} median {statistics.median(samples):7.1f} ms   p95 {p95:7.1f} ms   (n={len(samples)})")


def call_to_display(url: str, key: str) -> list[float]:
    counter, display = RemoteQueue(url, key), RemoteQueue(url, key)
    for _ in range(CALLS + 1):
        counter.issue("HT")
    counter.open_session(1)
    seen: dict[str, float] = {}
    stop = threading.Event()

    def display_loop():  # what ui.queue_changes + DisplayWindow.refresh do, minus the painting
        version = display.changes(None, 0)
        while not stop.is_set():
            version_now = display.changes(version, 3.0)
            if version_now != version:
                version = version_now
                for ticket in display.status().recent_calls:
                    seen.setdefault(ticket.number, time.perf_counter())

    watcher = threading.Thread(target=display_loop, daemon=True)
    watcher.start()
    counter.call_next(1)  # warm-up
    counter.finish(1)
    time.sleep(0.3)
    samples = []
    for _ in range(CALLS):
        start = time.perf_counter()
        ticket = counter.call_next(1)
        deadline = start + 10
        while ticket.number not in seen and time.perf_counter() < deadline:
            time.sleep(0.001)
        if ticket.number in seen:
            samples.append((seen[ticket.number] - start) * 1000)
        counter.finish(1)
        time.sleep(0.05)  # calls a little apart, as at a real counter
    stop.set()
    return samples


def throughput(url: str, key: str) -> tuple[int, float, dict[str, list[float]], list[str]]:
    latencies: dict[str, list[float]] = {"issue": [], "call_next": [], "finish": []}
    errors: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()
    start_line = threading.Barrier(COUNTERS + 1)

    def timed(kind, fn):
        began = time.perf_counter()
        result = fn()
        with lock:
            latencies[kind].append((time.perf_counter() - began) * 1000)
        return result

    def kiosk():
        queue = RemoteQueue(url, key)
        start_line.wait()
        while not stop.is_set():
            timed("issue", lambda: queue.issue("HT"))

    def counter(number: int):
        queue = RemoteQueue(url, key)
        queue.open_session(number)
        start_line.wait()
        while not stop.is_set():
            if timed("call_next", lambda: queue.call_next(number)) is not None:
                timed("finish", lambda: queue.finish(number))
            else:
                time.sleep(0.02)

    def guarded(fn, *args):
        try:
            fn(*args)
        except Exception as exc:  # noqa: BLE001 - reported with the figures
            errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=guarded, args=(kiosk,))]
    threads += [threading.Thread(target=guarded, args=(counter, n)) for n in range(1, COUNTERS + 1)]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    time.sleep(THROUGHPUT_S)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    elapsed = time.perf_counter() - began
    return sum(len(v) for v in latencies.values()), elapsed, latencies, errors


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        key = prepare_host_workspace(Path(tmp) / "host")
        host = HostProcess(Path(tmp) / "host").start()
        try:
            samples = call_to_display(host.url, key)
            print(f"Call → display latency through the host (HTTP on 127.0.0.1, long poll), goal ≤ {GOAL_MS} ms:")
            report("call next → call in display status", samples)
            ops, elapsed, latencies, errors = throughput(host.url, key)
        finally:
            host.stop()
    print(f"\nHost throughput, {COUNTERS} counters + 1 kiosk at once for {elapsed:.1f} s:")
    print(f"{'all operations':<34} {ops / elapsed:7.1f} ops/s   ({ops} ops)")
    for kind, values in latencies.items():
        if values:
            report(kind, values)
    if errors:
        print(f"errors: {len(errors)} (first: {errors[0]})")


if __name__ == "__main__":
    main()
