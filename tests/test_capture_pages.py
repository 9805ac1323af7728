"""The page list of one component: edit operations, the PDF it makes (read back with pypdf and
pdfium), blank pages flagged and kept, separator sheets, scan profiles in settings, full disk."""
from __future__ import annotations

import io
import subprocess

import pypdf
import pypdfium2
import pytest
from PIL import Image, ImageDraw

from counter_app.capture.pages import PageList, remove_stale
from counter_app.capture.pdf import OutputMode
from counter_app.capture.profiles import DEFAULT_PROFILES, profile_to_dict, scan_profiles
from counter_app.capture.separator import separator_sheets_pdf, separator_text, split_batch
from counter_app.errors import DiskFull, ImageUnreadable, InvalidInput, PageStoreFull, UnknownSeparator
from counter_app.ports import ScanMode, ScanProfile, ScanSource
from counter_app.settings import set_value
from devices.qr.synthetic import qr_image
from devices.qr.zxing_reader import ZxingQrReader
from devices.scanners.simulated import SimulatedScanner, render_page


def marked_page(mark: int, *, width=420, height=594, dpi=200) -> Image.Image:
    """A small page with a black block whose place tells which page it is and how it is turned:
    block ``mark`` in the top band, from the left."""
    page = Image.new("L", (width, height), 246)
    draw = ImageDraw.Draw(page)
    draw.rectangle((30 + mark * 70, 30, 80 + mark * 70, 90), fill=0)
    draw.text((60, 300), f"Trang {mark}", fill=120)  # lighter than the mark
    page.info["dpi"] = (dpi, dpi)
    return page


def pdf_pages(pdf: bytes) -> list[Image.Image]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [page.render(scale=1).to_pil().convert("L") for page in document]
    finally:
        document.close()


def block_at(image: Image.Image) -> tuple[float, float]:
    """Centre of the dark pixels, as fractions of the width and height."""
    gray = image.convert("L").point(lambda v: 255 if v < 60 else 0)
    box = gray.getbbox()
    assert box, "no mark on the page"
    return ((box[0] + box[2]) / 2 / image.width, (box[1] + box[3]) / 2 / image.height)


@pytest.fixture
def pages(tmp_path):
    page_list = PageList(tmp_path / "tmp")
    yield page_list
    page_list.close()


def test_pages_are_kept_in_files_and_edited_in_order(pages, tmp_path):
    for mark in (1, 2, 3):
        pages.add(marked_page(mark))
    ids = [p.id for p in pages.pages]
    assert len(pages) == 3 and all(p.path.is_file() for p in pages.pages)
    assert all(p.path.parent.parent == tmp_path / "tmp" for p in pages.pages)
    pages.move(2, 0)  # page 3 first
    assert [p.id for p in pages.pages] == [ids[2], ids[0], ids[1]]
    pages.insert(1, marked_page(4), source="file")
    assert [p.source for p in pages.pages] == ["scanner", "file", "scanner", "scanner"]
    old = pages.pages[3]
    pages.replace(3, marked_page(5))
    assert not old.path.exists() and pages.pages[3].id not in ids
    pages.reorder(list(reversed([p.id for p in pages.pages])))
    with pytest.raises(InvalidInput):
        pages.reorder([ids[0]])
    with pytest.raises(InvalidInput):
        pages.move(0, 9)
    with pytest.raises(InvalidInput):
        pages.rotate(7)


def test_delete_can_be_undone_once(pages):
    for mark in (1, 2, 3):
        pages.add(marked_page(mark))
    ids = [p.id for p in pages.pages]
    pages.delete(1)
    assert [p.id for p in pages.pages] == [ids[0], ids[2]] and pages.can_undo
    pages.undo_delete()
    assert [p.id for p in pages.pages] == ids and not pages.can_undo
    assert pages.undo_delete() is None
    first = pages.delete(0)
    pages.delete(0)  # the older deletion's file goes: one undo level
    assert not first.path.exists()
    assert len(pages) == 1


