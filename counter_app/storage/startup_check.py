"""Did the last session end cleanly? If not, check the database and tidy the file store.

Every process that opens a workspace holds an OS lock on a marker file of its own in
``.sessions/``; a clean close deletes it. A marker nobody holds at the next start was left
by a process that died (power cut, kill -9, crash): only then is ``PRAGMA quick_check``
run, so a normal start stays fast. Locks (not PIDs) tell the dead from the living, so a
reused PID or a second window on the same workspace cannot fool the check.
"""
from __future__ import annotations

import atexit
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

SESSIONS_DIR = ".sessions"
# Markers this process holds. A process that ends through Python (a CLI command returning or
# failing, a window closed) ended its transactions: its markers go at exit, so only a process
# killed from outside (power cut, kill -9) leaves one behind for the next start to see.
_held: set["SessionMarker"] = set()


@dataclass(frozen=True)
class StartupCheck:
    unclean_shutdown: bool = False
    incomplete_files_removed: int = 0
    database_problems: tuple[str, ...] = field(default_factory=tuple)

    @property
    def database_ok(self) -> bool:
        return not self.database_problems

    def summary(self) -> str:
        """One English line for logs and the CLI (the GUI words it through Qt translation)."""
        if not self.unclean_shutdown:
            return "The last session ended normally."
        database = ("the database is intact" if self.database_ok
                    else f"the database has problems: {'; '.join(self.database_problems[:3])}")
        return (f"The last session did not end normally: {database}; "
                f"{self.incomplete_files_removed} half-written file(s) removed (they held nothing saved).")


class SessionMarker:
    """This process's marker, locked while the workspace is open."""

    def __init__(self, root: Path):
        folder = Path(root) / SESSIONS_DIR
        folder.mkdir(exist_ok=True)
        self.path = folder / f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._handle = self.path.open("a+b")
        if not _try_lock(self._handle):  # a fresh, unique file: cannot be held by anyone else
            raise OSError(f"cannot lock {self.path}")
        _held.add(self)

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing drops the lock
            self._handle = None
            self.path.unlink(missing_ok=True)
        _held.discard(self)


@atexit.register
def _release_held_markers() -> None:
    for marker in list(_held):
        marker.release()


def stale_markers(root: Path, own: SessionMarker | None = None) -> list[Path]:
    """Markers of processes that died with the workspace open (their lock is free)."""
    folder = Path(root) / SESSIONS_DIR
    stale = []
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        if own is not None and path == own.path:
            continue
        try:
            with path.open("a+b") as handle:
                if _try_lock(handle):
                    stale.append(path)
        except OSError:
            continue  # vanished meanwhile, or not ours to read: not evidence of a crash
    return stale


def check_after_crash(engine: Engine, stale: list[Path], removed_files: int) -> StartupCheck:
    if not stale:
        return StartupCheck(incomplete_files_removed=removed_files)
    try:
        with engine.connect() as connection:
            rows = [str(row[0]) for row in connection.exec_driver_sql("PRAGMA quick_check")]
    except DBAPIError as exc:  # damaged past listing: the check itself fails
        rows = [str(exc.orig or exc)]
    problems = tuple(row for row in rows if row != "ok")
    for path in stale:
        path.unlink(missing_ok=True)
    return StartupCheck(True, removed_files, problems)


def _try_lock(handle) -> bool:
    if os.name == "nt":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False
