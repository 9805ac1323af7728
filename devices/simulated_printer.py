"""Simulated receipt/ticket printer: keeps each print as a PNG file, as a printer would show it."""
from __future__ import annotations

import io
import itertools
import os
from datetime import datetime
from pathlib import Path

from counter_app.errors import PaperOut, PrinterOffline
from counter_app.ports import DeviceState, DeviceStatus


class SimulatedPrinter:
    name = "simulated"

    def __init__(self, output_dir: Path, *, width_dots: int = 576, paper: bool = True, online: bool = True):
        self.output_dir = Path(output_dir)
        self.width_dots = width_dots
        self.paper = paper
        self.online = online
        self._counter = itertools.count(1)

    def status(self) -> DeviceStatus:
        if not self.online:
            return DeviceStatus(DeviceState.OFFLINE, "simulated printer switched off")
        if not self.paper:
            return DeviceStatus(DeviceState.PAPER_OUT, "simulated printer has no paper")
        return DeviceStatus(DeviceState.READY, f"prints to {self.output_dir}")

    def print_image(self, png: bytes, *, cut: bool = True) -> Path:
        state = self.status().state
        if state is DeviceState.OFFLINE:
            raise PrinterOffline("The printer is offline: switch it on and check its cable, then reprint.")
        if state is DeviceState.PAPER_OUT:
            raise PaperOut("The printer is out of paper: load a new roll, then reprint.")
        from PIL import Image

        image = Image.open(io.BytesIO(png))
        if image.width > self.width_dots:
            raise ValueError(f"image is {image.width} dots wide; this printer prints {self.width_dots}")
        self.output_dir.mkdir(parents=True, exist_ok=True)
        # Microseconds and the process id keep names unique across several app processes.
        target = self.output_dir / f"{datetime.now():%Y%m%d-%H%M%S-%f}-{os.getpid()}-{next(self._counter):04d}.png"
        image.convert("1").save(target)
        return target