def test_pdf_has_the_pages_in_order_and_rotation(pages):
    for mark in (1, 2, 3):
        pages.add(marked_page(mark))
    pages.move(2, 0)
    pages.rotate(1)  # page 1 turned clockwise
    pages.rotate(2, -2)  # page 2 turned upside down
    pages.delete(2)
    stored_before = pages.pages[1].path.read_bytes()
    result = pages.to_pdf(mode=OutputMode.GRAY, dossier_code="000.00.31.H41-261125-0001", component_code="TP1")
    assert result.pages == 2
    reader = pypdf.PdfReader(io.BytesIO(result.pdf))
    assert len(reader.pages) == 2
    first_w, first_h = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    second_w, second_h = float(reader.pages[1].mediabox.width), float(reader.pages[1].mediabox.height)
    assert first_h > first_w  # page 3, upright
    assert second_w > second_h  # page 1, turned a quarter: landscape
    assert round(first_h) == round(594 / 200 * 72)  # its physical size travels with the dpi
    assert "component=TP1" in reader.metadata["/Keywords"]
    rendered = pdf_pages(result.pdf)
    x, y = block_at(rendered[0])
    assert y < 0.2 and 0.55 < x < 0.7  # page 3: its block is the third from the left
    x, y = block_at(rendered[1])
    assert x > 0.8 and y < 0.35  # page 1 turned clockwise: its top-left block is now top right
    assert pages.pages[1].path.read_bytes() == stored_before  # rotation never re-encodes the page
    assert pages.pages[1].rotation == 90


def test_blank_pages_are_flagged_and_kept_in_the_pdf(pages):
    scanned = SimulatedScanner(pages=3, blank_pages=(2,)).scan("sim:0", ScanProfile(source=ScanSource.ADF))
    pages.add_all(scanned)
    assert [p.blank for p in pages.pages] == [False, True, False]
    assert pages.blank_pages == [2]
    result = pages.to_pdf(component_code="TP2")
    assert result.pages == 3 and result.blank_pages == (2,)
    pages.set_blank(1, False)  # the officer looked: it is a page to keep as it is
    assert pages.blank_pages == []


def test_previews_follow_the_rotation(pages):
    pages.add(marked_page(1, width=400, height=600))
    upright = Image.open(io.BytesIO(pages.preview_png(0)))
    pages.rotate(0)
    turned = Image.open(io.BytesIO(pages.preview_png(0)))
    assert upright.height > upright.width and turned.width > turned.height
    assert pages.image(0).size == (600, 400)


def test_camera_photo_and_bad_input(pages):
    photo = Image.new("RGB", (1600, 1200), (240, 235, 220))
    ImageDraw.Draw(photo).rectangle((100, 100, 700, 300), fill=(20, 20, 20))
    page = pages.add(photo, source="camera")
    assert page.mime == "image/jpeg" and page.source == "camera" and not page.blank
    with pytest.raises(ImageUnreadable):
        pages.add(b"not an image")
    with pytest.raises(InvalidInput):
        pages.add(12)
    assert len(pages) == 1  # nothing half-added
    empty = PageList()
    with pytest.raises(InvalidInput, match="No pages"):
        empty.to_pdf()
    empty.close()


def separator_sheet(code: str) -> Image.Image:
    sheet = render_page(1, dpi=100, blank=True)
    sheet.paste(qr_image(separator_text(code), module_px=8), (200, 300))
    return sheet


