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


class WorkspaceLocked(WorkspaceError):
    """The workspace is encrypted and no key was given (no passphrase, no keyring entry)."""
    code = "workspace_locked"


class WrongKey(WorkspaceLocked):
    """The passphrase or keyring secret does not open this workspace; nothing was changed."""
    code = "wrong_key"


class KeyringUnavailable(WorkspaceLocked):
    """The OS keyring (Secret Service, Windows Credential Locker) cannot be reached."""
    code = "keyring_unavailable"


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


class RemoteSigningUnavailable(SigningFailed):
    """The remote (cloud) signing service could not be reached or failed: sign later or with a token."""

    code = "remote_signing_unavailable"


class RemoteSigningLoginFailed(SigningFailed):
    """The remote signing service refused the officer's account (user name or password)."""

    code = "remote_signing_login_failed"


class RemoteSigningRejected(SigningFailed):
    """The service refused to authorise the signature: wrong signing PIN or one-time code (OTP)."""

    code = "remote_signing_rejected"


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


class StatsExportFailed(WorkspaceError):
    """The statistics workbook could not be written (folder missing or read-only, file open
    elsewhere, disk full); no partial file is left at the target."""

    code = "stats_export_failed"


class QueueHostError(CounterError):
    """The office queue host (another counter PC on the LAN) could not do the request."""

    code = "queue_host"


class QueueHostUnreachable(QueueHostError):
    """No answer from the queue host; nothing was changed by this request (retry is safe)."""

    code = "queue_host_unreachable"


class WrongOfficeKey(QueueHostError):
    """The host refused the request's signature: this PC's office key is not the host's."""

    code = "wrong_office_key"


class QueueAccessRevoked(WrongOfficeKey):
    """The host knows this PC's queue key but its access was revoked (queue revoke NAME)."""

    code = "queue_access_revoked"


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


class ScannerBusy(ScannerError):
    """The scanner kept answering "busy" (another job, warming up) after every retry."""

    code = "scanner_busy"


class ScannerDisconnected(ScannerError):
    """The scanner went away mid-batch (network lost, switched off); ``details["pages"]`` are kept."""

    code = "scanner_disconnected"


class OcrUnavailable(DeviceError):
    """The OCR engine (or its language data) is not installed: the PDF is made without a text layer."""

    code = "ocr_unavailable"


class OcrFailed(DeviceError):
    """The OCR engine could not read one page (crash, timeout): that page gets no text layer."""

    code = "ocr_failed"


class ScanFeederEmpty(ScannerError):
    """A feeder profile was chosen but no paper is in the feeder."""

    code = "scan_feeder_empty"


class UnknownScanProfile(InvalidInput):
    """No scan profile has this name; ``details["available"]`` lists the names there are."""

    code = "scan_profile_unknown"


class QrReaderError(DeviceError):
    """The serial (USB-CDC) 2D barcode scanner failed."""

    code = "qr_reader"


class QrReaderNotFound(QrReaderError):
    """The serial port of the 2D barcode scanner does not exist or cannot be opened."""

    code = "qr_reader_not_found"


class PageStoreFull(DiskFull):
    """No room left for one more captured page; the pages already captured are kept."""

    code = "scan_disk_full"


class UnknownSeparator(InvalidInput):
    """A separator sheet (QR ``QMC-SEP|<code>``) names a component the dossier does not have."""

    code = "scan_separator_unknown"


class CameraError(DeviceError):
    code = "camera"


class CameraNotFound(CameraError):
    """No camera at the configured index or address (unplugged, in use by another program)."""

    code = "camera_not_found"


class CameraNotConfigured(CameraNotFound):
    """This counter's settings name no document camera (devices.camera empty or "none")."""

    code = "camera_not_configured"


class CameraDisconnected(CameraError):
    """The camera stopped sending pictures (unplugged, stream ended); pages already captured are kept."""

    code = "camera_disconnected"


# --- Officer accounts and permissions (``counter_app.accounts``). ---


class PermissionDenied(CounterError):
    """The logged-in officer's roles do not allow this action (``details["permission"]``)."""

    code = "permission_denied"


class LoginRequired(PermissionDenied):
    """Accounts exist but nobody is logged in (or the screen is locked)."""

    code = "login_required"


class LoginFailed(CounterError):
    """Unknown user or wrong password (never says which); ``details["tries_left"]`` or None."""

    code = "login_failed"


class AccountRevoked(LoginFailed):
    code = "account_revoked"


class AccountLocked(LoginFailed):
    """Too many wrong passwords; ``details["until"]`` is when trying again is allowed."""

    code = "account_locked"


# --- Citizen ID card chip (ICAO 9303 over PC/SC). ---


class ChipError(DeviceError):
    code = "chip"


class ChipReaderNotFound(ChipError):
    """No PC/SC reader (or not the configured one); ``details["readers"]`` lists those seen."""

    code = "chip_reader_not_found"


class ChipReaderNotConfigured(ChipReaderNotFound):
    """This counter's settings name no chip reader (devices.chip_reader empty or "none")."""

    code = "chip_reader_not_configured"


class ChipCardAbsent(ChipError):
    code = "chip_card_absent"


class ChipAccessDenied(ChipError):
    """BAC failed: the document number, birth date or expiry date typed does not match the card."""

    code = "chip_access_denied"


class ChipCardRemoved(ChipError):
    """The card left the reader (or the link broke) while it was being read; nothing was kept."""

    code = "chip_card_removed"


class ChipDataInvalid(ChipError):
    """The chip answered with damaged or malformed data, or its data fails passive authentication."""

    code = "chip_data_invalid"


# -- scheduled backups and the view audit (counter_app.backup_schedule, counter_app.view_audit) --

class BackupFailed(WorkspaceError):
    """A backup could not be made; the workspace and the earlier backups are untouched."""
    code = "backup_failed"


class BackupDestinationMissing(BackupFailed):
    """The backup folder is not there (USB drive not plugged in, second disk not mounted)."""
    code = "backup_destination_missing"


class BackupDestinationFull(DiskFull):
    """The backup drive is full; the half-written backup was removed."""
    code = "backup_destination_full"


class BackupNotConfigured(InvalidInput):
    code = "backup_not_configured"
