"""Every problem of a Settings object, each tied to the setting it is about.

The CLI prints the English ``message``; the settings dialog shows its own words for the
``code`` next to the field named by ``key``. Which device adapters are installed is known
only to the composition root (entry points), so it is passed in as ``AdapterNames``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# Decision 20/2020/QĐ-TTg: LLL.KK.JJ.Xnn (see DOMAIN.md), e.g. 000.00.31.H41.
AGENCY_ID = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$")
PLACEHOLDER_AGENCY_ID = "000.00.00.H00"  # a new workspace's: not a real office yet
CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
PHONE = re.compile(r"^\+?[0-9][0-9 .\-]{7,18}$")
HEX_ID = re.compile(r"^[0-9A-Fa-f]{1,64}$")  # a PKCS#11 key id (CKA_ID) as hex
MAX_IDLE_LOCK_MINUTES = 240  # longer than half a working day is not a lock
NO_DEVICE = ("", "none")
# Options a printer adapter cannot work without (the rest have defaults).
PRINTER_REQUIRED_OPTIONS = {"escpos-network": ("host",), "escpos-serial": ("devfile",),
                            "escpos-usb": ("vendor_id", "product_id")}


@dataclass(frozen=True)
class AdapterNames:
    """The installed adapters of each device kind (entry point names)."""

    printers: tuple[str, ...] = ()
    cameras: tuple[str, ...] = ()
    chip_readers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Problem:
    key: str  # the setting, e.g. "office.agency_id" or "devices.printer_options.host"
    code: str  # what is wrong: agency_id, required, slot, clock, clock_order, idle_lock, phone, adapter, port
    message: str  # English, for the command line and logs


def settings_problems(settings, adapters: AdapterNames | None = None) -> list[Problem]:
    """All problems, in the order of the settings; ``adapters`` None: device names not checked."""
    found: list[Problem] = []
    office, station, rules = settings.office, settings.workstation, settings.rules
    if not isinstance(office.agency_id, str) or not AGENCY_ID.match(office.agency_id):
        found.append(Problem("office.agency_id", "agency_id",
                             f"office.agency_id must look like 000.00.31.H41 (LLL.KK.JJ.Xnn), got {office.agency_id!r}."))
    for key, value in (("office.agency_name", office.agency_name), ("workstation.counter_label", station.counter_label),
                       ("workstation.officer_name", station.officer_name)):
        if not isinstance(value, str) or not value.strip():
            found.append(Problem(key, "required", f"{key} must not be empty."))
    for key, value in (("office.phone", office.phone), ("workstation.officer_phone", station.officer_phone)):
        if value and (not isinstance(value, str) or not PHONE.match(value.strip())):
            found.append(Problem(key, "phone", f"{key} must be a phone number such as 0229 3871 234, got {value!r}."))
    slot = station.slot
    if not isinstance(slot, int) or isinstance(slot, bool) or not 1 <= slot <= 9:
        found.append(Problem("workstation.slot", "slot",
                             f"Workstation slot must be a number from 1 to 9, got {slot!r}."))
    found += _clock_problems(rules)
    idle = settings.security.idle_lock_minutes
    if not isinstance(idle, int) or isinstance(idle, bool) or not 0 <= idle <= MAX_IDLE_LOCK_MINUTES:
        found.append(Problem("security.idle_lock_minutes", "idle_lock",
                             f"security.idle_lock_minutes must be 0 (never) to {MAX_IDLE_LOCK_MINUTES}, got {idle!r}."))
    found += _device_problems(settings.devices, adapters)
    return found


def _clock_problems(rules) -> list[Problem]:
    found = []
    for key in ("default_cutoff", "due_clock"):
        value = getattr(rules, key)
        if value is not None and (not isinstance(value, str) or not CLOCK.match(value)):
            found.append(Problem(f"rules.{key}", "clock", f"rules.{key} must be a time HH:MM such as 15:00, "
                                                          f"or null, got {value!r}."))
    for key in ("morning", "afternoon"):
        value = getattr(rules, key)
        if not (isinstance(value, (tuple, list)) and len(value) == 2
                and all(isinstance(v, str) and CLOCK.match(v) for v in value)):
            found.append(Problem(f"rules.{key}", "clock",
                                 f"rules.{key} must be two times HH:MM such as [\"07:30\", \"11:30\"], got {value!r}."))
        elif value[0] >= value[1]:  # HH:MM compares as text
            found.append(Problem(f"rules.{key}", "clock_order", f"rules.{key} must start before it ends, got {value!r}."))
    return found


def _device_problems(devices, adapters: AdapterNames | None) -> list[Problem]:
    found = []
    if adapters is not None:
        for key, kind, name, known, optional in (
                ("devices.printer", "printer", devices.printer, adapters.printers, False),
                ("devices.camera", "camera", devices.camera, adapters.cameras, True),
                ("devices.chip_reader", "chip reader", devices.chip_reader, adapters.chip_readers, True)):
            if optional and str(name).strip().lower() in NO_DEVICE:
                continue
            if name not in known:
                installed = ", ".join(sorted(known)) or "none"
                found.append(Problem(key, "adapter", f"no {kind} adapter {name!r} (installed: {installed})."))
    options = devices.printer_options if isinstance(devices.printer_options, dict) else {}
    for option in PRINTER_REQUIRED_OPTIONS.get(devices.printer, ()):
        if not str(options.get(option, "")).strip():
            found.append(Problem(f"devices.printer_options.{option}", "required",
                                 f"the {devices.printer} printer needs devices.printer_options.{option}."))
    module = devices.signing_module
    if module and (not isinstance(module, str) or not Path(module).is_file()):
        found.append(Problem("devices.signing_module", "file",
                             f"devices.signing_module must be the token's PKCS#11 library file, got {module!r}."))
    key_id = devices.signing_key_id
    if key_id and (not isinstance(key_id, str) or not HEX_ID.match(key_id)):
        found.append(Problem("devices.signing_key_id", "hex", f"devices.signing_key_id must be hex digits, "
                                                               f"got {key_id!r}."))
    port = options.get("port")
    if port is not None and (not isinstance(port, int) or isinstance(port, bool) or not 1 <= port <= 65535):
        found.append(Problem("devices.printer_options.port", "port",
                             f"devices.printer_options.port must be 1 to 65535 (usually 9100), got {port!r}."))
    return found


def new_problems(before, after, adapters: AdapterNames | None = None) -> list[Problem]:
    """The problems ``after`` has that ``before`` had not: a change is refused for what it breaks,
    not for an older problem elsewhere (which would keep the administrator from fixing things)."""
    old = set(settings_problems(before, adapters))
    return [problem for problem in settings_problems(after, adapters) if problem not in old]
