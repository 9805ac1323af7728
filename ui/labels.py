"""Names the screens show for the core's codes, and the app's date, time and money formats.

Status names follow the national list (their Vietnamese translations must equal
``STATUS_NAMES_VI``, a test checks it); action, channel and copy-kind names are the
counter's usual wording. Dates are dd/mm/yyyy and times HH:mm in every language.
"""
from __future__ import annotations

from datetime import date, datetime

from counter_app.catalog.model import Channel, CopyKind, ProcedureSpec, TimeUnit
from ui.qt import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

STATUS_NAMES = {
    1: QT_TRANSLATE_NOOP("Status", "Registered"),
    2: QT_TRANSLATE_NOOP("Status", "Received"),
    3: QT_TRANSLATE_NOOP("Status", "Not received"),
    4: QT_TRANSLATE_NOOP("Status", "Processing"),
    5: QT_TRANSLATE_NOOP("Status", "Supplement requested"),
    6: QT_TRANSLATE_NOOP("Status", "Financial obligation requested"),
    7: QT_TRANSLATE_NOOP("Status", "Withdrawn by the citizen"),
    8: QT_TRANSLATE_NOOP("Status", "Processing stopped"),
    9: QT_TRANSLATE_NOOP("Status", "Processed"),
    10: QT_TRANSLATE_NOOP("Status", "Result returned"),
}

ACTION_NAMES = {
    "register": QT_TRANSLATE_NOOP("Action", "Registered online"),
    "receive": QT_TRANSLATE_NOOP("Action", "Received (complete)"),
    "receive_incomplete": QT_TRANSLATE_NOOP("Action", "Received, supplement requested"),
    "refuse": QT_TRANSLATE_NOOP("Action", "Refused"),
    "supplement_received": QT_TRANSLATE_NOOP("Action", "Supplement received"),
    "transfer": QT_TRANSLATE_NOOP("Action", "Transferred for processing"),
    "start_processing": QT_TRANSLATE_NOOP("Action", "Processing started"),
    "request_supplement": QT_TRANSLATE_NOOP("Action", "Supplement requested"),
    "request_financial": QT_TRANSLATE_NOOP("Action", "Financial obligation requested"),
    "financial_done": QT_TRANSLATE_NOOP("Action", "Financial obligation fulfilled"),
    "stop": QT_TRANSLATE_NOOP("Action", "Processing stopped"),
    "result_ready": QT_TRANSLATE_NOOP("Action", "Result ready"),
    "return_result": QT_TRANSLATE_NOOP("Action", "Result returned"),
    "withdraw": QT_TRANSLATE_NOOP("Action", "Withdrawn by the citizen"),
    "correct": QT_TRANSLATE_NOOP("Action", "Corrected"),
}

CHANNEL_NAMES = {
    Channel.DIRECT: QT_TRANSLATE_NOOP("Channel", "At the counter"),
    Channel.ONLINE: QT_TRANSLATE_NOOP("Channel", "Online"),
    Channel.POSTAL: QT_TRANSLATE_NOOP("Channel", "By public postal service"),
}

COPY_KIND_NAMES = {
    CopyKind.ORIGINAL: QT_TRANSLATE_NOOP("CopyKind", "Original"),
    CopyKind.COPY: QT_TRANSLATE_NOOP("CopyKind", "Copy"),
    CopyKind.CERTIFIED_COPY: QT_TRANSLATE_NOOP("CopyKind", "Certified copy"),
    CopyKind.ORIGINAL_OR_COPY: QT_TRANSLATE_NOOP("CopyKind", "Original or copy"),
    CopyKind.PRESENT_ORIGINAL: QT_TRANSLATE_NOOP("CopyKind", "Present the original"),
}

FORM_TITLES = {
    "01": QT_TRANSLATE_NOOP("Form", "Form 01: receipt and appointment"),
    "02": QT_TRANSLATE_NOOP("Form", "Form 02: request to supplement the dossier"),
    "03": QT_TRANSLATE_NOOP("Form", "Form 03: refusal to receive the dossier"),
}

# Kinds of documents kept with a dossier (besides forms): the screens never show the code.
DOCUMENT_NAMES = {
    "scan": QT_TRANSLATE_NOOP("Document", "Scanned papers"),
    "other": QT_TRANSLATE_NOOP("Document", "Other document"),
}

# PAdES signature levels, in words an officer understands (the code stays beside them).
SIGNATURE_LEVEL_NAMES = {
    "B-B": QT_TRANSLATE_NOOP("SignatureLevel", "signed, no trusted timestamp yet"),
    "B-T": QT_TRANSLATE_NOOP("SignatureLevel", "signed, with a trusted timestamp"),
    "B-LT": QT_TRANSLATE_NOOP("SignatureLevel",
                              "timestamp and revocation data inside the file: can be checked for years"),
    "B-LTA": QT_TRANSLATE_NOOP("SignatureLevel", "like B-LT, with an archive timestamp"),
}

