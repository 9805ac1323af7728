"""Content-addressed file store: bytes are kept once, under their SHA-256.

A file is written to a temporary name, flushed to disk and renamed into place, so a
power cut leaves either the whole file or nothing under its final name.

In an encrypted workspace the store is given a ``FileCipher``: every file is written
AES-256-GCM encrypted, still named by the SHA-256 of its plaintext, so ``get``,
``exists`` and ``verify`` keep their meaning. Plain files (left by a store that was
being encrypted when the power went) are still read.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from counter_app.errors import WorkspaceError, WorkspaceLocked
from counter_app.security.filecrypt import HEADER, DecryptingReader, FileCipher, is_encrypted, parse_header
from counter_app.storage.db import classify_os_error
from counter_app.storage.files_io import write_atomically


class FileStore:
    def __init__(self, root: Path, cipher: FileCipher | None = None):
        self.root = Path(root)
        self.cipher = cipher

    @property
    def encrypted(self) -> bool:
        return self.cipher is not None

    def path_for(self, sha256: str) -> Path:
        """Where the stored bytes are: ciphertext in an encrypted store; read them with
        ``get`` or ``open_plain``."""
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def put(self, data: bytes) -> str:
        sha256 = hashlib.sha256(data).hexdigest()
        target = self.path_for(sha256)
        if target.exists() and self._intact(sha256):
            return sha256
        self._write(target, data)
        return sha256

    def _write(self, target: Path, data: bytes) -> None:
        blob = self.cipher.encrypt(data) if self.cipher else data
        try:
            write_atomically(target, blob)
        except OSError as exc:
            raise classify_os_error(exc) from exc

    def get(self, sha256: str) -> bytes:
        path = self.path_for(sha256)
        try:
            blob = path.read_bytes()
        except FileNotFoundError as exc:
            raise WorkspaceError(f"File {sha256} is missing from the file store.") from exc
        data = self._plain(blob, sha256)
        if hashlib.sha256(data).hexdigest() != sha256:
            raise WorkspaceError(f"File {sha256} is damaged (its content does not match its hash).")
        return data

    def _plain(self, blob: bytes, sha256: str) -> bytes:
        if not is_encrypted(blob):
            return blob
        if self.cipher is None:
            raise WorkspaceLocked(f"File {sha256} is encrypted: open the workspace with its key.")
        import io

        return DecryptingReader(io.BytesIO(blob), self.cipher, f"file {sha256}").read()

    def open_plain(self, sha256: str):
        """A seekable reader (``read``, ``seek``, context manager) of the file's plaintext;
        decrypts only the chunks read, so uploads can send any byte range."""
        path = self.path_for(sha256)
        try:
            handle = path.open("rb")
        except FileNotFoundError as exc:
            raise WorkspaceError(f"File {sha256} is missing from the file store.") from exc
        head = handle.read(HEADER.size)
        handle.seek(0)
        if not is_encrypted(head):
            return handle
        if self.cipher is None:
            handle.close()
            raise WorkspaceLocked(f"File {sha256} is encrypted: open the workspace with its key.")
        try:
            return DecryptingReader(handle, self.cipher, f"file {sha256}")
        except BaseException:
            handle.close()
            raise

    def plain_size(self, sha256: str) -> int:
        with self.open_plain(sha256) as reader:
            return reader.seek(0, 2)

    def key_id_of(self, sha256: str) -> str | None:
        """The data key a stored file is encrypted with; None for a plain file."""
        with self.path_for(sha256).open("rb") as handle:
            head = handle.read(HEADER.size)
        return parse_header(head)[1] if is_encrypted(head) else None

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def hashes(self) -> list[str]:
        return sorted(p.name for p in self.root.glob("??/??/*") if not p.name.startswith(".incoming-"))

    def _intact(self, sha256: str) -> bool:
        """The stored copy is whole, and encrypted if this store encrypts (a plain leftover
        of an interrupted enabling is rewritten encrypted when the same bytes come again)."""
        try:
            self.get(sha256)
            if self.cipher and self.key_id_of(sha256) is None:
                return False
        except WorkspaceError:
            return False
        return True

    def reencrypt(self, sha256: str) -> bool:
        """Rewrite one file under the current key (atomically); False if it already is."""
        if self.cipher is None or self.key_id_of(sha256) == self.cipher.current:
            return False
        self._write(self.path_for(sha256), self.get(sha256))
        return True

    def verify(self) -> list[str]:
        """Hashes of stored files whose content no longer matches their name."""
        damaged = []
        for name in self.hashes():
            try:
                self.get(name)
            except WorkspaceLocked:
                raise
            except WorkspaceError:
                damaged.append(name)
        return damaged

    def remove_incomplete(self) -> int:
        """Delete temporaries left by an interrupted write; returns how many."""
        removed = 0
        for path in self.root.glob("??/??/.incoming-*"):
            path.unlink(missing_ok=True)
            removed += 1
        return removed
