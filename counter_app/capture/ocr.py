"""Optional OCR text layer: each page stays one image, with invisible searchable text under it.

The recognizer (port ``counter_app.ports.TextRecognizer``, e.g. Tesseract in
``devices/ocr``) turns one page image into a text-only PDF page of the same size (text
render mode 3). Here that page becomes a form XObject drawn under the scanned image, so
the PDF looks exactly as before and ``pdftotext``/search finds the words.

OCR is a convenience, never a reason to lose a scan: a missing engine or an unreadable
page gives a note in the result and a PDF without (part of) the text layer, never an error.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field

import pikepdf
from PIL import Image

from counter_app.errors import OcrFailed, OcrUnavailable
from counter_app.ports import TextRecognizer

_default: TextRecognizer | None = None


def use_recognizer(recognizer: TextRecognizer | None) -> None:
    """Set the recognizer ``pages_to_pdf`` uses when its caller names none (the composition
    root does this from settings ``capture.ocr``); None = no text layer."""
    global _default
    _default = recognizer


def default_recognizer() -> TextRecognizer | None:
    return _default


@dataclass
class TextLayers:
    """One text-only PDF (or None) per page, and what the officer should know about them."""

    pages: list[bytes | None]
    notes: list[str] = field(default_factory=list)
    # The text PDFs drawn into the output: qpdf copies their streams only when the output is
    # written, so they stay open until then (``close`` after saving).
    sources: list[pikepdf.Pdf] = field(default_factory=list)

    def close(self) -> None:
        for source in self.sources:
            source.close()
        self.sources.clear()


def recognize(images: list[Image.Image], dpi: int, recognizer: TextRecognizer | None) -> TextLayers:
    layers = TextLayers([None] * len(images))
    if recognizer is None:
        return layers
    for index, image in enumerate(images):
        png = io.BytesIO()
        image.save(png, "PNG", dpi=(dpi, dpi))
        try:
            layers.pages[index] = recognizer.text_pdf(png.getvalue(), dpi)
        except OcrUnavailable as exc:  # no engine: no point trying the other pages
            layers.pages = [None] * len(images)
            layers.notes.append(f"No text layer: {exc.message}")
            return layers
        except OcrFailed as exc:
            layers.notes.append(f"Page {index + 1} has no text layer: {exc.message}")
    return layers


def add_text_layers(pdf: pikepdf.Pdf, layers: TextLayers) -> int:
    """Draw each text-only page under its image page; returns how many pages got text.

    A text PDF that cannot be read is noted and skipped, the page stays image only."""
    done = 0
    for index, (page, data) in enumerate(zip(pdf.pages, layers.pages)):
        if data is None:
            continue
        try:
            text = pikepdf.open(io.BytesIO(data))
        except pikepdf.PdfError as exc:
            layers.notes.append(f"Page {index + 1} has no text layer: the OCR output was unreadable ({exc}).")
            continue
        layers.sources.append(text)
        try:
            if len(text.pages) != 1:
                raise pikepdf.PdfError(f"{len(text.pages)} pages instead of 1")
            page.add_underlay(text.pages[0])  # fitted to the image page's box (same size when the dpi agree)
        except pikepdf.PdfError as exc:
            layers.notes.append(f"Page {index + 1} has no text layer: the OCR output was unreadable ({exc}).")
            continue
        done += 1
    return done
