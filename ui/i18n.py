"""Translations: English source strings in the code, Vietnamese in ``resources/translations``.

The setup script compiles ``.ts`` into ``.qm``. When the ``.qm`` is missing or older than
its ``.ts`` (a developer edited the translation, or the resources are read-only), it is
compiled here on the fly into a cache folder with the ``lrelease`` shipped with PySide6.

After changing UI strings (lupdate scans only C++ extensions unless told otherwise):

    .venv/bin/pyside6-lupdate -extensions py -locations none -no-obsolete ui \
        -ts resources/translations/quay_mot_cua_vi.ts

then translate the new entries (Qt Linguist: ``.venv/bin/pyside6-linguist``).
``tests/test_ui_i18n.py`` fails while any string is missing or unfinished.

Qt ships no Vietnamese for its own strings (standard buttons, file and print dialogs,
context menus), so ``qtbase_vi.ts`` holds them in Qt's own contexts. It is written by
hand, not by lupdate: its sources come from Qt, not from ``ui/``.
"""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from counter_app.resources import resource_path
from ui.qt import PYSIDE_DIR, QCoreApplication, QLocale, QTranslator

log = logging.getLogger(__name__)

DOMAIN = "quay_mot_cua"
QT_DOMAIN = "qtbase"  # Qt's own strings, translated in this project
LANGUAGES = ("vi", "en")  # English is the source language: no translator needed
DEFAULT_LANGUAGE = "vi"
ENV_LANGUAGE = "COUNTER_APP_LANGUAGE"

_installed: list[QTranslator] = []


def ts_path(language: str = "vi", domain: str = DOMAIN) -> Path:
    return resource_path("translations", f"{domain}_{language}.ts")


def _tool(name: str) -> str | None:
    exe = name + (".exe" if sys.platform == "win32" else "")
    bundled = PYSIDE_DIR / exe
    if bundled.exists():
        return str(bundled)
    return shutil.which(f"pyside6-{name}") or shutil.which(name)


def lrelease() -> str | None:
    return _tool("lrelease")


def lupdate() -> str | None:
    return _tool("lupdate")


def cache_dir() -> Path:
    """Per user, so one officer's stale file never blocks another's translation."""
    try:
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("QuayMotCua", appauthor=False)) / "translations"
    except ImportError:  # pragma: no cover - platformdirs is a dependency of the core
        return Path(tempfile.gettempdir()) / "quay-mot-cua-i18n"


def _fresh(qm: Path, ts: Path) -> bool:
    return qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime


def compile_ts(ts: Path, qm: Path) -> Path:
    tool = lrelease()
    if tool is None:
        raise FileNotFoundError("lrelease (shipped with PySide6) was not found.")
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True, timeout=60)
    return qm


def qm_path(language: str, domain: str = DOMAIN) -> Path | None:
    """A current ``.qm`` for ``language``: the shipped one, or one compiled into the cache."""
    ts = ts_path(language, domain)
    shipped = ts.with_suffix(".qm")
    if not ts.exists():
        return shipped if shipped.exists() else None
    if _fresh(shipped, ts):
        return shipped
    cached = cache_dir() / shipped.name
    if _fresh(cached, ts):
        return cached
    try:
        return compile_ts(ts, cached)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("Cannot compile %s: %s", ts, exc)
        return shipped if shipped.exists() else None


def chosen_language(language: str | None = None) -> str:
    language = (language or os.environ.get(ENV_LANGUAGE) or DEFAULT_LANGUAGE).lower()
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def install(language: str) -> bool:
    """Switch the application to ``language``; True when a translation is active."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "vi":
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    if language == "en":
        return False
    path = qm_path(language)
    translator = QTranslator(app)
    if path is None or not translator.load(str(path)):
        log.warning("No translation for %r; the interface stays in English.", language)
        return False
    _install_qt_strings(app, language)  # first: Qt searches the last installed first, so ours wins
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def _install_qt_strings(app: QCoreApplication, language: str) -> None:
    """Qt's buttons and dialogs in ``language``; without it they stay English, nothing else breaks."""
    path = qm_path(language, QT_DOMAIN)
    translator = QTranslator(app)
    if path is None or not translator.load(str(path)):
        log.warning("No translation of Qt's own strings for %r; its dialogs stay in English.", language)
        return
    app.installTranslator(translator)
    _installed.append(translator)
