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


SECTIONS = {
    "office": OfficeSettings,
    "workstation": WorkstationSettings,
    "rules": RulesSettings,
    "devices": DeviceSettings,
}


@dataclass
class Settings:
    office: OfficeSettings = field(default_factory=OfficeSettings)
    workstation: WorkstationSettings = field(default_factory=WorkstationSettings)
    rules: RulesSettings = field(default_factory=RulesSettings)
    devices: DeviceSettings = field(default_factory=DeviceSettings)


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
    slot = settings.workstation.slot
    if not isinstance(slot, int) or not 1 <= slot <= 9:
        raise InvalidInput(f"Workstation slot must be a number from 1 to 9, got {slot!r}.")
    if "{seq" not in settings.rules.code_pattern:
        raise InvalidInput("The dossier code pattern must contain {seq}.")


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
