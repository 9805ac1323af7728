"""Voice adapters by name, like the printers: each registers under the entry-point group
``counter_app.voices`` (pyproject.toml), so an office can add a voice (another TTS
engine, a networked speaker) without touching this code.

The two voices shipped with the app are also known here by import path, so a source
checkout whose package metadata predates the group still finds them. Every adapter is
built with keyword arguments ``volume`` (0–100), ``enabled`` and ``voice`` (an engine's
voice name; adapters without voices accept and ignore it) and has ``say(text)``.
"""
from __future__ import annotations

from importlib import import_module
from importlib.metadata import entry_points

from counter_app.errors import DeviceError

VOICE_GROUP = "counter_app.voices"
BUILT_IN = {"espeak-ng": "devices.voice.espeak:EspeakVoice", "simulated": "devices.voice.simulated:SimulatedVoice"}


def voice_names() -> list[str]:
    return sorted({entry.name for entry in entry_points(group=VOICE_GROUP)} | set(BUILT_IN))


def voice_class(name: str):
    for entry in entry_points(group=VOICE_GROUP):
        if entry.name == name:
            return entry.load()
    if name in BUILT_IN:
        module, _colon, attribute = BUILT_IN[name].partition(":")
        return getattr(import_module(module), attribute)
    raise DeviceError(f"No voice adapter '{name}' for {VOICE_GROUP} (installed: {', '.join(voice_names())}).")
