"""Province-side administration of the reference server (used by the CLI and the demo)."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from counter_app.errors import InvalidInput
from sync.server import auth, feed
from sync.server.db import open_server_db
from sync.server.models import Workstation


def set_status(db_url: str, code: str, status: int, note: str = "") -> dict:
    db = open_server_db(db_url)
    try:
        with db.write() as session:
            change = feed.set_status(session, code, status, note=note)
            return {"change_id": change.id, **change.body}
    finally:
        db.dispose()


def revoke(db_url: str, workstation_id: int) -> None:
    db = open_server_db(db_url)
    try:
        with db.write() as session:
            if not auth.revoke(session, workstation_id):
                raise InvalidInput(f"No workstation {workstation_id} on this server.")
    finally:
        db.dispose()


def workstations(db_url: str) -> list[dict]:
    db = open_server_db(db_url)
    try:
        with db.read() as session:
            return [{"id": w.id, "name": w.name, "agency_id": w.agency_id, "slot": w.slot, "revoked": w.revoked}
                    for w in session.scalars(select(Workstation).order_by(Workstation.id))]
    finally:
        db.dispose()


def export_national(db_url: str, *, since=None, mark: bool = True) -> list[dict]:
    from sync.national_export import export

    db = open_server_db(db_url)
    try:
        with db.write() as session:
            return export(session, since=since, mark=mark)
    finally:
        db.dispose()


def publish(db_url: str, kind: str, path, agency_id: str = "") -> dict:
    """Publish a catalogue ("catalog"), calendar overrides ("calendar") or the officer
    accounts of one office ("accounts", with ``agency_id``)."""
    from sync.server import publish as pub

    if not Path(path).is_file():
        raise InvalidInput(f"Cannot read {path}: no such file.")
    db = open_server_db(db_url)
    try:
        with db.write() as session:
            if kind == "accounts":
                change = pub.publish_accounts(session, agency_id, path)
            else:
                change = (pub.publish_catalog if kind == "catalog" else pub.publish_calendar)(session, path)
            summary = {k: v for k, v in change.body.items() if k not in ("records", "text")}
            return {"change_id": change.id, "kind": change.kind, **summary}
    finally:
        db.dispose()
