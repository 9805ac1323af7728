"""The editable list of pages of one dossier component, before it becomes one PDF.

Pages come from any source (scanner, file import, document camera) and are kept as
their original encoded bytes in files of a private folder, so a long batch does not
sit in memory and rotating is lossless: the rotation is a number applied only when a
preview or the PDF is made. Blank pages are flagged for the officer's review and kept.
Safe to use from a worker thread and the UI thread at once (one lock).
"""
from __future__ import annotations

import errno
import io
import itertools
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

from PIL import Image, ImageOps, UnidentifiedImageError

from counter_app.capture.blank import is_blank
from counter_app.capture.pdf import TARGET_DPI, ComponentPdf, OutputMode, pages_to_pdf
from counter_app.errors import ImageUnreadable, InvalidInput, PageStoreFull, WorkspaceError
from counter_app.ports import ScannedPage

PREVIEW_SIDE = 720  # pixels: enough for a thumbnail strip and a readable preview
CAMERA_JPEG_QUALITY = 92  # colour photos from a camera: PNG would be ten times larger


@dataclass(frozen=True)
class Page:
    id: int  # stable while the page is in the list (moves and rotations keep it)
    path: Path
    dpi: int
    mime: str
    rotation: int = 0  # clockwise degrees: 0, 90, 180 or 270
    blank: bool = False
    source: str = "scanner"


class PageList:
    """Pages of one component; ``directory`` is where page files live (a temp dir if None)."""

    def __init__(self, directory: Path | None = None):
        if directory is not None:
            Path(directory).mkdir(parents=True, exist_ok=True)
        self._dir = Path(tempfile.mkdtemp(prefix="pages-", dir=directory))
        self._pages: list[Page] = []
        self._previews: dict[int, bytes] = {}  # page id → PNG, unrotated
        self._last_deleted: tuple[int, Page] | None = None
        self._ids = itertools.count(1)
        self._lock = threading.RLock()

    # -- reading ------------------------------------------------------------------------

    @property
    def pages(self) -> list[Page]:
        with self._lock:
            return list(self._pages)

    def __len__(self) -> int:
        return len(self._pages)

    @property
    def blank_pages(self) -> list[int]:
        """1-based positions of the pages flagged blank, for the officer to review."""
        return [n for n, page in enumerate(self.pages, start=1) if page.blank]

    def index_of(self, page_id: int) -> int:
        with self._lock:
            for index, page in enumerate(self._pages):
                if page.id == page_id:
                    return index
        raise InvalidInput(f"No page {page_id} in this component.")

    def image(self, index: int) -> Image.Image:
        """The page at full resolution, rotated as shown (for the PDF and for viewing)."""
        page = self._at(index)
        return _rotated(_open(page.path.read_bytes()), page.rotation, page.dpi)

    def preview_png(self, index: int) -> bytes:
        """A small PNG of the page as shown (rotation applied), for thumbnails and the preview pane."""
        page = self._at(index)
        with self._lock:
            base = self._previews.get(page.id)
        if base is None:
            base = _preview(_open(page.path.read_bytes()))
            with self._lock:
                self._previews[page.id] = base
        if not page.rotation:
            return base
        buffer = io.BytesIO()
        _rotated(Image.open(io.BytesIO(base)), page.rotation, 0).save(buffer, "PNG")
        return buffer.getvalue()

    # -- editing ------------------------------------------------------------------------

    def add(self, item, *, source: str = "scanner") -> Page:
        return self.insert(len(self._pages), item, source=source)

    def add_all(self, items: Iterable, *, source: str = "scanner") -> list[Page]:
        return [self.add(item, source=source) for item in items]

    def insert(self, index: int, item, *, source: str = "scanner") -> Page:
        """Insert before position ``index`` (0-based; ``len`` appends). ``item``: a ScannedPage,
        encoded image bytes or a PIL image (e.g. from the document camera)."""
        page, preview = self._store(item, source)
        with self._lock:
            index = max(0, min(index, len(self._pages)))
            self._pages.insert(index, page)
            self._previews[page.id] = preview
        return page

    def replace(self, index: int, item, *, source: str = "scanner") -> Page:
        """Put a new capture in place of the page at ``index`` (a rescan of a bad page)."""
        self._at(index)
        page, preview = self._store(item, source)
        with self._lock:
            old = self._pages[index]
            self._pages[index] = page
            self._previews[page.id] = preview
            self._previews.pop(old.id, None)
        _remove(old.path)
        return page

    def delete(self, index: int) -> Page:
        """Remove a page; ``undo_delete`` brings back the last one removed."""
        with self._lock:
            page = self._at(index)
            del self._pages[index]
            if self._last_deleted:  # only one undo level: the older file can go
                _remove(self._last_deleted[1].path)
            self._last_deleted = (index, page)
        return page

    def undo_delete(self) -> Page | None:
        with self._lock:
            if not self._last_deleted:
                return None
            index, page = self._last_deleted
            self._last_deleted = None
            self._pages.insert(min(index, len(self._pages)), page)
            return page

    @property
    def can_undo(self) -> bool:
        return self._last_deleted is not None

    def move(self, index: int, to: int) -> None:
        """Move the page at ``index`` so that it ends up at position ``to``."""
        with self._lock:
            page = self._at(index)
            if not 0 <= to < len(self._pages):
                raise InvalidInput(f"Position {to + 1} is outside the {len(self._pages)} page(s).")
            del self._pages[index]
            self._pages.insert(to, page)

    def reorder(self, page_ids: list[int]) -> None:
        """Put the pages in this order (every page exactly once)."""
        with self._lock:
            by_id = {page.id: page for page in self._pages}
            if sorted(page_ids) != sorted(by_id):
                raise InvalidInput("A new page order must list every page exactly once.")
            self._pages = [by_id[i] for i in page_ids]

    def rotate(self, index: int, quarter_turns: int = 1) -> Page:
        """Turn a page clockwise by 90° steps (negative: anticlockwise). Lossless: the stored
        image is untouched; the rotation is applied when the PDF is made."""
        with self._lock:
            page = self._at(index)
            page = replace(page, rotation=(page.rotation + 90 * quarter_turns) % 360)
            self._pages[index] = page
            return page

    def set_blank(self, index: int, blank: bool) -> Page:
        """The officer's verdict on a flagged page (keeping it clears the flag)."""
        with self._lock:
            page = replace(self._at(index), blank=blank)
            self._pages[index] = page
            return page

    def clear(self) -> None:
        with self._lock:
            for page in self._pages + ([self._last_deleted[1]] if self._last_deleted else []):
                _remove(page.path)
            self._pages, self._previews, self._last_deleted = [], {}, None

    def close(self) -> None:
        """Forget every page and remove their files."""
        with self._lock:
            self._pages, self._previews, self._last_deleted = [], {}, None
        shutil.rmtree(self._dir, ignore_errors=True)

    # -- output -------------------------------------------------------------------------

    def to_pdf(self, *, mode: OutputMode = OutputMode.GRAY, dpi: int = TARGET_DPI, dossier_code: str = "",
               component_code: str = "") -> ComponentPdf:
        """One PDF of the pages in their order and rotation (through ``pages_to_pdf``)."""
        pages = self.pages
        if not pages:
            raise InvalidInput("No pages to save: scan or import at least one page.")

        def page_images():
            for page in pages:
                data = page.path.read_bytes()
                if page.rotation:
                    yield _rotated(_open(data), page.rotation, page.dpi)
                else:  # untouched bytes: pages_to_pdf reads the dpi that came with them
                    yield ScannedPage(data, page.dpi, page.mime)

        return pages_to_pdf(page_images(), mode=mode, dpi=dpi, dossier_code=dossier_code,
                            component_code=component_code)

    # -- inside -------------------------------------------------------------------------

    def _at(self, index: int) -> Page:
        with self._lock:
            if not 0 <= index < len(self._pages):
                raise InvalidInput(f"There is no page {index + 1} (the component has {len(self._pages)}).")
            return self._pages[index]

    def _store(self, item, source: str) -> tuple[Page, bytes]:
        data, dpi, mime = _encoded(item)
        image = _open(data)  # also proves the bytes are an image before anything is kept
        page_id = next(self._ids)
        suffix = ".jpg" if mime == "image/jpeg" else ".png"
        path = self._dir / f"{page_id:05d}{suffix}"
        try:
            path.write_bytes(data)
        except OSError as exc:
            _remove(path)
            if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
                raise PageStoreFull("The disk is full: the last page could not be kept. Free some space; "
                               "the pages already captured are kept.", pages=len(self._pages)) from exc
            raise WorkspaceError(f"The page could not be kept: {exc}", pages=len(self._pages)) from exc
        dpi = dpi or int(image.info.get("dpi", (TARGET_DPI,))[0]) or TARGET_DPI
        page = Page(page_id, path, dpi, mime, blank=is_blank(image), source=source)
        return page, _preview(image)


