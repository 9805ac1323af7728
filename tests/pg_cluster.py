"""A private PostgreSQL cluster for tests: initdb in a temp folder, served on 127.0.0.1.

PostgreSQL refuses to run as root, so when the tests run as root the server binaries run
as the ``postgres`` system user (made by the Debian package) in a folder chowned to it.
Trust authentication, loopback only, a free port and its own socket folder: nothing is
shared with another cluster on the machine. Stopped (fast) and deleted at the end.
"""
from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

from sync.testing.server_process import free_port

BIN_DIRS = [Path(f"/usr/lib/postgresql/{v}/bin") for v in (17, 16, 15, 14, 13)]
LOOPBACK = "127.0.0.1"
STEP_TIMEOUT = 120  # seconds for any one initdb / pg_ctl step


def find_bin_dir() -> Path:
    for folder in BIN_DIRS:
        if (folder / "pg_ctl").exists():
            return folder
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    raise RuntimeError("PostgreSQL server binaries not found: install the Debian package 'postgresql'.")


class PgCluster:
    def __init__(self) -> None:
        self.bin = find_bin_dir()
        self.as_postgres = os.geteuid() == 0
        # Not under pytest's tmp folder: that one is 0700 root, which the postgres user cannot enter.
        self.root = Path(tempfile.mkdtemp(prefix="qmc-pg-"))
        self.data = self.root / "data"
        self.sockets = self.root / "sock"
        self.log = self.root / "server.log"
        self.port = 0
        self.running = False

    def _run(self, *command: str) -> subprocess.CompletedProcess:
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_postgres else []
        done = subprocess.run([*prefix, *command], capture_output=True, text=True, timeout=STEP_TIMEOUT,
                              cwd=self.root)
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{command[0]} failed ({done.returncode}): {done.stderr or done.stdout}\n{log}")
        return done

    def start(self) -> PgCluster:
        self.sockets.mkdir()
        if self.as_postgres:
            user = pwd.getpwnam("postgres")
            for path in (self.root, self.sockets):
                os.chown(path, user.pw_uid, user.pw_gid)
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
                  "-E", "UTF8", "--no-locale", "--no-sync")
        for _attempt in range(3):  # a free port can be taken by someone else before we bind it
            self.port = free_port()
            options = (f"-c listen_addresses={LOOPBACK} -p {self.port} -k {self.sockets} "
                       "-c fsync=off -c max_connections=200")
            try:
                self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w",
                          "-t", "60", "-o", options, "start")
            except RuntimeError:
                continue
            self.running = True
            return self
        raise RuntimeError(f"PostgreSQL did not start; see {self.log}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@{LOOPBACK}:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh, empty database on this cluster; returns its SQLAlchemy URL."""
        import psycopg

        name = f"t_{uuid.uuid4().hex[:16]}"
        with psycopg.connect(host=LOOPBACK, port=self.port, user="postgres", dbname="postgres",
                             autocommit=True, connect_timeout=10) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        try:
            if self.running:
                self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "-t", "60", "stop")
                self.running = False
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_cluster():
    cluster = PgCluster()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
