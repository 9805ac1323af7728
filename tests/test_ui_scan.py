"""The scan dialog with real scanners: the simulated feeder, SANE's ``test`` device through the
real SANE stack, file import with separator sheets, and a camera-like page source. Keyboard
review (move, rotate, delete, undo), save → the dossier keeps the component's PDF; a jam, a
cancel, an unknown separator and a full disk keep the pages captured before them."""
from __future__ import annotations

import io
import subprocess
from datetime import datetime

import pypdf
import pytest
from PIL import Image, ImageDraw

from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
from counter_app.ports import ScanMode, ScanProfile, ScanSource
from devices.qr.synthetic import qr_image
from devices.qr.zxing_reader import ZxingQrReader
from devices.scanners.file_import import FileImportScanner
from devices.scanners.simulated import SimulatedScanner, render_page
from tests.test_capture_scan import sane_test  # noqa: F401 - the SANE ``test`` backend fixture
from ui import i18n
from ui.qt import QApplication, Qt
from ui.scan_dialog import ScanDialog
from ui.workers import TaskRunner

FEEDER = "Giấy tờ A4 thang xám"


class Recording:
    """A real scanner whose delivered pages the test keeps, to check the order afterwards."""

    def __init__(self, scanner):
        self.scanner, self.name, self.delivered = scanner, scanner.name, []

    def devices(self):
        return self.scanner.devices()

    def scan(self, device, profile, *, progress=None, cancel=None):
        def keep(number, page):
            self.delivered.append(page.image)
            if progress:
                progress(number, page)
        return self.scanner.scan(device, profile, progress=keep, cancel=cancel)


@pytest.fixture
def dossier(core):
    return core.receive(IntakeRequest(procedure_code="1.001193", received_at=datetime(2026, 11, 25, 9, 0),
                                      applicant=ApplicantInput(name="Nguyễn Văn An")))


def open_dialog(qtbot, core, dossier, scanners, *, synchronous=True, **options) -> ScanDialog:
    i18n.install("en")  # the texts checked below are the English sources, whatever ran before
    runners = TaskRunner(synchronous=synchronous), TaskRunner(synchronous=synchronous)
    dialog = ScanDialog(core, *runners, dossier, "TP1", scanners=scanners, **options)
    dialog._test_runners = runners  # kept alive with the dialog
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)  # keys go to the active window
    qtbot.waitUntil(lambda: bool(dialog.devices) or dialog.banner.isVisible(), timeout=30_000)
    return dialog


def scans(core, code) -> list:
    return [d for d in core.dossier(code).documents if d.kind == "scan"]


def pdf_of(core, document) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(core.document_bytes(document.sha256)))


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, key, modifier)


