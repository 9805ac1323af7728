"""Start the GUI: one QApplication, the officer's language, the look, the main window."""
from __future__ import annotations

import sys

from counter_app.resources import resource_path
from ui import i18n, theme
from ui.main_window import APP_NAME, MainWindow
from ui.qt import QApplication, QIcon


def ensure_app(argv: list[str] | None = None) -> QApplication:
    """The one QApplication. Qt is given the program name only: the app's own options are
    parsed by argparse, and Qt would take some of them as its own (``--display`` on X11)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("QuayMotCua")
    icon = resource_path("icons", "app.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def prepare_app(language: str | None = None) -> QApplication:
    """The application in the officer's language (``language``, else the environment's) and theme."""
    app = ensure_app()
    i18n.install(i18n.chosen_language(language))
    theme.apply(app)
    return app


def create_main_window(core, printer=None, language: str = "vi", *, synchronous: bool = False) -> MainWindow:
    """The main window in ``language`` ("vi" or "en"); ``synchronous`` runs work inline (tests)."""
    prepare_app(language)
    return MainWindow(core, printer, synchronous=synchronous)
