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
