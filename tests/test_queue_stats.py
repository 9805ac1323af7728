"""Queue statistics on two constructed days of tickets with a controlled clock: exact
counts, times, percentiles and 3-minute distributions; transfers, recycled no-shows,
walk-ins, expired tickets and empty ranges; the XLSX report read back; ``queue stats``."""
from __future__ import annotations

import json
import subprocess
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from counter_app.errors import InvalidDate, StatsExportFailed
from counter_app.queue.stats import Bucket, TimeSummary, buckets, percentile, summarize
from counter_app.queue.stats_xlsx import (
    SHEET_COUNTER,
    SHEET_DAY,
    SHEET_DISTRIBUTION,
    SHEET_OFFICER,
    SHEET_SERVICE,
    SHEET_SUMMARY,
    write_statistics_xlsx,
)
from tests.conftest import REPO
from tests.queue_stats_support import DAY1, DAY2, HUNG, MAI, two_days  # noqa: F401 (fixture)
from tests.queue_support import Clock, queue_core


def summary(count, mean, median, p90, maximum):
    return TimeSummary(count, mean, median, p90, maximum)


def test_totals_over_both_days(two_days):
    stats = two_days.queue.statistics(DAY1, DAY2)
    total = stats.total
    assert (stats.start, stats.end) == (DAY1, DAY2)
    assert stats.citizens == 6  # B001's transfer chain is one citizen in two rows
    assert stats.recycled == 1
    assert (total.tickets, total.issued, total.walk_ins) == (7, 5, 1)
    assert (total.served, total.no_show, total.transferred, total.expired, total.open) == (4, 1, 1, 1, 0)
    assert total.wait == summary(5, 15.8, 10.0, 45.0, 45.0)  # 2, 2, 10, 20, 45
    assert total.service == summary(5, 19.4, 8.0, 70.0, 70.0)  # 4, 5, 8, 10, 70


def test_distributions_in_three_minute_buckets(two_days):
    stats = two_days.queue.statistics(DAY1, DAY2)
    wait = {b.start_minute: b.count for b in stats.wait_buckets}
    assert len(stats.wait_buckets) == 16 and stats.wait_buckets[-1] == Bucket(45, 48, 1)
    assert {k: v for k, v in wait.items() if v} == {0: 2, 9: 1, 18: 1, 45: 1}
    service = stats.service_buckets
    assert len(service) == 21 and service[-1] == Bucket(60, None, 1) and service[-1].label == "≥60"
    assert {b.start_minute: b.count for b in service if b.count} == {3: 2, 6: 1, 9: 1, 60: 1}


def test_per_service_counter_officer_and_day(two_days):
    stats = two_days.queue.statistics(DAY1, DAY2)
    by_service = {g.key: g for g in stats.by_service}
    assert [g.key for g in stats.by_service] == ["HT", "DD", "CT", "XH"]  # the office's service order
    ht, dd, ct, xh = (by_service[k] for k in ("HT", "DD", "CT", "XH"))
    assert (ht.tickets, ht.served, ht.no_show) == (3, 2, 1)
    assert ht.wait == summary(3, 22.33, 20.0, 45.0, 45.0) and ht.service == summary(2, 37.5, 37.5, 70.0, 70.0)
    assert (dd.transferred, dd.wait.mean, dd.service.mean) == (1, 2.0, 8.0)
    assert (ct.tickets, ct.issued, ct.walk_ins, ct.served) == (2, 0, 1, 2)
    assert ct.wait == summary(1, 10.0, 10.0, 10.0, 10.0) and ct.service.mean == 7.0
    assert (xh.expired, xh.wait.count, xh.service.count) == (1, 0, 0)

    one, two = stats.by_counter
    assert (one.key, one.label, two.key, two.label) == ("1", "Quầy 1", "2", "Quầy 2")
    assert (one.tickets, one.served, one.no_show, one.walk_ins) == (4, 3, 1, 1)
    assert (two.tickets, two.served, two.transferred) == (2, 1, 1)
    assert two.service == summary(2, 9.0, 9.0, 10.0, 10.0)
    assert [(g.label, g.tickets) for g in stats.by_officer] == [(HUNG, 2), (MAI, 4)]

    first, second = stats.by_day
    assert (first.key, first.label, second.label) == ("2026-12-01", "01/12/2026", "02/12/2026")
    assert (first.tickets, second.tickets) == (6, 1)
    assert first.wait == summary(4, 8.5, 6.0, 20.0, 20.0)
    assert second.wait == summary(1, 45.0, 45.0, 45.0, 45.0)


