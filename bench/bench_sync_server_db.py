"""Server ops/s with concurrent workstations on each database: SQLite and PostgreSQL.

Usage: python bench/bench_sync_server_db.py [--workstations 50] [--ops 100] [--batch 50]
The reference server runs as a separate process on 127.0.0.1; PostgreSQL is a private
cluster started for the run (tests/pg_cluster.py) and removed afterwards.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sync.testing.counters import fast_client, new_op  # noqa: E402
from sync.testing.server_process import ServerProcess  # noqa: E402
from tests.pg_cluster import PgCluster  # noqa: E402


def run(label: str, folder: Path, db_url: str | None, args) -> None:
    with ServerProcess(folder, db_url=db_url).start() as server:
        clients = []
        for index in range(args.workstations):
            client = fast_client(server.url, attempts=5)
            client.token = client.register(name=f"Máy {index}", agency_id=f"AG{index}", slot=1)["token"]
            clients.append(client)
        failures: list[str] = []

        def work(index: int, client) -> None:
            ops = [new_op(1, str(uuid.uuid4()), f"AG{index}-261125-{n:04d}") for n in range(args.ops)]
            for start in range(0, len(ops), args.batch):
                results = client.send_ops(ops[start:start + args.batch])
                failures.extend(r["reason"] for r in results if r["outcome"] != "applied")

        threads = [threading.Thread(target=work, args=(i, c)) for i, c in enumerate(clients)]
        began = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seconds = time.monotonic() - began
    total = args.workstations * args.ops
    print(f"{label:<10} {total} ops from {args.workstations} concurrent workstations in {seconds:.1f} s = "
          f"{total / seconds:.0f} ops/s ({len(failures)} not applied)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workstations", type=int, default=50)
    parser.add_argument("--ops", type=int, default=100, help="ops per workstation")
    parser.add_argument("--batch", type=int, default=50, help="ops per request")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-sync-db-") as folder:
        run("sqlite", Path(folder) / "sqlite", None, args)
        cluster = PgCluster()
        try:
            cluster.start()
            run("postgresql", Path(folder) / "pg", cluster.new_database(), args)
        finally:
            cluster.stop()


if __name__ == "__main__":
    main()
