"""Recover when the province restores its database from an older backup.

The server then no longer holds ops this counter already saw applied, and its change
feed restarts below the counter's cursor. Whenever the server reports a new run
(``instance`` in its health answer), the counter asks which of its most recently sent
ops the server still knows, widening the window until it meets one that is known: the
ops after that point are put back in line (op ids make the re-send harmless) and their
files are re-uploaded on demand. A cursor beyond the server's newest change is brought
back to it, so changes published after the restore are not skipped.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from counter_app.storage.models import OutboxOp
from counter_app.workspace import Workspace
from sync.client import SyncClient
from sync.push import PENDING, SENT
from sync.state import load_state, save_state

FIRST_WINDOW = 50
MAX_ASK = 1000  # op ids per request (the server's limit)
KEEP = 20


def check_after_restart(workspace: Workspace, client: SyncClient, instance: str, now: datetime) -> int:
    """Re-queue the sent ops a restored server lost; returns how many. Cheap when nothing was lost."""
    with workspace.db.read() as session:
        state = load_state(session)
        if instance and state.server_instance == instance:
            return 0
        sent = list(session.scalars(select(OutboxOp.op_id).where(OutboxOp.state == SENT).order_by(OutboxOp.id.desc())))
    lost: list[str] = []
    latest_change = None
    window = FIRST_WINDOW
    checked = 0
    while checked < len(sent):
        batch = sent[checked:checked + min(window, MAX_ASK)]
        answer = client.known_ops(batch)
        latest_change = answer["latest_change"] if latest_change is None else latest_change
        known = set(answer["known"])
        for op_id in batch:  # newest first: stop at the first op the server still has
            if op_id in known:
                break
            lost.append(op_id)
        else:
            checked += len(batch)
            window *= 4
            continue
        break
    if latest_change is None:  # nothing sent yet: still learn where the feed stands
        latest_change = client.known_ops([])["latest_change"]
    with workspace.db.write() as session:
        for op in session.scalars(select(OutboxOp).where(OutboxOp.op_id.in_(lost))):
            op.state, op.last_error = PENDING, "re-sent: the provincial server lost it (restored from a backup)"
        state = load_state(session)
        entry = {"at": now.isoformat(timespec="seconds"), "requeued": len(lost)}
        if state.cursor > latest_change:
            entry |= {"cursor_from": state.cursor, "cursor_to": latest_change}
            state.cursor = latest_change
        if len(entry) > 2 or lost:
            state.restores.append(entry)
            del state.restores[:-KEEP]
        state.server_instance = instance
        save_state(session, state)
    return len(lost)
