"""Scanning through the real SANE stack (``test`` backend), file import, the simulated scanner,
and the compact per-component PDF kept with a real dossier."""
from __future__ import annotations

import io
import shutil
import time
from datetime import datetime
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from counter_app.capture import OutputMode, is_blank, pages_to_pdf
from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
from counter_app.errors import (
    ImageUnreadable,
    InvalidInput,
    ScanCancelled,
    ScannerError,
    ScannerJammed,
    ScannerNotFound,
)
from counter_app.ports import CancelToken, Scanner, ScanMode, ScanProfile, ScanSource
from devices.scanners.file_import import FileImportScanner
from devices.scanners.sane_scanner import SaneScanner
from devices.scanners.simulated import SimulatedScanner
from devices.scanners.watched_folder import WatchedFolderScanner

PAGE_BUDGET = 150_000  # bytes per A4 page at 200 dpi greyscale
MM_TO_PT = 72 / 25.4


@pytest.fixture
def sane_test(tmp_path, monkeypatch):
    """Only SANE's ``test`` backend, without touching /etc (TESTING.md): a private SANE_CONFIG_DIR."""
    config = tmp_path / "sane.d"
    config.mkdir()
    (config / "dll.conf").write_text("test\n")
    system = Path("/etc/sane.d/test.conf")
    if system.exists():
        shutil.copy(system, config / "test.conf")
    else:
        (config / "test.conf").write_text("number_of_devices 2\n")
    monkeypatch.setenv("SANE_CONFIG_DIR", str(config))
    import sane

    sane.exit()  # re-read the configuration
    scanner = SaneScanner({"test_picture": "Grid"})
    yield scanner
    sane.exit()


def test_sane_lists_the_test_devices(sane_test):
    assert isinstance(sane_test, Scanner)
    ids = [device.id for device in sane_test.devices()]
    assert ids[:2] == ["test:0", "test:1"]


def test_sane_adf_two_pages_become_one_compact_pdf(sane_test):
    seen = []
    profile = ScanProfile("document", ScanSource.ADF, 200, ScanMode.GRAY, max_pages=2)
    pages = sane_test.scan("sane:test:0", profile, progress=lambda number, page: seen.append(number))
    assert seen == [1, 2] and len(pages) == 2
    with Image.open(io.BytesIO(pages[0].image)) as first:
        assert first.mode == "L" and first.width == pytest.approx(200 / 25.4 * 200, abs=3)  # test backend: 200 mm max
    result = pages_to_pdf(pages, dossier_code="000.00.31.H41-261125-0001", component_code="TP1")
    reader = pypdf.PdfReader(io.BytesIO(result.pdf))
    assert len(reader.pages) == result.pages == 2
    assert len(result.pdf) <= 2 * PAGE_BUDGET
    assert float(reader.pages[0].mediabox.width) == pytest.approx(200 * MM_TO_PT, abs=2)
    assert result.blank_pages == ()  # a grid is not blank
    assert "component=TP1" in reader.metadata["/Keywords"]


def test_sane_feeder_runs_empty_after_ten_pages_and_keeps_them(sane_test):
    pages = sane_test.scan("test:0", ScanProfile(source=ScanSource.ADF, resolution=50))
    assert len(pages) == 10  # the test backend's feeder holds 10 sheets


def test_sane_blank_page_is_flagged_not_dropped(sane_test):
    sane_test.extra_options["test_picture"] = "Solid white"
    blank = sane_test.scan("test:0", ScanProfile(source=ScanSource.FLATBED, resolution=75))
    sane_test.extra_options["test_picture"] = "Grid"
    grid = sane_test.scan("test:0", ScanProfile(source=ScanSource.FLATBED, resolution=75))
    result = pages_to_pdf(grid + blank + grid)
    assert result.pages == 3 and result.blank_pages == (2,)


