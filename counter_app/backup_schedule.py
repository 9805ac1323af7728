"""Automatic backups on a schedule: when one is due, running it, and what happened last.

The schedule lives in the ``backup`` settings section (destination folder, every N hours,
keep N); the outcome of the attempts lives in its own settings row (``backup_state``) so
the officer's settings are never rewritten by a background job. A backup is due when the
last *successful* one is older than the interval: a PC that was off at the planned time
backs up as soon as it starts, and a failed attempt (USB drive not plugged in, drive full)
is retried after ``RETRY_MINUTES`` without touching the workspace or earlier backups.

Both the app's timer and an OS scheduler (``counter-app backup --auto``) may run at the
same moment: a claim stored in the same settings row lets only one of them work.
"""
from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from counter_app.accounts.roles import Permission
from counter_app.errors import (
    BackupDestinationFull,
    BackupDestinationMissing,
    BackupFailed,
    BackupNotConfigured,
    CounterError,
    DiskFull,
    InvalidInput,
    WorkspaceReadOnly,
)
from counter_app.settings import BackupSettings, load_settings
from counter_app.storage.models import Setting

STATE_KEY = "backup_state"
RETRY_MINUTES = 10  # after a failure: soon enough to catch a drive plugged back in
STALE_CLAIM = timedelta(hours=2)  # a claim older than this belongs to a process that died
MAX_EVERY_HOURS = 24 * 31


@dataclass(frozen=True)
class BackupState:
    last_success_at: datetime | None = None
    last_path: str = ""
    last_bytes: int = 0
    last_attempt_at: datetime | None = None
    last_error_code: str = ""  # empty when the last attempt succeeded
    last_error: str = ""
    failures: int = 0  # failed attempts since the last success
    running_since: datetime | None = None


@dataclass(frozen=True)
class BackupOutcome:
    path: Path
    created_at: datetime
    bytes: int  # size of the database copy plus the files newly copied
    dossiers: int
    files: int
    removed: int  # old backups removed by the retention rule


@dataclass(frozen=True)
class BackupStatus:
    settings: BackupSettings
    state: BackupState
    next_at: datetime | None  # None: scheduled backups are off


# -- settings -------------------------------------------------------------------------------

def validate_backup_settings(backup: BackupSettings) -> None:
    for name, low, high in (("every_hours", 1, MAX_EVERY_HOURS), ("keep", 1, 1000)):
        value = getattr(backup, name)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise InvalidInput(f"backup.{name} must be a whole number from {low} to {high}, got {value!r}.")
    if not isinstance(backup.destination, str):
        raise InvalidInput("backup.destination must be a folder path.")
    if backup.enabled and not backup.destination.strip():
        raise BackupNotConfigured("Scheduled backups need a destination folder (e.g. on a USB drive).")


def configure(core, *, destination: Path | str | None = None, every_hours: int | None = None,
              keep: int | None = None, enabled: bool | None = None) -> BackupSettings:
    """Change the schedule (needs the permission to save settings). Choosing a destination
    creates that folder when its parent exists, so the first backup does not fail on it."""
    settings = core.settings()
    backup = settings.backup
    if destination is not None:
        folder = Path(destination).expanduser().absolute()
        _check_outside_workspace(folder, core.workspace.root)
        backup = replace(backup, destination=str(folder), enabled=True if enabled is None else enabled)
    if every_hours is not None:
        backup = replace(backup, every_hours=every_hours)
    if keep is not None:
        backup = replace(backup, keep=keep)
    if enabled is not None:
        backup = replace(backup, enabled=enabled)
    validate_backup_settings(backup)
    core.require(Permission.SAVE_SETTINGS)  # before the folder is made, not only at the save
    if destination is not None:
        _make_destination(Path(backup.destination))
    core.save_settings(replace(settings, backup=backup))
    return core.settings().backup


def _check_outside_workspace(folder: Path, workspace_root: Path) -> None:
    root = Path(workspace_root).absolute()
    if folder == root or root in folder.parents:
        raise InvalidInput(f"Back up to another disk or a USB drive, not inside the workspace ({root}).")


def _make_destination(folder: Path) -> None:
    if folder.is_dir():
        return
    if not folder.parent.is_dir():
        raise BackupDestinationMissing(f"{folder.parent} does not exist: plug in the drive first.",
                                       destination=str(folder))
    try:
        folder.mkdir()
    except OSError as exc:
        raise _classified(exc, folder) from exc


# -- state ----------------------------------------------------------------------------------

def _parse_time(value) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def _state_of(raw) -> BackupState:
    raw = raw if isinstance(raw, dict) else {}
    return BackupState(
        last_success_at=_parse_time(raw.get("last_success_at")), last_path=str(raw.get("last_path", "")),
        last_bytes=int(raw.get("last_bytes", 0) or 0), last_attempt_at=_parse_time(raw.get("last_attempt_at")),
        last_error_code=str(raw.get("last_error_code", "")), last_error=str(raw.get("last_error", "")),
        failures=int(raw.get("failures", 0) or 0), running_since=_parse_time(raw.get("running_since")))


def _raw_of(state: BackupState) -> dict:
    def iso(value):
        return value.isoformat(timespec="seconds") if value else None

    return {"last_success_at": iso(state.last_success_at), "last_path": state.last_path,
            "last_bytes": state.last_bytes, "last_attempt_at": iso(state.last_attempt_at),
            "last_error_code": state.last_error_code, "last_error": state.last_error,
            "failures": state.failures, "running_since": iso(state.running_since)}


def _load(session) -> tuple[BackupSettings, BackupState]:
    row = session.get(Setting, STATE_KEY)
    return load_settings(session).backup, _state_of(row.value if row else None)


