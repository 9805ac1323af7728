"""Ticket print latency: from "issue ticket" to the last byte on the printer socket (goal ≤ 150 ms).

A real workspace (SQLite, synchronous=FULL) issues each ticket, renders it at 576 dots,
and sends it over TCP to an ESC/POS printer emulator on 127.0.0.1 that answers the
status queries like a printer. Prints median and p95, plus where the time goes.

Run: .venv/bin/python bench/bench_ticket_print.py   (prints figures, asserts nothing)
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from counter_app.core import CounterCore  # noqa: E402
from counter_app.workspace import open_workspace  # noqa: E402
from devices.printers.escpos_emulator import TcpPrinterEmulator  # noqa: E402
from devices.printers.escpos_printer import NetworkPrinter  # noqa: E402
from devices.printers.ticket_image import ticket_png  # noqa: E402
from devices.printers.ticket_job import TicketSender  # noqa: E402

RUNS = 50
GOAL_MS = 150


def report(name: str, samples: list[float]) -> None:
    p95 = statistics.quantiles(samples, n=20)[18]
    print(f"{name:<34} median {statistics.median(samples):7.1f} ms   p95 {p95:7.1f} ms   (n={len(samples)})")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, TcpPrinterEmulator() as printer_host:
        core = CounterCore(open_workspace(Path(tmp) / "ws"))
        printer = NetworkPrinter("127.0.0.1", printer_host.port)
        send = TicketSender(printer)
        core.queue.issue_and_print("HT", send)  # warm-up: imports, fonts, first connection
        printer_host.wait_for_jobs(1)
        total, issue, render = [], [], []
        for run in range(RUNS):
            start = time.perf_counter()
            ticket, error = core.queue.issue_and_print("HT", send, priority="elderly" if run % 5 == 0 else "")
            if error is not None:
                raise SystemExit(f"print failed: {error.message}")
            job = printer_host.wait_for_jobs(run + 2)[-1]
            total.append((job.last_byte_at - start) * 1000)
            # The parts, measured on their own after the end-to-end run.
            began = time.perf_counter()
            core.queue.issue("DD")
            issue.append((time.perf_counter() - began) * 1000)
            payload = core.queue.ticket_print(ticket.id)
            began = time.perf_counter()
            ticket_png(payload, printer.width_dots)
            render.append((time.perf_counter() - began) * 1000)
        core.workspace.close()
    print(f"Ticket print latency over {RUNS} tickets (576-dot raster, TCP to 127.0.0.1):")
    report("issue → last byte at the printer", total)
    report("  of which: issue (commit)", issue)
    report("  of which: render ticket image", render)
    verdict = "meets" if statistics.quantiles(total, n=20)[18] <= GOAL_MS else "MISSES"
    print(f"p95 {verdict} the goal of {GOAL_MS} ms.")


if __name__ == "__main__":
    main()
