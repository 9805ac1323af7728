"""Camera pictures on screen: the live preview with the page outline, and the corner editor.

Frames arrive as QImages made on the device worker (``frame_to_qimage``); these widgets
only scale and paint them, so nothing heavy runs on the UI thread.
"""
from __future__ import annotations

import numpy as np

from ui.qt import (
    QColor,
    QImage,
    QPainter,
    QPen,
    QPointF,
    QPolygonF,
    QRectF,
    QSizePolicy,
    Qt,
    QWidget,
    Signal,
)


def frame_to_qimage(frame: np.ndarray) -> QImage:
    """A deep copy as QImage (BGR or grey numpy); safe to build on a worker thread."""
    frame = np.ascontiguousarray(frame)
    h, w = frame.shape[:2]
    if frame.ndim == 2:
        return QImage(frame.data, w, h, frame.strides[0], QImage.Format.Format_Grayscale8).copy()
    return QImage(frame.data, w, h, frame.strides[0], QImage.Format.Format_BGR888).copy()


def page_to_qimage(page, height: int = 0) -> QImage:
    """A PIL page as QImage, optionally scaled to ``height`` (thumbnails; worker thread)."""
    image = frame_to_qimage(np.asarray(page.convert("L")))
    if height:
        image = image.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)
    return image


class FramePicture(QWidget):
    """Paints a frame scaled to fit (aspect kept) with an optional quadrilateral over it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._image: QImage | None = None
        self._corners: np.ndarray | None = None
        self.placeholder = ""
        self.setMinimumSize(480, 270)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_frame(self, image: QImage | None, corners: np.ndarray | None) -> None:
        self._image = image
        self._corners = None if corners is None else np.asarray(corners, dtype=np.float32).copy()
        self.update()

    @property
    def corners(self) -> np.ndarray | None:
        return None if self._corners is None else self._corners.copy()

    def image_rect(self) -> QRectF:
        """Where the frame is drawn in widget coordinates."""
        if self._image is None or self._image.isNull():
            return QRectF(0, 0, self.width(), self.height())
        iw, ih = self._image.width(), self._image.height()
        scale = min(self.width() / iw, self.height() / ih)
        w, h = iw * scale, ih * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def _scale(self) -> float:
        return self.image_rect().width() / self._image.width() if self._image else 1.0

    def to_widget(self, x: float, y: float) -> QPointF:
        rect, scale = self.image_rect(), self._scale()
        return QPointF(rect.x() + x * scale, rect.y() + y * scale)

    def to_image(self, point: QPointF) -> tuple[float, float]:
        rect, scale = self.image_rect(), self._scale()
        return (point.x() - rect.x()) / scale, (point.y() - rect.y()) / scale

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(32, 32, 32))
        if self._image is None or self._image.isNull():
            painter.setPen(QColor(220, 220, 220))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.placeholder)
            return
        painter.drawImage(self.image_rect(), self._image)
        if self._corners is not None:
            self.paint_corners(painter)

    def paint_corners(self, painter: QPainter) -> None:
        polygon = QPolygonF([self.to_widget(float(x), float(y)) for x, y in self._corners])
        painter.setPen(QPen(QColor(40, 220, 90), 3))
        painter.setBrush(QColor(40, 220, 90, 40))
        painter.drawPolygon(polygon)


class CameraView(FramePicture):
    """The live preview; the outline turns amber while the page still moves."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.steady = False
        self.setAccessibleName(self.tr("Camera preview"))

    def show_frame(self, image: QImage, corners: np.ndarray | None, *, steady: bool) -> None:
        self.steady = steady
        self.set_frame(image, corners)

    def paint_corners(self, painter: QPainter) -> None:
        colour = QColor(40, 220, 90) if self.steady else QColor(255, 176, 32)
        polygon = QPolygonF([self.to_widget(float(x), float(y)) for x, y in self._corners])
        painter.setPen(QPen(colour, 3))
        painter.setBrush(QColor(colour.red(), colour.green(), colour.blue(), 40))
        painter.drawPolygon(polygon)


class CornerEditor(FramePicture):
    """The still frame with four handles: drag them with the mouse, or with the keyboard —
    keys 1–4 (or N) pick a corner, arrows move it (Shift: finer)."""

    corners_changed = Signal()
    HANDLE = 9

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.selected = 0
        self._dragging = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.setAccessibleName(self.tr("Page corners"))

    def edit(self, image: QImage, corners: np.ndarray) -> None:
        self.selected = 0
        self.set_frame(image, corners)

    def move_corner(self, index: int, x: float, y: float) -> None:
        if self._corners is None or self._image is None:
            return
        self._corners[index] = (min(max(x, 0.0), self._image.width() - 1.0),
                                min(max(y, 0.0), self._image.height() - 1.0))
        self.update()
        self.corners_changed.emit()

    def paint_corners(self, painter: QPainter) -> None:
        super().paint_corners(painter)
        for index, (x, y) in enumerate(self._corners):
            centre = self.to_widget(float(x), float(y))
            selected = index == self.selected
            painter.setPen(QPen(QColor(255, 255, 255), 2))
            painter.setBrush(QColor(230, 60, 40) if selected else QColor(40, 120, 230))
            radius = self.HANDLE + (3 if selected else 0)
            painter.drawEllipse(centre, radius, radius)
            painter.drawText(QRectF(centre.x() - 8, centre.y() - 9, 16, 18), Qt.AlignmentFlag.AlignCenter,
                             str(index + 1))

    def _nearest(self, point: QPointF) -> int | None:
        if self._corners is None:
            return None
        distances = [((p := self.to_widget(float(x), float(y))).x() - point.x()) ** 2 + (p.y() - point.y()) ** 2
                     for x, y in self._corners]
        best = int(np.argmin(distances))
        return best if distances[best] <= (self.HANDLE * 3) ** 2 else None

    def mousePressEvent(self, event) -> None:
        index = self._nearest(event.position())
        if index is not None:
            self.selected, self._dragging = index, True
            self.update()

    def mouseMoveEvent(self, event) -> None:
        if self._dragging:
            self.move_corner(self.selected, *self.to_image(event.position()))

    def mouseReleaseEvent(self, _event) -> None:
        self._dragging = False

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if self._corners is None or self._image is None:
            return super().keyPressEvent(event)
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_4:
            self.selected = key - Qt.Key.Key_1
            self.update()
            return
        if key == Qt.Key.Key_N:
            self.selected = (self.selected + 1) % 4
            self.update()
            return
        fine = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        step = 1.0 if fine else max(2.0, self._image.width() / 200)
        moves = {Qt.Key.Key_Left: (-step, 0), Qt.Key.Key_Right: (step, 0),
                 Qt.Key.Key_Up: (0, -step), Qt.Key.Key_Down: (0, step)}
        if key in moves:
            x, y = self._corners[self.selected]
            dx, dy = moves[key]
            self.move_corner(self.selected, float(x + dx), float(y + dy))
            return
        super().keyPressEvent(event)
