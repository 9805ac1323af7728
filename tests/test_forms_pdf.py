"""The one-stop forms as PDF: text survives extraction by two independent readers
(pypdf and poppler's pdftotext), the QR scans back to the dossier code, the register
spans pages with its heading row, templates are versioned and output is reproducible.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
import unicodedata
from dataclasses import replace
from datetime import datetime
from io import BytesIO

import pypdf
import pytest

from counter_app.errors import InvalidFormTemplate, InvalidInput, UnknownFormTemplate
from counter_app.forms import available_templates, render_form, render_register, templates
from counter_app.forms.context import (
    Applicant,
    ComponentLine,
    DossierFormContext,
    MissingItem,
    OfficeInfo,
    RegisterContext,
    RegisterRow,
)
from counter_app.resources import ENV_VAR, resource_root

CODE = "000.00.31.H41-261125-0001"
LONG_PROCEDURE = (
    "Thủ tục đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con và cấp bản sao "
    "trích lục hộ tịch cho người có yêu cầu tại Ủy ban nhân dân cấp xã"
)
LONG_COMPONENT = (
    "Giấy chứng sinh do cơ sở y tế nơi trẻ em sinh ra cấp; trường hợp không có giấy "
    "chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh"
)
OFFICE = OfficeInfo(
    agency_id="000.00.31.H41",
    agency_name="UBND xã Gia Viễn",
    parent_name="UBND tỉnh Ninh Bình",
    place_name="Gia Viễn",
)


def dossier(**changes) -> DossierFormContext:
    base = DossierFormContext(
        office=OFFICE,
        dossier_code=CODE,
        applicant=Applicant(
            name="Nguyễn Văn An",
            id_number="001099012345",
            address="Số 1, Phường Hoa Lư, Ninh Bình",
            phone="0912345678",
            email="an.nguyen@example.vn",
        ),
        procedure_code="1.001193",
        procedure_name=LONG_PROCEDURE,
        officer_name="Trần Thị Bình",
        officer_phone="0987654321",
        components=(
            ComponentLine("Tờ khai đăng ký khai sinh", "Bản chính"),
            ComponentLine(LONG_COMPONENT, "Bản chính"),
            ComponentLine("Giấy khai sinh của cha hoặc mẹ", "Bản sao", 2),
        ),
        sets_count=1,
        processing_time_text="03 ngày làm việc",
        received_at=datetime(2026, 11, 20, 8, 30),
        due_at=datetime(2026, 11, 25, 16, 0),
        register_book="01/2026",
        register_line=125,
        missing=(
            MissingItem("Giấy chứng sinh", "Chưa nộp bản chính"),
            MissingItem("Giấy xác nhận tình trạng hôn nhân", "Bản sao không có chứng thực"),
            MissingItem("Tờ khai có chữ ký của người đi đăng ký"),
        ),
        refusal_reason="Thủ tục không thuộc thẩm quyền giải quyết của UBND xã Gia Viễn.",
    )
    return replace(base, **changes)


def register(rows: int = 60, **changes) -> RegisterContext:
    lines = tuple(
        RegisterRow(
            number=n,
            dossier_code=f"000.00.31.H41-261102-{n:04d}",
            procedure_name=LONG_PROCEDURE if n % 7 == 0 else "Chứng thực bản sao từ bản chính",
            sets_count=1,
            applicant_name=f"Lê Thị Hồng {n}",
            applicant_contact="Thôn Đông, xã Gia Viễn; 0912345678",
            processing_agency="UBND xã Gia Viễn",
            received_at=datetime(2026, 11, 2, 8, n % 60),
            due_at=datetime(2026, 11, 5, 16, 0),
            transferred_to="Công chức Tư pháp - Hộ tịch",
            result_at=datetime(2026, 11, 4, 10, 0),
        )
        for n in range(1, rows + 1)
    )
    return replace(
        RegisterContext(office=OFFICE, title_period="Tháng 11 năm 2026", rows=lines,
                        printed_at=datetime(2026, 11, 30, 17, 0)),
        **changes,
    )


# -- text extraction ------------------------------------------------------------
def flat(text: str) -> str:
    """Collapse whitespace so text wrapped over lines still matches as one string."""
    return re.sub(r"\s+", " ", text).strip()


def pypdf_pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(BytesIO(pdf)).pages]


def poppler_pages(pdf: bytes, tmp_path) -> list[str]:
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) must be installed"
    path = tmp_path / "form.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                         check=True, capture_output=True).stdout.decode("utf-8")
    return out.split("\f")[:-1]  # pdftotext ends every page with a form feed


@pytest.fixture(params=["pypdf", "pdftotext"])
def extract(request, tmp_path):
    """Both readers: a glyph that maps back wrongly in either is a real defect."""
    if request.param == "pypdf":
        return lambda pdf: [flat(t) for t in pypdf_pages(pdf)]
    return lambda pdf: [flat(t) for t in poppler_pages(pdf, tmp_path)]


def assert_contains(text: str, *expected: str) -> None:
    assert unicodedata.is_normalized("NFC", text)
    for item in expected:
        assert item in text, f"{item!r} not found in extracted text"


# -- form 01 ----------------------------------------------------------------------
def test_receipt_prints_every_field_with_intact_vietnamese(extract):
    (text,) = extract(render_form("01", dossier()))
    assert_contains(
        text,
        "UBND TỈNH NINH BÌNH",
        "TRUNG TÂM PHỤC VỤ HÀNH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Gia Viễn, ngày 20 tháng 11 năm 2026",
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        f"Mã hồ sơ: {CODE}",
        "Tiếp nhận hồ sơ của: Nguyễn Văn An",
        "Số 1, Phường Hoa Lư, Ninh Bình",
        "0912345678",
        "an.nguyen@example.vn",
        "Số lượng hồ sơ: 01 (bộ)",
        "03 ngày làm việc",
        "Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 20/11/2026",
        "Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 25/11/2026",
        "Tại Bộ phận Một cửa",
        "Quyển số: 01/2026, Số thứ tự: 125",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "(Ký và ghi rõ họ tên)",
        "Trần Thị Bình",
    )
    # Long procedure names wrap instead of being clipped.
    assert LONG_PROCEDURE in text


def test_receipt_lists_every_component_row(extract):
    (text,) = extract(render_form("01", dossier()))
    assert_contains(text, "STT", "Tên giấy tờ", "Số lượng")
    assert_contains(text, "Tờ khai đăng ký khai sinh", "Giấy khai sinh của cha hoặc mẹ", "Bản sao")
    assert LONG_COMPONENT in text  # wrapped inside its cell, in order


def test_decomposed_input_is_printed_as_nfc(extract):
    nfd_name = unicodedata.normalize("NFD", "Nguyễn Thị Ánh Tuyết")
    ctx = dossier(applicant=Applicant(name=nfd_name, address="Xã Gia Viễn"))
    (text,) = extract(render_form("01", ctx))
    assert_contains(text, "Nguyễn Thị Ánh Tuyết")


def test_missing_values_print_as_blanks_to_fill_by_hand(extract):
    ctx = dossier(applicant=Applicant(name="Nguyễn Văn An"), register_book="", register_line=None)
    (text,) = extract(render_form("01", ctx))
    assert "None" not in text
    assert_contains(text, "Email: …………", "Quyển số: …………")


def test_many_components_continue_on_a_second_page(extract):
    lines = tuple(ComponentLine(f"Giấy tờ số {n}: {LONG_COMPONENT}", "Bản sao") for n in range(1, 26))
    pages = extract(render_form("01", dossier(components=lines)))
    assert len(pages) >= 2
    assert all(f"Giấy tờ số {n}:" in " ".join(pages) for n in range(1, 26))
    assert "Tên giấy tờ" in pages[1]  # heading row repeated
    for number, page in enumerate(pages, start=1):
        assert f"Trang {number}/{len(pages)}" in page


def test_one_page_form_has_no_page_number(extract):
    (text,) = extract(render_form("01", dossier()))
    assert "Trang" not in text


def word_boxes(pdf: bytes, tmp_path) -> list[tuple[float, float, float, float, float, float]]:
    """(page width, page height, xmin, ymin, xmax, ymax) of every word, from poppler."""
    path = tmp_path / "boxes.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")
    boxes = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        size = (float(page[1]), float(page[2]))
        for word in re.finditer(r'xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)"', page[3]):
            boxes.append(size + tuple(float(v) for v in word.groups()))
    return boxes


@pytest.mark.parametrize("render", [
    lambda: render_form("01", dossier()),
    lambda: render_form("02", dossier()),
    lambda: render_form("03", dossier()),
    lambda: render_register(register(60)),
], ids=["01", "02", "03", "register"])
def test_no_text_runs_off_the_page(render, tmp_path):
    boxes = word_boxes(render(), tmp_path)
    assert len(boxes) > 50
    for width, height, x0, y0, x1, y1 in boxes:
        assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height


# -- forms 02 and 03 --------------------------------------------------------------------
def test_supplement_request_lists_all_missing_items_at_once(extract):
    (text,) = extract(render_form("02", dossier()))
    assert_contains(
        text,
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        f"Mã hồ sơ: {CODE}",
        "Hồ sơ của: Nguyễn Văn An",
        "1. Giấy chứng sinh",
        "Lý do: Chưa nộp bản chính",
        "2. Giấy xác nhận tình trạng hôn nhân",
        "Lý do: Bản sao không có chứng thực",
        "3. Tờ khai có chữ ký của người đi đăng ký",
        "liên hệ với Trần Thị Bình, số điện thoại 0987654321",
        "NGƯỜI HƯỚNG DẪN",
    )
    assert text.count("Lý do:") == 2  # no empty reason line for the third item


def test_refusal_states_applicant_procedure_and_reason(extract):
    (text,) = extract(render_form("03", dossier()))
    assert_contains(
        text,
        "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
        "Tiếp nhận hồ sơ của: Nguyễn Văn An",
        LONG_PROCEDURE,
        "với lý do: Thủ tục không thuộc thẩm quyền giải quyết của UBND xã Gia Viễn.",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
    )


# -- QR -----------------------------------------------------------------------------------
@pytest.mark.parametrize("form_id", ["01", "02", "03"])
def test_qr_on_page_one_decodes_to_the_dossier_code(form_id):
    import pypdfium2
    import zxingcpp  # test dependency: zxing-cpp

    document = pypdfium2.PdfDocument(render_form(form_id, dossier()))
    try:
        image = document[0].render(scale=150 / 72).to_pil()
    finally:
        document.close()
    found = zxingcpp.read_barcodes(image)
    assert [(b.text, b.format) for b in found] == [(CODE, zxingcpp.BarcodeFormat.QRCode)]
    # In the top area of the page, where the return desk scans it.
    assert found[0].position.top_left.y < image.height / 4


# -- register -------------------------------------------------------------------------------
def test_register_of_60_rows_spans_pages_with_heading_on_each(extract):
    pages = extract(render_register(register(60)))
    assert len(pages) >= 3
    assert_contains(pages[0], "SỔ THEO DÕI HỒ SƠ", "Tháng 11 năm 2026", "Gia Viễn, ngày 30 tháng 11 năm 2026")
    for page in pages:
        assert_contains(page, "STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Hẹn trả kết quả", "Ký nhận", "Ghi chú")
    everything = " ".join(pages)
    codes = everything.replace("- ", "-")  # codes wrap after a hyphen in their narrow column
    for n in range(1, 61):
        assert codes.count(f"000.00.31.H41-261102-{n:04d}") == 1
    assert_contains(everything, "Lê Thị Hồng 60", "02/11/2026", "05/11/2026", "04/11/2026", LONG_PROCEDURE)
    assert f"Trang 1/{len(pages)}" in pages[0]


def test_register_pages_are_landscape():
    reader = pypdf.PdfReader(BytesIO(render_register(register(5))))
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)


def test_empty_register_still_prints(extract):
    (text,) = extract(render_register(register(0)))
    assert_contains(text, "SỔ THEO DÕI HỒ SƠ", "(Không có hồ sơ)")


# -- templates --------------------------------------------------------------------------------
def test_shipped_templates_are_listed():
    found = available_templates()
    assert set(found) == {"01", "02", "03", "register"}
    assert all("2018-01" in versions for versions in found.values())


@pytest.mark.parametrize("form_id", ["04", "", "../01", "register "])
def test_unknown_form_is_a_typed_error(form_id):
    with pytest.raises(UnknownFormTemplate) as error:
        render_form(form_id, dossier())
    assert error.value.code == "unknown_form_template"
    assert isinstance(error.value, InvalidInput)


@pytest.mark.parametrize("version", ["1999-01", "../02/2018-01", ""])
def test_unknown_version_is_a_typed_error(version):
    with pytest.raises(UnknownFormTemplate):
        render_form("01", dossier(template_version=version))
    with pytest.raises(UnknownFormTemplate):
        render_register(register(1, template_version=version))


def test_register_is_not_a_dossier_form():
    with pytest.raises(InvalidInput):
        render_form("register", dossier())


@pytest.fixture
def forms_root(tmp_path, monkeypatch):
    """A resources folder with the shipped templates plus a newer version of form 01,
    as a province would ship it."""
    shipped = resource_root()
    (tmp_path / "fonts").symlink_to(shipped / "fonts")
    root = tmp_path / "forms"
    shutil.copytree(shipped / "forms", root)
    newer = json.loads((root / "01" / "2018-01.json").read_text(encoding="utf-8"))
    newer.update(version="2025-10", title=["GIẤY TIẾP NHẬN HỒ SƠ (MẪU MỚI)"])
    (root / "01" / "2025-10.json").write_text(json.dumps(newer, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    return root


def test_newest_version_by_default_and_named_version_on_request(forms_root):
    assert available_templates()["01"] == ("2018-01", "2025-10")
    newest = flat(pypdf_pages(render_form("01", dossier()))[0])
    assert "GIẤY TIẾP NHẬN HỒ SƠ (MẪU MỚI)" in newest
    pinned = flat(pypdf_pages(render_form("01", dossier(template_version="2018-01")))[0])
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in pinned
    assert "MẪU MỚI" not in pinned


def test_versions_sort_by_number_not_text():
    assert sorted(["2025-10", "2018-01", "2025-9"], key=templates._version_key) == [
        "2018-01", "2025-9", "2025-10"]


@pytest.mark.parametrize("broken", [
    "{not json",
    json.dumps({"form": "01", "version": "2099-01", "document_title": "x", "title": ["{no_such_field}"], "body": []}),
    json.dumps({"form": "01", "version": "2099-01", "document_title": "x", "title": [], "body": [{"bogus": 1}]}),
    json.dumps({"form": "02", "version": "2099-01", "document_title": "x", "title": [], "body": []}),
    json.dumps({"form": "01", "version": "2099-01", "document_title": "x", "title": [],
                "body": [{"table": "components", "columns": [{"value": "{reason}"}]}]}),
])
def test_malformed_template_is_reported_on_load(forms_root, broken):
    (forms_root / "01" / "2099-01.json").write_text(broken, encoding="utf-8")
    with pytest.raises(InvalidFormTemplate) as error:
        templates.load_template("01", "2099-01")
    assert error.value.code == "invalid_form_template"


def test_every_shipped_template_renders():
    for form_id in ("01", "02", "03"):
        for version in available_templates()[form_id]:
            assert render_form(form_id, dossier(template_version=version)).startswith(b"%PDF")
    for version in available_templates()["register"]:
        assert render_register(register(3, template_version=version)).startswith(b"%PDF")


# -- reproducibility and metadata -------------------------------------------------------------
@pytest.mark.parametrize("form_id", ["01", "02", "03"])
def test_same_context_same_bytes(form_id):
    assert render_form(form_id, dossier()) == render_form(form_id, dossier())


def test_register_same_context_same_bytes():
    assert render_register(register(30)) == render_register(register(30))


def test_bytes_do_not_depend_on_the_machine_time_zone(monkeypatch):
    outputs = []
    try:
        for zone in ("UTC", "Asia/Tokyo", "America/New_York"):
            monkeypatch.setenv("TZ", zone)
            time.tzset()
            outputs.append(render_form("01", dossier()))
    finally:
        monkeypatch.undo()
        time.tzset()
    assert outputs[0] == outputs[1] == outputs[2]


def test_a_different_issue_time_changes_the_bytes():
    assert render_form("01", dossier()) != render_form("01", dossier(issued_at=datetime(2026, 11, 21, 9, 0)))


def test_pdf_metadata():
    reader = pypdf.PdfReader(BytesIO(render_form("01", dossier(issued_at=datetime(2026, 11, 20, 9, 15)))))
    meta = reader.metadata
    assert meta.title == "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
    assert meta.subject == CODE
    assert meta.creator == "Quầy Một Cửa"
    assert meta["/CreationDate"] == "D:20261120091500+07'00'"


def test_form_date_line_uses_issue_date_when_given(extract):
    (text,) = extract(render_form("02", dossier(issued_at=datetime(2026, 11, 24, 14, 5))))
    assert_contains(text, "Gia Viễn, ngày 24 tháng 11 năm 2026")


def test_text_alias_tokens_in_citizen_data_are_printed_verbatim(extract):
    ctx = dossier(applicant=Applicant(name="Nguyễn {nb} An", address="{~pages} {page}"))
    (text,) = extract(render_form("01", ctx))
    assert_contains(text, "Nguyễn {nb} An", "{~pages} {page}")
