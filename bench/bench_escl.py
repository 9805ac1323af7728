"""eSCL figures: pages per minute through the real adapter from the loopback eSCL server.

The server sends pre-rendered A4 pages (the simulated scanner's forms, JPEG-encoded per
request as a scanner does), so the figure is the client side: HTTP on 127.0.0.1, JPEG check,
page hand-over. A real network scanner's motor (20-60 pages/min for office feeders) is the
limit in practice, not this path.

Run: .venv/bin/python bench/bench_escl.py   (prints figures, asserts nothing)
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from counter_app.capture import pages_to_pdf  # noqa: E402
from counter_app.ports import ScanMode, ScanProfile, ScanSource  # noqa: E402
from devices.scanners.escl import EsclScanner  # noqa: E402
from devices.scanners.escl_test_server import EsclTestServer  # noqa: E402
from devices.scanners.simulated import render_page  # noqa: E402

PAGES = 20


def main() -> None:
    for resolution, mode in ((200, ScanMode.GRAY), (300, ScanMode.GRAY), (200, ScanMode.COLOR)):
        rendered = [render_page(n, dpi=resolution, mode=mode) for n in range(1, 4)]
        with EsclTestServer(pages=PAGES, page_source=rendered) as server:
            profile = ScanProfile("bench", ScanSource.ADF, resolution, mode)
            start = time.perf_counter()
            pages = EsclScanner().scan(server.uri, profile)
            seconds = time.perf_counter() - start
        size = sum(len(p.image) for p in pages) / len(pages) / 1024
        print(f"eSCL loopback ADF, {mode.value:<5} {resolution} dpi   {len(pages)} pages in {seconds:5.2f} s   "
              f"= {len(pages) / seconds * 60:6.0f} pages/min   ({size:5.0f} KB/page as JPEG from the server)")
    start = time.perf_counter()
    result = pages_to_pdf(pages)
    print(f"… then one grey PDF of {result.pages} pages: {time.perf_counter() - start:5.2f} s, "
          f"{len(result.pdf) / result.pages / 1024:.0f} KB/page")


if __name__ == "__main__":
    main()
