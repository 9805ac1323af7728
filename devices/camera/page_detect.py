"""Document-camera image processing: find the page, straighten it, clean it up.

Pure functions on numpy images (OpenCV/numpy, no Qt), so the live preview, the tests and
the benchmark share them. Frames are BGR (OpenCV's order) or already grey. Corners are
float32 arrays of shape (4, 2) in frame pixels, ordered top-left, top-right,
bottom-right, bottom-left.
"""
from __future__ import annotations

import math

import cv2
import numpy as np

WORK_WIDTH = 480  # detection runs on a shrunken copy: edges of a page survive, speed is ×7
MIN_AREA = 0.08  # a page covers at least this share of the frame…
MAX_AREA = 0.985  # …and is not the whole frame (a threshold that lit everything up)
MIN_SIDE_RATIO = 0.35  # short side / long side: receipts are fine, slivers are not
A4_RATIO = math.sqrt(2.0)
A4_SNAP = 0.12  # within 12 % of √2 the page is taken as A4 (perspective makes the measure rough)
A4_LONG_MM = 297.0
MIN_CONTRAST = 18  # grey levels between the page and the desk around it


def to_gray(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return image
    return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


def order_corners(points: np.ndarray) -> np.ndarray:
    """Top-left, top-right, bottom-right, bottom-left, whatever the page's rotation.

    Sorting by angle around the centre keeps the cyclic order (the x+y / x−y trick breaks
    near 45°); the corner nearest the image's top-left then starts the cycle.
    """
    pts = np.asarray(points, dtype=np.float32).reshape(4, 2)
    centre = pts.mean(axis=0)
    angles = np.arctan2(pts[:, 1] - centre[1], pts[:, 0] - centre[0])
    pts = pts[np.argsort(angles)]  # clockwise on screen (y grows downwards)
    start = int(np.argmin(pts.sum(axis=1)))
    return np.roll(pts, -start, axis=0)


def _quad_ok(quad: np.ndarray, frame_area: float) -> bool:
    if not cv2.isContourConvex(quad.reshape(-1, 1, 2).astype(np.int32)):
        return False
    area = cv2.contourArea(quad.astype(np.float32))
    if not MIN_AREA * frame_area <= area <= MAX_AREA * frame_area:
        return False
    sides = [np.linalg.norm(quad[i] - quad[(i + 1) % 4]) for i in range(4)]
    if min(sides) < MIN_SIDE_RATIO * max(sides):
        return False
    for i in range(4):  # no corner sharper than 45° or flatter than 135°: a page seen at a slant
        a, b, c = quad[i - 1], quad[i], quad[(i + 1) % 4]
        u, v = a - b, c - b
        cosine = float(np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v) + 1e-9))
        if abs(cosine) > 0.72:
            return False
    return True


def _stands_out(gray: np.ndarray, quad: np.ndarray) -> bool:
    """A page is fully in view (no corner on the frame's edge: a lamp's bright patch reaching the
    border is not a page) and its inside differs from a ring just outside it."""
    h, w = gray.shape
    margin = 0.01 * max(h, w)
    if np.any(quad[:, 0] < margin) or np.any(quad[:, 0] > w - 1 - margin) \
            or np.any(quad[:, 1] < margin) or np.any(quad[:, 1] > h - 1 - margin):
        return False
    centre = quad.mean(axis=0)
    inner, outer = np.zeros_like(gray), np.zeros_like(gray)
    cv2.fillConvexPoly(inner, (centre + (quad - centre) * 0.9).astype(np.int32), 255)
    cv2.fillConvexPoly(outer, (centre + (quad - centre) * 1.12).astype(np.int32), 255)
    cv2.fillConvexPoly(outer, quad.astype(np.int32), 0)
    if not outer.any():
        return False
    return abs(cv2.mean(gray, inner)[0] - cv2.mean(gray, outer)[0]) >= MIN_CONTRAST


def _quads(mask: np.ndarray, frame_area: float):
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:5]:
        if cv2.contourArea(contour) < MIN_AREA * frame_area:
            break
        hull = cv2.convexHull(contour)
        perimeter = cv2.arcLength(hull, True)
        for epsilon in (0.015, 0.025, 0.04, 0.06):  # a bent or shadowed edge needs a looser fit
            approx = cv2.approxPolyDP(hull, epsilon * perimeter, True)
            if len(approx) == 4:
                quad = order_corners(approx.reshape(4, 2))
                if _quad_ok(quad, frame_area):
                    yield quad
                break


def _masks(gray: np.ndarray):
    """Two views of "where is the page": bright paper against the desk, and its edges."""
    blurred = cv2.GaussianBlur(gray, (5, 5), 0)
    _, bright = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (7, 7))
    yield cv2.morphologyEx(bright, cv2.MORPH_CLOSE, kernel)  # fills the text holes
    median = float(np.median(blurred))
    edges = cv2.Canny(blurred, int(max(10, 0.66 * median)), int(min(255, 1.33 * median) or 40))
    yield cv2.dilate(edges, kernel, iterations=1)


