"""Dossier codes: ``<agency id>-<yymmdd>-<nnnn>``, unique per agency and day, never reused.

Scheme (the province may change the pattern, not the partitioning):

* Numbers are split into ranges of 1000. Range 0 (0001–0999) is kept for blocks the
  province hands out to a workstation while online: the sync worker asks the server
  (POST /code-blocks) for blocks of today and the next working day and stores them in
  ``code_blocks``. ``next_code`` takes the next number of the day's oldest block that
  is not used up, and only when none is left falls back to the workstation's own range.
* Range ``s`` (s × 1000 … s × 1000 + 999) belongs to the workstation with slot ``s``
  (1–9, unique within the office, set at installation). A counter working offline
  numbers its dossiers from its own range, so two counters can never produce the same
  code, with or without a network.
* The last number used per (agency, day, slot) — and a block's next number — is stored
  and only ever grows, in the same transaction that saves the dossier: a code is never
  issued twice (not even after a restart), and a rolled-back dossier leaves no trace.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.errors import CodeSpaceExhausted, InvalidInput
from counter_app.storage.models import CodeBlock, CodeCounter

RANGE_SIZE = 1000
MAX_SLOT = 9


def slot_range(slot: int) -> tuple[int, int]:
    """First and last number of a workstation slot's range."""
    if not 1 <= slot <= MAX_SLOT:
        raise InvalidInput(f"Workstation slot must be 1–{MAX_SLOT}, got {slot}.")
    first = slot * RANGE_SIZE
    return first, first + RANGE_SIZE - 1


def format_code(pattern: str, agency_id: str, day: date, seq: int) -> str:
    try:
        return pattern.format(agency=agency_id, date=day, seq=seq)
    except (KeyError, ValueError, IndexError) as exc:
        raise InvalidInput(f"Invalid dossier code pattern {pattern!r}: {exc}") from exc


def next_code(session: Session, *, agency_id: str, day: date, slot: int, pattern: str) -> str:
    """Take the next number of a province block, else of this workstation's range;
    call inside the saving transaction."""
    block = session.scalar(select(CodeBlock).where(
        CodeBlock.agency_id == agency_id, CodeBlock.day == day, CodeBlock.next_value <= CodeBlock.last,
    ).order_by(CodeBlock.first).limit(1))
    if block is not None:
        number = block.next_value
        block.next_value = number + 1
        session.flush()
        return format_code(pattern, agency_id, day, number)
    first, last = slot_range(slot)
    counter = session.get(CodeCounter, (agency_id, day, slot))
    if counter is None:
        counter = CodeCounter(agency_id=agency_id, day=day, slot=slot, last_value=first - 1)
        session.add(counter)
    if counter.last_value >= last:
        raise CodeSpaceExhausted(
            f"Workstation slot {slot} has used all {RANGE_SIZE} dossier numbers for {day:%d/%m/%Y}."
        )
    counter.last_value += 1
    session.flush()
    return format_code(pattern, agency_id, day, counter.last_value)
