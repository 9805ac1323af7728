"""One-key printing of forms and their preview, on the real main window and a real QPrinter.

"The default printer" is a real QPrinter writing a PDF file, handed in through the printer
factory of ``ui.printing.configure`` (what ``QPrinterInfo.defaultPrinter()`` gives on a counter).
Any modal dialog that opens is recorded and closed by a watcher, so "no dialog" is measured."""
from __future__ import annotations

import io
import subprocess

import pypdf
import pytest

from tests.conftest import REPO
from tests.test_ui_intake import press, receive_complete_birth
from ui import printing
from ui.application import create_main_window
from ui.qt import QApplication, QDialog, QPrinter, Qt, QTimer


@pytest.fixture
def window(core, qtbot):
    window = create_main_window(core, language="vi", synchronous=True)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


@pytest.fixture
def setup():
    """The main window's wiring (``configure``), restored after the test."""
    before = (printing.SETUP.direct, printing.SETUP.printer)
    yield printing.SETUP
    printing.SETUP.direct, printing.SETUP.printer = before


class DialogWatcher:
    """Records (and closes) every modal dialog that opens while it watches."""

    def __init__(self):
        self.titles: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._look)
        self.timer.start()

    def _look(self) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog) and modal.isVisible():
            self.titles.append(modal.windowTitle())
            modal.reject()

    def stop(self) -> None:
        self.timer.stop()


def pdf_printer(path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def set_direct(core, value: str) -> None:
    from counter_app.settings import set_value

    core.save_settings(set_value(core.settings(), "devices.print_forms_directly", value))


def done_page(window):
    done = receive_complete_birth(window.intake)
    assert done.pdf and done.print_button.isEnabled()
    return done


def pages(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_ctrl_p_prints_straight_to_the_default_printer_without_a_dialog(window, core, setup, tmp_path, qtbot):
    made = []

    def default_printer():
        made.append(pdf_printer(tmp_path / "default-printer.pdf"))
        return made[-1]

    printing.configure(direct=lambda: core.settings().devices.print_forms_directly, printer=default_printer)
    set_direct(core, "true")
    done = done_page(window)
    watcher = DialogWatcher()
    try:
        press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # one key
        qtbot.waitUntil(lambda: not done.pdf_actions.printing and (tmp_path / "default-printer.pdf").exists())
        qtbot.wait(100)  # a dialog, had one opened, would be seen by now
    finally:
        watcher.stop()
    assert watcher.titles == [] and len(made) == 1
    assert len(pypdf.PdfReader(tmp_path / "default-printer.pdf").pages) == pages(done.pdf)
    assert done.message.kind == "info"
    assert done.message.text() == f"Đã in {pages(done.pdf)} trang trên máy in {tmp_path / 'default-printer.pdf'}."
    assert made[0].docName() == done.filename()


def test_without_a_default_printer_the_dialog_opens_and_the_banner_says_why(window, core, setup, qtbot):
    printing.configure(direct=lambda: core.settings().devices.print_forms_directly, printer=lambda: None)
    set_direct(core, "true")
    done = done_page(window)
    watcher = DialogWatcher()
    try:
        press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    finally:
        watcher.stop()
    assert len(watcher.titles) == 1 and "không có máy in mặc định" in watcher.titles[0]
    assert done.message.kind == "info" and "chưa có máy in mặc định" in done.message.text()
    assert not done.pdf_actions.printing


def test_with_the_setting_off_ctrl_p_asks_through_the_dialog(window, core, setup, qtbot):
    asked = []
    printing.configure(direct=lambda: core.settings().devices.print_forms_directly,
                       printer=lambda: asked.append(1))
    done = done_page(window)
    assert core.settings().devices.print_forms_directly is False
    watcher = DialogWatcher()
    try:
        press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    finally:
        watcher.stop()
    assert len(watcher.titles) == 1 and watcher.titles[0] == f"In {done.filename()}"
    assert asked == []  # the default printer is not even looked up


def test_preview_shows_every_page_fits_the_screen_and_prints_with_ctrl_p(window, core, setup, tmp_path, qtbot):
    printing.configure(direct=lambda: core.settings().devices.print_forms_directly,
                       printer=lambda: pdf_printer(tmp_path / "from-preview.pdf"))
    set_direct(core, "true")
    done = done_page(window)
    assert done.preview_button.text() == "Xem t&rước" and done.preview_button.isEnabled()
    qtbot.mouseClick(done.preview_button, Qt.MouseButton.LeftButton)
    preview = done.pdf_actions.preview
    qtbot.waitUntil(preview.isVisible)
    assert len(preview.page_labels) == pages(done.pdf) and preview.count.text() == f"{pages(done.pdf)} trang"
    assert preview.windowTitle() == f"Xem trước {done.filename()}"
    page = preview.page_labels[0].pixmap()
    assert page.height() > page.width() > 500  # a portrait A4 page, readable
    assert preview.width() <= 1366 and preview.height() <= 700
    assert preview.print_button.text() == "&In (Ctrl+P)" and preview.close_button.text() == "Đón&g"
    preview.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is preview)
    qtbot.keyClick(preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not preview.isVisible() and (tmp_path / "from-preview.pdf").exists())
    assert len(pypdf.PdfReader(tmp_path / "from-preview.pdf").pages) == pages(done.pdf)
    assert "Đã in" in done.message.text()


def test_the_setting_is_set_from_the_command_line(tmp_path):
    from tests.conftest import make_core

    make_core(tmp_path / "ws").workspace.close()
    cli = str(REPO / ".venv" / "bin" / "counter-app")
    result = subprocess.run([cli, "--workspace", str(tmp_path / "ws"), "settings", "set",
                             "devices.print_forms_directly", "true"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "devices.print_forms_directly = True" in result.stdout
    bad = subprocess.run([cli, "--workspace", str(tmp_path / "ws"), "settings", "set",
                          "devices.print_forms_directly", "maybe"], capture_output=True, text=True, timeout=120)
    assert bad.returncode != 0 and "print_forms_directly" in bad.stderr + bad.stdout
    core = make_core_again(tmp_path / "ws")
    assert core.settings().devices.print_forms_directly is True
    core.workspace.close()


def make_core_again(root):
    from counter_app.core import CounterCore
    from counter_app.workspace import open_workspace
    from tests.conftest import NOW

    return CounterCore(open_workspace(root), clock=lambda: NOW)
