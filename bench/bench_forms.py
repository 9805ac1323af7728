"""Receipt (Mẫu 01) render time: median and p95 over 50 renders.

Run: .venv/bin/python bench/bench_forms.py   (prints figures, asserts nothing)
"""
from __future__ import annotations

import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from counter_app.forms import render_form, render_register  # noqa: E402
from counter_app.forms.context import (  # noqa: E402
    Applicant, ComponentLine, DossierFormContext, OfficeInfo, RegisterContext, RegisterRow,
)

RUNS = 50
OFFICE = OfficeInfo("000.00.31.H41", "UBND xã Gia Viễn", "UBND tỉnh Ninh Bình", place_name="Gia Viễn")
RECEIPT = DossierFormContext(
    office=OFFICE,
    dossier_code="000.00.31.H41-261125-0001",
    applicant=Applicant("Nguyễn Văn An", address="Số 1, Phường Hoa Lư, Ninh Bình", phone="0912345678"),
    procedure_code="1.001193",
    procedure_name="Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con",
    officer_name="Trần Thị Bình",
    components=tuple(ComponentLine(f"Giấy tờ số {n}", "Bản sao") for n in range(1, 6)),
    processing_time_text="03 ngày làm việc",
    received_at=datetime(2026, 11, 20, 8, 30),
    due_at=datetime(2026, 11, 25, 16, 0),
)
REGISTER = RegisterContext(
    office=OFFICE,
    title_period="Tháng 11 năm 2026",
    rows=tuple(
        RegisterRow(n, f"000.00.31.H41-261102-{n:04d}", "Chứng thực bản sao từ bản chính", 1,
                    f"Lê Thị Hồng {n}", "Thôn Đông; 0912345678", "UBND xã Gia Viễn",
                    datetime(2026, 11, 2, 8, 0), datetime(2026, 11, 5, 16, 0))
        for n in range(1, 61)
    ),
    printed_at=datetime(2026, 11, 30, 17, 0),
)


def timings(render, runs: int = RUNS) -> list[float]:
    render()  # warm-up: imports, template cache
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        render()
        out.append((time.perf_counter() - start) * 1000)
    return out


def report(name: str, samples: list[float]) -> None:
    p95 = statistics.quantiles(samples, n=20)[18]
    print(f"{name:<28} median {statistics.median(samples):7.1f} ms   p95 {p95:7.1f} ms   (n={len(samples)})")


if __name__ == "__main__":
    report("receipt (form 01)", timings(lambda: render_form("01", RECEIPT)))
    report("register (60 rows)", timings(lambda: render_register(REGISTER), runs=10))
