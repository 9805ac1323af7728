"""Fetch dossier-code blocks (numbers 0001–0999) from the province while online.

For today and the next working day, when fewer than ``low_water`` numbers are left in
the stored blocks, one more block is asked for. The request id is written to the sync
state BEFORE the request goes out and removed in the SAME transaction that stores the
block: a lost answer is asked again with the same id, and the server answers a repeat
with the block it first handed out, so no block is lost or stored twice.
"""
from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import func, select

from counter_app.errors import CodeSpaceExhausted
from counter_app.scheduling import Scheduler, stored_overrides
from counter_app.settings import load_settings
from counter_app.storage.models import CodeBlock
from counter_app.workspace import Workspace
from sync.client import SyncClient
from sync.errors import ServerRejected
from sync.state import load_state, save_state


def block_days(workspace: Workspace, today: date) -> list[date]:
    """Today and the office's next working day (its calendar overrides included)."""
    with workspace.db.read() as session:
        scheduler = Scheduler(load_settings(session).rules, stored_overrides(session))
    return [today, scheduler.calendar.next_working_day(today)]


def numbers_left(workspace: Workspace, agency_id: str, day: date) -> int:
    with workspace.db.read() as session:
        return int(session.scalar(select(func.coalesce(func.sum(CodeBlock.last - CodeBlock.next_value + 1), 0))
                                  .where(CodeBlock.agency_id == agency_id, CodeBlock.day == day,
                                         CodeBlock.next_value <= CodeBlock.last)) or 0)


def refill(workspace: Workspace, client: SyncClient, today: date, *, size: int = 50, low_water: int = 10,
           now: datetime | None = None) -> int:
    """Ask for the blocks that are missing; returns how many were stored."""
    with workspace.db.read() as session:
        agency_id = load_settings(session).office.agency_id
    stored = 0
    for day in block_days(workspace, today):
        pending = _pending_request(workspace, day)
        if pending is None and numbers_left(workspace, agency_id, day) >= low_water:
            continue
        request_id = pending or _announce_request(workspace, day)
        try:
            answer = client.code_block(day.isoformat(), size, request_id)
        except ServerRejected as exc:
            if exc.details.get("error") == CodeSpaceExhausted.code:
                _forget_request(workspace, request_id)  # 0001–0999 all handed out: the slot range serves
                continue
            raise
        stored += _store(workspace, request_id, answer, now or datetime.now())
    return stored


def _pending_request(workspace: Workspace, day: date) -> str | None:
    with workspace.db.read() as session:
        state = load_state(session)
    return next((r["request_id"] for r in state.code_blocks if r.get("day") == day.isoformat()), None)


def _announce_request(workspace: Workspace, day: date) -> str:
    request_id = str(uuid.uuid4())
    with workspace.db.write() as session:
        state = load_state(session)
        state.code_blocks.append({"day": day.isoformat(), "request_id": request_id})
        save_state(session, state)
    return request_id


def _forget_request(workspace: Workspace, request_id: str) -> None:
    with workspace.db.write() as session:
        state = load_state(session)
        state.code_blocks = [r for r in state.code_blocks if r.get("request_id") != request_id]
        save_state(session, state)


def _store(workspace: Workspace, request_id: str, answer: dict, now: datetime) -> int:
    day = date.fromisoformat(answer["day"])
    with workspace.db.write() as session:
        state = load_state(session)
        state.code_blocks = [r for r in state.code_blocks if r.get("request_id") != request_id]
        save_state(session, state)
        known = session.scalar(select(CodeBlock).where(CodeBlock.agency_id == answer["agency_id"],
                                                       CodeBlock.day == day, CodeBlock.first == answer["first"]))
        if known is not None:
            return 0
        session.add(CodeBlock(agency_id=answer["agency_id"], day=day, first=int(answer["first"]),
                              last=int(answer["last"]), next_value=int(answer["first"]),
                              obtained_at=now.replace(microsecond=0)))
        session.flush()
    return 1
