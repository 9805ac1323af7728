"""What to tell the officer when something fails: one translated message per error code.

The core raises typed errors with a stable ``code`` and an English ``message`` for logs;
here every code gets a sentence in the officer's language that says what happened and
what to do next. A code without an entry (a newer core, an adapter's own error) falls
back to the message of its nearest known parent class, then to a generic message; the
English detail is kept so support can tell what went wrong.
"""
from __future__ import annotations

from dataclasses import dataclass

from ui.qt import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ErrorMessages"

MESSAGES = {
    "error": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The operation could not be completed. Try again; if it fails again, call IT support."),
    "invalid_input": QT_TRANSLATE_NOOP(
        "ErrorMessages", "Some of the data entered is not valid. Check the highlighted fields and try again."),
    "invalid_date": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The date or time is not valid. Check the date entered and the computer's clock, "
                         "then try again."),
    "unknown_procedure": QT_TRANSLATE_NOOP(
        "ErrorMessages", "This procedure is no longer in the catalogue. Search for the procedure again "
                         "and pick it from the list."),
    "unknown_dossier": QT_TRANSLATE_NOOP(
        "ErrorMessages", "No dossier has this code. Check the code, or search by the applicant's name."),
    "catalog_format": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The catalogue file cannot be read. Ask the province for a correct catalogue file."),
    "duplicate_import": QT_TRANSLATE_NOOP(
        "ErrorMessages", "This catalogue has already been imported. Nothing needs to be done."),
    "forbidden_transition": QT_TRANSLATE_NOOP(
        "ErrorMessages", "This step is not allowed for the dossier's current status (it may have just been "
                         "updated). Reload the dossier and choose again."),
    "workspace": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The data could not be saved or read. Nothing was changed. Try again; if it fails "
                         "again, restart the application and call IT support."),
    "workspace_read_only": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The data folder is read-only: the dossier was not saved. Ask IT support to give "
                         "write access, then try again."),
    "disk_full": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The disk is full: the dossier was not saved. Free some disk space, then try again."),
    "workspace_locked": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The data is encrypted and no key was given. Enter the workspace passphrase, or log "
                         "in to the Windows/Linux account that holds the key, then open the app again."),
    "wrong_key": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The passphrase is wrong: the encrypted data was not opened and nothing was changed. "
                         "Check the passphrase (capital letters, keyboard language) and try again."),
    "keyring_unavailable": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The system key store cannot be reached, so the encrypted data cannot be opened. "
                         "Log in to the computer's account normally (not remotely), then try again, or call "
                         "IT support."),
    "code_space_exhausted": QT_TRANSLATE_NOOP(
        "ErrorMessages", "No dossier numbers are left for today on this computer. Receive the dossier on "
                         "another counter and call IT support."),
    "device": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The device is not responding. Check that it is switched on and connected, "
                         "then try again."),
    "printer_offline": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The printer is not responding. Check that it is on and connected, then print "
                         "again; the dossier is already saved."),
    "paper_out": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The printer is out of paper. Load paper, then print again; the dossier is "
                         "already saved."),
    "unknown_form_template": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The form template is missing. The dossier is saved; call IT support to install "
                         "the forms, then print the form from the dossier."),
    "invalid_form_template": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The form template is damaged. The dossier is saved; call IT support to repair "
                         "the forms, then print the form from the dossier."),
    "printer_cover_open": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The printer's cover is open. Close it, then print again; nothing has been lost."),
    # Signing with a USB token or smart card.
    "signing_failed": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The document could not be signed. Check that the signing token is plugged in, "
                         "then sign again."),
    "token_not_found": QT_TRANSLATE_NOOP(
        "ErrorMessages", "No signing token was found. Plug in the USB token (or insert the card), then sign again."),
    "key_not_found": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The token holds no signing key for this office. Plug in the right token, or ask "
                         "IT support to check the signing settings."),
    "wrong_pin": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The PIN is wrong. Type it again carefully: the token locks after too many wrong tries."),
    "token_locked": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The signing token is locked after too many wrong PINs. Do not try again; ask the "
                         "certificate provider to unlock it."),
    "certificate_invalid": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The signing certificate is not valid. Ask the certificate provider to check or "
                         "renew it."),
    "certificate_expired": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The signing certificate has expired. Ask the certificate provider to renew it, "
                         "then sign again."),
    "certificate_not_yet_valid": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The signing certificate is not valid yet. Check the computer's date and time; if "
                         "they are right, wait for the certificate's start date."),
    "key_usage_not_signing": QT_TRANSLATE_NOOP(
        "ErrorMessages", "This certificate is not meant for signing documents. Choose the signing certificate "
                         "on the token, or ask the certificate provider."),
    # Remote (cloud) signing through the certificate provider's service.
    "remote_signing_unavailable": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The remote signing service cannot be reached. Nothing was signed or lost; sign "
                         "again when the network is back, or sign with a USB token."),
    "remote_signing_login_failed": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The remote signing service refused the account. Check the user name and password "
                         "given by the certificate provider."),
    "remote_signing_rejected": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The remote signing service refused the signing PIN or the one-time code (OTP). "
                         "Nothing was signed; type them again carefully."),
    # Files the officer brings in.
    "pdf": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The PDF file cannot be used. Scan or export the document again, then try again."),
    "pdf_damaged": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The PDF file is damaged. Scan or export the document again, then try again."),
    "pdf_encrypted": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The PDF file is protected by a password. Ask for a copy without a password, or scan "
                         "the paper document."),
    # The queue.
    "unknown_queue_service": QT_TRANSLATE_NOOP(
        "ErrorMessages", "This service is not in the queue settings. Choose a service from the list, or ask "
                         "the administrator to add it."),
    "unknown_ticket": QT_TRANSLATE_NOOP(
        "ErrorMessages", "No ticket has this number today. Check the number on the citizen's ticket."),
    "queue_forbidden": QT_TRANSLATE_NOOP(
        "ErrorMessages", "This step is not possible for the ticket now (it may already have been called or "
                         "served). Look at the queue again and choose again."),
    "stats_export_failed": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The statistics file could not be saved. Close it if it is open in another program, "
                         "or choose another folder (for example Documents), then export again."),
    "queue_host": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The office queue computer could not do this. Try again; if it fails again, restart "
                         "the queue on that computer."),
    "queue_host_unreachable": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The office queue computer does not answer. Check that it is switched on and connected "
                         "to the office network; this screen reconnects by itself and nothing is lost."),
    "wrong_office_key": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The office queue refused this computer: its office key is wrong. Ask the administrator "
                         "to set the office key on this computer again."),
    "queue_access_revoked": QT_TRANSLATE_NOOP(
        "ErrorMessages", "This counter's access to the office queue was revoked. Ask the administrator to give "
                         "this computer a new queue key."),
    "calendar_format": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The calendar file cannot be read. Ask the province for a correct calendar file."),
    # Sync with the provincial system (``sync/errors.py``: the same shape, not CounterError).
    "sync": QT_TRANSLATE_NOOP(
        "ErrorMessages", "Sending to the provincial system failed. Your work is saved on this computer and "
                         "will be sent later."),
    "sync_not_configured": QT_TRANSLATE_NOOP(
        "ErrorMessages", "This counter is not connected to the provincial system yet. Dossiers are kept on "
                         "this computer; ask IT support to set up the connection."),
    "sync_offline": QT_TRANSLATE_NOOP(
        "ErrorMessages", "No connection to the provincial system. Keep working: everything is saved on this "
                         "computer and is sent automatically when the network is back."),
    "sync_server_error": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The provincial system is having problems. Keep working: everything is sent "
                         "automatically later."),
    "sync_bad_answer": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The provincial system sent an answer this counter cannot use, so nothing was marked "
                         "as sent. Keep working: everything is sent again automatically; if this keeps "
                         "happening, call IT support."),
    "server_rejected": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The provincial system refused the data. Call IT support; the dossier stays saved "
                         "on this computer."),
    "sync_credential": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The provincial system no longer recognises this counter. Ask IT support to register "
                         "this computer again; your work stays saved on it."),
    "sync_tls_untrusted": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The provincial server's certificate is not the one this counter trusts, so nothing "
                         "was sent. Ask the province IT team; your work stays saved on this computer."),
    "sync_tls_pin_mismatch": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The provincial server's certificate is not the one this counter trusts (its key does "
                         "not match the pin), so nothing was sent. Ask the province IT team; your work stays "
                         "saved on this computer."),
    "sync_tls_required": QT_TRANSLATE_NOOP(
        "ErrorMessages", "This counter only sends to the provincial server over a secure (https) connection, "
                         "but the address set is not secure. Ask the province IT team for the https address; "
                         "your work stays saved on this computer."),
    # Failures outside the core (files chosen by the officer, printing through the OS).
    "file_write": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The file could not be saved there. Choose another folder (for example Documents) "
                         "and save again."),
    "print_failed": QT_TRANSLATE_NOOP(
        "ErrorMessages", "Printing failed. Check the printer, then print again; the dossier and its form "
                         "are already saved."),
    "open_failed": QT_TRANSLATE_NOOP(
        "ErrorMessages", "No program could open the PDF. Use Save PDF… and open the file from its folder, "
                         "or print it directly."),
    # Capture: the ID card's QR code, scanners and imported files.
    "qr_unreadable": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The ID card's QR code could not be read. Hold the card flat and still, avoid glare, "
                         "and scan again; or type the details from the card."),
    "qr_not_cccd": QT_TRANSLATE_NOOP(
        "ErrorMessages", "This QR code is not the one of a citizen ID card. Scan the QR code in the top right "
                         "corner of the card's front."),
    "image_unreadable": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The file cannot be opened as a picture or PDF. Choose a PDF, JPEG, PNG or TIFF file, "
                         "or scan the paper again."),
    "scanner": QT_TRANSLATE_NOOP(
        "ErrorMessages", "Scanning stopped. The pages already scanned are kept; check the scanner, then scan "
                         "the remaining pages."),
    "scanner_not_found": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The scanner was not found. Check that it is switched on and connected, then choose "
                         "it again in the settings."),
    "scan_paper_jam": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The paper is jammed (or the cover is open). Clear the paper, close the cover, then "
                         "scan the remaining pages; the pages already scanned are kept."),
    "scan_cancelled": QT_TRANSLATE_NOOP(
        "ErrorMessages", "Scanning was cancelled. The pages already scanned are kept."),
    "scanner_busy": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The scanner is busy (another job, or still warming up). Wait a moment, then scan "
                         "again; the pages already scanned are kept."),
    "scanner_disconnected": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The connection to the scanner was lost during the scan. The pages already scanned "
                         "are kept; check that the scanner is on and on the network, then scan the remaining "
                         "pages."),
    "scan_feeder_empty": QT_TRANSLATE_NOOP(
        "ErrorMessages", "There is no paper in the scanner's feeder. Put the pages in the feeder, or choose a "
                         "profile that scans from the glass, then scan again."),
    "ocr_unavailable": QT_TRANSLATE_NOOP(
        "ErrorMessages", "Text recognition (OCR) is not installed on this computer. The PDF was kept without "
                         "searchable text; ask IT support to install Tesseract with Vietnamese if it is needed."),
    "ocr_failed": QT_TRANSLATE_NOOP(
        "ErrorMessages", "Text recognition (OCR) could not read a page. The PDF was kept with that page as a "
                         "picture only; nothing else needs to be done."),
    "scan_profile_unknown": QT_TRANSLATE_NOOP(
        "ErrorMessages", "There is no scan profile with this name. Choose one of the profiles listed, or add "
                         "it under Tools › Scan profiles."),
    "qr_reader": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The barcode scanner stopped working. Check its cable; the app reconnects by itself "
                         "when it is plugged in again. You can also type the details from the card."),
    "qr_reader_not_found": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The barcode scanner was not found on its port. Plug it in (or check the port chosen "
                         "in the settings), then scan the card again."),
    "scan_disk_full": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The disk is full: the last page could not be kept. The pages already captured are "
                         "kept; free some disk space (or delete unneeded pages), then scan the remaining pages."),
    "scan_separator_unknown": QT_TRANSLATE_NOOP(
        "ErrorMessages", "A separator sheet names a paper this dossier does not have. Take that sheet out or "
                         "print the right one, then scan the remaining pages; the pages already scanned are kept."),
    "camera": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The document camera stopped working. The pages already captured are kept; check the "
                         "camera's cable, then open the camera again."),
    "camera_not_found": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The document camera was not found. Check that it is plugged in and not used by another "
                         "program, then choose it again in the settings."),
    "camera_not_configured": QT_TRANSLATE_NOOP(
        "ErrorMessages", "No document camera is set up on this counter. Ask the administrator to choose the "
                         "camera in the settings; meanwhile scan the card's QR code with the handheld scanner "
                         "or type the details from the card."),
    "camera_disconnected": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The document camera stopped sending pictures (unplugged?). The pages already captured "
                         "are kept; plug the camera in again and reopen it."),
    # Citizen ID card chip.
    "chip": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The ID card chip could not be read. Put the card flat on the reader and read again; "
                         "or fill in the details from the card's QR code or by hand."),
    "chip_reader_not_found": QT_TRANSLATE_NOOP(
        "ErrorMessages", "No card reader was found. Check that the reader is plugged in (and its driver "
                         "installed), then read again."),
    "chip_reader_not_configured": QT_TRANSLATE_NOOP(
        "ErrorMessages", "No ID chip reader is set up on this counter. Ask the administrator to choose the "
                         "reader in the settings; meanwhile read the card's QR code or type the details "
                         "from the card."),
    "chip_card_absent": QT_TRANSLATE_NOOP(
        "ErrorMessages", "There is no card on the reader. Put the ID card flat on the reader and read again."),
    "chip_access_denied": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The chip refused the details entered. Check the ID number, the date of birth and "
                         "the expiry date against the card, then read again."),
    "chip_card_removed": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The card was moved away while it was being read. Keep it still on the reader and "
                         "read again; nothing was kept from the broken read."),
    "chip_data_invalid": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The chip's data is damaged or does not match its signature. Do not rely on it: "
                         "check the card itself and fill in the details from the card."),
    # Officer accounts.
    "permission_denied": QT_TRANSLATE_NOOP(
        "ErrorMessages", "Your account is not allowed to do this. Ask an officer with the right role (office "
                         "leader or administrator) to do it; nothing was changed."),
    "login_required": QT_TRANSLATE_NOOP(
        "ErrorMessages", "Log in first: the screen is locked or nobody is logged in. Nothing was changed."),
    "login_failed": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The user name or password is wrong. Check the keyboard language and Caps Lock, then "
                         "type them again."),
    "account_revoked": QT_TRANSLATE_NOOP(
        "ErrorMessages", "This account has been withdrawn by the province and can no longer log in. Ask the "
                         "office administrator."),
    "account_locked": QT_TRANSLATE_NOOP(
        "ErrorMessages", "Too many wrong passwords: this account is locked for a few minutes. Wait, then try "
                         "again, or ask the office administrator."),
    "backup_failed": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The backup could not be made. The data and earlier backups are safe; the app "
                         "tries again later. If it keeps failing, call IT support."),
    "backup_destination_missing": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The backup drive was not found. Plug in the USB drive (or connect the backup disk); "
                         "the app tries again by itself."),
    "backup_destination_full": QT_TRANSLATE_NOOP(
        "ErrorMessages", "The backup drive is full. Keep fewer backups or use a larger drive; nothing was "
                         "lost and the app tries again later."),
    "backup_not_configured": QT_TRANSLATE_NOOP(
        "ErrorMessages", "Automatic backups are not set up. Choose a backup folder in Tools ▸ Backups."),
}


