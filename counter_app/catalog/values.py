"""Value vocabulary and converters shared by the JSON and XLSX importers.

Both importers must accept the same spellings and reject the same mistakes, so each
converter lives here once. Converters raise ``ValueError`` with a short problem text;
callers add the location (record/field or sheet/row/column).
"""
from __future__ import annotations

import math
import re
from datetime import date, datetime, time

from ..errors import CatalogFormatError
from ..text import fold as fold_text, nfc
from .model import COPY_KIND_LABELS_VI, Channel, CopyKind, TimeUnit

CHANNEL_LABELS = {Channel.DIRECT: "Trực tiếp", Channel.ONLINE: "Trực tuyến", Channel.POSTAL: "Dịch vụ bưu chính"}
UNIT_LABELS = {TimeUnit.WORKING_DAYS: "Ngày làm việc", TimeUnit.WORKING_HOURS: "Giờ làm việc",
               TimeUnit.CALENDAR_DAYS: "Ngày"}
COPY_KIND_LABELS = COPY_KIND_LABELS_VI
LEVEL_LABELS = {"0": "Cấp Bộ", "1": "Cấp tỉnh", "2": "Cấp huyện", "3": "Cấp xã"}
_CODE = re.compile(r"(\d+\.\d{6})(?:\.(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}))?")
_MAX_LISTED = 12
# Bounds a real catalogue never reaches; beyond them a value is a typing or export error
# (and would not fit an SQLite integer, or would make date counting run for ever).
MAX_AMOUNT = 10_000  # working days / hours / days of processing time
MAX_VND = 10**12
MAX_COUNT = 1_000  # copies of one paper


def fold(value) -> str:
    """Lower-case ASCII words, so "Ngày làm việc", "NGAY LAM VIEC" and "ngay-lam viec" match."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold_text(str(value))).split())


def _lookup(value, table: dict, what: str):
    key = fold(value)
    found = {fold(label): item for item, label in table.items()} | {fold(getattr(i, "value", i)): i for i in table}
    if key not in found:
        raise ValueError(f"unknown {what} {value!r} (expected one of: {', '.join(table.values())})")
    return found[key]


def text(value) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {type(value).__name__} {value!r}")
    return nfc(value)


def parse_channel(value) -> Channel:
    if isinstance(value, (int, str)) and not isinstance(value, bool) and str(value).strip() in ("1", "2", "3"):
        return Channel(int(value))
    if "buu chinh" in fold(value):  # "Dịch vụ bưu chính", "Nộp qua bưu chính công ích"
        return Channel.POSTAL
    return _lookup(value, CHANNEL_LABELS, "channel")


def parse_unit(value) -> TimeUnit:
    if value is None or fold(value) == "":
        return TimeUnit.WORKING_DAYS  # the catalogue's default unit
    if fold(value) == "gio":  # "Giờ": the catalogue's hours run in office time
        return TimeUnit.WORKING_HOURS
    return _lookup(value, UNIT_LABELS, "time unit")


def parse_copy_kind(value) -> CopyKind:
    aliases = {"ban sao co chung thuc": CopyKind.CERTIFIED_COPY, "xuat trinh": CopyKind.PRESENT_ORIGINAL}
    return aliases.get(fold(value)) or _lookup(value, COPY_KIND_LABELS, "copy kind")


def parse_amount(value) -> float:
    """A processing time: a non-negative number ("3", 3, "0,5")."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(f"expected a number, got {type(value).__name__} {value!r}")
    try:
        amount = float(value.strip().replace(",", ".")) if isinstance(value, str) else float(value)
    except (ValueError, OverflowError):  # OverflowError: an int beyond any float
        raise ValueError(f"not a number: {_short(value)}") from None
    if math.isnan(amount):
        raise ValueError(f"not a number: {_short(value)}")
    if amount < 0:
        raise ValueError(f"must not be negative: {_short(value)}")
    if amount > MAX_AMOUNT:
        raise ValueError(f"too large (at most {MAX_AMOUNT}): {_short(value)}")
    return amount


