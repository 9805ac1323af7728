"""The optional OCR text layer, with the real Tesseract (Debian tesseract-ocr + tesseract-ocr-vie).

Pages are rendered with the app's own Noto font (Vietnamese glyphs), recognised, and the
text read back with poppler's ``pdftotext``. OCR is imperfect, so words are compared
folded (no diacritics); without the layer the same PDF has no text at all.
"""
from __future__ import annotations

import io
import json
import stat
import subprocess
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont

from counter_app import cli
from counter_app.capture import OutputMode, ocr, pages_to_pdf
from counter_app.errors import InvalidInput, OcrFailed, OcrUnavailable
from counter_app.ports import TextRecognizer
from counter_app.settings import Settings, set_value, validate_settings
from counter_app.text import fold
from devices.capture_cli import capture_commands
from devices.ocr.tesseract import TesseractRecognizer
from devices.ocr.wiring import recognizer_for

FONTS = Path(__file__).resolve().parents[1] / "resources" / "fonts"
A4_200DPI = (1654, 2339)
LINES = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "GIẤY KHAI SINH",
         "Họ, chữ đệm, tên: Nguyễn Thị Hương", "Nơi cư trú: xã Tân Lập, tỉnh Phú Thọ")
PAGE_BUDGET = 150_000
OCR_MARGIN = 25_000  # bytes per page the text layer may add (measured ≈ 3-5 KB)


def document_page(lines=LINES) -> Image.Image:
    page = Image.new("L", A4_200DPI, 255)
    draw = ImageDraw.Draw(page)
    bold = ImageFont.truetype(str(FONTS / "NotoSerif-Bold.ttf"), 40)
    regular = ImageFont.truetype(str(FONTS / "NotoSerif-Regular.ttf"), 34)
    y = 160
    for number, line in enumerate(lines):
        draw.text((180, y), line, font=bold if number < 3 else regular, fill=0)
        y += 110
    page.info["dpi"] = (200, 200)
    return page


def extracted_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          timeout=60, check=True).stdout


def render(pdf: bytes, tmp_path: Path, name: str) -> Image.Image:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "72", "-gray", "-png", "-singlefile", str(path), str(tmp_path / name)],
                   capture_output=True, timeout=60, check=True)
    with Image.open(tmp_path / f"{name}.png") as image:
        return image.convert("L")


@pytest.fixture(scope="module")
def tesseract():
    recognizer = TesseractRecognizer()
    assert isinstance(recognizer, TextRecognizer) and recognizer.available(), "tesseract-ocr must be installed"
    return recognizer


def test_text_layer_makes_vietnamese_searchable_and_looks_the_same(tesseract, tmp_path):
    pages = [document_page(), document_page(LINES[2:])]
    plain = pages_to_pdf(pages, recognizer=None, dossier_code="000.00.31.H41-261125-0001", component_code="TP1")
    searchable = pages_to_pdf(pages, recognizer=tesseract, dossier_code="000.00.31.H41-261125-0001",
                              component_code="TP1")
    assert extracted_text(plain.pdf, tmp_path).strip() == ""  # an image-only scan has no text
    text = fold(extracted_text(searchable.pdf, tmp_path))
    for words in ("cong hoa xa hoi chu nghia viet nam", "giay khai sinh", "nguyen thi huong", "phu tho"):
        assert words in text, text
    assert searchable.text_pages == 2 and searchable.notes == ()
    assert searchable.pages == plain.pages == 2
    with pikepdf.open(io.BytesIO(searchable.pdf)) as pdf:
        assert len(pdf.pages) == 2
        assert all(len(list(page.Resources.XObject.keys())) == 2 for page in pdf.pages)  # image + text form
    # Invisible text: the rendered page is pixel for pixel the image-only one.
    assert ImageChops.difference(render(plain.pdf, tmp_path, "plain"),
                                 render(searchable.pdf, tmp_path, "searchable")).getbbox() is None


def test_text_layer_keeps_the_size_budget_and_embeds_its_font(tesseract, tmp_path):
    pages = [document_page(), document_page()]
    plain = pages_to_pdf(pages, recognizer=None)
    searchable = pages_to_pdf(pages, recognizer=tesseract)
    assert len(searchable.pdf) <= (PAGE_BUDGET + OCR_MARGIN) * 2
    assert len(plain.pdf) < len(searchable.pdf) <= len(plain.pdf) + OCR_MARGIN * 2
    path = tmp_path / "fonts.pdf"
    path.write_bytes(searchable.pdf)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, timeout=60,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(row.split()[-5] == "yes" for row in fonts), fonts  # the "emb" column: embedded


def test_black_and_white_pages_get_text_too(tesseract, tmp_path):
    result = pages_to_pdf([document_page()], mode=OutputMode.BLACK_WHITE, recognizer=tesseract)
    assert result.text_pages == 1 and "khai sinh" in fold(extracted_text(result.pdf, tmp_path))


def test_missing_tesseract_gives_a_plain_pdf_and_a_note(tmp_path):
    missing = TesseractRecognizer(str(tmp_path / "no-such" / "tesseract"))
    assert not missing.available()
    with pytest.raises(OcrUnavailable):
        missing.text_pdf(b"", 200)
    result = pages_to_pdf([document_page(), document_page()], recognizer=missing)
    assert result.pages == 2 and result.text_pages == 0
    assert len(result.notes) == 1 and "not found" in result.notes[0]
    assert extracted_text(result.pdf, tmp_path).strip() == ""
    assert len(pikepdf.open(io.BytesIO(result.pdf)).pages) == 2


