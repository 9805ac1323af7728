"""Device adapters by name: the entry points registered in pyproject.toml, built with the
options the settings give. One place builds them, for the app, the CLI and the set-up tests."""
from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

from counter_app.errors import DeviceError

PRINTER_GROUP = "counter_app.printers"
CAMERA_GROUP = "counter_app.cameras"
CHIP_READER_GROUP = "counter_app.chip_readers"


def build_adapter(group: str, name: str, options: dict):
    """The adapter ``name`` of ``group`` built with ``options``; an unknown name, or options it
    does not take (left from another kind of device), is a ``DeviceError`` that says so."""
    for entry in entry_points(group=group):
        if entry.name == name:
            try:
                return entry.load()(**options)
            except TypeError as exc:
                raise DeviceError(f"The options {sorted(options)} do not fit a '{name}' device ({exc}); "
                                  "set its options in the settings.") from exc
    known = ", ".join(sorted(e.name for e in entry_points(group=group))) or "none"
    raise DeviceError(f"No adapter '{name}' for {group} (installed: {known}).")


def printer_for(devices, workspace_root: Path):
    """The printer ``devices`` (a ``DeviceSettings``) names; the simulated one prints into the workspace."""
    options = dict(devices.printer_options)
    if devices.printer == "simulated":
        options.setdefault("output_dir", Path(workspace_root) / "printed")
    return build_adapter(PRINTER_GROUP, devices.printer, options)
