"""``counter-app queue serve | key | revoke | workstations | connect``: host the office queue, or join it.

Per-workstation keys (``queue key --workstation NAME``) can be revoked one by one
(``queue revoke NAME``); the shared office key still works for PCs set up before them
(``queue revoke office`` ends that once every PC has its own key). See ``keys``.

Registered as extra subcommands of ``counter-app queue`` by the composition root.
"""
from __future__ import annotations

import argparse
import sys

from counter_app.cli_output import emit
from counter_app.queue.cli import QueueSubcommand

DEFAULT_PORT = 8770


def _configure_serve(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"TCP port (default {DEFAULT_PORT}; 0 = any)")
    parser.add_argument("--bind", default="0.0.0.0", help="address to listen on (default: every interface)")
    parser.add_argument("--advertise", action=argparse.BooleanOptionalAction, default=True,
                        help="announce the host on the LAN by mDNS so counters find it (default: on)")


def _serve(args, core) -> int:
    from sync.lan_queue.discovery import Advertisement, local_addresses
    from sync.lan_queue.host import listening_socket, serve
    from sync.lan_queue.keys import host_key

    key = host_key(core.workspace.db, create=True)
    try:
        sock = listening_socket(args.bind, args.port)
    except OSError as exc:
        print(f"error: cannot listen on {args.bind}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    port = sock.getsockname()[1]
    advert = None
    if args.advertise:
        loopback = args.bind.startswith("127.")
        addresses = [args.bind] if loopback or args.bind not in ("0.0.0.0", "::") else local_addresses()
        advert = Advertisement(port, core.settings().office.agency_id, addresses,
                               interfaces=[args.bind] if loopback else None)
    print(f"Office queue host listening on http://{args.bind}:{port}", flush=True)
    try:
        serve(core, key, sock)
    finally:
        if advert is not None:
            advert.close()
    return 0


def _configure_key(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--workstation", metavar="NAME", default=None,
                        help="issue a key for this counter, kiosk or display PC only (shown once; a new one "
                             "replaces its old key)")
    parser.add_argument("--new", action="store_true", help="replace the office key; every counter must be given the new one")


def _may_manage(core) -> None:
    from counter_app.accounts.roles import Permission

    core.require(Permission.MANAGE_QUEUE)  # keys open the office queue: admins only


def _key(args, core) -> int:
    from sync.lan_queue.keys import host_key, issue_key, replace_host_key

    _may_manage(core)
    if args.workstation is not None:
        credential = issue_key(core.workspace.db, args.workstation, now=core.clock())
        return emit(args, {"workstation": args.workstation.strip(), "key": credential},
                    [credential, f"Give this key to {args.workstation.strip()} only: "
                                 f"counter-app queue connect HOST --key {credential}. It is not shown again."])
    key = replace_host_key(core.workspace.db) if args.new else host_key(core.workspace.db, create=True)
    return emit(args, {"office_key": key}, key)


def _configure_revoke(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workstation", help='the workstation\'s name, or "office" for the shared office key')


def _revoke(args, core) -> int:
    from sync.lan_queue.keys import revoke

    _may_manage(core)
    done = revoke(core.workspace.db, args.workstation, now=core.clock())
    return emit(args, done, f"{done['workstation']}: access to the office queue revoked (effective at once).")


def _workstations(args, core) -> int:
    from sync.lan_queue.keys import workstations

    _may_manage(core)
    rows = workstations(core.workspace.db)
    lines = [f"{r['workstation']:<24} {r['key_id']:<12} "
             f"{'REVOKED ' + (r['revoked_at'] or '') if r['revoked'] else 'active'}"
             f"{' (shared office key)' if r['legacy'] else ''}" for r in rows]
    return emit(args, rows, lines or "No queue keys yet: counter-app queue key --workstation NAME")


def _configure_connect(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("host", help='the host\'s address (http://192.168.1.10:8770), "auto" (find it by mDNS), '
                                     'or "local" (use this PC\'s own queue)')
    parser.add_argument("--key", default=None, help="this PC's key from `counter-app queue key --workstation NAME` "
                                                     "on the host (or the shared office key)")
    parser.add_argument("--check", action=argparse.BooleanOptionalAction, default=True,
                        help="check the host answers and accepts the key before saving (default: on)")


def _connect(args, core) -> int:
    from counter_app.errors import InvalidInput
    from counter_app.settings import validate_settings
    from sync.lan_queue.wiring import remote_queue

    settings = core.settings()
    lan = settings.lan_queue
    if args.host == "local":
        lan.role = "local"
        core.save_settings(settings)
        return emit(args, {"role": "local"}, "This PC now uses its own queue.")
    lan.role, lan.host_url = "client", args.host.rstrip("/")
    lan.office_key = args.key or lan.office_key
    if not lan.office_key:
        raise InvalidInput("Give the office key with --key (run `counter-app queue key` on the host PC).")
    validate_settings(settings)
    if args.check:
        remote_queue(settings).services()  # raises QueueHostUnreachable / WrongOfficeKey: nothing saved
    core.save_settings(settings)
    return emit(args, {"role": "client", "host_url": lan.host_url}, f"This PC now uses the office queue at {lan.host_url}.")


SUBCOMMANDS = (
    QueueSubcommand("serve", "host the office queue for the other counters on the LAN", _configure_serve, _serve),
    QueueSubcommand("key", "show the office key, or issue a key for one workstation (--workstation NAME)",
                    _configure_key, _key),
    QueueSubcommand("revoke", "revoke one workstation's access to this queue host", _configure_revoke, _revoke),
    QueueSubcommand("workstations", "list the queue keys issued by this host", lambda parser: None, _workstations),
    QueueSubcommand("connect", "use the office queue of another PC (address or auto), or local", _configure_connect,
                    _connect),
)
