"""Tools ▸ Backups…: where and how often the app backs itself up, how many backups to
keep, and "back up now" with a progress bar and a Stop button (a stopped backup leaves
nothing half-written: ``counter_app.backup``). The administrator's choice is checked
again in the core."""
from __future__ import annotations

import threading
from pathlib import Path

from counter_app import backup, backup_schedule
from ui.messages import describe
from ui.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.fit import grow_to_text
from ui.widgets import Banner, buddy_label, label
from ui.workers import TaskRunner


class BackupSettingsDialog(QDialog):
    progressed = Signal(object)  # a counter_app.backup.BackupProgress, from the worker's thread

    def __init__(self, core, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.core, self.runner = core, runner
        self.running = False
        self._close_when_stopped = False
        self._stop = threading.Event()
        self.progressed.connect(self.show_progress)
        self.setWindowTitle(self.tr("Backups"))
        self.setMinimumWidth(560)  # the folder path and the Vietnamese labels stay readable
        grow_to_text(self)
        backup = core.settings().backup
        self.enabled = QCheckBox(self.tr("&Automatic backups"))
        self.enabled.setChecked(backup.enabled)
        self.folder = QLineEdit(backup.destination)
        self.folder.setPlaceholderText(self.tr("A folder on a second disk or a USB drive"))
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.clicked.connect(self.browse)
        self.every = QSpinBox()
        self.every.setRange(1, backup_schedule.MAX_EVERY_HOURS)
        self.every.setValue(backup.every_hours)
        self.keep = QSpinBox()
        self.keep.setRange(1, 1000)
        self.keep.setValue(backup.keep)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow("", self.enabled)
        form.addRow(buddy_label(self.tr("Backup &folder:"), self.folder), folder_row)
        form.addRow(buddy_label(self.tr("Every N &hours:"), self.every), self.every)
        form.addRow(buddy_label(self.tr("&Keep the newest:"), self.keep), self.keep)
        self.last = label("", "muted", wrap=True)
        self.progress = QProgressBar()
        self.stop_button = QPushButton(self.tr("S&top the backup"))
        self.stop_button.setToolTip(self.tr("Stop it cleanly: nothing of this backup is kept, earlier backups "
                                            "stay as they are"))
        self.stop_button.clicked.connect(self.stop_backup)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.stop_button)
        self.progress_box = QWidget()
        self.progress_box.setLayout(progress_row)
        progress_row.setContentsMargins(0, 0, 0, 0)
        self.progress_box.hide()
        self.banner = Banner()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Cancel"))
        self.now_button = buttons.addButton(self.tr("Back up &now"), QDialogButtonBox.ButtonRole.ActionRole)
        self.now_button.clicked.connect(self.back_up_now)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("The app backs up the dossiers and their files while it works. A backup "
                                       "that is due while the computer is off runs when the app starts."),
                               wrap=True))
        layout.addLayout(form)
        layout.addWidget(self.last)
        layout.addWidget(self.progress_box)
        layout.addWidget(self.banner)
        layout.addWidget(buttons)
        self.refresh_status()

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def refresh_status(self) -> None:
        def show(status) -> None:
            state = status.state
            text = (self.tr("Last backup: {time}").format(time=f"{state.last_success_at:%d/%m/%Y %H:%M}")
                    if state.last_success_at else self.tr("No backup yet."))
            if state.last_error_code:
                text += " " + self.tr("The last attempt failed.")
            self.last.setText(text)

        self.runner.submit(lambda: backup_schedule.status(self.core, self.core.clock()), on_result=show,
                           owner=self)

    def save(self) -> None:
        folder = self.folder.text().strip()
        enabled, every, keep = self.enabled.isChecked(), self.every.value(), self.keep.value()

        def work():
            return backup_schedule.configure(self.core, destination=Path(folder) if folder else None,
                                             every_hours=every, keep=keep, enabled=enabled)

        self.runner.submit(work, on_result=lambda _backup: self.accept(),
                           on_error=lambda error: self.banner.show_error(describe(error)), owner=self)

    def back_up_now(self) -> None:
        if self.running:
            return
        self.running = True
        self._stop.clear()
        self.banner.show_message("info", self.tr("Backing up…"))
        self.now_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first step says how many there are
        self.stop_button.setEnabled(True)
        self.progress_box.show()
        self.stop_button.setFocus()

        def report(step: backup.BackupProgress) -> None:  # on the worker's thread
            self.progressed.emit(step)
            if self._stop.is_set():
                raise backup.BackupCancelled()

        def work():
            with backup.reporting(report):
                return backup_schedule.run_due_backup(self.core, self.core.clock(), force=True)

        def done(outcome) -> None:
            self.banner.show_message("ok", self.tr("Backup saved in {path}.").format(path=str(outcome.path)))
            self.refresh_status()

        def failed(error: BaseException) -> None:
            if isinstance(error, backup.BackupCancelled):
                self.banner.show_message("info", self.tr("Backup stopped. Nothing of it was kept; the earlier "
                                                         "backups are as they were."))
            else:
                self.banner.show_error(describe(error))

        self.runner.submit(work, on_result=done, on_error=failed, on_finished=self._finished, owner=self)

    def show_progress(self, step) -> None:
        if not self.running:
            return
        self.progress.setRange(0, step.total)
        self.progress.setValue(step.done)
        self.progress.setFormat(self.tr("Copying the database…") if step.stage == "database"
                                else self.tr("Files: %v of %m"))

    def stop_backup(self) -> None:
        """Stop at the next step (the database copy, or the file being copied, finishes first)."""
        if self.running:
            self._stop.set()
            self.stop_button.setEnabled(False)
            self.banner.show_message("info", self.tr("Stopping the backup…"))

    def _finished(self) -> None:
        self.running = False
        self.progress_box.hide()
        self.now_button.setEnabled(True)
        if self._close_when_stopped:
            super().reject()

    def reject(self) -> None:
        """Esc or Cancel while a backup runs stops it first; the dialog closes once it has."""
        if self.running:
            self._close_when_stopped = True
            self.stop_backup()
            return
        super().reject()
