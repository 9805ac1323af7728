"""Where each dossier stands with the province, read from its outbox ops alone.

``rejected`` when an op was parked with the server's reason (the later ones wait behind
it), ``sending`` when an op was tried and awaits confirmation or a retry, ``pending``
when ops were not tried yet, ``synced`` when every op was delivered, and "" when the
dossier has no op at all. Used by the dossier list and detail and by the sync page.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.storage.models import Dossier, OutboxOp

BADGES = ("pending", "sending", "synced", "rejected")


def badges_by_uuid(session: Session, dossier_uuids: list[str]) -> dict[str, str]:
    rows = session.execute(select(OutboxOp.dossier_uuid, OutboxOp.state, OutboxOp.attempts)
                           .where(OutboxOp.dossier_uuid.in_(list(dossier_uuids)))).all()
    seen: dict[str, set[str]] = {uuid: set() for uuid in dossier_uuids}
    for uuid, state, attempts in rows:
        seen[uuid].add("sending" if state == "pending" and attempts else state)
    return {uuid: badge_of(states) for uuid, states in seen.items()}


def badges_by_id(session: Session, dossier_ids: list[int]) -> dict[int, str]:
    """The same, keyed by dossier id (what search results carry), in two indexed queries."""
    if not dossier_ids:
        return {}
    uuids = dict(session.execute(select(Dossier.id, Dossier.uuid).where(Dossier.id.in_(dossier_ids))).all())
    by_uuid = badges_by_uuid(session, list(uuids.values()))
    return {dossier_id: by_uuid.get(uuids.get(dossier_id, ""), "") for dossier_id in dossier_ids}


def badge_of(op_states: set[str]) -> str:
    for badge in ("rejected", "sending", "pending"):
        if badge in op_states:
            return badge
    return "synced" if op_states else ""
