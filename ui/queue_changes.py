"""Wake a queue screen as soon as the queue changes: a long poll on a worker thread.

``queue.changes(version, wait)`` returns when something changed (through the LAN host,
or in this PC's workspace) or after ``wait`` seconds; each answer starts the next wait.
A failure (host unreachable) is reported and retried a little later, so the screen
recovers by itself. Waits are short so closing the window never hangs for long.
"""
from __future__ import annotations

from ui.display_common import timer
from ui.qt import QObject, Signal
from ui.workers import TaskRunner

WAIT_S = 3.0
RETRY_MS = 2000


class QueueChanges(QObject):
    changed = Signal()
    failed = Signal(object)  # the exception

    def __init__(self, queue, parent: QObject):
        super().__init__(parent)
        self.queue = queue
        self.version: str | None = None
        self._runner = TaskRunner(self)  # its own thread: the wait never blocks reads
        self._retry = timer(parent, RETRY_MS, self._wait, single_shot=True)
        self._stopped = True

    def start(self) -> None:
        self._stopped = False
        self._wait()

    def stop(self) -> None:
        self._stopped = True
        self._retry.stop()

    def _wait(self) -> None:
        if self._stopped:
            return
        version, queue = self.version, self.queue
        self._runner.submit(lambda: queue.changes(version, WAIT_S), on_result=self._answer, on_error=self._error,
                            owner=self)

    def _answer(self, version: str) -> None:
        if version != self.version:  # also the first answer after a failure: the screen catches up
            self.version = version
            self.changed.emit()
        self._wait()

    def _error(self, error: BaseException) -> None:
        self.version = None  # after a failure, start again from the host's current state
        self.failed.emit(error)
        if not self._stopped:
            self._retry.start()