def test_sane_black_and_white_and_duplex_fall_back_sensibly(sane_test):
    # The test backend has neither a lineart mode nor duplex: thresholded grey, one-sided feeder.
    profile = ScanProfile(source=ScanSource.DUPLEX, resolution=100, mode=ScanMode.LINEART, max_pages=2)
    pages = sane_test.scan("test:0", profile)
    assert len(pages) == 2
    with Image.open(io.BytesIO(pages[0].image)) as first:
        assert first.mode == "1"
    bw = pages_to_pdf(pages, mode=OutputMode.BLACK_WHITE, dpi=100)
    assert bw.pages == 2 and len(bw.pdf) < 20_000


def test_sane_unknown_device_is_a_typed_error(sane_test):
    with pytest.raises(ScannerNotFound):
        sane_test.scan("test:9", ScanProfile())


def test_simulated_a4_page_fits_the_budget_in_every_mode():
    pages = SimulatedScanner(pages=2).scan("sim:0", ScanProfile(source=ScanSource.ADF, resolution=300))
    gray = pages_to_pdf(pages)  # 300 dpi in, 200 dpi kept
    bw = pages_to_pdf(pages, mode=OutputMode.BLACK_WHITE)
    assert gray.dpi == 200 and len(gray.pdf) <= 2 * PAGE_BUDGET
    assert len(bw.pdf) < len(gray.pdf) / 3
    page = pypdf.PdfReader(io.BytesIO(gray.pdf)).pages[0]
    assert float(page.mediabox.width) == pytest.approx(210 * MM_TO_PT, abs=1.5)
    assert float(page.mediabox.height) == pytest.approx(297 * MM_TO_PT, abs=1.5)
    image = next(iter(page.images)).image
    assert image.size[0] == pytest.approx(1654, abs=2) and image.size[1] == pytest.approx(2339, abs=2)
    assert image.mode == "L"  # A4 at 200 dpi, greyscale
    # Text is still there: the header line is much darker than the paper around it.
    header = image.crop((300, 110, 1350, 160))
    assert header.getextrema()[0] < 80 and not is_blank(image)


def test_simulated_blank_page_is_flagged_and_kept():
    pages = SimulatedScanner(pages=3, blank_pages=(2,)).scan("sim:0", ScanProfile(source=ScanSource.ADF))
    result = pages_to_pdf(pages)
    assert result.pages == 3 and result.blank_pages == (2,)
    assert len(pypdf.PdfReader(io.BytesIO(result.pdf)).pages) == 3


def test_cancel_keeps_the_pages_already_scanned():
    cancel = CancelToken()
    with pytest.raises(ScanCancelled) as caught:
        SimulatedScanner(pages=5).scan("sim:0", ScanProfile(source=ScanSource.ADF), cancel=cancel,
                                       progress=lambda number, page: cancel.cancel())
    assert len(caught.value.details["pages"]) == 1


def test_file_import_reads_pdf_jpeg_png_and_multipage_tiff(tmp_path):
    sheet = SimulatedScanner().scan("sim:0", ScanProfile(resolution=100))[0]
    image = Image.open(io.BytesIO(sheet.image))
    image.save(tmp_path / "a.png", dpi=(100, 100))
    image.save(tmp_path / "b.jpg", quality=80, dpi=(100, 100))
    image.save(tmp_path / "c.tif", save_all=True, append_images=[image], dpi=(100, 100))
    (tmp_path / "d.pdf").write_bytes(pages_to_pdf([sheet, sheet], dpi=100).pdf)
    names = ["a.png", "b.jpg", "c.tif", "d.pdf"]
    device = "file:" + ":".join(str(tmp_path / n) for n in names)
    pages = FileImportScanner().scan(device, ScanProfile(resolution=100))
    assert len(pages) == 1 + 1 + 2 + 2
    assert pages[1].mime == "image/jpeg" and pages[1].image == (tmp_path / "b.jpg").read_bytes()
    assert pages_to_pdf(pages, dpi=100).pages == 6


