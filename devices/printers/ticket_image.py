"""A queue ticket as a 1-bit raster image at the printer's width.

Thermal printers' code pages lack most Vietnamese letters, so the whole ticket (text
and QR) is drawn here with the bundled Noto Sans and sent as pixels. Sizes scale with
the paper: 384 dots for 58 mm rolls, 576 for 80 mm.
"""
from __future__ import annotations

import io
from functools import lru_cache

import segno
from PIL import Image, ImageDraw, ImageFont

from counter_app.queue.views import TicketPrint
from counter_app.resources import resource_path

BOLD, REGULAR = "NotoSans-Bold.ttf", "NotoSans-Regular.ttf"


@lru_cache(maxsize=32)
def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(resource_path("fonts", name)), size)


def wrap(text: str, face: ImageFont.FreeTypeFont, max_width: int) -> list[str]:
    """Greedy word wrap; a single over-long word stays on its own line."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and face.getlength(trial) > max_width:
            lines.append(line)
            line = word
        else:
            line = trial
    return lines + [line] if line else lines


def qr_image(text: str, scale: int) -> Image.Image:
    """A QR (never Micro QR: phone and kiosk readers skip those) with a 4-module quiet zone."""
    code = segno.make_qr(text, error="m")
    rows = list(code.matrix)
    border = 4
    size = len(rows) + 2 * border
    image = Image.new("L", (size, size), 255)
    pixels = image.load()
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                pixels[x + border, y + border] = 0
    return image.resize((size * scale, size * scale), Image.NEAREST)


class _Canvas:
    """Draws centred lines top to bottom and remembers how far down it got."""

    def __init__(self, width: int):
        self.width, self.y = width, 0
        self.margin = max(8, width // 36)
        self.image = Image.new("L", (width, width * 4), 255)
        self.draw = ImageDraw.Draw(self.image)

    def big(self, text: str, face: ImageFont.FreeTypeFont, gap: int) -> None:
        """One line cropped to its ink (the ticket number: no paper wasted on accent room)."""
        left, top, right, bottom = self.draw.textbbox((0, 0), text, font=face)
        self.draw.text(((self.width - (right - left)) / 2 - left, self.y + gap - top), text, font=face, fill=0)
        self.y += bottom - top + 2 * gap

    def text(self, text: str, face: ImageFont.FreeTypeFont, *, gap: int = 4, inverted: bool = False) -> None:
        ascent, descent = face.getmetrics()  # fixed line height: stacked Vietnamese marks never collide
        for line in wrap(text, face, self.width - 2 * self.margin):
            x = (self.width - face.getlength(line)) / 2
            if inverted:  # white on black, the way printed tickets mark priority
                self.draw.rectangle((self.margin, self.y, self.width - self.margin, self.y + ascent + descent), fill=0)
                self.draw.text((x, self.y), line, font=face, fill=255)
            else:
                self.draw.text((x, self.y), line, font=face, fill=0)
            self.y += ascent + descent + gap

    def rule(self, gap: int) -> None:
        self.y += gap
        self.draw.line((self.margin, self.y, self.width - self.margin, self.y), fill=0, width=2)
        self.y += gap

    def paste(self, picture: Image.Image, gap: int) -> None:
        self.image.paste(picture, ((self.width - picture.width) // 2, self.y))
        self.y += picture.height + gap

    def skip(self, dots: int) -> None:
        self.y += dots

    def result(self) -> Image.Image:
        cropped = self.image.crop((0, 0, self.width, self.y + self.margin))
        return cropped.point(lambda v: 255 if v >= 128 else 0).convert("1", dither=Image.Dither.NONE)


def number_font(number: str, width: int) -> ImageFont.FreeTypeFont:
    size = width * 30 // 100
    while size > 20 and font(BOLD, size).getlength(number) > width * 0.85:
        size -= 4
    return font(BOLD, size)


def render_ticket(ticket: TicketPrint, width_dots: int, *, include_qr: bool = True) -> Image.Image:
    """The ticket as a mode-"1" image exactly ``width_dots`` wide."""
    unit = max(1, width_dots // 48)  # ≈ 12 dots on 80 mm paper, 8 on 58 mm
    canvas = _Canvas(width_dots)
    canvas.skip(unit)
    canvas.text(ticket.office_unit.upper(), font(BOLD, unit * 2))
    canvas.text(ticket.office_name, font(REGULAR, unit * 2))
    canvas.rule(unit)
    canvas.text(ticket.service_name, font(BOLD, unit * 5 // 2))
    canvas.skip(unit)
    canvas.text("SỐ THỨ TỰ CỦA BẠN", font(REGULAR, unit * 2))
    canvas.big(ticket.number or "—", number_font(ticket.number or "—", width_dots), gap=unit)
    if ticket.priority_name:
        canvas.text(f"ƯU TIÊN: {ticket.priority_name}", font(BOLD, unit * 2), inverted=True)
    canvas.skip(unit // 2)
    canvas.text(f"Trước bạn còn {ticket.waiting_ahead} người chờ", font(REGULAR, unit * 2))
    if ticket.waiting_ahead:
        canvas.text(f"Thời gian chờ dự kiến: khoảng {ticket.estimated_wait_minutes} phút", font(REGULAR, unit * 2))
    canvas.text(f"Giờ lấy số: {ticket.issued_at:%d/%m/%Y %H:%M}", font(REGULAR, unit * 2))
    if include_qr and ticket.lookup_text:
        canvas.rule(unit)
        canvas.paste(qr_image(ticket.lookup_text, scale=max(3, width_dots // 96)), gap=unit // 2)
        if ticket.lookup_is_link:  # only a link a phone can open earns the promise
            canvas.text("Quét mã bằng điện thoại để xem lượt của bạn", font(REGULAR, unit * 7 // 4))
    canvas.skip(unit)
    canvas.text("Xin vui lòng chờ đến khi được gọi số", font(REGULAR, unit * 7 // 4))
    return canvas.result()


def to_png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def ticket_png(ticket: TicketPrint, width_dots: int, *, include_qr: bool = True) -> bytes:
    return to_png(render_ticket(ticket, width_dots, include_qr=include_qr))
