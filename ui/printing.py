"""Print, preview, save and open the dossier's PDF forms.

Printing goes through the OS (Qt print dialog): each PDF page is rendered at 300 dpi with
pypdfium2 and painted onto the ``QPrinter``, in a worker (QPainter may paint a QPrinter
outside the UI thread). The PDF is already stored with the dossier before any of this
runs, so a failed print loses nothing: the officer just prints again.

With ``devices.print_forms_directly`` on, printing skips the dialog: the pages go straight
to the computer's default printer (``QPrinterInfo.defaultPrinter()``), and the banner says
which one; with no default printer the dialog opens as before and the banner says why.
The setting reaches every ``PdfActions`` through ``configure()`` (called once by the main
window); the printer comes from a factory, so a test hands in a real PDF-output QPrinter.
"""
from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import pypdfium2
from PySide6.QtPrintSupport import QPrinterInfo

from ui.messages import UserMessage, describe, text_for
from ui.qt import (
    QDesktopServices,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QImage,
    QLabel,
    QObject,
    QPainter,
    QPixmap,
    QPrintDialog,
    QPrinter,
    QRectF,
    QScrollArea,
    Qt,
    QUrl,
    QVBoxLayout,
    QWidget,
)
from ui.shortcuts import bind_key
from ui.widgets import label
from ui.workers import TaskRunner

log = logging.getLogger(__name__)

PRINT_DPI = 300
PREVIEW_DPI = 80  # an A4 page about 660 px wide: readable, and two fit the preview's height


def default_printer() -> QPrinter | None:
    """The computer's default printer, or None when the OS has none set."""
    info = QPrinterInfo.defaultPrinter()
    if info.isNull() or not info.printerName():
        return None
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


@dataclass
class PrintSetup:
    """How a form is printed: ``direct()`` reads the setting at each print (a change made in the
    settings applies at once); ``printer()`` gives the printer direct printing uses."""
    direct: Callable[[], bool] = lambda: False
    printer: Callable[[], QPrinter | None] = default_printer


SETUP = PrintSetup()


def configure(direct: Callable[[], bool] | None = None,
              printer: Callable[[], QPrinter | None] | None = None) -> PrintSetup:
    """Set how every PdfActions prints, e.g. ``configure(direct=lambda: core.settings().devices.print_forms_directly)``."""
    if direct is not None:
        SETUP.direct = direct
    if printer is not None:
        SETUP.printer = printer
    return SETUP


