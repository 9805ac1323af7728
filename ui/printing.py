"""Print, save and open the dossier's PDF forms.

Printing goes through the OS (Qt print dialog): each PDF page is rendered at 300 dpi with
pypdfium2 and painted onto the ``QPrinter``, in a worker (QPainter may paint a QPrinter
outside the UI thread). The PDF is already stored with the dossier before any of this
runs, so a failed print loses nothing: the officer just prints again.
"""
from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Callable, Iterator

import pypdfium2

from ui.messages import UserMessage, describe, text_for
from ui.qt import (
    QDesktopServices,
    QDialog,
    QFileDialog,
    QImage,
    QObject,
    QPainter,
    QPrintDialog,
    QPrinter,
    QRectF,
    Qt,
    QUrl,
    QWidget,
)
from ui.workers import TaskRunner

log = logging.getLogger(__name__)

PRINT_DPI = 300


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
                 on_info: Callable[[str], None]):
        super().__init__(parent)
        self._parent, self._runner = parent, runner
        self._on_error, self._on_info = on_error, on_info
        self.printing = False
        self.last_saved: Path | None = None
        self.last_opened: Path | None = None

    def print_pdf(self, pdf: bytes, title: str) -> None:
        if self.printing:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        dialog = QPrintDialog(printer, self._parent)
        dialog.setWindowTitle(self.tr("Print {title}").format(title=title))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.send_to_printer(printer, pdf)

    def send_to_printer(self, printer: QPrinter, pdf: bytes) -> None:
        self.printing = True
        self._on_info(self.tr("Printing…"))
        self._runner.submit(lambda: paint_pdf(printer, pdf), on_result=self._printed,
                            on_error=self._print_failed, on_finished=self._print_done, owner=self)

    def _printed(self, pages: int) -> None:
        self._on_info(self.tr("Sent {pages} page(s) to the printer.").format(pages=pages))

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
