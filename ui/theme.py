"""Look: a calm blue-grey scheme, readable sizes (≥ 11 pt), large primary buttons and
status colours. Widgets opt into styles with object names and the ``role`` property."""
from __future__ import annotations

from counter_app.resources import resource_path
from ui.qt import QApplication, QColor, QFont, QFontDatabase

BASE_POINT_SIZE = 11
PREFERRED_FAMILIES = ("Noto Sans", "Segoe UI", "Arial", "DejaVu Sans")

COLORS = {
    "window": "#f3f6f9",
    "panel": "#ffffff",
    "border": "#cfd8e3",
    "text": "#1f2933",
    "muted": "#52606d",
    "primary": "#1d5fa8",
    "primary_dark": "#174c87",
    "sidebar": "#1f3a56",
    "ok": "#1e7b34",
    "ok_bg": "#e3f4e8",
    "warn": "#9a5b00",
    "warn_bg": "#fff4dc",
    "error": "#b3261e",
    "error_bg": "#fde7e6",
    "info": "#1d5fa8",
    "info_bg": "#e5effa",
}

# Status code → (text colour, background) for badges and list cells.
STATUS_COLORS = {
    1: ("info", "info_bg"), 2: ("ok", "ok_bg"), 3: ("error", "error_bg"), 4: ("info", "info_bg"),
    5: ("warn", "warn_bg"), 6: ("warn", "warn_bg"), 7: ("muted", "window"), 8: ("error", "error_bg"),
    9: ("ok", "ok_bg"), 10: ("muted", "window"),
}

SYNC_BADGE_COLORS = {"pending": ("warn", "warn_bg"), "sending": ("info", "info_bg"), "synced": ("ok", "ok_bg"),
                     "rejected": ("error", "error_bg")}


def color(name: str) -> QColor:
    return QColor(COLORS[name])


def status_colors(status: int) -> tuple[QColor, QColor]:
    fg, bg = STATUS_COLORS.get(int(status), ("text", "panel"))
    return color(fg), color(bg)


def sync_badge_colors(state: str) -> tuple[QColor, QColor]:
    fg, bg = SYNC_BADGE_COLORS.get(state, ("text", "panel"))
    return color(fg), color(bg)


def _load_shipped_fonts() -> None:
    """Noto Sans from ``resources/fonts`` when the system lacks it (Windows, minimal Linux)."""
    for name in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"):
        path = resource_path("fonts", name)
        if path.exists():
            QFontDatabase.addApplicationFont(str(path))


def app_font() -> QFont:
    if PREFERRED_FAMILIES[0] not in QFontDatabase.families():
        _load_shipped_fonts()
    families = set(QFontDatabase.families())
    family = next((f for f in PREFERRED_FAMILIES if f in families), None)
    font = QFont(family) if family else QApplication.font()
    font.setPointSize(BASE_POINT_SIZE)
    return font


def stylesheet() -> str:
    c = COLORS
    return f"""
QWidget {{ color: {c['text']}; }}
QMainWindow, QWidget#page {{ background: {c['window']}; }}
QFrame#card {{ background: {c['panel']}; border: 1px solid {c['border']}; border-radius: 6px; }}
QLabel[role="title"] {{ font-size: 17pt; font-weight: 600; }}
QLabel[role="heading"] {{ font-size: 13pt; font-weight: 600; color: {c['primary_dark']}; }}
QLabel[role="muted"] {{ color: {c['muted']}; }}
QLabel[role="code"] {{ font-size: 22pt; font-weight: 700; color: {c['primary_dark']}; }}
QLabel[role="field-error"] {{ color: {c['error']}; }}
QLabel[role="step"] {{ color: {c['muted']}; padding: 4px 8px; }}
QLabel[role="step-current"] {{ color: white; background: {c['primary']}; border-radius: 4px;
    padding: 4px 8px; font-weight: 600; }}
QLabel[role="step-done"] {{ color: {c['ok']}; padding: 4px 8px; }}
QLabel[banner="error"] {{ color: {c['error']}; background: {c['error_bg']}; border: 1px solid {c['error']};
    border-radius: 4px; }}
QLabel[banner="warn"] {{ color: {c['warn']}; background: {c['warn_bg']}; border: 1px solid {c['warn']};
    border-radius: 4px; }}
QLabel[banner="ok"] {{ color: {c['ok']}; background: {c['ok_bg']}; border: 1px solid {c['ok']};
    border-radius: 4px; }}
QLabel[banner="info"] {{ color: {c['info']}; background: {c['info_bg']}; border: 1px solid {c['info']};
    border-radius: 4px; }}
QPushButton {{ padding: 6px 14px; border: 1px solid {c['border']}; border-radius: 4px;
    background: {c['panel']}; min-height: 24px; }}
QPushButton:hover {{ border-color: {c['primary']}; }}
QPushButton:focus {{ border: 2px solid {c['primary']}; }}
QPushButton:disabled {{ color: #9aa5b1; background: #eef1f4; }}
QPushButton[role="primary"] {{ background: {c['primary']}; color: white; border: 1px solid {c['primary_dark']};
    font-weight: 600; padding: 8px 22px; min-height: 30px; }}
QPushButton[role="primary"]:hover {{ background: {c['primary_dark']}; }}
QPushButton[role="primary"]:focus {{ border: 2px solid #0b2f57; }}
QPushButton[role="primary"]:disabled {{ background: #8fb0d4; color: #eef3f8; }}
QLineEdit {{ padding: 4px 6px; border: 1px solid {c['border']}; border-radius: 4px; background: white;
    min-height: 24px; }}
QLineEdit:focus {{ border: 2px solid {c['primary']}; }}
QLineEdit:disabled {{ background: #eef1f4; }}
QComboBox, QSpinBox, QDateEdit {{ min-height: 26px; }}
QWidget#checklist {{ background: {c['panel']}; }}
QFrame#paperRow {{ background: {c['panel']}; border-bottom: 1px solid #e4e9f0; }}
QFrame#paperRow[focused="true"] {{ background: {c['info_bg']}; border-left: 4px solid {c['primary']}; }}
QLineEdit[invalid="true"] {{ border: 2px solid {c['error']}; background: {c['error_bg']}; }}
QCheckBox {{ spacing: 8px; }}
QCheckBox::indicator {{ width: 18px; height: 18px; }}
QTableView, QTableWidget {{ background: white; border: 1px solid {c['border']}; gridline-color: #e4e9f0;
    selection-background-color: {c['primary']}; selection-color: white; }}
QHeaderView::section {{ background: #e8eef5; padding: 6px; border: none;
    border-right: 1px solid {c['border']}; font-weight: 600; }}
QListWidget#sidebar {{ background: {c['sidebar']}; color: white; border: none; font-size: 12pt;
    outline: none; }}
QListWidget#sidebar::item {{ padding: 14px 12px; color: #dbe6f1; }}
QListWidget#sidebar::item:selected {{ background: {c['primary']}; color: white; font-weight: 600; }}
QStatusBar QLabel {{ padding: 0 10px; }}
QProgressBar {{ max-height: 8px; border: none; background: #dde5ee; }}
QProgressBar::chunk {{ background: {c['primary']}; }}
"""


def apply(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setFont(app_font())
    app.setStyleSheet(stylesheet())
