"""Camera-like pictures of a CCCD QR code, for tests and the benchmark (no real card needed).

Real cards carry UTF-8 without an ECI header, so the code is made with segno's
``make_qr`` (never a Micro QR) and ``encoding="utf-8"``.
"""
from __future__ import annotations

import io
import random

import numpy as np
import segno
from PIL import Image, ImageDraw, ImageFilter


def qr_image(text: str, module_px: int = 4) -> Image.Image:
    buffer = io.BytesIO()
    segno.make_qr(text, encoding="utf-8", error="m").save(buffer, kind="png", scale=module_px, border=4)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("L")


def camera_frame(text: str, *, size=(1280, 720), qr_px: int = 260, angle: float = 0.0, blur: float = 0.0,
                 noise: float = 0.0, contrast: float = 1.0, brightness: float = 0.0, glare: float = 0.0,
                 perspective: float = 0.0, jpeg_quality: int = 0, seed: int = 0) -> Image.Image:
    """The QR (``qr_px`` wide) on a card-coloured background in a grey frame, then degraded.

    ``perspective`` (0–0.3): the card leans back, its far edge that much narrower."""
    rng = random.Random(seed)
    code = qr_image(text).resize((qr_px, qr_px), Image.Resampling.NEAREST)
    card = Image.new("L", (int(qr_px * 2.6), int(qr_px * 1.6)), 225)
    draw = ImageDraw.Draw(card)
    for line in range(5):  # printed text lines next to the code, as on the card
        y = 20 + line * qr_px // 4
        draw.rectangle((20, y, int(qr_px * 1.3), y + 8), fill=90)
    card.paste(code, (card.width - qr_px - 20, (card.height - qr_px) // 2))
    card = card.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=120)
    frame = Image.new("L", size, 120)
    x = rng.randint(0, max(0, size[0] - card.width))
    y = rng.randint(0, max(0, size[1] - card.height))
    frame.paste(card, (x, y))
    if perspective:
        w, h = size
        inset = perspective * w / 2  # the output rectangle samples a wider quad at the top
        frame = frame.transform(size, Image.Transform.QUAD, (-inset, 0, -0, h, w, h, w + inset, 0),
                                resample=Image.Resampling.BICUBIC, fillcolor=120)
    if blur:
        frame = frame.filter(ImageFilter.GaussianBlur(blur))
    pixels = np.asarray(frame, dtype=np.float32) * contrast + brightness
    if glare:
        ys, xs = np.mgrid[0:size[1], 0:size[0]]
        cx, cy = x + card.width * 0.6, y + card.height * 0.4
        pixels += glare * np.exp(-(((xs - cx) ** 2 + (ys - cy) ** 2) / (2 * (qr_px * 0.6) ** 2)))
    if noise:
        pixels += np.random.default_rng(seed).normal(0, noise, pixels.shape)
    frame = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    if jpeg_quality:
        buffer = io.BytesIO()
        frame.save(buffer, "JPEG", quality=jpeg_quality)
        frame = Image.open(io.BytesIO(buffer.getvalue())).convert("L")
    return frame