def test_missing_language_data_is_unavailable_not_an_error(tmp_path):
    result = pages_to_pdf([document_page()], recognizer=TesseractRecognizer(languages="zzz"))
    assert result.text_pages == 0 and "language data" in result.notes[0]


def _program(tmp_path: Path, name: str, script: str) -> str:
    path = tmp_path / name
    path.write_text("#!/bin/sh\n" + script + "\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def test_a_failing_or_hanging_engine_leaves_the_page_as_image_only(tmp_path):
    crash = TesseractRecognizer(_program(tmp_path, "crash", "cat >/dev/null; echo boom >&2; exit 3"))
    with pytest.raises(OcrFailed, match="code 3"):
        crash.text_pdf(b"png", 200)
    result = pages_to_pdf([document_page(), document_page()], recognizer=crash)
    assert result.pages == 2 and result.text_pages == 0
    assert [note.split(" has")[0] for note in result.notes] == ["Page 1", "Page 2"]
    garbage = TesseractRecognizer(_program(tmp_path, "garbage", "cat >/dev/null; echo not a pdf"))
    with pytest.raises(OcrFailed, match="no PDF"):
        garbage.text_pdf(b"png", 200)
    broken = TesseractRecognizer(_program(tmp_path, "broken", "cat >/dev/null; printf '%%PDF-1.5 broken'"))
    result = pages_to_pdf([document_page()], recognizer=broken)
    assert result.text_pages == 0 and "unreadable" in result.notes[0]
    hang = TesseractRecognizer(_program(tmp_path, "hang", "exec sleep 30"), timeout=0.5)
    with pytest.raises(OcrFailed, match="longer than"):
        hang.text_pdf(b"png", 200)


def test_installed_default_recognizer_is_used_when_none_is_named(tesseract, tmp_path):
    from counter_app.capture.pages import PageList

    assert ocr.default_recognizer() is None  # nothing wired: no OCR, as before
    pages = PageList(tmp_path / "pages")  # what the scan dialog saves through
    try:
        pages.add(document_page(), source="import")
        ocr.use_recognizer(tesseract)
        result = pages.to_pdf(dossier_code="000.00.31.H41-261125-0001", component_code="TP1")
    finally:
        ocr.use_recognizer(None)
        pages.close()
    assert result.text_pages == 1 and "viet nam" in fold(extracted_text(result.pdf, tmp_path))


def test_settings_switch_ocr_and_are_validated():
    settings = Settings()
    assert settings.capture.ocr is True and settings.capture.ocr_languages == "vie+eng"
    recognizer = recognizer_for(settings.capture)
    assert isinstance(recognizer, TesseractRecognizer) and recognizer.languages == "vie+eng"
    off = set_value(settings, "capture.ocr", "false")
    assert recognizer_for(off.capture) is None
    settings.capture.ocr_languages = "vie++"
    with pytest.raises(InvalidInput):
        validate_settings(settings)


def test_cli_scan_writes_a_searchable_pdfa_and_can_switch_ocr_off(tmp_path, capsys):
    out_pdf = tmp_path / "tp1.pdf"
    workspace = tmp_path / "no-workspace"  # no workspace: the default settings (OCR on)
    code = cli.main(["scan", "--workspace", str(workspace), "--device", "sim:", "--pages", "1", "--out",
                     str(out_pdf), "--json"], extra=capture_commands())
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["text_pages"] == 1 and data["notes"] == []
    assert "khai sinh" in fold(extracted_text(out_pdf.read_bytes(), tmp_path))
    with pikepdf.open(out_pdf) as pdf:
        assert str(pdf.open_metadata()["pdfaid:part"]) == "2"
    code = cli.main(["scan", "--workspace", str(workspace), "--device", "sim:", "--pages", "1", "--out",
                     str(out_pdf), "--no-ocr"], extra=capture_commands())
    assert code == 0 and "text on" not in capsys.readouterr().out
    assert extracted_text(out_pdf.read_bytes(), tmp_path).strip() == ""


def test_doctor_line_and_app_wiring_follow_the_workspace_settings(core):
    from devices.ocr.wiring import install_recognizer, ocr_check

    check = ocr_check(core)
    assert check.kind == "ocr" and check.ok and check.detail.endswith("tesseract")
    try:
        assert isinstance(install_recognizer(core), TesseractRecognizer)
        assert isinstance(ocr.default_recognizer(), TesseractRecognizer)
        settings = core.settings()
        settings.capture.ocr_program = "/nonexistent/tesseract"
        core.save_settings(settings)
        check = ocr_check(core)
        assert not check.ok and "not found" in check.detail
        settings = core.settings()
        assert settings.capture.ocr_program == "/nonexistent/tesseract"  # stored and read back
        settings.capture.ocr = False
        core.save_settings(settings)
        assert ocr_check(core) is None and install_recognizer(core) is None and ocr.default_recognizer() is None
    finally:
        ocr.use_recognizer(None)
