"""Workspace settings: who this office and counter are, and how they work.

Stored as JSON values in the ``settings`` table so they travel with the database
(and its backups). Unknown keys are kept untouched, so a newer app version can add
settings without an older one losing them.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.errors import InvalidInput
from counter_app.storage.models import Setting

DEFAULT_CODE_PATTERN = "{agency}-{date:%y%m%d}-{seq:04d}"


@dataclass
class OfficeSettings:
    agency_id: str = "000.00.00.H00"
    agency_name: str = "UBND xã"
    parent_name: str = "UBND TỈNH"
    unit_name: str = "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"
    place_name: str = ""
    phone: str = ""


@dataclass
class WorkstationSettings:
    # Unique within the office: it picks this counter's range of dossier numbers.
    slot: int = 1
    name: str = "Máy 1"
    counter_label: str = "Quầy 1"
    officer_name: str = "Cán bộ một cửa"
    officer_phone: str = ""


@dataclass
class RulesSettings:
    code_pattern: str = DEFAULT_CODE_PATTERN
    morning: tuple[str, str] = ("07:30", "11:30")
    afternoon: tuple[str, str] = ("13:30", "17:00")
    due_clock: str | None = None  # fixed appointment time of day, e.g. "16:00"
    default_cutoff: str | None = None  # applies when a procedure declares none
    culture_day_off: bool = False  # 24/11, see DOMAIN.md (verify)
    national_day_extra: str = "before"  # the day beside 2/9: "before" | "after"
    register_book: str = "Sổ theo dõi hồ sơ"


@dataclass
class DeviceSettings:
    printer: str = "simulated"
    printer_options: dict = field(default_factory=dict)
    # Forms (receipt 01, request 02, refusal 03, the register): Ctrl+P prints them straight to
    # the computer's default printer, without the print dialog (ui.printing).
    print_forms_directly: bool = False
    # Named scan profiles (counter_app.capture.profiles): empty = the built-in defaults.
    scan_profiles: list = field(default_factory=list)
    # Paper (procedure component) name → the profile it is scanned with by default.
    scan_profile_defaults: dict = field(default_factory=dict)
    # Driverless network scanners (devices.scanners.escl), e.g. ["escl://192.168.1.20:80"].
    escl_scanners: list = field(default_factory=list)
    # 2D barcode scanner in serial/USB-CDC mode (devices.qr.serial_reader), e.g. "/dev/ttyACM0" or "COM5";
    # empty = none (keyboard-wedge scanners need no setting).
    qr_serial_port: str = ""
    qr_serial_baudrate: int = 9600
    # The signing token's PKCS#11 module (the token maker's library, e.g. C:\\Windows\\System32\\eTPKCS11.dll)
    # and, when the token holds several signing keys, the one to use (hex id); "" = no token here.
    signing_module: str = ""
    signing_key_id: str = ""
    # ID card chip reader (entry point group counter_app.chip_readers): "pcsc" with options
    # reader (part of the reader's name) and csca_files (trusted CSCA certificates), or "simulated";
    # "" = none set up (a simulated reader on a real counter would fill in a made-up citizen).
    chip_reader: str = ""
    chip_reader_options: dict = field(default_factory=dict)
    # Document camera (entry point group counter_app.cameras): "opencv" with options such as
    # {"source": 0, "resolution": [1920, 1080]} or {"source": "http://PHONE:8080/video"}.
    camera: str = ""  # "" = none set up
    camera_options: dict = field(default_factory=dict)


@dataclass
class CaptureSettings:
    # OCR text layer in scanned PDFs (devices.ocr): on by default; when the program is not
    # installed the PDF is simply made without text (a note, never an error).
    ocr: bool = True
    ocr_languages: str = "vie+eng"  # Tesseract language codes joined by "+"
    ocr_program: str = ""  # "" = "tesseract" found on PATH; or a full path (e.g. on Windows)


@dataclass
class LanQueueSettings:
    # "local": the queue lives in this workspace (one PC, or this PC hosts it for the office);
    # "client": another counter PC hosts the office queue on the LAN.
    role: str = "local"
    host_url: str = "auto"  # "auto" = find the host by mDNS; or e.g. "http://192.168.1.10:8770"
    office_key: str = ""  # the host's key (counter-app queue key); never sent on the wire


@dataclass
class SecuritySettings:
    # Officer accounts (counter_app.accounts): lock the screen after this many idle minutes
    # (0 = never), and lock an account for lockout_minutes after max_failed_logins wrong passwords.
    idle_lock_minutes: int = 10
    max_failed_logins: int = 5
    lockout_minutes: int = 5


@dataclass
class BackupSettings:
    # Scheduled backups (counter_app.backup_schedule): to ``destination`` (a second disk or a
    # USB drive; the folder must exist when a backup runs) every ``every_hours``, keeping the
    # newest ``keep``. Off until a destination is chosen.
    enabled: bool = False
    destination: str = ""
    every_hours: int = 24
    keep: int = 7


SECTIONS = {
    "office": OfficeSettings,
    "workstation": WorkstationSettings,
    "rules": RulesSettings,
    "devices": DeviceSettings,
    "lan_queue": LanQueueSettings,
    "security": SecuritySettings,
    "backup": BackupSettings,
    "capture": CaptureSettings,
}


@dataclass
class Settings:
    office: OfficeSettings = field(default_factory=OfficeSettings)
    workstation: WorkstationSettings = field(default_factory=WorkstationSettings)
    rules: RulesSettings = field(default_factory=RulesSettings)
    devices: DeviceSettings = field(default_factory=DeviceSettings)
    lan_queue: LanQueueSettings = field(default_factory=LanQueueSettings)
    security: SecuritySettings = field(default_factory=SecuritySettings)
    backup: BackupSettings = field(default_factory=BackupSettings)
    capture: CaptureSettings = field(default_factory=CaptureSettings)


def _section_from(cls, raw: dict):
    known = {f.name for f in fields(cls)}
    values = {k: v for k, v in (raw or {}).items() if k in known}
    for key in ("morning", "afternoon"):
        if key in values and isinstance(values[key], list):
            values[key] = tuple(values[key])
    return cls(**values)


def load_settings(session: Session) -> Settings:
    stored = {row.key: row.value for row in session.scalars(select(Setting))}
    return Settings(**{name: _section_from(cls, stored.get(name, {})) for name, cls in SECTIONS.items()})


def save_settings(session: Session, settings: Settings) -> None:
    validate_settings(settings)
    for name in SECTIONS:
        value = asdict(getattr(settings, name))
        row = session.get(Setting, name)
        if row is None:
            session.add(Setting(key=name, value=value))
        else:
            merged = dict(row.value or {})
            merged.update(value)
            row.value = merged


def validate_settings(settings: Settings) -> None:
    from counter_app.settings_check import settings_problems  # the field-by-field checks, shared with the UI

    problems = settings_problems(settings)
    if problems:
        raise InvalidInput(" ".join(problem.message for problem in problems),
                           problems=[problem.key for problem in problems])
    if "{seq" not in settings.rules.code_pattern:
        raise InvalidInput("The dossier code pattern must contain {seq}.")
    security = settings.security
    for name in ("idle_lock_minutes", "max_failed_logins", "lockout_minutes"):
        value = getattr(security, name)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise InvalidInput(f"security.{name} must be a whole number, 0 or more, got {value!r}.")
    from counter_app.backup_schedule import validate_backup_settings  # late, like scan profiles

    validate_backup_settings(settings.backup)
    from counter_app.capture.profiles import check_component_defaults, scan_profiles  # late: light import

    check_component_defaults(scan_profiles(settings.devices.scan_profiles), settings.devices.scan_profile_defaults)
    escl = settings.devices.escl_scanners
    if not isinstance(escl, list) or not all(isinstance(u, str) and u.startswith(("escl://", "escls://"))
                                             for u in escl):
        raise InvalidInput(f"devices.escl_scanners must be a list of escl://HOST:PORT addresses, got {escl!r}.")
    if not isinstance(settings.devices.print_forms_directly, bool):
        raise InvalidInput(f"devices.print_forms_directly must be true or false, "
                           f"got {settings.devices.print_forms_directly!r}.")
    baud = settings.devices.qr_serial_baudrate
    if not isinstance(settings.devices.qr_serial_port, str) or not isinstance(baud, int) or isinstance(baud, bool) \
            or baud <= 0:
        raise InvalidInput(f"devices.qr_serial_port must be a port name and qr_serial_baudrate a positive number "
                           f"(e.g. 9600), got {settings.devices.qr_serial_port!r} at {baud!r}.")
    capture = settings.capture
    if not isinstance(capture.ocr, bool) or not isinstance(capture.ocr_program, str) \
            or not isinstance(capture.ocr_languages, str) \
            or not all(part.strip() for part in capture.ocr_languages.split("+")):
        raise InvalidInput(f"capture.ocr must be true or false and capture.ocr_languages Tesseract codes such as "
                           f"vie+eng, got {capture.ocr!r} and {capture.ocr_languages!r}.")
    lan = settings.lan_queue
    if lan.role not in ("local", "client"):
        raise InvalidInput(f"lan_queue.role must be local or client, got {lan.role!r}.")
    if lan.role == "client" and not lan.office_key:
        raise InvalidInput("A queue client needs the office key (counter-app queue key on the host).")
    if lan.host_url != "auto" and not lan.host_url.startswith(("http://", "https://")):
        raise InvalidInput(f"lan_queue.host_url must be auto or an http:// address, got {lan.host_url!r}.")


def set_value(settings: Settings, key: str, raw: str) -> Settings:
    """Set ``section.field`` from text (numbers, true/false and null understood); validates."""
    import json

    section_name, _, field_name = key.partition(".")
    section = getattr(settings, section_name, None) if section_name in SECTIONS else None
    if section is None or field_name not in {f.name for f in fields(section)}:
        known = ", ".join(f"{name}.{f.name}" for name, cls in SECTIONS.items() for f in fields(cls))
        raise InvalidInput(f"Unknown setting {key!r}. Known settings: {known}.")
    current = getattr(section, field_name)
    try:
        value = json.loads(raw)
    except ValueError:
        value = raw
    if isinstance(current, str) and not isinstance(value, str):
        value = raw  # e.g. an agency id that looks like a number stays text
    if isinstance(current, tuple) and isinstance(value, list):
        value = tuple(value)
    setattr(section, field_name, value)
    validate_settings(settings)
    return settings
