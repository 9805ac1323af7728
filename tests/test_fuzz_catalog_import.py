"""Property-based fuzzing of the catalogue import (`counter-app catalog import`): JSON and XLSX.

Near-valid catalogues (a real export with keys dropped, values of the wrong type,
extra keys, duplicated records, huge strings, NaN/Infinity, huge numbers) go through
``CounterCore.import_catalog`` on a real SQLite workspace. Every outcome is an import
report or a typed error, and after a failed import the procedure tables are exactly what
they were (no partial write).
"""
from __future__ import annotations

import copy
import json
import math
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import text

from counter_app.catalog import dump_national_json, load_demo_catalog, write_xlsx_template
from counter_app.errors import CatalogFormatError, DuplicateImport
from tests.conftest import SAMPLE_PROCEDURES, make_core
from tests.fuzz_support import paths

FUZZ = settings(max_examples=250, deadline=None, database=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
XLSX_FUZZ = settings(FUZZ, max_examples=120)  # each example writes and reads a real workbook
TYPED = (CatalogFormatError, DuplicateImport)
TABLES = ("procedures", "procedure_components")

BASE_SPECS = load_demo_catalog()[1:4] + SAMPLE_PROCEDURES  # distinct codes
BASE_RECORDS = dump_national_json(BASE_SPECS)

ODD_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(), st.text(max_size=30),
    st.sampled_from(["", " ", "1e999", "-1", "0,5", "NaN", "Không", "15:00", "25:61", "2024-02-30", "1.001193",
                     "1.001193.000.00.00.H38", "\x00", "Ngày làm việc", "Giờ", "USD", "x" * 70_000]),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


@pytest.fixture(scope="module")
def counter(tmp_path_factory):
    core = make_core(tmp_path_factory.mktemp("fuzz-catalog") / "ws")
    yield core, tmp_path_factory.mktemp("files")
    core.workspace.close()


def dump_tables(core) -> list:
    """Every row of the procedure tables, in a fixed order: the 'bytes' of the catalogue."""
    with core.workspace.db.read() as session:
        return [(table, [tuple(row) for row in session.execute(text(f"SELECT * FROM {table} ORDER BY id"))])
                for table in TABLES]


@st.composite
def near_valid_catalogues(draw):
    records = copy.deepcopy(draw(st.lists(st.sampled_from(BASE_RECORDS), min_size=1, max_size=5)))
    for _ in range(draw(st.integers(1, 5))):
        places = list(paths(records))[1:]
        if not places:
            break
        where = draw(st.sampled_from(places))
        parent = records
        for step in where[:-1]:
            parent = parent[step]
        last = where[-1]
        action = draw(st.sampled_from(["set", "set", "delete", "extra", "duplicate", "upper", "huge"]))
        if action == "set":
            parent[last] = draw(ODD_VALUES)
        elif action == "delete":
            del parent[last]
        elif action == "extra" and isinstance(parent, dict):
            parent[draw(st.text(max_size=12))] = draw(ODD_VALUES)
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
        elif action == "upper" and isinstance(parent, dict) and isinstance(last, str):
            parent[last.lower()] = parent.pop(last)  # keys are matched case-insensitively
        elif action == "huge" and isinstance(parent[last], str):
            parent[last] = (parent[last] or "x")[:50] * 2000
    wrap = draw(st.sampled_from(["list", "data", "result", "message", "single"]))
    if wrap == "data":
        return {"data": records}
    if wrap == "result":
        return {"result": records}
    if wrap == "message":
        return {"message": json.dumps(records, ensure_ascii=False)}
    return records[0] if wrap == "single" else records


def import_file(core, path: Path):
    """Import ``path``; a report or a typed error, and an unchanged catalogue after an error."""
    before = dump_tables(core)
    try:
        report = core.import_catalog(path)
    except TYPED as exc:
        assert exc.message
        assert dump_tables(core) == before, "a failed import changed the catalogue"
        return None
    after = dump_tables(core)
    assert after != before or not report.changed
    for spec in core.procedures():  # what was stored reads back
        assert spec.code and spec.name
        for item in spec.processing_times:
            assert math.isfinite(item.amount) and item.amount >= 0
    return report


@FUZZ
@given(near_valid_catalogues())
@example(BASE_RECORDS)
@example([{**BASE_RECORDS[0], "THANHPHANHOSO": [{"GIAYTO": [{"TENGIAYTO": "A", "SOLUONG": 10**30}]}]}])
@example([{**BASE_RECORDS[0], "CACHTHUCTHUCHIEN": [{"KENH": 1, "THOIGIAN": [{"THOIGIANGIAIQUYET": 1e308 * 10}]}]}])
@example([{**BASE_RECORDS[0], "CACHTHUCTHUCHIEN": [
    {"KENH": 1, "THOIGIAN": [{"THOIGIANGIAIQUYET": 1, "PHILEPHI": [{"SOTIEN": 1e308 * 10}]}]}]}])
@example([{**BASE_RECORDS[0], "CACHTHUCTHUCHIEN": [{"KENH": 1, "THOIGIAN": [{"THOIGIANGIAIQUYET": 10**400}]}]}])
@example([{**BASE_RECORDS[0], "THANHPHANHOSO": [{"GIAYTO": [{"TENGIAYTO": "A", "SOBANCHINH": float("inf")}]}]}])
@example([{**BASE_RECORDS[0], "MATTHC": 1.001193}])
@example([BASE_RECORDS[0], BASE_RECORDS[0]])
def test_near_valid_json_catalogues(counter, catalogue):
    core, folder = counter
    path = folder / "catalogue.json"
    path.write_text(json.dumps(catalogue, ensure_ascii=False), encoding="utf-8")
    import_file(core, path)


@FUZZ
@given(st.binary(max_size=400))
@example(b"\xef\xbb\xbf[]")
@example(b"[" * 100_000)
@example(b'{"data": "' + b"[" * 5000 + b'"}')
@example(b"\xff\xfe{\x00}\x00")
def test_arbitrary_bytes_as_json(counter, raw):
    core, folder = counter
    path = folder / "bytes.json"
    path.write_bytes(raw)
    import_file(core, path)


@FUZZ
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                        st.sampled_from(["MATTHC", "TENTTHC", "data", "result", "message", "GIAYTO",
                                         "THANHPHANHOSO", "CACHTHUCTHUCHIEN", "KENH", "x"]), inner, max_size=4),
                    max_leaves=25))
