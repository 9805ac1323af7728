"""Writer serialisation that holds on every supported database.

SQLite writers already queue on BEGIN IMMEDIATE, so nothing more is needed there. On
PostgreSQL (READ COMMITTED) two requests could both find "no such op yet" and both apply
it, or take code numbers from the same maximum, or commit change-feed ids out of order
(a reader past id 6 would never see a later-committed 5). A transaction therefore takes
an advisory lock per key it is about to read-then-write, held until it ends; reads made
after the lock see whatever the previous holder committed. Keys are taken in sorted
order in one call, so two transactions never wait on each other in a cycle.
"""
from __future__ import annotations

import hashlib

from sqlalchemy import text
from sqlalchemy.orm import Session

FEED = "feed"  # every insert into the change feed
# Writers of dossier events hold this shared; a reader paging by event id takes it
# exclusively for a moment, which waits until every writer already holding an event id has
# committed: no row with a smaller id can appear after that read (see ``event_horizon``).
EVENTS_HORIZON = 0x5153_4D43_4556_5453  # "QSMCEVTS": a fixed number outside the key hashes' use


def on_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def lock(session: Session, *keys: str, writes_events: bool = False) -> None:
    """Lock ``keys`` until the transaction ends; ``writes_events``: this transaction adds
    dossier events (taken first, so a waiting reader can never be part of a cycle)."""
    if not on_postgresql(session):
        return
    if writes_events:
        session.execute(text("SELECT pg_advisory_xact_lock_shared(:key)"), {"key": EVENTS_HORIZON})
    # Hashed here, not in SQL: a key comes from client input and may hold bytes (NUL) that
    # PostgreSQL text cannot. A collision only makes two unrelated writers queue.
    for number in sorted({key_number(key) for key in keys}):
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": number})


def event_horizon(session: Session) -> None:
    """Before reading events by id: wait out the writers that may still commit a smaller id."""
    if on_postgresql(session):
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": EVENTS_HORIZON})


def key_number(key: str) -> int:
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big", signed=True)
