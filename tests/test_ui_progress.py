"""Running state, progress and cancel: "Sync now" against a real sync server, and "Back up now"
on a real workspace with real files, stopped mid-way (deterministically: from the progress of
the first file) without leaving half a backup."""
from __future__ import annotations

import os
from datetime import datetime, timedelta

import pytest

from counter_app import backup_schedule
from counter_app.backup import (
    BackupCancelled,
    BackupProgress,
    create_backup,
    list_backups,
    partial_folder,
    verify_backup,
)
from counter_app.documents import attach_document
from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
from counter_app.storage.filestore import FileStore
from counter_app.storage.models import Dossier
from sync.testing.counters import make_worker, receive
from sync.testing.fixtures import server  # noqa: F401 (fixture)
from tests.conftest import make_core
from ui import i18n
from ui.backup_settings_dialog import BackupSettingsDialog
from ui.messages import text_for
from ui.qt import QCoreApplication, QTranslator
from ui.sync_panel import SyncPanel
from ui.workers import TaskRunner

T0 = datetime(2026, 11, 25, 8, 0)
FILES = 6


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def vietnamese():
    translator = QTranslator()
    assert translator.load(str(i18n.qm_path("vi")))
    QCoreApplication.instance().installTranslator(translator)
    yield
    QCoreApplication.instance().removeTranslator(translator)


# -- sync now ---------------------------------------------------------------------------------

def test_sync_now_shows_it_runs_then_how_many_were_sent_or_why_it_stopped(tmp_path, server, qtbot, vietnamese):
    core = make_core(tmp_path / "ws")
    receive(core, "Nguyễn Văn An", with_form=True)
    receive(core, "Lê Thị Bình")
    worker = make_worker(core, server.url, interval=60.0, max_backoff=1.0)
    panel = SyncPanel(core.workspace, worker, poll_ms=200)
    qtbot.addWidget(panel)
    try:
        assert panel.status.pending == 2
        assert panel.progress.isHidden() and panel.round_label.isHidden() and panel.sync_button.isEnabled()
        reports = []
        panel.round_finished.connect(reports.append)
        panel.sync_button.click()  # as Enter or Space on the button: no event is handled before the checks
        assert panel.syncing and not panel.sync_button.isEnabled() and not panel.progress.isHidden()
        assert panel.progress.maximum() == 0  # busy
        assert panel.round_label.text() == "Đang đồng bộ với hệ thống của tỉnh…"
        panel.sync_now()  # a second press while it runs changes nothing
        qtbot.waitUntil(panel.sync_button.isEnabled, timeout=30_000)
        assert len(reports) == 1 and reports[0].ok and reports[0].push.sent == 2
        assert panel.progress.isHidden() and not panel.syncing
        assert panel.round_label.text() == "Đã đồng bộ xong: đã gửi 2 thay đổi."
        assert panel.status.pending == 0

        server.stop()  # the province goes away: the round ends, the button comes back, the reason is given
        receive(core, "Đỗ Thị Dung")
        panel.sync_button.click()
        assert not panel.sync_button.isEnabled() and not panel.progress.isHidden()
        qtbot.waitUntil(panel.sync_button.isEnabled, timeout=30_000)
        assert panel.progress.isHidden()
        assert panel.round_label.text() == f"Chưa đồng bộ xong (đã gửi 0 thay đổi): {text_for('sync_offline')}"
        assert panel.status.pending == 1
    finally:
        worker.stop()
        core.workspace.close()


# -- back up now --------------------------------------------------------------------------------

def add_files(core, count: int, size: int = 256 * 1024) -> None:
    """Scans of ``size`` bytes on new dossiers: files the backup copies one by one."""
    for index in range(count):
        code = core.receive(IntakeRequest("1.004227", ApplicantInput(name=f"Nguyễn Văn {index}"),
                                          received_at=T0)).code
        data = os.urandom(size)
        sha256 = core.workspace.files.put(data)
        with core.workspace.db.write() as session:
            dossier = session.query(Dossier).filter_by(code=code).one()
            attach_document(session, dossier, kind="scan", sha256=sha256, size=len(data),
                            filename=f"scan-{index}.pdf", now=T0)


@pytest.fixture
def ws(tmp_path):
    clock = Clock(T0)
    core = make_core(tmp_path / "ws", clock=clock)
    dest = tmp_path / "usb" / "qmc"
    dest.mkdir(parents=True)
    backup_schedule.configure(core, destination=dest, every_hours=24, keep=5)
    yield core, clock, dest
    core.workspace.close()


def shared_files(dest) -> list[str]:
    return FileStore(dest / "files").hashes()