def remove_stale(directory: Path, *, older_than: float = 86_400) -> int:
    """Remove page folders left by a session that ended without closing (power cut, crash);
    young ones may belong to another window open on the same workspace. Returns how many."""
    removed = 0
    limit = time.time() - older_than
    for folder in Path(directory).glob("pages-*"):
        try:
            if folder.is_dir() and folder.stat().st_mtime < limit:
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        except OSError:
            continue
    return removed


def _encoded(item) -> tuple[bytes, int, str]:
    if isinstance(item, ScannedPage):
        return item.image, item.dpi, item.mime
    if isinstance(item, (bytes, bytearray)):
        data = bytes(item)
        return data, 0, "image/jpeg" if data[:3] == b"\xff\xd8\xff" else "image/png"
    if isinstance(item, Image.Image):
        dpi = int(item.info.get("dpi", (0,))[0])
        buffer = io.BytesIO()
        if item.mode in ("RGB", "RGBA", "CMYK", "P") and item.width * item.height > 1_000_000:
            item.convert("RGB").save(buffer, "JPEG", quality=CAMERA_JPEG_QUALITY, dpi=(dpi or TARGET_DPI,) * 2)
            return buffer.getvalue(), dpi, "image/jpeg"
        item.save(buffer, "PNG", dpi=(dpi or TARGET_DPI,) * 2)
        return buffer.getvalue(), dpi, "image/png"
    raise InvalidInput(f"Cannot take a page from {type(item).__name__}: give an image or a scanned page.")


def _open(data: bytes) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError) as exc:
        raise ImageUnreadable(f"The page is not a readable image: {exc}") from exc
    return ImageOps.exif_transpose(image)


def _rotated(image: Image.Image, rotation: int, dpi: int) -> Image.Image:
    if rotation:
        # PIL's transpose turns without resampling: no quality lost at 90° steps.
        image = image.transpose({90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180,
                                 270: Image.Transpose.ROTATE_90}[rotation])
    if dpi:
        image.info["dpi"] = (dpi, dpi)
    return image


def _preview(image: Image.Image) -> bytes:
    small = image.convert("L" if image.mode in ("1", "L", "LA", "I;16") else "RGB")
    small.thumbnail((PREVIEW_SIDE, PREVIEW_SIDE))
    buffer = io.BytesIO()
    small.save(buffer, "PNG")
    return buffer.getvalue()


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
