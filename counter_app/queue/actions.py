"""What an officer does at a counter, each inside the caller's one write transaction.

A ``Desk`` is one counter seen from one transaction: it checks the counter's open
session and current ticket, then changes rows. Forbidden moves raise
``ForbiddenQueueAction`` before anything is written, so the transaction rolls back clean.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.errors import ForbiddenQueueAction, InvalidInput, UnknownDossier
from counter_app.queue import records
from counter_app.queue.policy import QueuePolicy
from counter_app.queue.selection import Profile, next_streak, pick_next
from counter_app.queue.views import Outcome, TicketState
from counter_app.storage.models import Dossier, QueueSession, QueueTicket, QueueTicketDossier

WAITING, CALLED, SERVING, PARKED, FINISHED = (s.value for s in TicketState)


class Desk:
    def __init__(self, session: Session, counter_no: int, policy: QueuePolicy, now: datetime):
        self.session, self.policy, self.now = session, policy, now
        self.counter = records.ensure_counter(session, counter_no)
        self.shift = records.open_session_of(session, counter_no)
        if self.shift is None:
            raise ForbiddenQueueAction(f"Counter {counter_no} has no open session: open it first.")

    @property
    def number(self) -> int:
        return self.counter.number

    # -- calling -----------------------------------------------------------------------------

    def call_next(self) -> QueueTicket | None:
        self._require_free()
        ids = records.profile_service_ids(self.session, self.counter)
        rows = {t.id: t for t in self.session.scalars(records.waiting_query(self.now.date()))
                if (t.target_counter is None and t.service_id in ids) or t.target_counter == self.number}
        chosen = pick_next([records.candidate_of(t, self.policy) for t in rows.values()],
                           Profile(ids, self.counter.mode), streak=self.counter.priority_streak,
                           fairness_cap=self.policy.fairness_cap)
        if chosen is None:
            return None
        self.counter.priority_streak = next_streak(self.counter.priority_streak, chosen)
        return self._call(rows[chosen.ticket_id])

    def call_ticket(self, ref: int | str) -> QueueTicket:
        """Call a chosen ticket out of turn (a waiting or a parked one)."""
        self._require_free()
        ticket = records.find_ticket(self.session, ref)
        if ticket.state not in (WAITING, PARKED):
            raise ForbiddenQueueAction(f"Ticket {ticket.number} is {ticket.state}; only a waiting or parked "
                                       "ticket can be called.")
        return self._call(ticket)

    def recall(self) -> QueueTicket:
        ticket = self._require_active()
        if ticket.state != CALLED:
            raise ForbiddenQueueAction(f"Ticket {ticket.number} is already being served; nothing to recall.")
        ticket.call_count += 1
        return ticket

    def _call(self, ticket: QueueTicket) -> QueueTicket:
        ticket.state, ticket.called_at, ticket.call_count = CALLED, self.now, ticket.call_count + 1
        self._assign(ticket)
        return ticket

    # -- serving ----------------------------------------------------------------------------

    def start(self) -> QueueTicket:
        """The called citizen has arrived: service time starts."""
        ticket = self._require_active()
        if ticket.state != CALLED:
            raise ForbiddenQueueAction(f"Ticket {ticket.number} is already being served.")
        ticket.state, ticket.served_at = SERVING, self.now
        return ticket

    def no_show(self, *, recycle: bool = True) -> QueueTicket:
        ticket = self._require_active()
        if ticket.state != CALLED:
            raise ForbiddenQueueAction(f"Ticket {ticket.number} is being served: the citizen is here.")
        if recycle and ticket.recycle_count < self.policy.max_recycles:
            # Back to the end of the line: they may have stepped out and still want service.
            ticket.state, ticket.queued_at, ticket.called_at = WAITING, self.now, None
            ticket.recycle_count += 1
            ticket.counter_no, ticket.officer, ticket.session_id = None, "", None
            return ticket
        return self._close(ticket, Outcome.NO_SHOW)

    def park(self) -> QueueTicket:
        ticket = self._require_active()
        ticket.state = PARKED  # keeps counter_no: the hold belongs to this counter
        return ticket

    def resume(self, ref: int | str | None = None) -> QueueTicket:
        self._require_free()
        if ref is None:
            parked = records.parked_tickets(self.session, self.number)
            if len(parked) != 1:
                raise ForbiddenQueueAction(f"Counter {self.number} has {len(parked)} parked tickets: "
                                           "say which one to resume.")
            ticket = parked[0]
        else:
            ticket = records.find_ticket(self.session, ref)
        if ticket.state != PARKED:
            raise ForbiddenQueueAction(f"Ticket {ticket.number} is {ticket.state}, not parked.")
        ticket.state, ticket.served_at = SERVING, ticket.served_at or self.now
        self._assign(ticket)
        return ticket

    def transfer(self, *, service_code: str | None = None, to_counter: int | None = None) -> QueueTicket:
        """Finish this visit as transferred and queue the citizen at another service or counter."""
        ticket = self._require_active()
        service = records.service_by_code(self.session, service_code) if service_code else ticket.service
        if service.id == ticket.service_id and to_counter in (None, self.number):
            raise ForbiddenQueueAction("Transfer needs another service or another counter.")
        if to_counter is not None:
            records.ensure_counter(self.session, to_counter)
        self._close(ticket, Outcome.TRANSFERRED)
        moved = QueueTicket(service_id=service.id, day=self.now.date(), seq=None, number=ticket.number,
                            priority=ticket.priority, state=WAITING, walk_in=ticket.walk_in, previous_id=ticket.id,
                            target_counter=to_counter, issued_at=self.now,
                            queued_at=ticket.queued_at,  # keeps the place in line the citizen already earned
                            officer="", outcome="", call_count=0, recycle_count=0, print_error="")
        self.session.add(moved)
        self.session.flush()
        return moved

    def walk_in(self, service_code: str, priority: str = "") -> QueueTicket:
        """Serve someone who took no ticket; recorded so statistics count them."""
        self._require_free()
        service = records.service_by_code(self.session, service_code)
        check_priority(self.policy, priority)
        ticket = QueueTicket(service_id=service.id, day=self.now.date(), seq=None, number="", priority=priority,
                             state=SERVING, walk_in=True, issued_at=self.now, queued_at=self.now, called_at=self.now,
                             served_at=self.now, outcome="", call_count=0, recycle_count=0, print_error="")
        self._assign(ticket)
        self.session.add(ticket)
        self.session.flush()
        return ticket

    def finish(self, outcome: str = Outcome.SERVED.value, dossier_codes: tuple[str, ...] = ()) -> QueueTicket:
        if outcome == Outcome.NO_SHOW.value:
            if dossier_codes:
                raise InvalidInput("A no-show has no dossiers to link.")
            return self.no_show(recycle=False)
        if outcome != Outcome.SERVED.value:
            raise InvalidInput(f"Finish with 'served' or 'no_show' (use transfer to move a ticket), not {outcome!r}.")
        ticket = self._require_active()
        ticket.served_at = ticket.served_at or ticket.called_at
        self._close(ticket, Outcome.SERVED)
        link_dossiers(self.session, ticket, dossier_codes)
        return ticket

    # -- helpers ----------------------------------------------------------------------------

    def _assign(self, ticket: QueueTicket) -> None:
        ticket.counter_no, ticket.officer, ticket.session_id = self.number, self.shift.officer, self.shift.id

    def _close(self, ticket: QueueTicket, outcome: Outcome) -> QueueTicket:
        ticket.state, ticket.outcome, ticket.finished_at = FINISHED, outcome.value, self.now
        return ticket

    def _require_active(self) -> QueueTicket:
        ticket = records.active_ticket(self.session, self.number)
        if ticket is None:
            raise ForbiddenQueueAction(f"Counter {self.number} has no called ticket.")
        return ticket

    def _require_free(self) -> None:
        ticket = records.active_ticket(self.session, self.number)
        if ticket is not None:
            raise ForbiddenQueueAction(f"Counter {self.number} is still on ticket {ticket.number or 'walk-in'}: "
                                       "finish, park or transfer it first.")


def check_priority(policy: QueuePolicy, priority: str) -> None:
    if priority and policy.priority_class(priority) is None:
        known = ", ".join(c.code for c in policy.priority_classes)
        raise InvalidInput(f"Unknown priority class {priority!r} (known: {known}).")


def link_dossiers(session: Session, ticket: QueueTicket, codes: tuple[str, ...]) -> None:
    """Link dossiers received for a served (or active) ticket; unknown codes reject the whole call."""
    if not codes:
        return
    if ticket.state == FINISHED and ticket.outcome != Outcome.SERVED.value:
        raise ForbiddenQueueAction(f"Ticket {ticket.number} was not served ({ticket.outcome}).")
    linked = {link.dossier_id for link in ticket.dossiers}
    for code in codes:
        dossier = session.scalar(select(Dossier).where(Dossier.code == code.strip()))
        if dossier is None:
            raise UnknownDossier(f"No dossier {code!r}.")
        if dossier.id not in linked:
            ticket.dossiers.append(QueueTicketDossier(dossier_id=dossier.id))
            linked.add(dossier.id)
    session.flush()


def open_shift(session: Session, counter_no: int, officer: str, workstation: str, now: datetime) -> QueueSession:
    records.ensure_counter(session, counter_no)
    current = records.open_session_of(session, counter_no)
    if current is not None:
        if current.officer == officer:
            return current
        raise ForbiddenQueueAction(f"Counter {counter_no} is open by {current.officer}: they must close it first.")
    shift = QueueSession(counter_no=counter_no, officer=officer, workstation=workstation, opened_at=now,
                         open_counter_no=counter_no)
    session.add(shift)
    session.flush()
    return shift


def close_shift(session: Session, counter_no: int, now: datetime) -> QueueSession:
    current = records.open_session_of(session, counter_no)
    if current is None:
        raise ForbiddenQueueAction(f"Counter {counter_no} has no open session.")
    busy = records.active_ticket(session, counter_no)
    if busy is not None:
        raise ForbiddenQueueAction(f"Counter {counter_no} is still on ticket {busy.number or 'walk-in'}: "
                                   "finish, park or transfer it first.")
    current.closed_at, current.open_counter_no = now, None
    return current