# Names the device adapters give their built-in devices (English, in devices/): the screens show
# these translations instead. A real device's own model name is shown as it is.
DEVICE_NAMES = {
    "Simulated feeder scanner": QT_TRANSLATE_NOOP("Device", "Simulated feeder scanner (training)"),
    "Simulated document camera": QT_TRANSLATE_NOOP("Device", "Simulated document camera (training)"),
    "Simulated ID chip reader": QT_TRANSLATE_NOOP("Device", "Simulated ID chip reader (training)"),
    "Document camera": QT_TRANSLATE_NOOP("Device", "Document camera"),
    "eSCL network scanner": QT_TRANSLATE_NOOP("Device", "Network scanner"),
    "Import PDF/JPEG/PNG/TIFF files": QT_TRANSLATE_NOOP("Device", "Import PDF/JPEG/PNG/TIFF files"),
    "Watched folder": QT_TRANSLATE_NOOP("Device", "Watched folder"),
}

SYNC_BADGE_NAMES = {
    "pending": QT_TRANSLATE_NOOP("SyncBadge", "Waiting to be sent"),
    "sending": QT_TRANSLATE_NOOP("SyncBadge", "Sending"),
    "synced": QT_TRANSLATE_NOOP("SyncBadge", "Sent to the province"),
    "rejected": QT_TRANSLATE_NOOP("SyncBadge", "Refused by the province"),
}

# Statuses whose due date still binds: past it, the dossier is overdue.
OPEN_STATUSES = frozenset({2, 4, 5, 6})


def _t(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def status_name(status: int) -> str:
    return _t("Status", STATUS_NAMES.get(int(status), str(status)))


def action_name(action: str) -> str:
    return _t("Action", ACTION_NAMES[action]) if action in ACTION_NAMES else action


def channel_name(channel: int) -> str:
    return _t("Channel", CHANNEL_NAMES[Channel(channel)])


def copy_kind_name(kind: str) -> str:
    try:
        return _t("CopyKind", COPY_KIND_NAMES[CopyKind(kind)])
    except ValueError:
        return kind


def form_title(form_id: str) -> str:
    return _t("Form", FORM_TITLES.get(form_id, form_id))


def form_of_document(kind: str) -> str:
    """A document's name from its kind: ``form_01`` → the form's title, ``scan`` → scanned
    papers, ``signed_…`` → the same name, digitally signed; an unknown kind is "Other document"."""
    if kind.startswith("signed_"):
        unsigned = form_of_document(kind.removeprefix("signed_"))
        return QCoreApplication.translate("Document", "{name} (digitally signed)").format(name=unsigned)
    if kind.startswith("form_") and kind.removeprefix("form_") in FORM_TITLES:
        return form_title(kind.removeprefix("form_"))
    return _t("Document", DOCUMENT_NAMES.get(kind, DOCUMENT_NAMES["other"]))


def device_name(name: str) -> str:
    """The display name of a device an adapter reports (``ScannerInfo.model``) in the UI language."""
    return _t("Device", DEVICE_NAMES[name]) if name in DEVICE_NAMES else name


def signature_level_name(level: str) -> str:
    """``B-B`` → "B-B: signed, no trusted timestamp yet" in the UI language."""
    if level not in SIGNATURE_LEVEL_NAMES:
        return level
    return QCoreApplication.translate("SignatureLevel", "{level}: {meaning}").format(
        level=level, meaning=_t("SignatureLevel", SIGNATURE_LEVEL_NAMES[level]))


def fmt_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def fmt_datetime(value: datetime | None) -> str:
    """``HH:mm dd/mm/yyyy``, the way the one-stop forms write times."""
    return value.strftime("%H:%M %d/%m/%Y") if value else ""


def fmt_number(value: float) -> str:
    return QLocale().toString(float(value), "g", 6) if value != int(value) else QLocale().toString(int(value))


def processing_time_text(spec: ProcedureSpec, channel: Channel = Channel.DIRECT) -> str:
    processing = spec.processing_time(channel)
    if processing is None:
        return "—"
    if processing.amount == 0:
        return QCoreApplication.translate("Labels", "Within the day")
    amount = fmt_number(processing.amount)
    if processing.unit == TimeUnit.WORKING_HOURS:
        return QCoreApplication.translate("Labels", "{amount} working hours").format(amount=amount)
    if processing.unit == TimeUnit.CALENDAR_DAYS:
        return QCoreApplication.translate("Labels", "{amount} days").format(amount=amount)
    return QCoreApplication.translate("Labels", "{amount} working days").format(amount=amount)


def fee_text(spec: ProcedureSpec, channel: Channel = Channel.DIRECT) -> str:
    fee = spec.fee(channel)
    if fee is None or fee.amount_vnd == 0:
        return QCoreApplication.translate("Labels", "Free")
    return QCoreApplication.translate("Labels", "{amount} VND").format(amount=fmt_number(fee.amount_vnd))


def is_overdue(status: int, due_at: datetime | None, now: datetime) -> bool:
    return due_at is not None and int(status) in OPEN_STATUSES and due_at < now


def sync_badge_name(state: str) -> str:
    """The translated label of a dossier's sync badge ("" for a dossier with nothing to send)."""
    return _t("SyncBadge", SYNC_BADGE_NAMES[state]) if state in SYNC_BADGE_NAMES else ""
