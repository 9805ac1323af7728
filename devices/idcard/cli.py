"""``counter-app id read-chip`` and ``counter-app id virtual-card`` (the ``id`` command's chip actions)."""
from __future__ import annotations

import sys
from pathlib import Path

from counter_app.cli_output import emit
from counter_app.errors import ChipReaderNotFound, InvalidInput
from counter_app.idcard.mrz import BacKey
from devices.idcard.trust import load_certificates

CHIP_ACTIONS = ("read-chip", "virtual-card")
SIMULATED = "simulated"


def configure_chip(parser) -> None:
    chip = parser.add_argument_group("chip (read-chip, virtual-card)")
    chip.add_argument("--doc-number", help="the 12-digit ID number (or its last 9 digits)")
    chip.add_argument("--birth", help="date of birth as YYMMDD")
    chip.add_argument("--expiry", help="expiry date as YYMMDD")
    chip.add_argument("--reader", default="", help=f"PC/SC reader name (or part of it); '{SIMULATED}' for the "
                                                   "simulated reader; default: the first with a card")
    chip.add_argument("--face-out", type=Path, help="write the face image (JPEG/JPEG 2000) to this file")
    chip.add_argument("--csca", type=Path, nargs="*", default=[],
                      help="trusted CSCA certificates (PEM or DER) to check the document signer against")
    chip.add_argument("--port", type=int, default=35963, help="virtual-card: vpcd's port")
    chip.add_argument("--remove-after", type=int, help="virtual-card: take the card away after N commands")


def run_chip(args, _open_core) -> int:
    if args.action == "virtual-card":
        return run_virtual_card(args)
    return run_read_chip(args)


def reader_for(name: str, csca=None):
    if name == SIMULATED:
        from devices.idcard.simulated import SimulatedChipReader

        return SimulatedChipReader()
    from devices.idcard.pcsc_reader import PcscChipReader

    return PcscChipReader(name, csca=csca)


def run_read_chip(args) -> int:
    missing = [flag for flag, value in (("--doc-number", args.doc_number), ("--birth", args.birth),
                                        ("--expiry", args.expiry)) if not value]
    if missing:
        raise InvalidInput(f"id read-chip needs {', '.join(missing)} (as printed on the card).")
    key = BacKey.from_input(args.doc_number, args.birth, args.expiry)
    reader = reader_for(args.reader, load_certificates(args.csca) or None)
    record = reader.read(key, progress=None if args.json else
                         lambda step, done, total: print(
                             "checking the signature…" if step == "PA" else f"reading {step}…",
                             file=sys.stderr, flush=True))
    pa = record.authentication
    data = {"card": record.to_cccd(), "personal": record.personal, "mrz": record.mrz,
            "passive_authentication": {**_jsonable(pa), "ok": pa.ok}, "face": None}
    if record.face:
        data["face"] = {"mime": record.face.mime, "bytes": len(record.face.data)}
        if args.face_out:
            args.face_out.write_bytes(record.face.data)
            data["face"]["out"] = str(args.face_out)
    card = data["card"]
    birth = f"{card.birth_date:%d/%m/%Y}" if card.birth_date else "?"
    lines = [f"{card.id_number} {card.full_name}, {birth}, {card.sex}, {card.address}",
             f"passive authentication: {verdict(pa)}"]
    emit(args, data, lines)
    if not pa.ok:
        print("error: the chip's data does not match its signature: " + "; ".join(pa.problems), file=sys.stderr)
        return 1
    return 0


def verdict(pa) -> str:
    if not pa.ok:
        return "FAILED (" + "; ".join(pa.problems) + ")"
    chain = {"valid": "chain to CSCA valid", "not_checked": "chain to CSCA not checked (no CSCA configured)"}
    return f"data groups {', '.join(f'DG{n}' for n in pa.checked_groups)} match the signed SOD; " \
           + chain.get(pa.chain.value, pa.chain.value)


def _jsonable(pa) -> dict:
    from counter_app.cli_output import to_jsonable

    return to_jsonable(pa)


def run_virtual_card(args) -> int:
    from devices.idcard.emulator import VirtualCard
    from devices.idcard.demo_card import DEMO_KEY, make_test_card

    card = VirtualCard(make_test_card(), port=args.port, remove_after=args.remove_after)
    try:
        card.connect()
    except OSError as exc:
        raise ChipReaderNotFound(f"The virtual reader (vpcd) is not listening on 127.0.0.1:{args.port}: start "
                                 "pcscd with vsmartcard-vpcd installed.", detail=str(exc)) from None
    doc, birth, expiry = DEMO_KEY
    print(f"Demo ID card inserted in the virtual reader (port {args.port}). It opens with "
          f"--doc-number {doc} --birth {birth} --expiry {expiry}. Ctrl+C takes it out.", flush=True)
    try:
        card.serve()
    except KeyboardInterrupt:
        pass
    finally:
        card.close()
    return 0