def test_core_backup_reports_each_file_and_a_cancel_leaves_no_half_backup(ws):
    core, _clock, dest = ws
    add_files(core, FILES)
    steps: list[BackupProgress] = []
    first = create_backup(core.workspace, dest, now=T0, progress=steps.append)
    assert [(s.stage, s.done, s.total) for s in steps] == (
        [("database", 0, 1)] + [("files", n, FILES + 1) for n in range(1, FILES + 2)])
    assert steps[-1].bytes_copied == first.bytes_copied == FILES * 256 * 1024

    add_files(core, FILES)

    def stop_after_the_first_file(step: BackupProgress) -> None:
        if step.bytes_copied:  # the first new file is whole in the shared store
            raise BackupCancelled()

    later = T0 + timedelta(hours=1)
    with pytest.raises(BackupCancelled):
        create_backup(core.workspace, dest, now=later, progress=stop_after_the_first_file)
    folder = dest / f"backup-{later:%Y%m%d-%H%M%S}"
    assert not folder.exists() and not partial_folder(folder).exists()
    assert sorted(p.name for p in dest.iterdir()) == ["backup-20261125-080000", "files"]
    assert list_backups(dest) == [first.path] and verify_backup(first.path) == []
    assert len(shared_files(dest)) == FILES + 1  # the one whole file copied before the stop: reused next time
    again = create_backup(core.workspace, dest, now=later)
    assert verify_backup(again.path) == [] and again.files == 2 * FILES
    assert again.bytes_copied == (FILES - 1) * 256 * 1024


def test_back_up_now_shows_progress_and_stop_leaves_no_half_backup(ws, qtbot, vietnamese):
    core, clock, dest = ws
    add_files(core, FILES)
    dialog = BackupSettingsDialog(core, TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.progress_box.isHidden()
    assert dialog.stop_button.text() == "&Dừng sao lưu"
    seen = []
    dialog.progressed.connect(lambda step: seen.append((step.done, step.total, dialog.progress.value(),
                                                        dialog.progress.maximum(), dialog.progress_box.isVisible(),
                                                        dialog.now_button.isEnabled())))
    dialog.back_up_now()
    assert dialog.banner.kind == "ok" and len(list_backups(dest)) == 1
    first = list_backups(dest)[0]
    assert [(done, total) for done, total, *_ in seen] == [(0, 1)] + [(n, FILES + 1) for n in range(1, FILES + 2)]
    assert all(visible and not enabled for *_, visible, enabled in seen)  # bar shown, button off, while it ran
    assert [(value, maximum) for _d, _t, value, maximum, *_ in seen][-1] == (FILES + 1, FILES + 1)
    assert dialog.progress_box.isHidden() and dialog.now_button.isEnabled()

    add_files(core, FILES)
    clock.now += timedelta(hours=1)
    stopped = []

    def press_stop_after_the_first_file(step) -> None:
        if step.stage == "files" and step.done == 2 and not stopped:
            stopped.append(step)
            assert dialog.stop_button.isEnabled()
            dialog.stop_button.click()
            assert not dialog.stop_button.isEnabled() and dialog.banner.text() == "Đang dừng sao lưu…"

    dialog.progressed.connect(press_stop_after_the_first_file)
    dialog.back_up_now()
    assert stopped and dialog.banner.kind == "info"
    assert dialog.banner.text() == ("Đã dừng sao lưu. Không giữ lại phần nào của lần này; các bản sao lưu trước "
                                    "vẫn nguyên vẹn.")
    assert list_backups(dest) == [first] and verify_backup(first) == []
    assert sorted(p.name for p in dest.iterdir()) == [first.name, "files"]  # no half folder, hidden or not
    state = backup_schedule.status(core, clock.now).state
    assert state.running_since is None and state.last_error_code == "" and state.last_success_at == T0
    assert dialog.progress_box.isHidden() and dialog.now_button.isEnabled() and dialog.isVisible()

    dialog.progressed.disconnect(press_stop_after_the_first_file)
    clock.now += timedelta(minutes=1)
    dialog.back_up_now()  # the next one completes, reusing the file copied before the stop
    assert dialog.banner.kind == "ok" and len(list_backups(dest)) == 2
    assert verify_backup(list_backups(dest)[-1]) == []


def test_escape_during_a_backup_stops_it_then_closes(ws, qtbot):
    core, _clock, dest = ws
    add_files(core, 3)
    dialog = BackupSettingsDialog(core, TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.progressed.connect(lambda step: dialog.reject() if step.stage == "files" else None)
    dialog.back_up_now()
    assert not dialog.isVisible() and list_backups(dest) == []
    assert [p.name for p in dest.iterdir()] in ([], ["files"])


def test_back_up_now_on_a_worker_thread_moves_the_bar(ws, qtbot):
    core, _clock, dest = ws
    add_files(core, FILES)
    runner = TaskRunner(threads=1)
    dialog = BackupSettingsDialog(core, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    values = []
    dialog.progressed.connect(lambda step: values.append(dialog.progress.value()))
    dialog.back_up_now()
    assert not dialog.now_button.isEnabled() and dialog.progress_box.isVisible()
    qtbot.waitUntil(lambda: dialog.banner.kind == "ok", timeout=60_000)
    runner.wait(10_000)
    assert values[-1] == FILES + 1 and len(values) == FILES + 2
    assert dialog.progress_box.isHidden() and verify_backup(list_backups(dest)[0]) == []


def test_the_dialog_with_its_progress_bar_fits_the_screen(ws, qtbot, vietnamese):
    core, _clock, _dest = ws
    dialog = BackupSettingsDialog(core, TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.progress_box.show()
    dialog.banner.show_message("info", "Đã dừng sao lưu. Không giữ lại phần nào của lần này; các bản sao lưu "
                                       "trước vẫn nguyên vẹn.")
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= 1366 and dialog.height() <= 700
    assert dialog.stop_button.width() >= dialog.stop_button.sizeHint().width()
