"""Loading yearly overrides from JSON and CSV, and rejecting malformed files whole."""
from __future__ import annotations

import json
from datetime import date

import pytest

from counter_app.calendar import (
    OFF,
    WORK,
    CalendarOverride,
    dump_overrides_csv,
    dump_overrides_json,
    load_overrides,
    load_overrides_dir,
    parse_overrides_csv,
    parse_overrides_json,
)
from counter_app.errors import CalendarFormatError, InvalidInput
from counter_app.resources import resource_path

GOOD_JSON = """{
  "year": 2026,
  "note": "test",
  "overrides": [
    {"date": "2026-01-02", "kind": "off", "name": "Nghỉ Tết Dương lịch", "note": "hoán đổi"},
    {"date": "2026-01-10", "kind": "work", "name": "Làm bù cho thứ Sáu 02/01/2026"}
  ]
}"""

GOOD_CSV = """\ufeff# Lịch nghỉ 2026
date,kind,name,note

2026-01-02,off,Nghỉ Tết Dương lịch,hoán đổi
10/01/2026,WORK,"Làm bù, thứ Bảy",
"""


def _json_with(entries, **top) -> str:
    return json.dumps({"overrides": entries, **top}, ensure_ascii=False)


def test_parse_json():
    items = parse_overrides_json(GOOD_JSON)
    assert items == [
        CalendarOverride(date(2026, 1, 2), OFF, "Nghỉ Tết Dương lịch", "hoán đổi"),
        CalendarOverride(date(2026, 1, 10), WORK, "Làm bù cho thứ Sáu 02/01/2026"),
    ]


def test_parse_csv_with_bom_comments_blank_lines_and_quotes():
    items = parse_overrides_csv(GOOD_CSV)
    assert items == [
        CalendarOverride(date(2026, 1, 2), OFF, "Nghỉ Tết Dương lịch", "hoán đổi"),
        CalendarOverride(date(2026, 1, 10), WORK, "Làm bù, thứ Bảy"),
    ]


def test_parse_csv_semicolons_and_no_note_column():
    items = parse_overrides_csv("date;kind;name\n2026-08-31;off;Nghỉ Quốc khánh\n")
    assert items == [CalendarOverride(date(2026, 8, 31), OFF, "Nghỉ Quốc khánh")]


def test_empty_csv_body_is_an_empty_list():
    assert parse_overrides_csv("date,kind,name\n") == []


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('{"overrides": [', "line 1 column"),
        ("[]", "expected an object with an 'overrides' list"),
        ('{"year": 2026}', "'overrides' list"),
        ('{"overrides": [], "overides": []}', "unknown key(s) overides"),
        ('{"year": "2026", "overrides": []}', "'year' must be a whole number"),
        (_json_with(["2026-01-02"]), "entry 1: expected an object"),
        (_json_with([{"date": "2026-02-30", "kind": "off", "name": "x"}]), "entry 1: date '2026-02-30' does not exist"),
        (_json_with([{"date": "2026/02/03", "kind": "off", "name": "x"}]), "is not YYYY-MM-DD or DD/MM/YYYY"),
        (_json_with([{"date": 20260203, "kind": "off", "name": "x"}]), "entry 1: date 20260203"),
        (_json_with([{"date": "2026-02-03", "kind": "holiday", "name": "x"}]), "kind 'holiday' is not 'off' or 'work'"),
        (_json_with([{"date": "2026-02-03", "kind": "off"}]), "entry 1: name is missing"),
        (_json_with([{"date": "2026-02-03", "kind": "off", "name": "  "}]), "name is missing"),
        (_json_with([{"date": "2026-02-03", "kind": "off", "name": "x", "note": 5}]), "note must be text"),
        (_json_with([{"date": "2026-02-03", "kind": "off", "name": "x", "day": 1}]), "entry 1: unknown key(s) day"),
        (_json_with([{"date": "2025-12-31", "kind": "off", "name": "x"}], year=2026), "not in year 2026"),
    ],
)
def test_malformed_json_is_rejected(text, fragment):
    with pytest.raises(CalendarFormatError) as caught:
        parse_overrides_json(text, source="2026.json")
    assert fragment in caught.value.message
    assert caught.value.message.startswith("2026.json")
    assert caught.value.code == "calendar_format"
    assert isinstance(caught.value, InvalidInput)


def test_json_error_names_the_bad_entry_not_the_first():
    entries = [
        {"date": "2026-01-02", "kind": "off", "name": "ok"},
        {"date": "2026-01-03", "kind": "off", "name": "ok"},
        {"date": "2026-01-04", "kind": "of", "name": "typo"},
    ]
    with pytest.raises(CalendarFormatError, match="entry 3: kind 'of'"):
        parse_overrides_json(_json_with(entries))


