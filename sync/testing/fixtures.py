"""Pytest fixtures for sync tests: a real server process and the fault proxy in front of it.

Import them into a test module: ``from sync.testing.fixtures import server, proxy``.
"""
from __future__ import annotations

import pytest

from sync.testing.fault_proxy import FaultProxy
from sync.testing.server_process import ServerProcess


@pytest.fixture
def server(tmp_path):
    process = ServerProcess(tmp_path / "province").start()
    yield process
    process.stop()


@pytest.fixture
def proxy(server):
    relay = FaultProxy(server.port, seed=1234)
    relay.start()
    yield relay
    relay.stop()
