"""CCCD chip read time: BAC + secure messaging + DG1/DG13/DG2/SOD + passive authentication.

Two paths: the simulated reader (the emulated card in-process: protocol and crypto cost
only) and, with ``--pcsc``, the real PC/SC stack (a private pcscd + vpcd with the
emulated card on its TCP socket, as the tests run it; needs root for the mount namespace).
The figure through pcscd is dominated by vpcd's polling and round trips, not by the app.

Run: .venv/bin/python bench/bench_chip.py [reads] [--pcsc]   (prints figures, asserts nothing)
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from counter_app.idcard.mrz import BacKey  # noqa: E402
from devices.idcard.demo_card import DEMO_KEY, make_test_card  # noqa: E402
from devices.idcard.simulated import SimulatedChipReader  # noqa: E402


def timed(read, count: int) -> list[float]:
    times = []
    for _ in range(count):
        start = time.perf_counter()
        record = read()
        times.append((time.perf_counter() - start) * 1000)
        assert record.authentication.ok
    return times


def report(name: str, times: list[float]) -> None:
    print(f"{name:<28} n={len(times):<3} median {statistics.median(times):7.1f} ms   "
          f"min {min(times):7.1f} ms   max {max(times):7.1f} ms")


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = int(args[0]) if args else 20
    card = make_test_card()
    key = BacKey.from_input(*DEMO_KEY)
    print(f"card: DG1 {len(card.groups[1])} B, DG2 {len(card.groups[2])} B, DG13 {len(card.groups[13])} B")
    simulated = SimulatedChipReader(card)
    report("simulated (in-process)", timed(lambda: simulated.read(key), count))
    if "--pcsc" in sys.argv:
        from devices.idcard.pcsc_reader import PcscChipReader
        from tests.pcsc_stack import pcsc_stack

        stack = pcsc_stack()
        with stack.inserted(card):
            reader = PcscChipReader(stack.reader)
            report("pcscd + vpcd (TCP)", timed(lambda: reader.read(key), max(3, count // 5)))


if __name__ == "__main__":
    main()
