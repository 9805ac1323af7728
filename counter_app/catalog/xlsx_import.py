"""Procedures from the XLSX workbook a province officer fills in by hand.

Header names are matched ignoring case, diacritics, punctuation, "*" and hints in
parentheses ("Lệ phí trực tiếp (VNĐ)" = "le phi truc tiep"); column order is free and
unknown columns are ignored. Required columns are marked *.

Sheet **ThuTuc**, one row per procedure:
    Mã thủ tục*        national code, e.g. 1.001193 (keep the column as Text: Excel
                       would turn 2.000810 into the number 2.00081)
    Tên thủ tục*, Lĩnh vực, Cấp thực hiện, Cơ quan thực hiện
    for each channel K in "trực tiếp", "trực tuyến", "bưu chính":
        Thời hạn K (a number; 0 = within the day), Đơn vị thời hạn K (Ngày làm việc |
        Giờ làm việc | Ngày; blank = Ngày làm việc), Ghi chú thời hạn K,
        Lệ phí K (VND; blank = no fee listed, 0 = free), Ghi chú lệ phí K
    Giờ chốt tiếp nhận (hh:mm: received later, counting starts the next working day)
    Căn cứ pháp lý, Kết quả (one item per line), Hiệu lực từ, Hiệu lực đến (dd/mm/yyyy),
    Phiên bản, Ghi chú

Sheet **ThanhPhan**, one row per paper of a procedure:
    Mã thủ tục*, STT (order), Mã giấy tờ (blank = TP1, TP2...), Tên giấy tờ*,
    Loại bản (Bản chính | Bản sao | Bản sao chứng thực | Bản chính hoặc bản sao |
    Xuất trình bản chính; blank = Bản chính), Số lượng (blank = 1), Bắt buộc (Có/Không;
    blank = Có), Mẫu đơn, tờ khai, Ghi chú

A workbook with any error is rejected whole; every message names sheet, row and column.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from xml.etree.ElementTree import ParseError
from xml.parsers.expat import ExpatError

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from ..errors import CatalogFormatError
from .model import Channel, ComponentSpec, CopyKind, Fee, ProcedureSpec, ProcessingTime, TimeUnit
from .values import (
    COPY_KIND_LABELS, UNIT_LABELS, convert_cell, duplicate_codes, fold, parse_amount, parse_bool, parse_code,
    parse_copy_kind, parse_count, parse_cutoff, parse_date, parse_money, parse_unit, raise_if_problems, text,
)

PROCEDURE_SHEET, COMPONENT_SHEET = "ThuTuc", "ThanhPhan"
_CHANNELS = {Channel.DIRECT: "trực tiếp", Channel.ONLINE: "trực tuyến", Channel.POSTAL: "bưu chính"}
PROCEDURE_COLUMNS = [("code", "Mã thủ tục*"), ("name", "Tên thủ tục*"), ("field", "Lĩnh vực"),
                     ("level", "Cấp thực hiện"), ("agency", "Cơ quan thực hiện")] + [
    (f"{key}{int(ch)}", f"{label} {word}{hint}") for ch, word in _CHANNELS.items() for key, label, hint in (
        ("time", "Thời hạn", ""), ("unit", "Đơn vị thời hạn", ""), ("time_note", "Ghi chú thời hạn", ""),
        ("fee", "Lệ phí", " (VNĐ)"), ("fee_note", "Ghi chú lệ phí", ""))] + [
    ("cutoff", "Giờ chốt tiếp nhận (hh:mm)"), ("legal", "Căn cứ pháp lý"), ("results", "Kết quả"),
    ("from", "Hiệu lực từ (dd/mm/yyyy)"), ("to", "Hiệu lực đến (dd/mm/yyyy)"), ("version", "Phiên bản"),
    ("note", "Ghi chú")]
COMPONENT_COLUMNS = [("code", "Mã thủ tục*"), ("order", "STT"), ("doc", "Mã giấy tờ"), ("name", "Tên giấy tờ*"),
                     ("kind", "Loại bản"), ("count", "Số lượng"), ("mandatory", "Bắt buộc"),
                     ("form", "Mẫu đơn, tờ khai"), ("note", "Ghi chú")]


def _header_key(header) -> str:
    return fold(re.sub(r"\(.*?\)", "", str(header)))


def _cell_text(value) -> str:
    """Text columns: numbers typed into them (version 2, paper code 1) read as text."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return text(value)


def _code(value) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueError(f"{value!r} was stored as a number; format the column as Text and retype the code")
    return parse_code(value)[0]


