"""2D handheld barcode scanners in serial mode (USB-CDC virtual COM port, or RS-232), with pyserial.

The scanner sends each code it reads as one line ended by CR, LF or CR LF. Lines are
split here, the AIM symbology prefix some scanners add (``]Q1``) is dropped, and the
bytes go to the core's CCCD parser, which decodes UTF-8 and repairs text mis-decoded as
Latin-1. A line cut off by the port closing is thrown away, never half-parsed. ``listen``
keeps going when the scanner is unplugged: it reopens the port (same path, e.g.
``/dev/ttyACM0``, ``COM5`` or a ``/dev/serial/by-id/…`` link) once it is back.

Runs on a device worker (``listen`` blocks until ``stop`` is set), never on the UI thread.
"""
from __future__ import annotations

import re
import threading
import time
from typing import Callable

import serial

from counter_app.errors import CounterError, QrReaderError, QrReaderNotFound, QrUnreadable
from counter_app.idcard import parse_cccd
from counter_app.idcard.cccd_qr import CccdData

MAX_LINE = 4096  # a CCCD QR is about 150 bytes; anything this long is noise, not a card
_AIM_PREFIX = re.compile(rb"^\]Q[0-9]")
_TERMINATORS = re.compile(rb"[\r\n]")


class SerialQrReader:
    name = "serial"

    def __init__(self, port: str, baudrate: int = 9600, *, read_timeout: float = 0.2,
                 reconnect_delay: float = 1.0):
        if not port:
            raise QrReaderNotFound("No serial port is set for the barcode scanner (e.g. /dev/ttyACM0 or COM5).")
        self.port, self.baudrate = port, int(baudrate)
        self.read_timeout, self.reconnect_delay = read_timeout, reconnect_delay
        self._serial: serial.Serial | None = None
        self._buffer = bytearray()
        self._overflow = False  # inside a line that is too long: dropped up to its end

    # -- port -----------------------------------------------------------------------------

    def open(self) -> None:
        self.close()
        try:
            self._serial = serial.Serial(self.port, self.baudrate, timeout=self.read_timeout)
        except (serial.SerialException, OSError, ValueError) as exc:
            raise QrReaderNotFound(f"The barcode scanner's port {self.port} cannot be opened: {exc}",
                                   port=self.port) from exc
        self._buffer.clear()
        self._overflow = False

    def close(self) -> None:
        port, self._serial = self._serial, None
        if port is not None:
            try:
                port.close()
            except (serial.SerialException, OSError):
                pass  # already gone with the device

    @property
    def is_open(self) -> bool:
        return self._serial is not None

    # -- reading --------------------------------------------------------------------------

    def read_line(self, timeout: float | None = None) -> bytes | None:
        """The next complete line (without its terminator, AIM prefix dropped), or None when
        ``timeout`` seconds pass first (None: wait for ever). Raises QrReaderError when the
        port goes away (the partial line is dropped) and QrUnreadable for an overlong line."""
        if self._serial is None:
            self.open()
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            line = self._take_line()
            if line is not None:
                return line
            if deadline is not None and time.monotonic() >= deadline:
                return None
            try:
                chunk = self._serial.read(max(1, self._serial.in_waiting or 1))
            except (serial.SerialException, OSError, TypeError, AttributeError) as exc:
                # pyserial raises TypeError/AttributeError when the fd vanished under it.
                dropped = len(self._buffer)
                self.close()
                self._buffer.clear()
                raise QrReaderError(f"The barcode scanner on {self.port} was disconnected"
                                    + (f" (a half-read code of {dropped} bytes was dropped)" if dropped else "")
                                    + f": {exc}", port=self.port, dropped=dropped) from exc
            self._buffer += chunk
            if len(self._buffer) > MAX_LINE and not _TERMINATORS.search(self._buffer):
                self._buffer.clear()
                if not self._overflow:
                    self._overflow = True
                    raise QrUnreadable("The barcode scanner sent a line far too long for an ID card QR: scan "
                                       "the card's QR again.")

    def _take_line(self) -> bytes | None:
        while True:
            match = _TERMINATORS.search(self._buffer)
            if match is None:
                return None
            line = bytes(self._buffer[:match.start()])
            del self._buffer[:match.end()]
            if self._overflow:  # the tail of an overlong line
                self._overflow = False
                continue
            line = _AIM_PREFIX.sub(b"", line.strip(b" \t\x00"))
            if line:  # CR LF leaves an empty line between: skip it
                return line

    def read_card(self, timeout: float | None = None) -> CccdData | None:
        """The next scan parsed as a CCCD QR (QrUnreadable / QrNotCccd for anything else)."""
        line = self.read_line(timeout)
        if line is None:
            return None
        try:
            # As text, so the parser also repairs valid UTF-8 that carries Latin-1 mojibake
            # (a scanner set to a Western code page); bytes are only checked for UTF-8 there.
            return parse_cccd(line.decode("utf-8"))
        except UnicodeDecodeError:
            return parse_cccd(line)

    def listen(self, on_card: Callable[[CccdData], None], on_error: Callable[[CounterError], None],
               stop: threading.Event, on_connected: Callable[[], None] | None = None) -> None:
        """Deliver every card scanned until ``stop`` is set. Bad codes and a lost port go to
        ``on_error`` (once per disconnection); the port is reopened every ``reconnect_delay``
        and ``on_connected`` says when it is open (pyserial empties the input on opening, so
        a code scanned before that is not read: the screen can show "scanner ready")."""
        reported_absent = False
        try:
            while not stop.is_set():
                if self._serial is None:
                    try:
                        self.open()
                        reported_absent = False
                        if on_connected:
                            on_connected()
                    except QrReaderNotFound as exc:
                        if not reported_absent:
                            on_error(exc)
                            reported_absent = True
                        stop.wait(self.reconnect_delay)
                        continue
                try:
                    card = self.read_card(timeout=self.read_timeout)
                except QrReaderError as exc:
                    on_error(exc)
                    reported_absent = True  # the next failed reopen is the same problem: say it once
                    stop.wait(self.reconnect_delay)
                    continue
                except CounterError as exc:  # unreadable, not a CCCD: the officer scans again
                    on_error(exc)
                    continue
                if card is not None:
                    on_card(card)
        finally:
            self.close()


class SerialQrListener:
    """``SerialQrReader.listen`` on a thread of its own, for the app: ``start`` / ``stop``.

    The callbacks run on that thread; a Qt screen connects them to signals (queued to the
    UI thread), e.g. ``SerialQrListener(reader, bridge.card.emit, bridge.error.emit)``."""

    def __init__(self, reader: SerialQrReader, on_card: Callable[[CccdData], None],
                 on_error: Callable[[CounterError], None], on_connected: Callable[[], None] | None = None):
        self.reader, self.on_card, self.on_error, self.on_connected = reader, on_card, on_error, on_connected
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> "SerialQrListener":
        if self._thread is None or not self._thread.is_alive():
            self._stop.clear()
            self._thread = threading.Thread(target=self.reader.listen, name="serial-qr",
                                            args=(self.on_card, self.on_error, self._stop),
                                            kwargs={"on_connected": self.on_connected}, daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop listening and close the port; False if the thread did not end within ``timeout``."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True


def reader_from_settings(devices) -> SerialQrReader | None:
    """The reader of settings ``devices.qr_serial_port`` / ``qr_serial_baudrate``; None when no port is set."""
    port = getattr(devices, "qr_serial_port", "")
    return SerialQrReader(port, getattr(devices, "qr_serial_baudrate", 9600)) if port else None
