"""Push the personal-data view log (``counter_app.view_audit``) to the province.

View events are not outbox ops: they are many, belong to no dossier's ordered history and
must never hold a dossier's ops back. Each already has an op id; they are sent as ops of
kind ``audit.view`` after the outbox, oldest first, and marked delivered once the server
answered "applied" (a repeat is answered with the first result, so nothing is stored twice).
A rejected or deferred answer leaves the event pending: it is kept, never dropped.
"""
from __future__ import annotations

from datetime import datetime
from typing import Callable

from counter_app import view_audit
from counter_app.workspace import Workspace
from sync.client import SyncClient


def push_view_events(workspace: Workspace, client: SyncClient, *, batch_size: int = 200,
                     clock: Callable[[], datetime] = datetime.now) -> int:
    """Deliver pending view events; returns how many the server has now. Transport errors
    propagate (the events stay pending for the next round)."""
    delivered = 0
    while True:
        with workspace.db.read() as session:
            batch = view_audit.pending_for_sync(session, batch_size)
        if not batch:
            return delivered
        results = client.send_ops(batch)
        applied = [r["op_id"] for r in results if r.get("outcome") == "applied"]
        if applied:
            with workspace.db.write() as session:
                delivered += view_audit.mark_synced(session, applied, clock())
        if len(applied) < len(batch):
            return delivered  # the rest waits for the next round (the reason is in the answers)
