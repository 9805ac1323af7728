"""Who looked at which citizen's data: an append-only, hash-chained log of views.

The core records a view where it hands personal data out (``CounterCore.dossier``,
``issue_form``, ``document_bytes``, ``render_register`` and searches by text), in the
core and not in the screens, so the CLI and every window are covered alike. Listing
dossiers without a search text is not a view of one citizen and is not recorded.

An event holds who (officer user name and roles, counter, workstation), when, which view
and the dossier code, never the citizen's name, ID number or the words searched for.
Each event's hash covers the previous hash and its own content; a head row kept in the
same transaction also catches the newest events being cut off. Events go to the province
by their ``op_id`` (``pending_for_sync``/``mark_synced``), which it stores once.
"""
from __future__ import annotations

import getpass
import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.hash_chain import GENESIS_HASH, broken_links, link_hash
from counter_app.storage.models import Setting, ViewEvent

HEAD_KEY = "view_audit_head"
SYNC_KIND = "audit.view"  # the outbox op kind the province stores idempotently by op id

# Views.
DETAIL, FORM, FILE, SEARCH, REGISTER = "dossier_detail", "form", "file", "search", "register"
VIEWS = (DETAIL, FORM, FILE, SEARCH, REGISTER)

SEARCH_COALESCE_SECONDS = 60  # one typing session at the search box is one search
_CODE_LIKE = re.compile(r"^[0-9a-z.]+-\d{6}-\d{1,6}$|^\d{6}-\d{1,6}$|^[0-9]{2,3}\.[0-9.]*[a-z]", re.I)


@dataclass(frozen=True)
class Viewer:
    officer: str  # the logged-in officer's user name ("" when nobody is logged in)
    roles: tuple[str, ...]
    counter: str
    workstation: str


@dataclass(frozen=True)
class ViewRecord:
    id: int
    at: datetime
    officer: str
    roles: tuple[str, ...]
    counter: str
    workstation: str
    view: str
    dossier_code: str | None
    detail: dict
    synced: bool


def search_kind(text: str) -> str | None:
    """What kind of search text this is (never the text itself): None for no text."""
    words = (text or "").strip()
    if not words:
        return None
    compact = words.replace(" ", "")
    if _CODE_LIKE.match(compact):
        return "code"
    if compact.isdigit():
        return "number"  # an ID card or phone number, or part of one
    return "name"


def _body(event: ViewEvent) -> dict:
    return {"op_id": event.op_id, "at": event.at.isoformat(timespec="microseconds"), "officer": event.officer,
            "roles": list(event.roles or ()), "counter": event.counter, "workstation": event.workstation,
            "view": event.view, "dossier_code": event.dossier_code, "detail": event.detail}


def append_view_event(session: Session, viewer: Viewer, view: str, *, at: datetime, dossier_code: str | None = None,
                      detail: dict | None = None) -> ViewEvent:
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}")
    detail = dict(detail or {})
    if not viewer.officer:
        detail.setdefault("os_user", _os_user())  # the CLI without --user: at least the computer account
    prev = session.scalar(select(ViewEvent.hash).order_by(ViewEvent.id.desc()).limit(1)) or GENESIS_HASH
    event = ViewEvent(op_id=str(uuid.uuid4()), at=at, officer=viewer.officer[:64], roles=list(viewer.roles),
                      counter=viewer.counter, workstation=viewer.workstation, view=view, dossier_code=dossier_code,
                      detail=detail, prev_hash=prev)
    event.hash = link_hash(prev, _body(event))
    session.add(event)
    session.flush()
    head = session.get(Setting, HEAD_KEY)
    value = {"id": event.id, "hash": event.hash}
    if head is None:
        session.add(Setting(key=HEAD_KEY, value=value))
    else:
        head.value = value
    return event


def _os_user() -> str:
    try:
        return getpass.getuser()[:64]
    except (KeyError, OSError):  # no user name in this environment (e.g. a container)
        return ""


def verify_view_chain(session: Session) -> list[int]:
    """Ids of view events whose hash or link does not match, plus the head's id when the
    newest events were removed (empty when the log is intact)."""
    broken, last = broken_links(session.scalars(select(ViewEvent).order_by(ViewEvent.id)), _body)
    head = session.get(Setting, HEAD_KEY)
    value = head.value if head is not None and isinstance(head.value, dict) else None
    if value is not None and (last is None or (value.get("id"), value.get("hash")) != (last.id, last.hash)):
        missing = value.get("id") if isinstance(value.get("id"), int) else -1
        if missing not in broken:
            broken.append(missing)
    elif value is None and last is not None:
        broken.append(last.id)  # events without a head: the head row was deleted
    return broken


def list_views(session: Session, *, dossier_code: str | None = None, officer: str | None = None,
               limit: int = 200) -> list[ViewRecord]:
    statement = select(ViewEvent).order_by(ViewEvent.id.desc()).limit(max(1, min(limit, 10_000)))
    if dossier_code:
        statement = statement.where(ViewEvent.dossier_code == dossier_code.strip())
    if officer:
        statement = statement.where(ViewEvent.officer == officer.strip().lower())
    return [ViewRecord(e.id, e.at, e.officer, tuple(e.roles or ()), e.counter, e.workstation, e.view,
                       e.dossier_code, dict(e.detail or {}), e.synced_at is not None)
            for e in session.scalars(statement)]


# -- sync ------------------------------------------------------------------------------------

def pending_for_sync(session: Session, limit: int = 500) -> list[dict]:
    """The next undelivered view events as ops (oldest first)."""
    rows = session.scalars(select(ViewEvent).where(ViewEvent.synced_at.is_(None)).order_by(ViewEvent.id)
                           .limit(limit))
    return [{"op_id": e.op_id, "kind": SYNC_KIND, "dossier_uuid": None,
             "payload": {"at": e.at.isoformat(timespec="seconds"), "officer": e.officer, "roles": list(e.roles or ()),
                         "counter": e.counter, "workstation": e.workstation, "view": e.view,
                         "dossier_code": e.dossier_code, "detail": e.detail, "hash": e.hash}} for e in rows]


def mark_synced(session: Session, op_ids: list[str], at: datetime) -> int:
    count = 0
    for event in session.scalars(select(ViewEvent).where(ViewEvent.op_id.in_(op_ids), ViewEvent.synced_at.is_(None))):
        event.synced_at = at
        count += 1
    return count


# -- command line ----------------------------------------------------------------------------

def cmd_audit_views(core, args) -> int:
    from counter_app.cli_output import emit

    with core.workspace.db.read() as session:
        records = list_views(session, dossier_code=args.dossier, officer=args.officer, limit=args.limit)
    lines = [f"{r.at:%Y-%m-%d %H:%M:%S}  {r.officer or '(' + r.detail.get('os_user', '?') + ')'}"
             f"  {r.counter}  {r.view:<14} {r.dossier_code or '-'}"
             f"  {json.dumps({k: v for k, v in r.detail.items() if k != 'os_user'}, ensure_ascii=False)}"
             for r in records]
    return emit(args, records, lines or ["No views recorded."])
