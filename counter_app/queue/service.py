"""``QueueService``: the office queue as the UI, the CLI and the kiosk see it.

Every state change is one short write transaction (BEGIN IMMEDIATE), so two counters
pressing "next" at the same instant are served one after the other and never get the
same ticket. A ticket is committed before anyone tries to print it: a printer fault
never loses it, and ``ticket_print`` rebuilds what to print at any time.
"""
from __future__ import annotations

import re

from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from typing import Callable, Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.errors import DeviceError, ForbiddenQueueAction, UnknownTicket
from counter_app.queue import actions, config, records
from counter_app.queue.changes import ChangeWatch
from counter_app.queue.estimate import WaitEstimate, estimate_for
from counter_app.queue.numbering import expire_stale, format_number, new_lookup_token, next_seq
from counter_app.queue.policy import QueuePolicy, load_policy, save_policy
from counter_app.queue.printing import print_stored
from counter_app.queue.stats import QueueStatistics, statistics_for
from counter_app.queue.status import queue_status
from counter_app.queue.views import QueueStatus, ServiceView, TicketPrint, TicketState, TicketView
from counter_app.settings import Settings
from counter_app.storage.db import Database
from counter_app.storage.models import QueueTicket


NUMBER_TEXT = re.compile(r"^[A-Z]{1,3}\d{1,4}$")  # a ticket number as printed, e.g. A012

