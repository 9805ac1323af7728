"""Ticket numbers: a letter prefix and a sequence per service group (A001, A002 …).

The next number is read and taken inside the issuing transaction, which holds SQLite's
write lock (BEGIN IMMEDIATE): two kiosks or counters issuing at the same instant queue
on the lock instead of both reading the same "last number". A unique constraint on
(service, day, seq) backs this up, and tickets are never deleted, so a number issued
once is never issued again that day (or ever, for a service that does not reset).
"""
from __future__ import annotations

import secrets
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from counter_app.queue.views import OPEN_STATES, Outcome, TicketState
from counter_app.storage.models import QueueTicket, ServiceGroup


def format_number(prefix: str, seq: int) -> str:
    return f"{prefix}{seq:03d}"


def next_seq(session: Session, service: ServiceGroup, day: date) -> int:
    """Next sequence of ``service`` on ``day``; call inside the write transaction."""
    query = select(func.max(QueueTicket.seq)).where(QueueTicket.service_id == service.id)
    if service.reset == "never":
        return (session.scalar(query) or 0) + 1
    last_today = session.scalar(query.where(QueueTicket.day == day)) or 0
    carried = 0
    if service.carry_over:
        # Waiting tickets kept from earlier days still hold their numbers: today's
        # sequence starts above them so two people never hold the same number.
        carried = session.scalar(query.where(QueueTicket.day < day, QueueTicket.state.in_(OPEN_STATES))) or 0
    return max(last_today, carried) + 1


def new_lookup_token() -> str:
    """Random token printed in the ticket's QR; unguessable, so a QR reveals only its own ticket."""
    return secrets.token_urlsafe(6)


def expire_stale(session: Session, today: date, now: datetime) -> int:
    """Close tickets still waiting from an earlier day in services that do not carry over."""
    resetting = select(ServiceGroup.id).where(ServiceGroup.carry_over.is_(False))
    result = session.execute(
        update(QueueTicket)
        .where(QueueTicket.day < today, QueueTicket.state == TicketState.WAITING.value,
               QueueTicket.service_id.in_(resetting))
        .values(state=TicketState.FINISHED.value, outcome=Outcome.EXPIRED.value, finished_at=now)
    )
    return result.rowcount or 0
