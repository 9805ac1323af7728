"""Reading an ESC/POS byte stream back: command boundaries, raster images, native QR data.

The printer emulator uses it to find status queries in the stream (they must not be
mistaken for bytes inside raster data), and tests use it to turn what reached the
"printer" back into the picture that would come out of it.
"""
from __future__ import annotations

from dataclasses import dataclass

from PIL import Image

ESC, GS, DLE = 0x1B, 0x1D, 0x10
# Fixed lengths (whole command, prefix included) of the commands a ticket job uses.
_ESC_LENGTHS = {0x40: 2, 0x32: 2, 0x61: 3, 0x64: 3, 0x4A: 3, 0x21: 3, 0x45: 3, 0x2D: 3, 0x74: 3, 0x4D: 3, 0x33: 3,
                0x70: 5, 0x63: 4}
_GS_LENGTHS = {0x21: 3, 0x61: 3, 0x42: 3, 0x48: 3, 0x68: 3, 0x77: 3, 0x4C: 4, 0x57: 4}


@dataclass(frozen=True)
class Command:
    kind: str  # "raster", "graphics", "qr", "cut", "status_query", "init", "byte", "other"
    data: bytes


def _u16(buf: bytes, at: int) -> int:
    return buf[at] | (buf[at + 1] << 8)


def next_command(buf: bytes, pos: int) -> tuple[Command, int] | None:
    """The command starting at ``pos`` and where the next one starts; None if ``buf`` ends mid-command."""
    if pos >= len(buf):
        return None
    lead = buf[pos]
    if lead not in (ESC, GS, DLE):
        return Command("byte", buf[pos:pos + 1]), pos + 1
    if pos + 1 >= len(buf):
        return None
    op = buf[pos + 1]
    if lead == DLE:
        if op != 0x04:
            return Command("byte", buf[pos:pos + 1]), pos + 1
        end = pos + 3
        kind = "status_query"
    elif lead == ESC:
        end = pos + _ESC_LENGTHS.get(op, 2)
        kind = "init" if op == 0x40 else "other"
    elif op == 0x76:  # GS v 0 m xL xH yL yH data
        if pos + 8 > len(buf):
            return None
        end = pos + 8 + _u16(buf, pos + 4) * _u16(buf, pos + 6)
        kind = "raster"
    elif op == 0x28:  # GS ( k / GS ( L pL pH ...
        if pos + 5 > len(buf):
            return None
        end = pos + 5 + _u16(buf, pos + 3)
        kind = {0x6B: "qr", 0x4C: "graphics"}.get(buf[pos + 2], "other")
    elif op == 0x56:  # GS V m [n]
        if pos + 3 > len(buf):
            return None
        end = pos + (4 if buf[pos + 2] in (65, 66, 97, 98, 103, 104) else 3)
        kind = "cut"
    else:
        end = pos + _GS_LENGTHS.get(op, 2)
        kind = "other"
    if end > len(buf):
        return None
    return Command(kind, buf[pos:end]), end


def commands(data: bytes) -> list[Command]:
    found, pos = [], 0
    while (step := next_command(data, pos)) is not None:
        command, pos = step
        found.append(command)
    if pos != len(data):
        raise ValueError(f"the stream ends inside a command at byte {pos} of {len(data)}")
    return found


def raster_of(command: Command) -> Image.Image:
    """A GS v 0 block as a mode-"1" image (a set bit is a black dot)."""
    width_bytes, height = _u16(command.data, 4), _u16(command.data, 6)
    bits = bytes(~b & 0xFF for b in command.data[8:])  # PIL's "1" raw mode: set bit = white
    return Image.frombytes("1", (width_bytes * 8, height), bits)


def printed_image(data: bytes) -> Image.Image | None:
    """All raster blocks of a job stacked, as they come out of the printer (tall images arrive in strips)."""
    strips = [raster_of(c) for c in commands(data) if c.kind == "raster"]
    if not strips:
        return None
    width = max(s.width for s in strips)
    page = Image.new("1", (width, sum(s.height for s in strips)), 1)
    y = 0
    for strip in strips:
        page.paste(strip, (0, y))
        y += strip.height
    return page


def native_qr_data(data: bytes) -> list[bytes]:
    """Contents stored for printer-drawn QR codes (GS ( k, cn 49, fn 80)."""
    return [c.data[8:] for c in commands(data) if c.kind == "qr" and c.data[5:7] == b"\x31\x50"]
