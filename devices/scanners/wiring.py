"""What the app's scan dialog needs, built from the registered scanner adapters.

The adapters come from the ``counter_app.scanners`` entry points (configured, not
``if`` chains); the watched folder needs a folder of its own and is left to the CLI.
Separator sheets are read with zxing-cpp without its slow fallbacks: a printed
separator's QR is large and sharp (bench/bench_pages.py: ≈ 0.13 s per A4 page at 200 dpi
including the PNG decode, vs ≈ 0.9 s with every fallback, on pages that have no QR).
"""
from __future__ import annotations

from importlib.metadata import entry_points

GROUP = "counter_app.scanners"
# The watched folder needs a configured path; the camera is offered as its own page source
# (live preview, corner editing), not as a scanner.
NOT_IN_DIALOG = {"folder", "camera"}


def gui_scanning(*, simulated: bool, page_sources: dict | None = None, escl_devices=(),
                 escl_discover: float = 0.0) -> dict:
    """Keyword arguments for ``ui.scan_actions.ScanActions.install`` / ``ui.scan_dialog.ScanDialog``.

    ``page_sources``: e.g. {"camera": callable(parent) returning PIL pages} (the document camera).
    ``escl_devices``: the network scanners of settings ``devices.escl_scanners`` (escl://HOST:PORT);
    ``escl_discover``: seconds to look for more on the LAN by mDNS when the dialog lists devices (0: off)."""
    from devices.qr.zxing_reader import ZxingQrReader

    scanners = {}
    for name, load in _registered().items():
        if name in NOT_IN_DIALOG or (name == "simulated" and not simulated):
            continue
        scanners[name] = _factory(name, load, tuple(escl_devices), escl_discover)
    return {"scanners": scanners, "separator_decoder": ZxingQrReader(fallbacks=False).decode,
            "page_sources": dict(page_sources or {})}


def _registered() -> dict:
    """name → loader of the adapter class. An adapter missing from the package metadata (an
    installation older than its entry point) comes from the CLI's table of the same classes."""
    points = {point.name: point.load for point in entry_points(group=GROUP)}
    import importlib

    from devices.capture_cli import SCHEMES

    def loader(target: str):
        module, name = target.split(":")
        return lambda: getattr(importlib.import_module(module), name)

    table = {("simulated" if scheme == "sim" else scheme): loader(target) for scheme, target in SCHEMES.items()
             if scheme != "escls"}  # the same adapter as escl
    return {**table, **points}


def _factory(name: str, load, escl_devices: tuple = (), escl_discover: float = 0.0):
    def build():
        cls = load()
        if name == "simulated":  # a demo batch: page by page, with a blank sheet to review
            return cls(pages=4, blank_pages=(3,), delay=0.4)
        if name == "escl":  # network scanners are configured, not found on a bus
            return cls(escl_devices, discover=escl_discover)
        return cls()
    return build
