"""Typed errors of the core.

Each carries a stable ``code`` that the UI maps to a translated, Vietnamese message
telling the officer what to do next, and an English ``message`` for the CLI and logs.
"""
from __future__ import annotations


class CounterError(Exception):
    code = "error"

    def __init__(self, message: str, **details):
        super().__init__(message)
        self.message = message
        self.details = details


class InvalidInput(CounterError):
    code = "invalid_input"


class InvalidDate(InvalidInput):
    code = "invalid_date"


class UnknownProcedure(CounterError):
    code = "unknown_procedure"


class UnknownDossier(CounterError):
    code = "unknown_dossier"


class CatalogFormatError(InvalidInput):
    code = "catalog_format"


class DuplicateImport(CounterError):
    code = "duplicate_import"


class ForbiddenTransition(CounterError):
    code = "forbidden_transition"


class WorkspaceError(CounterError):
    code = "workspace"


class WorkspaceReadOnly(WorkspaceError):
    code = "workspace_read_only"


class DiskFull(WorkspaceError):
    code = "disk_full"


class CodeSpaceExhausted(CounterError):
    code = "code_space_exhausted"


class DeviceError(CounterError):
    code = "device"


class PrinterOffline(DeviceError):
    code = "printer_offline"


class PaperOut(DeviceError):
    code = "paper_out"


class UnknownFormTemplate(InvalidInput):
    code = "unknown_form_template"


class InvalidFormTemplate(InvalidInput):
    """A shipped template file is unreadable or malformed (fix the file, not the data)."""

    code = "invalid_form_template"


class CalendarFormatError(InvalidInput):
    code = "calendar_format"


# --- Signing (PKCS#11 tokens, PAdES). Details never carry the PIN. ---


class SigningFailed(DeviceError):
    code = "signing_failed"


class TokenNotFound(SigningFailed):
    """No token (or no key with the requested ID) is plugged in, or it was pulled out."""

    code = "token_not_found"


class WrongPin(SigningFailed):
    """``details["tries_left"]`` is 1 on the final try, else None (PKCS#11 gives no count)."""

    code = "wrong_pin"


class TokenLocked(SigningFailed):
    code = "token_locked"


class CertificateInvalid(SigningFailed):
    code = "certificate_invalid"


class CertificateExpired(CertificateInvalid):
    code = "certificate_expired"


class CertificateNotYetValid(CertificateInvalid):
    code = "certificate_not_yet_valid"


class KeyUsageNotSigning(CertificateInvalid):
    code = "key_usage_not_signing"


class PdfError(InvalidInput):
    code = "pdf"


class PdfDamaged(PdfError):
    code = "pdf_damaged"


class PdfEncrypted(PdfError):
    code = "pdf_encrypted"


class UnknownQueueService(InvalidInput):
    code = "unknown_queue_service"


class UnknownTicket(CounterError):
    code = "unknown_ticket"


class ForbiddenQueueAction(ForbiddenTransition):
    """A counter action that the ticket's or the counter's state does not allow."""

    code = "queue_forbidden"


class PrinterCoverOpen(PrinterOffline):
    """A subclass of PrinterOffline so callers that only know "offline" still stop and reprint."""

    code = "printer_cover_open"


class KeyNotFound(TokenNotFound):
    """The token is there but holds no signing key/certificate with the requested ID."""

    code = "key_not_found"


# --- Capture: ID card QR and scanners. ---


class QrUnreadable(InvalidInput):
    """No QR code could be read (image too blurred/dark, or the scan was cut short)."""

    code = "qr_unreadable"


class QrNotCccd(InvalidInput):
    """A QR code was read but it is not the QR of a citizen ID card (CCCD)."""

    code = "qr_not_cccd"


class ImageUnreadable(InvalidInput):
    """An image or PDF file that cannot be opened (damaged, wrong type)."""

    code = "image_unreadable"


class ScannerError(DeviceError):
    code = "scanner"


class ScannerNotFound(ScannerError):
    code = "scanner_not_found"


class ScannerJammed(ScannerError):
    """Paper jam or cover open mid-batch; ``details["pages_done"]`` pages were kept."""

    code = "scan_paper_jam"


class ScanCancelled(ScannerError):
    code = "scan_cancelled"
