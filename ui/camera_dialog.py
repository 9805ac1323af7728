"""Photographing pages with the document camera, and reading a CCCD QR code from it.

``CameraDialog``: live preview with the detected page outlined; pages are taken when they
lie still (auto-capture, A toggles) or on Space; captured pages appear as thumbnails and
can be turned (R), re-cropped by moving their corners (E) or deleted (Del). "Done" hands
the finished pages (grey PIL images carrying their dpi) to the caller through
``pages_ready`` and ``pages()``.

``CameraQrDialog``: reads frames until the project's QR reader finds a citizen ID card,
then hands the parsed card through ``card_read``.

Every camera call, detection and page rendering runs on a device ``TaskRunner``; the UI
thread only paints. ``live=False`` turns the timer off: tests call ``step()`` for one
frame at a time (with a synchronous runner, fully deterministic).
"""
from __future__ import annotations

from dataclasses import dataclass

from counter_app.errors import QrNotCccd, QrUnreadable
from counter_app.idcard import parse_cccd, repair_text
from devices.camera.pipeline import FrameResult, PageCapture, Shot
from ui.camera_widget import CameraView, CornerEditor, frame_to_qimage, page_to_qimage
from ui.messages import describe
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QCheckBox,
    QCoreApplication,
    QDialog,
    QHBoxLayout,
    QIcon,
    QImage,
    QKeySequence,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPixmap,
    QPushButton,
    QShortcut,
    QSize,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets import Banner, label, primary_button
from ui.workers import TaskRunner

THUMB_HEIGHT = 140
FRAME_MS = 80  # ~12 frames a second: smooth enough to aim, light on a 2-core office PC


@dataclass
class Page:
    shot: Shot
    image: object = None  # the rendered PIL page (None while it is being made)
    thumb: QImage | None = None


# An explicit context: tr() in a shared base class would be looked up under each subclass's name.
OPENING = QT_TRANSLATE_NOOP("CameraSession", "Opening the camera…")
WAITING = QT_TRANSLATE_NOOP("CameraSession", "Waiting for the first picture…")
NO_PICTURE = QT_TRANSLATE_NOOP("CameraSession", "No picture from the camera.")


def _session_tr(text: str) -> str:
    return QCoreApplication.translate("CameraSession", text)


class _CameraSession(QDialog):
    """Shared by both dialogs: opening, the frame timer, one frame in flight, closing."""

    def __init__(self, camera, runner: TaskRunner | None, live: bool, parent: QWidget | None):
        super().__init__(parent)
        self.camera = camera
        self.runner = runner or TaskRunner(self, threads=1)  # one thread: cameras are not thread-safe
        self.live = live
        self.busy = False
        self.stopped = False
        self.banner = Banner()
        self.view = CameraView()
        self.view.placeholder = _session_tr(OPENING)
        self.timer = QTimer(self)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self.step)
        self.finished.connect(self._shut_down)

    def start(self) -> None:
        self.runner.submit(self.camera.open, on_result=lambda _: self._opened(), on_error=self._camera_failed,
                           owner=self)

    def _opened(self) -> None:
        self.view.placeholder = _session_tr(WAITING)
        self.view.update()
        if self.live and not self.stopped:
            self.timer.start()

    def step(self) -> None:
        """Ask the worker for the next frame (skipped while the previous one is still on its way)."""
        if self.busy or self.stopped:
            return
        self.busy = True
        self.runner.submit(self.work, on_result=self.show_result, on_error=self._camera_failed,
                           on_finished=self._idle, owner=self)

    def _idle(self) -> None:
        self.busy = False

    def work(self):  # worker thread
        raise NotImplementedError

    def show_result(self, result) -> None:  # UI thread
        raise NotImplementedError

    def _camera_failed(self, error: BaseException) -> None:
        self.stopped = True
        self.timer.stop()
        self.banner.show_error(describe(error))
        self.view.placeholder = _session_tr(NO_PICTURE)
        self.view.set_frame(None, None)

    def _shut_down(self, _result: int = 0) -> None:
        self.stopped = True
        self.timer.stop()
        self.runner.submit(self.camera.close, on_error=lambda _e: None)
        if not self.runner.synchronous:
            self.runner.wait(5000)