class _Sheet:
    """Rows of one sheet as {column key: value}, with located problem reporting."""

    def __init__(self, workbook, title: str, columns: list[tuple[str, str]], problems: list[str]):
        self.title, self.problems, self.rows, self.headers = title, problems, [], {}
        sheet = next((ws for ws in workbook.worksheets if fold(ws.title).replace(" ", "") == fold(title)), None)
        if sheet is None:
            problems.append(f"sheet {title} is missing")
            return
        known = {_header_key(header): key for key, header in columns}
        rows = [(n, row) for n, row in enumerate(sheet.iter_rows(values_only=True), 1)
                if any(v not in (None, "") for v in row)]
        if not rows:
            problems.append(f"sheet {title} is empty")
            return
        header_row, header = rows[0]
        where = {}
        for index, cell in enumerate(header):
            key = known.get(_header_key(cell)) if cell not in (None, "") else None
            if key in where:
                problems.append(f"sheet {title}, row {header_row}: column '{cell}' appears twice")
            elif key:
                where[key], self.headers[key] = index, str(cell)
        for key, label in columns:
            if label.endswith("*") and key not in where:
                problems.append(f"sheet {title}: required column '{label.rstrip('*')}' is missing")
        if len(rows) == 1:
            problems.append(f"sheet {title} has a header but no data rows")
        self.rows = [(n, {k: row[i] if i < len(row) else None for k, i in where.items()}) for n, row in rows[1:]]

    def fail(self, number: int, key: str, problem: str) -> None:
        self.problems.append(f"sheet {self.title}, row {number}, column '{self.headers[key]}': {problem}")

    def get(self, number: int, row: dict, key: str, convert, default=None):
        return convert_cell(row.get(key), convert, lambda problem: self.fail(number, key, problem), default)

    def require(self, number: int, row: dict, key: str, convert):
        value = self.get(number, row, key, convert)
        if value in (None, "") and row.get(key) in (None, "") and key in self.headers:
            self.fail(number, key, "missing")
        return value


# What a damaged or foreign file makes the ZIP, XML (lxml's errors are SyntaxErrors) and
# cell readers raise; openpyxl in read-only mode reads lazily, so the rows are read inside too.
_UNREADABLE = (InvalidFileException, zipfile.BadZipFile, zlib.error, EOFError, KeyError, IndexError, OSError,
               ValueError, TypeError, OverflowError, ParseError, ExpatError, SyntaxError)


@contextmanager
def _readable(path):
    try:
        yield
    except _UNREADABLE as exc:
        detail = str(exc)[:200] or type(exc).__name__
        raise CatalogFormatError(f"{path}: not a readable XLSX workbook ({detail})") from exc


def load_xlsx(path) -> list[ProcedureSpec]:
    with _readable(path):
        workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        problems: list[str] = []
        with _readable(path):
            procedures = _Sheet(workbook, PROCEDURE_SHEET, PROCEDURE_COLUMNS, problems)
            components = _Sheet(workbook, COMPONENT_SHEET, COMPONENT_COLUMNS, problems)
        raise_if_problems(problems, str(path))
        specs = [_procedure(procedures, n, row) for n, row in procedures.rows]
        problems += duplicate_codes(specs, lambda i: f"sheet {PROCEDURE_SHEET}, row {procedures.rows[i - 1][0]}")
        papers = _components(components, {spec.code for spec in specs})
        raise_if_problems(problems, str(path))
        return [_with_components(spec, papers.get(spec.code, [])) for spec in specs]
    finally:
        with _readable(path):
            workbook.close()


def _procedure(sheet: _Sheet, n: int, row: dict) -> ProcedureSpec:
    times, fees = [], []
    for channel in _CHANNELS:
        c = int(channel)
        amount = sheet.get(n, row, f"time{c}", parse_amount)
        if amount is not None:
            unit = sheet.get(n, row, f"unit{c}", parse_unit, TimeUnit.WORKING_DAYS)
            times.append(ProcessingTime(channel, amount, unit, sheet.get(n, row, f"time_note{c}", text, "")))
        fee = sheet.get(n, row, f"fee{c}", parse_money)
        if fee is not None:
            fees.append(Fee(channel, fee, sheet.get(n, row, f"fee_note{c}", text, "")))
    start, end = sheet.get(n, row, "from", parse_date), sheet.get(n, row, "to", parse_date)
    if start and end and end < start:
        sheet.fail(n, "to", "before the start date")
    extra = {"version": sheet.get(n, row, "version", _cell_text, ""), "note": sheet.get(n, row, "note", text, "")}
    return ProcedureSpec(
        code=sheet.require(n, row, "code", _code) or "", name=sheet.require(n, row, "name", text) or "",
        field=sheet.get(n, row, "field", text, ""), level=sheet.get(n, row, "level", text, ""),
        receiving_agency=sheet.get(n, row, "agency", text, ""), processing_times=tuple(times), fees=tuple(fees),
        results=_lines(sheet.get(n, row, "results", text, "")),
        legal_basis=_lines(sheet.get(n, row, "legal", text, "")),
        cutoff=sheet.get(n, row, "cutoff", parse_cutoff), effective_from=start, effective_to=end,
        extra={k: v for k, v in extra.items() if v},
    )