def find_page(image: np.ndarray) -> np.ndarray | None:
    """The page's four corners in ``image`` pixels, or None when no page is in view."""
    gray = to_gray(image)
    scale = min(1.0, WORK_WIDTH / gray.shape[1])
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    frame_area = float(small.shape[0] * small.shape[1])
    best, best_area = None, 0.0
    for mask in _masks(small):
        for quad in _quads(mask, frame_area):
            if not _stands_out(small, quad):
                continue
            area = cv2.contourArea(quad)
            if area > best_area:
                best, best_area = quad, area
            break  # the largest valid quad of this mask
    if best is None:
        return None
    corners = best / scale
    refined = _refine(gray, corners, 1.0 / scale)
    return _refine(gray, refined, 1.0) if refined is not corners else refined  # second pass: closer look


def _refine(gray: np.ndarray, corners: np.ndarray, window: float) -> np.ndarray:
    """Exact corners from the page's edges on the full-size frame.

    The coarse quad comes from a shrunken, dilated mask, so it is a few pixels off. Along
    each side we look across the edge for the strongest brightness step (bilinear
    samples, parabolic peak), fit a line through those points (Huber: a finger or a
    stamp on the edge does not bend it) and intersect neighbouring lines.
    """
    blurred = cv2.GaussianBlur(gray, (0, 0), 1.2).astype(np.float32)
    lines = []
    largest = 0.0
    for i in range(4):
        a, b = corners[i], corners[(i + 1) % 4]
        direction = b - a
        length = float(np.linalg.norm(direction))
        if length < 10:
            return corners
        # The coarse fit may cut a corner off: look far enough across the edge to find it.
        search = max(4.0, 2.5 * window, 0.03 * length)
        largest = max(largest, search)
        offsets = np.arange(-search, search + 0.5, 1.0, dtype=np.float32)
        normal = np.array([-direction[1], direction[0]], dtype=np.float32) / length
        along = a + np.outer(np.linspace(0.08, 0.92, 48, dtype=np.float32), direction)
        samples = along[:, None, :] + offsets[None, :, None] * normal
        profile = cv2.remap(blurred, samples[..., 0].copy(), samples[..., 1].copy(), cv2.INTER_LINEAR,
                            borderMode=cv2.BORDER_REPLICATE)
        step = np.abs(np.diff(profile, axis=1))  # brightness change between neighbouring samples
        peak = np.argmax(step, axis=1)
        strength = step[np.arange(len(peak)), peak]
        keep = strength > max(4.0, 0.4 * float(np.median(strength)))
        inner = (peak > 0) & (peak < step.shape[1] - 1)
        shift = np.zeros(len(peak), dtype=np.float32)
        rows = np.nonzero(inner)[0]
        left, mid, right = step[rows, peak[rows] - 1], step[rows, peak[rows]], step[rows, peak[rows] + 1]
        denominator = left - 2 * mid + right
        shift[rows] = np.where(np.abs(denominator) > 1e-6, 0.5 * (left - right) / denominator, 0.0)
        position = offsets[peak] + 0.5 + np.clip(shift, -0.5, 0.5)  # diff i sits between samples i and i+1
        points = along + position[:, None] * normal
        if keep.sum() < 12:
            return corners
        lines.append(cv2.fitLine(points[keep].astype(np.float32), cv2.DIST_HUBER, 0, 0.01, 0.01).ravel())
    refined = np.array([_intersect(lines[i - 1], lines[i]) for i in range(4)], dtype=np.float32)
    if not np.all(np.isfinite(refined)) or np.max(np.linalg.norm(refined - corners, axis=1)) > 2 * largest:
        return corners
    return refined


def _intersect(first: np.ndarray, second: np.ndarray) -> tuple[float, float]:
    (vx1, vy1, x1, y1), (vx2, vy2, x2, y2) = first, second
    det = vx1 * (-vy2) - vy1 * (-vx2)
    if abs(det) < 1e-9:
        return float("nan"), float("nan")
    t = ((x2 - x1) * (-vy2) - (y2 - y1) * (-vx2)) / det
    return float(x1 + t * vx1), float(y1 + t * vy1)


def page_size(corners: np.ndarray, *, long_side: int | None = None) -> tuple[int, int]:
    """Output (width, height): measured from the edges, snapped to A4 when close to it."""
    tl, tr, br, bl = corners
    width = (np.linalg.norm(tr - tl) + np.linalg.norm(br - bl)) / 2
    height = (np.linalg.norm(bl - tl) + np.linalg.norm(br - tr)) / 2
    long_, short = max(width, height), max(1.0, min(width, height))
    ratio = long_ / short
    if abs(ratio - A4_RATIO) / A4_RATIO < A4_SNAP:
        ratio = A4_RATIO
    long_ = float(long_side or long_)
    short = long_ / ratio
    return (round(short), round(long_)) if height >= width else (round(long_), round(short))


