"""From camera frames to captured pages: detection, auto-capture and the finished page image.

A ``Shot`` keeps the still frame and the page corners, so the officer can still move the
corners or turn the page before accepting it; ``render()`` makes the page from them
(straighten, deskew, clean up) as a grey PIL image that carries its effective dpi.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from devices.camera import page_detect
from devices.camera.stillness import StillnessDetector


@dataclass
class Shot:
    frame: np.ndarray  # BGR, as the camera gave it
    corners: np.ndarray | None  # None: no page found, the whole frame is the page
    rotation: int = 0  # quarter turns clockwise, set by the officer
    auto: bool = False  # taken by auto-capture rather than by hand

    def frame_corners(self) -> np.ndarray:
        if self.corners is not None:
            return self.corners
        h, w = self.frame.shape[:2]
        return np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], dtype=np.float32)

    def render(self, *, clean: bool = True) -> Image.Image:
        corners = page_detect.order_corners(self.frame_corners())
        page = page_detect.warp_page(self.frame, corners)
        gray = page_detect.to_gray(page)
        gray, _angle = page_detect.deskew(gray)
        if clean:
            gray = page_detect.clean_contrast(gray)
            edge = max(2, round(0.006 * max(gray.shape)))  # a sliver of desk along the cut edges
            gray[:edge, :] = gray[-edge:, :] = 255
            gray[:, :edge] = gray[:, -edge:] = 255
        image = Image.fromarray(gray)
        if self.rotation % 4:
            image = image.rotate(-90 * (self.rotation % 4), expand=True)
        dpi = page_detect.dpi_of(gray)
        image.info["dpi"] = (dpi, dpi)
        return image


@dataclass
class FrameResult:
    frame: np.ndarray
    corners: np.ndarray | None
    shot: Shot | None = None  # set when this frame was auto-captured
    motion: float = 0.0
    extra: dict = field(default_factory=dict)


class PageCapture:
    """Feed frames with ``process``; it finds the page and, when ``auto``, takes still pages once."""

    def __init__(self, *, auto: bool = True, detector: StillnessDetector | None = None):
        self.auto = auto
        self.detector = detector or StillnessDetector()

    def process(self, frame: np.ndarray) -> FrameResult:
        corners = page_detect.find_page(frame)
        due = self.detector.update(frame, corners)
        shot = Shot(frame, corners, auto=True) if due and self.auto else None
        return FrameResult(frame, corners, shot, self.detector.last_motion)

    @staticmethod
    def capture_now(result: FrameResult) -> Shot:
        """Space: take what is in view now (the whole frame when no page was found)."""
        return Shot(result.frame, result.corners)
