"""Composition root: the one place that wires device adapters and the GUI to the core.

``counter-app`` (the console script) starts here. With a command it runs the headless
CLI; without one it opens the GUI. Adapters are looked up by the name the workspace
settings give, among the entry points registered in pyproject.toml.
"""
from __future__ import annotations

import sys
from importlib.metadata import entry_points
from typing import Sequence

from counter_app import cli
from counter_app.core import CounterCore
from counter_app.errors import DeviceError
from counter_app.ports import DeviceCheck, Printer

PRINTER_GROUP = "counter_app.printers"


def adapter_class(group: str, name: str):
    for entry in entry_points(group=group):
        if entry.name == name:
            return entry.load()
    known = ", ".join(sorted(e.name for e in entry_points(group=group))) or "none"
    raise DeviceError(f"No adapter '{name}' for {group} (installed: {known}).")


def build_printer(core: CounterCore, *, simulated: bool = False) -> Printer:
    devices = core.settings().devices
    name = "simulated" if simulated else devices.printer
    options = dict(devices.printer_options)
    if name == "simulated":
        options.setdefault("output_dir", core.workspace.root / "printed")
    return adapter_class(PRINTER_GROUP, name)(**options)


def check_devices(core: CounterCore) -> list[DeviceCheck]:
    try:
        printer = build_printer(core)
    except (DeviceError, TypeError) as exc:
        return [DeviceCheck("printer", core.settings().devices.printer, False, str(exc))]
    status = printer.status()
    return [DeviceCheck("printer", printer.name, status.ready, status.detail or status.state.value)]


def launch_gui(args) -> int:
    from counter_app.workspace import open_workspace
    from ui.application import run_gui

    core = CounterCore(open_workspace(args.workspace))
    printer = build_printer(core, simulated=args.simulated)
    return run_gui(core, printer=printer)


def extra_commands() -> list[cli.ExtraCommand]:
    """Commands of the outer layers (sync, signing, …), registered here and nowhere else."""
    from counter_app.queue.cli import queue_command
    from devices.printers.ticket_job import TicketSender
    from devices.signing.cli import signing_commands
    from sync.cli import COMMANDS as SYNC_COMMANDS

    return [*SYNC_COMMANDS, *signing_commands(), queue_command(lambda core: TicketSender(build_printer(core)))]


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, gui=launch_gui, device_checks=check_devices, extra=extra_commands())


if __name__ == "__main__":
    sys.exit(main())