class CameraDialog(_CameraSession):
    """Document camera → pages. ``pages()`` after ``accept``; ``pages_ready`` carries them too."""

    pages_ready = Signal(list)

    def __init__(self, camera, *, runner: TaskRunner | None = None, live: bool = True, auto: bool = True,
                 parent: QWidget | None = None):
        super().__init__(camera, runner, live, parent)
        self.setWindowTitle(self.tr("Document camera"))
        self.capture = PageCapture(auto=auto)
        self.last: FrameResult | None = None
        self.last_image: QImage | None = None
        self.captured: list[Page] = []
        self._build(auto)
        self.start()

    # -- layout -------------------------------------------------------------------------

    def _build(self, auto: bool) -> None:
        self.editor = CornerEditor()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.editor)
        self.status = label("", "muted", wrap=True)
        self.hint = label(self.tr("Lay the page flat under the camera. It is taken by itself once it lies "
                                  "still, or press Space."), wrap=True)

        self.thumbs = QListWidget()
        self.thumbs.setViewMode(QListView.ViewMode.IconMode)
        self.thumbs.setIconSize(QSize(THUMB_HEIGHT, THUMB_HEIGHT))
        self.thumbs.setMovement(QListView.Movement.Static)
        self.thumbs.setFlow(QListView.Flow.TopToBottom)
        self.thumbs.setWrapping(False)
        self.thumbs.setFixedWidth(THUMB_HEIGHT + 48)
        self.thumbs.setAccessibleName(self.tr("Captured pages"))
        self.count = label("", "muted")

        self.capture_button = QPushButton(self.tr("&Capture now (Space)"))
        self.auto_box = QCheckBox(self.tr("&Auto-capture (A)"))
        self.auto_box.setChecked(auto)
        self.rotate_button = QPushButton(self.tr("&Rotate (R)"))
        self.edit_button = QPushButton(self.tr("&Edit corners (E)"))
        self.delete_button = QPushButton(self.tr("De&lete (Del)"))
        self.done_button = primary_button(self.tr("&Done"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.apply_button = primary_button(self.tr("A&pply corners (Enter)"))
        self.back_button = QPushButton(self.tr("&Back (Esc)"))
        self.editor_hint = label(self.tr("Drag the round handles onto the page's corners. Keyboard: 1–4 pick a "
                                         "corner, arrows move it, Shift+arrows move it finely."), wrap=True)

        live_row = QHBoxLayout()
        for widget in (self.capture_button, self.auto_box, self.rotate_button, self.edit_button,
                       self.delete_button):
            live_row.addWidget(widget)
        live_row.addStretch(1)
        live_row.addWidget(self.cancel_button)
        live_row.addWidget(self.done_button)
        self.live_bar = QWidget()
        self.live_bar.setLayout(live_row)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.editor_hint, 1)
        edit_row.addWidget(self.back_button)
        edit_row.addWidget(self.apply_button)
        self.edit_bar = QWidget()
        self.edit_bar.setLayout(edit_row)
        self.edit_bar.hide()

        side = QVBoxLayout()
        side.addWidget(label(self.tr("Captured pages"), "section"))
        side.addWidget(self.thumbs, 1)
        side.addWidget(self.count)
        top = QHBoxLayout()
        main = QVBoxLayout()
        main.addWidget(self.stack, 1)
        main.addWidget(self.status)
        top.addLayout(main, 1)
        top.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.banner)
        layout.addLayout(top, 1)
        layout.addWidget(self.live_bar)
        layout.addWidget(self.edit_bar)

        self.capture_button.clicked.connect(self.capture_now)
        self.auto_box.toggled.connect(self.set_auto)
        self.rotate_button.clicked.connect(self.rotate_selected)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.done_button.clicked.connect(self.done_capturing)
        self.cancel_button.clicked.connect(self.reject)
        self.apply_button.clicked.connect(self.apply_corners)
        self.back_button.clicked.connect(self.leave_editor)
        self.thumbs.currentRowChanged.connect(lambda _row: self._refresh_buttons())
        for key, slot in ((Qt.Key.Key_Space, self.capture_now), (Qt.Key.Key_A, self.auto_box.toggle),
                          (Qt.Key.Key_R, self.rotate_selected), (Qt.Key.Key_E, self.edit_selected),
                          (Qt.Key.Key_Delete, self.delete_selected)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(slot)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.editor).activated.connect(self.apply_corners)
        self.resize(1100, 680)
        self._refresh_buttons()

    @property
    def editing(self) -> bool:
        return self.stack.currentWidget() is self.editor

    def _refresh_buttons(self) -> None:
        has = 0 <= self.thumbs.currentRow() < len(self.captured)
        for button in (self.rotate_button, self.edit_button, self.delete_button):
            button.setEnabled(has and not self.editing)
        self.capture_button.setEnabled(not self.editing and not self.stopped)
        self.count.setText(self.tr("Pages: {count}").format(count=len(self.captured)))

    # -- live frames --------------------------------------------------------------------

    def work(self):  # worker thread: read, detect, maybe capture and render
        frame = self.camera.read()
        result = self.capture.process(frame)
        image = frame_to_qimage(frame)
        rendered = self._render(result.shot) if result.shot is not None else None
        return result, image, rendered

    def show_result(self, payload) -> None:
        result, image, rendered = payload
        self.last, self.last_image = result, image
        steady = result.corners is not None and result.motion < self.capture.detector.motion
        self.view.show_frame(image, result.corners, steady=steady)
        if result.corners is None:
            self.status.setText(self.tr("No page in view."))
        elif not steady:
            self.status.setText(self.tr("Page found: hold it still…"))
        else:
            self.status.setText(self.tr("Page is still."))
        if rendered is not None:
            self._add(result.shot, rendered)

    @staticmethod
    def _render(shot: Shot):
        page = shot.render()
        return page, page_to_qimage(page, THUMB_HEIGHT)

    def _add(self, shot: Shot, rendered) -> None:
        page, thumb = rendered
        self.captured.append(Page(shot, page, thumb))
        name = self.tr("Page {number}").format(number=len(self.captured))
        self.thumbs.addItem(QListWidgetItem(QIcon(QPixmap.fromImage(thumb)), name))
        self.thumbs.setCurrentRow(len(self.captured) - 1)
        self.status.setText(self.tr("Page {number} captured.").format(number=len(self.captured)))
        self._refresh_buttons()

    def _show_error(self, error: BaseException) -> None:
        self.banner.show_error(describe(error))

    def _camera_failed(self, error: BaseException) -> None:
        super()._camera_failed(error)
        self.status.setText("")  # the last frame's state no longer holds
        self._refresh_buttons()  # nothing to capture; pages already taken stay editable

    def set_auto(self, on: bool) -> None:
        def switch() -> None:  # on the device thread, between two frames: the detector is not shared
            self.capture.auto = on
            self.capture.detector.reset()  # turning it on must not fire on a page lying there for minutes

        self.runner.submit(switch, on_error=self._show_error, owner=self)

    def capture_now(self) -> None:
        """Space: take the current frame (the detected page, or the whole picture)."""
        if self.editing or self.last is None or self.stopped:  # never a stale frame after a camera fault
            return
        shot = PageCapture.capture_now(self.last)
        self.runner.submit(lambda: self._render(shot), on_result=lambda rendered: self._add(shot, rendered),
                           on_error=self._show_error, owner=self)

    # -- editing captured pages ------------------------------------------------------------

    def _selected(self) -> int:
        row = self.thumbs.currentRow()
        return row if 0 <= row < len(self.captured) else -1

    def _rerender(self, row: int) -> None:
        page = self.captured[row]
        page.image = None

        def done(rendered) -> None:
            if row < len(self.captured) and self.captured[row] is page:
                page.image, page.thumb = rendered
                self.thumbs.item(row).setIcon(QIcon(QPixmap.fromImage(page.thumb)))

        self.runner.submit(lambda: self._render(page.shot), on_result=done,
                           on_error=self._show_error, owner=self)

    def rotate_selected(self) -> None:
        row = self._selected()
        if row < 0 or self.editing:
            return
        self.captured[row].shot.rotation = (self.captured[row].shot.rotation + 1) % 4
        self._rerender(row)

    def edit_selected(self) -> None:
        row = self._selected()
        if row < 0 or self.editing:
            return
        shot = self.captured[row].shot
        self.timer.stop()
        self.editor.edit(frame_to_qimage(shot.frame), shot.frame_corners())
        self.stack.setCurrentWidget(self.editor)
        self.live_bar.hide()
        self.edit_bar.show()
        self.hint.setText(self.tr("Correct the page's outline, then apply."))
        self.editor.setFocus()
        self._refresh_buttons()

    def apply_corners(self) -> None:
        if not self.editing:
            return
        row = self._selected()
        if row >= 0 and self.editor.corners is not None:
            self.captured[row].shot.corners = self.editor.corners
            self._rerender(row)
        self.leave_editor()

    def leave_editor(self) -> None:
        self.stack.setCurrentWidget(self.view)
        self.edit_bar.hide()
        self.live_bar.show()
        self.hint.setText(self.tr("Lay the page flat under the camera. It is taken by itself once it lies "
                                  "still, or press Space."))
        self.thumbs.setFocus()
        if self.live and not self.stopped:
            self.timer.start()
        self._refresh_buttons()

    def delete_selected(self) -> None:
        row = self._selected()
        if row < 0 or self.editing:
            return
        del self.captured[row]
        self.thumbs.takeItem(row)
        for index in range(self.thumbs.count()):
            self.thumbs.item(index).setText(self.tr("Page {number}").format(number=index + 1))
        self._refresh_buttons()

    def reject(self) -> None:
        if self.editing:  # Esc in the editor goes back to the preview, it does not drop the pages
            self.leave_editor()
            return
        super().reject()

    # -- finishing ------------------------------------------------------------------------

    def pages(self) -> list:
        return [page.image for page in self.captured if page.image is not None]

    def done_capturing(self) -> None:
        """Render whatever is still pending, then hand the pages over."""
        if self.editing:
            return
        self.timer.stop()
        pending = [page for page in self.captured if page.image is None]

        def render_pending():
            return [(page, self._render(page.shot)) for page in pending]

        def finish(results) -> None:
            for page, (image, thumb) in results:
                page.image, page.thumb = image, thumb
            self.pages_ready.emit(self.pages())
            self.accept()

        self.runner.submit(render_pending, on_result=finish,
                           on_error=self._show_error, owner=self)


