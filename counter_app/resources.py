"""Where the shipped, read-only resources (forms, fonts, demo catalogue...) live.

Code never builds resource paths by hand: tests, a packaged build and a developer
checkout each put ``resources/`` somewhere else, and one helper keeps that in one place.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_VAR = "COUNTER_APP_RESOURCES"


def resource_root() -> Path:
    """``$COUNTER_APP_RESOURCES`` if set, else ``<repo>/resources`` (or the bundle's)."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    bundle = getattr(sys, "_MEIPASS", None)  # a frozen (PyInstaller) build unpacks here
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resource_root().joinpath(*parts)
