"""Run inside a private network namespace (see test_queue_lan_discovery.py): a real host
advertised by mDNS on the namespace's loopback, and a client that finds it with "auto"."""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from counter_app.errors import QueueHostUnreachable
from sync.lan_queue.client import RemoteQueue
from sync.lan_queue.discovery import find_host
from tests.lan_queue_support import HostProcess, prepare_host_workspace

AGENCY = "000.00.31.H41"  # make_settings()'s office
LOOPBACK = ["127.0.0.1"]


def main() -> int:
    root = Path(tempfile.mkdtemp(prefix="lanq-netns-"))
    key = prepare_host_workspace(root / "host")
    host = HostProcess(root / "host", advertise=True).start()
    result = {}
    try:
        result["found"] = find_host(AGENCY, timeout=8, interfaces=LOOPBACK)
        queue = RemoteQueue(lambda: find_host(AGENCY, timeout=8, interfaces=LOOPBACK), key)
        result["ticket"] = queue.issue("HT").number
        try:
            find_host("000.00.99.H99", timeout=1.5, interfaces=LOOPBACK)
            result["other_office"] = "found"
        except QueueHostUnreachable as exc:
            result["other_office"] = exc.code
        result["port"] = host.port
    finally:
        host.stop()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
