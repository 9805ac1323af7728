"""The server's own database: SQLite by default (same hardened settings as the counter's)."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine
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
    return Database(engine)


def default_files_dir(url: str) -> Path:
    """Uploaded files live beside a SQLite database, else in ./server-files."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        return Path(parsed.database).with_name(Path(parsed.database).stem + "-files")
    return Path("server-files")
