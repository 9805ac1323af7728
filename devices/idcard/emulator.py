"""An emulated CCCD chip: an ICAO eMRTD card that plugs into vpcd (vsmartcard's virtual reader).

``EmrtdCard`` answers APDUs (SELECT, GET CHALLENGE, MUTUAL AUTHENTICATE, SELECT/READ
BINARY under secure messaging) from a ``EmulatedCard``. ``VirtualCard`` connects it to
pcscd's vpcd driver, which listens on a TCP port (35963 by default) for the card:
every message is a 2-byte big-endian length and a payload; a 1-byte payload is a
control code (0 power off, 1 power on, 2 reset, 4 send the ATR), anything else is a
command APDU answered with the response APDU. ``remove_after=N`` drops the card
(closes the socket) after N APDUs, as a citizen lifting the card mid-read.
"""
from __future__ import annotations

import os
import socket
import struct
import threading

from devices.idcard.secure_messaging import SecureChannel, decrypt, encrypt, retail_mac
from devices.idcard.demo_card import EmulatedCard

EMRTD_AID = bytes.fromhex("A0000002471001")
# ISO 14443 contactless ATR as PC/SC builds it for a type A/B card (no historical bytes).
ATR = bytes.fromhex("3B8880010000000000718100F9")
VPCD_PORT = 35963
SW_OK, SW_WRONG_LENGTH, SW_SECURITY, SW_NOT_FOUND = 0x9000, 0x6700, 0x6982, 0x6A82
SW_SM_WRONG, SW_WRONG_P1P2, SW_INS, SW_CLA = 0x6988, 0x6B00, 0x6D00, 0x6E00


def _sw(code: int, data: bytes = b"") -> bytes:
    return data + code.to_bytes(2, "big")


class EmrtdCard:
    """The chip's logic (no I/O): one instance is one card, reset on power-up."""

    def __init__(self, card: EmulatedCard):
        self.card = card
        self.reset()

    def reset(self) -> None:
        self.applet = False
        self.challenge: bytes | None = None
        self.channel: SecureChannel | None = None
        self.current: bytes | None = None

    def process(self, apdu: bytes) -> bytes:
        if len(apdu) < 4:
            return _sw(SW_WRONG_LENGTH)
        cla, ins = apdu[0], apdu[1]
        if cla & 0x0C == 0x0C:
            return self._secure(apdu)
        if cla != 0x00:
            return _sw(SW_CLA)
        if ins == 0xA4 and apdu[2] == 0x04:
            return self._select_applet(apdu)
        if not self.applet:
            return _sw(SW_NOT_FOUND)
        if ins == 0x84:
            self.challenge = os.urandom(8)
            return _sw(SW_OK, self.challenge)
        if ins == 0x82:
            return self._mutual_authenticate(apdu)
        if ins in (0xA4, 0xB0):
            return _sw(SW_SECURITY)  # files only over secure messaging after BAC
        return _sw(SW_INS)

    def _select_applet(self, apdu: bytes) -> bytes:
        lc = apdu[4] if len(apdu) > 4 else 0
        self.reset()
        if apdu[5:5 + lc] != EMRTD_AID:
            return _sw(SW_NOT_FOUND)
        self.applet = True
        return _sw(SW_OK)

    def _mutual_authenticate(self, apdu: bytes) -> bytes:
        data = apdu[5:5 + apdu[4]] if len(apdu) > 5 else b""
        challenge, self.challenge, self.channel = self.challenge, None, None
        if len(data) != 40 or challenge is None:
            return _sw(SW_WRONG_LENGTH if len(data) != 40 else SW_SECURITY)
        k_enc, k_mac = self.card.key.keys()
        if retail_mac(k_mac, data[:32]) != data[32:]:
            return _sw(SW_SECURITY)
        plain = decrypt(k_enc, data[:32])
        rnd_ifd, rnd_icc, k_ifd = plain[:8], plain[8:16], plain[16:32]
        if rnd_icc != challenge:
            return _sw(SW_SECURITY)
        k_icc = os.urandom(16)
        answer = encrypt(k_enc, rnd_icc + rnd_ifd + k_icc)
        self.channel = SecureChannel.after_bac(rnd_icc, rnd_ifd, k_icc, k_ifd)
        return _sw(SW_OK, answer + retail_mac(k_mac, answer))

    def _secure(self, apdu: bytes) -> bytes:
        channel = self.channel
        if channel is None:
            return _sw(SW_SECURITY)
        try:
            header, data, le = channel.unprotect_command(apdu)
        except (ValueError, KeyError, IndexError):
            self.channel = None  # a bad MAC ends the session, as a real chip does
            return _sw(SW_SM_WRONG)
        ins, p1, p2 = header[1], header[2], header[3]
        if ins == 0xA4 and p1 == 0x02:
            content = self.card.files.get(int.from_bytes(data, "big")) if len(data) == 2 else None
            self.current = content
            return channel.protect_response(b"", SW_OK if content is not None else SW_NOT_FOUND)
        if ins == 0xB0:
            if self.current is None:
                return channel.protect_response(b"", 0x6986)  # no file selected
            offset = (p1 << 8) | p2
            if p1 & 0x80 or offset > len(self.current):
                return channel.protect_response(b"", SW_WRONG_P1P2)
            chunk = self.current[offset:offset + (le or 256)]
            return channel.protect_response(chunk, SW_OK if len(chunk) == (le or 256) else 0x6282)
        return channel.protect_response(b"", SW_INS)


