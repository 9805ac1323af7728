"""``counter-app scan`` and ``counter-app id decode``: capture from the command line (``--json`` too).

Contributed to the core's parser through the composition root (``capture_commands()``).
Scanner URIs: ``sane:test:0`` (SANE device), ``escl://HOST:PORT[/PATH]`` (driverless
network scanner), ``sim:`` (simulated), ``file:A.pdf:B.jpg`` (import), ``folder:DIR`` or
``folder://DIR`` (watched folder), ``camera:0`` / ``camera:sim`` (document camera).
``--profile`` names one of the workspace's scan profiles (``counter-app scan profiles``
lists them; accents optional; ``document``, ``text-bw``, ``duplex``, ``single`` and
``photo`` are short names of the built-in ones).
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from counter_app.cli import ExtraCommand
from counter_app.cli_output import emit
from counter_app.errors import CounterError, InvalidInput, ScannerError
from counter_app.ports import ScanMode, ScanProfile

DEFAULT_PROFILE = "document"
# URI scheme → adapter (the same classes the ``counter_app.scanners`` entry points name).
SCHEMES = {"sane": "devices.scanners.sane_scanner:SaneScanner", "sim": "devices.scanners.simulated:SimulatedScanner",
           "file": "devices.scanners.file_import:FileImportScanner",
           "folder": "devices.scanners.watched_folder:WatchedFolderScanner",
           "escl": "devices.scanners.escl:EsclScanner", "escls": "devices.scanners.escl:EsclScanner",
           "camera": "devices.camera.scanner:CameraScanner"}


def scanner_for(uri: str):
    import importlib

    scheme = uri.split(":", 1)[0]
    if scheme not in SCHEMES:
        raise InvalidInput(f"Unknown scanner {uri!r}: use sane:DEVICE, escl://HOST:PORT, sim:, file:PATH, "
                           "folder:DIR or camera:0.")
    module, name = SCHEMES[scheme].split(":")
    return getattr(importlib.import_module(module), name)()


def configure_scan(parser, _common) -> None:
    parser.add_argument("action", nargs="?", choices=["profiles"], help="profiles: list the scan profiles")
    parser.add_argument("--device", help="sane:test:0, escl://HOST:PORT, sim:, file:PATH[:PATH…], folder:DIR "
                                         "or camera:0")
    parser.add_argument("--profile", help=f"scan profile name (default: the paper's own, else {DEFAULT_PROFILE})")
    parser.add_argument("--pages", type=int, default=0, help="at most this many pages (0: until empty)")
    parser.add_argument("--out", type=Path, help="write the component's PDF here")
    parser.add_argument("--dossier", help="attach the PDF to this dossier…")
    parser.add_argument("--component", help="…as this component (e.g. TP1)")
    parser.add_argument("--no-ocr", action="store_true", help="no OCR text layer (default: settings capture.ocr)")


def existing_settings(args):
    """The workspace's settings, or the defaults when there is no workspace yet (reading
    settings for a scan or a listing must not create one)."""
    from counter_app.core import CounterCore
    from counter_app.settings import Settings
    from counter_app.workspace import default_workspace_dir, open_workspace

    root = Path(args.workspace) if args.workspace else default_workspace_dir()
    if not root.is_dir():
        return Settings()
    core = CounterCore(open_workspace(root, create=False))
    try:
        return core.settings()
    finally:
        core.workspace.close()


def workspace_profiles(settings) -> tuple[list[ScanProfile], dict]:
    """The workspace's profiles (the built-in ones when it has none) and per-paper defaults."""
    from counter_app.capture.profiles import scan_profiles

    return scan_profiles(settings.devices.scan_profiles), dict(settings.devices.scan_profile_defaults)


def ocr_recognizer(args, settings):
    """The OCR engine settings ``capture.ocr`` asks for, or None."""
    from devices.ocr.wiring import recognizer_for

    return None if args.no_ocr else recognizer_for(settings.capture)


