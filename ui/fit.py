"""Keep a window tall enough for its wrapped texts.

Qt sizes a window's minimum from its layout without wrapped labels' extra lines, so a
banner or a status line that wraps later squeezes the rows above it until they overlap.
"""
from __future__ import annotations

from ui.qt import QEvent, QObject, QWidget


class _GrowToText(QObject):
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LayoutRequest and watched.isWindow():
            needed = watched.heightForWidth(watched.width())  # the layout has just been redone
            if needed > watched.height():
                watched.resize(watched.width(), needed)
        return False


def grow_to_text(window: QWidget) -> None:
    """Make ``window`` taller whenever its wrapped texts need more lines than it has room for."""
    window.installEventFilter(_GrowToText(window))
