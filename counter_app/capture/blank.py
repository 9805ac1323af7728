"""Blank-page detection: flag (never drop) pages with almost no ink, for the officer to review.

Scanned "white" pages are not white: paper tone, noise, dust and dark borders from the
lid. So we look at a shrunken copy without its margins, remove specks with a median
filter, and count pixels clearly darker than the paper.
"""
from __future__ import annotations

from PIL import Image, ImageFilter

INK_DELTA = 60  # grey levels darker than the paper that count as ink
MAX_INK_FRACTION = 0.002  # a page with less ink than 0.2 % of its area is "blank"
MARGIN = 0.06  # lid shadows and punched holes live in the margins


def ink_fraction(image: Image.Image) -> float:
    gray = image.convert("L")
    gray.thumbnail((400, 400))
    dx, dy = int(gray.width * MARGIN), int(gray.height * MARGIN)
    gray = gray.crop((dx, dy, gray.width - dx, gray.height - dy)).filter(ImageFilter.MedianFilter(3))
    histogram = gray.histogram()
    total = sum(histogram)
    paper = percentile(histogram, total, 0.9)  # most of a page is paper
    threshold = max(paper - INK_DELTA, 0)
    return sum(histogram[:threshold]) / total if total else 0.0


def is_blank(image: Image.Image) -> bool:
    return ink_fraction(image) < MAX_INK_FRACTION


def percentile(histogram: list[int], total: int, fraction: float) -> int:
    running = 0
    for level, count in enumerate(histogram):
        running += count
        if running >= total * fraction:
            return level
    return 255
