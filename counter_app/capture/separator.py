"""Split one scanned batch into dossier components at separator sheets.

A separator sheet carries a QR code ``QMC-SEP|<component code>`` (printed by the app or
by hand); the pages after it, up to the next separator, belong to that component. The
sheet itself is not a page of the dossier. Pages before the first separator stay with
the component being scanned. QR decoding is injected (``devices.qr`` in the app) so the
core stays free of device libraries.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from PIL import Image

from counter_app.errors import InvalidInput, QrUnreadable, UnknownSeparator
from counter_app.ports import ScannedPage

PREFIX = "QMC-SEP|"

# decode(image) → the QR payload (bytes or text); raises QrUnreadable when there is none.
Decoder = Callable[[Image.Image], "bytes | str"]


@dataclass
class Section:
    component_code: str | None  # None: the component the batch was scanned for
    pages: list = field(default_factory=list)


def separator_text(component_code: str) -> str:
    return f"{PREFIX}{component_code}"


def separator_code(page, decode: Decoder) -> str | None:
    """The component code if ``page`` is a separator sheet, else None."""
    try:
        payload = decode(_image(page))
    except QrUnreadable:
        return None
    text = payload.decode("utf-8", "replace") if isinstance(payload, (bytes, bytearray)) else str(payload)
    text = text.strip()
    if not text.startswith(PREFIX):
        return None  # some other QR on a real page (e.g. a form's code): it is content
    code = text[len(PREFIX):].strip()
    if not code:
        raise InvalidInput("A separator sheet names no component: print it again (QMC-SEP|<component code>).")
    return code


def separator_sheets_pdf(components: Sequence[tuple[str, str]], *, dossier_code: str = "") -> bytes:
    """One A4 page per (component code, name): a large QR the splitter reads, and the name
    in words so the officer puts the right sheet before the right paper."""
    import segno
    from PIL import ImageDraw, ImageFont

    from counter_app.resources import resource_path

    if not components:
        raise InvalidInput("No components to make separator sheets for.")
    dpi = 150
    width, height = round(210 / 25.4 * dpi), round(297 / 25.4 * dpi)
    font_path = str(resource_path("fonts", "NotoSerif-Regular.ttf"))
    big, small = ImageFont.truetype(font_path, 54), ImageFont.truetype(font_path, 30)
    pages = []
    for code, name in components:
        page = Image.new("L", (width, height), 255)
        buffer = io.BytesIO()
        segno.make_qr(separator_text(code), encoding="utf-8", error="h").save(buffer, kind="png", scale=14,
                                                                              border=4)
        qr = Image.open(io.BytesIO(buffer.getvalue())).convert("L")
        page.paste(qr, ((width - qr.width) // 2, height // 5))
        draw = ImageDraw.Draw(page)
        y = height // 5 + qr.height + 40
        for text, font in (("TỜ PHÂN CÁCH", big), (code, big), (name, small), (dossier_code, small)):
            if text:
                draw.text(((width - draw.textlength(text, font=font)) / 2, y), text, fill=0, font=font)
                y += font.size + 30
        pages.append(page)
    output = io.BytesIO()
    pages[0].save(output, "PDF", save_all=True, append_images=pages[1:], resolution=float(dpi),
                  title="QMC separator sheets")
    return output.getvalue()


def split_batch(pages: Iterable, decode: Decoder, *, known_codes: Sequence[str] | None = None) -> list[Section]:
    """Sections in batch order; empty sections (two separators in a row) are kept so the
    officer sees that a component got no pages. An unknown component code raises
    UnknownSeparator before anything is split (the batch is untouched)."""
    sections = [Section(None)]
    for page in pages:
        code = separator_code(page, decode)
        if code is None:
            sections[-1].pages.append(page)
            continue
        if known_codes is not None and code not in known_codes:
            raise UnknownSeparator(f"A separator sheet names component {code!r}, which this dossier does not "
                               f"have (it has: {', '.join(known_codes)}).", component=code)
        sections.append(Section(code))
    if not sections[0].pages and len(sections) > 1:
        sections.pop(0)
    return sections


def _image(page) -> Image.Image:
    if isinstance(page, Image.Image):
        return page
    data = page.image if isinstance(page, ScannedPage) else page
    return Image.open(io.BytesIO(data))
