"""Province-wide publications in the change feed: catalogue versions and calendar overrides.

A file is parsed with the counter's own parsers BEFORE it is published, so a file the
counters could not read never reaches the feed. Such changes have ``agency_id = "*"``:
every office reads them.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.calendar import load_overrides
from counter_app.calendar.overrides import dump_overrides_json
from counter_app.catalog.national_json import dump_national_json, load_national_json
from sync.server.models import Change

EVERY_AGENCY = "*"
CATALOG, CALENDAR = "catalog.version", "calendar.overrides"


def _publish(session: Session, kind: str, body: dict) -> Change:
    change = Change(kind=kind, agency_id=EVERY_AGENCY, dossier_uuid=None, body=body,
                    created_at=datetime.now().replace(microsecond=0))
    session.add(change)
    session.flush()
    return change


def publish_catalog(session: Session, path: Path) -> Change:
    specs = load_national_json(Path(path))
    version = (session.scalar(select(func.count()).select_from(Change).where(Change.kind == CATALOG)) or 0) + 1
    return _publish(session, CATALOG, {"version": version, "source": Path(path).name,
                                       "procedures": len(specs), "records": dump_national_json(specs)})


def publish_calendar(session: Session, path: Path) -> Change:
    overrides = load_overrides(Path(path))
    return _publish(session, CALENDAR, {"source": Path(path).name, "count": len(overrides),
                                        "text": dump_overrides_json(overrides)})