def resolve_profile(args, open_core, settings) -> ScanProfile:
    from counter_app.capture.profiles import find_profile, profile_for_component

    profiles, defaults = workspace_profiles(settings)
    if args.profile:
        return find_profile(profiles, args.profile)
    if args.dossier and defaults:
        core = open_core(args)
        try:
            view = core.dossier(args.dossier)
        finally:
            core.workspace.close()
        name = next((c.name for c in view.components if c.code == args.component), "")
        chosen = profile_for_component(profiles, defaults, name) if name else None
        if chosen is not None:
            return chosen
    return find_profile(profiles, DEFAULT_PROFILE)


def list_profiles(args) -> int:
    from counter_app.capture.profiles import ALIASES, find_profile, page_size_name

    profiles, defaults = workspace_profiles(existing_settings(args))
    defaults = {paper: find_profile(profiles, name).name for paper, name in defaults.items()}  # aliases too
    short = {target: alias for alias, target in ALIASES.items()}
    rows = [{"name": p.name, "source": p.source.value, "resolution": p.resolution, "mode": p.mode.value,
             "page_size": page_size_name(p), "max_pages": p.max_pages, "alias": short.get(p.name, ""),
             "default_for": sorted(paper for paper, name in defaults.items() if name == p.name)} for p in profiles]
    lines = [f"{r['name']}: {r['source']}, {r['mode']}, {r['resolution']} dpi, {r['page_size']}"
             + (f" [--profile {r['alias']}]" if r["alias"] else "")
             + (f" (default for: {', '.join(r['default_for'])})" if r["default_for"] else "") for r in rows]
    return emit(args, rows, lines)


def run_scan(args, open_core) -> int:
    from counter_app.capture import OutputMode, pages_to_pdf

    if args.action == "profiles":
        return list_profiles(args)
    if not args.device:
        raise InvalidInput("Give --device URI (e.g. sim:, sane:test:0 or escl://HOST:PORT).")
    if not args.out and not args.dossier:
        raise InvalidInput("Give --out FILE.pdf, or --dossier CODE --component CODE.")
    if bool(args.dossier) != bool(args.component):
        raise InvalidInput("--dossier and --component go together.")
    settings = existing_settings(args)
    profile = resolve_profile(args, open_core, settings)
    profile = replace(profile, max_pages=args.pages or profile.max_pages)
    scanner = scanner_for(args.device)
    mode = {ScanMode.LINEART: OutputMode.BLACK_WHITE, ScanMode.COLOR: OutputMode.COLOR}.get(profile.mode,
                                                                                          OutputMode.GRAY)
    try:
        pages = scanner.scan(args.device, profile,
                             progress=None if args.json else lambda n, _page: print(f"page {n} scanned", flush=True))
    except ScannerError as exc:
        _keep_partial(exc, args, pages_to_pdf, mode)
        raise
    result = pages_to_pdf(pages, mode=mode, dossier_code=args.dossier or "", component_code=args.component or "",
                          recognizer=ocr_recognizer(args, settings))
    data = {"pages": result.pages, "blank_pages": list(result.blank_pages), "bytes": len(result.pdf),
            "profile": profile.name, "text_pages": result.text_pages, "notes": list(result.notes)}
    if args.out:
        args.out.write_bytes(result.pdf)
        data["out"] = str(args.out)
    if args.dossier:
        core = open_core(args)
        try:
            data["document"] = core.attach_scan(args.dossier, args.component, result.pdf, result.pages)
        finally:
            core.workspace.close()
    blank = f"; blank page(s) to review: {', '.join(map(str, result.blank_pages))}" if result.blank_pages else ""
    ocr = f", text on {result.text_pages} page(s)" if result.text_pages else ""
    return emit(args, data, [f"{result.pages} page(s), {len(result.pdf) // 1024} KB{ocr}{blank}",
                             *(f"note: {note}" for note in result.notes)])