def parse_money(value) -> int:
    """VND: 8000, "8.000", "8.000 đồng", "Không"/"Miễn" (= 0)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(f"expected an amount in VND, got {type(value).__name__} {value!r}")
    if isinstance(value, str):
        if value.strip().startswith("-"):
            raise ValueError(f"must not be negative: {value!r}")
        if fold(value) in ("", "khong", "mien", "mien phi", "mien le phi"):
            return 0
        digits = re.sub(r"(vnd|dong|d)$", "", fold(value).replace(" ", ""))
        if not (digits.isascii() and digits.isdigit()):
            raise ValueError(f"not an amount in VND: {_short(value)}")
        return _at_most(int(digits), MAX_VND, value)
    if not math.isfinite(value) or value < 0 or value != int(value):
        raise ValueError(f"must be a whole, non-negative number of VND: {_short(value)}")
    return _at_most(int(value), MAX_VND, value)


def parse_count(value) -> int:
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return _at_most(int(value.strip()), MAX_COUNT, value)
    if (isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value >= 0
            and value == int(value)):
        return _at_most(int(value), MAX_COUNT, value)
    raise ValueError(f"expected a whole number of copies, got {_short(value)}")


def _at_most(number: int, limit: int, value) -> int:
    if number > limit:
        raise ValueError(f"too large (at most {limit}): {_short(value)}")
    return number


def _short(value) -> str:
    """A value for a problem message: a 70,000-character cell is not repeated in full."""
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def parse_bool(value) -> bool:
    if isinstance(value, bool):
        return value
    key = fold(value)
    if key in ("1", "x", "co", "true", "yes", "bat buoc"):
        return True
    if key in ("0", "khong", "false", "no", "khong bat buoc"):
        return False
    raise ValueError(f"expected Có/Không, got {value!r}")


def parse_date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = text(value)
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%Y%m%d", "%Y%m%d%H%M%S"):
        try:
            return datetime.strptime(raw, pattern).date()
        except ValueError:
            pass
    raise ValueError(f"not a date (dd/mm/yyyy or yyyy-mm-dd): {value!r}")


def parse_cutoff(value) -> time:
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    match = re.fullmatch(r"(\d{1,2}) ?(?:h|gio)? ?(\d{1,2})? ?(?:p|phut)?(?: \d{1,2})?", fold(text(value)))
    try:
        return time(int(match.group(1)), int(match.group(2) or 0))
    except (AttributeError, ValueError):
        raise ValueError(f"not a time of day (e.g. 15:00): {value!r}") from None


def parse_code(value) -> tuple[str, str]:
    """National code and the province instance suffix (may be empty)."""
    match = _CODE.fullmatch(text(value))
    if not match:
        raise ValueError(f"not a national procedure code (n.nnnnnn): {value!r}")
    return match.group(1), match.group(2) or ""


def infer_cutoff(notes) -> time | None:
    """"...nhận hồ sơ sau 15 giờ..." in a time note means a 15:00 cutoff."""
    for note in notes:
        match = re.search(r"sau (\d{1,2}) gio", fold(note))
        if match and int(match.group(1)) < 24:
            return time(int(match.group(1)))
    return None


def convert_cell(value, convert, report, default=None):
    """Blank gives ``default``; otherwise ``convert(value)``, handing a problem to ``report``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    try:
        return convert(value)
    except ValueError as exc:
        report(str(exc))
        return default


def raise_if_problems(problems: list[str], source: str) -> None:
    if problems:
        shown = "; ".join(problems[:_MAX_LISTED])
        more = f" (and {len(problems) - _MAX_LISTED} more)" if len(problems) > _MAX_LISTED else ""
        raise CatalogFormatError(f"{source}: {len(problems)} problem(s): {shown}{more}", problems=problems)


def duplicate_codes(specs, where) -> list[str]:
    seen: dict[str, int] = {}
    problems = []
    for index, spec in enumerate(specs, 1):
        if not spec.code:  # a missing code is reported where it is missing
            continue
        if spec.code in seen:
            problems.append(f"{where(index)}: code {spec.code} already used by {where(seen[spec.code])}")
        seen.setdefault(spec.code, index)
    return problems
