"""Notice a catalogue version applied while a screen is open (by the sync pull, or an
import in another process) and tell the screen, so the officer never needs a restart."""
from __future__ import annotations

from typing import Callable

from ui.qt import QObject, QTimer


class CatalogueWatch(QObject):
    INTERVAL_MS = 3000  # one small aggregate query, in a worker, every few seconds

    def __init__(self, core, runner, on_change: Callable[[], None], parent: QObject | None = None,
                 interval_ms: int | None = None):
        super().__init__(parent)
        self._core, self._runner, self._on_change = core, runner, on_change
        self._seen: tuple | None = None
        self._asking = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms or self.INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        self.check()

    def check(self) -> None:
        if self._asking:
            return  # the previous question is still out
        self._asking = True
        self._runner.submit(self._core.catalogue_version, on_result=self._answered, on_error=lambda _exc: None,
                            on_finished=self._finished, owner=self)

    def _finished(self) -> None:
        self._asking = False

    def _answered(self, version: tuple) -> None:
        changed = self._seen is not None and version != self._seen
        self._seen = version
        if changed:
            self._on_change()
