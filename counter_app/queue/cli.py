"""``counter-app queue …``: issue, call and finish tickets from a terminal or a script.

The composition root adds this command and hands in ``make_sender(core)``, which builds
the configured printer; the core never imports the devices layer.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from typing import Callable, Sequence

from counter_app.cli import ExtraCommand
from counter_app.cli_output import dmy_hm, emit
from counter_app.queue.views import QueueStatus, TicketPrint, TicketView

SenderFactory = Callable[[object], Callable[[TicketPrint], None]]
QueueOpener = Callable[[object], object]  # core -> the QueuePort to use (local, or the LAN host's)


@dataclass(frozen=True)
class QueueSubcommand:
    """A ``queue`` subcommand of an outer layer (e.g. ``queue serve`` from sync.lan_queue)."""

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, object], int]  # (args, core) -> exit code


COUNTER_ACTIONS = ("call", "recall", "start", "no-show", "park", "resume", "transfer", "walk-in", "finish", "close")


def configure(parser: argparse.ArgumentParser, common: argparse.ArgumentParser,
              more: Sequence[QueueSubcommand] = ()) -> None:
    sub = parser.add_subparsers(dest="queue_command", required=True)
    for extra in more:
        extra.configure(sub.add_parser(extra.name, parents=[common], help=extra.help))
    issue = sub.add_parser("issue", parents=[common], help="take a ticket and print it")
    issue.add_argument("service", help="service code, e.g. HT (see: queue services)")
    issue.add_argument("--priority", default="", metavar="CLASS", help="priority class code, e.g. elderly")
    issue.add_argument("--no-print", action="store_true", help="store the ticket without printing")
    reprint = sub.add_parser("reprint", parents=[common], help="print a stored ticket again")
    reprint.add_argument("ticket", help="ticket number (A012) or id")
    sub.add_parser("status", parents=[common], help="waiting per service and each counter's ticket")
    sub.add_parser("services", parents=[common], help="list the service groups")
    page = sub.add_parser("status-page", parents=[common],
                          help="the office's public page of a ticket's turn: its link goes in the ticket's QR")
    page.add_argument("url", nargs="?", default=None, help='e.g. "https://motcua.example.gov.vn/luot?ve={token}"; '
                                                          '"off": the QR holds the plain ticket number')
    stats = sub.add_parser("stats", parents=[common],
                           help="waiting and service times, no-shows per service, counter, officer and day")
    stats.add_argument("--from", dest="start", type=_date_argument, default=None, metavar="DD/MM/YYYY",
                       help="first day (default: today)")
    stats.add_argument("--to", dest="end", type=_date_argument, default=None, metavar="DD/MM/YYYY",
                       help="last day (default: the first day)")
    stats.add_argument("--xlsx", default=None, metavar="FILE", help="also write the report as an Excel workbook")
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


def queue_command(make_sender: SenderFactory, open_queue: QueueOpener | None = None,
                  more: Sequence[QueueSubcommand] = ()) -> ExtraCommand:
    """``open_queue(core)``: the queue commands work on (default ``core.queue``)."""
    extras = {extra.name: extra for extra in more}

    def run(args, open_core) -> int:
        core = open_core(args)
        sub = args.queue_command
        if sub in extras:
            return extras[sub].run(args, core)
        if open_queue is not None:
            core.queue = open_queue(core)  # cached_property: the instance value wins
        if sub == "stats":  # the office queue's figures: the LAN host's when this PC uses one
            return _stats(args, core)
        if sub in ("issue", "reprint"):
            return _print(args, core, make_sender)
        if sub == "status":
            status = core.queue.status()
            return emit(args, status, status_lines(status))
        if sub == "status-page":
            return _status_page(args, core)
        if sub == "services":
            services = core.queue.services()
            return emit(args, services, [f"{s.prefix:<3}{s.code:<6} {s.waiting:>3} waiting  {s.name}"
                                         for s in services] or ["No queue service is set up."])
        return _counter_action(args, core)

    return ExtraCommand("queue", "office queue: tickets, counters, printing",
                        lambda parser, common: configure(parser, common, more), run)


def _status_page(args, core) -> int:
    from dataclasses import replace

    policy = core.queue.policy()
    if args.url is not None:
        policy = replace(policy, status_page_url="" if args.url.strip().lower() == "off" else args.url.strip())
        core.queue.save_policy(policy)
    url = policy.status_page_url
    return emit(args, {"status_page_url": url},
                f"Ticket QR: {'a link to ' + url if url else 'the plain ticket number (no status page)'}")


def _date_argument(text: str):
    from counter_app.cli import parse_date
    from counter_app.errors import CounterError

    try:
        return parse_date(text)
    except CounterError as exc:
        raise argparse.ArgumentTypeError(exc.message) from exc


def _stats(args, core) -> int:
    from counter_app.queue.stats_xlsx import write_statistics_xlsx

    start = args.start or core.clock().date()
    end = args.end or start
    stats = core.queue.statistics(start, end)
    lines = stats_lines(stats)
    if args.xlsx:
        written = write_statistics_xlsx(stats, args.xlsx, core.settings().office.agency_name)
        lines.append(f"Written: {written}")
    return emit(args, stats, lines)


def _minutes(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def stats_lines(stats) -> list[str]:
    total = stats.total
    lines = [f"Queue statistics {stats.start:%d/%m/%Y}–{stats.end:%d/%m/%Y}",
             f"  citizens {stats.citizens}, tickets {total.tickets} (issued {total.issued}, walk-in "
             f"{total.walk_ins}); served {total.served}, no-show {total.no_show}, transferred {total.transferred}, "
             f"expired {total.expired}, open {total.open}; recycled {stats.recycled}",
             f"  wait min: mean {_minutes(total.wait.mean)}, median {_minutes(total.wait.median)}, "
             f"p90 {_minutes(total.wait.p90)}; service min: mean {_minutes(total.service.mean)}, "
             f"median {_minutes(total.service.median)}, p90 {_minutes(total.service.p90)}"]
    for title, groups in (("service", stats.by_service), ("counter", stats.by_counter),
                          ("officer", stats.by_officer), ("day", stats.by_day)):
        for group in groups:
            lines.append(f"  {title} {group.label}: served {group.served}, no-show {group.no_show}, "
                         f"wait {_minutes(group.wait.mean)}, service {_minutes(group.service.mean)}")
    return lines


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
