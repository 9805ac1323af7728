"""Cost of an officer login: Argon2id hash and verify with the app's parameters, a full
``core.login`` on a real workspace, and an unknown user name (should cost the same).

Usage: python bench/bench_accounts.py [ROUNDS]   (default: 20)
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from counter_app.accounts.passwords import hash_password, verify_password  # noqa: E402
from counter_app.core import CounterCore  # noqa: E402
from counter_app.errors import LoginFailed  # noqa: E402
from counter_app.workspace import open_workspace  # noqa: E402


def timed_round_robin(cases: dict, rounds: int) -> dict[str, list[float]]:
    """Interleaved, so a busy machine slows every case alike."""
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(rounds):
        for name, fn in cases.items():
            start = time.perf_counter()
            fn()
            times[name].append((time.perf_counter() - start) * 1000)
    return times


def unknown(core) -> None:
    try:
        core.login("nobody", "some-password")
    except LoginFailed:
        pass


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    stored = hash_password("bench-password")
    with tempfile.TemporaryDirectory() as folder:
        core = CounterCore(open_workspace(Path(folder) / "ws"))
        core.accounts.create("bench", "Bench Officer", "bench-password", ["officer"])
        results = timed_round_robin({
            "argon2id hash": lambda: hash_password("bench-password"),
            "argon2id verify": lambda: verify_password(stored, "bench-password"),
            "core.login (known user)": lambda: core.login("bench", "bench-password"),
            "core.login (unknown user)": lambda: unknown(core),
        }, rounds)
        core.workspace.close()
    for name, times in results.items():
        print(f"{name:<28} median {statistics.median(times):7.1f} ms   max {max(times):7.1f} ms   ({rounds} rounds)")


if __name__ == "__main__":
    main()
