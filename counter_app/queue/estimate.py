"""People waiting ahead and the estimated wait printed on a ticket.

Estimate = people ahead × typical service time ÷ counters open for the service. The
typical service time is the median (robust to one long land dossier) of the service's
recent finished visits, called → finished; a new office uses the service's default.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from statistics import median

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.queue import records
from counter_app.queue.policy import QueuePolicy
from counter_app.queue.selection import count_ahead
from counter_app.queue.views import Outcome
from counter_app.storage.models import QueueCounter, QueueSession, QueueTicket, ServiceGroup


@dataclass(frozen=True)
class WaitEstimate:
    ahead: int
    minutes: int
    service_minutes: float
    counters: int


def service_minutes(session: Session, service: ServiceGroup, sample: int) -> float:
    rows = session.execute(
        select(QueueTicket.called_at, QueueTicket.finished_at)
        .where(QueueTicket.service_id == service.id, QueueTicket.outcome == Outcome.SERVED.value,
               QueueTicket.called_at.is_not(None), QueueTicket.finished_at.is_not(None))
        .order_by(QueueTicket.finished_at.desc()).limit(sample)
    ).all()
    durations = [(end - start).total_seconds() / 60 for start, end in rows if end >= start]
    return median(durations) if durations else float(service.default_minutes)


def counters_serving(session: Session, service: ServiceGroup) -> int:
    """Counters with an open session whose profile takes this service (at least 1)."""
    counters = session.scalars(select(QueueCounter).join(QueueSession, QueueSession.open_counter_no
                                                         == QueueCounter.number))
    return max(1, sum(1 for c in counters if not c.services or service.code in c.services))


def estimate_for(session: Session, ticket: QueueTicket, policy: QueuePolicy, today: date) -> WaitEstimate:
    waiting = session.scalars(records.waiting_query(today).where(QueueTicket.service_id == ticket.service_id))
    candidates = [records.candidate_of(t, policy) for t in waiting]
    ahead = count_ahead(candidates, records.candidate_of(ticket, policy))
    per_ticket = service_minutes(session, ticket.service, policy.recent_sample)
    counters = counters_serving(session, ticket.service)
    return WaitEstimate(ahead=ahead, minutes=math.ceil(ahead * per_ticket / counters),
                        service_minutes=per_ticket, counters=counters)
