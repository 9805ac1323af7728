"""Ports: what the core expects of devices and services, implemented in ``devices/`` and ``sync/``.

Every port has a simulated adapter, so the app runs on a laptop with nothing plugged in.
Adapters register under a name (entry point group ``counter_app.<port>s``) and are
chosen by the workspace settings, never by ``if`` chains in the core.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Protocol, runtime_checkable


class DeviceState(str, Enum):
    READY = "ready"
    OFFLINE = "offline"
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class DeviceStatus:
    state: DeviceState
    detail: str = ""

    @property
    def ready(self) -> bool:
        return self.state is DeviceState.READY


@runtime_checkable
class Printer(Protocol):
    """A receipt/ticket printer that prints 1-bit raster images (Vietnamese text as pixels)."""

    name: str
    width_dots: int

    def status(self) -> DeviceStatus: ...

    def print_image(self, png: bytes, *, cut: bool = True) -> None:
        """Print a PNG already sized to ``width_dots``; raises PrinterOffline / PaperOut."""
        ...


@dataclass(frozen=True)
class DeviceCheck:
    """One line of ``counter-app doctor``: a configured device and what to do about it."""

    kind: str
    name: str
    ok: bool
    detail: str