def test_scan_review_by_keyboard_and_save(qtbot, core, dossier):
    scanner = Recording(SimulatedScanner(pages=3, blank_pages=(2,)))
    dialog = open_dialog(qtbot, core, dossier, {"simulated": lambda: scanner, "file": FileImportScanner})
    assert dialog.current_code == "TP1" and [d.device for d in dialog.devices] == ["sim:0"]
    dialog.select_profile(FEEDER)
    arrived = []
    dialog._events.page_added.connect(lambda code, position: arrived.append((code, position)))
    press(qtbot, dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # Alt+S: Scan
    qtbot.waitUntil(lambda: len(arrived) == 3, timeout=30_000)  # a mnemonic clicks after a short animation
    assert arrived == [("TP1", 0), ("TP1", 1), ("TP1", 2)]  # page by page
    pages = dialog.pages()
    assert len(pages) == 3 and [p.blank for p in pages.pages] == [False, True, False]
    assert "blank" in dialog.strip.item(1).text() and "blank" in dialog.banner.text()
    assert [p.path.read_bytes() for p in pages.pages] == scanner.delivered

    strip = dialog.strip
    strip.setFocus()
    press(qtbot, strip, Qt.Key.Key_End)
    assert strip.currentRow() == 2
    press(qtbot, strip, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)  # page 3 before page 2
    assert strip.currentRow() == 1
    press(qtbot, strip, Qt.Key.Key_R)  # turn it clockwise
    press(qtbot, strip, Qt.Key.Key_Right)
    press(qtbot, strip, Qt.Key.Key_Delete)  # the blank page goes
    assert [p.path.read_bytes() for p in pages.pages] == [scanner.delivered[0], scanner.delivered[2]]
    press(qtbot, strip, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # …and comes back
    assert len(pages) == 3 and pages.pages[2].blank
    press(qtbot, strip, Qt.Key.Key_Delete)
    assert [p.rotation for p in pages.pages] == [0, 90] and pages.blank_pages == []

    with qtbot.waitSignal(dialog.saved, timeout=30_000):
        press(qtbot, dialog, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)  # Alt+V: Save component
    [document] = scans(core, dossier.code)
    assert document.filename == f"TP1_{dossier.code}_2p.pdf"
    reader = pdf_of(core, document)
    assert len(reader.pages) == 2
    first, second = reader.pages
    assert first.mediabox.height > first.mediabox.width  # page 1 upright
    assert second.mediabox.width > second.mediabox.height  # page 3, turned a quarter
    assert "component=TP1" in reader.metadata["/Keywords"]
    assert "2 page(s)" in dialog.banner.text() and "saved" in dialog.component.currentText()
    dialog.reject()  # everything saved: closes without asking
    assert not dialog.isVisible()


def test_jam_mid_batch_keeps_the_pages_before_it(qtbot, core, dossier):
    dialog = open_dialog(qtbot, core, dossier, {"simulated": lambda: SimulatedScanner(pages=5, jam_at=3)})
    dialog.select_profile(FEEDER)
    dialog.scan()
    assert len(dialog.pages()) == 2
    assert dialog.banner.kind == "error" and "jammed" in dialog.banner.text()
    assert dialog.scan_button.isEnabled() and dialog.save_button.isEnabled()
    dialog.save()
    [document] = scans(core, dossier.code)
    assert len(pdf_of(core, document).pages) == 2


def test_stop_cancels_the_batch_and_keeps_what_came(qtbot, core, dossier):
    dialog = open_dialog(qtbot, core, dossier, {"simulated": lambda: SimulatedScanner(pages=6)})
    dialog.select_profile(FEEDER)
    dialog._events.page_added.connect(lambda *_: dialog.stop_button.click())  # Stop after the first page
    dialog.scan()
    assert len(dialog.pages()) == 1
    assert dialog.banner.kind == "warn" and "cancelled" in dialog.banner.text()
    assert not dialog.stop_button.isEnabled() and dialog.scan_button.isEnabled()


def test_sane_test_device_through_the_real_stack(qtbot, core, dossier, sane_test):  # noqa: F811
    profile = ScanProfile("Khay nạp 3 trang", ScanSource.ADF, 100, ScanMode.GRAY, max_pages=3)
    dialog = open_dialog(qtbot, core, dossier, {"sane": lambda: sane_test}, synchronous=False,
                         profiles=[profile])
    assert [d.device for d in dialog.devices][:2] == ["test:0", "test:1"]
    dialog.select_device("test:0")
    dialog.select_component("TP2")
    dialog.scan_button.click()
    assert dialog.stop_button.isEnabled()  # the scan runs on the device worker
    qtbot.waitUntil(lambda: dialog._token is None, timeout=120_000)
    assert len(dialog.pages("TP2")) == 3, dialog.banner.text()
    strip = dialog.strip
    strip.setFocus()
    ids = [p.id for p in dialog.pages().pages]
    press(qtbot, strip, Qt.Key.Key_Home)
    press(qtbot, strip, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [p.id for p in dialog.pages().pages] == [ids[1], ids[0], ids[2]]
    with qtbot.waitSignal(dialog.saved, timeout=120_000):
        dialog.save()
    [document] = scans(core, dossier.code)
    assert document.filename.startswith("TP2_") and len(pdf_of(core, document).pages) == 3


def page_file(tmp_path, name: str, qr: str = "") -> str:
    page = render_page(1, dpi=100)
    if qr:
        page = render_page(1, dpi=100, blank=True)
        page.paste(qr_image(qr, module_px=8), (200, 300))
    path = tmp_path / name
    page.save(path, dpi=(100, 100))
    return str(path)


def test_separator_sheets_send_pages_to_their_component(qtbot, core, dossier, tmp_path):
    dialog = open_dialog(qtbot, core, dossier, {"file": FileImportScanner},
                         separator_decoder=ZxingQrReader().decode)
    assert dialog.file_button.isEnabled() and not dialog.scan_button.isEnabled()  # no scanner: files work
    assert "No scanner" in dialog.banner.text()
    files = [page_file(tmp_path, "a.png"), page_file(tmp_path, "sep2.png", "QMC-SEP|TP2"),
             page_file(tmp_path, "b.png"), page_file(tmp_path, "c.png"), page_file(tmp_path, "sep3.png", "QMC-SEP|TP3")]
    dialog.import_files(files)
    assert [len(dialog.pages(code)) for code in ("TP1", "TP2", "TP3")] == [1, 2, 0]
    assert dialog.current_code == "TP3"  # the last separator's component is shown
    assert all(p.source == "file" for p in dialog.pages("TP2").pages)
    assert "TP1: 1, TP2: 2" in dialog.banner.text()
    dialog.select_component("TP2")
    assert dialog.strip.count() == 2
    dialog.save()
    assert [d.filename for d in scans(core, dossier.code)] == [f"TP2_{dossier.code}_2p.pdf"]
    assert dialog.unsaved_components() == ["TP1"]

    dialog.select_component("TP1")
    dialog.import_files([page_file(tmp_path, "d.png"), page_file(tmp_path, "sep9.png", "QMC-SEP|TP9"),
                         page_file(tmp_path, "e.png")])
    assert dialog.banner.kind == "error" and "separator" in dialog.banner.text()
    assert len(dialog.pages("TP1")) == 2  # the page before the bad sheet is kept


def test_camera_is_just_another_page_source(qtbot, core, dossier):
    def camera(parent):  # what the document camera hands over: PIL pages
        assert parent is dialog
        shots = []
        for n in range(2):
            shot = Image.new("RGB", (1240, 1754), (236, 232, 222))
            ImageDraw.Draw(shot).rectangle((200, 200 + n * 100, 1000, 260 + n * 100), fill=(30, 30, 30))
            shots.append(shot)
        return shots

    dialog = open_dialog(qtbot, core, dossier, {"simulated": SimulatedScanner},
                         page_sources={"camera": camera})
    [button] = dialog.source_buttons
    assert button.text() == "Add from ca&mera"
    press(qtbot, dialog, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(dialog.pages()) == 2, timeout=30_000)
    assert [p.source for p in dialog.pages().pages] == ["camera", "camera"]
    dialog.select_profile("Ảnh/thẻ màu")
    dialog.save()
    [document] = scans(core, dossier.code)
    assert len(pdf_of(core, document).pages) == 2


def test_closing_with_unsaved_pages_asks_first(qtbot, core, dossier):
    dialog = open_dialog(qtbot, core, dossier, {"simulated": SimulatedScanner})
    dialog.scan()
    files = list(dialog._work_dir.glob("pages-*/*"))
    assert len(files) == 3  # the first profile feeds the simulated scanner's three sheets
    dialog.reject()
    box = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=10_000)
    box = QApplication.activeModalWidget()
    assert dialog.isVisible() and "TP1" in box.text()
    box.reject()  # "Keep scanning" is the default and the escape answer
    assert dialog.isVisible() and len(dialog.pages()) == 3
    dialog.reject()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=10_000)
    box = QApplication.activeModalWidget()
    yes = next(b for b in box.buttons() if "without" in b.text())
    yes.click()
    assert not dialog.isVisible() and not any(f.exists() for f in files)


@pytest.fixture
def small_disk(tmp_path):
    point = tmp_path / "mnt"
    point.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(point)], check=True)
    yield point
    subprocess.run(["umount", "-l", str(point)], capture_output=True)


