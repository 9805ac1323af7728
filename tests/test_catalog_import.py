"""Catalogue import: national JSON, the officers' XLSX sheet, the demo data, fingerprints."""
from __future__ import annotations

import copy
import json
import unicodedata
from dataclasses import replace
from datetime import time

import pytest
from openpyxl import Workbook

from counter_app.catalog import (
    dump_national_json, fingerprint, load_demo_catalog, load_national_json, load_xlsx, write_xlsx_template,
)
from counter_app.catalog.model import Channel, CopyKind, Fee, TimeUnit
from counter_app.errors import CatalogFormatError
from counter_app.resources import resource_path

# Shaped like a real LayThuTuc answer: upper-case keys, numbers as strings, a province
# instance code, the same paper under two cases, a USD fee and a cutoff only in the text.
SERVICE_RECORD = {
    "MaTTHC": "1.004873.000.00.00.H38",
    "TENTTHC": "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân",
    "LINHVUCTHUCHIEN": [{"MALINHVUC": "G09-TP03", "TENLINHVUC": "Hộ tịch"}],
    "CAPTHUCHIEN": [{"CAPTHUCHIEN": 3}],
    "COQUANTHUCHIEN": [{"MADONVI": "000.00.00.H38", "TENDONVI": "Ủy ban nhân dân cấp xã"}],
    "CACHTHUCTHUCHIEN": [
        {"KENH": 1, "THOIGIAN": [{"THOIGIANGIAIQUYET": "3", "DONVITINH": "Ngày làm việc",
                                  "MOTA": "nhận hồ sơ sau 15 giờ thì tính từ ngày làm việc tiếp theo",
                                  "PHILEPHI": [{"MAPHILEPHI": "2", "SOTIEN": "8.000", "DONVI": "Đồng", "MOTA": "Lệ phí"},
                                               {"SOTIEN": "10", "DONVI": "USD", "MOTA": "Cơ quan đại diện"}]}]},
        {"KENH": "Nộp qua bưu chính công ích", "THOIGIAN": [{"THOIGIANGIAIQUYET": 23, "DONVITINH": "Ngày",
                                                           "PHILEPHI": [{"SOTIEN": "Không"}]}]},
    ],
    "THANHPHANHOSO": [
        {"TRUONGHOP": "Kết hôn", "GIAYTO": [{"MAGIAYTO": "TK", "TENGIAYTO": "Tờ khai", "SOBANCHINH": "1",
                                            "SOBANSAO": "0", "TENMAUDON": "TK XNTTHN.doc"}]},
        {"TRUONGHOP": "Mục đích khác", "GIAYTO": [
            {"MAGIAYTO": "TK", "TENGIAYTO": "Tờ khai", "SOBANCHINH": 1, "SOBANSAO": 0},
            {"MAGIAYTO": "LH", "TENGIAYTO": "Trích lục ly hôn", "SOBANCHINH": 0, "SOBANSAO": 1},
            {"MAGIAYTO": "CC", "TENGIAYTO": "Căn cước", "SOBANCHINH": 0, "SOBANSAO": 0}]},
    ],
    "KETQUATHUCHIEN": [{"MAKETQUA": "KQ1", "TENKETQUA": "Giấy xác nhận tình trạng hôn nhân"}],
    "CANCUPHAPLY": [{"SOVANBAN": "60/2014/QH13", "TENVANBAN": "Luật Hộ tịch"}],
}


def _record(**changes) -> dict:
    record = copy.deepcopy(SERVICE_RECORD)
    record.update(changes)
    return record


def _error(source) -> str:
    with pytest.raises(CatalogFormatError) as info:
        load_national_json(source)
    return info.value.message


@pytest.fixture(scope="module")
def demo():
    return load_demo_catalog()


# ---------------------------------------------------------------- demo catalogue

