"""The intake's ID card buttons: read the CCCD chip (F12) or the card's QR code with the
document camera (Ctrl+F12), then hand the card to the wizard's fill path.

Devices come as factories from the composition root; None means this counter has none set
up, and the button then says what to do instead of failing. A factory is called each time
the officer asks, so a reader plugged in after start-up is found. The dialogs do all
device work on their own workers; this module only opens them and passes the result on.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from counter_app.errors import CameraNotConfigured, ChipReaderNotConfigured, CounterError, DeviceError
from counter_app.idcard import CccdData
from ui.messages import UserMessage, describe, text_for
from ui.qt import QHBoxLayout, QPushButton, Qt, QWidget
from ui.widgets import label
from ui.workers import TaskRunner

if TYPE_CHECKING:  # the dialogs (and OpenCV behind the camera) load when first used, not at start-up
    from ui.camera_dialog import CameraQrDialog
    from ui.chip_dialog import ChipDialog

CHIP_KEYS = "F12"
CAMERA_KEYS = "Ctrl+F12"


class IdCardBar(QWidget):
    """Two buttons above the applicant form. ``on_card(CccdData)`` fills the form;
    ``on_error(UserMessage)`` shows why nothing could be opened."""

    def __init__(self, device_runner: TaskRunner, *, on_card: Callable[[CccdData], None],
                 on_error: Callable[[UserMessage], None], chip_reader_factory: Callable[[], object] | None = None,
                 camera_factory: Callable[[], object] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._device_runner = device_runner
        self._on_card, self._on_error = on_card, on_error
        self.chip_reader_factory, self.camera_factory = chip_reader_factory, camera_factory
        self.dialog: ChipDialog | CameraQrDialog | None = None  # the one open now, if any
        self.chip_button = QPushButton(self.tr("Read ID chip (F12)"))
        self.camera_button = QPushButton(self.tr("Read ID card with camera (Ctrl+F12)"))
        for button in (self.chip_button, self.camera_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # F12 / Ctrl+F12 are the way; Tab still reaches them
        self.chip_button.clicked.connect(lambda: self.read_chip())
        self.camera_button.clicked.connect(self.read_with_camera)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chip_button)
        layout.addWidget(self.camera_button)
        layout.addWidget(label(self.tr("or scan the card's QR code with the handheld scanner."), "muted"), 1)
        self.refresh()

    def set_devices(self, chip_reader_factory=None, camera_factory=None) -> None:
        self.chip_reader_factory, self.camera_factory = chip_reader_factory, camera_factory
        self.refresh()

    def refresh(self) -> None:
        """Buttons stay visible without a device; their tooltip says what to do."""
        self.chip_button.setToolTip(self.tr("Read the name, number, dates and address from the card's chip.")
                                    if self.chip_reader_factory else text_for("chip_reader_not_configured"))
        self.camera_button.setToolTip(self.tr("Hold the card's QR code under the document camera.")
                                      if self.camera_factory else text_for("camera_not_configured"))

    @property
    def busy(self) -> bool:
        return self.dialog is not None

    def read_chip(self, prefill: CccdData | None = None) -> ChipDialog | None:
        """Open the chip dialog, pre-filled (ID number, birth date, suggested expiry) from ``prefill``."""
        if self.busy:
            return None
        reader = self._build(self.chip_reader_factory, ChipReaderNotConfigured)
        if reader is None:
            return None
        from ui.chip_dialog import open_chip_dialog

        dialog = self.dialog = open_chip_dialog(self.window(), reader, self._device_runner, self._on_card,
                                                card=prefill)
        dialog.finished.connect(self._closed)
        return dialog

    def read_with_camera(self) -> CameraQrDialog | None:
        if self.busy:
            return None
        camera = self._build(self.camera_factory, CameraNotConfigured)
        if camera is None:
            return None
        from ui.camera_dialog import CameraQrDialog

        # Its own single worker (cameras are not thread-safe; closing waits for it), inline in tests.
        runner = TaskRunner(synchronous=True) if self._device_runner.synchronous else None
        dialog = self.dialog = CameraQrDialog(camera, runner=runner, parent=self.window())
        dialog.card_read.connect(self._on_card)
        dialog.finished.connect(self._closed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _build(self, factory, not_configured: type[DeviceError]):
        if factory is None:
            self._on_error(UserMessage(text_for(not_configured.code)))
            return None
        try:
            return factory()
        except CounterError as error:
            if type(error) is not DeviceError:  # a device's own typed fault (e.g. camera not found)
                self._on_error(describe(error))
                return None
            problem = error.message  # the settings name an adapter that is not installed
        except (TypeError, ValueError) as error:  # the settings give it options it does not take
            problem = str(error)
        self._on_error(UserMessage(text_for(not_configured.code), problem))
        return None

    def _closed(self, _result: int = 0) -> None:
        self.dialog = None
        self.window().activateWindow()  # the keys go back to the form
