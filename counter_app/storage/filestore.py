"""Content-addressed file store: bytes are kept once, under their SHA-256.

A file is written to a temporary name, flushed to disk and renamed into place, so a
power cut leaves either the whole file or nothing under its final name.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from counter_app.errors import WorkspaceError
from counter_app.storage.db import classify_os_error


class FileStore:
    def __init__(self, root: Path):
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def put(self, data: bytes) -> str:
        sha256 = hashlib.sha256(data).hexdigest()
        target = self.path_for(sha256)
        if target.exists() and self._hash_of(target) == sha256:
            return sha256
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp_name, target)
            except BaseException:
                Path(tmp_name).unlink(missing_ok=True)
                raise
            _fsync_dir(target.parent)
        except OSError as exc:
            raise classify_os_error(exc) from exc
        return sha256

    def get(self, sha256: str) -> bytes:
        path = self.path_for(sha256)
        try:
            data = path.read_bytes()
        except FileNotFoundError as exc:
            raise WorkspaceError(f"File {sha256} is missing from the file store.") from exc
        if hashlib.sha256(data).hexdigest() != sha256:
            raise WorkspaceError(f"File {sha256} is damaged (its content does not match its hash).")
        return data

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def verify(self) -> list[str]:
        """Hashes of stored files whose content no longer matches their name."""
        damaged = []
        for path in self.root.glob("??/??/*"):
            if path.name.startswith(".incoming-"):
                continue
            if self._hash_of(path) != path.name:
                damaged.append(path.name)
        return damaged

    def remove_incomplete(self) -> int:
        """Delete temporaries left by an interrupted write; returns how many."""
        removed = 0
        for path in self.root.glob("??/??/.incoming-*"):
            path.unlink(missing_ok=True)
            removed += 1
        return removed

    @staticmethod
    def _hash_of(path: Path) -> str:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
