"""Voice call-out with espeak-ng (Debian ``espeak-ng``, voice ``vi``): offline, no model files.

``say`` synthesises to a WAV (``espeak-ng -v vi -w``), puts the chime in front, scales
by the volume, then plays it with ``aplay`` or ``paplay`` when one is installed; with no
player (or no sound card) the WAV is only kept, so a call never fails because of audio.
It blocks for the length of the sentence: the UI calls it on a worker thread.
"""
from __future__ import annotations

import array
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

from counter_app.errors import DeviceError
from counter_app.ports import DeviceState, DeviceStatus
from devices.voice.chime import RATE, chime_samples

log = logging.getLogger(__name__)
PLAYERS = (("aplay", "-q"), ("paplay",))
TIMEOUT_S = 30


class EspeakVoice:
    name = "espeak-ng"

    def __init__(self, *, voice: str = "vi", volume: int = 80, enabled: bool = True, speed: int = 140,
                 output_dir: Path | None = None, executable: str | None = None, play: bool = True):
        self.voice, self.volume, self.enabled, self.speed = voice, int(volume), bool(enabled), int(speed)
        self.output_dir = Path(output_dir) if output_dir else Path(tempfile.gettempdir()) / "counter-app-voice"
        self.executable = executable or shutil.which("espeak-ng") or shutil.which("espeak")
        self.play = play
        self.last_wav: Path | None = None

    def status(self) -> DeviceStatus:
        if self.executable is None:
            return DeviceStatus(DeviceState.OFFLINE, "espeak-ng is not installed (apt install espeak-ng)")
        if not self.enabled:
            return DeviceStatus(DeviceState.READY, "voice switched off")
        return DeviceStatus(DeviceState.READY, f"espeak-ng, voice {self.voice}, volume {self.volume}")

    def synthesize(self, text: str, target: Path, *, chime: bool = False) -> Path:
        """Write ``text`` spoken (after the chime when asked) as a 16-bit mono WAV at ``target``."""
        if self.executable is None:
            raise DeviceError("espeak-ng is not installed: install the espeak-ng package for voice calls.")
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        raw = target.with_suffix(".speech.wav")
        try:
            subprocess.run([self.executable, "-v", self.voice, "-s", str(self.speed), "-w", str(raw), text],
                           check=True, capture_output=True, timeout=TIMEOUT_S)
        except (OSError, subprocess.SubprocessError) as exc:
            raise DeviceError(f"espeak-ng failed: {exc}") from exc
        with wave.open(str(raw), "rb") as source:
            rate, width, channels = source.getframerate(), source.getsampwidth(), source.getnchannels()
            speech = array.array("h", source.readframes(source.getnframes()))
        if sys.byteorder == "big":  # WAV samples are little-endian
            speech.byteswap()
        raw.unlink(missing_ok=True)
        if width != 2 or channels != 1:
            raise DeviceError(f"espeak-ng wrote {channels} channel(s) of {8 * width} bits; expected 16-bit mono.")
        samples = (chime_samples(rate) if chime else array.array("h")) + speech
        gain = max(0, min(100, self.volume)) / 100
        scaled = array.array("h", (int(s * gain) for s in samples))
        if sys.byteorder == "big":
            scaled.byteswap()
        with wave.open(str(target), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(rate or RATE)
            out.writeframes(scaled.tobytes())
        return target

    def say(self, text: str, *, chime: bool = True) -> None:
        if not self.enabled or self.volume <= 0:
            return
        # One file per process: a display and a "voice test" may speak at the same time.
        self.last_wav = self.synthesize(text, self.output_dir / f"call-{os.getpid()}.wav", chime=chime)
        if self.play:
            self._play(self.last_wav)

    def _play(self, wav: Path) -> None:
        for player, *options in PLAYERS:
            exe = shutil.which(player)
            if exe is None:
                continue
            done = subprocess.run([exe, *options, str(wav)], capture_output=True, timeout=TIMEOUT_S)
            if done.returncode == 0:
                return
            log.info("%s could not play the call: %s", player, done.stderr.decode(errors="replace").strip())
        log.info("No working audio player; the call is kept in %s", wav)
