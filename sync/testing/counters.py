"""Helpers for sync tests and benchmarks: counters with dossiers, fast-retry clients, server rows."""
from __future__ import annotations

import sqlite3
import uuid
from datetime import datetime
from pathlib import Path

from counter_app.dossiers.intake import ApplicantInput, IntakeRequest
from sync.client import RetryPolicy, SyncClient
from sync.outbox_worker import OutboxWorker

RECEIVED_AT = datetime(2026, 11, 25, 9, 0)


def fast_client(url: str, attempts: int = 2) -> SyncClient:
    """A client whose retries take milliseconds, seeded for reproducible jitter."""
    import random

    return SyncClient(url, timeout=(2.0, 10.0), retry=RetryPolicy(attempts=attempts, base=0.01, cap=0.05,
                                                                  rng=random.Random(7)))


def make_worker(core, url: str, **options) -> OutboxWorker:
    options.setdefault("client_factory", fast_client)
    return OutboxWorker(core.workspace, server_url=url, **options)


def receive(core, name: str = "Nguyễn Văn An", *, procedure: str = "1.001193", with_form: bool = False,
            at: datetime = RECEIVED_AT) -> str:
    view = core.receive(IntakeRequest(procedure, ApplicantInput(name=name, id_number="001099012345"),
                                      received_at=at))
    if with_form:
        core.issue_form(view.code, "01")
    return view.code


def new_op(seq: int, dossier: str, code: str, action: str = "receive", status: int = 2) -> dict:
    return {"op_id": str(uuid.uuid4()), "kind": "dossier.event", "dossier_uuid": dossier,
            "payload": {"dossier": dossier, "code": code, "seq": seq, "action": action, "status": status,
                        "payload": {}, "officer": "Trần Thị Mai", "counter": "Quầy 1",
                        "device_time": RECEIVED_AT.isoformat()}}


def server_rows(db_url: str, sql: str, *params) -> list[tuple]:
    if db_url.startswith("postgresql"):  # same SQL with qmark parameters, on PostgreSQL
        import psycopg
        from psycopg.types.string import TextLoader
        from sqlalchemy.engine import make_url

        url = make_url(db_url)
        with psycopg.connect(host=url.host, port=url.port, user=url.username, dbname=url.database,
                             connect_timeout=10) as connection:
            connection.adapters.register_loader("json", TextLoader)  # JSON as text, like SQLite gives it
            return [tuple(row) for row in connection.execute(sql.replace("?", "%s"), params).fetchall()]
    path = db_url.removeprefix("sqlite:///")
    with sqlite3.connect(Path(path)) as db:
        return db.execute(sql, params).fetchall()
