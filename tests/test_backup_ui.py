"""The backup timer in the status bar and the Tools ▸ Backups dialog, offscreen, on a real
workspace and real folders (a USB drive is a folder that comes and goes)."""
from __future__ import annotations

import shutil
from datetime import datetime, timedelta

import pytest

from counter_app import backup_schedule
from counter_app.backup import list_backups, verify_backup
from tests.conftest import make_core
from ui.backup_settings_dialog import BackupSettingsDialog
from ui.backup_timer import BackupTimer
from ui.qt import QApplication, QMainWindow, Qt
from ui.workers import TaskRunner


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def ws(tmp_path):
    clock = Clock(datetime(2026, 11, 25, 8, 0))
    core = make_core(tmp_path / "ws", clock=clock)
    (tmp_path / "usb").mkdir()
    yield core, clock, tmp_path
    core.workspace.close()


def test_timer_backs_up_when_due_and_says_when_the_drive_is_missing(ws, qtbot):
    core, clock, tmp_path = ws
    backup_schedule.configure(core, destination=tmp_path / "usb" / "qmc", every_hours=4, keep=5)
    window = QMainWindow()
    qtbot.addWidget(window)
    timer = BackupTimer(core, window.statusBar(), synchronous=True, parent=window)
    with qtbot.waitSignal(timer.succeeded, timeout=10_000) as saved:
        timer.check()
    assert verify_backup(saved.args[0]) == [] and "08:00" in timer.label.text()
    clock.now += timedelta(hours=1)
    timer.check()  # not due: nothing happens
    assert len(list_backups(tmp_path / "usb" / "qmc")) == 1
    shutil.rmtree(tmp_path / "usb")  # unplugged
    clock.now += timedelta(hours=4)
    with qtbot.waitSignal(timer.failed, timeout=10_000) as failed:
        timer.check()
    text = failed.args[0]
    assert str(tmp_path / "usb" / "qmc") in text and "USB" in text and "10 min" in text
    assert timer.label.text() == text and not timer.running
    assert backup_schedule.status(core, clock.now).state.last_error_code == "backup_destination_missing"


def test_timer_runs_on_a_worker_thread(ws, qtbot):
    core, _clock, tmp_path = ws
    backup_schedule.configure(core, destination=tmp_path / "usb" / "qmc")
    timer = BackupTimer(core, synchronous=False)
    with qtbot.waitSignal(timer.succeeded, timeout=60_000):
        timer.check()
    timer.runner.wait(10_000)
    qtbot.waitUntil(lambda: not timer.running, timeout=10_000)
    assert len(list_backups(tmp_path / "usb" / "qmc")) == 1


def test_settings_dialog_by_keyboard(ws, qtbot):
    core, _clock, tmp_path = ws
    dialog = BackupSettingsDialog(core, TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.folder
    qtbot.keyClicks(dialog.folder, str(tmp_path / "usb" / "qmc"))
    qtbot.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.enabled.isChecked)
    qtbot.keyClick(dialog, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.every
    dialog.every.selectAll()
    qtbot.keyClicks(dialog.every, "6")
    qtbot.keyClick(dialog, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # back up now: no folder saved yet
    qtbot.waitUntil(lambda: dialog.banner.kind == "error")  # a mnemonic clicks the button a moment later
    assert "Tools" in dialog.banner.text()
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    backup = core.settings().backup
    assert (backup.enabled, backup.destination, backup.every_hours) == (True, str(tmp_path / "usb" / "qmc"), 6)
    again = BackupSettingsDialog(core, TaskRunner(synchronous=True))
    qtbot.addWidget(again)
    again.back_up_now()
    assert again.banner.kind == "ok" and len(list_backups(tmp_path / "usb" / "qmc")) == 1


def test_settings_dialog_refuses_a_missing_drive(ws, qtbot):
    core, _clock, tmp_path = ws
    dialog = BackupSettingsDialog(core, TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "no-drive" / "qmc"))
    dialog.save()
    assert dialog.banner.kind == "error" and "USB" in dialog.banner.text()
    assert core.settings().backup.destination == ""
