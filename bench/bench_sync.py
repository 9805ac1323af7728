"""Sync throughput through a shaped, cut link, and server ops/s with concurrent workstations.

Usage: python bench/bench_sync.py [--dossiers 10] [--attachment-kb 256] [--kbit 1000] [--rtt-ms 300]
                                  [--cut-every 6] [--workstations 50] [--ops 100]
Everything runs on 127.0.0.1: the reference server as a separate process, the fault
proxy shaping the link (bandwidth, latency, a cut mid-body every N chunk uploads).
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from counter_app.documents import attach_document  # noqa: E402
from counter_app.dossiers.service import load_dossier  # noqa: E402
from sync.testing.counters import RECEIVED_AT, make_worker, receive  # noqa: E402
from sync.testing.fault_proxy import FaultProxy, Rule  # noqa: E402
from sync.testing.server_process import ServerProcess  # noqa: E402
from tests.conftest import make_core  # noqa: E402


def attach_scan(core, code: str, size: int, rng: random.Random) -> int:
    data = rng.randbytes(size)
    sha = core.workspace.files.put(data)
    with core.workspace.db.write() as session:
        attach_document(session, load_dossier(session, code), kind="scan", sha256=sha, size=size,
                        filename=f"{code}.pdf", now=RECEIVED_AT)
    return size


def shaped_link(args, folder: Path) -> None:
    rng = random.Random(1)
    core = make_core(folder / "ws")
    payload = sum(attach_scan(core, receive(core, f"Người {i}"), args.attachment_kb * 1024, rng)
                  for i in range(args.dossiers))
    with ServerProcess(folder / "province-link").start() as server:
        proxy = FaultProxy(server.port, seed=1, bytes_per_second=args.kbit * 1000 / 8, latency=args.rtt_ms / 1000)
        proxy.start()
        cuts = payload // (64 * 1024) // args.cut_every + 1 if args.cut_every else 0  # enough rules
        for _ in range(cuts):
            proxy.add(Rule("cut_request", method="PUT", path_prefix="/api/v1/files/", skip=args.cut_every,
                           after_bytes=64 * 1024, linger=0.05))
        worker = make_worker(core, proxy.url, uploader_options={"chunk": 64 * 1024, "max_cuts": 50})
        began = time.monotonic()
        report = worker.run_once()
        seconds = time.monotonic() - began
        proxy.stop()
    fired = proxy.stats.faults.get("cut_request", 0)
    capacity = args.kbit * 1000 / 8 * seconds
    print(f"shaped link {args.kbit} kbit/s, RTT {args.rtt_ms} ms: {args.dossiers} dossiers, "
          f"{payload / 1e6:.2f} MB of files in {seconds:.1f} s ({'ok' if report.ok else report.error})")
    print(f"  goodput {payload * 8 / seconds / 1000:.0f} kbit/s = {100 * payload / capacity:.1f} % of the link; "
          f"all bytes up {100 * proxy.stats.bytes_up / capacity:.1f} %")
    lost = worker.uploader.bytes_sent - payload
    overhead = proxy.stats.bytes_up - payload
    print(f"  requests {proxy.stats.requests}, cuts {fired}: client bytes lost in cuts {lost} "
          f"({lost / fired if fired else 0:.0f} per cut); bytes up the link beyond the files {overhead} "
          f"(headers, JSON, re-sends); final chunk {worker.uploader.chunk // 1024} KiB")
    core.workspace.close()


def concurrent_ops(args, folder: Path) -> None:
    """Server ops/s with concurrent workstations (SQLite; bench_sync_server_db.py compares PostgreSQL)."""
    from bench.bench_sync_server_db import run

    args.batch = 50
    run("server:", folder / "province-ops", None, args)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=10)
    parser.add_argument("--attachment-kb", type=int, default=256)
    parser.add_argument("--kbit", type=int, default=1000)
    parser.add_argument("--rtt-ms", type=int, default=300)
    parser.add_argument("--cut-every", type=int, default=6, help="cut one chunk upload in N (0: never)")
    parser.add_argument("--workstations", type=int, default=50)
    parser.add_argument("--ops", type=int, default=100, help="ops per workstation")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as folder:
        shaped_link(args, Path(folder))
        concurrent_ops(args, Path(folder))


if __name__ == "__main__":
    main()
