"""A simulated scanner producing realistic A4 pages (header, title, text lines, signature) for demos."""
from __future__ import annotations

import io
import time

from PIL import Image, ImageChops, ImageDraw, ImageFont

from counter_app.errors import ScanCancelled, ScannerJammed, ScannerNotFound
from counter_app.resources import resource_path
from counter_app.ports import CancelToken, ScannedPage, ScannerInfo, ScanMode, ScanProfile, ScanSource

DEVICE = "sim:0"
_LINES = ("Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc", "",
          "TỜ KHAI ĐĂNG KÝ KHAI SINH", "", "Kính gửi: Ủy ban nhân dân xã", "Họ, chữ đệm, tên người yêu cầu:",
          "Nơi cư trú:", "Giấy tờ tùy thân:", "Quan hệ với người được khai sinh:",
          "Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:", "Họ, chữ đệm, tên:", "Ngày, tháng, năm sinh:",
          "Giới tính:  Dân tộc:  Quốc tịch:", "Nơi sinh:", "Quê quán:")


def _font(size: int):
    return ImageFont.truetype(str(resource_path("fonts", "NotoSerif-Regular.ttf")), size)


def render_page(number: int, *, dpi: int = 200, mode: ScanMode = ScanMode.GRAY,
                size_mm=(210.0, 297.0), blank: bool = False) -> Image.Image:
    width, height = (round(mm / 25.4 * dpi) for mm in size_mm)
    page = Image.new("L", (width, height), 246)  # paper is never pure white
    if not blank:
        draw = ImageDraw.Draw(page)
        scale = dpi / 200
        title, body = _font(int(30 * scale)), _font(int(24 * scale))
        y = int(120 * scale)
        for index, line in enumerate(_LINES):
            font = title if index in (0, 1, 3) else body
            x = (width - draw.textlength(line, font=font)) / 2 if index in (0, 1, 3) else int(150 * scale)
            draw.text((x, y), line, fill=25, font=font)
            if index >= 6 and line:  # dotted answer line, as on printed forms
                start = x + draw.textlength(line, font=font) + 10
                for dot in range(int(start), width - int(150 * scale), int(12 * scale)):
                    draw.point((dot, y + int(24 * scale)), fill=60)
            y += int(56 * scale)
        draw.text((width - int(600 * scale), height - int(400 * scale)), "Người yêu cầu", fill=25, font=body)
        draw.text((width - int(300 * scale), height - int(120 * scale)), f"Trang {number}", fill=80, font=body)
    # Sensor noise, as on a real scan (it is what makes naive JPEG pages big).
    page = ImageChops.add(page, Image.effect_noise(page.size, 5), scale=1.0, offset=-128)
    if mode is ScanMode.LINEART:
        return page.point(lambda v: 255 if v > 128 else 0, mode="1")
    return page.convert("RGB") if mode is ScanMode.COLOR else page


class SimulatedScanner:
    """``pages`` sheets in the feeder; ``blank_pages`` (1-based) come out blank; ``delay`` per page;
    ``jam_at``: the feeder jams on that page (the pages before it are kept), for demos and tests."""

    name = "simulated"

    def __init__(self, pages: int = 3, blank_pages: tuple[int, ...] = (), delay: float = 0.0, jam_at: int = 0):
        self.pages, self.blank_pages, self.delay, self.jam_at = pages, blank_pages, delay, jam_at

    def devices(self) -> list[ScannerInfo]:
        return [ScannerInfo(DEVICE, "Quầy Một Cửa", "Simulated feeder scanner", "virtual")]

    def scan(self, device: str, profile: ScanProfile, *, progress=None,
             cancel: CancelToken | None = None) -> list[ScannedPage]:
        if device not in (DEVICE, "sim:", "sim"):
            raise ScannerNotFound(f"No simulated scanner {device!r}; use {DEVICE}.")
        count = 1 if profile.source is ScanSource.FLATBED else self.pages
        if profile.max_pages:
            count = min(count, profile.max_pages)
        pages: list[ScannedPage] = []
        for number in range(1, count + 1):
            if cancel and cancel.cancelled:
                raise ScanCancelled("Scanning was cancelled.", pages=pages)
            time.sleep(self.delay)
            if number == self.jam_at:
                raise ScannerJammed(f"Paper jam on page {number}.", pages=pages)
            image = render_page(number, dpi=profile.resolution, mode=profile.mode,
                                size_mm=profile.page_size_mm, blank=number in self.blank_pages)
            buffer = io.BytesIO()
            image.save(buffer, "PNG")
            page = ScannedPage(buffer.getvalue(), profile.resolution)
            pages.append(page)
            if progress:
                progress(number, page)
        return pages
