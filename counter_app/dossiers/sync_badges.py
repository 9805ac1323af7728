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
    return _badges(dossier_uuids, rows)


def badges_by_id(session: Session, dossier_ids: list[int]) -> dict[int, str]:
    """The same, keyed by dossier id (what search results carry), in one indexed query."""
    if not dossier_ids:
        return {}
    rows = session.execute(select(Dossier.id, OutboxOp.state, OutboxOp.attempts)
                           .join(OutboxOp, OutboxOp.dossier_uuid == Dossier.uuid)
                           .where(Dossier.id.in_(dossier_ids))).all()
    return _badges(dossier_ids, rows)


def _badges(keys, rows) -> dict:
    seen: dict = {key: set() for key in keys}
    for key, state, attempts in rows:
        seen[key].add("sending" if state == "pending" and attempts else state)
    return {key: badge_of(states) for key, states in seen.items()}


def badge_of(op_states: set[str]) -> str:
    for badge in ("rejected", "sending", "pending"):
        if badge in op_states:
            return badge
    return "synced" if op_states else ""
