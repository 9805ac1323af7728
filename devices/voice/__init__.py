"""Voice call-out: the espeak-ng adapter, its simulated twin, and the office's voice settings.

Voice settings live in the workspace ``settings`` table under the key ``voice`` (so
they are per office and travel with the database); ``VoiceSettings`` reads and writes them.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from devices.voice.espeak import EspeakVoice
from devices.voice.simulated import SimulatedVoice
from devices.voice.vietnamese import call_sentence

ADAPTERS = {"espeak-ng": EspeakVoice, "simulated": SimulatedVoice}
SETTING_KEY = "voice"


@dataclass
class VoiceSettings:
    adapter: str = "espeak-ng"
    enabled: bool = True
    volume: int = 80  # 0–100
    voice: str = "vi"  # espeak-ng voice: vi, vi-vn-x-central, vi-vn-x-south


def load_voice_settings(db) -> VoiceSettings:
    from counter_app.storage.models import Setting

    with db.read() as session:
        row = session.get(Setting, SETTING_KEY)
        raw = dict(row.value or {}) if row is not None else {}
    known = {f.name for f in fields(VoiceSettings)}
    return VoiceSettings(**{k: v for k, v in raw.items() if k in known})


def save_voice_settings(db, settings: VoiceSettings) -> None:
    from counter_app.storage.models import Setting

    with db.write() as session:
        row = session.get(Setting, SETTING_KEY)
        if row is None:
            session.add(Setting(key=SETTING_KEY, value=asdict(settings)))
        else:
            row.value = {**(row.value or {}), **asdict(settings)}


def build_voice(settings: VoiceSettings, *, simulated: bool = False):
    """The configured voice adapter, looked up by name (``devices.voice.registry``);
    an unknown name raises ``DeviceError`` listing the installed ones."""
    from devices.voice.registry import voice_class

    name = "simulated" if simulated else settings.adapter
    return voice_class(name)(volume=settings.volume, enabled=settings.enabled, voice=settings.voice)


__all__ = ["ADAPTERS", "EspeakVoice", "SimulatedVoice", "VoiceSettings", "build_voice", "call_sentence",
           "load_voice_settings", "save_voice_settings"]
