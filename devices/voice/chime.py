"""A two-tone "ding-dong" before each call, so people look up before the number is read."""
from __future__ import annotations

import array
import math

RATE = 22050  # espeak-ng's output rate: the chime and the speech join into one WAV


def chime_samples(rate: int = RATE) -> array.array:
    out = array.array("h")
    for freq, seconds in ((880.0, 0.35), (660.0, 0.55)):
        count = int(rate * seconds)
        for i in range(count):
            envelope = min(1.0, i / (rate * 0.01)) * math.exp(-3.0 * i / count)  # soft attack, bell decay
            out.append(int(12000 * envelope * math.sin(2 * math.pi * freq * i / rate)))
    out.extend([0] * int(rate * 0.15))  # a breath before the words
    return out