def test_full_disk_while_scanning_keeps_the_pages_and_says_what_to_do(qtbot, core, dossier, small_disk):
    dialog = open_dialog(qtbot, core, dossier, {"simulated": lambda: SimulatedScanner(pages=5)},
                         work_dir=small_disk)
    dialog.select_profile(FEEDER)
    dialog.scan()
    assert len(dialog.pages()) == 2  # a simulated A4 page is ≈ 2.4 MB: two fit
    assert dialog.banner.kind == "error" and "disk is full" in dialog.banner.text()
    dialog.save()  # the dossier's own disk has room: the two pages are kept with it
    [document] = scans(core, dossier.code)
    assert len(pdf_of(core, document).pages) == 2


def test_from_the_dossier_detail_with_the_app_wiring(qtbot, core, dossier):
    from devices.scanners.wiring import gui_scanning
    from ui.application import create_main_window
    from ui.scan_actions import ScanActions

    window = create_main_window(core, language="vi", synchronous=True)
    qtbot.addWidget(window)
    options = gui_scanning(simulated=True)
    assert {"simulated", "file"} <= set(options["scanners"])
    options["scanners"].pop("sane", None)  # SANE has its own test above, with its test backend
    actions = ScanActions.install(window.detail, window.runner, window.device_runner, **options)
    window.detail.show_dossier(dossier.code)
    window.detail.components.selectRow(1)
    actions.button.click()
    dialog = actions.dialog
    qtbot.addWidget(dialog)
    assert dialog.current_code == "TP2" and dialog.windowTitle().endswith(dossier.code)
    dialog.select_profile(FEEDER)
    dialog.scan()
    assert len(dialog.pages()) == 4 and dialog.pages().blank_pages == [3]
    dialog.delete_page(2)
    dialog.save()
    assert window.detail.documents.rowCount() == len(window.detail.view.documents)
    assert any(d.filename == f"TP2_{dossier.code}_3p.pdf" for d in window.detail.view.documents)


