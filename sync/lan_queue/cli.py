"""``counter-app queue serve | key | connect``: host the office queue, or join it.

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
    parser.add_argument("--new", action="store_true", help="replace the key; every counter must be given the new one")


def _key(args, core) -> int:
    from sync.lan_queue.keys import host_key, replace_host_key

    key = replace_host_key(core.workspace.db) if args.new else host_key(core.workspace.db, create=True)
    return emit(args, {"office_key": key}, key)


def _configure_connect(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("host", help='the host\'s address (http://192.168.1.10:8770), "auto" (find it by mDNS), '
                                     'or "local" (use this PC\'s own queue)')
    parser.add_argument("--key", default=None, help="the office key shown by `counter-app queue key` on the host")
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
    QueueSubcommand("key", "show the office key counters need to join this host", _configure_key, _key),
    QueueSubcommand("connect", "use the office queue of another PC (address or auto), or local", _configure_connect,
                    _connect),
)
