"""The queue operations a client may ask of the host, and how their answers travel.

One table shared by host and client: the name, whether it changes the queue (then it
carries a request id and its answer is stored), how to call it on a ``QueueService``
with JSON arguments, and the type of its answer.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from counter_app.queue.estimate import WaitEstimate
from counter_app.queue.policy import QueuePolicy
from counter_app.queue.stats import QueueStatistics
from counter_app.queue.views import ServiceView, QueueStatus, TicketPrint, TicketView


@dataclass(frozen=True)
class Operation:
    name: str
    mutating: bool
    call: Callable[[Any, dict], Any]
    answer: Any  # type for codec.decode


def _codes(args: dict, key: str) -> tuple[str, ...]:
    return tuple(str(c) for c in args.get(key) or ())


OPERATIONS = {op.name: op for op in (
    # reading
    Operation("policy", False, lambda q, a: q.policy(), QueuePolicy),
    Operation("services", False, lambda q, a: q.services(), list[ServiceView]),
    Operation("status", False, lambda q, a: q.status(), QueueStatus),
    Operation("ticket", False, lambda q, a: q.ticket(a["ref"]), TicketView),
    Operation("waiting_tickets", False, lambda q, a: q.waiting_tickets(), list[TicketView]),
    Operation("ticket_print", False, lambda q, a: q.ticket_print(a["ref"]), TicketPrint),
    Operation("estimate", False, lambda q, a: q.estimate(a["ref"]), WaitEstimate),
    Operation("lookup", False, lambda q, a: q.lookup(a["qr_text"]), TicketView),
    Operation("statistics", False, lambda q, a: q.statistics(date.fromisoformat(a["start"]),
                                                             date.fromisoformat(a["end"])), QueueStatistics),
    # changing
    Operation("set_notice", True, lambda q, a: q.set_notice(str(a["text"])), QueuePolicy),
    Operation("issue", True, lambda q, a: q.issue(a["service_code"], a.get("priority", "")), TicketView),
    Operation("record_print", True, lambda q, a: q.record_print(int(a["ticket_id"]), a.get("error", "")), None),
    Operation("open_session", True, lambda q, a: q.open_session(int(a["counter"]), a.get("officer")), None),
    Operation("close_session", True, lambda q, a: q.close_session(int(a["counter"])), None),
    Operation("call_next", True, lambda q, a: q.call_next(int(a["counter"])), TicketView | None),
    Operation("recall", True, lambda q, a: q.recall(int(a["counter"])), TicketView),
    Operation("call_ticket", True, lambda q, a: q.call_ticket(int(a["counter"]), a["ref"]), TicketView),
    Operation("start", True, lambda q, a: q.start(int(a["counter"])), TicketView),
    Operation("no_show", True, lambda q, a: q.no_show(int(a["counter"]), recycle=bool(a.get("recycle", True))),
              TicketView),
    Operation("park", True, lambda q, a: q.park(int(a["counter"])), TicketView),
    Operation("resume", True, lambda q, a: q.resume(int(a["counter"]), a.get("ref")), TicketView),
    Operation("transfer", True, lambda q, a: q.transfer(int(a["counter"]), service=a.get("service"),
                                                        to_counter=a.get("to_counter")), TicketView),
    Operation("walk_in", True, lambda q, a: q.walk_in(int(a["counter"]), a["service"], a.get("priority", "")),
              TicketView),
    Operation("finish", True, lambda q, a: q.finish(int(a["counter"]), a.get("outcome", "served"),
                                                    _codes(a, "dossier_codes")), TicketView),
    Operation("link_dossiers", True, lambda q, a: q.link_dossiers(a["ref"], _codes(a, "dossier_codes")),
              TicketView),
)}
