"""2D handheld scanners in keyboard-wedge mode: they "type" the QR text very fast, then Enter.

An application-wide event filter watches key presses aimed at widgets inside ``scope``
(the intake wizard). Characters arriving with gaps of at most ``max_gap`` seconds form a
burst; a burst of at least ``min_chars`` characters ending in Enter, accepted by
``accept``, is a scan: the Enter is swallowed, the field the scanner typed into gets its
earlier text back, and ``scanned`` carries the text. Anything else is ordinary typing
and passes through untouched (a person cannot type 20 characters 35 ms apart).
"""
from __future__ import annotations

import time
from typing import Callable

from ui.qt import QApplication, QEvent, QLineEdit, QObject, Qt, QWidget, Signal

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class KeyboardWedge(QObject):
    scanned = Signal(str)

    def __init__(self, scope: QWidget, *, min_chars: int = 20, max_gap: float = 0.035,
                 accept: Callable[[str], bool] = lambda text: True,
                 clock: Callable[[], float] = time.monotonic):
        super().__init__(scope)
        self._scope = scope
        self.min_chars, self.max_gap, self.accept, self._clock = min_chars, max_gap, accept, clock
        self._chars: list[str] = []
        self._last = 0.0
        self._widget: QWidget | None = None  # where the burst is typed
        self._snapshot: tuple[QWidget, str, int] | None = None  # that field's text before the burst
        QApplication.instance().installEventFilter(self)

    def stop(self) -> None:
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        # Only the first receiver (the focus widget): a key event propagating to parents is seen again.
        if event.type() != QEvent.Type.KeyPress or watched is not QApplication.focusWidget():
            return False
        if not (watched is self._scope or self._scope.isAncestorOf(watched)) or not self._scope.isVisible():
            return False
        now = self._clock()
        if self._chars and (now - self._last > self.max_gap or watched is not self._widget):
            self._reset()  # too slow for a scanner, or the focus moved: a scanner types into one field
        self._last = now
        if event.key() in ENTER_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return self._finish()
        text = event.text()
        # C0 controls are Tab, Backspace, Esc…; C1 (U+0080–U+009F) can come from mis-decoded UTF-8.
        chord = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if not text or chord or any(ord(c) < 0x20 or ord(c) == 0x7F for c in text):
            self._reset()  # Tab, arrows, shortcuts: a person is working
            return False
        if not self._chars:
            self._widget, self._snapshot = watched, _field_state(watched)
        self._chars.append(text)
        return False

    def _finish(self) -> bool:
        text = "".join(self._chars)
        snapshot = self._snapshot
        self._reset()
        if len(text) < self.min_chars or not self.accept(text):
            return False
        if snapshot:
            _restore(*snapshot)
        self.scanned.emit(text)
        return True  # the scanner's Enter must not move the wizard on

    def _reset(self) -> None:
        self._chars.clear()
        self._widget = self._snapshot = None


def _field_state(widget: QWidget) -> tuple[QWidget, str, int] | None:
    if isinstance(widget, QLineEdit):
        return widget, widget.text(), widget.cursorPosition()
    if hasattr(widget, "toPlainText"):
        return widget, widget.toPlainText(), -1
    return None


def _restore(widget: QWidget, text: str, cursor: int) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(text)
        widget.setCursorPosition(cursor)
    else:
        widget.setPlainText(text)
