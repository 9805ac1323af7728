"""mDNS discovery for real, inside a network namespace of its own (nothing leaves the machine)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import REPO

NETNS_SETUP = "ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo"


def test_client_finds_its_office_host_by_mdns_in_a_private_netns():
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = f"{NETNS_SETUP} && exec {sys.executable} -m tests.lan_discovery_netns"
    run = subprocess.run(["unshare", "--net", "sh", "-c", command], cwd=REPO, env=env, capture_output=True,
                         text=True, timeout=90)
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["found"] == f"http://127.0.0.1:{result['port']}"
    assert result["ticket"] == "A001"  # a client set to "auto" reached the advertised host
    assert result["other_office"] == "queue_host_unreachable"  # another office's host is never picked
