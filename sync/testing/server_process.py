"""Run the reference server as a real separate process on a free loopback port."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

from sync.testing.fault_proxy import LOOPBACK

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


class ServerProcess:
    def __init__(self, folder: Path, *, port: int | None = None, enrol_key: str | None = None,
                 db_url: str | None = None, tls: tuple[Path, Path] | None = None):
        """``tls``: (certificate, key) PEM files: the server speaks HTTPS only."""
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.db_url = db_url or f"sqlite:///{self.folder / 'province.sqlite3'}"
        self.port = port or free_port()
        self.enrol_key = enrol_key
        self.tls = tls
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://{LOOPBACK}:{self.port}"

    def start(self, timeout: float = 30.0) -> ServerProcess:
        command = [sys.executable, "-m", "composition_root", "server", "--db", self.db_url,
                   "--host", LOOPBACK, "--port", str(self.port)]
        if self.enrol_key:
            command += ["--enrol-key", self.enrol_key]
        if not self.db_url.startswith("sqlite"):  # files beside a SQLite db, else in this folder
            command += ["--files", str(self.folder / "province-files")]
        if self.tls:
            command += ["--tls-cert", str(self.tls[0]), "--tls-key", str(self.tls[1])]
        self.log = (self.folder / "server.log").open("ab")
        self.process = subprocess.Popen(command, cwd=REPO, stdout=self.log, stderr=subprocess.STDOUT,
                                        env={**os.environ, "PYTHONPATH": str(REPO)})
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}; see {self.folder / 'server.log'}")
            try:
                if self.tls:  # listening is enough: the TLS handshake is what HTTPS tests check
                    socket.create_connection((LOOPBACK, self.port), timeout=1).close()
                    return self
                if requests.get(f"{self.url}/api/v1/health", timeout=1).ok:
                    return self
            except (requests.RequestException, OSError):
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("server did not become ready")

    def stop(self, *, kill: bool = False) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        if getattr(self, "log", None):
            self.log.close()
            self.log = None

    def __enter__(self) -> ServerProcess:
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()

    def admin(self, *args: str) -> subprocess.CompletedProcess:
        """Run a `counter-app server …` admin command against this server's database."""
        return subprocess.run([sys.executable, "-m", "composition_root", "server", *args, "--db", self.db_url],
                              cwd=REPO, capture_output=True, text=True, timeout=60,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
