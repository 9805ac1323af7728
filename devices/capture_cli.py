"""``counter-app scan`` and ``counter-app id decode``: capture from the command line (``--json`` too).

Contributed to the core's parser through the composition root (``capture_commands()``).
Scanner URIs: ``sane:test:0`` (SANE device), ``sim:`` (simulated), ``file:A.pdf:B.jpg``
(import), ``folder:DIR`` or ``folder://DIR`` (watched folder). Profiles are named scan
settings per document type.
"""
from __future__ import annotations

from pathlib import Path

from counter_app.cli import ExtraCommand
from counter_app.cli_output import emit
from counter_app.errors import CounterError, InvalidInput
from counter_app.ports import ScanMode, ScanProfile, ScanSource

PROFILES = {
    "document": ScanProfile("document", ScanSource.ADF, 200, ScanMode.GRAY),
    "single": ScanProfile("single", ScanSource.FLATBED, 200, ScanMode.GRAY),
    "text-bw": ScanProfile("text-bw", ScanSource.ADF, 200, ScanMode.LINEART),
    "photo": ScanProfile("photo", ScanSource.FLATBED, 300, ScanMode.COLOR),
}
# URI scheme → adapter (the same classes the ``counter_app.scanners`` entry points name).
SCHEMES = {"sane": "devices.scanners.sane_scanner:SaneScanner", "sim": "devices.scanners.simulated:SimulatedScanner",
           "file": "devices.scanners.file_import:FileImportScanner",
           "folder": "devices.scanners.watched_folder:WatchedFolderScanner"}


def scanner_for(uri: str):
    import importlib

    scheme = uri.split(":", 1)[0]
    if scheme not in SCHEMES:
        raise InvalidInput(f"Unknown scanner {uri!r}: use sane:DEVICE, sim:, file:PATH or folder:DIR.")
    module, name = SCHEMES[scheme].split(":")
    return getattr(importlib.import_module(module), name)()


def configure_scan(parser, _common) -> None:
    parser.add_argument("--device", required=True, help="sane:test:0, sim:, file:PATH[:PATH…] or folder:DIR")
    parser.add_argument("--profile", default="document", choices=sorted(PROFILES))
    parser.add_argument("--pages", type=int, default=0, help="at most this many pages (0: until empty)")
    parser.add_argument("--out", type=Path, help="write the component's PDF here")
    parser.add_argument("--dossier", help="attach the PDF to this dossier…")
    parser.add_argument("--component", help="…as this component (e.g. TP1)")


def run_scan(args, open_core) -> int:
    from dataclasses import replace

    from counter_app.capture import OutputMode, pages_to_pdf

    if not args.out and not args.dossier:
        raise InvalidInput("Give --out FILE.pdf, or --dossier CODE --component CODE.")
    if bool(args.dossier) != bool(args.component):
        raise InvalidInput("--dossier and --component go together.")
    profile = replace(PROFILES[args.profile], max_pages=args.pages)
    scanner = scanner_for(args.device)
    pages = scanner.scan(args.device, profile,
                         progress=None if args.json else lambda n, _page: print(f"page {n} scanned", flush=True))
    mode = {ScanMode.LINEART: OutputMode.BLACK_WHITE, ScanMode.COLOR: OutputMode.COLOR}.get(profile.mode,
                                                                                          OutputMode.GRAY)
    result = pages_to_pdf(pages, mode=mode, dossier_code=args.dossier or "", component_code=args.component or "")
    data = {"pages": result.pages, "blank_pages": list(result.blank_pages), "bytes": len(result.pdf)}
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
    return emit(args, data, f"{result.pages} page(s), {len(result.pdf) // 1024} KB{blank}")


def configure_id(parser, _common) -> None:
    from devices.idcard.cli import CHIP_ACTIONS, configure_chip

    parser.add_argument("action", choices=["decode", *CHIP_ACTIONS],
                        help="decode: read the CCCD QR from image files; read-chip: read the card's chip; "
                             "virtual-card: plug the demo chip into the virtual reader (vpcd)")
    parser.add_argument("images", type=Path, nargs="*")
    configure_chip(parser)


def run_id(args, open_core) -> int:
    from counter_app.idcard import parse_cccd
    from devices.idcard.cli import CHIP_ACTIONS, run_chip

    if args.action in CHIP_ACTIONS:
        return run_chip(args, open_core)
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
            ExtraCommand("id", "citizen ID card: decode its QR from images, or read its chip", configure_id,
                         run_id)]