def test_one_day_range_and_empty_range(two_days):
    day2 = two_days.queue.statistics(DAY2, DAY2)
    assert (day2.citizens, day2.total.tickets, day2.total.served) == (1, 1, 1)
    assert [g.key for g in day2.by_service] == ["HT"]
    empty = two_days.queue.statistics(date(2026, 11, 1), date(2026, 11, 30))
    assert (empty.citizens, empty.recycled, empty.total.tickets) == (0, 0, 0)
    assert empty.total.wait == summary(0, None, None, None, None)
    assert empty.by_service == empty.by_counter == empty.by_officer == empty.by_day == ()
    assert empty.wait_buckets == empty.service_buckets == (Bucket(0, 3, 0),)


def test_a_still_open_ticket_counts_as_open_without_times(tmp_path):
    clock = Clock()
    core = queue_core(tmp_path / "ws", clock)
    try:
        core.queue.issue("HT")
        core.queue.open_session(1, MAI)
        clock.advance(4)
        core.queue.call_next(1)  # called, not finished: a wait but no service time yet
        stats = core.queue.statistics(DAY1, DAY1)
        assert (stats.total.open, stats.total.served) == (1, 0)
        assert stats.total.wait.mean == 4.0 and stats.total.service.count == 0
    finally:
        core.workspace.close()


def test_a_period_that_ends_before_it_starts_is_refused(two_days):
    with pytest.raises(InvalidDate, match="starts"):
        two_days.queue.statistics(DAY2, DAY1)
    with pytest.raises(InvalidDate, match="ten years"):
        two_days.queue.statistics(date(2000, 1, 1), DAY2)


def test_percentile_and_bucket_edges():
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0], 0.9) == 9.0
    assert percentile([7.0], 0.9) == 7.0
    assert summarize([None, 3.0, 1.0]) == summary(2, 2.0, 2.0, 3.0, 3.0)
    edges = buckets([0.0, 2.99, 3.0, 59.99, 60.0, 500.0])
    assert edges[0] == Bucket(0, 3, 2) and edges[1] == Bucket(3, 6, 1)
    assert edges[19] == Bucket(57, 60, 1) and edges[20] == Bucket(60, None, 2) and len(edges) == 21


# -- the XLSX report -----------------------------------------------------------------------


