"""ESC/POS real-time status (DLE EOT n): the queries, the printer's replies, their meaning.

Reply bytes (Epson ESC/POS reference, "DLE EOT"): bits 1 and 4 are always 1 and bits
0 and 7 always 0, which tells a status byte from stray data.
  n=1 printer:  bit 3 offline
  n=2 offline cause: bit 2 cover open, bit 3 feed button, bit 5 stopped at paper end, bit 6 error
  n=4 roll paper sensor: bits 2+3 paper near end, bits 5+6 paper end
The reply builder is here too, so the emulator and the parser share one reading of the spec.
"""
from __future__ import annotations

from counter_app.ports import DeviceState, DeviceStatus

DLE_EOT = b"\x10\x04"
PRINTER, OFFLINE_CAUSE, ERROR_CAUSE, PAPER = 1, 2, 3, 4
QUERIES = (PRINTER, OFFLINE_CAUSE, PAPER)

_FIXED_MASK, _FIXED_BITS = 0x93, 0x12
OFFLINE_BIT = 0x08
COVER_OPEN_BIT, PAPER_END_STOP_BIT = 0x04, 0x20
NEAR_END_BITS, PAPER_END_BITS = 0x0C, 0x60


def query(n: int) -> bytes:
    return DLE_EOT + bytes((n,))


def is_status_byte(value: int | None) -> bool:
    return value is not None and (value & _FIXED_MASK) == _FIXED_BITS


def parse_status(replies: dict[int, int | None]) -> DeviceStatus:
    """Turn the replies to DLE EOT 1, 2 and 4 into one state an officer can act on."""
    valid = {n: v for n, v in replies.items() if is_status_byte(v)}
    if not valid:
        return DeviceStatus(DeviceState.UNKNOWN, "the printer does not report its status")
    cause, paper, printer = valid.get(OFFLINE_CAUSE, 0), valid.get(PAPER, 0), valid.get(PRINTER, 0)
    if cause & COVER_OPEN_BIT:
        return DeviceStatus(DeviceState.COVER_OPEN, "the printer cover is open")
    if (paper & PAPER_END_BITS) or (cause & PAPER_END_STOP_BIT):
        return DeviceStatus(DeviceState.PAPER_OUT, "the printer is out of paper")
    if printer & OFFLINE_BIT:
        return DeviceStatus(DeviceState.OFFLINE, "the printer reports it is offline (error or feed in progress)")
    if paper & NEAR_END_BITS:
        return DeviceStatus(DeviceState.READY, "paper is running low")
    return DeviceStatus(DeviceState.READY, "ready")


def status_reply(n: int, *, paper: str = "ok", cover_open: bool = False) -> bytes:
    """The byte a printer answers to DLE EOT ``n``; ``paper`` is "ok", "near_end" or "out"."""
    value = _FIXED_BITS
    stopped = cover_open or paper == "out"
    if n == PRINTER and stopped:
        value |= OFFLINE_BIT
    elif n == OFFLINE_CAUSE:
        value |= (COVER_OPEN_BIT if cover_open else 0) | (PAPER_END_STOP_BIT if paper == "out" else 0)
    elif n == PAPER:
        value |= {"ok": 0, "near_end": NEAR_END_BITS, "out": NEAR_END_BITS | PAPER_END_BITS}[paper]
    return bytes((value,))


def spooler_status(flags: int) -> DeviceStatus:
    """Windows spooler ``PRINTER_INFO_2.Status`` flags (winspool.h), for printers without a back channel."""
    if flags & 0x00400000:  # PRINTER_STATUS_DOOR_OPEN
        return DeviceStatus(DeviceState.COVER_OPEN, "the printer cover is open")
    if flags & 0x00000010:  # PRINTER_STATUS_PAPER_OUT
        return DeviceStatus(DeviceState.PAPER_OUT, "the printer is out of paper")
    if flags & (0x00000080 | 0x00001000):  # PRINTER_STATUS_OFFLINE, PRINTER_STATUS_NOT_AVAILABLE
        return DeviceStatus(DeviceState.OFFLINE, "Windows reports the printer offline")
    if flags & 0x00000002:  # PRINTER_STATUS_ERROR
        return DeviceStatus(DeviceState.UNKNOWN, "Windows reports a printer error")
    return DeviceStatus(DeviceState.READY, "ready (as far as the Windows spooler knows)")
