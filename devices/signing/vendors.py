"""Known default PKCS#11 module paths per vendor, and which of them exist on this machine.

Vietnamese CAs ship their middleware with a PKCS#11 module; the officer (or the
installer) can always name the module path explicitly. Entries marked
``verified=False`` come from vendor documentation or field reports and were NOT checked
against an installed middleware: confirm them on a machine with the vendor's software
before relying on them. Many VNPT/Viettel/FPT tokens are Feitian ePass2003 or SafeNet
devices, so the generic modules below often work too.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

SOFTHSM = "/usr/lib/softhsm/libsofthsm2.so"


@dataclass(frozen=True)
class KnownModule:
    vendor: str
    platform: str  # "windows" | "linux"
    path: str
    verified: bool
    note: str = ""


KNOWN_MODULES: tuple[KnownModule, ...] = (
    KnownModule("VNPT-CA", "windows", r"C:\Windows\System32\vnpt-ca_csp11.dll", False),
    KnownModule("VNPT-CA", "linux", "/usr/lib/libvnpt-ca_csp11.so", False),
    KnownModule("Viettel-CA", "windows", r"C:\Windows\System32\viettel-ca_v6.dll", False,
                "select the key by ID: lookup by label fails on this token"),
    KnownModule("Viettel-CA", "linux", "/usr/lib/libviettel-ca.so", False),
    KnownModule("BKAV-CA", "windows", r"C:\Windows\System32\BkavCA.dll", False),
    KnownModule("BKAV-CA", "linux", "/usr/lib/libbkavca.so", False),
    KnownModule("FPT-CA", "windows", r"C:\Windows\System32\fpt-ca.dll", False),
    KnownModule("FPT-CA", "linux", "/usr/lib/libfpt-ca.so", False),
    KnownModule("Ban Cơ yếu Chính phủ", "windows", r"C:\Windows\System32\bcy_csp11.dll", False,
                "Government Cipher Committee tokens for state officials"),
    KnownModule("Ban Cơ yếu Chính phủ", "linux", "/usr/lib/libbcy_csp11.so", False),
    KnownModule("Feitian ePass2003 (generic)", "windows", r"C:\Windows\System32\eps2003csp11.dll", False),
    KnownModule("SafeNet eToken (generic)", "windows", r"C:\Windows\System32\eTPKCS11.dll", False),
    KnownModule("OpenSC (generic)", "windows", r"C:\Program Files\OpenSC Project\OpenSC\pkcs11\opensc-pkcs11.dll",
                False),
    KnownModule("OpenSC (generic)", "linux", "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so", True,
                "Debian package opensc; supports ePass2003-based tokens"),
    KnownModule("SoftHSM2 (tests, demo)", "linux", SOFTHSM, True, "Debian package softhsm2"),
)

ENV_MODULE = "COUNTER_APP_PKCS11_MODULE"


def current_platform() -> str:
    return "windows" if sys.platform.startswith("win") else "linux"


def installed_modules(platform: str | None = None) -> list[KnownModule]:
    """Known modules whose file exists here, vendor tokens first (the demo's SoftHSM last)."""
    platform = platform or current_platform()
    return [m for m in KNOWN_MODULES if m.platform == platform and Path(m.path).is_file()]


def default_module() -> str | None:
    """``$COUNTER_APP_PKCS11_MODULE`` if set, else the first installed known module."""
    configured = os.environ.get(ENV_MODULE)
    if configured:
        return configured
    found = installed_modules()
    return found[0].path if found else None
