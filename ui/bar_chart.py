"""A plain vertical bar chart painted with QPainter (PySide6-Essentials ships no QtCharts).

Bars are labelled below and their values written above, so the chart reads without
colour and prints legibly in black and white; an empty chart says so instead of
showing a blank box.
"""
from __future__ import annotations

import math
from typing import Sequence

from ui.qt import QColor, QFontMetrics, QPainter, QRectF, QSize, Qt, QWidget

BAR = QColor("#2f6fb3")
AXIS = QColor("#6b7785")
TEXT = QColor("#1d2733")


LONGEST_LABEL = 140  # px: past it a bar's name is elided

class BarChart(QWidget):
    def __init__(self, title: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.bars: tuple[tuple[str, float], ...] = ()
        self.empty_text = ""
        self.setMinimumSize(280, 180)

    def set_bars(self, bars: Sequence[tuple[str, float]]) -> None:
        self.bars = tuple((str(name), float(value)) for name, value in bars)
        self.setAccessibleDescription("; ".join(f"{name}: {value:g}" for name, value in self.bars))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, 220)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        painter.setPen(TEXT)
        painter.drawText(QRectF(0, 0, self.width(), line + 4), Qt.AlignmentFlag.AlignLeft, self.title)
        plot = QRectF(8, line * 2 + 6, self.width() - 16, self.height() - line * 4 - 10)
        top = max((value for _name, value in self.bars), default=0.0)
        if not self.bars or top <= 0:
            painter.setPen(AXIS)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.empty_text)
            painter.end()
            return
        painter.setPen(AXIS)
        painter.drawLine(int(plot.left()), int(plot.bottom()), int(plot.right()), int(plot.bottom()))
        slot = plot.width() / len(self.bars)
        # Label every bar when they fit, else every n-th, so labels never overlap; a long name (a
        # service's) is shortened to its room rather than leaving most bars unnamed.
        widest = min(max(metrics.horizontalAdvance(name) for name, _value in self.bars), LONGEST_LABEL) + 6
        every = max(1, math.ceil(widest / max(slot, 1.0)))
        labelled = labelled_bars(len(self.bars), every)
        for index, (name, value) in enumerate(self.bars):
            height = plot.height() * value / top
            x = plot.left() + index * slot
            bar = QRectF(x + slot * 0.15, plot.bottom() - height, slot * 0.7, height)
            painter.fillRect(bar, BAR)
            painter.setPen(TEXT)
            if value:
                painter.drawText(QRectF(x - 10, bar.top() - line - 2, slot + 20, line),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, f"{value:g}")
            if index in labelled:
                room = QRectF(x - slot * (every - 1) / 2, plot.bottom() + 2, slot * every, line + 2)
                painter.drawText(room, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                                 metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(room.width()) - 4))
        painter.end()


def labelled_bars(count: int, every: int) -> set[int]:
    """Every ``every``-th bar, and always the last one (often the open "≥60" bucket): the
    regular label too close before it gives way."""
    chosen = set(range(0, count, every))
    last = count - 1
    if count and last not in chosen:
        chosen.discard(last - last % every)
        chosen.add(last)
    return chosen
