"""Named scan profiles per document type, kept in the workspace settings.

``settings.devices.scan_profiles`` is a list of plain dicts (JSON in the database);
empty means the defaults below. Names are what the officer sees, in Vietnamese.
"""
from __future__ import annotations

from dataclasses import asdict

from counter_app.errors import InvalidInput
from counter_app.ports import ScanMode, ScanProfile, ScanSource

A4 = (210.0, 297.0)
A6 = (105.0, 148.0)  # holds an ID card or a 10×15 photo on the glass

DEFAULT_PROFILES = (
    ScanProfile("Giấy tờ A4 đen trắng", ScanSource.ADF, 200, ScanMode.LINEART, A4),
    ScanProfile("Giấy tờ A4 thang xám", ScanSource.ADF, 200, ScanMode.GRAY, A4),
    ScanProfile("Giấy tờ hai mặt", ScanSource.DUPLEX, 200, ScanMode.GRAY, A4),
    ScanProfile("Một trang trên mặt kính", ScanSource.FLATBED, 200, ScanMode.GRAY, A4),
    ScanProfile("Ảnh/thẻ màu", ScanSource.FLATBED, 300, ScanMode.COLOR, A6),
)
RESOLUTIONS = range(75, 1201)


def profile_to_dict(profile: ScanProfile) -> dict:
    data = asdict(profile)
    data.update(source=profile.source.value, mode=profile.mode.value, page_size_mm=list(profile.page_size_mm))
    return data


def profile_from_dict(raw: dict) -> ScanProfile:
    try:
        name = str(raw["name"]).strip()
        source = ScanSource(raw.get("source", ScanSource.FLATBED.value))
        mode = ScanMode(raw.get("mode", ScanMode.GRAY.value))
        resolution = int(raw.get("resolution", 200))
        width, height = (float(v) for v in raw.get("page_size_mm", A4))
        max_pages = int(raw.get("max_pages", 0))
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidInput(f"Scan profile {raw!r} is not valid: {exc}") from exc
    if not name:
        raise InvalidInput("A scan profile needs a name.")
    if resolution not in RESOLUTIONS or width <= 0 or height <= 0 or max_pages < 0:
        raise InvalidInput(f"Scan profile {name!r}: resolution must be 75-1200 dpi and the page size positive.")
    return ScanProfile(name, source, resolution, mode, (width, height), max_pages)


def scan_profiles(raw: list | None) -> list[ScanProfile]:
    """The profiles from settings (defaults when none are set); names must be unique."""
    if not raw:
        return list(DEFAULT_PROFILES)
    profiles = [profile_from_dict(item) for item in raw]
    names = [p.name for p in profiles]
    if len(set(names)) != len(names):
        raise InvalidInput("Two scan profiles have the same name: give each its own name.")
    return profiles
