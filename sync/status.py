"""What the sync panel and `counter-app sync status` show."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from counter_app.dossiers.sync_badges import badges_by_uuid
from counter_app.storage.models import Document, Dossier, OutboxOp
from counter_app.workspace import Workspace
from sync.push import PENDING, REJECTED
from sync.state import load_state, save_state


@dataclass
class SyncStatus:
    server_url: str
    registered: bool
    pending: int
    rejected: int
    sent: int
    bytes_left: int  # files of dossiers that still have ops to deliver (upper bound)
    last_success: str
    last_attempt: str
    last_error: str
    last_error_code: str
    cursor: int
    conflicts: list
    rejected_ops: list
    catalog_updates: list  # diffs of catalogue versions received from the province (newest last)
    calendar_updates: list

    @property
    def delivered(self) -> bool:
        return self.pending == 0 and self.rejected == 0


def sync_status(workspace: Workspace) -> SyncStatus:
    with workspace.db.read() as session:
        state = load_state(session)
        counts = dict(session.execute(select(OutboxOp.state, func.count()).group_by(OutboxOp.state)).all())
        waiting = select(OutboxOp.dossier_uuid).where(OutboxOp.state == PENDING).distinct()
        bytes_left = session.scalar(
            select(func.coalesce(func.sum(Document.size), 0)).join(Dossier).where(Dossier.uuid.in_(waiting)))
        rejected = session.execute(select(OutboxOp.op_id, OutboxOp.payload, OutboxOp.last_error)
                                   .where(OutboxOp.state == REJECTED).order_by(OutboxOp.id)).all()
    return SyncStatus(
        server_url=state.server_url, registered=bool(state.token), pending=counts.get(PENDING, 0),
        rejected=counts.get(REJECTED, 0), sent=counts.get("sent", 0), bytes_left=int(bytes_left or 0),
        last_success=state.last_success, last_attempt=state.last_attempt, last_error=state.last_error,
        last_error_code=state.last_error_code,
        cursor=state.cursor, conflicts=state.conflicts,
        catalog_updates=state.catalog_updates, calendar_updates=state.calendar_updates,
        rejected_ops=[{"op_id": op_id, "code": payload.get("code"), "seq": payload.get("seq"), "reason": error}
                      for op_id, payload, error in rejected],
    )


def badges(workspace: Workspace, dossier_uuids: list[str]) -> dict[str, str]:
    """Per-dossier badges (see ``counter_app.dossiers.sync_badges``)."""
    with workspace.db.read() as session:
        return badges_by_uuid(session, dossier_uuids)


def acknowledge_conflict(workspace: Workspace, change_id: int) -> bool:
    """The officer has seen a province change that could not be applied: keep it (merged,
    never dropped) but stop showing it. False if there is no such open conflict."""
    with workspace.db.write() as session:
        state = load_state(session)
        for conflict in state.conflicts:
            if conflict.get("change_id") == change_id and not conflict.get("seen"):
                conflict["seen"] = True
                save_state(session, state)
                return True
    return False
