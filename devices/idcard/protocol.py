"""The terminal side of reading an eMRTD: SELECT, BAC, then files over secure messaging.

Written against a bare ``transmit(apdu) -> (data, sw)`` so the PC/SC reader and the
simulated twin (which talks to an in-process card) run exactly the same steps.
"""
from __future__ import annotations

import os
from typing import Callable

from counter_app.errors import ChipAccessDenied, ChipCardAbsent, ChipDataInvalid
from counter_app.idcard.chip import ChipRecord, build_record
from counter_app.idcard.mrz import BacKey
from devices.idcard.secure_messaging import SecureChannel, decrypt, encrypt, retail_mac

Transmit = Callable[[bytes], tuple[bytes, int]]
Progress = Callable[[str, int, int], None] | None

EMRTD_AID = bytes.fromhex("A0000002471001")
SW_OK = 0x9000
SW_FILE_NOT_FOUND = 0x6A82
SW_AUTH_FAILED = (0x6300, 0x6982, 0x6988)
CHUNK = 0xDF  # bytes per READ BINARY: the SM overhead must still fit a short APDU answer
MAX_FILE = 0x7FFF + CHUNK  # the last chunk may start at offset 7FFF (P1 bit 8 must stay clear)
# Offsets stay below 32 KB (P1 bit 8 would mean a short file id); a CCCD's DG2 is ~15–20 KB.
# (name, file id, data group number or None, required)
# EF.COM is kept as read (number 0): it lists the groups but the SOD does not cover it.
FILES = (("COM", 0x011E, 0, False), ("DG1", 0x0101, 1, True), ("DG13", 0x010D, 13, False),
         ("DG2", 0x0102, 2, False), ("SOD", 0x011D, None, True))


def read_chip(transmit: Transmit, key: BacKey, *, progress: Progress = None, csca=None,
              field_map=None) -> ChipRecord:
    _select_applet(transmit)
    channel = bac(transmit, key)
    groups: dict[int, bytes] = {}
    sod = b""
    for index, (label, fid, number, required) in enumerate(FILES):
        if progress:
            progress(label, index, len(FILES))
        data = read_file(transmit, channel, fid)
        if data is None:
            if required:
                raise ChipDataInvalid(f"The chip has no {label}.", file=label)
            continue
        if number is None:
            sod = data
        else:
            groups[number] = data
    if progress:
        progress("PA", len(FILES), len(FILES))
    return build_record(groups, sod, csca, field_map)


def _select_applet(transmit: Transmit) -> None:
    _, sw = transmit(bytes([0x00, 0xA4, 0x04, 0x0C, len(EMRTD_AID)]) + EMRTD_AID)
    if sw != SW_OK:
        raise ChipCardAbsent("The card on the reader is not an ID card chip (no eMRTD application).",
                             sw=f"{sw:04X}")


def bac(transmit: Transmit, key: BacKey) -> SecureChannel:
    k_enc, k_mac = key.keys()
    rnd_icc, sw = transmit(bytes.fromhex("0084000008"))
    if sw != SW_OK or len(rnd_icc) != 8:
        raise ChipDataInvalid("The chip gave no challenge for BAC.", sw=f"{sw:04X}")
    rnd_ifd, k_ifd = os.urandom(8), os.urandom(16)
    e_ifd = encrypt(k_enc, rnd_ifd + rnd_icc + k_ifd)
    answer, sw = transmit(bytes.fromhex("0082000028") + e_ifd + retail_mac(k_mac, e_ifd) + b"\x28")
    if sw in SW_AUTH_FAILED:
        raise ChipAccessDenied("The chip refused BAC: the document number, birth or expiry date is wrong.",
                               sw=f"{sw:04X}")
    if sw != SW_OK or len(answer) != 40 or retail_mac(k_mac, answer[:32]) != answer[32:]:
        raise ChipAccessDenied("The chip's BAC answer does not match the key typed.", sw=f"{sw:04X}")
    plain = decrypt(k_enc, answer[:32])
    if plain[:8] != rnd_icc or plain[8:16] != rnd_ifd:
        raise ChipAccessDenied("The chip's BAC answer does not match the key typed.")
    return SecureChannel.after_bac(rnd_icc, rnd_ifd, plain[16:32], k_ifd)


def _sm(transmit: Transmit, channel: SecureChannel, ins: int, p1: int, p2: int, data: bytes = b"",
        le: int | None = None) -> tuple[bytes, int]:
    answer, sw = transmit(channel.protect_command(0x00, ins, p1, p2, data, le))
    if sw != SW_OK:
        # A plain status word: the chip dropped secure messaging (e.g. after a bad MAC).
        raise ChipDataInvalid("The chip ended secure messaging.", sw=f"{sw:04X}")
    return channel.unprotect_response(answer)


def read_file(transmit: Transmit, channel: SecureChannel, fid: int) -> bytes | None:
    """The whole file, or None when the chip does not have it."""
    _, sw = _sm(transmit, channel, 0xA4, 0x02, 0x0C, fid.to_bytes(2, "big"))
    if sw == SW_FILE_NOT_FOUND:
        return None
    if sw != SW_OK:
        raise ChipDataInvalid(f"The chip refused to open file {fid:04X}.", sw=f"{sw:04X}")
    head = _read_binary(transmit, channel, 0, 4)
    _, _, header_end = _header_length(head)
    total = header_end
    data = bytearray(head)
    while len(data) < total:
        data += _read_binary(transmit, channel, len(data), min(CHUNK, total - len(data)))
    return bytes(data[:total])


def _header_length(head: bytes) -> tuple[int, int, int]:
    """(tag, value length, total file length) from the first bytes of a file."""
    if len(head) < 2:
        raise ChipDataInvalid("A chip file is too short to hold its length.")
    offset = 1
    length = head[offset]
    offset += 1
    if length & 0x80:
        count = length & 0x7F
        if not 1 <= count <= 3 or len(head) < offset + count:
            raise ChipDataInvalid("A chip file has an unreadable length.")
        length = int.from_bytes(head[offset:offset + count], "big")
        offset += count
    if offset + length > MAX_FILE:  # READ BINARY offsets cannot go further; no LDS file comes near
        raise ChipDataInvalid("A chip file says it is larger than an ID card can hold.", length=length)
    return head[0], length, offset + length


def _read_binary(transmit: Transmit, channel: SecureChannel, offset: int, length: int) -> bytes:
    data, sw = _sm(transmit, channel, 0xB0, offset >> 8, offset & 0xFF, le=length)
    if sw not in (SW_OK, 0x6282) or not data:
        raise ChipDataInvalid(f"Reading the chip failed at byte {offset}.", sw=f"{sw:04X}")
    return data


__all__ = ["FILES", "bac", "read_chip", "read_file"]
