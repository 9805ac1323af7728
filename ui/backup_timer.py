"""Runs the scheduled backup while the app is open, off the UI thread, and says in the
status bar when it failed (USB drive not plugged in, drive full) and when it retries.

The core decides whether a backup is due (``counter_app.backup_schedule``); this only asks
it every few minutes, so a PC that was off at the planned time backs up soon after start.
Backups get a worker of their own: a long copy never holds up searching or receiving.
"""
from __future__ import annotations

from dataclasses import dataclass

from counter_app import backup_schedule
from counter_app.errors import CounterError
from ui.messages import describe
from ui.qt import QLabel, QObject, QTimer, Signal
from ui.theme import COLORS
from ui.workers import TaskRunner

CHECK_MS = 5 * 60_000  # how often to ask whether a backup is due
FIRST_CHECK_MS = 20_000  # after start: let the window open first


@dataclass(frozen=True)
class _Failure:
    error: CounterError
    status: backup_schedule.BackupStatus


class BackupTimer(QObject):
    succeeded = Signal(str)  # the new backup's folder
    failed = Signal(str)  # the text shown to the officer

    def __init__(self, core, status_bar=None, *, synchronous: bool = False,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.core = core
        self.runner = TaskRunner(self, synchronous=synchronous)
        self.running = False
        self.label = QLabel()
        self.label.setObjectName("backupStatus")
        if status_bar is not None:
            status_bar.addWidget(self.label)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        self._timer.start()
        QTimer.singleShot(FIRST_CHECK_MS, self, self.check)

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> None:
        """Back up now if due (nothing happens when it is not, or one is already running)."""
        if self.running:
            return
        self.running = True
        self.runner.submit(self._run, on_result=self._done, on_error=lambda error: self._failed(error, None),
                           on_finished=self._finished, owner=self)

    def _run(self):  # worker thread: the backup, and on failure what the message needs
        try:
            return backup_schedule.run_due_backup(self.core, self.core.clock())
        except CounterError as error:
            return _Failure(error, backup_schedule.status(self.core, self.core.clock()))

    def _finished(self) -> None:
        self.running = False

    def _done(self, outcome) -> None:
        if isinstance(outcome, _Failure):
            self._failed(outcome.error, outcome.status)
            return
        if outcome is None:
            return
        when = outcome.created_at.strftime("%H:%M")
        self._show(self.tr("Backup saved at {time}.").format(time=when), "muted")
        self.succeeded.emit(str(outcome.path))

    def _failed(self, error: BaseException, status) -> None:
        destination = status.settings.destination if status is not None else ""
        next_at = status.next_at if status is not None else None
        wait = next_at - self.core.clock() if next_at and next_at.year > 1 else None
        minutes = max(1, round(wait.total_seconds() / 60)) if wait is not None else backup_schedule.RETRY_MINUTES
        text = self.tr("Backup to {destination} failed: {reason} The app retries in {minutes} min.").format(
            destination=destination or "?", reason=describe(error).text, minutes=minutes)
        self._show(text, "error")
        self.failed.emit(text)

    def _show(self, text: str, tone: str) -> None:
        self.label.setText(text)
        self.label.setToolTip(text)
        self.label.setStyleSheet(f"color: {COLORS[tone]}; font-weight: 600;")