def test_demo_catalogue_is_complete_enough_for_a_commune_counter(demo):
    assert len(demo) >= 32
    assert len({spec.code for spec in demo}) == len(demo)
    for spec in demo:
        assert spec.components, spec.code
        direct = spec.processing_time(Channel.DIRECT)
        assert direct is not None and direct.channel is Channel.DIRECT, spec.code
        assert spec.level == "Cấp xã" and spec.name and spec.field and spec.legal_basis, spec.code


def test_demo_catalogue_covers_the_required_kinds(demo):
    by_code = {spec.code: spec for spec in demo}
    required = {
        "1.001193": "khai sinh", "1.000656": "khai tử", "1.000894": "kết hôn", "1.004873": "tình trạng hôn nhân",
        "1.001022": "nhận cha, mẹ, con", "1.004772": "khai sinh cho người đã có", "2.000635": "bản sao Trích lục",
        "1.004837": "giám hộ", "1.004859": "cải chính", "2.000815": "bản sao từ bản chính",
        "2.000884": "chứng thực chữ ký", "2.001035": "chứng thực hợp đồng",
    }
    for code, words in required.items():
        assert words.lower() in by_code[code].name.lower(), code
    fields = [spec.field for spec in demo]
    assert fields.count("Đăng ký, quản lý cư trú") >= 3
    assert fields.count("Bảo trợ xã hội") >= 3
    assert sum(f in ("Đất đai", "Hoạt động xây dựng") for f in fields) >= 3


def test_same_day_procedures_have_the_15_oclock_cutoff(demo):
    by_code = {spec.code: spec for spec in demo}
    birth = by_code["1.001193"]
    assert birth.processing_time().amount == 0 and birth.processing_time().unit is TimeUnit.WORKING_DAYS
    assert birth.cutoff == time(15, 0)
    assert birth.fee(Channel.DIRECT).amount_vnd == 0 and "Miễn" in birth.fee().description
    for code in ("2.000815", "2.000884"):
        assert by_code[code].processing_time().amount == 0 and by_code[code].cutoff == time(15, 0)
    assert by_code["2.000884"].fee().amount_vnd == 10000
    assert by_code["1.004222"].fee(Channel.ONLINE).amount_vnd == 10000  # Circular 75/2022
    assert by_code["1.004873"].cutoff is None and by_code["1.004873"].processing_time().amount == 3


def test_unverified_demo_facts_are_marked_for_checking(demo):
    notes = [spec.extra.get("note", "") for spec in demo]
    assert all(note.startswith("cần kiểm tra") for note in notes if note)
    assert 0 < sum(bool(note) for note in notes) < len(demo)
    assert all(spec.extra["version"] for spec in demo)


def test_resource_root_can_be_overridden(tmp_path, monkeypatch):
    (tmp_path / "catalog").mkdir()
    (tmp_path / "catalog" / "demo_catalog.json").write_text(json.dumps([SERVICE_RECORD]), encoding="utf-8")
    monkeypatch.setenv("COUNTER_APP_RESOURCES", str(tmp_path))
    assert resource_path("catalog") == tmp_path / "catalog"
    assert [spec.code for spec in load_demo_catalog()] == ["1.004873"]


# ---------------------------------------------------------------- national JSON

def test_service_record_maps_onto_the_domain():
    (spec,) = load_national_json(SERVICE_RECORD)
    assert (spec.code, spec.field, spec.level) == ("1.004873", "Hộ tịch", "Cấp xã")
    assert spec.extra["instance_code"] == "1.004873.000.00.00.H38" and spec.extra["field_code"] == "G09-TP03"
    assert spec.receiving_agency == "Ủy ban nhân dân cấp xã"
    direct, postal = spec.processing_time(Channel.DIRECT), spec.processing_time(Channel.POSTAL)
    assert (direct.amount, direct.unit) == (3, TimeUnit.WORKING_DAYS)
    assert (postal.amount, postal.unit) == (23, TimeUnit.CALENDAR_DAYS)
    assert spec.fees == (Fee(Channel.DIRECT, 8000, "Lệ phí"), Fee(Channel.POSTAL, 0, ""))  # USD fee skipped
    assert spec.cutoff == time(15, 0)  # read from "sau 15 giờ"
    assert [(c.code, c.copy_kind, c.count) for c in spec.components] == [
        ("TK", CopyKind.ORIGINAL, 1), ("LH", CopyKind.COPY, 1), ("CC", CopyKind.PRESENT_ORIGINAL, 1)]
    assert spec.components[0].form_name == "TK XNTTHN.doc" and spec.components[1].form_name is None
    assert spec.results == ("Giấy xác nhận tình trạng hôn nhân",)
    assert spec.legal_basis == ("Luật Hộ tịch (60/2014/QH13)",)


