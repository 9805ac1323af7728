"""The XML of eSCL (Mopria/AirScan) 2.x: read ScannerCapabilities and ScannerStatus, write ScanSettings.

Parsing goes by local element names, not prefixes: vendors bind the ``scan:`` and ``pwg:``
namespaces differently (and a few put elements in the other namespace). Lengths in
eSCL are in 300ths of an inch.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from counter_app.errors import ScannerError
from counter_app.ports import ScanMode, ScanProfile, ScanSource

SCAN_NS = "http://schemas.hp.com/imaging/escl/2011/05/03"
PWG_NS = "http://www.pwg.org/schemas/2010/12/sm"
UNITS_PER_INCH = 300
MAX_XML_BYTES = 1_000_000  # capabilities of real devices are a few KB

COLOR_MODES = {ScanMode.COLOR: "RGB24", ScanMode.GRAY: "Grayscale8", ScanMode.LINEART: "BlackAndWhite1"}
# Formats the adapter can turn into pages, best first (JPEG pages are small and need no re-encoding).
FORMATS = ("image/jpeg", "image/png", "application/pdf")
JAM_STATES = ("ScannerAdfJam", "ScannerAdfDoorOpen", "ScannerAdfMispick", "ScannerAdfMultipickDetected",
              "ScannerAdfInputTrayFailed")
EMPTY_STATES = ("ScannerAdfEmpty",)


@dataclass(frozen=True)
class InputCaps:
    """What one input (platen, feeder one side, feeder both sides) can do."""

    max_width: int = 2550  # 300ths of an inch (8.5")
    max_height: int = 3508  # A4 length at 300 dpi
    color_modes: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    resolutions: tuple[int, ...] = ()  # discrete values; a range is expanded by its step


@dataclass(frozen=True)
class Capabilities:
    make_and_model: str = ""
    version: str = ""
    platen: InputCaps | None = None
    adf: InputCaps | None = None
    duplex: bool = False


@dataclass(frozen=True)
class Status:
    state: str = ""  # Idle, Processing, Testing, Stopped, Down
    adf_state: str = ""  # e.g. ScannerAdfLoaded, ScannerAdfEmpty, ScannerAdfJam
    jobs: dict = field(default_factory=dict)  # job URI path → (JobState, reasons)

    @property
    def jammed(self) -> bool:
        return self.adf_state in JAM_STATES

    @property
    def feeder_empty(self) -> bool:
        return self.adf_state in EMPTY_STATES


@dataclass(frozen=True)
class JobPlan:
    """The settings asked of the scanner, and what the adapter does with the pages it gets."""

    source: str  # Platen | Feeder
    duplex: bool
    color_mode: str
    resolution: int
    format: str
    threshold: bool  # black and white wanted but not offered: scan grey, threshold here
    width: int
    height: int


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _find(node, *names):
    """First descendant path by local names (``_find(root, "Adf", "AdfSimplexInputCaps")``)."""
    for name in names:
        if node is None:
            return None
        node = next((child for child in node.iter() if child is not node and _local(child.tag) == name), None)
    return node


def _text(node, *names, default: str = "") -> str:
    found = _find(node, *names)
    return (found.text or "").strip() if found is not None and found.text else default


def _all_text(node, name: str) -> list[str]:
    return [(child.text or "").strip() for child in node.iter() if _local(child.tag) == name and child.text]


def _parse(data: bytes, what: str):
    if len(data) > MAX_XML_BYTES:
        raise ScannerError(f"The scanner's {what} is too large to be eSCL ({len(data)} bytes).")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise ScannerError(f"The scanner's {what} is not valid eSCL XML: {exc}") from exc


def _int(text: str, default: int) -> int:
    try:
        return int(float(text))
    except ValueError:
        return default


def _input_caps(node) -> InputCaps | None:
    if node is None:
        return None
    resolutions: set[int] = set()
    for item in node.iter():
        name = _local(item.tag)
        if name == "DiscreteResolution":
            value = _int(_text(item, "XResolution"), 0)
            if value:
                resolutions.add(value)
        elif name == "XResolutionRange":
            low, high = _int(_text(item, "Min"), 0), _int(_text(item, "Max"), 0)
            step = max(_int(_text(item, "Step"), 1), 1)
            if low and high >= low:
                if (high - low) // step <= 200:
                    resolutions.update(range(low, high + 1, step))
                else:  # a fine-grained range: its ends and the usual stops are plenty
                    resolutions.update(v for v in (low, 75, 100, 150, 200, 300, 400, 600, 1200, high)
                                       if low <= v <= high)
    formats = _all_text(node, "DocumentFormatExt") + _all_text(node, "DocumentFormat")
    return InputCaps(
        max_width=_int(_text(node, "MaxWidth"), 2550), max_height=_int(_text(node, "MaxHeight"), 3508),
        color_modes=tuple(dict.fromkeys(_all_text(node, "ColorMode"))),
        formats=tuple(dict.fromkeys(f.split(";")[0].strip().lower() for f in formats)),
        resolutions=tuple(sorted(resolutions)))


def parse_capabilities(data: bytes) -> Capabilities:
    root = _parse(data, "capabilities")
    if _local(root.tag) != "ScannerCapabilities":
        raise ScannerError(f"The device answered {_local(root.tag)!r}, not eSCL scanner capabilities.")
    adf = _find(root, "Adf")
    adf_caps = _input_caps(_find(adf, "AdfSimplexInputCaps")) if adf is not None else None
    duplex_caps = _find(adf, "AdfDuplexInputCaps") if adf is not None else None
    options = _all_text(adf, "AdfOption") if adf is not None else []
    return Capabilities(
        make_and_model=_text(root, "MakeAndModel"), version=_text(root, "Version"),
        platen=_input_caps(_find(root, "Platen", "PlatenInputCaps")),
        adf=adf_caps or _input_caps(duplex_caps), duplex=duplex_caps is not None or "Duplex" in options)


def parse_status(data: bytes) -> Status:
    root = _parse(data, "status")
    jobs = {}
    for info in (n for n in root.iter() if _local(n.tag) == "JobInfo"):
        uri = _text(info, "JobUri")
        if uri:
            jobs[uri.rstrip("/")] = (_text(info, "JobState"), tuple(_all_text(info, "JobStateReason")))
    return Status(state=_text(root, "State"), adf_state=_text(root, "AdfState"), jobs=jobs)


def plan_job(caps: Capabilities, profile: ScanProfile) -> JobPlan:
    """Pick the input, colour mode, resolution and format closest to the profile that the scanner offers."""
    if profile.source is ScanSource.FLATBED:
        source, duplex, inputs = "Platen", False, caps.platen or caps.adf
        if caps.platen is None:
            source = "Feeder"  # a sheet-fed scanner: the feeder is all there is
    else:
        if caps.adf is None:
            raise ScannerError("This scanner has no document feeder: choose a profile that scans from the glass.")
        source, duplex, inputs = "Feeder", profile.source is ScanSource.DUPLEX and caps.duplex, caps.adf
    if inputs is None:
        raise ScannerError("The scanner describes no input (glass or feeder) it can scan from.")
    wanted = COLOR_MODES[profile.mode]
    modes = inputs.color_modes or tuple(COLOR_MODES.values())
    threshold = False
    if wanted not in modes:
        fallback = ["Grayscale8", "RGB24"] if profile.mode is not ScanMode.COLOR else ["RGB24", "Grayscale8"]
        wanted = next((m for m in fallback if m in modes), modes[0])
        threshold = profile.mode is ScanMode.LINEART
    formats = inputs.formats or ("image/jpeg",)
    fmt = next((f for f in FORMATS if f in formats), None)
    if fmt is None:
        raise ScannerError(f"The scanner offers only {', '.join(formats)}; JPEG, PNG or PDF is needed.")
    resolutions = inputs.resolutions or (profile.resolution,)
    # The closest offered resolution, preferring more detail over less on a tie.
    resolution = min(resolutions, key=lambda r: (abs(r - profile.resolution), -r))
    width_mm, height_mm = profile.page_size_mm
    width = min(round(width_mm / 25.4 * UNITS_PER_INCH), inputs.max_width)
    height = min(round(height_mm / 25.4 * UNITS_PER_INCH), inputs.max_height)
    return JobPlan(source, duplex, wanted, resolution, fmt, threshold, width, height)


def scan_settings_xml(plan: JobPlan, version: str = "2.0") -> bytes:
    """The ScanSettings document POSTed to /eSCL/ScanJobs."""
    ET.register_namespace("scan", SCAN_NS)
    ET.register_namespace("pwg", PWG_NS)
    scan, pwg = f"{{{SCAN_NS}}}", f"{{{PWG_NS}}}"
    root = ET.Element(scan + "ScanSettings")
    ET.SubElement(root, pwg + "Version").text = version if version.startswith("2.") else "2.0"
    region = ET.SubElement(ET.SubElement(root, pwg + "ScanRegions"), pwg + "ScanRegion")
    for name, value in (("ContentRegionUnits", "escl:ThreeHundredthsOfInches"), ("XOffset", "0"),
                        ("YOffset", "0"), ("Width", str(plan.width)), ("Height", str(plan.height))):
        ET.SubElement(region, pwg + name).text = value
    ET.SubElement(root, pwg + "InputSource").text = plan.source
    if plan.source == "Feeder":
        ET.SubElement(root, scan + "Duplex").text = "true" if plan.duplex else "false"
    ET.SubElement(root, scan + "ColorMode").text = plan.color_mode
    ET.SubElement(root, scan + "XResolution").text = str(plan.resolution)
    ET.SubElement(root, scan + "YResolution").text = str(plan.resolution)
    ET.SubElement(root, pwg + "DocumentFormat").text = plan.format
    ET.SubElement(root, scan + "DocumentFormatExt").text = plan.format
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root)


def parse_scan_settings(data: bytes) -> dict:
    """The settings of a ScanSettings document (used by the loopback test server)."""
    root = _parse(data, "scan settings")
    return {"source": _text(root, "InputSource", default="Platen"),
            "duplex": _text(root, "Duplex").lower() == "true",
            "color_mode": _text(root, "ColorMode", default="RGB24"),
            "resolution": _int(_text(root, "XResolution"), 300),
            "format": _text(root, "DocumentFormatExt") or _text(root, "DocumentFormat", default="image/jpeg"),
            "width": _int(_text(root, "Width"), 2550), "height": _int(_text(root, "Height"), 3508)}
