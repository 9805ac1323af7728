"""Composition root: the one place that wires device adapters and the GUI to the core.

``counter-app`` (the console script) starts here. With a command it runs the headless
CLI; without one it opens the GUI. Adapters are looked up by the name the workspace
settings give, among the entry points registered in pyproject.toml.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from importlib.metadata import entry_points
from typing import Sequence

from counter_app import cli
from counter_app.core import CounterCore
from counter_app.errors import DeviceError
from counter_app.ports import DeviceCheck, Printer
from devices.adapters import CAMERA_GROUP, CHIP_READER_GROUP, PRINTER_GROUP, build_adapter

def build_printer(core: CounterCore, *, simulated: bool = False) -> Printer:
    from devices.adapters import printer_for

    devices = core.settings().devices
    if simulated:  # the demo's printer, whatever a real one's settings say
        devices = replace(devices, printer="simulated", printer_options={})
    return printer_for(devices, core.workspace.root)


def installed_adapters():
    """The device adapters installed (entry point names), for checking settings before they are saved."""
    from counter_app.settings_check import AdapterNames

    def names(group: str) -> tuple[str, ...]:
        return tuple(sorted(entry.name for entry in entry_points(group=group)))
    return AdapterNames(printers=names(PRINTER_GROUP), cameras=names(CAMERA_GROUP),
                        chip_readers=names(CHIP_READER_GROUP))


def device_tools(core: CounterCore, scanning: dict) -> dict:
    """The set-up dialogs' device tests (settings, devices, first run) and the installed adapters."""
    from devices.setup_tools import DeviceTools

    return DeviceTools(core.workspace.root, adapters=installed_adapters(), scanners=scanning["scanners"],
                       checks=check_devices, core=core).as_dict()


def check_devices(core: CounterCore) -> list[DeviceCheck]:
    from devices.ocr.wiring import ocr_check

    ocr = ocr_check(core)
    extra = [ocr] if ocr is not None else []
    try:
        printer = build_printer(core)
    except DeviceError as exc:
        return [DeviceCheck("printer", core.settings().devices.printer, False, str(exc)), *extra]
    status = printer.status()
    return [DeviceCheck("printer", printer.name, status.ready, status.detail or status.state.value), *extra]


# Which window the GUI opens; parsed here so the core's CLI parser stays GUI-free.
GUI_OPTIONS = [
    ("--kiosk", dict(action="store_true", help="full-screen ticket kiosk")),
    ("--display", dict(action="store_true", help="queue display screen (TV)")),
    ("--counter", dict(type=int, default=None, metavar="N", help="open on the queue page as counter N")),
    ("--windowed", dict(action="store_true", help="kiosk/display in a window, not full screen")),
    ("--no-voice", dict(action="store_true", help="display: do not speak the calls")),
    ("--check-start", dict(action="store_true", help="open the window, then quit at once (a start-up check)")),
]


def gui_options_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(add_help=False)
    for flag, options in GUI_OPTIONS:
        parser.add_argument(flag, **options)
    return parser


def gui_options_help() -> str:
    return "window options (without a command):\n" + "\n".join(
        f"  {flag + (' N' if 'metavar' in options else ''):<14} {options['help']}" for flag, options in GUI_OPTIONS)


def split_gui_options(argv: Sequence[str]) -> tuple[argparse.Namespace | None, list[str]]:
    """GUI window options, and the rest for the CLI. With a command (``queue call --counter 1``)
    nothing is taken: the command's own options stay its own."""
    options, rest = gui_options_parser().parse_known_args(list(argv))
    positional = [t for i, t in enumerate(rest) if not t.startswith("-") and not (i and rest[i - 1] == "--workspace")]
    return (None, list(argv)) if positional else (options, rest)


def build_voice(core, *, simulated: bool = False):
    from devices.voice import build_voice as make, load_voice_settings

    return make(load_voice_settings(core.workspace.db), simulated=simulated)


def ticket_sender(core, *, simulated: bool = False):
    """Builds the printer on each ticket: a printer that was off at start-up is found later."""
    from devices.printers.ticket_job import TicketSender

    def send(payload) -> None:
        TicketSender(build_printer(core, simulated=simulated))(payload)
    return send


def launch_gui(args, options: argparse.Namespace | None = None) -> int:
    from devices.ocr.wiring import install_recognizer
    from sync.lan_queue.wiring import queue_port_for
    from ui import queue_launch
    from ui.unlock_dialog import open_workspace_for_gui

    options = options or gui_options_parser().parse_args([])
    workspace = open_workspace_for_gui(args.workspace)  # asks a passphrase only if the workspace has one
    if workspace is None:
        return 1  # the officer quit at the passphrase dialog
    core = CounterCore(workspace)
    core.use_queue(queue_port_for(core))  # a client PC uses the office's queue host; otherwise its own queue
    send = ticket_sender(core, simulated=args.simulated)
    if options.kiosk:
        return queue_launch.run_kiosk(core, send, windowed=options.windowed, check_start=options.check_start)
    if options.display:
        from devices.voice import call_sentence

        voice = None if options.no_voice else build_voice(core, simulated=args.simulated)
        announce = (lambda number, counter: voice.say(call_sentence(number, counter))) if voice else None
        return queue_launch.run_display(core, announce, windowed=options.windowed,
                                        check_start=options.check_start)
    install_recognizer(core)  # settings capture.ocr: scanned PDFs (scan dialog, camera) get a text layer
    printer = build_printer(core, simulated=args.simulated)
    worker = build_sync_worker(core)
    signing = build_signing(core, simulated=args.simulated)
    services = ()
    if signing is not None:
        from devices.signing.wiring import start_signing_services

        services = start_signing_services(core, signing[0])  # (completion worker, token watcher | None)
    scanning = build_scanning(core, simulated=args.simulated)
    try:
        return queue_launch.run_counter(core, printer, counter=options.counter, ticket_sender=send,
                                        signing=signing, signing_services=services or None, sync_worker=worker,
                                        scanning=scanning,
                                        id_devices=id_card_devices(core, simulated=args.simulated),
                                        serial_qr=serial_qr_scanner(core), check_start=options.check_start,
                                        device_tools=device_tools(core, scanning))
    finally:
        for service in (*services, worker):
            if service is not None:
                service.stop()


