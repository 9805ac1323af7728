"""Per-year overrides of the default calendar, as the province edits them.

Each year the Ministry of Home Affairs announces the civil servants' actual
days off and swapped Saturdays; the province types them into a file.

JSON shape (one object; ``year``, ``note`` and ``source`` optional)::

    {
      "year": 2026,
      "note": "free text",
      "source": "where the days come from",
      "overrides": [
        {"date": "2026-01-02", "kind": "off", "name": "Nghỉ Tết Dương lịch", "note": "optional"},
        {"date": "2026-01-10", "kind": "work", "name": "Làm bù cho thứ Sáu 02/01/2026"}
      ]
    }

CSV shape (UTF-8, BOM allowed; comma or semicolon; lines starting with ``#``
and blank lines are ignored; the header is required, ``note`` is optional)::

    date,kind,name,note
    2026-01-02,off,Nghỉ Tết Dương lịch,
    10/01/2026,work,Làm bù cho thứ Sáu 02/01/2026,

Dates are ``YYYY-MM-DD`` or ``DD/MM/YYYY``. ``kind`` is ``off`` (an extra day
off) or ``work`` (a working day: a make-up Saturday, or a default holiday that
is not off this year). Within one file a date may appear once. Any error
rejects the whole file: no partial results.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from counter_app.errors import CalendarFormatError, InvalidInput

OFF = "off"
WORK = "work"
KINDS = (OFF, WORK)

_JSON_KEYS = {"year", "note", "source", "overrides"}
_ENTRY_KEYS = {"date", "kind", "name", "note"}
_CSV_COLUMNS = ("date", "kind", "name", "note")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_VN_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


@dataclass(frozen=True)
class CalendarOverride:
    day: date
    kind: str  # OFF or WORK
    name: str
    note: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise InvalidInput(f"override kind must be 'off' or 'work', not {self.kind!r}")


# --- parsing one entry (shared by JSON and CSV) ----------------------------

def _error(where: str, problem: str) -> CalendarFormatError:
    """An error whose message starts with the file and the line or entry at fault."""
    return CalendarFormatError(f"{where}: {problem}", where=where)


def _parse_date(raw: object) -> date:
    text = raw.strip() if isinstance(raw, str) else ""
    if match := _ISO_DATE.fullmatch(text):
        year, month, day = match.groups()
    elif match := _VN_DATE.fullmatch(text):
        day, month, year = match.groups()
    else:
        raise ValueError(f"date {raw!r} is not YYYY-MM-DD or DD/MM/YYYY")
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise ValueError(f"date {raw!r} does not exist") from None


def _build(raw: dict, where: str, year: int | None) -> CalendarOverride:
    try:
        day = _parse_date(raw.get("date"))
        kind = raw.get("kind")
        kind = kind.strip().lower() if isinstance(kind, str) else kind
        if kind not in KINDS:
            raise ValueError(f"kind {raw.get('kind')!r} is not 'off' or 'work'")
        name, note = raw.get("name"), raw.get("note") or ""
        if not isinstance(name, str) or not name.strip():
            raise ValueError("name is missing")
        if not isinstance(note, str):
            raise ValueError("note must be text")
        if year is not None and day.year != year:
            raise ValueError(f"date {day.isoformat()} is not in year {year}")
    except ValueError as exc:
        raise _error(where, str(exc)) from None
    return CalendarOverride(day, kind, name.strip(), note.strip())


def _reject_duplicates(items: list[tuple[str, CalendarOverride]]) -> list[CalendarOverride]:
    seen: dict[date, str] = {}
    for where, item in items:
        if item.day in seen:
            raise _error(where, f"date {item.day.isoformat()} is already given in {seen[item.day]}")
        seen[item.day] = where
    return [item for _, item in items]


# --- JSON --------------------------------------------------------------------

def parse_overrides_json(text: str, source: str = "<json>") -> list[CalendarOverride]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"{source} line {exc.lineno} column {exc.colno}"
        raise _error(where, f"invalid JSON ({exc.msg})") from None
    except (ValueError, RecursionError) as exc:  # a number of thousands of digits, nesting beyond reason
        raise _error(source, f"invalid JSON ({type(exc).__name__})") from None
    if not isinstance(document, dict) or not isinstance(document.get("overrides"), list):
        raise _error(source, "expected an object with an 'overrides' list")
    if unknown := sorted(set(document) - _JSON_KEYS):
        raise _error(source, f"unknown key(s) {', '.join(unknown)}")
    year = document.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise _error(source, "'year' must be a whole number")
    items = []
    for index, entry in enumerate(document["overrides"], start=1):
        where = f"{source} entry {index}"
        if not isinstance(entry, dict):
            raise _error(where, "expected an object")
        if unknown := sorted(set(entry) - _ENTRY_KEYS):
            raise _error(where, f"unknown key(s) {', '.join(unknown)}")
        items.append((where, _build(entry, where, year)))
    return _reject_duplicates(items)


def dump_overrides_json(overrides, *, year: int | None = None, note: str = "") -> str:
    document: dict = {}
    if year is not None:
        document["year"] = year
    if note:
        document["note"] = note
    document["overrides"] = [
        {"date": item.day.isoformat(), "kind": item.kind, "name": item.name}
        | ({"note": item.note} if item.note else {})
        for item in sorted(overrides, key=lambda item: item.day)
    ]
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# --- CSV -----------------------------------------------------------------------

def parse_overrides_csv(text: str, source: str = "<csv>") -> list[CalendarOverride]:
    # Parse line by line so every message can name the physical line.
    lines = [
        (number, line)
        for number, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not lines:
        raise _error(source, "no header line 'date,kind,name'")
    header_number, header_line = lines[0]
    delimiter = ";" if ";" in header_line and "," not in header_line else ","
    header = [cell.strip().lower() for cell in _split(header_line, delimiter, f"{source} line {header_number}")]
    if tuple(header) not in (_CSV_COLUMNS[:3], _CSV_COLUMNS):
        where = f"{source} line {header_number}"
        raise _error(where, "header must be 'date,kind,name' or 'date,kind,name,note'")
    items = []
    for number, line in lines[1:]:
        where = f"{source} line {number}"
        cells = _split(line, delimiter, where)
        if len(cells) != len(header):
            raise _error(where, f"expected {len(header)} fields, found {len(cells)}")
        items.append((where, _build(dict(zip(header, cells)), where, None)))
    return _reject_duplicates(items)


def _split(line: str, delimiter: str, where: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter))
    except csv.Error as exc:  # e.g. a field beyond the csv module's size limit
        raise _error(where, f"not a readable CSV line ({exc})") from None


def dump_overrides_csv(overrides) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(_CSV_COLUMNS)
    for item in sorted(overrides, key=lambda item: item.day):
        writer.writerow([item.day.isoformat(), item.kind, item.name, item.note])
    return buffer.getvalue()


# --- files ---------------------------------------------------------------------

_PARSERS = {".json": parse_overrides_json, ".csv": parse_overrides_csv}


def load_overrides(path: str | Path) -> list[CalendarOverride]:
    """Load a ``.json`` or ``.csv`` override file (OSError if it cannot be read)."""
    path = Path(path)
    parser = _PARSERS.get(path.suffix.lower())
    if parser is None:
        raise _error(path.name, "expected a .json or .csv file")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        where = f"{path.name} byte {exc.start}"
        raise _error(where, "not UTF-8 text") from None
    return parser(text, source=path.name)


def load_overrides_dir(folder: str | Path) -> list[CalendarOverride]:
    """All override files of a folder, in file-name order (later files win in a calendar)."""
    files = sorted(p for p in Path(folder).iterdir() if p.suffix.lower() in _PARSERS)
    return [item for path in files for item in load_overrides(path)]