@pytest.mark.parametrize("wrap", [
    lambda r: r, lambda r: [r], lambda r: {"data": [r]}, lambda r: {"error_code": 0, "result": [r]},
    lambda r: {"data": {"result": r}}, lambda r: {"message": json.dumps({"result": [r]})},
    lambda r: json.dumps({"data": [r]}), lambda r: json.dumps([r]).encode("utf-8"),
])
def test_single_list_and_envelope_forms(wrap):
    assert [spec.code for spec in load_national_json(wrap(SERVICE_RECORD))] == ["1.004873"]


def test_json_round_trip_through_a_file(demo, tmp_path):
    path = tmp_path / "export.json"
    path.write_text(json.dumps(dump_national_json(demo), ensure_ascii=False), encoding="utf-8")
    back = load_national_json(path)
    assert back == demo
    assert [s.extra for s in back] == [s.extra for s in demo]
    (service,) = load_national_json(SERVICE_RECORD)
    assert load_national_json(dump_national_json([service])) == [service]


def test_bad_json_names_the_position(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"data": [\n  {"MATTHC": "1.001193",}\n]}', encoding="utf-8")
    message = _error(path)
    assert "broken.json" in message and "not valid JSON" in message and "line 2" in message


@pytest.mark.parametrize(("changes", "expected"), [
    ({"MaTTHC": None}, ["record #2", "MATTHC", "missing"]),
    ({"MaTTHC": "HT-01"}, ["record #2", "MATTHC", "national procedure code"]),
    ({"CACHTHUCTHUCHIEN": [{"KENH": 1, "THOIGIAN": [{"THOIGIANGIAIQUYET": -2}]}]},
     ["record #2 (1.004873.000.00.00.H38)", "CACHTHUCTHUCHIEN[0].THOIGIAN[0].THOIGIANGIAIQUYET", "negative"]),
    ({"CACHTHUCTHUCHIEN": [{"KENH": 1, "THOIGIAN": [{"THOIGIANGIAIQUYET": 2, "DONVITINH": "Tháng"}]}]},
     ["THOIGIAN[0].DONVITINH", "unknown time unit 'Tháng'"]),
    ({"CACHTHUCTHUCHIEN": "Trực tiếp"}, ["field CACHTHUCTHUCHIEN", "expected a list, got str"]),
    ({"TENTTHC": 42}, ["TENTTHC", "expected text, got int"]),
    ({"CACHTHUCTHUCHIEN": [{"KENH": 1, "THOIGIAN": [{"PHILEPHI": [{"SOTIEN": "tám nghìn"}]}]}]},
     ["PHILEPHI[0].SOTIEN", "not an amount in VND"]),
    ({"CACHTHUCTHUCHIEN": [{"KENH": 9}]}, ["CACHTHUCTHUCHIEN[0].KENH", "unknown channel"]),
    ({"THANHPHANHOSO": [{"GIAYTO": [{"MAGIAYTO": "A", "SOBANCHINH": 1}]}]}, ["GIAYTO[0].TENGIAYTO", "missing"]),
])
def test_malformed_records_are_rejected_whole_with_location(changes, expected):
    good = copy.deepcopy(SERVICE_RECORD)
    good["MaTTHC"] = "1.001193"
    message = _error({"data": [good, _record(**changes)]})
    for words in expected:
        assert words in message