def build_sync_worker(core: CounterCore):
    """The background sync worker once this counter knows its server (set by
    ``counter-app sync --once --server URL``); None while it works alone."""
    from sync.errors import NotConfigured
    from sync.outbox_worker import OutboxWorker

    try:
        worker = OutboxWorker(core.workspace)
    except NotConfigured:
        return None
    worker.start()
    return worker


def build_scanning(core: CounterCore, *, simulated: bool) -> dict:
    """Scanners (the registered adapters) and the document camera for the scan dialog."""
    from devices.scanners.wiring import gui_scanning
    from ui.scan_camera import camera_page_source

    make_camera = lambda: build_camera(core, simulated=simulated)  # noqa: E731  (opened per dialog)
    devices = core.settings().devices
    sources = {"camera": camera_page_source(make_camera)} if simulated or _configured(devices.camera) else {}
    # Network scanners announced on the LAN are looked for briefly; the demo has none.
    return gui_scanning(simulated=simulated, page_sources=sources,
                        escl_devices=devices.escl_scanners, escl_discover=0.0 if simulated else 2.0)


def build_camera(core: CounterCore, *, simulated: bool = False, scene: str = "pages"):
    devices = core.settings().devices
    name = "simulated" if simulated else devices.camera
    options = dict(devices.camera_options)
    if name == "simulated":
        options.setdefault("scene", scene)  # "card": a CCCD under the camera, for the QR dialog
    return build_adapter(CAMERA_GROUP, name, options)


def id_card_devices(core: CounterCore, *, simulated: bool) -> dict:
    """The intake's ID card reader and camera, as factories (built when the officer asks);
    None for a device the settings switch off ("" or "none")."""
    devices = core.settings().devices

    def wanted(name: str) -> bool:
        return simulated or _configured(name)

    return {"chip_reader_factory": (lambda: build_chip_reader(core, simulated=simulated))
            if wanted(devices.chip_reader) else None,
            "camera_factory": (lambda: build_camera(core, simulated=simulated, scene="card"))
            if wanted(devices.camera) else None}


def serial_qr_scanner(core: CounterCore):
    """``start(on_card, on_error)`` for the 2D barcode scanner on a serial port, or None
    when settings name no port (keyboard-wedge scanners need nothing)."""
    from devices.qr.serial_reader import SerialQrListener, reader_from_settings

    reader = reader_from_settings(core.settings().devices)
    if reader is None:
        return None
    return lambda on_card, on_error: SerialQrListener(reader, on_card, on_error).start()


def _configured(adapter_name: str) -> bool:
    """Settings name a device ("" or "none": this counter has none)."""
    return adapter_name.strip().lower() not in ("", "none")


def build_chip_reader(core: CounterCore, *, simulated: bool = False):
    devices = core.settings().devices
    name = "simulated" if simulated else devices.chip_reader
    return build_adapter(CHIP_READER_GROUP, name, dict(devices.chip_reader_options))


def build_signing(core: CounterCore, *, simulated: bool):
    """The demo signs with the workspace's simulated key; a real counter with the PKCS#11 token
    the settings name (devices.signing_module / signing_key_id, set in Quản trị ▸ Cài đặt), else
    COUNTER_APP_PKCS11_MODULE / COUNTER_APP_PKCS11_KEY_ID (None: no signing here)."""
    import os

    from devices.signing.wiring import gui_signing

    if simulated:
        return gui_signing(core, simulated=True)
    devices = core.settings().devices
    module = devices.signing_module or os.environ.get("COUNTER_APP_PKCS11_MODULE")
    if not module:
        return None
    key_id = devices.signing_key_id or os.environ.get("COUNTER_APP_PKCS11_KEY_ID")
    return gui_signing(core, simulated=False, module=module, key_id=key_id)


def extra_commands() -> list[cli.ExtraCommand]:
    """Commands of the outer layers (sync, signing, …), registered here and nowhere else."""
    from counter_app.queue.cli import queue_command
    from devices.capture_cli import capture_commands
    from devices.printers.ticket_job import TicketSender
    from devices.signing.cli import signing_commands
    from devices.voice.cli import COMMAND as VOICE_COMMAND
    from sync.cli import COMMANDS as SYNC_COMMANDS
    from sync.lan_queue.cli import SUBCOMMANDS as LAN_QUEUE_COMMANDS
    from sync.lan_queue.wiring import queue_port_for

    queue = queue_command(lambda core: TicketSender(build_printer(core)),
                          open_queue=lambda core: core.use_queue(queue_port_for(core)), more=LAN_QUEUE_COMMANDS)
    return [*SYNC_COMMANDS, *signing_commands(), queue, VOICE_COMMAND, *capture_commands()]


def main(argv: Sequence[str] | None = None) -> int:
    options, rest = split_gui_options(sys.argv[1:] if argv is None else argv)
    return cli.main(rest, gui=lambda args: launch_gui(args, options), device_checks=check_devices,
                    extra=extra_commands(), gui_help=gui_options_help(), adapter_names=installed_adapters)


if __name__ == "__main__":
    sys.exit(main())
