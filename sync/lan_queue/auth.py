"""Requests signed with the office key: HMAC-SHA256 over what the request does.

The key never travels. Each request signs method, path (with query), a hash of the
body, a fresh nonce and the host's epoch (a random id of the running host process).
The host remembers the nonces of its epoch, so a captured request cannot be replayed,
and a restart changes the epoch, so old captures stay useless without keeping nonces
on disk. Clocks are not used at all: PCs whose clocks disagree still work.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
import threading

EPOCH_HEADER = "X-QMC-Epoch"
NONCE_HEADER = "X-QMC-Nonce"
MAC_HEADER = "X-QMC-Mac"
MAX_NONCES = 2_000_000  # a very long day of requests; beyond it the host changes its epoch


def new_office_key() -> str:
    return secrets.token_hex(16)  # hex: easy to read out, never starts with "-" on a command line


def new_nonce() -> str:
    return secrets.token_hex(16)


def signature(key: str, method: str, path: str, body: bytes, nonce: str, epoch: str) -> str:
    message = "\n".join((method.upper(), path, hashlib.sha256(body).hexdigest(), nonce, epoch)).encode()
    return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()


def signed_headers(key: str, method: str, path: str, body: bytes, epoch: str) -> dict[str, str]:
    nonce = new_nonce()
    return {EPOCH_HEADER: epoch, NONCE_HEADER: nonce, MAC_HEADER: signature(key, method, path, body, nonce, epoch)}


class Verdict:
    OK = "ok"
    BAD_MAC = "bad_mac"
    STALE_EPOCH = "stale_epoch"  # signed for an earlier run of the host: the client fetches the new one
    REPLAY = "replay"


class Verifier:
    def __init__(self, key: str, epoch: str):
        self.key, self.epoch = key, epoch
        self._seen: set[str] = set()
        self._lock = threading.Lock()

    def check(self, method: str, path: str, body: bytes, headers) -> str:
        epoch, nonce, mac = (headers.get(h, "") for h in (EPOCH_HEADER, NONCE_HEADER, MAC_HEADER))
        if not nonce or not mac or len(nonce) > 64:
            return Verdict.BAD_MAC
        expected = signature(self.key, method, path, body, nonce, epoch)
        if not hmac.compare_digest(expected, mac):
            return Verdict.BAD_MAC
        if epoch != self.epoch:
            return Verdict.STALE_EPOCH
        with self._lock:
            if nonce in self._seen:
                return Verdict.REPLAY
            if len(self._seen) >= MAX_NONCES:
                self._seen.clear()
                self.epoch = secrets.token_hex(8)  # every client re-fetches it; old captures die with it
                return Verdict.STALE_EPOCH
            self._seen.add(nonce)
        return Verdict.OK
