"""Named scan profiles per document type, kept in the workspace settings.

``settings.devices.scan_profiles`` is a list of plain dicts (JSON in the database);
empty means the defaults below. Names are what the officer sees, in Vietnamese.
``settings.devices.scan_profile_defaults`` maps a paper's name (a procedure component,
matched without accents or case: the catalogue has no document kinds) to the profile
that paper is scanned with by default.
"""
from __future__ import annotations

from dataclasses import asdict

from counter_app.errors import InvalidInput, UnknownScanProfile
from counter_app.ports import ScanMode, ScanProfile, ScanSource
from counter_app.text import fold

A4 = (210.0, 297.0)
A5 = (148.0, 210.0)
A6 = (105.0, 148.0)  # holds an ID card or a 10×15 photo on the glass
LETTER = (215.9, 279.4)
PAGE_SIZES = {"A4": A4, "A5": A5, "A6": A6, "Letter": LETTER}

DEFAULT_PROFILES = (
    ScanProfile("Giấy tờ A4 đen trắng", ScanSource.ADF, 200, ScanMode.LINEART, A4),
    ScanProfile("Giấy tờ A4 thang xám", ScanSource.ADF, 200, ScanMode.GRAY, A4),
    ScanProfile("Giấy tờ hai mặt", ScanSource.DUPLEX, 200, ScanMode.GRAY, A4),
    ScanProfile("Một trang trên mặt kính", ScanSource.FLATBED, 200, ScanMode.GRAY, A4),
    ScanProfile("Ảnh/thẻ màu", ScanSource.FLATBED, 300, ScanMode.COLOR, A6),
)
RESOLUTIONS = range(75, 1201)
# Short ASCII names for the command line (typing Vietnamese in a terminal is slow); each
# names a built-in profile, used when the settings do not redefine it.
ALIASES = {"document": "Giấy tờ A4 thang xám", "text-bw": "Giấy tờ A4 đen trắng",
           "duplex": "Giấy tờ hai mặt", "single": "Một trang trên mặt kính", "photo": "Ảnh/thẻ màu"}


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
        size = raw.get("page_size_mm") or PAGE_SIZES[raw.get("page_size", "A4")]
        width, height = (float(v) for v in size)
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


def page_size_name(profile: ScanProfile) -> str:
    """"A4", "A5"… or "W×H mm" for a size of its own."""
    for name, size in PAGE_SIZES.items():
        if all(abs(a - b) < 0.5 for a, b in zip(profile.page_size_mm, size)):
            return name
    width, height = profile.page_size_mm
    return f"{width:g}×{height:g} mm"


def find_profile(profiles: list[ScanProfile], name: str) -> ScanProfile:
    """The profile called ``name`` (accents and case optional, or a command-line alias);
    UnknownScanProfile lists the names there are."""
    wanted = fold(name)
    for profile in profiles:
        if profile.name == name or fold(profile.name) == wanted:
            return profile
    target = ALIASES.get(name.strip().lower())
    if target:
        builtin = {p.name: p for p in DEFAULT_PROFILES}[target]
        return next((p for p in profiles if p.name == target), builtin)
    available = [p.name for p in profiles]
    raise UnknownScanProfile(f"No scan profile is called {name!r}. Available: {'; '.join(available)} "
                             f"(or {', '.join(ALIASES)}).", available=available)


def profile_for_component(profiles: list[ScanProfile], defaults: dict | None,
                          component_name: str) -> ScanProfile | None:
    """The default profile of a paper (by its name, without accents), None when it has none."""
    wanted = fold(component_name)
    for paper, profile_name in (defaults or {}).items():
        if fold(paper) == wanted:
            return find_profile(profiles, profile_name)
    return None


def check_component_defaults(profiles: list[ScanProfile], defaults) -> None:
    """Settings validation: every paper's default names an existing profile."""
    if not isinstance(defaults, dict):
        raise InvalidInput("devices.scan_profile_defaults must map a paper's name to a profile name.")
    for paper, profile_name in defaults.items():
        if not str(paper).strip():
            raise InvalidInput("devices.scan_profile_defaults: a paper name is empty.")
        find_profile(profiles, str(profile_name))
