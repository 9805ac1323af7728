"""The server's own database: SQLite by default (same hardened settings as the counter's),
or PostgreSQL (``postgresql+psycopg://user@host:port/name``) for a province that runs one.

Which statements need what locking on each backend is in ``sync.server.locks``.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import DateTime, create_engine, inspect, text
from sqlalchemy.engine import make_url

from counter_app.errors import InvalidInput
from counter_app.storage.db import Database, make_engine
from sync.server.models import Base


def open_server_db(url: str) -> Database:
    """Open (and create) the server database at ``url``; SQLite gets WAL + BEGIN IMMEDIATE."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = make_engine(parsed.database)
    else:
        engine = make_server_engine(url)
    Base.metadata.create_all(engine)
    _add_missing_columns(engine)
    return Database(engine)


def make_server_engine(url: str):
    """An engine for a client/server database (PostgreSQL): pooled for many workstations,
    connections checked before use (the database may have restarted), bounded connect time."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise InvalidInput(f"Unsupported server database {parsed.get_backend_name()!r}: "
                           "use sqlite:///path or postgresql+psycopg://user@host:port/name.")
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")  # psycopg 3 is the driver we ship
    # hide_parameters: a logged database error must not carry citizens' data.
    return create_engine(parsed, pool_pre_ping=True, pool_size=10, max_overflow=40, pool_timeout=30,
                         connect_args={"connect_timeout": 10}, hide_parameters=True)


# Columns added after the first release: (table, column, SQLAlchemy type). create_all makes
# new databases whole; older ones get the column added, empty for the rows they already hold.
ADDED_COLUMNS = (("events", "device_time", DateTime()),)


def _add_missing_columns(engine) -> None:
    present = inspect(engine)
    for table, column, column_type in ADDED_COLUMNS:
        if column not in {c["name"] for c in present.get_columns(table)}:
            sql_type = column_type.compile(dialect=engine.dialect)  # DATETIME, TIMESTAMP WITHOUT TIME ZONE…
            with engine.begin() as connection:
                connection.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}"))


def default_files_dir(url: str) -> Path:
    """Uploaded files live beside a SQLite database, else in ./server-files."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        return Path(parsed.database).with_name(Path(parsed.database).stem + "-files")
    return Path("server-files")
