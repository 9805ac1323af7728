"""Simulated voice: remembers what it would have said (tests, and a PC without speakers)."""
from __future__ import annotations

from counter_app.ports import DeviceState, DeviceStatus


class SimulatedVoice:
    name = "simulated"

    def __init__(self, *, volume: int = 80, enabled: bool = True, **_ignored):
        self.volume, self.enabled = int(volume), bool(enabled)
        self.said: list[str] = []
        self.chimes = 0

    def status(self) -> DeviceStatus:
        return DeviceStatus(DeviceState.READY, f"simulated voice ({len(self.said)} call(s) said)")

    def say(self, text: str, *, chime: bool = True) -> None:
        if not self.enabled or self.volume <= 0:
            return
        self.chimes += int(chime)
        self.said.append(text)
