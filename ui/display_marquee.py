"""The scrolling notice line at the bottom of the display screen."""
from __future__ import annotations

from ui.qt import QColor, QFont, QFontMetrics, QPainter, Qt, QTimer, QWidget

STEP_MS = 30


class Marquee(QWidget):
    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._text, self._offset = text, -1.0  # -1: start at the left edge once the width is known
        self._timer = QTimer(self)
        self._timer.setInterval(STEP_MS)
        self._timer.timeout.connect(self._step)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        self._text, self._offset = text, -1.0
        self.update()

    def start(self) -> None:
        self._timer.start()

    def _step(self) -> None:
        if self._offset < 0:
            return
        # About 1/8 of the screen height per second, whatever the resolution.
        self._offset += max(1.0, self.height() / 40)
        width = QFontMetrics(self.font()).horizontalAdvance(self._text) + self.width()
        if self._offset > width:
            self._offset = 0.0  # enter again from the right
        self.update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        font = QFont(self.font())
        font.setPixelSize(max(12, int(self.height() * 0.55)))
        self.setFont(font)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#0b2f57"))
        painter.setFont(self.font())
        painter.setPen(QColor("#ffe08a"))
        if self._offset < 0:
            self._offset = self.width() - self.height() / 2
        x = self.width() - self._offset
        painter.drawText(int(x), 0, 100_000, self.height(), Qt.AlignmentFlag.AlignVCenter, self._text)
        painter.end()