def _store(session, state: BackupState) -> None:
    row = session.get(Setting, STATE_KEY)
    if row is None:
        session.add(Setting(key=STATE_KEY, value=_raw_of(state)))
    else:
        row.value = _raw_of(state)


def status(core, now: datetime | None = None) -> BackupStatus:
    """The schedule and the last outcome, read fresh (another process may have backed up)."""
    with core.workspace.db.read() as session:
        backup, state = _load(session)
    return BackupStatus(backup, state, next_due_at(backup, state))


# -- when -----------------------------------------------------------------------------------

def next_due_at(backup: BackupSettings, state: BackupState) -> datetime | None:
    """When the next attempt should run (possibly in the past: then it is due now)."""
    if not backup.enabled or not backup.destination:
        return None
    if state.last_success_at is None:
        due = datetime.min
    else:
        due = state.last_success_at + timedelta(hours=backup.every_hours)
    failed_since = state.last_attempt_at and (state.last_success_at is None
                                              or state.last_attempt_at > state.last_success_at)
    if failed_since and state.last_error_code:
        due = max(due, state.last_attempt_at + timedelta(minutes=RETRY_MINUTES))
    return due


def is_due(backup: BackupSettings, state: BackupState, now: datetime) -> bool:
    due = next_due_at(backup, state)
    if due is None:
        return False
    if state.last_success_at is not None and state.last_success_at > now:
        return True  # the clock was set back after the last backup: do not wait for it to catch up
    return now >= due


# -- running --------------------------------------------------------------------------------

def run_due_backup(core, now: datetime, *, force: bool = False) -> BackupOutcome | None:
    """Back up now if a backup is due (or ``force``); None when nothing was due or another
    process is backing up. Failures are recorded, then raised as typed errors."""
    with core.workspace.db.write() as session:
        backup, state = _load(session)
        if force and not backup.destination:
            raise BackupNotConfigured("No backup folder is set: counter-app backup schedule --to FOLDER.")
        if not force and not is_due(backup, state, now):
            return None
        if state.running_since is not None and abs(now - state.running_since) < STALE_CLAIM:
            return None  # someone else is on it
        _store(session, replace(state, running_since=now))
    try:
        outcome = _back_up(core, Path(backup.destination), now, backup.keep)
    except CounterError as exc:
        _record(core, lambda s: replace(s, last_attempt_at=now, last_error_code=exc.code, last_error=exc.message,
                                        failures=s.failures + 1, running_since=None))
        raise
    except BaseException:
        _record(core, lambda s: replace(s, running_since=None))
        raise
    _record(core, lambda s: replace(s, last_success_at=now, last_attempt_at=now, last_path=str(outcome.path),
                                    last_bytes=outcome.bytes, last_error_code="", last_error="", failures=0,
                                    running_since=None))
    return outcome


def _record(core, change) -> None:
    with core.workspace.db.write() as session:
        _store(session, change(_load(session)[1]))


def _back_up(core, dest: Path, now: datetime, keep: int) -> BackupOutcome:
    from counter_app.backup import PREFIX, create_backup, list_backups

    if not dest.is_dir():
        raise BackupDestinationMissing(f"The backup folder {dest} is not there: is the USB drive plugged in?",
                                       destination=str(dest))
    folder = dest / f"{PREFIX}{now:%Y%m%d-%H%M%S}"
    if folder.exists():  # never let a new attempt touch a finished backup of the same second
        raise BackupFailed(f"A backup named {folder.name} already exists; try again in a second.")
    before = set(list_backups(dest))
    try:
        report = create_backup(core.workspace, dest, now=now, keep=keep)
    except DiskFull as exc:
        _remove_unfinished(folder)
        raise BackupDestinationFull(f"The backup drive {dest} is full: {exc.message}", destination=str(dest)) from exc
    except WorkspaceReadOnly as exc:
        _remove_unfinished(folder)
        raise BackupFailed(f"The backup folder {dest} cannot be written: {exc.message}") from exc
    except sqlite3.Error as exc:  # the database copy failed (e.g. the drive filled up mid-copy)
        _remove_unfinished(folder)
        from counter_app.storage.db import classify_storage_error

        error = classify_storage_error(exc)
        if isinstance(error, DiskFull):
            raise BackupDestinationFull(f"The backup drive {dest} is full.", destination=str(dest)) from exc
        raise BackupFailed(f"The backup failed: {exc}") from exc
    except OSError as exc:
        _remove_unfinished(folder)
        raise _classified(exc, dest) from exc
    except CounterError:
        _remove_unfinished(folder)
        raise
    removed = len(before - set(list_backups(dest)))
    from counter_app.workspace import DB_NAME

    database = report.path / DB_NAME
    size = (database.stat().st_size if database.exists() else 0) + report.bytes_copied
    return BackupOutcome(report.path, now, size, report.dossiers, report.files, removed)


def _remove_unfinished(folder: Path) -> None:
    from counter_app.backup import MANIFEST

    if folder.is_dir() and not (folder / MANIFEST).exists():
        shutil.rmtree(folder, ignore_errors=True)


def _classified(exc: OSError, dest: Path) -> CounterError:
    from counter_app.storage.db import classify_os_error

    error = classify_os_error(exc)
    if isinstance(error, DiskFull):
        return BackupDestinationFull(f"The backup drive {dest} is full.", destination=str(dest))
    if isinstance(error, WorkspaceReadOnly):
        return BackupFailed(f"The backup folder {dest} cannot be written ({exc.strerror}).")
    return BackupFailed(f"The backup to {dest} failed: {exc}")
