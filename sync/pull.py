"""Pull: read the province's change feed and merge it into the counter's dossiers.

A page of changes and the new cursor are stored in ONE transaction, so a crash at any
point either keeps both or neither: nothing is lost and nothing applied twice. Each
province event also carries its change id, a second guard against doubles.
A change the counter's lifecycle does not allow is not forced: it is kept as a
conflict for the officer to see.
"""
from __future__ import annotations

from datetime import datetime
from typing import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from counter_app.dossiers.events import Actor, append_event
from counter_app.dossiers.lifecycle import Action
from counter_app.errors import ForbiddenTransition
from counter_app.storage.models import Dossier
from counter_app.workspace import Workspace
from sync.client import SyncClient
from sync.feed_apply import apply_province_change
from sync.state import SyncState, load_state, save_state

Hook = Callable[[str], None]
PROVINCE_WORKSTATION = "province"


def pull(workspace: Workspace, client: SyncClient, *, page_size: int = 100, hook: Hook | None = None) -> int:
    """Apply every change after the stored cursor; returns how many were merged as events."""
    hook = hook or (lambda _point: None)
    merged = 0
    while True:
        with workspace.db.read() as session:
            cursor = load_state(session).cursor
        page = client.changes(cursor, page_size)
        hook("fetched")
        with workspace.db.write() as session:
            state = load_state(session)
            if state.cursor != cursor:
                continue  # another worker moved on meanwhile: read again from there
            for change in page["changes"]:
                merged += apply_change(session, state, change)
            state.cursor = page["next_cursor"]
            hook("stored")  # still inside the transaction: a kill here loses the whole page
            save_state(session, state)
        if not page["more"]:
            return merged


def apply_change(session: Session, state: SyncState, change: dict) -> int:
    if apply_province_change(session, state, change, datetime.now()):
        return 0  # catalogue / calendar: applied in this transaction, the diff kept in ``state``
    if change["kind"] != "dossier.status":
        return 0  # kinds this version does not know yet are skipped, not failed
    body = change["body"]
    dossier = session.scalar(select(Dossier).where(Dossier.uuid == change["dossier_uuid"])
                             .options(selectinload(Dossier.events)))
    if dossier is None:
        return 0  # a dossier of another counter of this office
    at = datetime.fromisoformat(body["at"])
    # Id and time together: after a restore from backup the server's change ids start over.
    if any(e.payload.get("change_id") == change["id"] and e.device_time == at for e in dossier.events):
        return 0
    actor = Actor(officer=body.get("actor", ""), counter="", workstation=PROVINCE_WORKSTATION)
    payload = {"origin": "province", "change_id": change["id"], **({"note": body["note"]} if body.get("note") else {})}
    try:
        with session.begin_nested():
            append_event(session, dossier, Action(body["action"]), actor, at=at, payload=payload)
    except (ForbiddenTransition, ValueError) as exc:
        state.conflicts.append({"change_id": change["id"], "code": body.get("code"), "action": body.get("action"),
                                "status": body.get("status"), "local_status": dossier.status,
                                "reason": getattr(exc, "message", str(exc))})
        return 0
    return 1