def warp_page(image: np.ndarray, corners: np.ndarray, size: tuple[int, int] | None = None) -> np.ndarray:
    """The page seen from straight above: the quadrilateral mapped onto an upright rectangle."""
    width, height = size or page_size(corners)
    target = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(np.asarray(corners, dtype=np.float32), target)
    return cv2.warpPerspective(image, matrix, (width, height), flags=cv2.INTER_CUBIC,
                               borderMode=cv2.BORDER_REPLICATE)


def estimate_skew(image: np.ndarray, *, max_angle: float = 6.0) -> float:
    """Degrees the text lines lean (counter-clockwise positive, as PIL's ``rotate``).

    Projection profile: rotate the ink pixels' coordinates by each candidate angle and
    histogram them into rows; text lines give the sharpest (highest-energy) profile when
    level. Coarse 0.5° steps, then 0.1° around the best.
    """
    gray = to_gray(image)
    scale = min(1.0, 700 / max(gray.shape))
    if scale < 1:
        gray = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    h, w = gray.shape
    mx, my = int(w * 0.04), int(h * 0.04)  # page borders left by the crop are not text
    inner = gray[my:h - my, mx:w - mx]
    _, ink = cv2.threshold(inner, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    ys, xs = np.nonzero(ink)
    if len(xs) < 50 or len(xs) > 0.5 * ink.size:  # blank page, or a photo: nothing to level
        return 0.0
    xs = xs.astype(np.float32) - inner.shape[1] / 2
    ys = ys.astype(np.float32) - inner.shape[0] / 2
    offset = int(math.hypot(*inner.shape)) + 2

    def energy(degrees: float) -> float:
        theta = math.radians(degrees)
        # Row of each ink pixel once the image is turned by -degrees (undoing the lean).
        rows = (ys * math.cos(theta) + xs * math.sin(theta)).astype(np.int32) + offset
        profile = np.bincount(rows, minlength=2 * offset).astype(np.float64)
        return float(np.dot(profile, profile))

    coarse = max(np.arange(-max_angle, max_angle + 0.01, 0.5), key=energy)
    fine = max(np.arange(coarse - 0.5, coarse + 0.51, 0.1), key=energy)
    return round(float(fine), 2)


def rotate_image(image: np.ndarray, degrees: float, *, fill: int = 255) -> np.ndarray:
    """Turn counter-clockwise by ``degrees`` about the centre, keeping the size (small angles)."""
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    border = fill if image.ndim == 2 else (fill, fill, fill)
    return cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                          borderValue=border)


def deskew(image: np.ndarray, *, max_angle: float = 6.0) -> tuple[np.ndarray, float]:
    """The image levelled, and the angle that was removed (0 when the lean is negligible)."""
    angle = estimate_skew(image, max_angle=max_angle)
    if abs(angle) < 0.15:
        return image, 0.0
    return rotate_image(image, -angle), angle


def clean_contrast(image: np.ndarray) -> np.ndarray:
    """A grey document with even, white paper and dark text.

    Camera light is uneven: estimate the paper's brightness everywhere (a large closing
    removes the text, a blur smooths it), divide it out, then stretch so that paper is
    white and ink is near black.
    """
    gray = to_gray(image)
    h, w = gray.shape
    k = max(15, (min(h, w) // 30) | 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k))
    background = cv2.morphologyEx(gray, cv2.MORPH_CLOSE, kernel)
    background = cv2.GaussianBlur(background, (0, 0), k / 2)
    flat = gray.astype(np.float32) / np.maximum(background.astype(np.float32), 1.0)
    black = float(np.percentile(flat, 0.5))
    white = 0.92  # paper slightly darker than its local estimate still becomes white
    if white - black < 0.05:
        black = white - 0.05
    out = (flat - black) * (255.0 / (white - black))
    return np.clip(out, 0, 255).astype(np.uint8)


def dpi_of(page: np.ndarray) -> int:
    """Effective resolution of a straightened page, taking its long side as A4's 297 mm."""
    return max(1, round(max(page.shape[:2]) / (A4_LONG_MM / 25.4)))


def corner_error(found: np.ndarray, truth: np.ndarray) -> float:
    """Largest corner distance as a share of the page's diagonal (0.02 = 2 %)."""
    truth = np.asarray(truth, dtype=np.float32)
    diagonal = float(np.linalg.norm(truth[2] - truth[0]))
    return float(np.max(np.linalg.norm(np.asarray(found, dtype=np.float32) - truth, axis=1)) / diagonal)
