"""Run the reference server with uvicorn."""
from __future__ import annotations

from pathlib import Path

import uvicorn

from sync.server.app import create_app
from sync.server.db import default_files_dir, open_server_db


def serve(db_url: str, *, host: str = "127.0.0.1", port: int = 8765, files_dir: Path | None = None,
          enrol_key: str | None = None, tls_cert: Path | None = None, tls_key: Path | None = None) -> None:
    db = open_server_db(db_url)
    app = create_app(db, files_dir or default_files_dir(db_url), enrol_key=enrol_key)
    tls = {"ssl_certfile": str(tls_cert), "ssl_keyfile": str(tls_key)} if tls_cert else {}  # HTTPS (sync.tls)
    print(f"Provincial server on {'https' if tls else 'http'}://{host}:{port} (database {db_url})", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, **tls)
