"""Resumable, chunked upload of stored files by SHA-256.

The server is asked which byte ranges it holds; only the gaps are sent. A cut chunk
is not retried blindly: the server is asked again, so only bytes it did not keep
travel twice. The chunk size follows the link: it grows while a chunk takes less than
``target_seconds`` and shrinks when one takes longer.

Two files travel at once by default: while one waits for the server's answer (a round
trip on a slow mobile link), the other keeps the line busy. Each transfer has its own
HTTP session; the chunk size and byte counters are shared.

Compression where it helps: a chunk is sent gzip-compressed (``Content-Encoding: gzip``)
when that saves at least 10 %; files whose first bytes say they are already compressed
(JPEG, PNG, ZIP/DOCX/XLSX, gzip) are sent as they are without trying. The Content-Range
and the SHA-256 check always concern the file's own bytes.
"""
from __future__ import annotations

import gzip
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from counter_app.storage.filestore import FileStore
from sync.client import SyncClient
from sync.errors import Offline, ServerFailed, ServerRejected

KIB = 1024
ALREADY_COMPRESSED = (b"\xff\xd8\xff", b"\x89PNG", b"PK\x03\x04", b"\x1f\x8b", b"GIF8", b"RIFF")
WORTH_IT = 0.9  # send compressed only when it is at most 90 % of the raw chunk


def compressed(data: bytes) -> bytes | None:
    """``data`` gzip-compressed if that saves enough to be worth it, else None."""
    packed = gzip.compress(data, compresslevel=6, mtime=0)
    return packed if len(packed) <= len(data) * WORTH_IT else None


def gaps(ranges: list[list[int]], size: int) -> list[tuple[int, int]]:
    """The [start, end) spans of ``size`` bytes that ``ranges`` (sorted, merged) do not cover."""
    missing, position = [], 0
    for start, end in sorted(ranges):
        if start > position:
            missing.append((position, start))
        position = max(position, end)
    if position < size:
        missing.append((position, size))
    return missing


class Uploader:
    def __init__(self, client: SyncClient, files: FileStore, *, chunk: int = 256 * KIB, min_chunk: int = 16 * KIB,
                 max_chunk: int = 4096 * KIB, target_seconds: float = 4.0, max_cuts: int = 5,
                 compress: bool = True, parallel: int = 2):
        self.client = client
        self.parallel = max(1, parallel)
        self._lock = threading.Lock()
        self._local = threading.local()
        self.files = files
        self.chunk = chunk
        self.min_chunk, self.max_chunk = min_chunk, max_chunk
        self.target_seconds = target_seconds
        self.max_cuts = max_cuts
        self.compress = compress
        self.bytes_sent = 0  # body bytes handed to the network (compressed or not), re-sends included
        self.bytes_saved = 0  # raw bytes minus the bytes sent for compressed chunks

    def upload_all(self, files: list[dict]) -> int:
        """Upload every ``{"sha256", "size"}`` file, ``parallel`` at a time; how many were sent.

        The first failure is raised once every transfer already running has stopped, so
        nothing keeps writing behind the caller's back.
        """
        if self.parallel == 1 or len(files) < 2:
            return sum(self.upload(f["sha256"], f["size"]) for f in files)
        with ThreadPoolExecutor(max_workers=self.parallel, thread_name_prefix="upload") as pool:
            futures = [pool.submit(self._upload_in_thread, f["sha256"], f["size"]) for f in files]
            errors = [f.exception() for f in futures]
        for error in errors:
            if error is not None:
                raise error
        return sum(f.result() for f in futures)

    def _upload_in_thread(self, sha256: str, size: int) -> bool:
        if not hasattr(self._local, "client"):
            self._local.client = self.client.clone()
        return self.upload(sha256, size, client=self._local.client)

    def upload(self, sha256: str, size: int, *, client: SyncClient | None = None) -> bool:
        """Make sure the server holds the whole file; False if it already did."""
        client = client or self.client
        cuts = 0
        sent_any = False
        state = client.file_state(sha256)
        while not (state and state["complete"]):
            missing = gaps(state["ranges"] if state else [], size)
            if not missing:
                raise ServerRejected(f"The server holds every byte of {sha256} but did not accept the file.")
            sent_any = True  # even if the answer is lost, these bytes were this upload's to send
            try:
                state = self._send_gaps(client, sha256, size, missing)  # the last answer says what it holds
            except (Offline, ServerFailed):
                cuts += 1
                self.chunk = max(self.min_chunk, self.chunk // 2)
                if cuts > self.max_cuts:
                    raise
                state = client.file_state(sha256)  # ask again: only what it lacks goes again
        return sent_any

    def _send_gaps(self, client: SyncClient, sha256: str, size: int, missing: list[tuple[int, int]]) -> dict:
        state: dict = {}
        with self.files.open_plain(sha256) as handle:  # plaintext, also from an encrypted store
            try_compress = self.compress and not handle.read(8).startswith(ALREADY_COMPRESSED)
            for start, end in missing:
                position = start
                while position < end:
                    handle.seek(position)
                    data = handle.read(min(self.chunk, end - position))
                    began = time.monotonic()
                    body = compressed(data) if try_compress else None
                    with self._lock:
                        self.bytes_sent += len(body if body is not None else data)
                        self.bytes_saved += len(data) - len(body) if body is not None else 0
                    if body is None:
                        state = client.put_chunk(sha256, position, data, size)
                    else:
                        state = client.put_chunk(sha256, position, data, size, body=body, encoding="gzip")
                    self._adapt(time.monotonic() - began)
                    position += len(data)
        return state

    def _adapt(self, seconds: float) -> None:
        if seconds < self.target_seconds / 2:
            self.chunk = min(self.max_chunk, self.chunk * 2)
        elif seconds > self.target_seconds:
            self.chunk = max(self.min_chunk, self.chunk // 2)
