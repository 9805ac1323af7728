"""``counter-app queue …``: issue, call and finish tickets from a terminal or a script.

The composition root adds this command and hands in ``make_sender(core)``, which builds
the configured printer; the core never imports the devices layer.
"""
from __future__ import annotations

import argparse
import sys
from typing import Callable

from counter_app.cli import ExtraCommand
from counter_app.cli_output import dmy_hm, emit
from counter_app.queue.views import QueueStatus, TicketPrint, TicketView

SenderFactory = Callable[[object], Callable[[TicketPrint], None]]
COUNTER_ACTIONS = ("call", "recall", "start", "no-show", "park", "resume", "transfer", "walk-in", "finish", "close")


def configure(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="queue_command", required=True)
    issue = sub.add_parser("issue", parents=[common], help="take a ticket and print it")
    issue.add_argument("service", help="service code, e.g. HT (see: queue services)")
    issue.add_argument("--priority", default="", metavar="CLASS", help="priority class code, e.g. elderly")
    issue.add_argument("--no-print", action="store_true", help="store the ticket without printing")
    reprint = sub.add_parser("reprint", parents=[common], help="print a stored ticket again")
    reprint.add_argument("ticket", help="ticket number (A012) or id")
    sub.add_parser("status", parents=[common], help="waiting per service and each counter's ticket")
    sub.add_parser("services", parents=[common], help="list the service groups")
    for name in COUNTER_ACTIONS:
        action = sub.add_parser(name, parents=[common], help=f"counter action: {name}")
        action.add_argument("--counter", type=int, required=True)
        action.add_argument("--officer", default=None, help="officer opening the counter (default: settings)")
        if name in ("call", "resume"):
            action.add_argument("--ticket", default=None, help="a specific ticket number or id")
        if name == "no-show":
            action.add_argument("--final", action="store_true", help="close it instead of recycling into the queue")
        if name == "transfer":
            action.add_argument("--service", default=None)
            action.add_argument("--to-counter", type=int, default=None)
        if name == "walk-in":
            action.add_argument("service")
            action.add_argument("--priority", default="")
        if name == "finish":
            action.add_argument("--outcome", choices=["served", "no_show"], default="served")
            action.add_argument("--dossier", nargs="+", default=[], metavar="CODE", help="dossiers received")


def queue_command(make_sender: SenderFactory) -> ExtraCommand:
    def run(args, open_core) -> int:
        core = open_core(args)
        sub = args.queue_command
        if sub in ("issue", "reprint"):
            return _print(args, core, make_sender)
        if sub == "status":
            status = core.queue.status()
            return emit(args, status, status_lines(status))
        if sub == "services":
            services = core.queue.services()
            return emit(args, services, [f"{s.prefix:<3}{s.code:<6} {s.waiting:>3} waiting  {s.name}"
                                         for s in services] or ["No queue service is set up."])
        return _counter_action(args, core)

    return ExtraCommand("queue", "office queue: tickets, counters, printing", configure, run)


def _print(args, core, make_sender: SenderFactory) -> int:
    def send(payload: TicketPrint) -> None:
        make_sender(core)(payload)  # built lazily: a missing printer is a print error, not a lost ticket

    if args.queue_command == "issue":
        if args.no_print:
            ticket = core.queue.issue(args.service, args.priority)
            return emit(args, ticket, ticket_line(ticket))
        ticket, error = core.queue.issue_and_print(args.service, send, args.priority)
    else:
        ticket = core.queue.ticket(args.ticket)
        error = core.queue.print_ticket(ticket.id, send)
    ticket = core.queue.ticket(ticket.id)
    emit(args, {"ticket": ticket, "printed": error is None, "print_error": error.code if error else ""},
         ticket_line(ticket) + ("" if error else "  [printed]"))
    if error is None:
        return 0
    print(f"error: ticket {ticket.number} is stored but not printed: {error.message} "
          f"Reprint with: counter-app queue reprint {ticket.number}", file=sys.stderr)
    return 1


def _counter_action(args, core) -> int:
    queue, counter, sub = core.queue, args.counter, args.queue_command
    if sub == "close":
        queue.close_session(counter)
        return emit(args, {"counter": counter, "closed": True}, f"Counter {counter} closed.")
    queue.open_session(counter, args.officer)
    actions = {
        "call": lambda: queue.call_ticket(counter, args.ticket) if args.ticket else queue.call_next(counter),
        "recall": lambda: queue.recall(counter),
        "start": lambda: queue.start(counter),
        "no-show": lambda: queue.no_show(counter, recycle=not args.final),
        "park": lambda: queue.park(counter),
        "resume": lambda: queue.resume(counter, args.ticket),
        "transfer": lambda: queue.transfer(counter, service=args.service, to_counter=args.to_counter),
        "walk-in": lambda: queue.walk_in(counter, args.service, args.priority),
        "finish": lambda: queue.finish(counter, args.outcome, tuple(args.dossier)),
    }
    ticket = actions[sub]()
    if ticket is None:
        return emit(args, None, f"Counter {counter}: nobody is waiting.")
    return emit(args, ticket, ticket_line(ticket))


def ticket_line(ticket: TicketView) -> str:
    number = ticket.number or "(walk-in)"
    where = f" at counter {ticket.counter}" if ticket.counter else ""
    target = f" for counter {ticket.target_counter}" if ticket.target_counter else ""
    priority = f" [{ticket.priority_name}]" if ticket.priority_name else ""
    outcome = f" ({ticket.outcome})" if ticket.outcome else ""
    return f"{number} {ticket.service_name}{priority}: {ticket.state}{outcome}{where}{target}"


def status_lines(status: QueueStatus) -> list[str]:
    lines = [f"Queue of {status.day:%d/%m/%Y}"]
    lines += [f"  {s.prefix} {s.name}: {s.waiting} waiting" for s in status.services]
    for counter in status.counters:
        who = counter.officer or "closed"
        now = ticket_line(counter.current) if counter.current else "-"
        parked = f"; parked {', '.join(t.number for t in counter.parked)}" if counter.parked else ""
        lines.append(f"  {counter.label} ({who}): {now}{parked}")
    if status.recent_calls:
        lines.append("  Last called: " + ", ".join(
            f"{t.number or 'walk-in'}→{t.counter or '-'} {dmy_hm(t.called_at)[:5]}" for t in status.recent_calls))
    return lines
