"""``python -m sync.lan_queue [--workspace DIR] [--port N] [--bind ADDR] [--no-advertise]``:
the same as ``counter-app queue serve``, for a service unit or a test that starts the host alone."""
from __future__ import annotations

import sys

from counter_app import cli
from counter_app.queue.cli import queue_command
from sync.lan_queue.cli import SUBCOMMANDS
from sync.lan_queue.wiring import queue_port_for


def _no_printer(_core):
    from counter_app.errors import DeviceError

    raise DeviceError("No printer in the standalone queue host; print from a counter.")


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = queue_command(_no_printer, open_queue=queue_port_for, more=SUBCOMMANDS)
    return cli.main(["queue", "serve", *argv], extra=[command])


if __name__ == "__main__":
    sys.exit(main())
