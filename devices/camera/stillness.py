"""Auto-capture: take a page once it lies still, then wait for a different page.

Each frame is shrunk, blurred (sensor noise would look like motion) and compared with
the previous one inside the page's bounding box; the corners' drift counts too. When
the last ``frames`` frames were all still, the detector fires once. It re-arms only
after something moved *and* the page that settles next looks different from the one
just taken: a hand passing over the same page does not capture it twice. A page taken
out of view and laid down again counts as new (turned over, or the officer wants it twice).
"""
from __future__ import annotations

from collections import deque

import cv2
import numpy as np

from devices.camera.page_detect import to_gray, warp_page

SMALL_WIDTH = 320


class StillnessDetector:
    def __init__(self, *, frames: int = 5, motion: float = 2.5, drift: float = 0.01, changed: float = 10.0):
        """``motion``: mean grey-level change per pixel counted as still; ``drift``: corner travel as a
        share of the page diagonal; ``changed``: mean difference between two pages' signatures that
        makes them different pages."""
        self.frames, self.motion, self.drift, self.changed = frames, motion, drift, changed
        self._previous: np.ndarray | None = None
        self._previous_corners: np.ndarray | None = None
        self._still = deque(maxlen=frames)
        self._taken: np.ndarray | None = None  # signature of the page captured last
        self._armed = True
        self.last_motion = 0.0

    def reset(self) -> None:
        self.__init__(frames=self.frames, motion=self.motion, drift=self.drift, changed=self.changed)

    @property
    def armed(self) -> bool:
        return self._armed

    def update(self, frame: np.ndarray, corners: np.ndarray | None) -> bool:
        """Feed one frame and the page corners found in it; True exactly when a capture is due."""
        gray = to_gray(frame)
        scale = SMALL_WIDTH / gray.shape[1]
        small = cv2.GaussianBlur(cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA),
                                 (5, 5), 0)
        still = self._is_still(small, corners, scale)
        self._previous, self._previous_corners = small, corners
        self._still.append(still)
        if corners is None:
            self._still.clear()
            self._armed, self._taken = True, None  # the page was taken away: whatever comes next is new
            return False
        if not still:
            self._armed = True  # something moved: maybe a new page (the signature will tell)
            return False
        if len(self._still) < self.frames or not all(self._still) or not self._armed:
            return False
        signature = _signature(gray, corners)
        if self._taken is not None and float(np.mean(cv2.absdiff(signature, self._taken))) < self.changed:
            self._armed = False  # the same page settled again
            return False
        self._taken, self._armed = signature, False
        return True

    def _is_still(self, small: np.ndarray, corners: np.ndarray | None, scale: float) -> bool:
        if corners is None or self._previous is None or self._previous_corners is None:
            self.last_motion = float("inf")
            return False
        diagonal = float(np.linalg.norm(corners[2] - corners[0])) or 1.0
        if float(np.max(np.linalg.norm(corners - self._previous_corners, axis=1))) > self.drift * diagonal:
            self.last_motion = float("inf")
            return False
        x, y, w, h = cv2.boundingRect((corners * scale).astype(np.int32))
        x, y = max(0, x), max(0, y)
        region = (slice(y, y + h), slice(x, x + w))
        self.last_motion = float(np.mean(cv2.absdiff(small[region], self._previous[region]))) if w and h else 0.0
        return self.last_motion < self.motion


def _signature(gray: np.ndarray, corners: np.ndarray) -> np.ndarray:
    """A tiny, blurred, contrast-normalised view of the page: same page → nearly the same picture."""
    page = warp_page(gray, corners, (48, 68))
    page = cv2.GaussianBlur(page, (3, 3), 0)
    return cv2.normalize(page, None, 0, 255, cv2.NORM_MINMAX)