class QueueService:
    def __init__(self, db: Database, settings: Callable[[], Settings], clock: Callable[[], datetime] = datetime.now):
        self.db, self.settings, self.clock = db, settings, clock
        self._watch: ChangeWatch | None = None

    @contextmanager
    def _writing(self) -> Iterator[tuple[Session, QueuePolicy, datetime]]:
        with self.db.write() as session:
            yield session, load_policy(session), self.clock()

    def _desk_action(self, counter: int, act: Callable[[actions.Desk], QueueTicket | None]) -> TicketView | None:
        with self._writing() as (session, policy, now):
            ticket = act(actions.Desk(session, counter, policy, now))
            return records.ticket_view(ticket, policy) if ticket is not None else None

    # -- configuration -----------------------------------------------------------------------

    def policy(self) -> QueuePolicy:
        with self.db.read() as session:
            return load_policy(session)

    def save_policy(self, policy: QueuePolicy) -> None:
        with self.db.write() as session:
            save_policy(session, policy)

    def set_notice(self, text: str) -> QueuePolicy:
        """The one-line notice the display screen scrolls (kept with the policy, so every
        display of the office shows the same text); an empty text shows the default line."""
        with self.db.write() as session:
            policy = replace(load_policy(session), notice=" ".join(str(text).split()))
            save_policy(session, policy)
            return policy

    def services(self) -> list[ServiceView]:
        """Active services in display order, with how many wait in each."""
        return list(self.status().services)

    def define_service(self, spec: config.ServiceSpec) -> ServiceView:
        with self.db.write() as session:
            return records.service_view(config.define_service(session, spec))

    def configure_counter(self, number: int, *, label: str | None = None, services: tuple[str, ...] | None = None,
                          mode: str | None = None) -> None:
        with self.db.write() as session:
            config.configure_counter(session, number, label=label, services=services, mode=mode)

    def service_for_procedure(self, procedure_code: str) -> ServiceView | None:
        with self.db.read() as session:
            found = config.service_for_procedure(session, procedure_code)
            return records.service_view(found) if found else None

    # -- issuing and printing ----------------------------------------------------------------

    def issue(self, service_code: str, priority: str = "") -> TicketView:
        """Take the next number of a service; committed before it is printed."""
        with self._writing() as (session, policy, now):
            actions.check_priority(policy, priority)
            service = records.service_by_code(session, service_code)
            if not service.active:
                raise ForbiddenQueueAction(f"Service {service.code} is not taking tickets now.")
            expire_stale(session, now.date(), now)
            seq = next_seq(session, service, now.date())
            ticket = QueueTicket(service_id=service.id, day=now.date(), seq=seq,
                                 number=format_number(service.prefix, seq), priority=priority, state=TicketState.WAITING.value, walk_in=False,
                                 lookup=new_lookup_token(), issued_at=now, queued_at=now, officer="", outcome="",
                                 call_count=0, recycle_count=0, print_error="")
            session.add(ticket)
            session.flush()
            return records.ticket_view(ticket, policy)

    def ticket_print(self, ref: int | str) -> TicketPrint:
        """What to print for a ticket, now: also the reprint payload after a printer fault."""
        settings = self.settings()
        with self.db.read() as session:
            policy = load_policy(session)
            ticket = records.find_ticket(session, ref)
            wait = estimate_for(session, ticket, policy, self.clock().date())
            klass = policy.priority_class(ticket.priority) if ticket.priority else None
            token = records.origin_of(session, ticket).lookup or ""
            link = policy.status_page_url.replace("{token}", token) if policy.status_page_url and token else ""
            return TicketPrint(
                office_unit=settings.office.unit_name, office_name=settings.office.agency_name,
                service_name=ticket.service.name, number=ticket.number, priority_name=klass.name if klass else "",
                issued_at=ticket.issued_at, waiting_ahead=wait.ahead, estimated_wait_minutes=wait.minutes,
                lookup_text=link or ticket.number or "", lookup_is_link=bool(link), ticket_id=ticket.id)

    def print_ticket(self, ref: int | str, send: Callable[[TicketPrint], None]) -> DeviceError | None:
        """Print (or reprint) a stored ticket through ``send``; a device error is recorded and returned."""
        return print_stored(self, ref, send)

    def issue_and_print(self, service_code: str, send: Callable[[TicketPrint], None],
                        priority: str = "") -> tuple[TicketView, DeviceError | None]:
        """Issue, commit, then print: a printer fault leaves a stored ticket to reprint."""
        ticket = self.issue(service_code, priority)
        return ticket, self.print_ticket(ticket.id, send)

    def record_print(self, ticket_id: int, error: str = "") -> None:
        """Remember whether the last print worked, so the UI can offer a reprint."""
        with self._writing() as (session, _policy, now):
            ticket = session.get(QueueTicket, ticket_id)
            if ticket is None:
                raise UnknownTicket(f"No ticket {ticket_id}.")
            ticket.print_error = error
            if not error:
                ticket.printed_at = now

    # -- counter sessions and actions --------------------------------------------------------

    def open_session(self, counter: int, officer: str | None = None) -> None:
        settings = self.settings()
        with self._writing() as (session, _policy, now):
            actions.open_shift(session, counter, officer or settings.workstation.officer_name,
                               settings.workstation.name, now)

    def close_session(self, counter: int) -> None:
        with self._writing() as (session, _policy, now):
            actions.close_shift(session, counter, now)

    def call_next(self, counter: int) -> TicketView | None:
        return self._desk_action(counter, lambda desk: desk.call_next())

    def recall(self, counter: int) -> TicketView:
        return self._desk_action(counter, lambda desk: desk.recall())

    def call_ticket(self, counter: int, ref: int | str) -> TicketView:
        return self._desk_action(counter, lambda desk: desk.call_ticket(ref))

    def start(self, counter: int) -> TicketView:
        return self._desk_action(counter, lambda desk: desk.start())

    def no_show(self, counter: int, *, recycle: bool = True) -> TicketView:
        return self._desk_action(counter, lambda desk: desk.no_show(recycle=recycle))

    def park(self, counter: int) -> TicketView:
        return self._desk_action(counter, lambda desk: desk.park())

    def resume(self, counter: int, ref: int | str | None = None) -> TicketView:
        return self._desk_action(counter, lambda desk: desk.resume(ref))

    def transfer(self, counter: int, *, service: str | None = None, to_counter: int | None = None) -> TicketView:
        """Returns the new waiting ticket at the target service/counter."""
        return self._desk_action(counter, lambda desk: desk.transfer(service_code=service, to_counter=to_counter))

    def walk_in(self, counter: int, service: str, priority: str = "") -> TicketView:
        return self._desk_action(counter, lambda desk: desk.walk_in(service, priority))

    def finish(self, counter: int, outcome: str = "served", dossier_codes: tuple[str, ...] = ()) -> TicketView:
        return self._desk_action(counter, lambda desk: desk.finish(outcome, tuple(dossier_codes)))

    def link_dossiers(self, ref: int | str, dossier_codes: tuple[str, ...]) -> TicketView:
        with self._writing() as (session, policy, _now):
            ticket = records.find_ticket(session, ref)
            actions.link_dossiers(session, ticket, tuple(dossier_codes))
            return records.ticket_view(ticket, policy)

    # -- reading -----------------------------------------------------------------------------

    def ticket(self, ref: int | str) -> TicketView:
        with self.db.read() as session:
            return records.ticket_view(records.find_ticket(session, ref), load_policy(session))

    def waiting_tickets(self) -> list[TicketView]:
        """Tickets a counter may call now, oldest place in line first (for calling out of turn)."""
        with self.db.read() as session:
            policy = load_policy(session)
            query = records.waiting_query(self.clock().date()).order_by(QueueTicket.queued_at, QueueTicket.id)
            return [records.ticket_view(t, policy) for t in session.scalars(query)]

    def estimate(self, ref: int | str) -> WaitEstimate:
        with self.db.read() as session:
            ticket = records.find_ticket(session, ref)
            return estimate_for(session, ticket, load_policy(session), self.clock().date())

    def lookup(self, qr_text: str) -> TicketView:
        """The current state of the visit a printed QR belongs to (follows transfers): its status
        link or older ``prefix|agency|token`` text by the token, a plain number by the number."""
        text = qr_text.strip()
        token = re.split(r"[|=/]", text)[-1]
        with self.db.read() as session:
            origin = session.scalar(select(QueueTicket).where(QueueTicket.lookup == token)) if token else None
            if origin is None and NUMBER_TEXT.match(text):
                origin = records.find_ticket(session, text)
            if origin is None:
                raise UnknownTicket("This QR code is not a ticket of this office.")
            return records.ticket_view(records.latest_in_chain(session, origin), load_policy(session))

    def status(self) -> QueueStatus:
        with self.db.read() as session:
            return queue_status(session, load_policy(session), self.clock().date())

    def statistics(self, start: date, end: date) -> QueueStatistics:
        """Waiting/service times and outcomes of tickets of ``start``…``end`` (see ``queue.stats``)."""
        with self.db.read() as session:
            return statistics_for(session, start, end)

    def changes(self, after: str | None, timeout: float) -> str:
        """Waits until the workspace changes after ``after`` (see ``QueuePort.changes``)."""
        if self._watch is None:
            self._watch = ChangeWatch(self.db)
        return self._watch.wait(after, timeout)
