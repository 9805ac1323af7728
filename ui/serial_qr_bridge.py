"""A 2D barcode scanner on a serial/USB-CDC port fills the intake screen.

The reader runs on a thread of its own (the composition root starts it); its callbacks
arrive here as Qt signals, queued to the UI thread, where the intake form is filled the
same way as from a keyboard-wedge scanner (the officer confirms what was read).
"""
from __future__ import annotations

from typing import Callable

from ui.messages import describe
from ui.qt import QObject, Signal


class SerialQrBridge(QObject):
    card = Signal(object)
    error = Signal(object)

    def __init__(self, intake):
        super().__init__(intake)
        self.card.connect(intake.fill_from_cccd)
        self.error.connect(lambda error: intake.banner.show_error(describe(error)))


def attach_serial_qr(intake, start: Callable) -> object:
    """``start(on_card, on_error)`` starts the reader thread and returns it (it has ``stop``)."""
    bridge = SerialQrBridge(intake)
    listener = start(bridge.card.emit, bridge.error.emit)
    intake.destroyed.connect(lambda *_: listener.stop())
    return listener
