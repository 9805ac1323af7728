"""OCR text layer figures: seconds per A4 page and PDF size per page with and without the layer.

Pages are the simulated scanner's A4 text pages at 200 dpi (what a counter scans most).
Tesseract runs one thread per page (devices/ocr/tesseract.py); a missing tesseract is
reported, not an error. Every PDF, with or without text, is PDF/A-2b finished.

Run: .venv/bin/python bench/bench_ocr.py [PAGES]   (prints figures, asserts nothing)
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from counter_app.capture import OutputMode, pages_to_pdf  # noqa: E402
from counter_app.ports import ScanProfile, ScanSource  # noqa: E402
from devices.ocr.tesseract import TesseractRecognizer  # noqa: E402
from devices.scanners.simulated import SimulatedScanner  # noqa: E402


def main(count: int) -> None:
    pages = SimulatedScanner(pages=count).scan("sim:0", ScanProfile(source=ScanSource.ADF, resolution=200))
    tesseract = TesseractRecognizer()
    if not tesseract.available():
        print("tesseract not found: only the sizes without OCR are measured")
    for mode in (OutputMode.GRAY, OutputMode.BLACK_WHITE):
        start = time.perf_counter()
        plain = pages_to_pdf(pages, mode=mode, recognizer=None)
        plain_s = (time.perf_counter() - start) / plain.pages
        print(f"{mode.value:<4} without OCR  {len(plain.pdf) / plain.pages / 1024:6.1f} KB/page   "
              f"{plain_s:6.2f} s/page (PDF/A included)")
        if not tesseract.available():
            continue
        start = time.perf_counter()
        searchable = pages_to_pdf(pages, mode=mode, recognizer=tesseract)
        seconds = (time.perf_counter() - start) / searchable.pages
        extra = (len(searchable.pdf) - len(plain.pdf)) / searchable.pages / 1024
        print(f"{mode.value:<4} with OCR     {len(searchable.pdf) / searchable.pages / 1024:6.1f} KB/page   "
              f"{seconds:6.2f} s/page   (+{extra:.1f} KB/page, OCR ≈ {seconds - plain_s:.2f} s/page, "
              f"text on {searchable.text_pages}/{searchable.pages} pages)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
