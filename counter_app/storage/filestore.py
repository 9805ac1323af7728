"""Content-addressed file store: bytes are kept once, under their SHA-256.

A file is written to a temporary name, flushed to disk and renamed into place, so a
power cut leaves either the whole file or nothing under its final name.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from counter_app.errors import WorkspaceError
from counter_app.storage.db import classify_os_error
from counter_app.storage.files_io import sha256_of_file, write_atomically


class FileStore:
    def __init__(self, root: Path):
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def put(self, data: bytes) -> str:
        sha256 = hashlib.sha256(data).hexdigest()
        target = self.path_for(sha256)
        if target.exists() and sha256_of_file(target) == sha256:
            return sha256
        try:
            write_atomically(target, data)
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
            if sha256_of_file(path) != path.name:
                damaged.append(path.name)
        return damaged

    def remove_incomplete(self) -> int:
        """Delete temporaries left by an interrupted write; returns how many."""
        removed = 0
        for path in self.root.glob("??/??/.incoming-*"):
            path.unlink(missing_ok=True)
            removed += 1
        return removed
