"""A real office queue host process on 127.0.0.1 for the LAN queue tests and benches."""
from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from counter_app.workspace import open_workspace
from sync.lan_queue.client import RemoteQueue
from sync.lan_queue.keys import host_key
from tests.conftest import REPO, make_core

START_TIMEOUT_S = 30


class HostProcess:
    """``python -m sync.lan_queue`` on a workspace; ``kill()`` is kill -9, ``start()`` again reuses the port."""

    def __init__(self, workspace: Path, port: int = 0, *, advertise: bool = False):
        """``advertise`` only inside a private network namespace: tests never send mDNS on real networks."""
        self.workspace, self.port, self.advertise = workspace, port, advertise
        self.process: subprocess.Popen | None = None

    def start(self) -> "HostProcess":
        env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sync.lan_queue", "--workspace", str(self.workspace), "--port", str(self.port),
             "--bind", "127.0.0.1", "--advertise" if self.advertise else "--no-advertise"],
            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=lambda: lines.put(self.process.stdout.readline()), daemon=True).start()
        try:
            first = lines.get(timeout=START_TIMEOUT_S)
        except queue.Empty:
            self.stop()
            raise RuntimeError("the queue host did not start") from None
        if "listening on" not in first:
            self.stop()
            raise RuntimeError(f"the queue host failed: {first}")
        self.port = int(first.rsplit(":", 1)[1])
        threading.Thread(target=self._drain, daemon=True).start()
        return self

    def _drain(self) -> None:
        for _line in self.process.stdout:  # keeps the pipe from filling up
            pass

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def prepare_host_workspace(root: Path) -> str:
    """A host workspace with the sample catalogue and seeded services; returns its office key."""
    core = make_core(root)
    key = host_key(core.workspace.db, create=True)
    core.workspace.close()
    return key


def client(host: HostProcess, key: str, **options) -> RemoteQueue:
    return RemoteQueue(host.url, key, **options)


@pytest.fixture
def lan_host(tmp_path):
    key = prepare_host_workspace(tmp_path / "host")
    host = HostProcess(tmp_path / "host").start()
    yield host, key
    host.stop()


def ticket_rows(workspace: Path) -> list[tuple[int, str]]:
    """(id, number) of every ticket in the host's database, read directly."""
    from sqlalchemy import select

    from counter_app.storage.models import QueueTicket

    ws = open_workspace(workspace)
    try:
        with ws.db.read() as session:
            return [(t.id, t.number) for t in session.scalars(select(QueueTicket).order_by(QueueTicket.id))]
    finally:
        ws.close()
