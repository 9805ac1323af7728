"""Append-only dossier events, hash-chained in global order for the audit trail.

Each event's hash covers the previous event's hash and its own content, so editing,
deleting or reordering any stored event breaks the chain from that point on.
"""
from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.dossiers.lifecycle import Action, Status, next_status, transferred_by
from counter_app.hash_chain import GENESIS_HASH, link_hash
from counter_app.storage.models import Dossier, DossierEvent, OutboxOp


@dataclass(frozen=True)
class Actor:
    officer: str
    counter: str
    workstation: str


def _body(event: DossierEvent, dossier_uuid: str) -> dict:
    return {
        "dossier": dossier_uuid,
        "seq": event.seq,
        "action": event.action,
        "status": event.status,
        "payload": event.payload,
        "officer": event.officer,
        "counter": event.counter,
        "workstation": event.workstation,
        "device_time": event.device_time.isoformat(timespec="microseconds"),
        "monotonic_ns": event.monotonic_ns,
    }


def event_hash(prev_hash: str, event: DossierEvent, dossier_uuid: str) -> str:
    return link_hash(prev_hash, _body(event, dossier_uuid))


def last_hash(session: Session) -> str:
    found = session.scalar(select(DossierEvent.hash).order_by(DossierEvent.id.desc()).limit(1))
    return found or GENESIS_HASH


def append_event(
    session: Session,
    dossier: Dossier,
    action: Action,
    actor: Actor,
    *,
    at: datetime,
    payload: dict | None = None,
) -> DossierEvent:
    """Record ``action`` on ``dossier``, update its cached status and queue it for sync."""
    history = [Action(e.action) for e in dossier.events]
    current = Status(dossier.status) if history else None
    transferred = transferred_by(history)
    status = next_status(current, action, was_transferred=transferred, complete=(payload or {}).get("complete"))
    event = DossierEvent(
        seq=len(history) + 1,
        action=action.value,
        status=int(status),
        payload=payload or {},
        officer=actor.officer,
        counter=actor.counter,
        workstation=actor.workstation,
        device_time=at,
        monotonic_ns=time.monotonic_ns(),
    )
    event.prev_hash = last_hash(session)
    event.hash = event_hash(event.prev_hash, event, dossier.uuid)
    dossier.events.append(event)
    dossier.status = int(status)
    session.add(
        OutboxOp(
            op_id=str(uuid.uuid4()),
            kind="dossier.event",
            dossier_uuid=dossier.uuid,
            payload={"dossier": dossier.uuid, "code": dossier.code, "seq": event.seq,
                     "action": event.action, "status": event.status, "payload": event.payload,
                     "officer": actor.officer, "counter": actor.counter,
                     "device_time": at.isoformat(timespec="seconds")},
            created_at=at,
        )
    )
    session.flush()
    return event


def verify_chain(session: Session) -> list[int]:
    """Ids of events whose hash or link does not match (empty when the trail is intact)."""
    broken = []
    prev = GENESIS_HASH
    rows = session.execute(
        select(DossierEvent, Dossier.uuid).join(Dossier).order_by(DossierEvent.id)
    )
    for event, dossier_uuid in rows:
        if event.prev_hash != prev or event.hash != event_hash(prev, event, dossier_uuid):
            broken.append(event.id)
        prev = event.hash
    return broken
