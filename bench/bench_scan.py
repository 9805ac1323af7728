"""Scanning figures: pages per minute from the SANE ``test`` device, and PDF size per A4 page by mode.

The SANE test backend is enabled through a private SANE_CONFIG_DIR (TESTING.md), so
/etc is not touched. Sizes use the simulated scanner's text pages (A4, 200 dpi); the
goal is ≤ 150 KB per greyscale page, black-and-white smaller.

Run: .venv/bin/python bench/bench_scan.py   (prints figures, asserts nothing)
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from counter_app.capture import OutputMode, pages_to_pdf  # noqa: E402
from counter_app.ports import ScanMode, ScanProfile, ScanSource  # noqa: E402
from devices.scanners.simulated import SimulatedScanner  # noqa: E402

PAGES = 10  # the test backend's feeder holds 10 sheets


def sane_pages_per_minute(config: Path) -> None:
    (config / "dll.conf").write_text("test\n")
    shutil.copy("/etc/sane.d/test.conf", config / "test.conf")
    os.environ["SANE_CONFIG_DIR"] = str(config)
    from devices.scanners.sane_scanner import SaneScanner

    scanner = SaneScanner({"test_picture": "Grid"})
    for resolution in (150, 200, 300):
        start = time.perf_counter()
        pages = scanner.scan("test:0", ScanProfile(source=ScanSource.ADF, resolution=resolution, mode=ScanMode.GRAY))
        seconds = time.perf_counter() - start
        print(f"SANE test ADF, grey {resolution:>3} dpi   {len(pages)} pages in {seconds:5.2f} s   "
              f"= {len(pages) / seconds * 60:7.0f} pages/min (the test device has no motor: software bound)")


def pdf_size_by_mode() -> None:
    pages = SimulatedScanner(pages=PAGES).scan("sim:0", ScanProfile(source=ScanSource.ADF, resolution=200))
    for mode in OutputMode:
        start = time.perf_counter()
        result = pages_to_pdf(pages, mode=mode)
        seconds = time.perf_counter() - start
        print(f"PDF {mode.value:<6} A4 200 dpi   {len(result.pdf) / result.pages / 1024:6.1f} KB/page   "
              f"{seconds / result.pages * 1000:6.1f} ms/page to build   (goal ≤ 150 KB grey)")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sane_pages_per_minute(Path(tmp))
    pdf_size_by_mode()


if __name__ == "__main__":
    main()