def test_every_problem_is_reported_at_once():
    bad_time = [{"KENH": 1, "THOIGIAN": [{"THOIGIANGIAIQUYET": "ba"}]}]
    with pytest.raises(CatalogFormatError) as info:
        load_national_json([_record(TENTTHC=""), _record(MaTTHC="1.000656", CACHTHUCTHUCHIEN=bad_time)])
    problems = info.value.details["problems"]
    assert len(problems) == 2 and "record #1" in problems[0] and "record #2 (1.000656)" in problems[1]


def test_duplicate_and_empty_catalogues_are_rejected():
    assert "already used by record #1" in _error([SERVICE_RECORD, SERVICE_RECORD])
    assert "contains no procedures" in _error({"data": []})
    assert "expected a procedure record" in _error({"hello": "world"})


# ---------------------------------------------------------------- XLSX

def test_xlsx_round_trip_through_a_real_file(demo, tmp_path):
    path = tmp_path / "catalogue.xlsx"
    write_xlsx_template(path, demo)
    back = load_xlsx(path)
    assert back == demo
    assert [fingerprint(s) for s in back] == [fingerprint(s) for s in demo]
    assert back[0].extra["version"] == demo[0].extra["version"]


def _workbook(path, procedures: list[list], papers: list[list] | None = None):
    book = Workbook()
    book.active.title = "Thu tuc"  # sheet names match like headers do
    for row in procedures:
        book.active.append(row)
    sheet = book.create_sheet("THANHPHAN")
    for row in papers if papers is not None else [["ma thu tuc", "ten giay to"], ["1.001193", "Tờ khai"]]:
        sheet.append(row)
    book.save(path)
    return path


def test_hand_made_sheet_with_loose_headers(tmp_path):
    path = _workbook(tmp_path / "loose.xlsx", [
        ["LỆ PHÍ TRỰC TIẾP", "ten thu tuc", "Mã Thủ Tục", "thoi han truc tiep", "Don vi thoi han truc tiep",
         "Gio chot tiep nhan", "Cột riêng của tỉnh"],
        ["8.000 đ", "Thủ tục đăng ký khai sinh", "1.001193", 0, "ngày làm việc", "15h", "bỏ qua"],
    ], [["Ma thu tuc", "STT", "Ten giay to", "Loai ban", "So luong", "Bat buoc"],
        ["1.001193", 2, "Giấy chứng sinh", "bản chính", 1, "có"],
        ["1.001193", 1, "Tờ khai", "Ban sao chung thuc", "2", "không"]])
    (spec,) = load_xlsx(path)
    assert (spec.code, spec.fee().amount_vnd, spec.cutoff) == ("1.001193", 8000, time(15, 0))
    assert [(c.code, c.name, c.copy_kind, c.count, c.mandatory) for c in spec.components] == [
        ("TP1", "Tờ khai", CopyKind.CERTIFIED_COPY, 2, False), ("TP2", "Giấy chứng sinh", CopyKind.ORIGINAL, 1, True)]


