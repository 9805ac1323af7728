"""Ports: what the core expects of devices and services, implemented in ``devices/`` and ``sync/``.

Every port has a simulated adapter, so the app runs on a laptop with nothing plugged in.
Adapters register under a name (entry point group ``counter_app.<port>s``) and are
chosen by the workspace settings, never by ``if`` chains in the core.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Callable, Protocol, Sequence, runtime_checkable


class DeviceState(str, Enum):
    READY = "ready"
    OFFLINE = "offline"
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class DeviceStatus:
    state: DeviceState
    detail: str = ""

    @property
    def ready(self) -> bool:
        return self.state is DeviceState.READY


@runtime_checkable
class Printer(Protocol):
    """A receipt/ticket printer that prints 1-bit raster images (Vietnamese text as pixels)."""

    name: str
    width_dots: int

    def status(self) -> DeviceStatus: ...

    def print_image(self, png: bytes, *, cut: bool = True) -> None:
        """Print a PNG already sized to ``width_dots``; raises PrinterOffline / PaperOut."""
        ...


@dataclass(frozen=True)
class DeviceCheck:
    """One line of ``counter-app doctor``: a configured device and what to do about it."""

    kind: str
    name: str
    ok: bool
    detail: str


@dataclass(frozen=True)
class SignatureSpec:
    """What a visible signature says and where it goes; the signer adds the local signing time.

    ``field_name`` names an existing empty signature field, or the new one created at
    ``box`` (x1, y1, x2, y2 in PDF points) on ``page`` (0-based, -1 = last page).
    """

    signer_name: str = ""  # empty: the certificate's common name
    role: str = ""
    agency: str = ""
    field_name: str | None = None
    box: tuple[float, float, float, float] | None = None
    page: int = -1
    reason: str = ""
    location: str = ""


@dataclass(frozen=True)
class SignJob:
    source: Path
    output: Path


@dataclass(frozen=True)
class SignOutcome:
    """Result of one file of a batch: ``done`` files are complete; the others can be re-run."""

    source: Path
    output: Path
    done: bool
    signed_at: datetime | None = None  # local time with offset, as shown on the stamp
    error: str = ""  # the typed error's code when not done
    message: str = ""


@runtime_checkable
class Signer(Protocol):
    """Signs PDFs (PAdES B-B, visible stamp) with one key: a PKCS#11 token or a software twin.

    ``sign_batch`` opens one session (one PIN entry) for all jobs. Before writing anything
    it raises WrongPin, TokenLocked, TokenNotFound, CertificateExpired/NotYetValid or
    KeyUsageNotSigning. Per-file problems (PdfDamaged, PdfEncrypted) are reported in that
    file's outcome; if the token goes away mid-batch, the files already signed are kept
    and the rest come back ``done=False`` with error ``token_not_found``, ready to re-run.
    The PIN is used for the session only, never stored or logged.
    """

    name: str

    def status(self) -> DeviceStatus: ...

    def sign_batch(self, jobs: Sequence[SignJob], spec: SignatureSpec, *, pin: str | None,
                   progress: Callable[[int, int], None] | None = None) -> list[SignOutcome]: ...


@runtime_checkable
class Voice(Protocol):
    """Speaks queue calls ("Mời số A012 đến quầy số 3") in Vietnamese, offline.

    ``say`` may take seconds (synthesis, then playback): callers run it on a worker
    thread, never on the UI thread. A voice that is switched off says nothing.
    """

    name: str
    enabled: bool
    volume: int  # 0–100

    def status(self) -> DeviceStatus: ...

    def say(self, text: str, *, chime: bool = True) -> None: ...


# --- Capture: ID card QR and scanners. ---


@runtime_checkable
class QrReader(Protocol):
    """Finds a QR code in an image (a file path, encoded image bytes, a PIL image or a numpy frame).

    Returns the payload's raw bytes (CCCD codes carry UTF-8 without an ECI header, so the
    caller decodes: ``counter_app.idcard.parse_cccd``). Raises QrUnreadable when no code is
    found, ImageUnreadable when the file is not an image.
    """

    name: str

    def decode(self, image: object) -> bytes: ...


class ScanSource(str, Enum):
    FLATBED = "flatbed"
    ADF = "adf"  # automatic document feeder, one side
    DUPLEX = "duplex"


class ScanMode(str, Enum):
    COLOR = "color"
    GRAY = "gray"
    LINEART = "lineart"  # black and white, 1 bit


@dataclass(frozen=True)
class ScanProfile:
    """Named scan settings per document type; page size in millimetres (A4 by default)."""

    name: str = "default"
    source: ScanSource = ScanSource.FLATBED
    resolution: int = 200
    mode: ScanMode = ScanMode.GRAY
    page_size_mm: tuple[float, float] = (210.0, 297.0)
    max_pages: int = 0  # 0: until the feeder is empty (flatbed: 1)


@dataclass(frozen=True)
class ScannerInfo:
    id: str  # what ``scan(device=...)`` takes, e.g. "test:0" for SANE
    vendor: str = ""
    model: str = ""
    kind: str = ""


@dataclass(frozen=True)
class ScannedPage:
    """One page as an encoded image (PNG, or JPEG for file imports), with its resolution."""

    image: bytes
    dpi: int
    mime: str = "image/png"


class CancelToken:
    """Set by the UI thread, read by the scan worker between pages (and between lines if it can)."""

    def __init__(self) -> None:
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


@runtime_checkable
class Scanner(Protocol):
    """A scanner (or a stand-in: file import, simulated). Runs on a device worker, never the UI thread.

    ``scan`` calls ``progress(page_number, page)`` after each page and returns all pages.
    Raises ScannerNotFound, ScannerJammed (``details["pages"]`` holds the pages already
    scanned, so nothing is lost) or ScanCancelled (same ``pages`` detail).
    """

    name: str

    def devices(self) -> list[ScannerInfo]: ...

    def scan(self, device: str, profile: ScanProfile, *,
             progress: Callable[[int, ScannedPage], None] | None = None,
             cancel: CancelToken | None = None) -> list[ScannedPage]: ...


@runtime_checkable
class Camera(Protocol):
    """A live picture source: document camera, webcam, phone stream or the simulated twin.

    Frames are numpy ``uint8`` arrays H×W×3 in BGR order (OpenCV's). All calls run on a
    device worker, never the UI thread. ``open`` raises CameraNotFound; ``read`` returns the
    newest frame and raises CameraDisconnected when the camera stops sending pictures.
    """

    name: str

    def status(self) -> DeviceStatus: ...

    def open(self) -> None: ...

    def read(self) -> object: ...

    def close(self) -> None: ...


@runtime_checkable
class ChipReader(Protocol):
    """Reads the CCCD chip (ICAO 9303 eMRTD): BAC with the key typed from the card, then the data groups.

    ``read`` runs on a device worker and returns a ``counter_app.idcard.chip.ChipRecord``
    (passive authentication included). It raises ChipReaderNotFound, ChipCardAbsent,
    ChipAccessDenied (wrong document number / dates), ChipCardRemoved or ChipDataInvalid.
    ``progress(step, done, total)`` names the file being read.
    """

    name: str

    def readers(self) -> list[str]: ...

    def read(self, key: object, *, progress: Callable[[str, int, int], None] | None = None) -> object: ...


@runtime_checkable
class TextRecognizer(Protocol):
    """Offline OCR of one page image into a text-only PDF page (invisible text, render mode 3)
    of the same size, which ``counter_app.capture.ocr`` lays under the scanned image.

    ``text_pdf`` gets the page as PNG bytes and its resolution; it may take seconds, so it
    runs where the PDF is made (a worker, the CLI). It raises OcrUnavailable when the engine
    or its language data is missing, OcrFailed when one page could not be read.
    """

    name: str

    def available(self) -> bool: ...

    def text_pdf(self, png: bytes, dpi: int) -> bytes: ...
