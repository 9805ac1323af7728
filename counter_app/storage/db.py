"""SQLite engine set-up: WAL, foreign keys, full sync, explicit transactions.

pysqlite's implicit transaction handling is switched off and SQLAlchemy emits BEGIN
itself, so a unit of work is really atomic; writers use BEGIN IMMEDIATE so two
writers queue on the lock instead of failing half-way.
"""
from __future__ import annotations

import os

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from counter_app.errors import DiskFull, WorkspaceError, WorkspaceReadOnly

BUSY_TIMEOUT_MS = 10_000


SQLITE_MAGIC = b"SQLite format 3\x00"


def is_plain_database(db_path: Path | str) -> bool:
    """True for an ordinary SQLite file; an SQLCipher file starts with random bytes."""
    try:
        with open(db_path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return True  # a new database is created plain unless a key is given
    return head in (SQLITE_MAGIC, b"")  # SQLite treats an empty file as an empty database


def key_pragma(key: bytes) -> str:
    # Raw-key form: SQLCipher uses the 256-bit key as is, with no slow KDF on every open.
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect_raw(db_path: Path | str, key: bytes | None = None, *, read_only: bool = False):
    """A DBAPI connection (sqlite3, or sqlcipher3 when ``key`` is given) for tools that
    work below SQLAlchemy: backup, integrity checks, key changes."""
    if key is None:
        if read_only:
            return sqlite3.connect(f"file:{Path(db_path).as_posix()}?mode=ro", uri=True)
        return sqlite3.connect(db_path)
    from sqlcipher3 import dbapi2 as sqlcipher

    if read_only:
        connection = sqlcipher.connect(f"file:{Path(db_path).as_posix()}?mode=ro", uri=True)
    else:
        connection = sqlcipher.connect(str(db_path))
    connection.execute(key_pragma(key))
    return connection


def database_errors() -> tuple[type[BaseException], ...]:
    """DBAPI error classes of both drivers (sqlcipher3 has its own hierarchy)."""
    from sqlcipher3 import dbapi2 as sqlcipher

    return sqlite3.Error, sqlcipher.Error


def key_opens(db_path: Path | str, key: bytes | None) -> bool:
    """Does ``key`` (None: no key) open the database at ``db_path``?"""
    try:
        connection = connect_raw(db_path, key, read_only=True)
    except database_errors():
        return False
    try:
        if key is not None:
            connection.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is expected here, not an error
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except database_errors():  # "file is not a database"
        return False
    finally:
        connection.close()


def owner_only(path: Path) -> None:
    """Create the file readable by its owner only, or make an existing one so: it holds
    citizens' data (on Windows the mode bits do little; the profile folder's ACL does that)."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        os.chmod(path, 0o600)
    except OSError:
        pass  # a folder we cannot change: the engine reports the real problem on connect


def make_engine(db_path: Path | str, *, read_only: bool = False, key: bytes | None = None) -> Engine:
    """An engine on ``db_path``; ``read_only`` for a workspace on read-only media;
    ``key`` (32 bytes) for an SQLCipher-encrypted database."""
    url = f"sqlite:///{db_path}"
    if not read_only:
        owner_only(Path(db_path))  # SQLite gives its -wal and -shm files the database file's mode
    if read_only:
        # Immutable: SQLite needs no -shm/-wal files, which read-only media cannot hold.
        url = f"sqlite:///file:{Path(db_path).as_posix()}?mode=ro&immutable=1&uri=true"
    if key is None:
        # Connections move between the UI thread and workers; each is used by one at a time.
        # hide_parameters: SQL errors and logs never carry the row's values (citizens' names, IDs).
        engine = create_engine(url, connect_args={"check_same_thread": False}, hide_parameters=True)
    else:
        from sqlcipher3 import dbapi2 as sqlcipher

        target = f"file:{Path(db_path).as_posix()}?mode=ro&immutable=1" if read_only else str(db_path)

        def _connect():
            connection = sqlcipher.connect(target, uri=read_only, check_same_thread=False)
            connection.execute(key_pragma(key))  # before anything else touches the file
            return connection

        engine = create_engine(url, module=sqlcipher, creator=_connect, hide_parameters=True)

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

    def __init__(self, engine: Engine, key: bytes | None = None):
        self.engine = engine
        self.key = key  # SQLCipher key, for tools that open their own connection (backup)
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
    from sqlalchemy.exc import DatabaseError, OperationalError

    try:
        yield
    except OperationalError as exc:
        raise classify_storage_error(exc.orig) from exc
    except DatabaseError as exc:
        if not _is_damage(exc.orig):
            raise  # integrity and programming errors are the caller's to handle
        raise WorkspaceError("The database file is damaged: nothing more was written. Restore the latest "
                             "backup (counter-app restore) or call IT support.") from exc
    except sqlite3.OperationalError as exc:
        raise classify_storage_error(exc) from exc
    except _cipher_operational_error() as exc:
        raise classify_storage_error(exc) from exc
    except OSError as exc:
        raise classify_os_error(exc) from exc


def _is_damage(exc: BaseException | None) -> bool:
    text = str(exc).lower()
    return "malformed" in text or "file is not a database" in text


def _cipher_operational_error() -> type[BaseException]:
    try:
        from sqlcipher3.dbapi2 import OperationalError
    except ImportError:  # pragma: no cover - the wheel is a declared dependency
        return sqlite3.OperationalError
    return OperationalError


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