class VirtualCard:
    """Plugs an ``EmrtdCard`` into vpcd over TCP; ``start()`` runs it on a daemon thread."""

    def __init__(self, card: EmulatedCard, *, host: str = "127.0.0.1", port: int = VPCD_PORT,
                 remove_after: int | None = None):
        self.chip = EmrtdCard(card)
        self.host, self.port, self.remove_after = host, port, remove_after
        self.apdus = 0
        self.messages = 0  # everything vpcd sent, control codes included
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.error: BaseException | None = None

    def connect(self, timeout: float = 10.0) -> None:
        self._sock = socket.create_connection((self.host, self.port), timeout=timeout)
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # one small answer per command
        self._sock.settimeout(0.5)  # lets serve() notice stop() between messages

    def start(self) -> "VirtualCard":
        self.connect()
        self._thread = threading.Thread(target=self._run, name="virtual-cccd", daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            self.serve()
        except OSError as exc:  # vpcd went away: the card is simply no longer inserted
            self.error = exc

    def serve(self) -> None:
        while not self._stop.is_set():
            message = self._receive()
            if message is None:
                return
            self.messages += 1
            if len(message) == 1:
                if message[0] == 4:
                    self._send(ATR)
                elif message[0] in (0, 1, 2):
                    self.chip.reset()
                continue
            self.apdus += 1
            if self.remove_after is not None and self.apdus > self.remove_after:
                self.close()
                return
            self._send(self.chip.process(message))

    def _receive(self) -> bytes | None:
        header = self._exactly(2)
        if header is None:
            return None
        (length,) = struct.unpack(">H", header)
        return self._exactly(length)

    def _exactly(self, count: int) -> bytes | None:
        buffer = b""
        while len(buffer) < count:
            if self._stop.is_set() or self._sock is None:
                return None
            try:
                part = self._sock.recv(count - len(buffer))
            except socket.timeout:
                continue
            if not part:
                return None
            buffer += part
        return buffer

    def _send(self, payload: bytes) -> None:
        assert self._sock is not None
        self._sock.sendall(struct.pack(">H", len(payload)) + payload)

    def close(self) -> None:
        """Take the card off the reader."""
        self._stop.set()
        if self._sock is not None:
            try:
                self._sock.close()
            finally:
                self._sock = None

    def stop(self, timeout: float = 5.0) -> None:
        self.close()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
