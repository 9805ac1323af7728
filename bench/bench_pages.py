"""Page workflow figures: the cost of taking one scanned page into a component's page list
(file + blank check + preview), of a rotation (none: it is a number), of checking a page
for a separator sheet, and of making a component's PDF from the list.

Run: .venv/bin/python bench/bench_pages.py   (prints figures, asserts nothing)
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from counter_app.capture.pages import PageList  # noqa: E402
from counter_app.capture.pdf import OutputMode  # noqa: E402
from counter_app.capture.separator import separator_code  # noqa: E402
from counter_app.ports import ScanProfile, ScanSource  # noqa: E402
from devices.qr.zxing_reader import ZxingQrReader  # noqa: E402
from devices.scanners.simulated import SimulatedScanner  # noqa: E402

PAGES = 10


def main() -> None:
    scanned = SimulatedScanner(pages=PAGES).scan("sim:0", ScanProfile(source=ScanSource.ADF))
    with tempfile.TemporaryDirectory() as folder:
        pages = PageList(Path(folder))
        start = time.perf_counter()
        pages.add_all(scanned)
        add_ms = (time.perf_counter() - start) * 1000 / PAGES
        print(f"take a page into the list (A4, 200 dpi, grey): {add_ms:.0f} ms per page")
        start = time.perf_counter()
        for index in range(PAGES):
            pages.rotate(index)
        print(f"rotate: {(time.perf_counter() - start) * 1e6 / PAGES:.0f} µs per page (applied at PDF time)")
        for name, reader in (("no fallbacks (the app)", ZxingQrReader(fallbacks=False)),
                             ("all fallbacks", ZxingQrReader())):
            start = time.perf_counter()
            for page in scanned[:3]:
                separator_code(page, reader.decode)
            print(f"separator check, {name}: {(time.perf_counter() - start) * 1000 / 3:.0f} ms per page")
        for mode in OutputMode:
            start = time.perf_counter()
            result = pages.to_pdf(mode=mode)
            elapsed = time.perf_counter() - start
            print(f"PDF of {PAGES} turned pages, {mode.value}: {elapsed:.1f} s, "
                  f"{len(result.pdf) / 1024 / PAGES:.0f} KB per page")
        pages.close()


if __name__ == "__main__":
    main()
