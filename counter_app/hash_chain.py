"""The one hash-chain rule the audit logs share (dossier events, accounts, views).

Each entry's hash covers the previous entry's hash and its own content in canonical
JSON, so editing, deleting or reordering a stored entry breaks the chain from there.
"""
from __future__ import annotations

import hashlib
import json
from typing import Callable, Iterable

GENESIS_HASH = "0" * 64


def link_hash(prev_hash: str, body: dict) -> str:
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(prev_hash.encode() + canonical).hexdigest()


def broken_links(entries: Iterable, body_of: Callable[[object], dict]) -> tuple[list[int], object | None]:
    """Ids of entries (in chain order; each has ``id``, ``prev_hash``, ``hash``) whose link
    or hash does not match, and the last entry (None for an empty chain)."""
    broken, prev, last = [], GENESIS_HASH, None
    for entry in entries:
        if entry.prev_hash != prev or entry.hash != link_hash(prev, body_of(entry)):
            broken.append(entry.id)
        prev, last = entry.hash, entry
    return broken, last
