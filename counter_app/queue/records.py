"""Loading queue rows and turning them into views; shared by the actions and the facade."""
from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from counter_app.errors import ForbiddenQueueAction, UnknownQueueService, UnknownTicket
from counter_app.queue.policy import QueuePolicy
from counter_app.queue.selection import Candidate
from counter_app.queue.views import ACTIVE_STATES, OPEN_STATES, ServiceView, TicketState, TicketView
from counter_app.storage.models import QueueCounter, QueueSession, QueueTicket, ServiceGroup


def service_by_code(session: Session, code: str) -> ServiceGroup:
    found = session.scalar(select(ServiceGroup).where(ServiceGroup.code == code.strip().upper()))
    if found is None:
        known = ", ".join(session.scalars(select(ServiceGroup.code).order_by(ServiceGroup.position)))
        raise UnknownQueueService(f"No queue service {code!r} (known: {known or 'none'}).")
    return found


def ordered_services(session: Session, *, active_only: bool = True) -> list[ServiceGroup]:
    query = select(ServiceGroup).order_by(ServiceGroup.position, ServiceGroup.id)
    if active_only:
        query = query.where(ServiceGroup.active.is_(True))
    return list(session.scalars(query))


def find_ticket(session: Session, ref: int | str) -> QueueTicket:
    """A ticket by id (digits) or by number (``A012``): the open one if any, else the latest."""
    text = str(ref).strip().upper()
    if text.isdigit():
        found = session.get(QueueTicket, int(text))
    else:
        rows = session.scalars(select(QueueTicket).where(QueueTicket.number == text)
                               .order_by(QueueTicket.id.desc())).all()
        found = next((r for r in rows if r.state in OPEN_STATES), rows[0] if rows else None)
    if found is None:
        raise UnknownTicket(f"No ticket {ref!r}.")
    return found


def ensure_counter(session: Session, number: int) -> QueueCounter:
    if not isinstance(number, int) or number < 1:
        raise ForbiddenQueueAction(f"Counter numbers start at 1, got {number!r}.")
    counter = session.get(QueueCounter, number)
    if counter is None:
        counter = QueueCounter(number=number, label=f"Quầy {number}", services=[], mode="in_order",
                               priority_streak=0)
        session.add(counter)
        session.flush()
    return counter


def open_session_of(session: Session, counter_no: int) -> QueueSession | None:
    return session.scalar(select(QueueSession).where(QueueSession.open_counter_no == counter_no))


def active_ticket(session: Session, counter_no: int) -> QueueTicket | None:
    return session.scalar(select(QueueTicket).where(QueueTicket.counter_no == counter_no,
                                                    QueueTicket.state.in_(ACTIVE_STATES)))


def parked_tickets(session: Session, counter_no: int) -> list[QueueTicket]:
    return list(session.scalars(select(QueueTicket).where(
        QueueTicket.counter_no == counter_no, QueueTicket.state == TicketState.PARKED.value)
        .order_by(QueueTicket.id)))


def profile_service_ids(session: Session, counter: QueueCounter) -> tuple[int, ...]:
    """The counter's services in its order; an empty profile means every active service."""
    if not counter.services:
        return tuple(s.id for s in ordered_services(session))
    return tuple(service_by_code(session, code).id for code in counter.services)


def waiting_query(today: date):
    """Tickets that may be called today: today's, and older ones of carry-over services."""
    return (select(QueueTicket).join(ServiceGroup, QueueTicket.service_id == ServiceGroup.id)
            .where(QueueTicket.state == TicketState.WAITING.value,
                   or_(QueueTicket.day == today, ServiceGroup.carry_over.is_(True))))


def candidate_of(ticket: QueueTicket, policy: QueuePolicy) -> Candidate:
    # A class the office has since removed counts as ordinary rather than blocking the queue.
    rank = policy.rank_of(ticket.priority) if ticket.priority else 0
    return Candidate(ticket.id, ticket.service_id, rank, ticket.queued_at)


def service_view(service: ServiceGroup, waiting: int = 0) -> ServiceView:
    return ServiceView(code=service.code, prefix=service.prefix, name=service.name,
                       procedure_codes=tuple(service.procedure_codes or ()), fields=tuple(service.fields or ()),
                       reset=service.reset, carry_over=service.carry_over, active=service.active,
                       default_minutes=service.default_minutes, waiting=waiting)


def ticket_view(ticket: QueueTicket, policy: QueuePolicy) -> TicketView:
    klass = policy.priority_class(ticket.priority) if ticket.priority else None
    return TicketView(
        id=ticket.id, number=ticket.number, service_code=ticket.service.code, service_name=ticket.service.name,
        priority=ticket.priority, priority_name=klass.name if klass else "", state=ticket.state, day=ticket.day,
        issued_at=ticket.issued_at, called_at=ticket.called_at, served_at=ticket.served_at,
        finished_at=ticket.finished_at, counter=ticket.counter_no, target_counter=ticket.target_counter,
        officer=ticket.officer, outcome=ticket.outcome, walk_in=ticket.walk_in, call_count=ticket.call_count,
        recycle_count=ticket.recycle_count, previous_id=ticket.previous_id, printed=ticket.printed_at is not None,
        print_error=ticket.print_error, dossier_codes=tuple(link.dossier.code for link in ticket.dossiers),
    )


def origin_of(session: Session, ticket: QueueTicket) -> QueueTicket:
    """The issued ticket a transfer chain started from (it holds the QR token)."""
    while ticket.previous_id is not None:
        ticket = session.get(QueueTicket, ticket.previous_id)
    return ticket


def latest_in_chain(session: Session, ticket: QueueTicket) -> QueueTicket:
    while True:
        following = session.scalar(select(QueueTicket).where(QueueTicket.previous_id == ticket.id)
                                   .order_by(QueueTicket.id.desc()))
        if following is None:
            return ticket
        ticket = following
