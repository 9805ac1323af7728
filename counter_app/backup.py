"""Backups of a workspace, taken while the app runs, and their verified restore.

Layout of a backup folder (e.g. on a USB drive)::

    <dest>/files/ab/cd/<sha256>           shared, content-addressed: each file copied once
    <dest>/backup-20261125-173000/counter.sqlite3
    <dest>/backup-20261125-173000/manifest.json

The database is copied with SQLite's online backup API, so a backup taken mid-day is
consistent without stopping the counter. A restore verifies everything first and never
overwrites a workspace without keeping it aside.

A backup of an encrypted workspace stays encrypted: the database copy keeps its
SQLCipher key, the folder holds a copy of ``workspace.key.json`` (wrapped keys only),
and files go to ``<dest>/files-<key id>/`` encrypted under the workspace's current key.
Verifying or restoring it needs the passphrase or keyring entry of that time.

A backup is written into a hidden ``.backup-….partial`` folder and renamed to its final
name only once complete (manifest last), so a failed, cancelled or killed backup never
looks like a backup. ``progress`` (or ``reporting(progress)`` around a caller such as
``backup_schedule.run_due_backup``) hears of each step; raising ``BackupCancelled`` from
it stops the backup and removes its folder. Shared files already copied stay: they are
whole, content-addressed, and the next backup reuses them.
"""
from __future__ import annotations

import json
import shutil
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterator

from counter_app.errors import InvalidInput, WorkspaceError
from counter_app.security import keys as keystore
from counter_app.security.filecrypt import FileCipher
from counter_app.storage.db import (
    classify_os_error,
    classify_storage_error,
    connect_raw,
    is_plain_database,
    key_opens,
)
from counter_app.storage.files_io import sha256_of_file, write_atomically
from counter_app.storage.filestore import FileStore
from counter_app.workspace import DB_NAME, Workspace

PREFIX = "backup-"
MANIFEST = "manifest.json"
PARTIAL = ".partial"


class BackupCancelled(Exception):
    """Raised by a progress callback to stop a backup: nothing of it is kept. Not a
    CounterError on purpose: a cancelled backup is not recorded as a failed one."""


@dataclass(frozen=True)
class BackupProgress:
    stage: str  # "database" (the copy of the database) or "files" (the dossiers' files)
    done: int  # steps finished: the database counts as one, then each file
    total: int
    bytes_copied: int = 0


Progress = Callable[[BackupProgress], None]
_progress: ContextVar[Progress | None] = ContextVar("backup_progress", default=None)


@contextmanager
def reporting(progress: Progress | None) -> Iterator[None]:
    """Every ``create_backup`` run inside (on this thread) reports to ``progress``."""
    token = _progress.set(progress)
    try:
        yield
    finally:
        _progress.reset(token)


def partial_folder(folder: Path) -> Path:
    """Where ``folder`` is written until it is complete (hidden; never listed as a backup)."""
    return folder.with_name(f".{folder.name}{PARTIAL}")


@dataclass(frozen=True)
class BackupReport:
    path: Path
    dossiers: int
    files: int
    bytes_copied: int


def _referenced_files(db_path: Path, key: bytes | None = None) -> list[str]:
    connection = connect_raw(db_path, key, read_only=True)
    try:
        return [row[0] for row in connection.execute("SELECT DISTINCT sha256 FROM documents")]
    finally:
        connection.close()


def _cipher_error() -> type[BaseException]:
    from sqlcipher3 import dbapi2 as sqlcipher

    return sqlcipher.Error


def _backup_file_store(workspace: Workspace, dest: Path) -> tuple[str, FileStore]:
    if not workspace.encrypted:
        return "files", FileStore(dest / "files")
    keys = workspace.keys
    folder = f"files-{keys.current}"  # one folder per data key: a file once there stays readable
    return folder, FileStore(dest / folder, FileCipher({keys.current: keys.keys[keys.current]}, keys.current))


