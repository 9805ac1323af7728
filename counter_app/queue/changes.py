"""Change detection on the workspace database, for displays and the LAN host.

SQLite's ``PRAGMA data_version`` on one dedicated connection changes whenever any
other connection (another thread, another process) commits. That costs a pragma per
check, so a waiting display can look ten times a second without touching the tables.
"""
from __future__ import annotations

import threading
import time
import uuid

from counter_app.storage.db import Database

CHECK_EVERY_S = 0.05


class ChangeWatch:
    def __init__(self, db: Database):
        self._db = db
        self._lock = threading.Lock()
        self._conn = None
        # Versions of another watcher (another process) must never compare equal to ours.
        self._tag = uuid.uuid4().hex[:8]

    def version(self) -> str:
        with self._lock:
            if self._conn is None:
                self._conn = self._db.engine.raw_connection()
            cursor = self._conn.cursor()
            try:
                value = cursor.execute("PRAGMA data_version").fetchone()[0]
            finally:
                cursor.close()
        return f"{self._tag}.{value}"

    def wait(self, after: str | None, timeout: float) -> str:
        deadline = time.monotonic() + max(0.0, min(timeout, 60.0))
        current = self.version()
        while after is not None and current == after and time.monotonic() < deadline:
            time.sleep(CHECK_EVERY_S)
            current = self.version()
        return current

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
