"""Province publications in the change feed: catalogue versions, calendar overrides and
the officer accounts (with revocations) of one office.

A file is parsed with the counter's own parsers BEFORE it is published, so a file the
counters could not read never reaches the feed. Such changes have ``agency_id = "*"``:
every office reads them.
"""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.accounts.province import check_province_accounts
from counter_app.calendar import load_overrides
from counter_app.errors import InvalidInput
from counter_app.calendar.overrides import dump_overrides_json
from counter_app.catalog.national_json import dump_national_json, load_national_json
from sync.server.locks import FEED, lock
from sync.server.models import Change

EVERY_AGENCY = "*"
CATALOG, CALENDAR, ACCOUNTS = "catalog.version", "calendar.overrides", "officer.accounts"


def _publish(session: Session, kind: str, body: dict) -> Change:
    lock(session, FEED)
    change = Change(kind=kind, agency_id=EVERY_AGENCY, dossier_uuid=None, body=body,
                    created_at=datetime.now().replace(microsecond=0))
    session.add(change)
    session.flush()
    return change


def publish_catalog(session: Session, path: Path) -> Change:
    specs = load_national_json(Path(path))
    lock(session, FEED)  # the version number is counted under the same lock as the insert
    version = (session.scalar(select(func.count()).select_from(Change).where(Change.kind == CATALOG)) or 0) + 1
    return _publish(session, CATALOG, {"version": version, "source": Path(path).name,
                                       "procedures": len(specs), "records": dump_national_json(specs)})


def publish_calendar(session: Session, path: Path) -> Change:
    overrides = load_overrides(Path(path))
    return _publish(session, CALENDAR, {"source": Path(path).name, "count": len(overrides),
                                        "text": dump_overrides_json(overrides)})


def publish_accounts(session: Session, agency_id: str, path: Path) -> Change:
    """Officer accounts of one office (JSON list of records, see ``counter_app.accounts.province``).

    Checked with the counter's own rules first: a batch a counter would refuse is never
    published. Password hashes only (Argon2id); a plain password is refused.
    """
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(records, list) or not agency_id.strip():
        raise InvalidInput("An accounts file is a JSON list of account records, for one office (--agency).")
    check_province_accounts(records)
    lock(session, FEED)
    change = Change(kind=ACCOUNTS, agency_id=agency_id.strip(), dossier_uuid=None,
                    body={"source": Path(path).name, "count": len(records), "records": records},
                    created_at=datetime.now().replace(microsecond=0))
    session.add(change)
    session.flush()
    return change