@pytest.mark.parametrize(("procedures", "papers", "expected"), [
    ([], None, ["sheet ThuTuc is empty"]),
    ([["Tên thủ tục"], ["Khai sinh"]], None, ["sheet ThuTuc", "required column 'Mã thủ tục' is missing"]),
    ([["Mã thủ tục", "Tên thủ tục", "Lệ phí trực tiếp"], ["1.001193", "Khai sinh", "tám nghìn"]], None,
     ["sheet ThuTuc, row 2, column 'Lệ phí trực tiếp'", "not an amount in VND"]),
    ([["Mã thủ tục", "Tên thủ tục", "Thời hạn trực tiếp"], ["1.001193", "Khai sinh", -1]], None,
     ["row 2, column 'Thời hạn trực tiếp'", "negative"]),
    ([["Mã thủ tục", "Tên thủ tục", "Đơn vị thời hạn trực tiếp", "Thời hạn trực tiếp"], ["1.001193", "Khai sinh", "tuần", 1]],
     None, ["column 'Đơn vị thời hạn trực tiếp'", "unknown time unit"]),
    ([["Mã thủ tục", "Tên thủ tục"], [2.00081, "Chứng thực"]], None, ["row 2, column 'Mã thủ tục'", "format the column as Text"]),
    ([["Mã thủ tục", "Tên thủ tục"], ["1.001193", "Khai sinh"]], [["Mã thủ tục", "Tên giấy tờ"], ["1.000656", "Tờ khai"]],
     ["sheet ThanhPhan, row 2", "no procedure 1.000656 in sheet ThuTuc"]),
    ([["Mã thủ tục", "Tên thủ tục"], ["1.001193", "Khai sinh"]], [["Mã thủ tục"]], ["required column 'Tên giấy tờ'"]),
])
def test_malformed_sheets_name_sheet_row_and_column(tmp_path, procedures, papers, expected):
    path = _workbook(tmp_path / "bad.xlsx", procedures, papers)
    with pytest.raises(CatalogFormatError) as info:
        load_xlsx(path)
    for words in expected:
        assert words in info.value.message


def test_missing_sheet_and_non_workbook_are_rejected(tmp_path):
    book = Workbook()
    book.active.title = "ThuTuc"
    book.save(tmp_path / "one_sheet.xlsx")
    with pytest.raises(CatalogFormatError, match="sheet ThanhPhan is missing"):
        load_xlsx(tmp_path / "one_sheet.xlsx")
    (tmp_path / "fake.xlsx").write_text("not a zip", encoding="utf-8")
    with pytest.raises(CatalogFormatError, match="not a readable XLSX"):
        load_xlsx(tmp_path / "fake.xlsx")


def test_blank_template_has_both_sheets_and_no_data(tmp_path):
    write_xlsx_template(tmp_path / "blank.xlsx")
    with pytest.raises(CatalogFormatError) as info:
        load_xlsx(tmp_path / "blank.xlsx")
    assert "sheet ThuTuc has a header but no data rows" in info.value.message


# ---------------------------------------------------------------- fingerprint

def test_fingerprint_is_stable(demo):
    spec = demo[0]
    assert fingerprint(spec) == fingerprint(replace(spec)) and len(fingerprint(spec)) == 64
    relabelled = replace(spec, extra={"version": "other", "note": ""})
    assert fingerprint(relabelled) == fingerprint(spec)  # our labels are not content
    decomposed = replace(spec, name=unicodedata.normalize("NFD", spec.name))
    assert fingerprint(decomposed) == fingerprint(spec)
    reordered = replace(spec, processing_times=tuple(reversed(spec.processing_times)))
    assert fingerprint(reordered) == fingerprint(spec)  # channel order is not content
    assert len({fingerprint(s) for s in demo}) == len(demo)


@pytest.mark.parametrize("change", [
    lambda s: replace(s, name=s.name + " (sửa đổi)"),
    lambda s: replace(s, fees=(replace(s.fees[0], amount_vnd=s.fees[0].amount_vnd + 1000),) + s.fees[1:]),
    lambda s: replace(s, processing_times=(replace(s.processing_times[0], amount=1),) + s.processing_times[1:]),
    lambda s: replace(s, processing_times=(replace(s.processing_times[0], unit=TimeUnit.CALENDAR_DAYS),)
                      + s.processing_times[1:]),
    lambda s: replace(s, components=(replace(s.components[0], count=2),) + s.components[1:]),
    lambda s: replace(s, components=s.components[1:]),
    lambda s: replace(s, cutoff=time(16, 0)),
    lambda s: replace(s, legal_basis=s.legal_basis + ("Nghị định mới",)),
])
def test_fingerprint_is_sensitive_to_content(demo, change):
    birth = next(s for s in demo if s.code == "1.001193")
    assert fingerprint(change(birth)) != fingerprint(birth)
