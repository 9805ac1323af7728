"""A workspace: one folder holding the database and the file store of a counter."""
from __future__ import annotations

import errno
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from counter_app.errors import WorkspaceError, WorkspaceReadOnly
from counter_app.storage import migrate
from counter_app.storage.db import Database, classify_os_error, make_engine, translate_storage_errors
from counter_app.storage.filestore import FileStore

APP_NAME = "QuayMotCua"
ENV_HOME = "COUNTER_APP_HOME"
DB_NAME = "counter.sqlite3"


def default_workspace_dir() -> Path:
    override = os.environ.get(ENV_HOME)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


@dataclass
class Workspace:
    root: Path
    db: Database
    files: FileStore
    read_only: bool = False

    @property
    def db_path(self) -> Path:
        return self.root / DB_NAME

    def close(self) -> None:
        self.db.dispose()


def open_workspace(root: Path | str | None = None, *, create: bool = True) -> Workspace:
    """Open (and if needed create) a workspace, bringing its schema up to date.

    A workspace on read-only media (a backup disk, a locked folder) opens read-only:
    dossiers can be looked up, and any attempt to save says why it cannot.
    """
    root = Path(root) if root else default_workspace_dir()
    try:
        if create and not root.is_dir():
            root.mkdir(parents=True)
        elif not root.is_dir():
            raise WorkspaceError(f"No workspace at {root}.")
    except OSError as exc:
        raise classify_os_error(exc) from exc
    read_only = not _writable(root)
    if read_only and not (root / DB_NAME).exists():
        raise WorkspaceReadOnly(f"The workspace folder {root} cannot be written.")
    engine = make_engine(root / DB_NAME, read_only=read_only)
    with translate_storage_errors():
        if read_only:
            if migrate.current_revision(engine) != migrate.head_revision():
                raise WorkspaceReadOnly("This read-only workspace is from another version of the app.")
        else:
            migrate.upgrade(engine)
    files = FileStore(root / "files")
    if not read_only:
        files.remove_incomplete()  # leftovers of a write cut short by a crash
    return Workspace(root=root, db=Database(engine), files=files, read_only=read_only)


def _writable(root: Path) -> bool:
    try:
        with tempfile.TemporaryFile(dir=root):
            return True
    except OSError as exc:
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return False
        raise classify_os_error(exc) from exc