@dataclass(frozen=True)
class UserMessage:
    text: str  # translated: what happened and what to do next
    detail: str = ""  # English, for support

    def full(self) -> str:
        return f"{self.text}\n({self.detail})" if self.detail else self.text


def text_for(code: str) -> str:
    return QCoreApplication.translate(CONTEXT, MESSAGES.get(code, MESSAGES["error"]))


def error_code(error: BaseException) -> str:
    """The most specific code we have a message for (walks up the error's classes).

    Any typed error with a ``code`` counts: the core's ``CounterError`` and the sync
    layer's ``SyncError`` share that shape without sharing a base class.
    """
    if isinstance(error, OSError) and not hasattr(error, "code"):
        return "file_write"
    for cls in type(error).__mro__:
        code = cls.__dict__.get("code")
        if isinstance(code, str) and code in MESSAGES:
            return code
    return "error"


def describe(error: BaseException) -> UserMessage:
    code = error_code(error)
    own_code = getattr(error, "code", None)
    detail = getattr(error, "message", None) or str(error) or type(error).__name__
    # Show the English detail when the message is generic (an unknown or unexpected error),
    # or when it lists what exactly was wrong with the input.
    generic = code == "error" or own_code != code or code in ("invalid_input", "workspace")
    return UserMessage(text_for(code), detail if generic else "")