def test_arbitrary_json_values(counter, value):
    core, folder = counter
    path = folder / "value.json"
    path.write_text(json.dumps(value), encoding="utf-8")
    import_file(core, path)


# ---------------------------------------------------------------- XLSX

CELL_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**62), 2**62), st.floats(allow_nan=False, allow_infinity=False),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
    st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
    st.times(), st.sampled_from(["1.001193", "Bản sao", "Có", "Không", "15:00", "8.000 đồng", "x" * 32_000]),
)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "template.xlsx"
    write_xlsx_template(path, BASE_SPECS)
    return path


@XLSX_FUZZ
@given(st.lists(st.tuples(st.sampled_from(["ThuTuc", "ThanhPhan"]), st.integers(1, 12), st.integers(1, 40),
                          CELL_VALUES), min_size=1, max_size=8),
       st.sampled_from(["none", "rename_sheet", "drop_sheet", "blank_header"]))
@example([("ThuTuc", 2, 6, 10**18)], "none")
@example([("ThanhPhan", 2, 6, 10**18)], "none")
@example([("ThuTuc", 2, 1, 1.001193)], "none")
def test_near_valid_xlsx_workbooks(counter, template, edits, damage):
    core, folder = counter
    workbook = load_workbook(template)
    for sheet, row, column, value in edits:
        workbook[sheet].cell(row, column).value = value
    if damage == "rename_sheet":
        workbook["ThanhPhan"].title = "Papers"
    elif damage == "drop_sheet":
        del workbook["ThuTuc"]
    elif damage == "blank_header":
        workbook["ThuTuc"].cell(1, 2).value = None
    path = folder / "catalogue.xlsx"
    workbook.save(path)
    import_file(core, path)


@XLSX_FUZZ
@given(st.data())
def test_damaged_xlsx_files(counter, template, data):
    core, folder = counter
    original = template.read_bytes()
    raw = bytearray(original)
    cut = data.draw(st.integers(0, len(raw)))
    if data.draw(st.booleans()):
        del raw[cut:]
    else:
        for _ in range(data.draw(st.integers(1, 20))):
            raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    path = folder / "damaged.xlsx"
    path.write_bytes(bytes(raw))
    import_file(core, path)


@FUZZ
@given(st.binary(max_size=300))
@example(b"PK\x03\x04")
@example(b"PK\x05\x06" + b"\x00" * 18)
def test_arbitrary_bytes_as_xlsx(counter, raw):
    core, folder = counter
    path = folder / "bytes.xlsx"
    path.write_bytes(raw)
    import_file(core, path)


def test_a_failed_import_after_a_good_one_keeps_the_good_one(counter):
    core, folder = counter
    good = folder / "good.json"
    good.write_text(json.dumps(BASE_RECORDS, ensure_ascii=False), encoding="utf-8")
    try:
        core.import_catalog(good)
    except DuplicateImport:
        pass
    stored = dump_tables(core)
    bad_records = copy.deepcopy(BASE_RECORDS)
    bad_records[0]["TENTTHC"] = "Đổi tên"  # would be a new version...
    bad_records[-1]["THANHPHANHOSO"][0]["GIAYTO"][0]["SOLUONG"] = -1  # ...but the file is wrong elsewhere
    bad = folder / "bad.json"
    bad.write_text(json.dumps(bad_records, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CatalogFormatError):
        core.import_catalog(bad)
    assert dump_tables(core) == stored

