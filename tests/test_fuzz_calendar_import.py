"""Property-based fuzzing of the calendar override import (JSON and CSV files, and the feed's text).

Whatever the file holds, ``CounterCore.import_calendar`` stores it whole or raises
``CalendarFormatError`` and leaves the stored calendar exactly as it was.
"""
from __future__ import annotations

import copy
import json

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from counter_app.calendar import dump_overrides_csv, load_overrides
from counter_app.calendar.overrides import parse_overrides_csv, parse_overrides_json
from counter_app.errors import CalendarFormatError
from tests.conftest import make_core

FUZZ = settings(max_examples=250, deadline=None, database=None, derandomize=True)
VALID = {"year": 2026, "note": "Thông báo của Bộ Nội vụ", "source": "fuzz", "overrides": [
    {"date": "2026-01-02", "kind": "off", "name": "Nghỉ Tết Dương lịch"},
    {"date": "10/01/2026", "kind": "work", "name": "Làm bù cho thứ Sáu 02/01/2026", "note": "bù"},
    {"date": "2026-09-01", "kind": "off", "name": "Nghỉ Quốc khánh"},
]}
ODD = st.one_of(st.none(), st.booleans(), st.integers(-(2**64), 2**64), st.floats(), st.text(max_size=20),
                st.sampled_from(["2026-02-30", "0000-01-01", "31/12/9999", "٢٠٢٦-٠١-٠٢", "OFF", " work ", "",
                                 "x" * 200_000]),
                st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=4), st.integers(), max_size=2))


@pytest.fixture(scope="module")
def counter(tmp_path_factory):
    core = make_core(tmp_path_factory.mktemp("fuzz-calendar") / "ws")
    yield core, tmp_path_factory.mktemp("files")
    core.workspace.close()


def stored(core) -> list:
    with core.workspace.db.read() as session:
        return [tuple(row) for row in session.execute(text("SELECT * FROM calendar_days ORDER BY day"))]


def import_file(core, path):
    before = stored(core)
    try:
        count = core.import_calendar(path)
    except CalendarFormatError as exc:
        assert exc.code == "calendar_format" and exc.message
        assert stored(core) == before, "a failed calendar import changed the stored calendar"
        return None
    assert count == len(load_overrides(path))
    return count


@st.composite
def near_valid(draw):
    document = copy.deepcopy(VALID)
    for _ in range(draw(st.integers(1, 4))):
        target = draw(st.sampled_from(["top", "entry"]))
        entries = document.get("overrides")
        obj = document if target == "top" or not isinstance(entries, list) or not entries else \
            entries[draw(st.integers(0, len(entries) - 1))]
        if not isinstance(obj, dict):
            continue
        action = draw(st.sampled_from(["set", "delete", "extra", "duplicate"]))
        key = draw(st.sampled_from(sorted(obj) or ["date"]))
        if action == "set":
            obj[key] = draw(ODD)
        elif action == "delete":
            obj.pop(key, None)
        elif action == "extra":
            obj[draw(st.text(max_size=6))] = draw(ODD)
        elif isinstance(document.get("overrides"), list) and document["overrides"]:
            document["overrides"].append(copy.deepcopy(document["overrides"][0]))
    return document


@FUZZ
@given(near_valid())
@example(VALID)
@example({"overrides": [{"date": "2026-01-02", "kind": "off", "name": "A" * 300_000}]})
def test_near_valid_json_files(counter, document):
    core, folder = counter
    path = folder / "days.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    import_file(core, path)


@FUZZ
@given(st.binary(max_size=300))
@example(b"[" * 100_000)
@example(b'{"overrides": [], "year": ' + b"9" * 5000 + b"}")
@example(b"\xef\xbb\xbf{}")
def test_arbitrary_bytes_as_json(counter, raw):
    core, folder = counter
    path = folder / "bytes.json"
    path.write_bytes(raw)
    import_file(core, path)


CELL = st.one_of(st.text(max_size=20), st.sampled_from(["2026-01-02", "02/01/2026", "off", "work", "Tết", '"', "\x00",
                                                       "a,b", "x" * 200_000]))


@FUZZ
@given(st.lists(st.lists(CELL, min_size=0, max_size=5), max_size=6), st.sampled_from([",", ";"]),
       st.booleans())
@example([["2026-01-02", "off", "x" * 200_000]], ",", True)
@example([["2026-01-02", "off", "a\x00b"]], ",", True)
@example([['"2026-01-02', "off", "unterminated"]], ",", True)
def test_csv_rows(counter, rows, delimiter, with_header):
    core, folder = counter
    lines = ([delimiter.join(["date", "kind", "name"])] if with_header else []) + \
        [delimiter.join(row) for row in rows]
    path = folder / "days.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    import_file(core, path)


@FUZZ
@given(st.binary(max_size=300))
def test_arbitrary_bytes_as_csv(counter, raw):
    core, folder = counter
    path = folder / "bytes.csv"
    path.write_bytes(raw)
    import_file(core, path)


@FUZZ
@given(st.text(max_size=300))
def test_feed_text_parsers(raw):
    """The province's feed hands the text itself to the same parsers."""
    for parse in (parse_overrides_json, parse_overrides_csv):
        try:
            items = parse(raw, source="feed")
        except CalendarFormatError:
            continue
        assert parse_overrides_csv(dump_overrides_csv(items)) == items
