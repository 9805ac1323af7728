"""The server's own database: SQLite by default (same hardened settings as the counter's)."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from counter_app.storage.db import Database, make_engine
from sync.server.models import Base


def open_server_db(url: str) -> Database:
    """Open (and create) the server database at ``url``; SQLite gets WAL + BEGIN IMMEDIATE."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = make_engine(parsed.database)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    Base.metadata.create_all(engine)
    _add_missing_columns(engine)
    return Database(engine)


# Columns added after the first release: (table, column, SQL type). create_all makes new
# databases whole; older ones get the column added, empty for the rows they already hold.
ADDED_COLUMNS = (("events", "device_time", "DATETIME"),)


def _add_missing_columns(engine) -> None:
    present = inspect(engine)
    for table, column, sql_type in ADDED_COLUMNS:
        if column not in {c["name"] for c in present.get_columns(table)}:
            with engine.begin() as connection:
                connection.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}"))


def default_files_dir(url: str) -> Path:
    """Uploaded files live beside a SQLite database, else in ./server-files."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        return Path(parsed.database).with_name(Path(parsed.database).stem + "-files")
    return Path("server-files")
