"""Apply a batch of counter ops exactly once, in order per dossier.

Outcomes: ``applied`` (stored with its result; a repeat returns that first result),
``rejected`` (validation failed: nothing stored, the reason says why, the counter parks
the op and may resend it once fixed) and ``deferred`` (not yet applicable — an earlier
event or a file is missing: the counter simply retries later).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import DataError
from sqlalchemy.orm import Session

from counter_app.dossiers.lifecycle import Action, transferred_by
from sync.server.lifecycle import check_step
from sync.server.locks import lock
from sync.server import view_events
from sync.server.models import AppliedOp, ServerDossier, ServerEvent, StoredFile, Workstation

KNOWN_KINDS = {"dossier.event", view_events.KIND}


class Outcome(Exception):
    """Raised by a step to end an op as rejected or deferred with a reason."""

    def __init__(self, outcome: str, reason: str):
        super().__init__(reason)
        self.outcome = outcome
        self.reason = reason


def apply_batch(session: Session, workstation: Workstation, ops: list[dict]) -> list[dict]:
    lock(session, *(key for op in ops for key in lock_keys(op)), writes_events=True)  # at once, in order
    return [apply_one(session, workstation, op) for op in ops]


def lock_keys(op: dict) -> list[str]:
    """What an op reads then writes: its own id, its dossier, the dossier code it claims."""
    body = op.get("payload") if isinstance(op.get("payload"), dict) else {}
    keys = [f"op:{op['op_id']}"]
    for name, value in (("dossier", op.get("dossier_uuid")), ("dossier", body.get("dossier")),
                        ("code", body.get("code"))):
        if isinstance(value, str):
            keys.append(f"{name}:{value.strip() if name == 'code' else value}")
    return keys


def apply_one(session: Session, workstation: Workstation, op: dict) -> dict:
    stored = session.get(AppliedOp, op["op_id"])
    if stored is not None:
        return {"op_id": op["op_id"], "outcome": "applied", "duplicate": True, "reason": "", "result": stored.result}
    savepoint = session.begin_nested()  # a refused op leaves nothing behind
    try:
        if op["kind"] not in KNOWN_KINDS:
            raise Outcome("rejected", f"Unknown op kind {op['kind']!r}.")
        result = (_apply_view(session, workstation, op) if op["kind"] == view_events.KIND
                  else _apply_event(session, workstation, op))
        session.add(AppliedOp(op_id=op["op_id"], workstation_id=workstation.id, kind=op["kind"],
                              dossier_uuid=op.get("dossier_uuid"), result=result, applied_at=datetime.now()))
        session.flush()
    except Outcome as exc:
        savepoint.rollback()
        return {"op_id": op["op_id"], "outcome": exc.outcome, "duplicate": False, "reason": exc.reason,
                "result": None}
    except DataError as exc:  # a value this database cannot hold (e.g. text PostgreSQL refuses)
        savepoint.rollback()
        return {"op_id": op["op_id"], "outcome": "rejected", "duplicate": False, "result": None,
                "reason": f"The server cannot store this op: {str(exc.orig).splitlines()[0]}"}
    savepoint.commit()
    return {"op_id": op["op_id"], "outcome": "applied", "duplicate": False, "reason": "", "result": result}


# What the columns hold on every backend (PostgreSQL enforces lengths and 32-bit integers).
MAX_LENGTH = {"dossier": 36, "code": 64, "action": 32}
MAX_INT = 2**31 - 1


def _field(payload: dict, name: str, kind: type):
    value = payload.get(name)
    if not isinstance(value, kind) or isinstance(value, bool) or (isinstance(value, str) and not value.strip()):
        raise Outcome("rejected", f"Field {name!r} is missing or not a {kind.__name__}.")
    if isinstance(value, str) and (len(value) > MAX_LENGTH.get(name, 10_000) or "\x00" in value):
        raise Outcome("rejected", f"Field {name!r} is too long or holds a NUL character.")
    if isinstance(value, int) and not -MAX_INT <= value <= MAX_INT:
        raise Outcome("rejected", f"Field {name!r} is out of range.")
    return value


def _apply_event(session: Session, workstation: Workstation, op: dict) -> dict:
    body = op["payload"]
    uuid = _field(body, "dossier", str)
    if op.get("dossier_uuid") not in (None, uuid):
        raise Outcome("rejected", "The op's dossier does not match its payload.")
    code, seq = _field(body, "code", str), _field(body, "seq", int)
    action, status = _field(body, "action", str), _field(body, "status", int)
    if seq < 1:
        raise Outcome("rejected", "Event seq must be 1 or more.")
    dossier = session.get(ServerDossier, uuid)
    if dossier is None:
        dossier = _new_dossier(session, workstation, uuid, code, seq)
    elif dossier.workstation_id != workstation.id:
        _take_over(session, dossier, workstation)
    if seq <= dossier.counter_seq:
        raise Outcome("rejected", f"Event {seq} of dossier {code} was already delivered by another op.")
    if seq > dossier.counter_seq + 1:
        raise Outcome("deferred", f"Waiting for event {dossier.counter_seq + 1} of dossier {code}.")
    events = session.scalars(select(ServerEvent).where(ServerEvent.dossier_uuid == uuid)
                             .order_by(ServerEvent.counter_seq)).all()
    counter_events = [e for e in events if e.counter_seq is not None]
    previous = counter_events[-1].status if counter_events else None
    transferred = transferred_by(e.action for e in counter_events)
    inner = body.get("payload") if isinstance(body.get("payload"), dict) else {}
    problem = check_step(previous, action, status, transferred=transferred, complete=inner.get("complete"))
    if problem:
        raise Outcome("rejected", f"Dossier {code}, event {seq}: {problem}")
    intake = body.get("intake") if isinstance(body.get("intake"), dict) else None
    _require_files(session, intake)
    event = _merge_event(session, events, dossier, op, body)
    dossier.counter_seq = seq
    if event.origin == "counter":
        dossier.status = status
    if intake is not None and (not transferred or action == Action.CORRECT.value):
        # The counter owns intake data until the transfer; a correction is the counter's own fix.
        dossier.intake = intake
    dossier.updated_at = datetime.now()
    session.flush()
    return {"dossier": uuid, "code": code, "seq": seq, "event_id": event.id, "dossier_status": dossier.status}


def _new_dossier(session: Session, workstation: Workstation, uuid: str, code: str, seq: int) -> ServerDossier:
    if seq != 1:
        raise Outcome("deferred", f"Waiting for event 1 of dossier {code}.")
    if session.scalar(select(ServerDossier.uuid).where(ServerDossier.code == code)) is not None:
        raise Outcome("rejected", f"Dossier code {code} is already used by another dossier: "
                                  "check this counter's workstation slot.")
    dossier = ServerDossier(uuid=uuid, code=code, agency_id=workstation.agency_id, workstation_id=workstation.id,
                            intake={}, status=0, counter_seq=0, updated_at=datetime.now())
    session.add(dossier)
    return dossier


def _take_over(session: Session, dossier: ServerDossier, workstation: Workstation) -> None:
    """The same counter enrolled again (new token after a revocation) keeps its dossiers."""
    owner = session.get(Workstation, dossier.workstation_id)
    if owner is None or (owner.agency_id, owner.slot) != (workstation.agency_id, workstation.slot):
        raise Outcome("rejected", f"Dossier {dossier.code} belongs to another workstation.")
    dossier.workstation_id = workstation.id


def _require_files(session: Session, intake: dict | None) -> None:
    for document in (intake or {}).get("documents", []):
        sha = document.get("sha256") if isinstance(document, dict) else None
        stored = session.get(StoredFile, sha) if isinstance(sha, str) else None
        if stored is None or not stored.complete:
            raise Outcome("deferred", f"File {sha} is not on the server yet.")


def _merge_event(session: Session, events, dossier: ServerDossier, op: dict, body: dict) -> ServerEvent:
    """A counter event, or the counter's copy of a province event (linked, never duplicated)."""
    inner = body.get("payload") if isinstance(body.get("payload"), dict) else {}
    if inner.get("origin") == "province":
        for event in events:
            if event.origin == "province" and event.payload.get("change_id") == inner.get("change_id"):
                event.counter_seq = body["seq"]
                event.op_id = op["op_id"]
                return event
    event = ServerEvent(dossier_uuid=dossier.uuid, origin="counter", counter_seq=body["seq"], op_id=op["op_id"],
                        action=body["action"], status=body["status"], payload=inner,
                        actor=str(body.get("officer", "")), at=datetime.now(),
                        device_time=_device_time(body.get("device_time")))
    session.add(event)
    session.flush()
    return event


def known_op_ids(session: Session, op_ids: list[str]) -> list[str]:
    return list(session.scalars(select(AppliedOp.op_id).where(AppliedOp.op_id.in_(op_ids))))


def _device_time(value) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None  # a counter's bad clock string must not lose the event


def _apply_view(session: Session, workstation: Workstation, op: dict) -> dict:
    """A counter's personal-data view event (``sync.server.view_events``), stored once."""
    try:
        return view_events.apply_view(session, workstation, op)
    except view_events.Invalid as exc:
        raise Outcome("rejected", str(exc)) from exc
