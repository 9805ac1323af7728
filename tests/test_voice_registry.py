"""Voice adapters are found by name (entry-point group ``counter_app.voices``, with the two
shipped voices also known by import path); an unknown name is a clear device error."""
from __future__ import annotations

import pytest

from counter_app.errors import DeviceError
from devices.voice import EspeakVoice, SimulatedVoice, VoiceSettings, build_voice
from devices.voice.registry import voice_class, voice_names


def test_shipped_voices_are_found_by_name():
    assert {"espeak-ng", "simulated"} <= set(voice_names())
    assert voice_class("simulated") is SimulatedVoice and voice_class("espeak-ng") is EspeakVoice


def test_build_voice_passes_the_settings_to_the_adapter():
    voice = build_voice(VoiceSettings(adapter="simulated", enabled=True, volume=35, voice="vi-vn-x-south"))
    assert isinstance(voice, SimulatedVoice) and (voice.volume, voice.enabled) == (35, True)
    voice.say("Mời số a không trăm linh một đến quầy số một")
    assert voice.said == ["Mời số a không trăm linh một đến quầy số một"]
    assert isinstance(build_voice(VoiceSettings(adapter="espeak-ng"), simulated=True), SimulatedVoice)


def test_an_unknown_voice_adapter_is_a_device_error_listing_the_installed_ones():
    with pytest.raises(DeviceError, match=r"No voice adapter 'loa-phuong'.*simulated"):
        build_voice(VoiceSettings(adapter="loa-phuong"))
