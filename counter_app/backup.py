"""Backups of a workspace, taken while the app runs, and their verified restore.

Layout of a backup folder (e.g. on a USB drive)::

    <dest>/files/ab/cd/<sha256>           shared, content-addressed: each file copied once
    <dest>/backup-20261125-173000/counter.sqlite3
    <dest>/backup-20261125-173000/manifest.json

The database is copied with SQLite's online backup API, so a backup taken mid-day is
consistent without stopping the counter. A restore verifies everything first and never
overwrites a workspace without keeping it aside.
"""
from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from counter_app.errors import InvalidInput, WorkspaceError
from counter_app.storage.db import classify_os_error
from counter_app.storage.files_io import sha256_of_file
from counter_app.storage.filestore import FileStore
from counter_app.workspace import DB_NAME, Workspace

PREFIX = "backup-"
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class BackupReport:
    path: Path
    dossiers: int
    files: int
    bytes_copied: int


def _referenced_files(db_path: Path) -> list[str]:
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as connection:
        return [row[0] for row in connection.execute("SELECT DISTINCT sha256 FROM documents")]


def create_backup(workspace: Workspace, dest: Path, *, now: datetime, keep: int | None = None) -> BackupReport:
    dest = Path(dest)
    folder = dest / f"{PREFIX}{now:%Y%m%d-%H%M%S}"
    try:
        folder.mkdir(parents=True, exist_ok=False)
        target_db = folder / DB_NAME
        with sqlite3.connect(workspace.db_path) as source, sqlite3.connect(target_db) as target:
            source.backup(target)  # consistent snapshot while the app keeps working
        with sqlite3.connect(target_db) as copy:
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            dossiers = copy.execute("SELECT count(*) FROM dossiers").fetchone()[0]
        shared = FileStore(dest / "files")
        copied = 0
        hashes = _referenced_files(target_db)
        for sha256 in hashes:
            if not shared.exists(sha256):  # already in an earlier backup: content never changes
                data = workspace.files.get(sha256)
                shared.put(data)
                copied += len(data)
        manifest = {"created_at": now.isoformat(timespec="seconds"), "database_sha256": sha256_of_file(target_db),
                    "dossiers": dossiers, "files": hashes}
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise classify_os_error(exc) from exc
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


def verify_backup(folder: Path) -> list[str]:
    """Problems found in a backup (empty when it can be restored)."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"manifest unreadable: {exc}"]
    problems = []
    database = folder / DB_NAME
    if not database.is_file() or sha256_of_file(database) != manifest.get("database_sha256"):
        problems.append("the database copy is missing or changed since the backup")
    else:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
            result = connection.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            problems.append(f"the database copy is damaged: {result}")
    shared = FileStore(folder.parent / "files")
    for sha256 in manifest.get("files", []):
        try:
            shared.get(sha256)
        except WorkspaceError as exc:
            problems.append(exc.message)
    return problems


def restore_backup(folder: Path, root: Path, *, now: datetime, force: bool = False) -> Path | None:
    """Restore ``folder`` into workspace ``root``; returns where the old workspace was kept."""
    folder, root = Path(folder), Path(root)
    problems = verify_backup(folder)
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
        shutil.copy2(folder / DB_NAME, root / DB_NAME)
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        shared, files = FileStore(folder.parent / "files"), FileStore(root / "files")
        for sha256 in manifest["files"]:
            files.put(shared.get(sha256))
    except OSError as exc:
        raise classify_os_error(exc) from exc
    return kept
