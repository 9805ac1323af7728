"""ESC/POS ticket printers through python-escpos: network (TCP 9100), USB, serial, Windows spooler.

Each job opens the transport, asks the printer's real-time status where the link
answers back (DLE EOT), sends the ticket as one GS v 0 raster image, cuts, and closes
again, so a network printer shared by several counters is free between tickets.
Transport failures become ``PrinterOffline`` / ``PaperOut`` / ``PrinterCoverOpen`` with a
message saying what to do; the ticket itself is already stored and can be reprinted.
"""
from __future__ import annotations

import copy
import io
import socket
import sys

from PIL import Image

from counter_app.errors import DeviceError, PaperOut, PrinterCoverOpen, PrinterOffline
from counter_app.ports import DeviceState, DeviceStatus
from devices.printers import escpos_status

DEFAULT_PROFILE = "TM-T20II"  # a common 80 mm, 203 dpi printer; the width is set per adapter below


def make_profile(name: str, width_dots: int):
    """A python-escpos profile with our paper width (its class data is shared, so copy first)."""
    from escpos.capabilities import get_profile

    profile = get_profile(name)
    data = copy.deepcopy(profile.profile_data)
    data["media"]["width"]["pixels"] = width_dots
    profile.profile_data = data
    return profile


class EscposPrinter:
    """Base of the ESC/POS adapters; subclasses only build the python-escpos transport."""

    name = "escpos"
    bidirectional = True  # can the printer's status replies reach us over this link?

    def __init__(self, *, width_dots: int = 576, profile: str = DEFAULT_PROFILE, check_status: bool = True,
                 status_timeout: float = 1.0, cut: str = "PART", native_qr: bool = False):
        self.width_dots, self.profile_name = int(width_dots), profile
        self.check_status, self.status_timeout = check_status, float(status_timeout)
        self.cut_mode, self.native_qr = cut, native_qr

    # -- what subclasses provide ----------------------------------------------------------------

    def _driver(self):
        raise NotImplementedError

    def _prepare_read(self, driver) -> None:
        """Bound the wait for a status reply (transport specific)."""

    def where(self) -> str:
        return self.name

    def _read_reply(self, driver) -> bytes:
        return driver._read()

    def _reply_byte(self, driver) -> int | None:
        try:
            data = self._read_reply(driver)
        except Exception:  # a timeout or a transport without a back channel: no answer
            return None
        return data[0] if data else None

    # -- the port -------------------------------------------------------------------------------

    def status(self) -> DeviceStatus:
        if not self.bidirectional:
            return DeviceStatus(DeviceState.UNKNOWN, f"{self.where()}: this link does not report printer status")
        try:
            driver = self._open()
        except PrinterOffline as exc:
            return DeviceStatus(DeviceState.OFFLINE, exc.message)
        try:
            return self._query(driver)
        finally:
            _close_quietly(driver)

    def print_image(self, png: bytes, *, cut: bool = True, qr_text: str | None = None) -> None:
        """Print a PNG at most ``width_dots`` wide; ``qr_text`` adds a native QR (printer-drawn) below it."""
        image = Image.open(io.BytesIO(png))
        if image.width > self.width_dots:
            raise ValueError(f"image is {image.width} dots wide; this printer prints {self.width_dots}")
        driver = self._open()
        try:
            if self.check_status and self.bidirectional:
                raise_for(self._query(driver))
            driver.hw("INIT")
            driver.image(image.convert("1"), impl="bitImageRaster", fragment_height=960)
            if qr_text:
                driver.qr(qr_text, native=True, size=6, ec=1)  # ec=1: level M
            if cut:
                driver.cut(mode=self.cut_mode)
        except (OSError, socket.timeout) as exc:
            raise PrinterOffline(f"The printer stopped answering while printing ({self.where()}: {exc}). "
                                 "Check it, then reprint the ticket.") from exc
        finally:
            _close_quietly(driver)

    # -- helpers --------------------------------------------------------------------------------

    def _open(self):
        try:
            driver = self._driver()
            driver.profile = make_profile(self.profile_name, self.width_dots)
            driver.open()
        except DeviceError:
            raise
        except Exception as exc:  # each transport library raises its own kinds: all mean "not reachable"
            raise PrinterOffline(f"Cannot reach the printer at {self.where()}: switch it on and check its "
                                 f"cable or network, then reprint. ({exc})") from exc
        return driver

    def _query(self, driver) -> DeviceStatus:
        self._prepare_read(driver)
        replies = {}
        for n in escpos_status.QUERIES:
            driver._raw(escpos_status.query(n))
            replies[n] = self._reply_byte(driver)
            if replies[n] is None:  # a silent printer stays silent: don't wait three times
                break
        return escpos_status.parse_status(replies)


