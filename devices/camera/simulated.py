"""The simulated document camera: a desk seen from above, pages laid down one after another.

Each page (the simulated scanner's form, filled in by hand in blue ink, different on
every page) slides in, settles still, stays a while, then is taken away and the next one
comes. The picture has perspective, an uneven lamp, sensor noise and a little blur.
Everything follows from ``seed`` and the frame number: frames are made on demand (no
sleeping; the live preview paces itself), and ``truth(n)`` gives the page corners of
frame ``n`` for tests. ``scene="card"`` shows a citizen ID card's QR code instead.
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np
from PIL import ImageDraw, ImageFont

from counter_app.errors import CameraDisconnected, CameraNotFound
from counter_app.ports import DeviceState, DeviceStatus
from counter_app.resources import resource_path
from devices.qr.simulated import TEST_CARD
from devices.qr.synthetic import camera_frame
from devices.scanners.simulated import render_page

PAGE_DPI = 100  # 827×1169 px: sharper than the page will ever appear in a 720p frame
_ANSWERS = ("Nguyễn Văn An", "Số 1, Phường Hoa Lư, Ninh Bình", "CCCD 001099012345", "Cha",
            "Nguyễn Minh Khôi", "12/03/2026", "Nam   Kinh   Việt Nam", "Bệnh viện đa khoa tỉnh Ninh Bình",
            "Ninh Bình")


@dataclass(frozen=True)
class Timeline:
    """Frames per page: sliding in, lying still, then an empty desk before the next page."""

    moving: int = 8
    still: int = 14
    gap: int = 3

    @property
    def period(self) -> int:
        return self.moving + self.still + self.gap


@lru_cache(maxsize=8)
def filled_page(number: int) -> np.ndarray:
    """A BGR form page with hand-written answers placed differently on each page."""
    page = render_page(number, dpi=PAGE_DPI).convert("RGB")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(resource_path("fonts", "NotoSerif-Italic.ttf")), 15)
    rng = random.Random(number)
    scale = PAGE_DPI / 200
    for line in range(6, 16):
        if rng.random() < 0.75:
            x = int(560 * scale) + rng.randint(0, 420) * scale
            draw.text((x, int((120 + line * 56 - 8) * scale)), rng.choice(_ANSWERS), fill=(30, 50, 160), font=font)
    if number % 2 == 0:  # a red round stamp on every other page
        cx, cy = rng.randint(200, 600), rng.randint(850, 1050)
        draw.ellipse((cx - 70, cy - 70, cx + 70, cy + 70), outline=(200, 30, 30), width=5)
        draw.ellipse((cx - 52, cy - 52, cx + 52, cy + 52), outline=(200, 30, 30), width=2)
    return cv2.cvtColor(np.asarray(page), cv2.COLOR_RGB2BGR)


def _desk(size: tuple[int, int], seed: int) -> np.ndarray:
    """A wooden desk: brown with grain along x and blotches, lit by a lamp from one side."""
    w, h = size
    rng = np.random.default_rng(seed)
    # Noise smeared along x looks like grain; a gentle wave bends it as a real plank's does.
    streaks = cv2.GaussianBlur(rng.normal(0, 1, (h, w)).astype(np.float32), (0, 0), sigmaX=60, sigmaY=1.2)
    streaks *= 12 / (float(streaks.std()) or 1.0)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    bend = (8 * np.sin(xs / 170.0 + seed)).astype(np.float32)
    grain = cv2.remap(streaks, xs, np.clip(ys + bend, 0, h - 1), cv2.INTER_LINEAR)
    blotch = cv2.GaussianBlur(rng.normal(0, 25, (h // 16 + 1, w // 16 + 1)).astype(np.float32), (0, 0), 2)
    base = grain + cv2.resize(blotch, (w, h)) + rng.normal(0, 3, (h, w))
    colour = np.array([52, 86, 128], dtype=np.float32)  # BGR brown
    return np.clip(colour + base[..., None] * np.array([0.5, 0.8, 1.0], dtype=np.float32), 0, 255)


def _lighting(size: tuple[int, int], seed: int) -> np.ndarray:
    w, h = size
    rng = random.Random(seed)
    lx, ly = rng.uniform(0.1, 0.9) * w, rng.uniform(-0.3, 0.3) * h  # lamp above the top edge
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    distance = np.sqrt((xs - lx) ** 2 + (ys - ly) ** 2) / math.hypot(w, h)
    return (1.08 - 0.45 * distance)[..., None].astype(np.float32)


class SimulatedCamera:
    """``Camera`` port twin; ``read()`` returns frame after frame of the scene above."""

    name = "simulated"

    def __init__(self, *, seed: int = 1, size: tuple[int, int] = (1280, 720), pages: int = 4,
                 timeline: Timeline = Timeline(), noise: float = 3.0, scene: str = "pages",
                 card_text: str = TEST_CARD, fail_after: int = 0, present: bool = True):
        """``fail_after``: frames before the camera "is unplugged" (0 = never); ``present=False``:
        no camera at all (``open`` fails), both for fault tests and demos."""
        self.seed, self.size, self.pages, self.timeline = seed, size, pages, timeline
        self.noise, self.scene, self.card_text = noise, scene, card_text
        self.fail_after, self.present = fail_after, present
        self.index = 0
        self._opened = False
        self._desk = _desk(size, seed)
        self._light = _lighting(size, seed)

    # -- Camera port -------------------------------------------------------------------

    def status(self) -> DeviceStatus:
        if not self.present:
            return DeviceStatus(DeviceState.OFFLINE, "no simulated camera")
        return DeviceStatus(DeviceState.READY, f"simulated {self.size[0]}×{self.size[1]}")

    def open(self) -> None:
        if not self.present:
            raise CameraNotFound("The simulated camera is switched off (present=False).")
        self._opened = True

    def read(self) -> np.ndarray:
        if not self._opened:
            self.open()
        if self.fail_after and self.index >= self.fail_after:
            raise CameraDisconnected(f"The simulated camera was unplugged after {self.fail_after} frames.")
        frame = self.frame(self.index)
        self.index += 1
        return frame

    def close(self) -> None:
        self._opened = False

    # -- the scene ---------------------------------------------------------------------

    def page_number(self, index: int) -> int:
        return index // self.timeline.period % self.pages + 1

    def phase(self, index: int) -> tuple[str, float]:
        """("moving", progress 0–1) | ("still", 1.0) | ("gap", 0.0) for frame ``index``."""
        t = self.timeline
        step = index % t.period
        if step < t.moving:
            return "moving", step / t.moving
        if step < t.moving + t.still:
            return "still", 1.0
        return "gap", 0.0

    def truth(self, index: int) -> np.ndarray | None:
        """Where the page's corners really are in frame ``index`` (TL, TR, BR, BL), None when away."""
        phase, progress = self.phase(index)
        if self.scene != "pages" or phase == "gap":
            return None
        visit = index // self.timeline.period
        rng = random.Random(self.seed * 7919 + visit)
        w, h = self.size
        height = h * rng.uniform(0.78, 0.88)
        width = height / math.sqrt(2)
        angle = math.radians(rng.uniform(-12, 12))
        cx, cy = w / 2 + rng.uniform(-0.08, 0.08) * w, h / 2 + rng.uniform(-0.02, 0.02) * h
        tilt = rng.uniform(0.0, 0.08)  # the far (top) edge looks narrower: the camera leans
        slide = (1 - progress) ** 2  # eases in, so the last moving frames move little
        dx, dy = rng.choice((-1, 1)) * 0.35 * w * slide, 0.1 * h * slide
        half_w, half_h = width / 2, height / 2
        local = np.array([(-half_w * (1 - tilt), -half_h), (half_w * (1 - tilt), -half_h), (half_w, half_h),
                          (-half_w, half_h)])
        # At rest the whole page is in view with a margin (the officer lays it under the camera).
        rest = local @ np.array([[math.cos(angle), math.sin(angle)], [-math.sin(angle), math.cos(angle)]])
        room = min((w / 2 - abs(cx - w / 2) - 0.03 * h) / np.abs(rest[:, 0]).max(),
                   (h / 2 - abs(cy - h / 2) - 0.03 * h) / np.abs(rest[:, 1]).max())
        local *= min(1.0, room)
        angle += math.radians(10) * slide
        cos, sin = math.cos(angle), math.sin(angle)
        return np.array([(cx + dx + x * cos - y * sin, cy + dy + x * sin + y * cos) for x, y in local],
                        dtype=np.float32)

    def frame(self, index: int) -> np.ndarray:
        if self.scene == "card":
            return self._card_frame(index)
        w, h = self.size
        scene = self._desk.copy()
        corners = self.truth(index)
        if corners is not None:
            page = filled_page(self.page_number(index))
            ph, pw = page.shape[:2]
            source = np.array([[0, 0], [pw - 1, 0], [pw - 1, ph - 1], [0, ph - 1]], dtype=np.float32)
            matrix = cv2.getPerspectiveTransform(source, corners)
            warped = cv2.warpPerspective(page, matrix, (w, h), flags=cv2.INTER_AREA).astype(np.float32)
            mask = cv2.warpPerspective(np.full((ph, pw), 255, np.uint8), matrix, (w, h), flags=cv2.INTER_LINEAR)
            alpha = (mask.astype(np.float32) / 255.0)[..., None]
            # A soft shadow under the page's right and bottom edges.
            shadow = cv2.GaussianBlur(np.roll(np.roll(mask, 6, axis=0), 5, axis=1), (0, 0), 5).astype(np.float32)
            scene *= 1 - 0.35 * (shadow / 255.0)[..., None]
            scene = scene * (1 - alpha) + warped * alpha
        scene *= self._light
        if self.noise:
            scene += np.random.default_rng(self.seed * 100003 + index).normal(0, self.noise, scene.shape)
        frame = np.clip(scene, 0, 255).astype(np.uint8)
        return cv2.GaussianBlur(frame, (3, 3), 0.6)

    def _card_frame(self, index: int) -> np.ndarray:
        rng = random.Random(self.seed * 31 + index)
        gray = camera_frame(self.card_text, size=self.size, qr_px=240, angle=rng.uniform(-8, 8), blur=0.8,
                            noise=self.noise, perspective=rng.uniform(0, 0.1), seed=self.seed)
        return cv2.cvtColor(np.asarray(gray), cv2.COLOR_GRAY2BGR)
