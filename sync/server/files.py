"""Files by SHA-256, uploaded in byte ranges that may arrive in any order and be cut off.

Bytes go to ``partial/<sha>`` at their offset; the DB records which ranges are on disk
(only after fsync, so a crash never claims bytes it lost). When the ranges cover the
whole file its hash is checked and it moves to its final place, or is discarded.
"""
from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from counter_app.storage.files_io import sha256_of_file

from sync.server.locks import lock
from sync.server.models import StoredFile

SHA_RE = re.compile(r"^[0-9a-f]{64}$")
RANGE_RE = re.compile(r"^bytes (\d+)-(\d+)/(\d+)$")
MAX_FILE = 1 << 30


class FileProblem(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def parse_content_range(header: str | None) -> tuple[int, int, int]:
    """``bytes a-b/total`` → (start, end_exclusive, total)."""
    match = RANGE_RE.match((header or "").strip())
    if not match:
        raise FileProblem(400, "Content-Range must be 'bytes START-END/TOTAL'.")
    first, last, total = (int(g) for g in match.groups())
    if not first <= last < total or total > MAX_FILE:
        raise FileProblem(416, f"Range {first}-{last} does not fit a file of {total} bytes.")
    return first, last + 1, total


def merge(ranges: list[list[int]], start: int, end: int) -> list[list[int]]:
    merged: list[list[int]] = []
    for a, b in sorted([*ranges, [start, end]]):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return merged


class ServerFiles:
    def __init__(self, root: Path):
        self.root = Path(root)
        (self.root / "partial").mkdir(parents=True, exist_ok=True)

    def final_path(self, sha: str) -> Path:
        return self.root / sha[:2] / sha

    def partial_path(self, sha: str) -> Path:
        return self.root / "partial" / sha

    def open_for_write(self, sha: str, total: int):
        path = self.partial_path(sha)
        handle = open(path, "r+b" if path.exists() else "w+b")
        if os.fstat(handle.fileno()).st_size < total:
            handle.truncate(total)  # sparse: chunks may arrive in any order
        return handle

    def record(self, session: Session, sha: str, total: int, start: int, end: int) -> tuple[StoredFile, str]:
        """Note that [start, end) is durably on disk; complete and verify when all is there.

        Returns the file's state and, when the finished file failed its hash check, why
        (its bytes are then discarded: the caller commits that and answers 422).
        """
        lock(session, f"file:{sha}")  # chunks of one file may arrive side by side
        stored = self.status(session, sha, total)
        problem = ""
        if not stored.complete and end > start:
            stored.ranges = merge(stored.ranges, start, end)
            stored.updated_at = datetime.now()
            if stored.ranges == [[0, total]]:
                problem = self._finish(stored)
        session.flush()
        return stored, problem

    def status(self, session: Session, sha: str, total: int) -> StoredFile:
        stored = session.get(StoredFile, sha)
        if stored is None:
            stored = StoredFile(sha256=sha, size=total, complete=False, ranges=[], updated_at=datetime.now())
            session.add(stored)
        elif stored.size != total:
            raise FileProblem(409, f"File {sha} was announced with {stored.size} bytes, not {total}.")
        return stored

    def _finish(self, stored: StoredFile) -> str:
        partial = self.partial_path(stored.sha256)
        if sha256_of_file(partial) != stored.sha256:  # the counter's own streaming hash
            partial.unlink(missing_ok=True)
            stored.ranges = []
            return f"The uploaded bytes do not match SHA-256 {stored.sha256}; send the file again."
        target = self.final_path(stored.sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(partial, target)
        stored.complete = True
        return ""