def raise_for(status: DeviceStatus) -> None:
    """Stop a job the printer cannot print (it would be lost in its buffer or come out half)."""
    if status.state is DeviceState.PAPER_OUT:
        raise PaperOut("The printer is out of paper: load a new roll, then reprint the ticket.")
    if status.state is DeviceState.COVER_OPEN:
        raise PrinterCoverOpen("The printer cover is open: close it, then reprint the ticket.")
    if status.state is DeviceState.OFFLINE:
        raise PrinterOffline(f"The printer is offline ({status.detail}): check it, then reprint the ticket.")


def _close_quietly(driver) -> None:
    try:
        driver.close()
    except Exception:
        pass  # closing a dead link must not hide the error that killed it


class NetworkPrinter(EscposPrinter):
    """A printer on the LAN, raw TCP (JetDirect, port 9100)."""

    name = "escpos-network"

    def __init__(self, host: str, port: int = 9100, *, timeout: float = 3.0, **options):
        super().__init__(**options)
        self.host, self.port, self.timeout = host, int(port), float(timeout)

    def where(self) -> str:
        return f"tcp://{self.host}:{self.port}"

    def _driver(self):
        from escpos.printer import Network

        return Network(self.host, self.port, timeout=self.timeout)

    def _prepare_read(self, driver) -> None:
        driver.device.settimeout(self.status_timeout)

    def _open(self):
        driver = super()._open()
        if not driver.device:  # python-escpos leaves None behind when it only logged the failure
            raise PrinterOffline(f"Cannot reach the printer at {self.where()}.")
        driver.device.settimeout(self.timeout)
        return driver


class UsbPrinter(EscposPrinter):
    """A USB printer by vendor and product id (libusb; on Windows a WinUSB/libusbK driver)."""

    name = "escpos-usb"

    def __init__(self, vendor_id: int | str, product_id: int | str, *, in_ep: int | str = 0x82,
                 out_ep: int | str = 0x01, timeout_ms: int = 2000, **options):
        super().__init__(**options)
        self.vendor_id, self.product_id = _int(vendor_id), _int(product_id)
        self.in_ep, self.out_ep, self.timeout_ms = _int(in_ep), _int(out_ep), int(timeout_ms)

    def where(self) -> str:
        return f"usb://{self.vendor_id:04x}:{self.product_id:04x}"

    def _driver(self):
        from escpos.printer import Usb

        return Usb(self.vendor_id, self.product_id, timeout=self.timeout_ms, in_ep=self.in_ep, out_ep=self.out_ep)


class SerialPrinter(EscposPrinter):
    """A printer on a serial port (or a USB-serial adapter)."""

    name = "escpos-serial"

    def __init__(self, devfile: str, baudrate: int = 9600, *, dsrdtr: bool = True, xonxoff: bool = False,
                 **options):
        super().__init__(**options)
        self.devfile, self.baudrate, self.dsrdtr, self.xonxoff = devfile, int(baudrate), dsrdtr, xonxoff

    def where(self) -> str:
        return f"serial://{self.devfile}"

    def _driver(self):
        from escpos.printer import Serial

        return Serial(self.devfile, self.baudrate, timeout=self.status_timeout, dsrdtr=self.dsrdtr,
                      xonxoff=self.xonxoff)

    def _read_reply(self, driver) -> bytes:
        return driver.device.read(1)  # python-escpos asks for 16 and so always waits the full timeout


class SpoolerPrinter(EscposPrinter):
    """A printer installed in Windows, fed raw ESC/POS through the spooler (pywin32).

    The spooler is one-way: no DLE EOT replies; the spooler's own flags are read instead.
    """

    name = "escpos-win32"
    bidirectional = False

    def __init__(self, printer_name: str = "", **options):
        super().__init__(**options)
        self.printer_name = printer_name

    def where(self) -> str:
        return f"win32://{self.printer_name or 'default printer'}"

    def _driver(self):
        if sys.platform != "win32":
            raise DeviceError("The Windows print spooler exists only on Windows: choose another printer adapter.")
        from escpos.printer import Win32Raw  # imports pywin32, present only on Windows builds

        return Win32Raw(self.printer_name)

    def status(self) -> DeviceStatus:
        if sys.platform != "win32":
            return DeviceStatus(DeviceState.OFFLINE, "the Windows print spooler exists only on Windows")
        import win32print

        handle = win32print.OpenPrinter(self.printer_name or win32print.GetDefaultPrinter())
        try:
            return escpos_status.spooler_status(win32print.GetPrinter(handle, 2)["Status"])
        finally:
            win32print.ClosePrinter(handle)


def _int(value: int | str) -> int:
    return value if isinstance(value, int) else int(str(value), 0)