class CameraQrDialog(_CameraSession):
    """Hold the ID card under the camera: the first CCCD QR read closes the dialog (``card``)."""

    card_read = Signal(object)  # the parsed CccdData
    text_read = Signal(str)  # the card's QR text, for screens that parse it themselves (intake wizard)

    def __init__(self, camera, reader=None, *, runner: TaskRunner | None = None, live: bool = True,
                 parent: QWidget | None = None):
        super().__init__(camera, runner, live, parent)
        from devices.qr.zxing_reader import ZxingQrReader

        self.setWindowTitle(self.tr("Read the ID card's QR code"))
        # A budget per frame: the next frame is a better try than a long fallback on this one.
        self.reader = reader or ZxingQrReader(budget_ms=40)
        self.card = None
        self.status = label(self.tr("Hold the QR code of the ID card (front, top right) under the camera."),
                            wrap=True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.resize(800, 560)
        self.start()

    def work(self):  # worker thread
        frame = self.camera.read()
        image = frame_to_qimage(frame)
        try:
            payload = self.reader.decode(frame)
        except QrUnreadable:
            return image, None, None  # no code in this frame: try the next one
        try:
            return image, (parse_cccd(payload), repair_text(payload)[0]), None
        except (QrNotCccd, QrUnreadable) as error:  # a code, but not a card's: tell the officer
            return image, None, error

    def show_result(self, payload) -> None:
        image, read, error = payload
        self.view.show_frame(image, None, steady=False)
        if error is not None:
            self.banner.show_error(describe(error))
            return
        if read is not None and self.card is None:
            card, text = read
            self.card = card
            self.stopped = True
            self.timer.stop()
            self.status.setText(self.tr("ID card read: {name}").format(name=card.full_name))
            self.card_read.emit(card)
            self.text_read.emit(text)
            self.accept()