def test_xlsx_report_reads_back(two_days, tmp_path):
    target = tmp_path / "thong-ke.xlsx"
    write_statistics_xlsx(two_days.queue.statistics(DAY1, DAY2), target, "UBND phường Hoa Lư")
    book = load_workbook(target)
    assert book.sheetnames == [SHEET_SUMMARY, SHEET_SERVICE, SHEET_COUNTER, SHEET_OFFICER, SHEET_DAY,
                               SHEET_DISTRIBUTION]
    summary_sheet = book[SHEET_SUMMARY]
    values = {row[0]: row[1] for row in summary_sheet.iter_rows(values_only=True) if row and row[0]}
    assert values["Từ ngày"] == datetime(2026, 12, 1) and values["Đến ngày"] == datetime(2026, 12, 2)
    assert summary_sheet["B3"].number_format == "DD/MM/YYYY"
    assert values["Đã phục vụ"] == 4 and values["Vắng mặt"] == 1 and values["Chuyển tiếp"] == 1
    assert values["Lượt công dân (chuỗi chuyển tiếp tính một lượt)"] == 6
    assert values["Thời gian chờ TB (phút)"] == 15.8 and values["Thời gian phục vụ P90 (phút)"] == 70
    services = list(book[SHEET_SERVICE].iter_rows(values_only=True))
    assert services[0][:5] == ("Dịch vụ", "Số phiếu", "Phát tại kiosk/quầy", "Không phiếu (trực tiếp)", "Đã phục vụ")
    assert [row[0] for row in services[1:]][0].startswith("Hộ tịch") and len(services) == 5
    officers = list(book[SHEET_OFFICER].iter_rows(values_only=True))
    assert [(row[0], row[1]) for row in officers[1:]] == [(HUNG, 2), (MAI, 4)]
    days = book[SHEET_DAY]
    assert days["A2"].value == datetime(2026, 12, 1) and days["A2"].number_format == "DD/MM/YYYY"
    distribution = list(book[SHEET_DISTRIBUTION].iter_rows(values_only=True))
    assert distribution[1] == ("0–3", 0, 3, 2, 0)
    assert distribution[-1] == ("≥60", 60, None, 0, 1)


def test_xlsx_export_that_cannot_write_fails_typed_and_leaves_nothing_behind(two_days, tmp_path):
    stats = two_days.queue.statistics(DAY1, DAY2)
    with pytest.raises(StatsExportFailed):
        write_statistics_xlsx(stats, tmp_path / "no-such-folder" / "x.xlsx")
    blocker = tmp_path / "report.xlsx"
    (blocker / "kept.txt").parent.mkdir()
    (blocker / "kept.txt").write_text("older work")
    with pytest.raises(StatsExportFailed):  # a folder has the report's name: the rename fails
        write_statistics_xlsx(stats, blocker)
    assert (blocker / "kept.txt").read_text() == "older work"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".stats-")] == []  # no temp file left


# -- the CLI -------------------------------------------------------------------------------


def run_cli(root, *args):
    return subprocess.run([str(REPO / ".venv" / "bin" / "counter-app"), "--workspace", str(root), "queue", "stats",
                           *args], capture_output=True, text=True, timeout=120)


def test_cli_stats_json_and_xlsx(two_days, tmp_path):
    root = two_days.workspace.root
    result = run_cli(root, "--from", "01/12/2026", "--to", "02/12/2026", "--json", "--xlsx", tmp_path / "r.xlsx")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["start"], data["end"], data["citizens"]) == ("2026-12-01", "2026-12-02", 6)
    assert data["total"]["wait"] == {"count": 5, "mean": 15.8, "median": 10.0, "p90": 45.0, "maximum": 45.0}
    assert [g["key"] for g in data["by_service"]] == ["HT", "DD", "CT", "XH"]
    assert load_workbook(tmp_path / "r.xlsx")[SHEET_SUMMARY]["A1"].value == "THỐNG KÊ HÀNG ĐỢI"
    text = run_cli(root, "--from", "02/12/2026")
    assert text.returncode == 0 and "Queue statistics 02/12/2026–02/12/2026" in text.stdout
    assert "served 1" in text.stdout


def test_cli_stats_bad_dates_fail_cleanly(two_days):
    root = two_days.workspace.root
    unreadable = run_cli(root, "--from", "31/02/2026")
    assert unreadable.returncode == 2 and "Cannot read the date" in unreadable.stderr
    backwards = run_cli(root, "--from", "02/12/2026", "--to", "01/12/2026", "--json")
    assert backwards.returncode == 1 and json.loads(backwards.stderr)["error"] == "invalid_date"


def test_cli_stats_xlsx_into_a_missing_folder_fails_cleanly(two_days, tmp_path):
    target = tmp_path / "missing" / "r.xlsx"
    result = run_cli(two_days.workspace.root, "--from", "01/12/2026", "--xlsx", target, "--json")
    assert result.returncode == 1 and json.loads(result.stderr)["error"] == "stats_export_failed"
    assert not target.parent.exists()
