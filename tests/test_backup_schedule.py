"""Scheduled backups: when one is due, real backups into real folders, a drive that is not
plugged in or is full (typed error, nothing lost, retried), retention, and the CLI."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import datetime, timedelta

import pytest

from counter_app import backup_schedule
from counter_app.backup import list_backups, verify_backup
from counter_app.backup_schedule import BackupState, is_due, next_due_at, run_due_backup
from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
from counter_app.errors import BackupDestinationFull, BackupDestinationMissing, BackupNotConfigured, InvalidInput
from counter_app.settings import BackupSettings
from counter_app.storage.models import Dossier
from tests.conftest import REPO, make_core

T0 = datetime(2026, 11, 25, 8, 0)
ON = BackupSettings(enabled=True, destination="/media/usb/backups", every_hours=24, keep=3)


def receive(core, name="Nguyễn Văn An"):
    return core.receive(IntakeRequest("1.004227", ApplicantInput(name=name), received_at=T0)).code


# -- when is a backup due (pure: the clock value is passed in) ------------------------------

def test_due_logic():
    assert next_due_at(BackupSettings(), BackupState()) is None  # off by default
    assert not is_due(BackupSettings(enabled=False, destination="/x"), BackupState(), T0)
    assert is_due(ON, BackupState(), T0)  # never backed up: due at once
    done = BackupState(last_success_at=T0, last_attempt_at=T0)
    assert not is_due(ON, done, T0 + timedelta(hours=23, minutes=59))
    assert is_due(ON, done, T0 + timedelta(hours=24))
    assert is_due(ON, done, T0 + timedelta(days=3))  # the PC was off at the planned time: due at start
    assert is_due(ON, done, T0 - timedelta(hours=1))  # clock set back after the last backup
    failed = BackupState(last_success_at=T0 - timedelta(days=2), last_attempt_at=T0, last_error_code="x")
    assert not is_due(ON, failed, T0 + timedelta(minutes=backup_schedule.RETRY_MINUTES - 1))
    assert is_due(ON, failed, T0 + timedelta(minutes=backup_schedule.RETRY_MINUTES))


@pytest.mark.parametrize("change, error", [
    ({"every_hours": 0}, InvalidInput), ({"keep": 0}, InvalidInput), ({"every_hours": "6"}, InvalidInput),
    ({"enabled": True, "destination": ""}, BackupNotConfigured)])
def test_bad_schedule_settings_are_refused(change, error):
    with pytest.raises(error):
        backup_schedule.validate_backup_settings(BackupSettings(**{**ON.__dict__, **change}))


# -- real backups into real folders ---------------------------------------------------------

@pytest.fixture
def scheduled(tmp_path):
    core = make_core(tmp_path / "ws")
    code = receive(core)
    core.issue_form(code, "01")
    (tmp_path / "usb").mkdir()  # the drive's mount point; the backup folder is made on it
    backup_schedule.configure(core, destination=tmp_path / "usb" / "backups", every_hours=6, keep=2)
    yield core, tmp_path / "usb" / "backups"
    core.workspace.close()


def test_due_backup_runs_once_per_interval_and_keeps_n(scheduled):
    core, dest = scheduled
    first = run_due_backup(core, T0)
    assert first is not None and verify_backup(first.path) == [] and first.bytes > 0
    assert run_due_backup(core, T0 + timedelta(hours=5)) is None  # not due yet
    status = backup_schedule.status(core, T0)
    assert status.state.last_success_at == T0 and status.next_at == T0 + timedelta(hours=6)
    assert status.state.last_path == str(first.path)
    paths = [first.path]
    for hours in (6, 12, 18):
        outcome = run_due_backup(core, T0 + timedelta(hours=hours))
        paths.append(outcome.path)
    assert list_backups(dest) == paths[-2:]  # retention: the newest 2
    assert all(verify_backup(path) == [] for path in paths[-2:])


def test_unplugged_drive_is_a_typed_error_retried_later(scheduled, tmp_path):
    core, dest = scheduled
    first = run_due_backup(core, T0)
    shutil.move(tmp_path / "usb", tmp_path / "usb-on-the-desk")  # the drive is unplugged
    later = T0 + timedelta(hours=7)
    with pytest.raises(BackupDestinationMissing):
        run_due_backup(core, later)
    assert not (tmp_path / "usb").exists()  # nothing written in place of the missing drive
    state = backup_schedule.status(core, later).state
    assert state.last_error_code == "backup_destination_missing" and state.failures == 1
    assert state.last_success_at == T0 and state.running_since is None
    shutil.move(tmp_path / "usb-on-the-desk", tmp_path / "usb")  # plugged back in
    assert run_due_backup(core, later + timedelta(minutes=1)) is None  # waits for the retry time
    retried = run_due_backup(core, later + timedelta(minutes=backup_schedule.RETRY_MINUTES))
    assert retried is not None and list_backups(dest) == [first.path, retried.path]
    state = backup_schedule.status(core, later).state
    assert state.last_error_code == "" and state.failures == 0


def test_a_second_process_does_not_back_up_at_the_same_time(scheduled):
    core, dest = scheduled
    with core.workspace.db.write() as session:  # another process claimed the run a minute ago
        backup_schedule._store(session, BackupState(running_since=T0 - timedelta(minutes=1)))
    assert run_due_backup(core, T0) is None and list_backups(dest) == []
    assert run_due_backup(core, T0 + backup_schedule.STALE_CLAIM) is not None  # that process died


def test_configure_refuses_a_folder_inside_the_workspace_and_a_missing_drive(scheduled, tmp_path):
    core, _dest = scheduled
    with pytest.raises(InvalidInput):
        backup_schedule.configure(core, destination=core.workspace.root / "backups")
    with pytest.raises(BackupDestinationMissing):
        backup_schedule.configure(core, destination=tmp_path / "no-drive" / "backups")
    assert not (tmp_path / "no-drive").exists()


def test_only_an_admin_changes_the_schedule(scheduled, tmp_path):
    from counter_app.errors import PermissionDenied

    core, _dest = scheduled
    core.create_first_admin("admin", "Quản trị", "admin-pass-1")
    core.create_officer("mai", "Trần Thị Mai", "officer-pass-1", ["officer"])
    core.login("mai", "officer-pass-1")
    with pytest.raises(PermissionDenied):
        backup_schedule.configure(core, destination=tmp_path / "usb" / "other")
    assert not (tmp_path / "usb" / "other").exists()
    assert run_due_backup(core, T0) is not None  # the backup itself needs nobody logged in


FULL_DRIVE = r"""
import resource, signal, sys
from datetime import datetime
from counter_app.core import CounterCore
from counter_app.workspace import open_workspace
from counter_app import backup_schedule
from counter_app.errors import CounterError
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG instead
core = CounterCore(open_workspace(sys.argv[1]))
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[2]), int(sys.argv[2])))
try:
    backup_schedule.run_due_backup(core, datetime.fromisoformat(sys.argv[3]))
