"""A workspace: one folder holding the database and the file store of a counter."""
from __future__ import annotations

import errno
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from counter_app.errors import WorkspaceError, WorkspaceLocked, WorkspaceReadOnly, WrongKey
from counter_app.security import keys as keystore
from counter_app.security.filecrypt import FileCipher
from counter_app.storage import migrate
from counter_app.storage.db import (
    Database,
    classify_os_error,
    is_plain_database,
    key_opens,
    make_engine,
    translate_storage_errors,
)
from counter_app.storage.filestore import FileStore
from counter_app.storage.startup_check import SessionMarker, StartupCheck, check_after_crash, stale_markers

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
    keys: keystore.DataKeys | None = None  # set when the workspace is encrypted
    startup_check: StartupCheck = field(default_factory=StartupCheck)  # what the start found and repaired
    marker: SessionMarker | None = None

    @property
    def encrypted(self) -> bool:
        return self.keys is not None

    @property
    def db_key(self) -> bytes | None:
        """The key the database opened with (None: plain database)."""
        return self.db.key

    @property
    def db_path(self) -> Path:
        return self.root / DB_NAME

    def close(self) -> None:
        self.db.dispose()
        if self.marker is not None:
            self.marker.release()  # a clean end: the next start need not check
            self.marker = None


def open_workspace(root: Path | str | None = None, *, create: bool = True,
                   passphrase: keystore.PassphraseSource = None, keyring_backend=None) -> Workspace:
    """Open (and if needed create) a workspace, bringing its schema up to date.

    A workspace on read-only media (a backup disk, a locked folder) opens read-only:
    dossiers can be looked up, and any attempt to save says why it cannot.

    An encrypted workspace (it has ``workspace.key.json``) is unlocked with its keyring
    entry, or with ``passphrase`` (a string, or a callback asked only when needed, e.g.
    a GUI dialog), else the ``COUNTER_APP_PASSPHRASE`` environment variable. A missing
    or wrong key raises ``WorkspaceLocked``/``WrongKey`` before anything is written.
    """
    root = Path(root) if root else default_workspace_dir()
    try:
        if create and not root.is_dir():
            root.mkdir(parents=True)
        elif not root.is_dir():
            raise WorkspaceError(f"No workspace at {root}: check the folder's name, or create a new workspace "
                                 "there with `counter-app init --workspace FOLDER`.")
    except OSError as exc:
        raise classify_os_error(exc) from exc
    read_only = not _writable(root)
    if read_only and not (root / DB_NAME).exists():
        raise WorkspaceReadOnly(f"The workspace folder {root} cannot be written.")
    data_keys, db_key = unlock_workspace(root, passphrase=passphrase, keyring_backend=keyring_backend)
    engine = make_engine(root / DB_NAME, read_only=read_only, key=db_key)
    with translate_storage_errors():
        if read_only:
            if migrate.current_revision(engine) != migrate.head_revision():
                raise WorkspaceReadOnly("This read-only workspace is from another version of the app.")
        else:
            migrate.upgrade(engine)
    cipher = FileCipher(data_keys.keys, data_keys.current) if data_keys else None
    files = FileStore(root / "files", cipher)
    marker, check = None, StartupCheck()
    if not read_only:
        removed = files.remove_incomplete()  # leftovers of a write cut short by a crash
        stale = stale_markers(root)
        try:
            marker = SessionMarker(root)
        except OSError:
            marker = None  # no marker: the next start just cannot tell a crash from a clean end
        with translate_storage_errors():
            check = check_after_crash(engine, stale, removed)
    database = Database(engine, key=db_key)
    return Workspace(root=root, db=database, files=files, read_only=read_only, keys=data_keys,
                     startup_check=check, marker=marker)


def unlock_workspace(root: Path, *, passphrase: keystore.PassphraseSource = None,
                     keyring_backend=None) -> tuple[keystore.DataKeys | None, bytes | None]:
    """The workspace's data keys and the key its database opens with (None, None if plain).

    While a rotation or enabling runs the database may use either key (or none), so the
    key file's ``db_key`` is tried first, then the others: a crash between swapping the
    database and updating the key file still opens.
    """
    key_file = keystore.load_key_file(root)
    db_path = root / DB_NAME
    if key_file is None:
        if not is_plain_database(db_path):
            raise WorkspaceLocked(f"The database in {root} is encrypted but its key file "
                                  f"({keystore.KEY_FILE}) is missing: restore it from a backup.")
        return None, None
    data_keys = keystore.unlock(key_file, passphrase, keyring_backend)
    if is_plain_database(db_path):
        return data_keys, None
    order = [data_keys.db_key, data_keys.current, *data_keys.keys]
    for key_id in dict.fromkeys(k for k in order if k):
        if key_opens(db_path, data_keys.keys[key_id]):
            return data_keys, data_keys.keys[key_id]
    raise WrongKey("None of the workspace's keys opens its database: the database or its key file was "
                   "replaced. Restore both from the same backup.")


def _writable(root: Path) -> bool:
    try:
        with tempfile.TemporaryFile(dir=root):
            return True
    except OSError as exc:
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return False
        raise classify_os_error(exc) from exc
