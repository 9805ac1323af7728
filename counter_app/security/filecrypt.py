"""Authenticated encryption of stored files (AES-256-GCM, chunked for random access).

Layout::

    magic "QMCENC" | version u8 | reserved u8 | key id (8 bytes) | chunk size u32 |
    plain size u64 | nonce prefix (8 bytes)                      = 36-byte header
    then per chunk i: AES-GCM(key, nonce = prefix + i (u32), chunk, aad = header + i) (chunk + 16-byte tag)

Every chunk authenticates the whole header and its own index, so chunks cannot be
swapped, dropped or the file truncated unnoticed; the header names the data key so a
store may hold files of two keys while a rotation runs.
"""
from __future__ import annotations

import io
import secrets
import struct

from counter_app.errors import WorkspaceError, WorkspaceLocked

MAGIC = b"QMCENC"
VERSION = 1
HEADER = struct.Struct(">6sBx8sIQ8s")
TAG = 16
CHUNK = 64 * 1024


def is_encrypted(head: bytes) -> bool:
    return head[:len(MAGIC)] == MAGIC


class FileCipher:
    def __init__(self, keys: dict[str, bytes], current: str):
        self.keys = dict(keys)
        self.current = current

    def encrypt(self, data: bytes | memoryview, *, chunk: int = CHUNK) -> bytes:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        prefix = secrets.token_bytes(8)
        header = HEADER.pack(MAGIC, VERSION, bytes.fromhex(self.current), chunk, len(data), prefix)
        aead = AESGCM(self.keys[self.current])
        view = memoryview(data)
        parts = [header]
        for index, start in enumerate(range(0, len(view), chunk)):
            counter = struct.pack(">I", index)
            parts.append(aead.encrypt(prefix + counter, view[start:start + chunk], header + counter))
        return b"".join(parts)

    def key_id(self, blob_head: bytes) -> str:
        return parse_header(blob_head)[1]

    def decrypt(self, blob: bytes, label: str = "file") -> bytes:
        reader = DecryptingReader(io.BytesIO(blob), self, label)
        return reader.read()

    def aead_for(self, key_id: str, label: str):
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        key = self.keys.get(key_id)
        if key is None:
            raise WorkspaceLocked(f"The {label} is encrypted with a key this workspace no longer holds ({key_id}).")
        return AESGCM(key)


def parse_header(head: bytes) -> tuple[bytes, str, int, int, bytes]:
    if len(head) < HEADER.size:
        raise WorkspaceError("The encrypted file is truncated (no complete header).")
    magic, version, key_id, chunk, size, prefix = HEADER.unpack_from(head)
    if magic != MAGIC or version != VERSION or chunk <= 0:
        raise WorkspaceError(f"The encrypted file has an unknown format (version {version}).")
    return bytes(head[:HEADER.size]), key_id.hex(), chunk, size, prefix


class DecryptingReader:
    """Seekable plaintext view of an encrypted file: decrypts only the chunks a read needs."""

    def __init__(self, raw, cipher: FileCipher, label: str = "file"):
        self._raw = raw
        self.label = label
        self._header, key_id, self._chunk, self.size, self._prefix = parse_header(raw.read(HEADER.size))
        self._aead = cipher.aead_for(key_id, label)
        self._position = 0
        self._cached: tuple[int, bytes] | None = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._raw.close()

    def seek(self, position: int, whence: int = 0) -> int:
        base = {0: 0, 1: self._position, 2: self.size}[whence]
        self._position = max(0, base + position)
        return self._position

    def tell(self) -> int:
        return self._position

    def _plain_chunk(self, index: int) -> bytes:
        from cryptography.exceptions import InvalidTag

        if self._cached and self._cached[0] == index:
            return self._cached[1]
        self._raw.seek(HEADER.size + index * (self._chunk + TAG))
        expected = min(self._chunk, self.size - index * self._chunk) + TAG
        blob = self._raw.read(expected)
        counter = struct.pack(">I", index)
        try:
            if len(blob) != expected:
                raise InvalidTag
            plain = self._aead.decrypt(self._prefix + counter, blob, self._header + counter)
        except InvalidTag as exc:
            raise WorkspaceError(f"The {self.label} is damaged (it fails its authentication check).") from exc
        self._cached = (index, plain)
        return plain

    def read(self, size: int = -1) -> bytes:
        end = self.size if size is None or size < 0 else min(self.size, self._position + size)
        parts = []
        while self._position < end:
            index, offset = divmod(self._position, self._chunk)
            piece = self._plain_chunk(index)[offset:offset + end - self._position]
            parts.append(piece)
            self._position += len(piece)
        if size is None or size < 0:
            self._check_no_trailing()
        return b"".join(parts)

    def _check_no_trailing(self) -> None:
        chunks = -(-self.size // self._chunk)
        self._raw.seek(HEADER.size + chunks * TAG + self.size)
        if self._raw.read(1):
            raise WorkspaceError(f"The {self.label} is damaged (extra bytes after its end).")