except CounterError as exc:
    print(exc.code)
"""


def test_full_drive_is_a_typed_error_and_leaves_no_half_backup(scheduled):
    core, dest = scheduled
    first = run_due_backup(core, T0)
    big = os.urandom(3 * 1024 * 1024)  # a scan larger than what the "drive" can still take
    sha256 = core.workspace.files.put(big)
    from counter_app.documents import attach_document

    with core.workspace.db.write() as session:
        dossier = session.query(Dossier).first()
        attach_document(session, dossier, kind="scan", sha256=sha256, size=len(big), filename="big.pdf", now=T0)
    later = T0 + timedelta(hours=7)
    result = subprocess.run([sys.executable, "-c", FULL_DRIVE, str(core.workspace.root), str(1024 * 1024),
                             later.isoformat()], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert result.stdout.strip() == BackupDestinationFull.code, result.stderr
    assert list_backups(dest) == [first.path] and verify_backup(first.path) == []
    assert sorted(p.name for p in dest.glob("backup-*")) == [first.path.name]  # no half-written folder
    state = backup_schedule.status(core, later).state
    assert state.last_error_code == "backup_destination_full" and state.last_success_at == T0
    again = run_due_backup(core, later + timedelta(minutes=backup_schedule.RETRY_MINUTES))
    assert again is not None and verify_backup(again.path) == []  # room again: the retry succeeds


# -- command line ---------------------------------------------------------------------------

COUNTER_APP = str(REPO / ".venv" / "bin" / "counter-app")


def run_cli(*args, workspace):
    return subprocess.run([COUNTER_APP, "--workspace", str(workspace), *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def test_cli_schedule_and_auto(tmp_path):
    root = tmp_path / "ws"
    core = make_core(root)
    receive(core)
    core.workspace.close()
    shown = json.loads(run_cli("backup", "schedule", "--json", workspace=root).stdout)
    assert shown["schedule"]["enabled"] is False and shown["next_at"] is None
    idle = json.loads(run_cli("backup", "--auto", "--json", workspace=root).stdout)
    assert idle["backed_up"] is False
    (tmp_path / "usb").mkdir()
    result = run_cli("backup", "schedule", "--to", tmp_path / "usb" / "qmc", "--every-hours", "12", "--keep", "3",
                     workspace=root)
    assert result.returncode == 0, result.stderr
    assert "every 12 h, keeping 3" in result.stdout
    first = json.loads(run_cli("backup", "--auto", "--json", workspace=root).stdout)
    assert first["backed_up"] is True and verify_backup(first["path"]) == []
    second = json.loads(run_cli("backup", "--auto", "--json", workspace=root).stdout)
    assert second["backed_up"] is False  # ran an hour later by the OS scheduler: not due
    by_hand = run_cli("backup", "--to", tmp_path / "usb" / "by-hand", "--json", workspace=root)
    assert by_hand.returncode == 0, by_hand.stderr  # the report's paths print as JSON strings
    assert verify_backup(json.loads(by_hand.stdout)["path"]) == []
    shutil.rmtree(tmp_path / "usb")
    failed = run_cli("backup", "--auto", "--json", workspace=root)
    assert failed.returncode == 0  # not due: a missing drive is only noticed when a backup is due
    off = run_cli("backup", "schedule", "--off", workspace=root)
    assert off.returncode == 0 and "OFF" in off.stdout


def test_cli_auto_reports_a_missing_drive(tmp_path):
    root = tmp_path / "ws"
    make_core(root).workspace.close()
    (tmp_path / "usb").mkdir()
    assert run_cli("backup", "schedule", "--to", tmp_path / "usb" / "qmc", workspace=root).returncode == 0
    shutil.rmtree(tmp_path / "usb")
    result = run_cli("backup", "--auto", "--json", workspace=root)
    assert result.returncode == 1
    assert json.loads(result.stderr)["error"] == "backup_destination_missing"
    status = run_cli("backup", "schedule", workspace=root)
    assert "FAILED" in status.stdout and "USB" in status.stdout


@pytest.mark.parametrize("args, needle", [
    (("backup",), "Say where to back up"),
    (("backup", "schedule", "--on", "--off"), "not both"),
    (("backup", "schedule", "--on"), "destination folder"),
    (("backup", "schedule", "--every-hours", "0"), "every_hours"),
])
def test_cli_bad_backup_requests_are_refused_clearly(tmp_path, args, needle):
    root = tmp_path / "ws"
    make_core(root).workspace.close()
    result = run_cli(*args, "--json", workspace=root)
    assert result.returncode == 1 and needle in json.loads(result.stderr)["message"]
    shown = json.loads(run_cli("backup", "schedule", "--json", workspace=root).stdout)
    assert shown["schedule"] == {"enabled": False, "destination": "", "every_hours": 24, "keep": 7}
