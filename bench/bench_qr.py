"""CCCD QR decode rate and time per 1280×720 frame (goal: ≤ 30 ms per frame, rate ≥ best single pass).

Frames are generated (segno ``make_qr``, UTF-8 like real cards) and degraded the way a
webcam or phone does: tilt, blur, noise, low light, glare, JPEG artefacts, small code.
Compares zxing-cpp alone (one pass, no preprocessing) with the app's pipeline
(``ZxingQrReader``: preprocessing fallbacks), on the same frames; a frame counts as
decoded only if the parsed card matches. Also prints which pass found each code.

Run: .venv/bin/python bench/bench_qr.py [frames]   (prints figures, asserts nothing)
"""
from __future__ import annotations

import collections
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from counter_app.errors import CounterError  # noqa: E402
from counter_app.idcard import parse_cccd  # noqa: E402
from devices.qr.simulated import TEST_CARD  # noqa: E402
from devices.qr.synthetic import camera_frame  # noqa: E402
from devices.qr.zxing_reader import ZxingQrReader  # noqa: E402

GOAL_MS = 30


def variations(count: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for index in range(count):
        out.append(dict(angle=rng.uniform(-40, 40), qr_px=rng.randint(110, 320), blur=rng.choice([0, 0, 0.6, 1.0, 1.5]),
                        noise=rng.choice([0, 4, 8, 14]), contrast=rng.choice([1.0, 0.7, 0.45, 0.3]),
                        brightness=rng.uniform(-20, 30), glare=rng.choice([0, 0, 80, 140]),
                        perspective=rng.choice([0, 0, 0.1, 0.2]), jpeg_quality=rng.choice([0, 80, 50, 30]),
                        seed=index))
    return out


def run(name: str, reader: ZxingQrReader, frames: list[np.ndarray]) -> None:
    times, ok = [], 0
    passes = collections.Counter()
    for frame in frames:
        start = time.perf_counter()
        try:
            data = parse_cccd(reader.decode(frame))
            hit = data.id_number == "001099012345" and data.full_name == "Nguyễn Văn An"
        except CounterError:
            hit = False
        times.append((time.perf_counter() - start) * 1000)
        ok += hit
        passes[reader.last_pass if hit else "failed"] += 1
    p95 = statistics.quantiles(times, n=20)[18]
    print(f"{name:<28} rate {ok / len(frames):6.1%}   mean {statistics.mean(times):6.1f} ms   "
          f"median {statistics.median(times):6.1f} ms   p95 {p95:6.1f} ms   (goal ≤ {GOAL_MS} ms)")
    print(f"{'':<28} found by: " + ", ".join(f"{k} {v}" for k, v in passes.most_common()))


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    frames = [np.asarray(camera_frame(TEST_CARD, **v)) for v in variations(count)]
    print(f"{count} generated 1280×720 frames of a CCCD QR ({len(TEST_CARD.encode())} bytes, UTF-8, no ECI)")
    ZxingQrReader().decode(frames[0]) if frames else None  # warm-up
    run("zxing-cpp, single pass", ZxingQrReader(fallbacks=False), frames)
    run("app pipeline (fallbacks)", ZxingQrReader(), frames)
    run(f"app pipeline, {GOAL_MS} ms budget", ZxingQrReader(budget_ms=GOAL_MS), frames)


if __name__ == "__main__":
    main()
