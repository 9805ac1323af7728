"""A strip of page thumbnails driven by the keyboard: arrows choose a page, Ctrl+arrows move
it, R turns it (Shift+R the other way), Delete removes it, Ctrl+Z brings it back.

The strip only shows and asks; the scan dialog owns the page list and does the edits.
Pages flagged blank get a visible marker for the officer's review.
"""
from __future__ import annotations

from ui.qt import (
    QAbstractItemView,
    QColor,
    QFont,
    QIcon,
    QImage,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPainter,
    QPixmap,
    QRectF,
    QSize,
    Qt,
    Signal,
)

THUMB = QSize(150, 190)
BLANK_COLOUR = QColor("#c2410c")  # the theme's warning orange: visible on any page


class PageStrip(QListWidget):
    move_requested = Signal(int, int)  # from, to (0-based)
    rotate_requested = Signal(int, int)  # index, quarter turns (+1 clockwise)
    delete_requested = Signal(int)
    undo_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)  # one row: a strip, scrolled sideways
        self.setMovement(QListView.Movement.Static)  # order changes go through the page list
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(THUMB)
        self.setSpacing(8)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setMinimumHeight(THUMB.height() + 70)
        self._icons: dict[tuple, QIcon] = {}

    def show_pages(self, entries: list[tuple[tuple, bytes | None, str, bool]], current: int) -> None:
        """``entries``: (cache key, preview PNG or None if cached, caption, blank) per page."""
        keys = set()
        self.clear()
        for key, png, caption, blank in entries:
            keys.add(key)
            icon = self._icons.get(key)
            if icon is None and png is not None:
                pixmap = _thumbnail(png, self.tr("Blank?") if blank else "")
                icon = self._icons[key] = QIcon(pixmap)
                icon.addPixmap(pixmap, QIcon.Mode.Selected)  # no selection tint over the page itself
            item = QListWidgetItem(icon or QIcon(), caption)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            if blank:
                item.setForeground(BLANK_COLOUR)
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            item.setToolTip(caption)
            self.addItem(item)
        for stale in set(self._icons) - keys:
            del self._icons[stale]
        if self.count():
            self.setCurrentRow(max(0, min(current, self.count() - 1)))

    def has_icon(self, key: tuple) -> bool:
        return key in self._icons

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        row, key = self.currentRow(), event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if ctrl and key == Qt.Key.Key_Z:
            self.undo_requested.emit()
        elif row < 0:
            super().keyPressEvent(event)
        elif ctrl and key in (Qt.Key.Key_Left, Qt.Key.Key_Up) and row > 0:
            self.move_requested.emit(row, row - 1)
        elif ctrl and key in (Qt.Key.Key_Right, Qt.Key.Key_Down) and row < self.count() - 1:
            self.move_requested.emit(row, row + 1)
        elif ctrl and key in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Right, Qt.Key.Key_Down):
            pass  # already at the end: do not let Qt move the selection instead
        elif key == Qt.Key.Key_R and not ctrl:
            self.rotate_requested.emit(row, -1 if shift else 1)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_requested.emit(row)
        else:
            super().keyPressEvent(event)


def _thumbnail(png: bytes, blank_marker: str) -> QPixmap:
    """The page scaled into the thumbnail box, with a thin frame, and a marker when blank."""
    image = QImage.fromData(png)
    page = QPixmap.fromImage(image).scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation)
    canvas = QPixmap(THUMB)
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    x, y = (THUMB.width() - page.width()) // 2, (THUMB.height() - page.height()) // 2
    painter.drawPixmap(x, y, page)
    painter.setPen(QColor("#94a3b8"))
    painter.drawRect(x, y, page.width() - 1, page.height() - 1)
    if blank_marker:
        pen = painter.pen()
        pen.setColor(BLANK_COLOUR)
        pen.setWidth(4)
        painter.setPen(pen)
        painter.drawRect(x + 2, y + 2, page.width() - 5, page.height() - 5)
        band = QRectF(x + 4, y + page.height() / 2 - 16, page.width() - 8, 32)
        painter.fillRect(band, BLANK_COLOUR)
        painter.setPen(QColor("white"))
        font = QFont(painter.font())
        font.setBold(True)
        font.setPointSize(11)
        painter.setFont(font)
        painter.drawText(band, Qt.AlignmentFlag.AlignCenter, blank_marker)
    painter.end()
    return canvas
