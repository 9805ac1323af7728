"""Voice call-out: Vietnamese number reading, a real espeak-ng WAV of a call, the simulated twin."""
from __future__ import annotations

import array
import wave

import pytest

from counter_app.ports import Voice
from devices.voice import (
    EspeakVoice,
    SimulatedVoice,
    VoiceSettings,
    build_voice,
    call_sentence,
    load_voice_settings,
    save_voice_settings,
)
from devices.voice.vietnamese import number_words, ticket_words


@pytest.mark.parametrize("digits, words", [
    ("012", "không trăm mười hai"), ("001", "không trăm linh một"), ("105", "một trăm linh năm"),
    ("115", "một trăm mười lăm"), ("021", "không trăm hai mươi mốt"),
    ("124", "một trăm hai mươi tư"),
    ("250", "hai trăm năm mươi"), ("300", "ba trăm"), ("3", "ba"), ("10", "mười"), ("0", "không"),
    ("1234", "một hai ba bốn"),
])
def test_numbers_are_read_as_a_vietnamese_speaker_reads_them(digits, words):
    assert number_words(digits) == words


def test_the_call_sentence_names_the_letter_and_the_counter():
    assert ticket_words("B105") == "bê một trăm linh năm"
    assert call_sentence("A012", 3) == "Mời số a không trăm mười hai đến quầy số ba"


def wav_facts(path):
    with wave.open(str(path), "rb") as wav:
        seconds = wav.getnframes() / wav.getframerate()
        samples = array.array("h", wav.readframes(wav.getnframes()))
    return seconds, max(abs(s) for s in samples)


def test_espeak_ng_speaks_a_call_into_a_wav_of_plausible_length(tmp_path):
    voice = EspeakVoice(output_dir=tmp_path, play=False)
    assert isinstance(voice, Voice) and voice.status().ready
    speech = voice.synthesize(call_sentence("A012", 3), tmp_path / "speech.wav")
    seconds, peak = wav_facts(speech)
    assert 1.0 <= seconds <= 6.0 and peak > 1000  # words, not silence
    voice.say(call_sentence("A012", 3))  # chime + words, kept as a file (no player needed)
    with_chime, _ = wav_facts(voice.last_wav)
    assert seconds + 0.8 < with_chime <= 7.5


def test_volume_scales_the_sound_and_off_says_nothing(tmp_path):
    loud = EspeakVoice(output_dir=tmp_path / "loud", volume=100, play=False)
    quiet = EspeakVoice(output_dir=tmp_path / "quiet", volume=25, play=False)
    text = call_sentence("C021", 2)
    _, loud_peak = wav_facts(loud.synthesize(text, tmp_path / "loud.wav"))
    _, quiet_peak = wav_facts(quiet.synthesize(text, tmp_path / "quiet.wav"))
    assert quiet_peak < loud_peak * 0.3
    off = EspeakVoice(output_dir=tmp_path / "off", enabled=False, play=False)
    off.say(text)
    assert off.last_wav is None and not (tmp_path / "off").exists()


def test_simulated_voice_records_what_it_says():
    voice = SimulatedVoice()
    assert isinstance(voice, Voice)
    voice.say(call_sentence("A012", 3))
    assert voice.said == ["Mời số a không trăm mười hai đến quầy số ba"] and voice.chimes == 1
    muted = SimulatedVoice(volume=0)
    muted.say("x")
    assert muted.said == []


def test_voice_settings_are_kept_per_office_in_the_workspace(core):
    assert load_voice_settings(core.workspace.db) == VoiceSettings()
    save_voice_settings(core.workspace.db, VoiceSettings(adapter="simulated", enabled=False, volume=40))
    stored = load_voice_settings(core.workspace.db)
    assert (stored.adapter, stored.enabled, stored.volume) == ("simulated", False, 40)
    voice = build_voice(stored)
    assert isinstance(voice, SimulatedVoice) and not voice.enabled and voice.volume == 40
