"""File import as a scanner: PDF, JPEG, PNG or TIFF files (multi-page TIFF/PDF give several pages).

The "device" is the path of a file; PDFs are rendered with pdfium at the profile's
resolution. A damaged or unsupported file raises ImageUnreadable; the pages of the
files read before it are kept in the error's ``pages`` detail.
"""
from __future__ import annotations

import io
import os
from pathlib import Path

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from counter_app.errors import ImageUnreadable, ScanCancelled, ScannerNotFound
from counter_app.ports import CancelToken, ScannedPage, ScannerInfo, ScanProfile

SUFFIXES = {".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff"}


class FileImportScanner:
    name = "file"

    def devices(self) -> list[ScannerInfo]:
        return [ScannerInfo("file:", "", "Import PDF/JPEG/PNG/TIFF files", "file")]

    def scan(self, device: str, profile: ScanProfile, *, progress=None,
             cancel: CancelToken | None = None) -> list[ScannedPage]:
        """``device``: one path, or several separated by os.pathsep, optionally prefixed "file:"."""
        paths = [Path(p) for p in device.removeprefix("file:").split(os.pathsep) if p]
        pages: list[ScannedPage] = []
        for path in paths:
            if not path.is_file():
                raise ScannerNotFound(f"File {path} does not exist.", pages=pages)
            if path.suffix.lower() not in SUFFIXES:
                raise ImageUnreadable(f"{path.name}: only PDF, JPEG, PNG and TIFF files can be imported.",
                                      pages=pages)
            for page in read_pages(path, profile.resolution):
                if cancel and cancel.cancelled:
                    raise ScanCancelled("Import was cancelled.", pages=pages)
                pages.append(page)
                if progress:
                    progress(len(pages), page)
        return pages


def read_pages(path: Path, dpi: int) -> list[ScannedPage]:
    if path.suffix.lower() == ".pdf":
        return _pdf_pages(path, dpi)
    try:
        with Image.open(path) as image:
            pages = []
            for frame in ImageSequence.Iterator(image):
                frame = ImageOps.exif_transpose(frame)
                frame_dpi = int(round(frame.info.get("dpi", (dpi, dpi))[0])) or dpi
                if path.suffix.lower() in (".jpg", ".jpeg") and getattr(image, "n_frames", 1) == 1:
                    pages.append(ScannedPage(path.read_bytes(), frame_dpi, "image/jpeg"))  # no re-encoding
                    continue
                buffer = io.BytesIO()
                frame.convert("1" if frame.mode == "1" else "RGB" if frame.mode not in ("L", "RGB") else
                              frame.mode).save(buffer, "PNG")
                pages.append(ScannedPage(buffer.getvalue(), frame_dpi))
            return pages
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError) as exc:
        raise ImageUnreadable(f"{path.name} is damaged or not an image: {exc}") from exc


def _pdf_pages(path: Path, dpi: int) -> list[ScannedPage]:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as exc:
        raise ImageUnreadable(f"{path.name} is damaged or password-protected: {exc}") from exc
    pages = []
    try:
        for page in document:
            image = page.render(scale=dpi / 72, grayscale=True).to_pil()
            buffer = io.BytesIO()
            image.save(buffer, "PNG")
            pages.append(ScannedPage(buffer.getvalue(), dpi))
    finally:
        document.close()
    return pages
