"""CLI commands of the sync layer, registered in ``composition_root.extra_commands()``.

    counter-app server --db URL --port N [--host 127.0.0.1]     run the reference server
                       [--tls-cert PEM --tls-key PEM]            … over HTTPS
    counter-app server set-status --db URL CODE STATUS [--note]  province sets a status
    counter-app server revoke --db URL WORKSTATION_ID             revoke a workstation
    counter-app server workstations --db URL                      list workstations
    counter-app server publish-catalog --db URL FILE             publish a catalogue version (national JSON)
    counter-app server publish-calendar --db URL FILE            publish holiday calendar overrides
    counter-app server publish-accounts --db URL --agency ID FILE  officer accounts / revocations of an office
    counter-app server export-national --db URL --out FILE [--since ISO] [--dry-run]
                                                                  DongBoHoSoMC bodies for the national portal
    counter-app sync --once [--server URL] [--enrol-key K]        one round; exit 0 = all delivered
                     [--ca FILE|system] [--pin sha256/B64|off]   trust for https (remembered; sync.tls)
    counter-app sync pin --server https://…                       the server's current key pin (set-up)
    counter-app sync status [--json]                              pending, bytes left, last success/error
    counter-app sync resend OP_ID                                 put a rejected op back in line
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from counter_app.cli import ExtraCommand
from counter_app.cli_output import emit
from counter_app.dossiers.lifecycle import Status
from counter_app.errors import InvalidInput


def _db_option(parser: argparse.ArgumentParser, default) -> None:
    parser.add_argument("--db", default=default, help="server database URL, e.g. sqlite:///server.sqlite3")


def configure_server(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    _db_option(parser, None)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--files", type=Path, default=None, help="folder for uploaded files (default: beside the db)")
    parser.add_argument("--enrol-key", default=None, help="require this key to register a workstation")
    parser.add_argument("--tls-cert", type=Path, default=None, help="serve HTTPS with this PEM certificate (chain)")
    parser.add_argument("--tls-key", type=Path, default=None, help="the certificate's PEM private key")
    sub = parser.add_subparsers(dest="server_command")
    setst = sub.add_parser("set-status", parents=[common], help="set a dossier's processing status (1–10)")
    _db_option(setst, argparse.SUPPRESS)
    setst.add_argument("code")
    setst.add_argument("status", type=int, choices=[int(s) for s in Status])
    setst.add_argument("--note", default="")
    revoke = sub.add_parser("revoke", parents=[common], help="revoke a workstation's token")
    _db_option(revoke, argparse.SUPPRESS)
    revoke.add_argument("workstation_id", type=int)
    listing = sub.add_parser("workstations", parents=[common], help="list registered workstations")
    _db_option(listing, argparse.SUPPRESS)
    for kind, what in (("catalog", "a national-JSON procedure catalogue"), ("calendar", "holiday overrides .json/.csv")):
        publish = sub.add_parser(f"publish-{kind}", parents=[common], help=f"publish {what} to every counter")
        _db_option(publish, argparse.SUPPRESS)
        publish.add_argument("file", type=Path)
    accounts = sub.add_parser("publish-accounts", parents=[common],
                              help="publish officer accounts and revocations (JSON records) to one office")
    _db_option(accounts, argparse.SUPPRESS)
    accounts.add_argument("--agency", required=True, help="the office's agency id, e.g. 000.00.31.H41")
    accounts.add_argument("file", type=Path)
    export = sub.add_parser("export-national", parents=[common],
                            help="write the national portal's DongBoHoSoMC bodies to a JSON file")
    _db_option(export, argparse.SUPPRESS)
    export.add_argument("--out", type=Path, required=True)
    export.add_argument("--since", default=None, help="ISO date/time: every dossier changed since then")
    export.add_argument("--dry-run", action="store_true", help="do not record the export (isUpdating stays)")


def run_server(args, _open_core) -> int:
    from sync.server import admin

    if not args.db:
        raise InvalidInput("Give the server database: --db sqlite:///path/to/server.sqlite3")
    command = args.server_command
    if command == "set-status":
        change = admin.set_status(args.db, args.code, args.status, args.note)
        return emit(args, change, f"{change['code']}: status {change['status']} ({change['action']}), "
                                  f"change {change['change_id']}")
    if command == "revoke":
        admin.revoke(args.db, args.workstation_id)
        return emit(args, {"revoked": args.workstation_id}, f"Workstation {args.workstation_id} revoked.")
    if command in ("publish-catalog", "publish-calendar", "publish-accounts"):
        change = admin.publish(args.db, command.removeprefix("publish-"), args.file, getattr(args, "agency", ""))
        return emit(args, change, f"Published {args.file.name} as change {change['change_id']} ({change['kind']}).")
    if command == "export-national":
        return _export_national(args, admin)
    if command == "workstations":
        rows = admin.workstations(args.db)
        return emit(args, rows, [f"{r['id']:>4} {r['agency_id']:<16} slot {r['slot']} "
                                 f"{'REVOKED ' if r['revoked'] else ''}{r['name']}" for r in rows])
    from sync.server.run import serve

    if bool(args.tls_cert) != bool(args.tls_key):
        raise InvalidInput("HTTPS needs both --tls-cert FILE and --tls-key FILE.")
    for path in filter(None, (args.tls_cert, args.tls_key)):
        if not path.is_file():
            raise InvalidInput(f"Cannot read {path}: no such file.")
    serve(args.db, host=args.host, port=args.port, files_dir=args.files, enrol_key=args.enrol_key,
          tls_cert=args.tls_cert, tls_key=args.tls_key)
    return 0


def _export_national(args, admin) -> int:
    from datetime import datetime

    try:
        since = datetime.fromisoformat(args.since) if args.since else None
    except ValueError as exc:
        raise InvalidInput(f"--since must be an ISO date or date-time, not {args.since!r}.") from exc
    bodies = admin.export_national(args.db, since=since, mark=not args.dry_run)
    args.out.write_text(json.dumps(bodies, ensure_ascii=False, indent=2), encoding="utf-8")
    counts = {"new": sum(len(b["data"]) for b in bodies if not b["isUpdating"]),
              "updated": sum(len(b["data"]) for b in bodies if b["isUpdating"]), "out": str(args.out)}
    return emit(args, counts, f"{counts['new']} new and {counts['updated']} updated dossier(s) written to {args.out}")


def configure_sync(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    parser.add_argument("--once", action="store_true", help="run one round: push, then pull")
    parser.add_argument("--server", default=None, help="provincial server URL (remembered)")
    parser.add_argument("--enrol-key", default=None, help="enrolment key, if the server asks for one")
    parser.add_argument("--ca", default=None, help='PEM file of the CA(s) to trust for https (remembered); '
                                                   '"system" = the system store')
    parser.add_argument("--pin", default=None, help='pin of the server key, sha256/BASE64 or hex (remembered); '
                                                    '"off" removes it')
    sub = parser.add_subparsers(dest="sync_command")
    pin = sub.add_parser("pin", parents=[common], help="print the pin of an https server's current certificate")
    pin.add_argument("--server", dest="pin_server", required=True, help="https://… address of the server")
    sub.add_parser("status", parents=[common], help="pending count, bytes left, last success, last error")
    resend = sub.add_parser("resend", parents=[common], help="put a rejected op back in line")
    resend.add_argument("op_id")


def run_sync(args, open_core) -> int:
    from sync.push import resend
    from sync.status import sync_status

    if args.sync_command == "pin":
        return _show_pin(args)
    core = open_core(args)
    if args.ca is not None or args.pin is not None:
        _remember_tls(core, args)
    if args.sync_command == "status":
        status = sync_status(core.workspace)
        data = {**status.__dict__, "delivered": status.delivered}
        return emit(args, data, _status_lines(status))
    if args.sync_command == "resend":
        if not resend(core.workspace, args.op_id):
            raise InvalidInput(f"No rejected op {args.op_id}.")
        return emit(args, {"resent": args.op_id}, f"Op {args.op_id} is pending again.")
    if not args.once and (args.ca is not None or args.pin is not None):
        return _tls_saved(core, args)
    if not args.once:
        raise InvalidInput("Say what to do: `sync --once [--server URL]` or `sync status`.")
    from sync.outbox_worker import OutboxWorker

    worker = OutboxWorker(core.workspace, server_url=args.server, enrol_key=args.enrol_key)
    report = worker.run_once()
    status = sync_status(core.workspace)
    data = {"sent": report.push.sent, "rejected": report.push.rejected, "files": report.push.files,
            "merged": report.merged, "bytes_sent": report.bytes_sent, "error": report.error,
            "pending": status.pending, "rejected_total": status.rejected, "delivered": status.delivered}
    emit(args, data, [f"Sent {report.push.sent} op(s), {report.push.files} file(s); "
                      f"merged {report.merged} province change(s).", *_status_lines(status)])
    return 0 if report.ok and status.delivered else 1


def _show_pin(args) -> int:
    from sync.tls import fetch_server_pin

    info = fetch_server_pin(args.pin_server)
    return emit(args, info, [info["pin"], f"Subject: {info['subject']}", f"Issuer: {info['issuer']}",
                             f"Valid until: {info['not_after']}",
                             "Check this pin with the province IT team before `sync --pin` trusts it."])


def _remember_tls(core, args) -> None:
    """Validate --ca/--pin and keep them in the workspace (bad values: nothing saved)."""
    from sync.tls import load_tls, save_tls, updated

    with core.workspace.db.read() as session:
        config = updated(load_tls(session), ca=args.ca, pin=args.pin)
    with core.workspace.db.write() as session:
        save_tls(session, config)


def _tls_saved(core, args) -> int:
    from sync.tls import load_tls

    with core.workspace.db.read() as session:
        config = load_tls(session)
    return emit(args, {"ca_file": config.ca_file, "pin": config.pin},
                [f"Trusted CA: {config.ca_file or 'the system store'}", f"Pin: {config.pin or 'none'}"])


def _status_lines(status) -> list[str]:
    lines = [f"Server: {status.server_url or '-'} ({'registered' if status.registered else 'not registered'})",
             f"Pending: {status.pending} op(s), {status.bytes_left} byte(s) of files; rejected: {status.rejected}",
             f"Last success: {status.last_success or '-'}; last error: {status.last_error or '-'}"]
    lines += [f"Rejected {r['code']} #{r['seq']} ({r['op_id']}): {r['reason']}" for r in status.rejected_ops]
    lines += [f"Conflict {c['code']}: province {c['action']} → {c['status']}: {c['reason']}" for c in status.conflicts]
    lines += [f"Catalogue v{u.get('version')} ({u['source']}): " + (f"not applied: {u['error']}" if u.get("error") else
              f"added {', '.join(u['added']) or '-'}; new versions {', '.join(u['new_versions']) or '-'}; "
              f"unchanged {u['unchanged']}") for u in status.catalog_updates[-3:]]
    return lines


def reporting_sync_errors(run):
    """Report a SyncError like the core CLI reports its errors: message on stderr, exit 1."""

    def wrapped(args, open_core) -> int:
        from sync.errors import SyncError

        try:
            return run(args, open_core)
        except SyncError as exc:
            if args.json:
                print(json.dumps({"error": exc.code, "message": exc.message}, ensure_ascii=False), file=sys.stderr)
            else:
                print(f"error: {exc.message}", file=sys.stderr)
            return 1

    return wrapped


COMMANDS = [
    ExtraCommand("server", "run or administer the reference provincial server", configure_server,
                 reporting_sync_errors(run_server)),
    ExtraCommand("sync", "synchronise with the provincial server", configure_sync, reporting_sync_errors(run_sync)),
]
