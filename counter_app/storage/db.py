"""SQLite engine set-up: WAL, foreign keys, full sync, explicit transactions.

pysqlite's implicit transaction handling is switched off and SQLAlchemy emits BEGIN
itself, so a unit of work is really atomic; writers use BEGIN IMMEDIATE so two
writers queue on the lock instead of failing half-way.
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from counter_app.errors import DiskFull, WorkspaceError, WorkspaceReadOnly

BUSY_TIMEOUT_MS = 10_000


def make_engine(db_path: Path | str, *, read_only: bool = False) -> Engine:
    """An engine on ``db_path``; ``read_only`` for a workspace on read-only media."""
    url = f"sqlite:///{db_path}"
    if read_only:
        # Immutable: SQLite needs no -shm/-wal files, which read-only media cannot hold.
        url = f"sqlite:///file:{Path(db_path).as_posix()}?mode=ro&immutable=1&uri=true"
    # Connections move between the UI thread and workers; each is used by one at a time.
    engine = create_engine(url, connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not read_only:
            cursor.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed dossier survives a power cut, not just a crash.
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        immediate = connection.get_execution_options().get("immediate", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class Database:
    """Session factories for one workspace database."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(engine.execution_options(immediate=True), expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with translate_storage_errors(), self._read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One atomic unit of work: commits on success, rolls back on any error."""
        with translate_storage_errors(), self._write() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


@contextmanager
def translate_storage_errors():
    """Turn low-level storage failures into typed errors an officer can act on."""
    from sqlalchemy.exc import OperationalError

    try:
        yield
    except OperationalError as exc:
        raise classify_storage_error(exc.orig) from exc
    except sqlite3.OperationalError as exc:
        raise classify_storage_error(exc) from exc
    except OSError as exc:
        raise classify_os_error(exc) from exc


def classify_storage_error(exc: BaseException | None) -> Exception:
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull("The disk is full: nothing was saved. Free some space and try again.")
    if "readonly" in text or "read-only" in text:
        return WorkspaceReadOnly("The workspace is read-only: nothing was saved.")
    return WorkspaceError(f"Database error: {exc}")


def classify_os_error(exc: OSError) -> Exception:
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DiskFull("The disk is full: nothing was saved. Free some space and try again.")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return WorkspaceReadOnly(f"The workspace cannot be written ({exc.strerror}): nothing was saved.")
    return WorkspaceError(f"Storage error: {exc}")