def _keep_partial(exc: ScannerError, args, pages_to_pdf, mode) -> None:
    """A jam or a lost scanner mid-batch: the pages already scanned go to ``NAME-partial.pdf``
    beside ``--out`` (never over it), and the error says where."""
    pages = exc.details.get("pages") or []
    if not pages or not args.out:
        return
    partial = args.out.with_name(f"{args.out.stem}-partial.pdf")
    try:
        partial.write_bytes(pages_to_pdf(pages, mode=mode).pdf)
    except (CounterError, OSError):
        return  # the scanner's error is the one to report
    exc.details["partial"] = str(partial)
    exc.message = f"{exc.message} The {len(pages)} page(s) scanned before are in {partial}."
    exc.args = (exc.message,)


def configure_id(parser, _common) -> None:
    from devices.idcard.cli import CHIP_ACTIONS, configure_chip

    parser.add_argument("action", choices=["decode", "read-serial", *CHIP_ACTIONS],
                        help="decode: read the CCCD QR from image files; read-serial: wait for one card scanned "
                             "by a serial/USB-CDC barcode scanner; read-chip: read the card's chip; "
                             "virtual-card: plug the demo chip into the virtual reader (vpcd)")
    parser.add_argument("images", type=Path, nargs="*")
    serial = parser.add_argument_group("serial barcode scanner (read-serial)")
    serial.add_argument("--serial", metavar="PORT", help="e.g. /dev/ttyACM0 or COM5 (default: the settings')")
    serial.add_argument("--baud", type=int, help="baud rate (default: the settings', else 9600)")
    serial.add_argument("--wait", type=float, default=60.0, help="seconds to wait for a scan")
    configure_chip(parser)


def run_read_serial(args) -> int:
    from counter_app.errors import QrUnreadable
    from devices.qr.serial_reader import SerialQrReader

    port, baud = args.serial, args.baud
    if not port:  # the workspace's scanner, when one is set
        devices = existing_settings(args).devices
        port, baud = devices.qr_serial_port, baud or devices.qr_serial_baudrate
    reader = SerialQrReader(port or "", baud or 9600)
    try:
        if not args.json:
            print(f"Scan the card's QR now ({reader.port}, {reader.baudrate} baud)…", flush=True)
        card = reader.read_card(timeout=args.wait)
    finally:
        reader.close()
    if card is None:
        raise QrUnreadable(f"No card was scanned on {reader.port} within {args.wait:g} s: scan the card's QR "
                           "again.")
    birth = f"{card.birth_date:%d/%m/%Y}" if card.birth_date else "?"
    return emit(args, {"port": reader.port, "card": card},
                f"{card.id_number} {card.full_name}, {birth}, {card.sex}, {card.address}"
                + (f" [warnings: {', '.join(card.warnings)}]" if card.warnings else ""))


def run_id(args, open_core) -> int:
    from counter_app.idcard import parse_cccd
    from devices.idcard.cli import CHIP_ACTIONS, run_chip

    if args.action in CHIP_ACTIONS:
        return run_chip(args, open_core)
    if args.action == "read-serial":
        return run_read_serial(args)
    if not args.images:
        raise InvalidInput("id decode: give one or more image files.")
    from devices.qr.zxing_reader import ZxingQrReader

    reader, results, lines = ZxingQrReader(), [], []
    for image in args.images:
        try:
            data = parse_cccd(reader.decode(image))
        except CounterError as exc:
            results.append({"image": str(image), "error": exc.code, "message": exc.message})
            lines.append(f"{image}: error: {exc.message}")
            continue
        results.append({"image": str(image), "card": data})
        birth = f"{data.birth_date:%d/%m/%Y}" if data.birth_date else "?"
        lines.append(f"{image}: {data.id_number} {data.full_name}, {birth}, {data.sex}, {data.address}"
                     + (f" [warnings: {', '.join(data.warnings)}]" if data.warnings else ""))
    emit(args, results, lines)
    return 1 if any("error" in r for r in results) else 0


def capture_commands() -> list[ExtraCommand]:
    return [ExtraCommand("scan", "scan pages into one PDF per dossier component", configure_scan, run_scan),
            ExtraCommand("id", "citizen ID card: decode its QR from images or a serial scanner, or read its "
                               "chip", configure_id, run_id)]
