"""Document camera: page detection time per 1280×720 frame and detection rate on a generated set.

Frames come from the simulated camera (pages on a wooden desk, perspective, uneven lamp,
noise) over many seeds. A page counts as detected when every corner is within 2 % of
the page diagonal of the truth; empty-desk frames count as false alarms when a page is
"found". Also times the stillness check and the finished page (warp, deskew, clean-up).

Run: .venv/bin/python bench/bench_camera.py [seeds]   (prints figures, asserts nothing)
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from devices.camera import page_detect  # noqa: E402
from devices.camera.pipeline import Shot  # noqa: E402
from devices.camera.simulated import SimulatedCamera  # noqa: E402
from devices.camera.stillness import StillnessDetector  # noqa: E402

TOLERANCE = 0.02


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main(seeds: int = 20) -> None:
    detect_ms, still_ms, render_ms, errors = [], [], [], []
    pages = found = near = alarms = empties = 0
    for seed in range(1, seeds + 1):
        camera = SimulatedCamera(seed=seed, pages=2)
        detector = StillnessDetector()
        t = camera.timeline
        for index in range(2 * t.period):
            frame = camera.frame(index)
            truth = camera.truth(index)
            start = time.perf_counter()
            corners = page_detect.find_page(frame)
            detect_ms.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            detector.update(frame, corners)
            still_ms.append((time.perf_counter() - start) * 1000)
            if truth is None:
                empties += 1
                alarms += corners is not None
                continue
            if camera.phase(index)[0] != "still":
                continue  # sliding pages partly out of view are not expected to be found
            pages += 1
            if corners is not None:
                found += 1
                error = page_detect.corner_error(corners, truth)
                errors.append(error)
                near += error < TOLERANCE
                if index % t.period == t.moving + 2:
                    start = time.perf_counter()
                    Shot(frame, corners).render()
                    render_ms.append((time.perf_counter() - start) * 1000)
    print(f"frames: {len(detect_ms)} at 1280×720 from {seeds} seeds ({pages} with a still page, {empties} empty)")
    print(f"detection time: median {statistics.median(detect_ms):.1f} ms, p95 {percentile(detect_ms, 0.95):.1f} ms, "
          f"max {max(detect_ms):.1f} ms")
    print(f"stillness check: median {statistics.median(still_ms):.2f} ms")
    print(f"page found: {found}/{pages} = {found / pages:.1%}; corners within {TOLERANCE:.0%} of the diagonal: "
          f"{near}/{pages} = {near / pages:.1%}")
    if errors:
        print(f"corner error: median {statistics.median(errors):.2%}, p95 {percentile(errors, 0.95):.2%}, "
              f"max {max(errors):.2%} of the page diagonal")
    print(f"false alarms on an empty desk: {alarms}/{empties}")
    if render_ms:
        print(f"finished page (warp + deskew + clean-up): median {statistics.median(render_ms):.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
