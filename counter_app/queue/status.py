"""The queue at a glance: waiting per service, each counter's ticket, the latest calls."""
from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.queue import records
from counter_app.queue.policy import QueuePolicy
from counter_app.queue.views import CounterView, QueueStatus
from counter_app.storage.models import QueueCounter, QueueTicket

RECENT_CALLS = 8


def queue_status(session: Session, policy: QueuePolicy, today: date) -> QueueStatus:
    waiting = Counter(t.service_id for t in session.scalars(records.waiting_query(today)))
    services = tuple(records.service_view(s, waiting.get(s.id, 0)) for s in records.ordered_services(session))
    counters = []
    for counter in session.scalars(select(QueueCounter).order_by(QueueCounter.number)):
        shift = records.open_session_of(session, counter.number)
        current = records.active_ticket(session, counter.number)
        counters.append(CounterView(
            number=counter.number, label=counter.label, services=tuple(counter.services or ()), mode=counter.mode,
            officer=shift.officer if shift else None,
            current=records.ticket_view(current, policy) if current else None,
            parked=tuple(records.ticket_view(t, policy) for t in records.parked_tickets(session, counter.number))))
    recent = session.scalars(select(QueueTicket).where(QueueTicket.called_at.is_not(None), QueueTicket.day == today)
                             .order_by(QueueTicket.called_at.desc(), QueueTicket.id.desc()).limit(RECENT_CALLS))
    return QueueStatus(day=today, services=services, counters=tuple(counters),
                       recent_calls=tuple(records.ticket_view(t, policy) for t in recent), notice=policy.notice)
