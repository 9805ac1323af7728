"""Push: deliver pending outbox ops, a dossier's files first, in order per dossier.

An op moves pending → sent (applied, or a repeat answered with its first result) or
→ rejected (parked with the server's reason; later ops of that dossier wait behind
it). A transport failure leaves ops pending with the error and one more attempt.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from counter_app.storage.models import Dossier, OutboxOp
from counter_app.workspace import Workspace
from sync.client import SyncClient
from sync.errors import SyncError
from sync.snapshot import intake_of
from sync.uploads import Uploader

PENDING, SENT, REJECTED = "pending", "sent", "rejected"


@dataclass
class PushReport:
    sent: int = 0
    rejected: int = 0
    deferred: int = 0
    files: int = 0


def _blocked_dossiers():
    return select(OutboxOp.dossier_uuid).where(OutboxOp.state == REJECTED, OutboxOp.dossier_uuid.is_not(None))


def next_batch(workspace: Workspace, limit: int) -> tuple[list[dict], list[dict]]:
    """Up to ``limit`` pending ops in creation order (so in order per dossier), with
    their intake snapshots, and the files those dossiers hold."""
    with workspace.db.read() as session:
        ops = session.scalars(select(OutboxOp).where(
            OutboxOp.state == PENDING,
            (OutboxOp.dossier_uuid.is_(None)) | OutboxOp.dossier_uuid.not_in(_blocked_dossiers()),
        ).order_by(OutboxOp.id).limit(limit)).all()
        uuids = {op.dossier_uuid for op in ops if op.dossier_uuid}
        dossiers = {d.uuid: d for d in session.scalars(select(Dossier).where(Dossier.uuid.in_(uuids)).options(
            selectinload(Dossier.components), selectinload(Dossier.documents), selectinload(Dossier.procedure)))}
        intakes = {uuid: intake_of(dossier) for uuid, dossier in dossiers.items()}
        batch = [{"op_id": op.op_id, "kind": op.kind, "dossier_uuid": op.dossier_uuid,
                  "payload": {**op.payload, **({"intake": intakes[op.dossier_uuid]}
                                               if op.dossier_uuid in intakes else {})}} for op in ops]
    files = {d["sha256"]: d for intake in intakes.values() for d in intake["documents"]}
    return batch, list(files.values())


def push(workspace: Workspace, client: SyncClient, uploader: Uploader, *, batch_size: int = 100) -> PushReport:
    report = PushReport()
    while True:
        batch, files = next_batch(workspace, batch_size)
        if not batch:
            return report
        try:
            report.files += uploader.upload_all(files)
            results = client.send_ops(batch)
        except (SyncError, OSError) as exc:
            record_failure(workspace, [op["op_id"] for op in batch], getattr(exc, "message", str(exc)))
            raise
        progress = record_results(workspace, results, report)
        if not progress:
            return report  # everything deferred: nothing more to do this round


def record_results(workspace: Workspace, results: list[dict], report: PushReport) -> bool:
    by_id = {r["op_id"]: r for r in results}
    progress = False
    with workspace.db.write() as session:
        for op in session.scalars(select(OutboxOp).where(OutboxOp.op_id.in_(by_id))):
            result = by_id[op.op_id]
            op.attempts += 1
            if result["outcome"] == "applied":
                op.state, op.last_error = SENT, ""
                report.sent += 1
                progress = True
            elif result["outcome"] == "rejected":
                op.state, op.last_error = REJECTED, result["reason"]
                report.rejected += 1
                progress = True
            else:
                op.last_error = result["reason"]
                report.deferred += 1
    return progress


def record_failure(workspace: Workspace, op_ids: list[str], message: str) -> None:
    with workspace.db.write() as session:
        for op in session.scalars(select(OutboxOp).where(OutboxOp.op_id.in_(op_ids))):
            op.attempts += 1
            op.last_error = message


def resend(workspace: Workspace, op_id: str) -> bool:
    """Put a rejected op back in line (after the officer fixed what the server refused)."""
    with workspace.db.write() as session:
        op = session.scalar(select(OutboxOp).where(OutboxOp.op_id == op_id, OutboxOp.state == REJECTED))
        if op is None:
            return False
        op.state = PENDING
        return True
