"""Blocks of dossier numbers 0001–0999 per agency and day, handed to online workstations.

Writers are serialised (BEGIN IMMEDIATE on SQLite, an advisory lock per agency and day
on PostgreSQL) and (agency, day, first) is unique, so two
blocks never overlap; a repeated request id returns the block it first received.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.codes import RANGE_SIZE
from counter_app.errors import CodeSpaceExhausted
from sync.server.locks import lock
from sync.server.models import CodeBlock, Workstation

LAST_NUMBER = RANGE_SIZE - 1  # 0001–0999: range 0 of counter_app.codes


def allocate(session: Session, workstation: Workstation, day: date, size: int, request_id: str) -> CodeBlock:
    lock(session, f"blocks:{workstation.agency_id}:{day.isoformat()}", f"block-request:{request_id}")
    existing = session.scalar(select(CodeBlock).where(CodeBlock.request_id == request_id))
    if existing is not None:
        return existing
    used = session.scalar(select(func.max(CodeBlock.last)).where(
        CodeBlock.agency_id == workstation.agency_id, CodeBlock.day == day)) or 0
    if used >= LAST_NUMBER:
        raise CodeSpaceExhausted(f"All numbers 0001–{LAST_NUMBER:04d} of {day:%d/%m/%Y} are handed out.")
    block = CodeBlock(agency_id=workstation.agency_id, day=day, workstation_id=workstation.id,
                      request_id=request_id, first=used + 1, last=min(used + size, LAST_NUMBER))
    session.add(block)
    session.flush()
    return block
