"""Backups taken while the counter works, verified, pruned and restored."""
from __future__ import annotations

import sqlite3
import threading
from datetime import datetime

import pytest

from counter_app.backup import create_backup, list_backups, restore_backup, verify_backup
from counter_app.core import CounterCore
from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
from counter_app.errors import WorkspaceError
from counter_app.search import SearchQuery
from counter_app.workspace import open_workspace
from tests.conftest import NOW

WHEN = datetime(2026, 11, 25, 9, 0)


def receive(core, name):
    return core.receive(IntakeRequest("1.004227", ApplicantInput(name=name), received_at=WHEN)).code


def test_backup_while_writing_then_restore_elsewhere(core, tmp_path):
    codes = [receive(core, f"Nguyễn Văn {given}") for given in ("An", "Bình", "Chiến")]
    core.issue_form(codes[0], "01")
    stop = threading.Event()

    def keep_receiving():
        while not stop.is_set():
            receive(core, "Trần Thị Bận")

    writer = threading.Thread(target=keep_receiving)
    writer.start()
    try:
        report = create_backup(core.workspace, tmp_path / "usb", now=datetime(2026, 11, 25, 17, 0))
    finally:
        stop.set()
        writer.join()
    assert report.dossiers >= 3 and report.files == 1 and report.bytes_copied > 0
    assert verify_backup(report.path) == []
    restore_backup(report.path, tmp_path / "restored", now=NOW)
    restored = CounterCore(open_workspace(tmp_path / "restored"), clock=lambda: NOW)
    assert restored.dossier(codes[0]).documents[0].kind == "form_01"
    document = restored.dossier(codes[0]).documents[0]
    assert restored.document_bytes(document.sha256).startswith(b"%PDF")
    assert [d.code for d in restored.search(SearchQuery(text="nguyen van chien"))] == [codes[2]]
    restored.workspace.close()


def test_second_backup_copies_no_file_twice_and_prune_keeps_newest(core, tmp_path):
    code = receive(core, "Lê Văn Bình")
    core.issue_form(code, "01")
    first = create_backup(core.workspace, tmp_path / "usb", now=datetime(2026, 11, 25, 12, 0))
    second = create_backup(core.workspace, tmp_path / "usb", now=datetime(2026, 11, 25, 13, 0), keep=1)
    assert first.bytes_copied > 0 and second.bytes_copied == 0
    assert list_backups(tmp_path / "usb") == [second.path]
    assert verify_backup(second.path) == []


def test_damaged_backup_is_detected_and_never_restored(core, tmp_path):
    code = receive(core, "Phạm Thị Hoa")
    core.issue_form(code, "01")
    report = create_backup(core.workspace, tmp_path / "usb", now=datetime(2026, 11, 25, 12, 0))
    database = report.path / "counter.sqlite3"
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE dossiers SET applicant_name = 'Kẻ sửa'")
    assert any("changed" in p for p in verify_backup(report.path))
    with pytest.raises(WorkspaceError, match="cannot be restored"):
        restore_backup(report.path, tmp_path / "restored", now=NOW)
    assert not (tmp_path / "restored").exists()


def test_missing_file_in_backup_is_reported(core, tmp_path):
    code = receive(core, "Vũ Thị Lan")
    core.issue_form(code, "01")
    report = create_backup(core.workspace, tmp_path / "usb", now=datetime(2026, 11, 25, 12, 0))
    for stored in (tmp_path / "usb" / "files").glob("??/??/*"):
        stored.unlink()
    assert any("missing" in p for p in verify_backup(report.path))


def test_restore_keeps_the_current_workspace_aside(core, tmp_path):
    receive(core, "Đỗ Văn Nam")
    report = create_backup(core.workspace, tmp_path / "usb", now=datetime(2026, 11, 25, 12, 0))
    target = tmp_path / "target"
    other = CounterCore(open_workspace(target), clock=lambda: NOW)
    other.workspace.close()
    with pytest.raises(WorkspaceError, match="--force"):
        restore_backup(report.path, target, now=NOW)
    kept = restore_backup(report.path, target, now=NOW, force=True)
    assert kept is not None and (kept / "counter.sqlite3").exists()
    assert (target / "counter.sqlite3").exists()
