"""Province feed changes applied at the counter: catalogue versions, calendar overrides and
officer accounts (a revoked officer cannot log in once this has run).

Called by ``pull`` inside the transaction that also moves the cursor, so a change is
stored completely (every procedure of the version, every override) together with the
cursor, or not at all. The catalogue goes through the core's own import
(``import_specs``, what ``CounterCore.import_procedures`` runs) and the calendar
through ``store_overrides`` (what ``CounterCore.import_calendar`` runs); the diff of
each catalogue version (added / new versions / unchanged) is kept in the sync state for
the officer to see. A bad publication is recorded with its error, not retried forever.
An open CounterCore notices both on its next use (it compares what its caches were
built from with the database), so an app that is running needs no restart.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from counter_app.accounts.province import apply_province_accounts
from counter_app.calendar.overrides import parse_overrides_json
from counter_app.catalog.national_json import load_national_json
from counter_app.catalog.repository import import_specs
from counter_app.errors import InvalidInput
from counter_app.scheduling import store_overrides
from sync.state import SyncState

CATALOG, CALENDAR, ACCOUNTS = "catalog.version", "calendar.overrides", "officer.accounts"
KEEP = 20  # diffs kept in the sync state


def apply_province_change(session: Session, state: SyncState, change: dict, now: datetime) -> bool:
    """True if ``change`` was one of these kinds (applied, or recorded as failed)."""
    kind, body = change["kind"], change["body"]
    if kind not in (CATALOG, CALENDAR, ACCOUNTS):
        return False
    entry = {"change_id": change["id"], "source": body.get("source", ""), "applied_at": now.isoformat(timespec="seconds")}
    try:
        with session.begin_nested():  # a bad publication must not take the page down with it
            if kind == CATALOG:
                specs = load_national_json(body["records"])
                report = import_specs(session, specs, source=f"province v{body.get('version')}: {entry['source']}",
                                      now=now, allow_unchanged=True)
                entry |= {"version": body.get("version"), "added": report.added,
                          "new_versions": report.new_versions, "unchanged": len(report.unchanged)}
            elif kind == ACCOUNTS:
                report = apply_province_accounts(session, body["records"], now=now)
                entry |= {"created": list(report.created), "updated": list(report.updated),
                          "revoked": list(report.revoked), "skipped": list(report.skipped)}
            else:
                overrides = parse_overrides_json(body["text"], source=entry["source"])
                entry["overrides"] = store_overrides(session, overrides, source=f"province: {entry['source']}")
    except (InvalidInput, KeyError, TypeError) as exc:
        entry["error"] = getattr(exc, "message", str(exc))
    target = {CATALOG: state.catalog_updates, CALENDAR: state.calendar_updates, ACCOUNTS: state.account_updates}[kind]
    target.append(entry)
    del target[:-KEEP]
    return True