def create_backup(workspace: Workspace, dest: Path, *, now: datetime, keep: int | None = None,
                  progress: Progress | None = None) -> BackupReport:
    dest = Path(dest)
    folder = dest / f"{PREFIX}{now:%Y%m%d-%H%M%S}"
    work = partial_folder(folder)
    tell = progress or _progress.get() or (lambda _step: None)
    try:
        if folder.exists():
            raise FileExistsError(f"A backup named {folder.name} already exists.")
        work.mkdir(parents=True, exist_ok=False)  # outside the clean-up below: another run's folder stays
    except OSError as exc:
        raise classify_os_error(exc) from exc
    try:
        tell(BackupProgress("database", 0, 1))
        target_db = work / DB_NAME
        key = workspace.db_key  # an encrypted database is copied page by page under the same key
        source, target = connect_raw(workspace.db_path, key), connect_raw(target_db, key)
        try:
            source.backup(target)  # consistent snapshot while the app keeps working
        finally:
            source.close()
            target.close()
        copy = connect_raw(target_db, key)
        try:
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            dossiers = copy.execute("SELECT count(*) FROM dossiers").fetchone()[0]
        finally:
            copy.close()
        if workspace.encrypted:
            write_atomically(work / keystore.KEY_FILE, keystore.key_file_path(workspace.root).read_bytes())
        files_dir, shared = _backup_file_store(workspace, dest)
        copied = 0
        hashes = _referenced_files(target_db, key)
        total = 1 + len(hashes)
        tell(BackupProgress("files", 1, total))
        for done, sha256 in enumerate(hashes, start=2):
            if not shared.exists(sha256):  # already in an earlier backup: content never changes
                data = workspace.files.get(sha256)
                shared.put(data)
                copied += len(data)
            tell(BackupProgress("files", done, total, copied))
        manifest = {"created_at": now.isoformat(timespec="seconds"), "database_sha256": sha256_of_file(target_db),
                    "dossiers": dossiers, "files": hashes, "encrypted": workspace.encrypted, "files_dir": files_dir}
        (work / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        work.rename(folder)  # complete: only now is it a backup
    except OSError as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise classify_os_error(exc) from exc
    except _cipher_error() as exc:  # SQLCipher's own errors (sqlite3.Error keeps propagating as before)
        shutil.rmtree(work, ignore_errors=True)
        raise classify_storage_error(exc) from exc
    except BaseException:  # cancelled, the database copy failed, ...: no half backup either
        shutil.rmtree(work, ignore_errors=True)
        raise
    if keep:
        prune(dest, keep)
    return BackupReport(folder, dossiers, len(hashes), copied)


def list_backups(dest: Path) -> list[Path]:
    return sorted(p for p in Path(dest).glob(f"{PREFIX}*") if (p / MANIFEST).is_file())


def prune(dest: Path, keep: int) -> list[Path]:
    """Remove all but the newest ``keep`` backups (shared files stay: they are small and reused)."""
    if keep < 1:
        raise InvalidInput("Keep at least one backup.")
    removed = list_backups(dest)[:-keep]
    for folder in removed:
        shutil.rmtree(folder)
    return removed


def _backup_keys(folder: Path, manifest: dict, passphrase, keyring_backend) -> keystore.DataKeys | None:
    """The data keys of an encrypted backup (WorkspaceLocked/WrongKey without the right key)."""
    if not manifest.get("encrypted"):
        return None
    key_file = keystore.load_key_file(folder)
    if key_file is None:
        raise WorkspaceError(f"The encrypted backup {folder} has lost its key file; it cannot be restored.")
    return keystore.unlock(key_file, passphrase, keyring_backend)


def _database_key(database: Path, keys: keystore.DataKeys | None) -> bytes | None:
    if keys is None:
        return None
    return next((key for key in keys.keys.values() if key_opens(database, key)), None)


def verify_backup(folder: Path, *, passphrase: keystore.PassphraseSource = None, keyring_backend=None) -> list[str]:
    """Problems found in a backup (empty when it can be restored). An encrypted backup
    needs its passphrase or keyring entry (else ``WorkspaceLocked``/``WrongKey``)."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"manifest unreadable: {exc}"]
    keys = _backup_keys(folder, manifest, passphrase, keyring_backend)
    problems = []
    database = folder / DB_NAME
    if not database.is_file() or sha256_of_file(database) != manifest.get("database_sha256"):
        problems.append("the database copy is missing or changed since the backup")
    else:
        key = _database_key(database, keys)
        if keys is not None and key is None and not is_plain_database(database):
            problems.append("no key of the backup's key file opens its database copy")
        else:
            connection = connect_raw(database, key, read_only=True)
            try:
                result = connection.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                connection.close()
            if result != "ok":
                problems.append(f"the database copy is damaged: {result}")
    shared = _shared_store(folder, manifest, keys)
    for sha256 in manifest.get("files", []):
        try:
            shared.get(sha256)
        except WorkspaceError as exc:
            problems.append(exc.message)
    return problems


def _shared_store(folder: Path, manifest: dict, keys: keystore.DataKeys | None) -> FileStore:
    cipher = FileCipher(keys.keys, keys.current) if keys else None
    return FileStore(folder.parent / manifest.get("files_dir", "files"), cipher)


def restore_backup(folder: Path, root: Path, *, now: datetime, force: bool = False,
                   passphrase: keystore.PassphraseSource = None, keyring_backend=None) -> Path | None:
    """Restore ``folder`` into workspace ``root``; returns where the old workspace was kept."""
    folder, root = Path(folder), Path(root)
    problems = verify_backup(folder, passphrase=passphrase, keyring_backend=keyring_backend)
    if problems:
        raise WorkspaceError("The backup cannot be restored: " + "; ".join(problems[:5]), problems=problems)
    kept = None
    if (root / DB_NAME).exists():
        if not force:
            raise WorkspaceError(f"{root} already holds a workspace; restore with --force to keep it aside.")
        kept = root.with_name(f"{root.name}.before-restore-{now:%Y%m%d-%H%M%S}")
        root.rename(kept)
    try:
        root.mkdir(parents=True, exist_ok=True)
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        keys = _backup_keys(folder, manifest, passphrase, keyring_backend)
        if keys is not None:  # the key file first: an encrypted database without it is lost
            write_atomically(root / keystore.KEY_FILE, (folder / keystore.KEY_FILE).read_bytes())
        shutil.copy2(folder / DB_NAME, root / DB_NAME)
        shared = _shared_store(folder, manifest, keys)
        files = FileStore(root / "files", FileCipher(keys.keys, keys.current) if keys else None)
        for sha256 in manifest["files"]:
            files.put(shared.get(sha256))
    except OSError as exc:
        raise classify_os_error(exc) from exc
    return kept