def test_duplicate_dates_are_rejected():
    entries = [
        {"date": "2026-01-02", "kind": "off", "name": "a"},
        {"date": "2026-01-02", "kind": "work", "name": "b"},
    ]
    with pytest.raises(CalendarFormatError, match="entry 2: date 2026-01-02 is already given in .* entry 1"):
        parse_overrides_json(_json_with(entries))
    with pytest.raises(CalendarFormatError, match="line 3: date 2026-01-02 is already given in .* line 2"):
        parse_overrides_csv("date,kind,name\n2026-01-02,off,a\n02/01/2026,off,b\n")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "no header line"),
        ("# only a comment\n", "no header line"),
        ("day,kind,name\n2026-01-02,off,x\n", "line 1: header must be"),
        ("date,kind,name\n2026-01-02,off\n", "line 2: expected 3 fields, found 2"),
        ("date,kind,name,note\n2026-01-02,off,x,y,z\n", "line 2: expected 4 fields, found 5"),
        ("# c\ndate,kind,name\n\n# c\n2026-13-01,off,x\n", "line 5: date '2026-13-01' does not exist"),
        ("date,kind,name\n2026-01-02,nghỉ,x\n", "line 2: kind 'nghỉ'"),
        ("date,kind,name\n2026-01-02,off,\n", "line 2: name is missing"),
        ("date,kind,name\n32/01/2026,off,x\n", "line 2: date '32/01/2026' does not exist"),
    ],
)
def test_malformed_csv_is_rejected(text, fragment):
    with pytest.raises(CalendarFormatError) as caught:
        parse_overrides_csv(text, source="lich.csv")
    assert fragment in caught.value.message
    assert caught.value.message.startswith("lich.csv")


def test_override_kind_is_validated():
    with pytest.raises(InvalidInput, match="'off' or 'work'"):
        CalendarOverride(date(2026, 1, 2), "holiday", "x")


def test_load_files_by_suffix(tmp_path):
    (tmp_path / "a.json").write_text(GOOD_JSON, encoding="utf-8")
    (tmp_path / "b.CSV").write_text("date,kind,name\n2026-08-31,off,Nghỉ Quốc khánh\n", encoding="utf-8")
    assert load_overrides(tmp_path / "a.json") == parse_overrides_json(GOOD_JSON)
    assert [o.day for o in load_overrides(tmp_path / "b.CSV")] == [date(2026, 8, 31)]
    (tmp_path / "readme.txt").write_text("ignored", encoding="utf-8")
    assert [o.day for o in load_overrides_dir(tmp_path)] == [
        date(2026, 1, 2), date(2026, 1, 10), date(2026, 8, 31)
    ]


def test_load_rejects_unknown_suffix_and_bad_encoding(tmp_path):
    text_file = tmp_path / "2026.txt"
    text_file.write_text(GOOD_JSON, encoding="utf-8")
    with pytest.raises(CalendarFormatError, match="2026.txt: expected a .json or .csv"):
        load_overrides(text_file)
    latin = tmp_path / "2026.csv"
    latin.write_bytes("date,kind,name\n2026-01-02,off,Nghỉ\n".encode("utf-16"))
    with pytest.raises(CalendarFormatError, match="2026.csv byte 0: not UTF-8"):
        load_overrides(latin)


def test_load_names_the_file_in_errors(tmp_path):
    bad = tmp_path / "tinh.json"
    bad.write_text(_json_with([{"date": "x", "kind": "off", "name": "y"}]), encoding="utf-8")
    with pytest.raises(CalendarFormatError, match="^tinh.json entry 1: date 'x'"):
        load_overrides(bad)


def test_json_and_csv_round_trip():
    items = parse_overrides_json(GOOD_JSON)
    assert parse_overrides_json(dump_overrides_json(items, year=2026, note="n")) == items
    assert parse_overrides_csv(dump_overrides_csv(items)) == items
    dumped = json.loads(dump_overrides_json(reversed(items), year=2026, note="n"))
    assert dumped["year"] == 2026 and dumped["note"] == "n"
    assert [entry["date"] for entry in dumped["overrides"]] == ["2026-01-02", "2026-01-10"]


def test_shipped_2026_file_loads():
    items = {o.day: o for o in load_overrides(resource_path("calendar", "2026.json"))}
    # Tết Bính Ngọ for civil servants: Saturday 14/2 to Sunday 22/2.
    tet = [date(2026, 2, day) for day in range(14, 23)]
    assert all(items[day].kind == OFF for day in tet)
    assert items[date(2026, 1, 2)].kind == OFF and items[date(2026, 1, 10)].kind == WORK
    assert items[date(2026, 8, 31)].kind == OFF and items[date(2026, 8, 22)].kind == WORK
    assert "Chưa chắc chắn" in items[date(2026, 8, 22)].note
    assert all(o.day.year == 2026 and o.name for o in items.values())
