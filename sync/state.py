"""Sync state of a workspace, kept in its ``settings`` table under the key "sync".

Being in the same database as the dossiers lets the change-feed cursor move in the
same transaction as the changes it covers.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

from sqlalchemy.orm import Session

from counter_app.storage.models import Setting

KEY = "sync"


@dataclass
class SyncState:
    server_url: str = ""
    token: str = ""
    workstation_id: int | None = None
    cursor: int = 0
    last_success: str = ""
    last_attempt: str = ""
    last_error: str = ""
    last_error_code: str = ""  # the error's stable code, for a translated message
    conflicts: list = field(default_factory=list)  # province changes the counter could not apply
    code_blocks: list = field(default_factory=list)  # block requests sent, answer not yet stored
    catalog_updates: list = field(default_factory=list)  # diffs of catalogue versions applied from the feed
    calendar_updates: list = field(default_factory=list)  # holiday calendar overrides applied from the feed
    account_updates: list = field(default_factory=list)  # officer accounts / revocations applied from the feed
    server_instance: str = ""  # the server run last checked for a restored (older) database
    restores: list = field(default_factory=list)  # what was re-sent after the server lost data


def load_state(session: Session) -> SyncState:
    row = session.get(Setting, KEY)
    raw = row.value if row is not None and isinstance(row.value, dict) else {}
    known = {f.name for f in fields(SyncState)}
    return SyncState(**{k: v for k, v in raw.items() if k in known})


def save_state(session: Session, state: SyncState) -> None:
    row = session.get(Setting, KEY)
    if row is None:
        session.add(Setting(key=KEY, value=asdict(state)))
    else:
        row.value = {**(row.value or {}), **asdict(state)}  # keep keys a newer version added
    session.flush()