def test_insert_and_replace_from_scanner_and_file(qtbot, core, dossier, tmp_path):
    dialog = open_dialog(qtbot, core, dossier, {"simulated": lambda: SimulatedScanner(pages=2),
                                                "file": FileImportScanner})
    dialog.select_profile(FEEDER)
    dialog.scan()
    first, second = [p.id for p in dialog.pages().pages]
    dialog.select_profile("Một trang trên mặt kính")  # the glass: one page per scan
    dialog.strip.setFocus()
    press(qtbot, dialog.strip, Qt.Key.Key_End)
    press(qtbot, dialog.strip, Qt.Key.Key_Insert)  # Insert: scan a page before the chosen one
    ids = [p.id for p in dialog.pages().pages]
    assert len(ids) == 3 and ids[0] == first and ids[2] == second
    assert dialog.strip.currentRow() == 1  # the new page is shown
    dialog.strip.setCurrentRow(0)
    dialog.import_files([page_file(tmp_path, "better.png")], "replace")
    pages = dialog.pages().pages
    assert [p.source for p in pages] == ["file", "scanner", "scanner"] and first not in [p.id for p in pages]
    dialog.strip.setCurrentRow(2)
    dialog.replace_button.click()  # a rescan of one bad page
    assert len(dialog.pages()) == 3 and second not in [p.id for p in dialog.pages().pages]
    texts = [a.text() for a in dialog.strip.actions()]
    assert "Replace from file…" in texts and "Delete" in texts  # the strip's context menu


def test_a_damaged_file_is_refused_and_the_pages_before_it_stay(qtbot, core, dossier, tmp_path):
    dialog = open_dialog(qtbot, core, dossier, {"file": FileImportScanner})
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 cut short")
    dialog.import_files([page_file(tmp_path, "good.png"), str(broken), page_file(tmp_path, "after.png")])
    assert len(dialog.pages()) == 1
    assert dialog.banner.kind == "error" and "cannot be opened" in dialog.banner.text()
    assert dialog.save_button.isEnabled() and dialog.file_button.isEnabled()


def test_separator_sheets_for_the_dossier_go_to_the_print_dialog(qtbot, core, dossier):
    from ui.qt import QTimer

    dialog = open_dialog(qtbot, core, dossier, {"simulated": SimulatedScanner})
    seen = []

    def close_print_dialog(tries=50):  # the print dialog is modal: answer it as the officer would
        box = QApplication.activeModalWidget()
        if box is not None and box is not dialog:
            seen.append(box.windowTitle())
            box.reject()
        elif tries:
            QTimer.singleShot(100, lambda: close_print_dialog(tries - 1))

    QTimer.singleShot(0, close_print_dialog)
    dialog.sheets_button.click()
    assert seen and dossier.code in seen[0]
    reader = pypdf.PdfReader(io.BytesIO(dialog.separator_pdf))
    assert len(reader.pages) == len(dossier.components) == 3


def test_pages_photographed_with_the_document_camera_join_the_component(qtbot, core, dossier):
    from devices.camera.simulated import SimulatedCamera
    from ui.scan_camera import camera_page_source

    camera = SimulatedCamera(seed=2, pages=3)
    source = camera_page_source(lambda: camera, live=False)  # on the scan dialog's device runner
    dialog = open_dialog(qtbot, core, dossier, {"simulated": SimulatedScanner}, page_sources={"camera": source})
    dialog.select_profile(FEEDER)
    dialog.scan()  # three scanned pages, then two photographed ones after them
    dialog.source_buttons[0].click()
    photos = dialog.camera_dialog
    for _ in range(2 * camera.timeline.period):
        photos.step()
    assert len(photos.captured) == 2
    photos.done_capturing()
    assert [p.source for p in dialog.pages().pages] == ["scanner"] * 3 + ["camera"] * 2
    dialog.save()
    [document] = scans(core, dossier.code)
    assert len(pdf_of(core, document).pages) == 5


@pytest.mark.parametrize("program", ["tesseract", "/nonexistent/tesseract"], ids=["installed", "missing"])
def test_saving_says_whether_the_pdf_has_searchable_text(qtbot, core, dossier, program):
    from counter_app.capture.ocr import default_recognizer, use_recognizer
    from devices.ocr.tesseract import TesseractRecognizer

    before = default_recognizer()
    use_recognizer(TesseractRecognizer(program))  # what the composition root installs from settings
    try:
        dialog = open_dialog(qtbot, core, dossier, {"simulated": lambda: SimulatedScanner(pages=1)})
        dialog.select_profile(FEEDER)
        dialog.scan()
        dialog.save()
        text = dialog.banner.text()
        assert dialog.banner.kind == "ok" and "1 page(s)" in text
        if program == "tesseract":
            assert "Searchable text on 1 page(s)." in text
        else:
            assert "No searchable text" in text  # the PDF is kept all the same
        assert len(scans(core, dossier.code)) == 1
    finally:
        use_recognizer(before)