def test_a_batch_splits_at_separator_sheets():
    reader = ZxingQrReader()
    content = [render_page(n, dpi=100) for n in (1, 2, 3)]
    batch = [content[0], separator_sheet("TP2"), content[1], content[2], separator_sheet("TP3")]
    sections = split_batch(batch, reader.decode, known_codes=["TP1", "TP2", "TP3"])
    assert [(s.component_code, len(s.pages)) for s in sections] == [(None, 1), ("TP2", 2), ("TP3", 0)]
    assert sections[1].pages == content[1:]
    starting = split_batch([separator_sheet("TP1"), content[0]], reader.decode)
    assert [(s.component_code, len(s.pages)) for s in starting] == [("TP1", 1)]
    with pytest.raises(UnknownSeparator, match="TP9"):
        split_batch([content[0], separator_sheet("TP9")], reader.decode, known_codes=["TP1"])
    other_qr = render_page(1, dpi=100)
    other_qr.paste(qr_image("https://dichvucong.gov.vn", module_px=6), (200, 300))
    assert [len(s.pages) for s in split_batch([other_qr], reader.decode)] == [1]  # a QR on a page is content


def test_scan_profiles_live_in_settings(core):
    assert scan_profiles([]) == list(DEFAULT_PROFILES)
    assert any(p.mode is ScanMode.LINEART and p.name == "Giấy tờ A4 đen trắng" for p in DEFAULT_PROFILES)
    custom = ScanProfile("Sổ hộ khẩu", ScanSource.FLATBED, 300, ScanMode.COLOR, (148.0, 210.0))
    settings = core.settings()
    settings.devices.scan_profiles = [profile_to_dict(custom)]
    core.save_settings(settings)
    assert scan_profiles(core.settings().devices.scan_profiles) == [custom]
    with pytest.raises(InvalidInput):
        set_value(core.settings(), "devices.scan_profiles", '[{"name": "x", "resolution": 5}]')
    with pytest.raises(InvalidInput):
        set_value(core.settings(), "devices.scan_profiles", '[{"name": "x"}, {"name": "x"}]')
    with pytest.raises(InvalidInput):
        set_value(core.settings(), "devices.scan_profiles", '[{"name": "x", "mode": "sepia"}]')


@pytest.fixture
def small_disk(tmp_path):
    point = tmp_path / "mnt"
    point.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(point)], check=True)
    yield point
    subprocess.run(["umount", "-l", str(point)], capture_output=True)


def test_full_disk_keeps_the_pages_already_captured(small_disk):
    pages = PageList(small_disk)
    scanner = SimulatedScanner(pages=5)
    with pytest.raises(PageStoreFull) as caught:
        scanner.scan("sim:0", ScanProfile(source=ScanSource.ADF), progress=lambda _n, page: pages.add(page))
    kept = len(pages)
    assert kept == 2 and caught.value.code == "scan_disk_full" and caught.value.details["pages"] == kept
    assert all(p.path.is_file() for p in pages.pages)
    for p in pages.pages:
        Image.open(p.path).load()  # every kept page is whole
    assert isinstance(caught.value, DiskFull)
    pages.delete(kept - 1)
    pages.clear()  # room made: capturing works again
    pages.add(render_page(1, dpi=100))
    assert len(pages) == 1
    pages.close()


def test_page_folders_of_a_crashed_session_are_removed_later(tmp_path):
    import os

    old, young = PageList(tmp_path), PageList(tmp_path)
    old.add(marked_page(1))
    young.add(marked_page(2))
    folder = old.pages[0].path.parent
    os.utime(folder, (1_000_000, 1_000_000))  # left there long ago
    assert remove_stale(tmp_path) == 1
    assert not folder.exists() and young.pages[0].path.is_file()
    young.close()


def test_printed_separator_sheets_split_a_scanned_batch():
    pdf = separator_sheets_pdf([("TP2", "Giấy chứng sinh"), ("TP3", "Giấy tờ chứng minh nơi cư trú")],
                               dossier_code="000.00.31.H41-261125-0001")
    sheets = [image.convert("L") for image in pdf_pages(pdf)]  # as printed, then scanned back
    assert len(sheets) == 2
    content = render_page(1, dpi=100)
    sections = split_batch([content, sheets[0], content, sheets[1], content], ZxingQrReader(fallbacks=False).decode)
    assert [(s.component_code, len(s.pages)) for s in sections] == [(None, 1), ("TP2", 1), ("TP3", 1)]
    with pytest.raises(InvalidInput):
        separator_sheets_pdf([])
