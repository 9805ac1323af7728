"""Province-side changes: processing status set at the province, read back as a feed."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.errors import UnknownDossier
from counter_app.dossiers.lifecycle import transferred_by
from sync.server.lifecycle import action_to
from sync.server.locks import FEED, lock
from sync.server.models import Change, ServerDossier, ServerEvent

PROVINCE_ACTOR = "Tỉnh (hệ thống một cửa điện tử)"


def set_status(session: Session, code: str, status: int, *, note: str = "", actor: str = PROVINCE_ACTOR) -> Change:
    """Record a province event moving dossier ``code`` to ``status`` and publish it."""
    lock(session, FEED, f"code:{code.strip()}", writes_events=True)
    dossier = session.scalar(select(ServerDossier).where(ServerDossier.code == code.strip()))
    if dossier is None:
        raise UnknownDossier(f"No dossier with code {code!r} on the server.")
    actions = session.scalars(select(ServerEvent.action).where(ServerEvent.dossier_uuid == dossier.uuid)).all()
    action = action_to(dossier.status or None, status, transferred=transferred_by(actions))
    now = datetime.now().replace(microsecond=0)
    change = Change(kind="dossier.status", agency_id=dossier.agency_id, dossier_uuid=dossier.uuid, body={},
                    created_at=now)
    session.add(change)
    session.flush()
    payload = {"origin": "province", "change_id": change.id, **({"note": note} if note else {})}
    event = ServerEvent(dossier_uuid=dossier.uuid, origin="province", counter_seq=None, action=action.value,
                        status=status, payload=payload, actor=actor, at=now)
    session.add(event)
    dossier.status = status
    dossier.updated_at = now
    change.body = {"dossier": dossier.uuid, "code": dossier.code, "action": action.value, "status": status,
                   "note": note, "actor": actor, "at": now.isoformat()}
    session.flush()
    return change


MAX_ID = 2**31 - 1  # ids are 32-bit on PostgreSQL: a larger cursor is past every change


def changes_since(session: Session, agency_id: str, cursor: int, limit: int) -> list[Change]:
    cursor = min(cursor, MAX_ID)
    return list(session.scalars(select(Change).where(Change.id > cursor, Change.agency_id.in_((agency_id, "*")))
                                .order_by(Change.id).limit(limit)))


def latest_change(session: Session, agency_id: str) -> int:
    return session.scalar(select(func.max(Change.id)).where(Change.agency_id.in_((agency_id, "*")))) or 0
