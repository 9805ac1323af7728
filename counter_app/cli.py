"""Command line of the counter app: headless, scriptable, ``--json`` where it prints data.

Messages are English (officers use the GUI); exit code 0 on success, 1 when the
request failed (the message says why and nothing was written), 2 on bad usage.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Sequence

from counter_app.catalog.model import Channel
from counter_app.cli_output import emit, to_jsonable
from counter_app.core import CounterCore
from counter_app.dossiers.intake import ApplicantInput, IntakeRequest, MissingComponent
from counter_app.dossiers.lifecycle import Action
from counter_app.errors import CounterError, InvalidDate
from counter_app.search import SearchQuery
from counter_app.workspace import open_workspace

GuiLauncher = Callable[[argparse.Namespace], int]
DeviceChecker = Callable[[CounterCore], list]


def parse_datetime(text: str) -> datetime:
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M"):
        try:
            parsed = datetime.strptime(text.strip(), fmt)
        except ValueError:
            continue
        return _plausible(parsed, text)
    raise InvalidDate(f"Cannot read the date and time {text!r}; write it as \"YYYY-MM-DD HH:MM\".")


# The years a counter's dates can fall in: a date beyond them is a typing error, and at the
# edge of Python's range a day more (an inclusive "--to") would not even exist.
FIRST_YEAR, LAST_YEAR = 1900, 2199


def parse_date(text: str) -> date:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            parsed = datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
        return _plausible(parsed, text)
    raise InvalidDate(f"Cannot read the date {text!r}; write it as YYYY-MM-DD or dd/mm/yyyy.")


def _plausible(value, text: str):
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise InvalidDate(f"The date {text!r} is not between {FIRST_YEAR} and {LAST_YEAR}.")
    return value


def parse_year(text: str) -> int:
    try:
        year = int(text.strip())
    except ValueError:
        raise InvalidDate(f"Cannot read the year {text!r}; write it as four digits, e.g. 2026.") from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidDate(f"The year {year} is not between {FIRST_YEAR} and {LAST_YEAR}.")
    return year


def _argument(parse):
    """Let argparse report our parse errors as usage errors (exit 2) instead of tracebacks."""

    def convert(text):
        try:
            return parse(text)
        except CounterError as exc:
            raise argparse.ArgumentTypeError(exc.message) from exc

    convert.__name__ = parse.__name__
    return convert


@dataclass(frozen=True)
class ExtraCommand:
    """A command contributed by an outer layer (sync, devices) through the composition root.

    ``configure(subparser, common)`` adds its arguments; ``run(args, open_core)`` does the
    work and returns the exit code. The core stays free of those layers' imports.
    """

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser, argparse.ArgumentParser], None]
    run: Callable[..., int]


def common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--workspace", type=Path, default=argparse.SUPPRESS,
                        help="workspace folder (default: COUNTER_APP_HOME or the user data folder)")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")
    common.add_argument("--user", default=argparse.SUPPRESS, metavar="NAME",
                        help="log in as this officer (password from COUNTER_APP_PASSWORD or a prompt)")
    return common


def build_parser(extra: Sequence[ExtraCommand] = (), gui_help: str = "") -> argparse.ArgumentParser:
    common = common_options()
    parser = argparse.ArgumentParser(prog="counter-app", parents=[common], epilog=gui_help or None,
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     description="Quầy Một Cửa — one-stop counter app. No command opens the GUI.")
    parser.add_argument("--simulated", action="store_true", help="GUI: use simulated devices")
    commands = parser.add_subparsers(dest="command")

    commands.add_parser("init", parents=[common], help="create a new, empty workspace (first run of a counter)")
    demo = commands.add_parser("demo", parents=[common], help="create or reset the demo workspace")
    demo.add_argument("--force", action="store_true", help="reset even a workspace that is not a demo")
    demo.add_argument("--dossiers", type=int, default=40, help="how many sample dossiers to create")

    catalog = commands.add_parser("catalog", parents=[common], help="procedure catalogue")
    catalog_cmd = catalog.add_subparsers(dest="catalog_command", required=True)
    imp = catalog_cmd.add_parser("import", parents=[common], help="import a JSON or XLSX catalogue")
    imp.add_argument("file", type=Path)
    lst = catalog_cmd.add_parser("list", parents=[common], help="list procedures")
    lst.add_argument("query", nargs="?", default="")

    calendar = commands.add_parser("calendar", parents=[common], help="working-day calendar")
    calendar_cmd = calendar.add_subparsers(dest="calendar_command", required=True)
    cal_imp = calendar_cmd.add_parser("import", parents=[common], help="import a year's overrides (JSON/CSV)")
    cal_imp.add_argument("file", type=Path)
    cal_show = calendar_cmd.add_parser("show", parents=[common], help="list the days off of a year")
    cal_show.add_argument("year", type=_argument(parse_year))

    due = commands.add_parser("due-date", parents=[common], help="appointment date for a procedure")
    due.add_argument("procedure")
    due.add_argument("received_at", help='"YYYY-MM-DD HH:MM"')
    due.add_argument("--channel", type=int, choices=[c.value for c in Channel], default=1)

    dossier = commands.add_parser("dossier", parents=[common], help="dossiers")
    dossier_cmd = dossier.add_subparsers(dest="dossier_command", required=True)
    rec = dossier_cmd.add_parser("receive", parents=[common], help="receive a dossier; prints its code")
    rec.add_argument("--procedure", required=True)
    rec.add_argument("--name", required=True)
    rec.add_argument("--id-number", required=True)
    rec.add_argument("--phone", default="")
    rec.add_argument("--email", default="")
    rec.add_argument("--address", default="")
    rec.add_argument("--received-at", type=_argument(parse_datetime), default=None)
    rec.add_argument("--missing", nargs="+", default=[], metavar="COMPONENT",
                     help="component codes or names the citizen did not bring (form 02)")
    rec.add_argument("--refuse", default="", metavar="REASON", help="refuse the dossier (form 03)")
    rec.add_argument("--sets", type=int, default=1)
    show = dossier_cmd.add_parser("show", parents=[common])
    show.add_argument("code")
    find = dossier_cmd.add_parser("search", parents=[common])
    find.add_argument("query", nargs="?", default="")
    find.add_argument("--status", type=int, action="append", default=[])
    find.add_argument("--procedure", default=None)
    find.add_argument("--from", dest="date_from", type=_argument(parse_date), default=None)
    find.add_argument("--to", dest="date_to", type=_argument(parse_date), default=None)
    find.add_argument("--limit", type=int, default=50)
    setst = dossier_cmd.add_parser("set-status", parents=[common], help="apply a lifecycle action")
    setst.add_argument("code")
    setst.add_argument("status", choices=[a.value for a in Action if a not in _INTAKE_ACTIONS])
    setst.add_argument("--note", default="")
    setst.add_argument("--receiver", default="", help="who received the result (return_result)")
    setst.add_argument("--to", default="", help="unit the dossier is transferred to")
    fix = dossier_cmd.add_parser("correct", parents=[common],
                                 help="correct what was typed or ticked wrong (kept as an event with before/after)")
    fix.add_argument("code")
    fix.add_argument("--reason", required=True, help="what was wrong (kept with the correction)")
    for option in ("--name", "--id-number", "--address", "--phone", "--email"):
        fix.add_argument(option, default=None)
    fix.add_argument("--birth-date", type=_argument(parse_date), default=None)
    fix.add_argument("--received", nargs="+", default=[], metavar="PAPER", help="paper codes handed in after all")
    fix.add_argument("--missing", nargs="+", default=[], metavar="PAPER[=REASON]",
                     help="paper codes ticked by mistake, each with what to bring")

    form = commands.add_parser("form", parents=[common], help="render a form as PDF")
    form.add_argument("form_id", choices=["01", "02", "03", "register"])
    form.add_argument("code", nargs="?", help="dossier code (forms 01–03)")
    form.add_argument("--out", type=Path, required=True)
    form.add_argument("--from", dest="date_from", type=_argument(parse_date), default=None, help="register: first day")
    form.add_argument("--to", dest="date_to", type=_argument(parse_date), default=None, help="register: last day")

    settings = commands.add_parser("settings", parents=[common], help="office, counter and rules settings")
    settings_cmd = settings.add_subparsers(dest="settings_command", required=True)
    settings_cmd.add_parser("show", parents=[common])
    set_ = settings_cmd.add_parser("set", parents=[common], help="e.g. settings set office.agency_id 000.00.31.H41")
    set_.add_argument("key")
    set_.add_argument("value")

    backup = commands.add_parser("backup", parents=[common], help="back up the workspace while it runs")
    backup.add_argument("--to", type=Path, default=None, help="backup folder, e.g. on a USB drive")
    backup.add_argument("--keep", type=int, default=None, help="keep only the newest N backups")
    backup.add_argument("--verify", type=Path, default=None, metavar="BACKUP", help="check a backup instead")
    backup.add_argument("--auto", action="store_true",
                        help="run the scheduled backup if it is due (for an OS scheduler, e.g. every hour)")
    schedule = backup.add_subparsers(dest="backup_command").add_parser(
        "schedule", parents=[common], help="show or set the automatic backup schedule")
    schedule.add_argument("--to", type=Path, default=None, help="backup folder (a second disk or USB drive)")
    schedule.add_argument("--every-hours", type=int, default=None, metavar="N")
    schedule.add_argument("--keep", type=int, default=None, metavar="N", help="keep the newest N backups")
    schedule.add_argument("--off", action="store_true", help="stop automatic backups")
    schedule.add_argument("--on", action="store_true", help="restart automatic backups")
    restore = commands.add_parser("restore", parents=[common], help="restore a verified backup")
    restore.add_argument("backup", type=Path)
    restore.add_argument("--force", action="store_true", help="keep the current workspace aside and replace it")
    audit = commands.add_parser("audit", parents=[common], help="audit trail")
    audit_cmd = audit.add_subparsers(dest="audit_command", required=True)
    audit_cmd.add_parser("verify", parents=[common], help="check that no event was edited, deleted or reordered")
    views = audit_cmd.add_parser("views", parents=[common], help="who viewed which dossier's personal data")
    views.add_argument("--dossier", default=None, metavar="CODE")
    views.add_argument("--officer", default=None, metavar="NAME", help="only this officer's views")
    views.add_argument("--limit", type=int, default=200)

    commands.add_parser("doctor", parents=[common], help="check the workspace and devices")
    from counter_app.accounts.cli import configure as configure_users

    configure_users(commands, common)
    from counter_app.security.cli import configure as configure_encryption

    configure_encryption(commands, common)
    for command in extra:
        command.configure(commands.add_parser(command.name, parents=[common], help=command.help), common)
    return parser


# Not lifecycle steps for set-status: intake has its own command, and so has a correction.
_INTAKE_ACTIONS = {Action.REGISTER, Action.RECEIVE, Action.RECEIVE_INCOMPLETE, Action.CORRECT}


def main(argv: Sequence[str] | None = None, *, gui: GuiLauncher | None = None,
         device_checks: DeviceChecker | None = None, extra: Sequence[ExtraCommand] = (),
         gui_help: str = "", adapter_names=None) -> int:
    """``gui_help``: the GUI's own options (which window to open), shown under --help;
    ``adapter_names``: callable giving the installed device adapters (``settings set`` checks them)."""
    parser = build_parser(extra, gui_help)
    args = parser.parse_args(argv)
    args.json = getattr(args, "json", False)
    args.workspace = getattr(args, "workspace", None)
    args.user = getattr(args, "user", None)
    if not args.command:
        if gui is None:
            parser.error("no command given and no GUI available")
        return gui(args)
    from counter_app import cli_commands

    extra_by_name = {command.name: command for command in extra}
    try:
        if args.command in extra_by_name:
            return extra_by_name[args.command].run(args, open_core)
        return cli_commands.HANDLERS[args.command](args, device_checks=device_checks,
                                                   adapter_names=adapter_names)
    except CounterError as exc:
        return _report(args, exc.code, exc.message)
    except OSError as exc:  # a file named on the command line that cannot be read or written
        return _report(args, "file", f"{exc.filename or 'file'}: {exc.strerror or exc}")


def _report(args, code: str, message: str) -> int:
    if args.json:
        print(json.dumps({"error": code, "message": message}, ensure_ascii=False), file=sys.stderr)
    else:
        print(f"error: {message}", file=sys.stderr)
    return 1


def open_core(args) -> CounterCore:
    from counter_app.accounts.cli import login_from_args

    from counter_app.security.cli import current_passphrase

    # The passphrase of an encrypted workspace is asked only if its key is not in the keyring. A
    # folder that is not there is not created: a mistyped --workspace would open an empty office.
    core = CounterCore(open_workspace(args.workspace, create=False, passphrase=current_passphrase))
    login_from_args(core, args)
    return core


def build_receive_request(args) -> IntakeRequest:
    return IntakeRequest(
        procedure_code=args.procedure,
        applicant=ApplicantInput(name=args.name, id_number=args.id_number, phone=args.phone,
                                 email=args.email, address=args.address),
        missing=tuple(MissingComponent(code) for code in args.missing),
        received_at=args.received_at,
        sets_count=args.sets,
        refusal_reason=args.refuse,
    )


def search_query_of(args) -> SearchQuery:
    return SearchQuery(text=args.query, statuses=tuple(args.status), procedure_code=args.procedure,
                       received_from=args.date_from, received_to=args.date_to, limit=args.limit)


__all__ = ["main", "emit", "to_jsonable", "open_core"]
