"""Run the reference server with uvicorn."""
from __future__ import annotations

from pathlib import Path

import uvicorn

from sync.server.app import create_app
from sync.server.db import default_files_dir, open_server_db


def serve(db_url: str, *, host: str = "127.0.0.1", port: int = 8765, files_dir: Path | None = None,
          enrol_key: str | None = None) -> None:
    db = open_server_db(db_url)
    app = create_app(db, files_dir or default_files_dir(db_url), enrol_key=enrol_key)
    print(f"Provincial server on http://{host}:{port} (database {db_url})", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
