"""Run core and device calls off the UI thread and hand results back to it.

A ``TaskRunner`` owns a small ``QThreadPool``; each call becomes a ``QRunnable`` whose
result or exception travels back through a signal of a ``QObject`` that lives in the UI
thread, so callbacks always run on the UI thread (queued connection). With
``synchronous=True`` the call and its callbacks run at once in the caller's thread: GUI
tests are then deterministic, as with Picard's test thread pool.

The core's database wants one writer at a time, so the core runner uses a single
thread (as Anki runs DB work on one thread); devices get a runner of their own so a
slow printer never holds up a search.
"""
from __future__ import annotations

import logging
from typing import Any, Callable

from ui.qt import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot, isValid

log = logging.getLogger(__name__)

Callback = Callable[[Any], None] | None


class _Delivery(QObject):
    """Lives in the UI thread; the worker emits, the queued slot calls back there."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, runner: "TaskRunner", on_result: Callback, on_error: Callback,
                 on_finished: Callable[[], None] | None, owner: QObject | None):
        super().__init__()
        self._runner = runner
        self._on_result, self._on_error, self._on_finished = on_result, on_error, on_finished
        self._owner = owner
        self.succeeded.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)

    def _alive(self) -> bool:
        # A screen closed while its job ran must not be called back into.
        return self._owner is None or isValid(self._owner)

    @Slot(object)
    def _deliver_result(self, result) -> None:
        try:
            if self._alive() and self._on_result:
                self._on_result(result)
        finally:
            self._finish()

    @Slot(object)
    def _deliver_error(self, error) -> None:
        try:
            if self._alive():
                if self._on_error:
                    self._on_error(error)
                else:
                    log.error("Background task failed", exc_info=error)
        finally:
            self._finish()

    def _finish(self) -> None:
        try:
            if self._alive() and self._on_finished:
                self._on_finished()
        finally:
            self._runner._done(self)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], delivery: _Delivery):
        super().__init__()
        self._fn = fn
        self._delivery = delivery

    def run(self) -> None:  # worker thread
        try:
            result = self._fn()
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the UI
            log.debug("Task raised", exc_info=exc)
            self._delivery.failed.emit(exc)
        else:
            self._delivery.succeeded.emit(result)


class TaskRunner(QObject):
    """Runs callables in a thread pool (or inline when ``synchronous``)."""

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False, threads: int = 1):
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._pending: set[_Delivery] = set()

    def submit(self, fn: Callable[[], Any], *, on_result: Callback = None, on_error: Callback = None,
               on_finished: Callable[[], None] | None = None, owner: QObject | None = None) -> None:
        """Run ``fn()``; then ``on_result(value)`` or ``on_error(exception)``, then ``on_finished()``."""
        delivery = _Delivery(self, on_result, on_error, on_finished, owner)
        self._pending.add(delivery)  # kept alive until its answer is delivered
        if self.synchronous:
            try:
                result = fn()
            except Exception as exc:  # noqa: BLE001
                delivery._deliver_error(exc)
            else:
                delivery._deliver_result(result)
        else:
            self._pool.start(_Job(fn, delivery))

    def _done(self, delivery: _Delivery) -> None:
        self._pending.discard(delivery)
        delivery.deleteLater()

    def wait(self, msecs: int = -1) -> bool:
        """Block until running jobs end (used when the window closes)."""
        return self._pool.waitForDone(msecs)


class LatestOnly(QObject):
    """Search as you type: run ``fn(*args)`` ``delay_ms`` after the last request and
    deliver only the newest answer; answers to older requests are dropped."""

    def __init__(self, runner: TaskRunner, fn: Callable[..., Any], on_result: Callable[[Any], None],
                 on_error: Callback = None, *, delay_ms: int = 150, parent: QObject | None = None):
        super().__init__(parent)
        self._runner, self._fn = runner, fn
        self._on_result, self._on_error = on_result, on_error
        self._args: tuple = ()
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)

    def request(self, *args) -> None:
        self._args = args
        self._generation += 1  # an answer already on its way is now stale
        if self._runner.synchronous:
            self.flush()
        else:
            self._timer.start()

    @Slot()
    def flush(self) -> None:
        """Run the last request now (Enter pressed before the pause ran out)."""
        self._timer.stop()
        self._generation += 1
        generation, args = self._generation, self._args
        self._runner.submit(lambda: self._fn(*args),
                            on_result=lambda value: self._deliver(generation, self._on_result, value),
                            on_error=lambda exc: self._deliver(generation, self._on_error, exc),
                            owner=self)

    def _deliver(self, generation: int, callback: Callback, value) -> None:
        if generation == self._generation and callback:
            callback(value)

    @property
    def pending(self) -> bool:
        return self._timer.isActive()