def test_file_import_rejects_damaged_and_unsupported_files(tmp_path):
    (tmp_path / "bad.png").write_bytes(b"\x89PNG\r\n\x1a\nbroken")
    (tmp_path / "note.docx").write_bytes(b"PK")
    with pytest.raises(ImageUnreadable):
        FileImportScanner().scan(str(tmp_path / "bad.png"), ScanProfile())
    with pytest.raises(ImageUnreadable, match="PDF, JPEG, PNG"):
        FileImportScanner().scan(str(tmp_path / "note.docx"), ScanProfile())
    with pytest.raises(ScannerNotFound):
        FileImportScanner().scan(str(tmp_path / "missing.pdf"), ScanProfile())
    with pytest.raises(ImageUnreadable):
        pages_to_pdf([b"not an image"])


def test_scan_is_attached_to_a_real_dossier(core):
    view = core.receive(IntakeRequest(procedure_code="1.001193", received_at=datetime(2026, 11, 25, 9, 0),
                                      applicant=ApplicantInput(name="Nguyễn Văn An")))
    pages = SimulatedScanner(pages=2).scan("sim:0", ScanProfile(source=ScanSource.ADF))
    result = pages_to_pdf(pages, dossier_code=view.code, component_code="TP2")
    document = core.attach_scan(view.code, "TP2", result.pdf, result.pages)
    assert document.kind == "scan" and document.filename == f"TP2_{view.code}_2p.pdf"
    stored = core.dossier(view.code).documents
    assert [(d.kind, d.sha256) for d in stored] == [("scan", document.sha256)]
    assert core.document_bytes(document.sha256) == result.pdf
    assert core.workspace.files.exists(document.sha256)
    with pytest.raises(InvalidInput, match="no component 'TP9'"):
        core.attach_scan(view.code, "TP9", result.pdf, 2)
    with pytest.raises(InvalidInput):
        core.attach_scan(view.code, "TP1", b"GIF89a", 1)


def test_simulated_jam_keeps_the_pages_before_it():
    with pytest.raises(ScannerJammed) as caught:
        SimulatedScanner(pages=5, jam_at=3).scan("sim:0", ScanProfile(source=ScanSource.ADF))
    assert caught.value.code == "scan_paper_jam" and len(caught.value.details["pages"]) == 2


def test_watched_folder_imports_files_written_by_another_device(tmp_path):
    import threading

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    sheet = SimulatedScanner().scan("sim:0", ScanProfile(resolution=100))[0]

    def device_writes():  # a scan-to-folder device, a little later, writing in two steps
        time.sleep(0.3)
        data = pages_to_pdf([sheet, sheet], dpi=100).pdf
        with open(inbox / "scan0001.pdf", "wb") as handle:
            handle.write(data[:1000])
            handle.flush()
            time.sleep(0.2)
            handle.write(data[1000:])

    writer = threading.Thread(target=device_writes)
    writer.start()
    scanner = WatchedFolderScanner(wait=10, settle=0.3, poll=0.05)
    pages = scanner.scan(f"folder:{inbox}", ScanProfile(resolution=100))
    writer.join()
    assert len(pages) == 2
    assert not (inbox / "scan0001.pdf").exists() and (inbox / "imported" / "scan0001.pdf").exists()
    with pytest.raises(ScannerError, match="No file arrived"):
        WatchedFolderScanner(wait=0.2, poll=0.05).scan(f"folder:{inbox}", ScanProfile())


def test_a_sane_scan_leaves_broken_pipes_as_errors_not_signals(sane_test):
    """After a scan, writing to a peer that hung up must raise, not kill the process."""
    import socket

    assert sane_test.scan("test:0", ScanProfile(source=ScanSource.FLATBED, resolution=50))
    ours, theirs = socket.socketpair()
    theirs.close()
    with pytest.raises(OSError):
        for _ in range(64):
            ours.send(b"x" * 65536)
    ours.close()