def _lines(value: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in value.splitlines() if line.strip())


def _components(sheet: _Sheet, codes: set[str]) -> dict[str, list[ComponentSpec]]:
    """Papers per procedure code, in STT order (a row without STT sorts by its row number)."""
    grouped: dict[str, list[tuple[float, int, dict]]] = {}
    for n, row in sheet.rows:
        code = sheet.require(n, row, "code", _code)
        if code and code not in codes:
            sheet.fail(n, "code", f"no procedure {code} in sheet {PROCEDURE_SHEET}")
        elif code:
            grouped.setdefault(code, []).append((sheet.get(n, row, "order", parse_amount, float(n)), n, row))
    result = {}
    for code, rows in grouped.items():
        papers, seen = [], set()
        for position, (_, n, row) in enumerate(sorted(rows, key=lambda item: item[:2]), 1):
            paper = ComponentSpec(
                code=sheet.get(n, row, "doc", _cell_text, "") or f"TP{position}",
                name=sheet.require(n, row, "name", text) or "",
                copy_kind=sheet.get(n, row, "kind", parse_copy_kind, CopyKind.ORIGINAL),
                count=sheet.get(n, row, "count", parse_count, 1),
                mandatory=sheet.get(n, row, "mandatory", parse_bool, True),
                form_name=sheet.get(n, row, "form", text) or None, note=sheet.get(n, row, "note", text, ""))
            if paper.code in seen:
                sheet.problems.append(f"sheet {sheet.title}, row {n}: paper code {paper.code} repeats for {code}")
            seen.add(paper.code)
            papers.append(paper)
        result[code] = papers
    return result


def _with_components(spec: ProcedureSpec, papers: list[ComponentSpec]) -> ProcedureSpec:
    return replace(spec, components=tuple(papers))


# ---------------------------------------------------------------- writing

def write_xlsx_template(path, specs=()) -> None:
    """The workbook officers fill in; with ``specs`` it doubles as an export.

    A sheet row holds one time and one fee per channel: further entries of the same
    channel are not written (export JSON for those).
    """
    workbook = Workbook()
    procedures = workbook.active
    procedures.title = PROCEDURE_SHEET
    papers = workbook.create_sheet(COMPONENT_SHEET)
    for sheet, columns in ((procedures, PROCEDURE_COLUMNS), (papers, COMPONENT_COLUMNS)):
        sheet.append([label for _, label in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            sheet.column_dimensions[cell.column_letter].width = 22
        sheet.column_dimensions["A"].number_format = "@"  # codes must stay text
        sheet.freeze_panes = "A2"
    for spec in specs:
        procedures.append(_procedure_row(spec))
        for order, paper in enumerate(spec.components, 1):
            papers.append([spec.code, order, paper.code, paper.name, COPY_KIND_LABELS[paper.copy_kind], paper.count,
                           "Có" if paper.mandatory else "Không", paper.form_name or "", paper.note])
    for row in procedures.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, date):
                cell.number_format = "DD/MM/YYYY"
    _add_choices(procedures, PROCEDURE_COLUMNS, {f"unit{int(c)}": UNIT_LABELS.values() for c in _CHANNELS})
    _add_choices(papers, COMPONENT_COLUMNS, {"kind": COPY_KIND_LABELS.values(), "mandatory": ("Có", "Không")})
    workbook.save(path)


def _procedure_row(spec: ProcedureSpec) -> list:
    values = {"code": spec.code, "name": spec.name, "field": spec.field, "level": spec.level,
              "agency": spec.receiving_agency, "cutoff": spec.cutoff.strftime("%H:%M") if spec.cutoff else None,
              "legal": "\n".join(spec.legal_basis), "results": "\n".join(spec.results),
              "from": spec.effective_from, "to": spec.effective_to,
              "version": spec.extra.get("version"), "note": spec.extra.get("note")}
    for channel in _CHANNELS:
        c = int(channel)
        t = next((t for t in spec.processing_times if t.channel == channel), None)
        if t is not None:
            amount = int(t.amount) if float(t.amount).is_integer() else t.amount
            values.update({f"time{c}": amount, f"unit{c}": UNIT_LABELS[t.unit], f"time_note{c}": t.note})
        fee = next((f for f in spec.fees if f.channel == channel), None)
        if fee is not None:
            values.update({f"fee{c}": fee.amount_vnd, f"fee_note{c}": fee.description})
    return [values.get(key) for key, _ in PROCEDURE_COLUMNS]


def _add_choices(sheet, columns, choices: dict) -> None:
    """Drop-down lists, so officers pick the spellings the importer knows."""
    letters = {key: sheet.cell(1, i + 1).column_letter for i, (key, _) in enumerate(columns)}
    for key, options in choices.items():
        rule = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=True)
        sheet.add_data_validation(rule)
        rule.add(f"{letters[key]}2:{letters[key]}1000")
