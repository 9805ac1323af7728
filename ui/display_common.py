"""What the public-facing windows (kiosk, display screen) share: text sized in pixels from
the window height, and a staff-only quit key (they have no close button when full screen)."""
from __future__ import annotations

from ui.qt import QAction, QFont, QKeySequence, QTimer, QWidget

STAFF_QUIT = "Ctrl+Shift+Q"


def pixel_font(widget: QWidget, pixels: int, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPixelSize(max(10, pixels))
    font.setBold(bold)
    widget.setFont(font)


def add_staff_quit(window: QWidget) -> None:
    action = QAction(window)
    action.setShortcut(QKeySequence(STAFF_QUIT))
    action.triggered.connect(window.close)
    window.addAction(action)


def timer(parent: QWidget, msecs: int, slot, *, single_shot: bool = False) -> QTimer:
    """A timer owned by ``parent`` (stopped and freed with it), not started."""
    made = QTimer(parent)
    made.setInterval(msecs)
    made.setSingleShot(single_shot)
    made.timeout.connect(slot)
    return made
