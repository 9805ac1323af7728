"""The device tests of the settings dialog, the devices dialog and the first-run wizard.

Each test builds its device from the settings being edited (not yet saved), so the
administrator can try a printer's address before keeping it. The UI never imports
``devices``: the composition root hands these in as plain callables (``device_tools``).
Every call runs on a device worker; a failure raises the adapter's own error, which the
UI words for the officer.
"""
from __future__ import annotations

from datetime import datetime
from io import BytesIO
from pathlib import Path

from counter_app.errors import DeviceError
from counter_app.ports import DeviceStatus, ScanProfile

from devices.adapters import CAMERA_GROUP, CHIP_READER_GROUP, build_adapter, printer_for


def sample_slip_png(width: int, office_name: str) -> bytes:
    """A short slip saying it is a test, at the printer's width (Vietnamese text as pixels)."""
    from PIL import Image, ImageDraw

    from devices.printers.ticket_image import font

    big, small = font("NotoSans-Bold.ttf", 40), font("NotoSans-Regular.ttf", 26)
    image = Image.new("L", (width, 200), 255)
    draw = ImageDraw.Draw(image)
    for y, text, face in ((20, "IN THỬ", big), (90, office_name[:40], small),
                          (135, f"{datetime.now():%H:%M %d/%m/%Y}", small)):
        draw.text(((width - draw.textlength(text, font=face)) / 2, y), text, fill=0, font=face)
    out = BytesIO()
    image.convert("1").save(out, format="PNG")
    return out.getvalue()


class DeviceTools:
    """``scanners``: name → factory of the registered scanner adapters (``gui_scanning``)."""

    def __init__(self, workspace_root: Path, *, adapters=None, scanners: dict | None = None, checks=None,
                 core=None):
        self.root, self.adapters, self.scanners = Path(workspace_root), adapters, dict(scanners or {})
        self.checks = checks  # doctor's device checks (composition_root.check_devices), or None
        self.core = core  # for the voice settings, kept by devices.voice in the workspace

    def printer_status(self, devices) -> DeviceStatus:
        return printer_for(devices, self.root).status()

    def print_test(self, devices, office_name: str = "") -> str:
        """Prints a test slip; returns where it went (the file, for the simulated printer)."""
        printer = printer_for(devices, self.root)
        status = printer.status()
        if not status.ready and status.state.value == "offline":
            from counter_app.errors import PrinterOffline

            raise PrinterOffline(f"The printer is not responding: {status.detail}")
        result = printer.print_image(sample_slip_png(printer.width_dots, office_name or "Quầy Một Cửa"), cut=True)
        return str(result) if result is not None else ""

    def find_scanners(self) -> list[tuple[str, str, str]]:
        """(adapter, device id, description) of every scanner found now; an adapter finding none is skipped."""
        found = []
        for name, factory in self.scanners.items():
            try:
                infos = factory().devices()
            except Exception:  # noqa: BLE001  (a missing driver means "none found here", not an error)
                continue
            found += [(name, info.id, " ".join(p for p in (info.vendor, info.model) if p) or info.id)
                      for info in infos]
        return found

    def scan_test(self, adapter: str, device: str) -> list:
        """One page from the chosen scanner (the feeder or the glass)."""
        if adapter not in self.scanners:
            raise DeviceError(f"No scanner adapter '{adapter}'.")
        return self.scanners[adapter]().scan(device, ScanProfile(name="test", max_pages=1))

    def camera_test(self, devices) -> tuple[int, int]:
        """Opens the camera and reads one picture: its width and height."""
        camera = build_adapter(CAMERA_GROUP, devices.camera, dict(devices.camera_options))
        camera.open()
        try:
            frame = camera.read()
        finally:
            camera.close()
        return int(frame.shape[1]), int(frame.shape[0])

    def chip_test(self, devices) -> list[str]:
        """The card readers the chip reader adapter sees."""
        return list(build_adapter(CHIP_READER_GROUP, devices.chip_reader, dict(devices.chip_reader_options)).readers())

    def token_test(self, devices) -> list[str]:
        """The tokens the signing module sees, each with how many signing certificates it holds."""
        from devices.signing.pkcs11_tokens import Pkcs11Module

        return [f"{token.label} ({len(token.certificates)})" for token in Pkcs11Module(devices.signing_module).tokens()]

    def voice(self) -> tuple[bool, int]:
        """The office's call-out voice: (on, volume 0–100)."""
        from devices.voice import load_voice_settings

        voice = load_voice_settings(self.core.workspace.db)
        return voice.enabled, voice.volume

    def save_voice(self, enabled: bool, volume: int) -> None:
        """Store the call-out voice, as an administrator's settings change (the role is checked)."""
        from dataclasses import replace

        from counter_app.accounts.roles import Permission
        from counter_app.errors import InvalidInput
        from devices.voice import load_voice_settings, save_voice_settings

        self.core.require(Permission.SAVE_SETTINGS)
        if not isinstance(volume, int) or not 0 <= volume <= 100:
            raise InvalidInput("The voice volume is 0 to 100.")
        db = self.core.workspace.db
        save_voice_settings(db, replace(load_voice_settings(db), enabled=bool(enabled), volume=volume))

    def as_dict(self) -> dict:
        """What the UI takes (``ui.settings_dialog``): plain callables and the adapter names."""
        return {"adapters": self.adapters, "printer_status": self.printer_status, "print_test": self.print_test,
                "find_scanners": self.find_scanners, "scan_test": self.scan_test,
                "camera_test": self.camera_test, "chip_test": self.chip_test, "token_test": self.token_test,
                "checks": self.checks, **({"voice": self.voice, "save_voice": self.save_voice} if self.core else {})}