def render_pages(pdf: bytes, dpi: int = PRINT_DPI) -> Iterator[QImage]:
    """Each page of ``pdf`` as an RGB image at ``dpi``."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                bitmap = page.render(scale=dpi / 72, rev_byteorder=True)  # RGB byte order
                image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                               QImage.Format.Format_RGB888)
                yield image.copy()  # own the pixels before pdfium frees the bitmap
            finally:
                page.close()
    finally:
        document.close()


def paint_pdf(printer: QPrinter, pdf: bytes, dpi: int = PRINT_DPI) -> int:
    """Paint every page onto ``printer``, fitted to the printable area; returns the page count."""
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("The printer could not be opened.")
    pages = 0
    try:
        for image in render_pages(pdf, dpi):
            if pages:
                printer.newPage()
            area = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
            area.moveTo(0, 0)
            size = image.size().toSizeF().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF(area.x() + (area.width() - size.width()) / 2, area.y(), size.width(), size.height())
            painter.drawImage(target, image)
            pages += 1
    finally:
        painter.end()
    return pages


class PdfActions(QObject):
    """The print / save / open buttons of a screen, reporting back through two callbacks."""

    def __init__(self, parent: QWidget, runner: TaskRunner, on_error: Callable[[UserMessage], None],
                 on_info: Callable[[str], None], *, setup: PrintSetup | None = None):
        super().__init__(parent)
        self._parent, self._runner = parent, runner
        self._on_error, self._on_info = on_error, on_info
        self.setup = setup or SETUP
        self.printing = False
        self.printed_on = ""  # where the last print went without a dialog
        self.last_saved: Path | None = None
        self.last_opened: Path | None = None
        self.preview: PdfPreviewDialog | None = None

    def print_pdf(self, pdf: bytes, title: str) -> None:
        """Print ``pdf``: straight to the default printer when the setting says so, else through
        the print dialog."""
        if self.printing:
            return
        if self._direct():
            printer = self.setup.printer()
            if printer is not None:
                printer.setDocName(title)
                self.send_to_printer(printer, pdf, where=printer_name(printer))
                return
            self._on_info(self.tr("This computer has no default printer, so the print dialog opened: choose a "
                                  "printer there, or set a default printer in the system's settings."))
            self.print_with_dialog(pdf, title, reason=self.tr("no default printer"))
            return
        self.print_with_dialog(pdf, title)

    def print_with_dialog(self, pdf: bytes, title: str, *, reason: str = "") -> None:
        if self.printing:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        dialog = QPrintDialog(printer, self._parent)
        caption = self.tr("Print {title}").format(title=title)
        dialog.setWindowTitle(f"{caption} — {reason}" if reason else caption)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.send_to_printer(printer, pdf)

    def _direct(self) -> bool:
        try:
            return bool(self.setup.direct())
        except Exception:  # the setting cannot be read (e.g. the workspace is locked): ask, as before
            log.warning("Could not read devices.print_forms_directly", exc_info=True)
            return False

    def send_to_printer(self, printer: QPrinter, pdf: bytes, *, where: str = "") -> None:
        self.printing = True
        self.printed_on = where
        self._on_info(self.tr("Printing on {printer}…").format(printer=where) if where else self.tr("Printing…"))
        self._runner.submit(lambda: paint_pdf(printer, pdf), on_result=self._printed,
                            on_error=self._print_failed, on_finished=self._print_done, owner=self)

    def _printed(self, pages: int) -> None:
        if self.printed_on:
            self._on_info(self.tr("Printed {pages} page(s) on {printer}.").format(pages=pages,
                                                                                 printer=self.printed_on))
        else:
            self._on_info(self.tr("Sent {pages} page(s) to the printer.").format(pages=pages))

    def preview_pdf(self, pdf: bytes, title: str) -> PdfPreviewDialog | None:
        """Show the pages as they will print, with a button to print them."""
        try:
            dialog = PdfPreviewDialog(pdf, title, lambda: self.print_pdf(pdf, title), self._parent)
        except pypdfium2.PdfiumError as exc:
            log.warning("Preview failed: %s", exc)
            self._on_error(UserMessage(text_for("print_failed"), str(exc)))
            return None
        if self.preview is not None:
            self.preview.close()
        self.preview = dialog
        dialog.open()  # window-modal, without blocking: the counter's timers keep running
        return dialog

    def _print_failed(self, error: BaseException) -> None:
        log.warning("Printing failed: %s", error)
        self._on_error(UserMessage(text_for("print_failed"), str(error)))

    def _print_done(self) -> None:
        self.printing = False

    def save_pdf(self, pdf: bytes, filename: str) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self._parent, self.tr("Save PDF"), str(Path.home() / filename), self.tr("PDF files (*.pdf)"))
        if path:
            self.write(pdf, Path(path))

    def write(self, pdf: bytes, path: Path) -> bool:
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            path.write_bytes(pdf)
        except OSError as exc:
            self._on_error(describe(exc))
            return False
        self.last_saved = path
        self._on_info(self.tr("Saved to {path}").format(path=path))
        return True

    def open_pdf(self, pdf: bytes, filename: str) -> None:
        folder = Path(tempfile.gettempdir()) / "quay-mot-cua-pdf"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / filename
            path.write_bytes(pdf)
        except OSError as exc:
            self._on_error(describe(exc))
            return
        self.last_opened = path
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self._on_error(UserMessage(text_for("open_failed"), str(path)))


def printer_name(printer: QPrinter) -> str:
    """The printer's name as the OS shows it (a PDF-output printer: its file)."""
    return printer.printerName() or printer.outputFileName() or "?"


class PdfPreviewDialog(QDialog):
    """The pages of a PDF as they will print (rendered with pdfium), and Print / Close."""

    def __init__(self, pdf: bytes, title: str, print_it: Callable[[], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preview of {title}").format(title=title))
        self._print_it = print_it
        self.pages = [QPixmap.fromImage(image) for image in render_pages(pdf, PREVIEW_DPI)]
        body = QWidget()
        column = QVBoxLayout(body)
        column.setSpacing(12)
        self.page_labels = []
        for pixmap in self.pages:
            page = QLabel()
            page.setPixmap(pixmap)
            page.setStyleSheet("background: white; border: 1px solid #999;")
            column.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(page)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidget(body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.count = label(self.tr("{pages} page(s)").format(pages=len(self.pages)), "muted")
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(self.tr("&Print (Ctrl+P)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = buttons.addButton(self.tr("&Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.setDefault(True)
        buttons.accepted.connect(self.print_and_close)
        buttons.rejected.connect(self.reject)
        bind_key(self, "Ctrl+P", self.print_and_close, self.tr("Print the previewed form"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        width = max((p.width() for p in self.pages), default=400)
        self.resize(min(width + 80, 1000), 660)  # within a 1366×700 screen's client area

    def print_and_close(self) -> None:
        self.accept()
        self._print_it()
