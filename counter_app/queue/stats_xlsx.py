"""Queue statistics as an Excel workbook (openpyxl): a document for the office, so the
headers are Vietnamese data, not UI text. Dates are real date cells shown dd/mm/yyyy.

The workbook is written to a temporary file beside the target and then renamed over it,
so a failure (disk full, file open in Excel) never leaves a half-written report.
"""
from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from counter_app.errors import StatsExportFailed
from counter_app.queue.stats import Bucket, GroupStats, QueueStatistics

DATE_FORMAT = "DD/MM/YYYY"
MINUTES_FORMAT = "0.0"
HEADER_FILL = PatternFill("solid", fgColor="DCE6F2")

SHEET_SUMMARY = "Tổng hợp"
SHEET_SERVICE = "Theo dịch vụ"
SHEET_COUNTER = "Theo quầy"
SHEET_OFFICER = "Theo cán bộ"
SHEET_DAY = "Theo ngày"
SHEET_DISTRIBUTION = "Phân bố thời gian"

GROUP_HEADERS = ("Số phiếu", "Phát tại kiosk/quầy", "Không phiếu (trực tiếp)", "Đã phục vụ", "Vắng mặt",
                 "Chuyển tiếp", "Hết hạn", "Chưa xong",
                 "Chờ TB (phút)", "Chờ trung vị (phút)", "Chờ P90 (phút)", "Chờ dài nhất (phút)",
                 "Phục vụ TB (phút)", "Phục vụ trung vị (phút)", "Phục vụ P90 (phút)", "Phục vụ dài nhất (phút)")


def group_values(stats: GroupStats) -> list:
    return [stats.tickets, stats.issued, stats.walk_ins, stats.served, stats.no_show, stats.transferred,
            stats.expired, stats.open, stats.wait.mean, stats.wait.median, stats.wait.p90, stats.wait.maximum,
            stats.service.mean, stats.service.median, stats.service.p90, stats.service.maximum]


def build_workbook(stats: QueueStatistics, office_name: str = "") -> Workbook:
    book = Workbook()
    summary = book.active
    summary.title = SHEET_SUMMARY
    _summary(summary, stats, office_name)
    for title, first, groups in ((SHEET_SERVICE, "Dịch vụ", stats.by_service),
                                 (SHEET_COUNTER, "Quầy", stats.by_counter),
                                 (SHEET_OFFICER, "Cán bộ", stats.by_officer)):
        _groups(book.create_sheet(title), first, [(g.label, g) for g in groups])
    days = book.create_sheet(SHEET_DAY)
    _groups(days, "Ngày", [(_day(g.key), g) for g in stats.by_day])
    for row in days.iter_rows(min_row=2, max_col=1):
        row[0].number_format = DATE_FORMAT
    _distribution(book.create_sheet(SHEET_DISTRIBUTION), stats.wait_buckets, stats.service_buckets)
    return book


def write_statistics_xlsx(stats: QueueStatistics, path: Path | str, office_name: str = "") -> Path:
    target = Path(path)
    book = build_workbook(stats, office_name)
    try:
        handle, temp = tempfile.mkstemp(prefix=".stats-", suffix=".xlsx", dir=target.parent)
        os.close(handle)
    except OSError as exc:
        raise StatsExportFailed(f"Cannot write in {target.parent}: {exc}") from exc
    try:
        book.save(temp)
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise StatsExportFailed(f"Cannot write {target}: {exc}") from exc
    return target


# -- sheets ---------------------------------------------------------------------------------


def _day(iso: str) -> date:
    return date.fromisoformat(iso)


def _header(sheet, values) -> None:
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def _summary(sheet, stats: QueueStatistics, office_name: str) -> None:
    sheet.append(["THỐNG KÊ HÀNG ĐỢI"])
    sheet["A1"].font = Font(bold=True, size=14)
    if office_name:
        sheet.append([office_name])
    sheet.append(["Từ ngày", stats.start])
    sheet.cell(sheet.max_row, 2).number_format = DATE_FORMAT
    sheet.append(["Đến ngày", stats.end])
    sheet.cell(sheet.max_row, 2).number_format = DATE_FORMAT
    sheet.append([])
    total = stats.total
    rows = [("Lượt công dân (chuỗi chuyển tiếp tính một lượt)", stats.citizens),
            ("Số phiếu (mỗi dịch vụ một phiếu)", total.tickets), ("Phát tại kiosk/quầy", total.issued),
            ("Không phiếu (trực tiếp)", total.walk_ins), ("Đã phục vụ", total.served),
            ("Vắng mặt", total.no_show), ("Chuyển tiếp", total.transferred), ("Hết hạn", total.expired),
            ("Chưa xong", total.open), ("Vắng mặt rồi xếp lại hàng", stats.recycled),
            ("Thời gian chờ TB (phút)", total.wait.mean), ("Thời gian chờ trung vị (phút)", total.wait.median),
            ("Thời gian chờ P90 (phút)", total.wait.p90), ("Thời gian chờ dài nhất (phút)", total.wait.maximum),
            ("Thời gian phục vụ TB (phút)", total.service.mean),
            ("Thời gian phục vụ trung vị (phút)", total.service.median),
            ("Thời gian phục vụ P90 (phút)", total.service.p90),
            ("Thời gian phục vụ dài nhất (phút)", total.service.maximum)]
    _header(sheet, ("Chỉ tiêu", "Giá trị"))
    for name, value in rows:
        sheet.append([name, value])
        if isinstance(value, float):
            sheet.cell(sheet.max_row, 2).number_format = MINUTES_FORMAT
    sheet.append([])
    sheet.append(["Thời gian chờ: từ lúc lấy phiếu (hoặc được chuyển tới) đến lúc được gọi. "
                  "Thời gian phục vụ: từ lúc được gọi đến lúc kết thúc."])
    sheet.column_dimensions["A"].width = 48
    sheet.column_dimensions["B"].width = 14


def _groups(sheet, first: str, rows) -> None:
    _header(sheet, (first, *GROUP_HEADERS))
    for name, stats in rows:
        sheet.append([name, *group_values(stats)])
        for cell in sheet[sheet.max_row][9:]:
            cell.number_format = MINUTES_FORMAT
    sheet.freeze_panes = "B2"
    sheet.column_dimensions["A"].width = 28
    for column in range(2, len(GROUP_HEADERS) + 2):
        sheet.column_dimensions[get_column_letter(column)].width = 12


def _distribution(sheet, wait: tuple[Bucket, ...], service: tuple[Bucket, ...]) -> None:
    _header(sheet, ("Khoảng (phút)", "Từ phút", "Đến phút", "Số lượt chờ", "Số lượt phục vụ"))
    longest = max(len(wait), len(service))
    for index in range(longest):
        bucket = (wait[index] if index < len(wait) else service[index])
        sheet.append([bucket.label, bucket.start_minute, bucket.end_minute,
                      wait[index].count if index < len(wait) else 0,
                      service[index].count if index < len(service) else 0])
    sheet.column_dimensions["A"].width = 16
