"""Requests signed with a workstation's key (or the legacy office key): HMAC-SHA256 over
what the request does.

A workstation key is given to its PC as ``KEYID.SECRET``: the key id travels in
``X-QMC-Key-Id`` and is signed too; the secret never travels. A request without a key
id is checked against the legacy office key, exactly as before per-workstation keys,
so PCs set up earlier keep working. Each request signs method, path (with query), a
hash of the body, a fresh nonce and the host's epoch (a random id of the running host
process).
The host remembers the nonces of its epoch, so a captured request cannot be replayed,
and a restart changes the epoch, so old captures stay useless without keeping nonces
on disk. Clocks are not used at all: PCs whose clocks disagree still work.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from dataclasses import dataclass
from typing import Callable

EPOCH_HEADER = "X-QMC-Epoch"
NONCE_HEADER = "X-QMC-Nonce"
MAC_HEADER = "X-QMC-Mac"
KEY_ID_HEADER = "X-QMC-Key-Id"
OFFICE_KEY_ID = "office"  # the legacy shared office key
MAX_NONCES = 2_000_000  # a very long day of requests; beyond it the host changes its epoch


def new_office_key() -> str:
    return secrets.token_hex(16)  # hex: easy to read out, never starts with "-" on a command line


def new_nonce() -> str:
    return secrets.token_hex(16)


def split_credential(credential: str) -> tuple[str, str]:
    """(key id, secret) of ``KEYID.SECRET``; a bare key is the legacy office key."""
    key_id, dot, secret = (credential or "").partition(".")
    if dot and key_id and secret and key_id != OFFICE_KEY_ID:
        return key_id, secret
    return OFFICE_KEY_ID, credential


def signature(key: str, method: str, path: str, body: bytes, nonce: str, epoch: str, key_id: str = "") -> str:
    parts = [method.upper(), path, hashlib.sha256(body).hexdigest(), nonce, epoch]
    if key_id:  # bound to the key id, so a header swapped in transit fails the check
        parts.append(key_id)
    return hmac.new(key.encode(), "\n".join(parts).encode(), hashlib.sha256).hexdigest()


def signed_headers(credential: str, method: str, path: str, body: bytes, epoch: str) -> dict[str, str]:
    """Headers signing one request with ``credential`` (``KEYID.SECRET``, or the bare office key)."""
    key_id, secret = split_credential(credential)
    signed_id = "" if key_id == OFFICE_KEY_ID else key_id
    nonce = new_nonce()
    headers = {EPOCH_HEADER: epoch, NONCE_HEADER: nonce,
               MAC_HEADER: signature(secret, method, path, body, nonce, epoch, signed_id)}
    if signed_id:
        headers[KEY_ID_HEADER] = signed_id
    return headers


class Verdict:
    OK = "ok"
    BAD_MAC = "bad_mac"
    STALE_EPOCH = "stale_epoch"  # signed for an earlier run of the host: the client fetches the new one
    REPLAY = "replay"
    UNKNOWN_KEY = "unknown_key"  # no such key id (never issued, or replaced by a newer key)
    REVOKED = "revoked"  # a genuine request from a workstation whose access was revoked


class Verifier:
    def __init__(self, lookup: Callable[[str], "Credential | None"] | str, epoch: str):
        """``lookup(key_id)``: the credential, read fresh per request (a revocation needs no
        restart); a plain string is a fixed office key (tests, embedded hosts)."""
        if isinstance(lookup, str):
            office = lookup
            lookup = lambda key_id: (Credential(OFFICE_KEY_ID, office, OFFICE_KEY_ID, False)  # noqa: E731
                                     if key_id == OFFICE_KEY_ID else None)
        self.lookup, self.epoch = lookup, epoch
        self._seen: set[str] = set()
        self._lock = threading.Lock()

    def check(self, method: str, path: str, body: bytes, headers) -> str:
        epoch, nonce, mac = (headers.get(h, "") for h in (EPOCH_HEADER, NONCE_HEADER, MAC_HEADER))
        key_id = headers.get(KEY_ID_HEADER, "")
        if not nonce or not mac or len(nonce) > 64 or len(key_id) > 64 or key_id == OFFICE_KEY_ID:
            return Verdict.BAD_MAC
        credential = self.lookup(key_id or OFFICE_KEY_ID)
        if credential is None:
            return Verdict.UNKNOWN_KEY
        expected = signature(credential.secret, method, path, body, nonce, epoch, key_id)
        if not hmac.compare_digest(expected, mac):
            return Verdict.BAD_MAC
        if credential.revoked:  # said only to a caller that holds the key
            return Verdict.REVOKED
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


@dataclass(frozen=True)
class Credential:
    """What the host needs to check a request signed with ``key_id``."""

    key_id: str
    secret: str
    workstation: str
    revoked: bool
